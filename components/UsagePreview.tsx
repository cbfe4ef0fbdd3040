import { memo, useId, useMemo, useState } from 'react';
import type { MessageKey } from '@/lib/i18n';
import { columnRoleKey, matchHowKey, parseWarningKey, rejectReasonKey } from '@/lib/usage/messages';
import type { PreviewAccountSummary, PreviewSummary } from '@/lib/usage/worker-protocol';
import type { CrmAccountForMatch } from '@/lib/usage/match';
import { useI18n } from './i18n';

type T = ReturnType<typeof useI18n>['t'];

/** A metric id as a CSM reads it: "Active users", "Feature: Reports". */
export function metricLabel(t: T, metric: string): string {
  if (metric.startsWith('feature:')) return t('usage.metric.feature', { name: metric.slice('feature:'.length) });
  if (metric === 'activeUsers' || metric === 'licensedSeats' || metric === 'logins') return t(columnRoleKey(metric));
  return metric;
}

/** How the file names an account: its name, else domain, else id. */
export function accountLabel(account: { id: string; domain: string; name: string }): string {
  return account.name || account.domain || account.id;
}

const MATCH_ORDER = ['record-id', 'domain', 'name', 'manual', 'remembered'] as const;

/**
 * What the import would store, before anything is written: rows and figures, accounts matched
 * (and how) or not, every refused row with its line, duplicates, dates and metrics. Confirm
 * stores it in one go; Cancel forgets the file.
 */
export const UsagePreview = memo(function UsagePreview(props: {
  preview: PreviewSummary;
  crmAccounts: readonly CrmAccountForMatch[];
  dirty: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { preview, crmAccounts, dirty, busy, onConfirm, onCancel } = props;
  const { t, number, day } = useI18n();
  const id = useId();
  const crmNames = useMemo(() => new Map(crmAccounts.map((a) => [a.accountKey, a.name])), [crmAccounts]);
  const canStore = preview.recordCount > 0 && preview.problems.length === 0;

  return (
    <section className="usage-preview" data-testid="usage-preview" data-records={preview.recordCount} data-rejected={preview.rejectedCount} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('usageImport.previewTitle')}</h3>
      {canStore ? (
        <ul className="usage-facts">
          <li data-testid="usage-preview-rows">
            {t('usage.preview.rows', { rows: number(preview.acceptedRows), total: number(preview.rowCount), records: number(preview.recordCount) })}
          </li>
          <li data-testid="usage-preview-accounts" data-matched={preview.matchedAccounts} data-unmatched={preview.unmatchedAccounts}>
            {t('usage.preview.accounts', { matched: number(preview.matchedAccounts), total: number(preview.accountCount) })}
            {preview.matchedAccounts > 0 && (
              <span className="chips usage-how">
                {MATCH_ORDER.filter((how) => (preview.matchedBy[how] ?? 0) > 0).map((how) => (
                  <span key={how} className="chip" data-testid="usage-matched-by" data-how={how}>
                    {how === 'remembered' ? t('usage.match.remembered') : t(matchHowKey(how))}: {number(preview.matchedBy[how] ?? 0)}
                  </span>
                ))}
              </span>
            )}
          </li>
          {preview.dateRange && <li>{t('usage.preview.dateRange', { from: day(preview.dateRange.from), to: day(preview.dateRange.to) })}</li>}
          {preview.metrics.length > 0 && <li>{t('usage.preview.metrics', { metrics: preview.metrics.map((m) => metricLabel(t, m)).join(', ') })}</li>}
          {preview.subscriptions.length > 0 && <li>{t('usageImport.subscriptions', { list: preview.subscriptions.join(', ') })}</li>}
          {preview.duplicateRows > 0 && <li data-testid="usage-duplicates" data-count={preview.duplicateRows}>{t('usage.preview.duplicates', { count: number(preview.duplicateRows) })}</li>}
        </ul>
      ) : (
        <p className="warning" data-testid="usage-nothing">{t('usage.preview.nothing')}</p>
      )}

      {preview.accounts.length > 0 && <AccountsTable preview={preview} crmNames={crmNames} />}
      {preview.rejectedCount > 0 && <RejectedRows preview={preview} />}
      {preview.warningCount > 0 && (
        <details className="usage-warnings" data-testid="usage-warnings">
          <summary>{t('usageImport.warnings', { count: number(preview.warningCount) })}</summary>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>{t(parseWarningKey(w.code), { line: w.line })}</li>
            ))}
          </ul>
        </details>
      )}

      {canStore && <p className="muted small">{t('usage.preview.reimportNote')}</p>}
      <div className="row actions">
        {dirty && <span className="muted">{t('usageImport.recheckFirst')}</span>}
        <button type="button" data-testid="usage-cancel" onClick={onCancel}>{t('usage.preview.cancel')}</button>
        <button type="button" className="primary" data-testid="usage-confirm" disabled={!canStore || dirty || busy} onClick={onConfirm}>
          {t('usage.preview.confirm', { records: number(preview.recordCount) })}
        </button>
      </div>
    </section>
  );
});

