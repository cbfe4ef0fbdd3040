import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AccountKey } from '@/lib/model/account';
import { request } from '@/lib/messaging/client';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { handoverFileName } from '@/lib/handover/file-name';
import { ErrorMessage, useI18n } from './i18n';
import { downloadText } from './download';

type Status = { kind: 'working' } | { kind: 'done'; file: string } | { kind: 'error'; error: AppErrorData };

/** Opens the settings page in a tab of its own (from the sidebar's frame too). */
async function openSettings(): Promise<void> {
  const url = browser.runtime.getURL('/options.html');
  try {
    await browser.tabs.create({ url });
  } catch {
    window.open(url, '_blank', 'noopener');
  }
}

/**
 * Exports a handover package of the given accounts (the sidebar's one, or the portfolio's
 * selection): whether internal-only notes go in (off unless ticked), and the download. The
 * sender's name comes from settings; until it is set, the panel says so and links there.
 */
export function HandoverExport({ accounts, many = false }: { accounts: readonly { key: AccountKey; name: string }[]; many?: boolean }) {
  const { t } = useI18n();
  const [includeInternal, setIncludeInternal] = useState(false);
  const [senderName, setSenderName] = useState<string | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => {
    request({ type: 'settings.get' }).then((settings) => setSenderName(settings.senderName.trim()), (e: unknown) => setStatus({ kind: 'error', error: toErrorData(e) }));
  }, []);

  const download = async () => {
    if (accounts.length === 0) return;
    setStatus({ kind: 'working' });
    try {
      const handover = await request({ type: 'handover.export', accountKeys: accounts.map((a) => a.key), includeInternal });
      const file = handoverFileName(accounts.map((a) => a.name), new Date());
      downloadText(JSON.stringify(handover, null, 1), file, 'application/json');
      setSenderName(handover.sender.name);
      setStatus({ kind: 'done', file });
    } catch (e) {
      const error = toErrorData(e);
      // Set in another tab meanwhile, or cleared: the refusal is the truth.
      if (error.code === 'sender-name-missing') setSenderName('');
      setStatus({ kind: 'error', error });
    }
  };

  const nameMissing = senderName === '';
  return (
    <div className="handover-export" data-testid="handover-panel">
      <p className="muted small">{t(many ? 'handover.helpMany' : 'handover.help')}</p>
      {nameMissing ? (
        <div data-testid="handover-name-missing">
          <p className="warning" role="status">{t('handover.nameMissing')}</p>
          <button type="button" data-testid="handover-open-settings" onClick={() => void openSettings()}>{t('handover.openSettings')}</button>
        </div>
      ) : (
        senderName && <p className="muted small">{t('handover.as', { name: senderName })}</p>
      )}
      <label className="check">
        <input type="checkbox" data-testid="handover-include-internal" checked={includeInternal} onChange={(e) => setIncludeInternal(e.target.checked)} />
        {t('handover.includeInternal')}
      </label>
      <div className="export-actions">
        <button type="button" className="primary" data-testid="handover-export" disabled={accounts.length === 0 || senderName === null || nameMissing || status?.kind === 'working'} onClick={() => void download()}>
          {t('handover.download')}
        </button>
      </div>
      <div data-testid="handover-status" data-state={status?.kind ?? 'idle'} aria-live="polite">
        {status?.kind === 'working' && <p className="muted">{t('handover.working')}</p>}
        {status?.kind === 'done' && <p className="ok">{t('handover.downloaded', { file: status.file })}</p>}
        {status?.kind === 'error' && status.error.code !== 'sender-name-missing' && <ErrorMessage error={status.error} />}
      </div>
    </div>
  );
}
