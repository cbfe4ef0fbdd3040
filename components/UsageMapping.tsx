import { memo, useId } from 'react';
import { COLUMN_ROLES, ColumnRole, DateOrder, cleanFeatureName, mappingProblems, type ColumnMapping } from '@/lib/usage/mapping';
import { columnRoleKey, dateOrderDecidedKey, mappingProblemKey } from '@/lib/usage/messages';
import type { FileSummary, PreviewSummary } from '@/lib/usage/worker-protocol';
import { useI18n } from './i18n';

/**
 * How each column of the file is read: one row per column with its header, a few example values,
 * what it is imported as (or "not imported") and, for feature columns, the feature's name. The
 * date order is offered when the file has dates that read both ways. "Re-check" recomputes the
 * preview with the corrected columns; confirming remembers them for files with the same headers.
 */
export const UsageMapping = memo(function UsageMapping(props: {
  file: FileSummary;
  preview: PreviewSummary;
  draft: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  dirty: boolean;
  busy: boolean;
  onRecheck: () => void;
}) {
  const { file, preview, draft, onChange, dirty, busy, onRecheck } = props;
  const { t } = useI18n();
  const id = useId();
  const problems = mappingProblems(draft);
  const setColumn = (index: number, change: Partial<ColumnMapping['columns'][number]>) =>
    onChange({ ...draft, columns: draft.columns.map((c, i) => (i === index ? { ...c, ...change } : c)) });
  const showDateOrder = preview.dateOrder.ambiguous > 0 || draft.dateOrder !== 'auto';

  return (
    <section className="usage-mapping" data-testid="usage-mapping" data-origin={preview.mappingOrigin} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('usageImport.columns')}</h3>
      <p className="muted">{t(preview.mappingOrigin === 'remembered' ? 'usage.mappingRemembered' : preview.mappingOrigin === 'user' ? 'usageImport.mappingYours' : 'usage.mappingGuessed')}</p>
      <div className="usage-table-scroll">
        <table className="usage-table">
          <thead>
            <tr>
              <th scope="col">{t('usageImport.column')}</th>
              <th scope="col">{t('usageImport.examples')}</th>
              <th scope="col">{t('usageImport.importedAs')}</th>
              <th scope="col">{t('usage.featureName')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.columns.map((column, index) => {
              const examples = file.samples
                .map((row) => row[index] ?? '')
                .filter((v) => v.trim() !== '')
                .join(' · ');
              return (
                <tr key={index} data-testid="usage-mapping-column" data-header={column.header} data-role={column.role}>
                  <th scope="row" className="usage-header-cell">{column.header || t('usageImport.noHeader', { n: index + 1 })}</th>
                  <td className="muted small usage-examples">{examples}</td>
                  <td>
                    <select
                      aria-label={t('usageImport.roleOf', { column: column.header || String(index + 1) })}
                      data-testid="usage-role-select"
                      value={column.role}
                      disabled={busy}
                      onChange={(event) => {
                        const role = ColumnRole.safeParse(event.target.value);
                        if (!role.success) return;
                        const feature = role.data === 'feature' && column.feature === '' ? cleanFeatureName(column.header) : column.feature;
                        setColumn(index, { role: role.data, feature });
                      }}
                    >
                      {COLUMN_ROLES.map((role) => (
                        <option key={role} value={role}>{t(columnRoleKey(role))}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {column.role === 'feature' && (
                      <input
                        type="text"
                        maxLength={120}
                        aria-label={t('usageImport.featureOf', { column: column.header || String(index + 1) })}
                        value={column.feature}
                        disabled={busy}
                        onChange={(event) => setColumn(index, { feature: event.target.value })}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {showDateOrder && (
        <div className="usage-date-order">
          <label className="field-control">
            {t('usage.dateOrder.label')}
            <select
              data-testid="usage-date-order"
              value={draft.dateOrder}
              disabled={busy}
              onChange={(event) => {
                const order = DateOrder.safeParse(event.target.value);
                if (order.success) onChange({ ...draft, dateOrder: order.data });
              }}
            >
              <option value="auto">{t('usage.dateOrder.auto')}</option>
              <option value="mdy">{t('usage.dateOrder.mdy')}</option>
              <option value="dmy">{t('usage.dateOrder.dmy')}</option>
            </select>
          </label>
          {preview.dateOrder.ambiguous > 0 && <p className="muted small">{t(dateOrderDecidedKey(preview.dateOrder), { count: preview.dateOrder.ambiguous })}</p>}
        </div>
      )}
      {problems.length > 0 && (
        <ul className="usage-problems warning" data-testid="usage-problems" role="alert">
          {problems.map((p, i) => (
            <li key={i} data-testid="usage-problem" data-code={p.code}>
              {t(mappingProblemKey(p.code), { role: p.detail === '' ? '' : roleLabel(t, p.detail), column: p.detail, name: p.detail })}
            </li>
          ))}
        </ul>
      )}
      <div className="row usage-recheck-row">
        <button type="button" data-testid="usage-recheck" disabled={!dirty || busy} onClick={onRecheck}>
          {t('usageImport.recheck')}
        </button>
        {dirty && <span className="muted small" data-testid="usage-recheck-needed">{t('usageImport.recheckNeeded')}</span>}
      </div>
    </section>
  );
});

function roleLabel(t: ReturnType<typeof useI18n>['t'], detail: string): string {
  const role = ColumnRole.safeParse(detail);
  return role.success ? t(columnRoleKey(role.data)) : detail;
}