function matchText(t: T, account: PreviewAccountSummary): string {
  if (!account.match) return account.candidates.length > 0 ? t('usage.match.ambiguous', { count: account.candidates.length }) : t('usage.match.unmatched');
  const how = t(matchHowKey(account.match.how));
  return account.match.remembered ? `${t('usage.match.remembered')} (${how})` : how;
}

function AccountsTable({ preview, crmNames }: { preview: PreviewSummary; crmNames: ReadonlyMap<string, string> }) {
  const { t, number } = useI18n();
  // Up to 500 rows: built only when the list is opened; a short list starts open (again for
  // each new preview).
  const openAtFirst = preview.accountCount <= 20;
  const [open, setOpen] = useState(openAtFirst);
  const [shownFor, setShownFor] = useState(preview);
  if (shownFor !== preview) {
    setShownFor(preview);
    setOpen(openAtFirst);
  }
  return (
    <details className="usage-accounts" data-testid="usage-preview-accounts-list" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('usageImport.accountsTitle', { count: number(preview.accountCount) })}</summary>
      {open && (
        <>
          {preview.unmatchedAccounts > 0 && <p className="muted small">{t('usage.preview.unmatchedNote')}</p>}
          <div className="usage-table-scroll usage-list-scroll">
            <table className="usage-table">
              <thead>
                <tr>
                  <th scope="col">{t('usageImport.inFile')}</th>
                  <th scope="col">{t('usageImport.rows')}</th>
                  <th scope="col">{t('usageImport.crmAccount')}</th>
                  <th scope="col">{t('usageImport.how')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.accounts.map((a) => (
                  <tr
                    key={a.sourceAccountKey}
                    data-testid="usage-preview-account"
                    data-source-key={a.sourceAccountKey}
                    data-match={a.match ? (a.match.remembered ? 'remembered' : a.match.how) : 'unmatched'}
                  >
                    <th scope="row">
                      {accountLabel(a.account)}
                      {a.account.id && a.account.name && <span className="muted small"> · {a.account.id}</span>}
                    </th>
                    <td>{number(a.rows)}</td>
                    <td>{a.match ? (crmNames.get(a.match.accountKey) ?? a.match.accountKey) : '—'}</td>
                    <td className={a.match ? '' : 'usage-unmatched-cell'}>{matchText(t, a)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.accountCount > preview.accounts.length && (
            <p className="muted small">{t('usageImport.firstOf', { shown: number(preview.accounts.length), count: number(preview.accountCount) })}</p>
          )}
        </>
      )}
    </details>
  );
}

function RejectedRows({ preview }: { preview: PreviewSummary }) {
  const { t, number } = useI18n();
  const id = useId();
  return (
    <div className="usage-rejected" data-testid="usage-rejected" data-count={preview.rejectedCount}>
      <p id={`${id}-title`}>
        <strong>{t('usage.rejectedCount', { count: number(preview.rejectedCount) })}</strong>
      </p>
      <ol className="usage-list-scroll" aria-labelledby={`${id}-title`} tabIndex={0}>
        {preview.rejected.map((r, i) => {
          const key: MessageKey = rejectReasonKey(r.reason);
          return (
            <li key={i} data-testid="usage-rejected-row" data-line={r.line} data-reason={r.reason}>
              {t(key, { line: r.line, value: r.detail === '' ? t('sidebar.empty') : r.detail, column: r.column })}
            </li>
          );
        })}
      </ol>
      {preview.rejectedCount > preview.rejected.length && (
        <p className="muted small" data-testid="usage-rejected-more">{t('usageImport.firstOf', { shown: number(preview.rejected.length), count: number(preview.rejectedCount) })}</p>
      )}
    </div>
  );
}
