import { useEffect, useState } from 'react';
import { writableCrmOf, type CrmWriteStatus, type TeamTouch } from '@/lib/model/crm-write';
import type { CsmSettings } from '@/lib/model/settings';
import { request } from '@/lib/messaging/client';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { ErrorMessage, useI18n } from './i18n';

/** Whether the account's touches are written to its CRM (the switch of its CRM is on). */
export function writesOn(accountKey: string, settings: CsmSettings): boolean {
  const crm = writableCrmOf(accountKey);
  return crm !== null && settings.crmWrites[crm];
}

/**
 * Each touch's write to the CRM on the account, read again whenever the timeline is (a write's
 * change of state reloads it too). Read whatever the switch says: the sidebar's settings may be
 * older than a switch just turned on, and writes made before it was turned off still show.
 */
export function useCrmWriteStatuses(accountKey: string, timeline: unknown): ReadonlyMap<string, CrmWriteStatus> {
  const [statuses, setStatuses] = useState<ReadonlyMap<string, CrmWriteStatus>>(new Map());
  useEffect(() => {
    if (!writableCrmOf(accountKey)) return setStatuses(new Map());
    let live = true;
    request({ type: 'crmWrite.statuses', accountKey }).then(
      (list) => live && setStatuses(new Map(list.map((s) => [s.interactionId, s]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [accountKey, timeline]);
  return statuses;
}

/** A touch's write, on its timeline entry: written, waiting (and why), not written (why, and a retry). */
export function CrmWriteMark({ status, onError }: { status: CrmWriteStatus; onError: (error: AppErrorData) => void }) {
  const { t } = useI18n();
  const why = status.lastError ? t(`error.${status.lastError.code}`, { detail: status.lastError.detail, version: status.lastError.detail }) : null;
  return (
    <p className={`crm-write crm-write-${status.state} small`} data-testid="crm-write-status" data-state={status.state} data-code={status.lastError?.code}>
      {t(`crmWrite.state.${status.state}`)}
      {why && <span className="muted"> · {why}</span>}
      {(status.state === 'failed' || (status.state === 'waiting' && status.lastError)) && (
        <>
          {' '}
          <button type="button" className="link" data-testid="crm-write-retry" onClick={() => void request({ type: 'crmWrite.retry', interactionId: status.interactionId }).catch((e: unknown) => onError(toErrorData(e)))}>
            {t('crmWrite.retry')}
          </button>
        </>
      )}
    </p>
  );
}

/** The account's recent activities in the CRM by others: read when asked, shown apart, never stored among the CSM's records. */
export function TeamTouches({ accountKey }: { accountKey: string }) {
  const { t, dateTime } = useI18n();
  const [touches, setTouches] = useState<TeamTouch[]>();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<AppErrorData>();
  const read = async () => {
    setReading(true);
    try {
      setTouches((await request({ type: 'teamTouches.read', accountKey })).touches);
      setError(undefined);
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setReading(false);
    }
  };
  return (
    <div data-testid="team-touches" data-state={reading ? 'reading' : touches ? 'read' : 'idle'}>
      <p className="muted small">{t('teamTouches.note')}</p>
      <button type="button" data-testid="team-touches-read" disabled={reading} onClick={() => void read()}>
        {t(touches ? 'teamTouches.refresh' : 'teamTouches.show')}
      </button>
      {error && <ErrorMessage error={error} />}
      {touches && touches.length === 0 && <p className="muted" data-testid="team-touches-empty">{t('teamTouches.empty')}</p>}
      {touches && touches.length > 0 && (
        <ol className="team-touches">
          {touches.map((touch) => (
            <li key={touch.id} data-testid="team-touch">
              <strong>{touch.subject}</strong>
              <span className="muted small"> {t('teamTouches.by', { name: touch.by || '—', date: dateTime(touch.at) })}</span>
              {touch.body && <p className="entry-notes">{touch.body.length > 600 ? `${touch.body.slice(0, 600)}…` : touch.body}</p>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
