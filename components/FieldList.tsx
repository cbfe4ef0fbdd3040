import { useLayoutEffect, useRef } from 'react';
import type { KnownField } from '@/lib/model/account';
import { useI18n } from './i18n';

/** `testId`: `sidebar-field` is a field of the page's reading; a remembered view's fields are named apart. */
function Fields({ fields, testId = 'sidebar-field' }: { fields: KnownField[]; testId?: string }) {
  return fields.map((field) => (
    <div className="field" key={field.key}>
      <dt>{field.label || field.key}</dt>
      <dd data-testid={testId} data-field={field.key} data-on-page={String(field.onPage)}>
        {field.value}
      </dd>
    </div>
  ));
}

/**
 * The record's fields: those the page shows, then (set apart) those it does not show now, such as
 * the Details tab's fields while the Related tab is open, with their last read value.
 * `remembered`: the page has not rendered the record yet, and every field shows its last read value.
 */
export function FieldList({ fields, remembered }: { fields: KnownField[]; remembered: boolean }) {
  const { t } = useI18n();
  const list = useRef<HTMLDListElement>(null);
  // When the fields read from the page reached the screen, for `npm run bench` (same clock as the page's timestamps).
  useLayoutEffect(() => {
    list.current?.setAttribute('data-rendered-at', String(performance.timeOrigin + performance.now()));
  }, [fields]);
  if (remembered) {
    return (
      <>
        <p className="muted small" data-testid="sidebar-reading-record">{t('sidebar.readingRecord')}</p>
        {fields.length > 0 && (
          <dl className="fields elsewhere">
            <Fields fields={fields} testId="sidebar-field-stored" />
          </dl>
        )}
      </>
    );
  }
  if (fields.length === 0) return <p className="muted">{t('sidebar.noFields')}</p>;
  const elsewhere = fields.filter((f) => !f.onPage);
  return (
    <>
      <dl className="fields" ref={list} data-testid="sidebar-fields">
        <Fields fields={fields.filter((f) => f.onPage)} />
      </dl>
      {elsewhere.length > 0 && (
        <>
          <h3 className="muted small">{t('sidebar.fieldsElsewhere')}</h3>
          <dl className="fields elsewhere">
            <Fields fields={elsewhere} />
          </dl>
        </>
      )}
    </>
  );
}
