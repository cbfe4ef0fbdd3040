import { memo, useId, useMemo, useState } from 'react';
import { request } from '@/lib/messaging/client';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { matchHowKey } from '@/lib/usage/messages';
import type { UsageSourceAccount } from '@/lib/usage/store';
import { ErrorMessage, useI18n } from './i18n';
import type { UsageContext } from '@/lib/messaging/protocol';
import { accountLabel } from './UsagePreview';

const PAGE = 50;

/**
 * The usage accounts stored so far that are linked to no CRM account, each with a picker of the
 * CRM accounts seen; a link made here is remembered (`usage.link`) and used by later imports.
 * Accounts linked during this visit stay in the list so a wrong pick can be undone in place.
 */
export const UsageAccountLinks = memo(function UsageAccountLinks({ context, onChanged }: { context: UsageContext; onChanged: () => Promise<void> }) {
  const { t, number } = useI18n();
  const id = useId();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [shown, setShown] = useState(PAGE);
  const [linkedShown, setLinkedShown] = useState(PAGE * 2);
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);
  const crmSorted = useMemo(() => [...context.crmAccounts].sort((a, b) => a.name.localeCompare(b.name)), [context.crmAccounts]);
  const crmNames = useMemo(() => new Map(context.crmAccounts.map((a) => [a.accountKey, a.name])), [context.crmAccounts]);

  const unmatched = context.sources.filter((s) => s.link === null || touched.has(s.sourceAccountKey));
  const linked = context.sources.filter((s) => s.link !== null && !touched.has(s.sourceAccountKey));

  const setLink = async (source: UsageSourceAccount, value: string) => {
    const accountKey = value === '' ? null : (context.crmAccounts.find((a) => a.accountKey === value)?.accountKey ?? null);
    if (value !== '' && accountKey === null) return;
    setPending(source.sourceAccountKey);
    setError(null);
    try {
      await request({ type: 'usage.link', sourceAccountKey: source.sourceAccountKey, accountKey });
      setTouched((before) => new Set(before).add(source.sourceAccountKey));
      await onChanged();
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setPending(null);
    }
  };

  return (
    <section className="usage-accounts-stored" aria-labelledby={`${id}-title`} data-testid="usage-accounts" data-sources={context.sources.length}>
      <h3 id={`${id}-title`}>{t('usageImport.unmatchedTitle')}</h3>
      {context.sources.length === 0 ? (
        <p className="muted" data-testid="usage-empty">{t('usageImport.empty')}</p>
      ) : (
        <p className="muted" data-testid="usage-stored-summary">
          {t('usageImport.storedSummary', { accounts: number(context.sources.length), linked: number(context.sources.length - context.sources.filter((s) => s.link === null).length) })}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      {context.sources.length > 0 && unmatched.length === 0 && <p className="ok" data-testid="usage-all-linked">{t('usageImport.allLinked')}</p>}
      {unmatched.length > 0 && (
        <>
          <p className="muted small">{t(crmSorted.length === 0 ? 'usageImport.noCrmAccounts' : 'usageImport.unmatchedHelp')}</p>
          <ul className="cards usage-unmatched" data-testid="usage-unmatched">
            {unmatched.slice(0, shown).map((source) => {
              const value = source.link?.accountKey ?? '';
              return (
                <li key={source.sourceAccountKey} className="card" data-testid="usage-unmatched-account" data-source-key={source.sourceAccountKey} data-linked={value !== '' ? 'true' : 'false'}>
                  <label className="field-control usage-link-control">
                    <span>
                      {accountLabel(source.account)}
                      <span className="muted small"> · {[source.account.id, source.account.domain].filter((x) => x !== '' && x !== accountLabel(source.account)).join(' · ') || source.source}</span>
                    </span>
                    <select
                      data-testid="usage-link-select"
                      aria-label={t('usageImport.linkOf', { name: accountLabel(source.account) })}
                      value={value}
                      disabled={pending === source.sourceAccountKey || crmSorted.length === 0}
                      onChange={(event) => void setLink(source, event.target.value)}
                    >
                      <option value="">{t('usageImport.notLinked')}</option>
                      {crmSorted.map((a) => (
                        <option key={a.accountKey} value={a.accountKey}>{a.name || a.recordId}</option>
                      ))}
                    </select>
                  </label>
                  {value !== '' && (
                    <p className="ok small" role="status" data-testid="usage-link-status">{t('usageImport.linked', { name: crmNames.get(value) ?? value })}</p>
                  )}
                </li>
              );
            })}
          </ul>
          {unmatched.length > shown && (
            <button type="button" className="link" onClick={() => setShown((n) => n + PAGE)}>
              {t('usageImport.showMore', { count: number(Math.min(PAGE, unmatched.length - shown)), total: number(unmatched.length) })}
            </button>
          )}
        </>
      )}
      {linked.length > 0 && (
        <details className="usage-linked" data-testid="usage-linked">
          <summary>{t('usageImport.linkedTitle', { count: number(linked.length) })}</summary>
          <ul className="usage-linked-list">
            {linked.slice(0, linkedShown).map((source) => {
              const current = source.link;
              if (!current) return null;
              return (
                <li key={source.sourceAccountKey} data-testid="usage-linked-account" data-source-key={source.sourceAccountKey} data-account-key={current.accountKey} data-how={current.how}>
                  {accountLabel(source.account)} → {crmNames.get(current.accountKey) ?? current.accountKey} <span className="muted small">({t(matchHowKey(current.how))})</span>
                  <button
                    type="button"
                    className="link danger"
                    data-testid="usage-unlink"
                    aria-label={t('usageImport.unlinkOf', { name: accountLabel(source.account) })}
                    disabled={pending === source.sourceAccountKey}
                    onClick={() => void setLink(source, '')}
                  >
                    {t('usageImport.unlink')}
                  </button>
                </li>
              );
            })}
          </ul>
          {linked.length > linkedShown && (
            <button type="button" className="link" onClick={() => setLinkedShown((n) => n + PAGE * 2)}>
              {t('usageImport.showMore', { count: number(Math.min(PAGE * 2, linked.length - linkedShown)), total: number(linked.length) })}
            </button>
          )}
        </details>
      )}
    </section>
  );
});
