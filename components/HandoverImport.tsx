import { useRef, useState, type ChangeEvent } from 'react';
import { request } from '@/lib/messaging/client';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import type { HandoverImportResult } from '@/lib/handover/format';
import { ErrorMessage, useI18n } from './i18n';

type Outcome = { kind: 'imported'; result: HandoverImportResult } | { kind: 'refused'; error: AppErrorData };

/** The settings page's import of a handover package: merged into this profile, or refused in words with nothing changed. */
export function HandoverImport() {
  const { t, dateTime, number } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>();
  const [working, setWorking] = useState(false);
  // How many files this page has imported: tells one outcome from the next when both read the same.
  const [imports, setImports] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setWorking(true);
    try {
      setOutcome({ kind: 'imported', result: await request({ type: 'handover.import', text: await file.text() }) });
    } catch (error) {
      setOutcome({ kind: 'refused', error: toErrorData(error) });
    } finally {
      setWorking(false);
      setImports((n) => n + 1);
    }
  };

  const summary = (r: HandoverImportResult) => {
    const sender = r.senderName;
    const date = dateTime(r.sentAt);
    if (r.again && r.counts.added + r.counts.updated + r.counts.merged + r.counts.conflicts === 0) return [t('options.handoverAgain', { sender, date })];
    const c = r.counts;
    const lines = [
      t('options.handoverImported', {
        sender, date, accounts: number(r.accounts), newAccounts: number(r.newAccounts), added: number(c.added), unchanged: number(c.unchanged), updated: number(c.updated), merged: number(c.merged),
      }),
    ];
    if (c.conflicts > 0) lines.push(t('options.handoverConflicts', { conflicts: number(c.conflicts), sender }));
    if (c.linksKept > 0) lines.push(t('options.handoverLinksKept', { count: number(c.linksKept) }));
    return lines;
  };

  return (
    <>
      <p>{t('options.handoverHelp')}</p>
      <div className="row">
        <button type="button" disabled={working} onClick={() => fileInput.current?.click()}>{t('options.handoverImport')}</button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="handover-import" onChange={(e) => void importFile(e)} />
      </div>
      <div data-testid="handover-result" data-imports={imports} aria-live="polite">
        {outcome?.kind === 'imported' && (
          <div className="ok" data-outcome="imported" data-added={outcome.result.counts.added} data-conflicts={outcome.result.counts.conflicts} data-again={String(outcome.result.again)}>
            {summary(outcome.result).map((line) => <p key={line}>{line}</p>)}
          </div>
        )}
        {outcome?.kind === 'refused' && (
          <div data-outcome="refused">
            <p className="error" role="alert">{t('options.handoverRefused')}</p>
            <ErrorMessage error={outcome.error} />
          </div>
        )}
      </div>
    </>
  );
}
