import { useCallback, useEffect, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import { WRITABLE_CRMS, type CrmWriteSwitches, type WritableCrm } from '@/lib/model/crm-write';
import { request } from '@/lib/messaging/client';
import type { ReplyDataOf } from '@/lib/messaging/protocol';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { HUBSPOT_API_HOST } from '@/lib/crm-write/target';
import { ErrorMessage, useI18n } from './i18n';

/** What each CRM's writes need beyond the install-time hosts: Salesforce's session cookie, HubSpot's API host. */
const NEEDS: Record<WritableCrm, Browser.permissions.Permissions | null> = {
  salesforce: { permissions: ['cookies'] },
  dynamics: null,
  hubspot: { origins: [`https://${HUBSPOT_API_HOST}/*`] },
};

type Summary = ReplyDataOf<'crmWrite.summary'>;

/**
 * Settings: logging touches to each CRM (off until turned on; the permission it needs is asked
 * for in the click that turns it on), how many writes wait or failed, and HubSpot's token.
 */
export function CrmWritesForm() {
  const { t, number } = useI18n();
  const [switches, setSwitches] = useState<CrmWriteSwitches>();
  const [summary, setSummary] = useState<Summary>();
  const [error, setError] = useState<AppErrorData>();
  const [denied, setDenied] = useState<WritableCrm>();
  const [token, setToken] = useState('');

  const load = useCallback(async () => {
    try {
      const [settings, counts] = await Promise.all([request({ type: 'settings.get' }), request({ type: 'crmWrite.summary' })]);
      setSwitches(settings.crmWrites);
      setSummary(counts);
    } catch (e) {
      setError(toErrorData(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  if (!switches) return error ? <ErrorMessage error={error} /> : null;

  const turn = async (crm: WritableCrm, on: boolean) => {
    setDenied(undefined);
    try {
      const needs = NEEDS[crm];
      // Asked inside the click: browsers show the prompt only for a user gesture.
      if (on && needs && !(await browser.permissions.request(needs).catch(() => false))) {
        setDenied(crm);
        return;
      }
      setSwitches(await request({ type: 'crmWrite.switch', crm, on }));
      setError(undefined);
    } catch (e) {
      setError(toErrorData(e));
    }
  };
  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      setError(undefined);
      await load();
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  const waiting = summary ? WRITABLE_CRMS.reduce((n, crm) => n + summary.counts[crm].waiting, 0) : 0;
  const failed = summary ? WRITABLE_CRMS.reduce((n, crm) => n + summary.counts[crm].failed, 0) : 0;

  return (
    <div data-testid="crm-writes">
      <p className="muted">{t('crmWrite.help')}</p>
      <ul className="crm-interfaces">
        {WRITABLE_CRMS.map((crm) => (
          <li key={crm} data-testid="crm-write" data-crm={crm} data-on={String(switches[crm])}>
            <label className="crm-switch">
              <input type="checkbox" role="switch" data-testid="crm-write-switch" checked={switches[crm]} onChange={(e) => void turn(crm, e.target.checked)} />
              <span>{t(`crmWrite.${crm}`)}</span>
            </label>
            {denied === crm && <p className="warning small" role="alert">{t('crmWrite.denied')}</p>}
          </li>
        ))}
      </ul>
      {switches.hubspot && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await request({ type: 'crmWrite.token', token });
              setToken('');
            });
          }}
        >
          <label>
            {t('crmWrite.token')}
            <input type="password" autoComplete="off" maxLength={500} data-testid="crm-write-hubspot-token" value={token} onChange={(e) => setToken(e.target.value)} />
          </label>
          <button type="submit" disabled={!token.trim()}>{t('crmWrite.tokenSave')}</button>
          {summary?.hasHubspotToken && <p className="muted small" data-testid="crm-write-token-saved">{t('crmWrite.tokenSaved')}</p>}
        </form>
      )}
      {(waiting > 0 || failed > 0) && (
        <p data-testid="crm-write-queue" data-waiting={waiting} data-failed={failed}>
          {t('crmWrite.queue', { waiting: number(waiting), failed: number(failed) })}{' '}
          <button type="button" data-testid="crm-write-retry-all" onClick={() => void act(() => request({ type: 'crmWrite.retryAll' }))}>{t('crmWrite.retryAll')}</button>
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
