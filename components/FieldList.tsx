import { useLayoutEffect, useRef } from 'react';
import type { RecordField } from '@/lib/model/account';
import { useI18n } from './i18n';

export function FieldList({ fields }: { fields: RecordField[] }) {
  const { t } = useI18n();
  const list = useRef<HTMLDListElement>(null);
  // When the fields reached the screen, for `npm run bench` (same clock as the page's timestamps).
  useLayoutEffect(() => {
    list.current?.setAttribute('data-rendered-at', String(performance.timeOrigin + performance.now()));
  }, [fields]);
  if (fields.length === 0) return <p className="muted">{t('sidebar.noFields')}</p>;
  return (
    <dl className="fields" ref={list} data-testid="sidebar-fields">
      {fields.map((field) => (
        <div className="field" key={field.key}>
          <dt>{field.label || field.key}</dt>
          <dd data-testid="sidebar-field" data-field={field.key}>
            {field.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
