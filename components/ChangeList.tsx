import type { FieldChange } from '@/lib/model/account';
import { useI18n } from './i18n';

/** What changed in the CRM record since an earlier visit. */
export function ChangeList({ changes, comparedWith }: { changes: FieldChange[]; comparedWith: string | null }) {
  const { t, dateTime } = useI18n();
  if (comparedWith === null) return <p className="muted" data-testid="changes-first-visit">{t('sidebar.firstVisit')}</p>;
  if (changes.length === 0) return <p className="muted" data-testid="changes-none">{t('sidebar.noChanges', { date: dateTime(comparedWith) })}</p>;
  const show = (value: string) => value || t('sidebar.empty');
  return (
    <>
      <p className="muted">{t('sidebar.changesSince', { date: dateTime(comparedWith) })}</p>
      <ul className="changes">
        {changes.map((change) => (
          <li key={change.key} data-testid="field-change" data-field={change.key}>
            <strong>{change.label || change.key}</strong> {t('sidebar.changeArrow', { before: show(change.before), after: show(change.after) })}
          </li>
        ))}
      </ul>
    </>
  );
}
