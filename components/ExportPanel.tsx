import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { AccountKey } from '@/lib/model/account';
import { request } from '@/lib/messaging/client';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { lastQuarter } from '@/lib/export/brief';
import type { DateRange } from '@/lib/model/dates';
import { briefLinkHash, isValidRange } from '@/lib/export/brief-link';
import { exportFileName } from '@/lib/export/file-name';
import { qbrMarkdown, qbrTimelineCsv, type QbrSource } from '@/lib/export/qbr';
import { ErrorMessage, useI18n } from './i18n';
import { copyText, downloadText } from './download';
import { HandoverExport } from './HandoverExport';

type Status =
  | { kind: 'working' }
  | { kind: 'done'; text: string }
  | { kind: 'refused'; text: string }
  | { kind: 'error'; error: AppErrorData };

/**
 * The QBR export of one account: a date range (the last quarter by default), whether
 * internal-only notes go in, and the formats. The record is read from the background at the
 * click, so the export has what was saved a moment ago.
 */
export function ExportPanel({ accountKey, accountName }: { accountKey: AccountKey; accountName: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [range, setRange] = useState<DateRange>(() => lastQuarter(new Date()));
  const [includeInternal, setIncludeInternal] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  // Open at first, so its controls are in reach; a click on the title folds it away.
  const [open, setOpen] = useState(true);
  const [handoverOpen, setHandoverOpen] = useState(false);
  const valid = isValidRange(range);
  const backwards = range.from !== '' && range.to !== '' && range.from > range.to;
  const options = { range, includeInternal };

  const withRecord = async (action: (source: QbrSource) => Promise<Status> | Status) => {
    if (!valid) return;
    setStatus({ kind: 'working' });
    try {
      const brief = await request({ type: 'account.brief', accountKey, range: { from: range.from, to: range.to } });
      setStatus(brief ? await action(brief) : { kind: 'refused', text: t('export.notStored') });
    } catch (error) {
      setStatus({ kind: 'error', error: toErrorData(error) });
    }
  };

  const downloadMarkdown = () =>
    withRecord((source) => {
      const file = exportFileName(accountName, range, 'QBR', 'md');
      downloadText(qbrMarkdown(source, options, i18n, new Date()), file, 'text/markdown;charset=utf-8');
      return { kind: 'done', text: t('export.downloaded', { file }) };
    });

  const copyMarkdown = () =>
    withRecord(async (source) => {
      const copied = await copyText(qbrMarkdown(source, options, i18n, new Date()));
      return copied ? { kind: 'done', text: t('export.copied') } : { kind: 'refused', text: t('export.copyRefused') };
    });

  const downloadCsv = () =>
    withRecord((source) => {
      const file = exportFileName(accountName, range, 'timeline', 'csv');
      downloadText(qbrTimelineCsv(source, options, i18n), file, 'text/csv;charset=utf-8');
      return { kind: 'done', text: t('export.downloaded', { file }) };
    });

  const openPrintable = async () => {
    if (!valid) return;
    // Only the account key, the range and the flag go into the address; the page reads the rest.
    const url = browser.runtime.getURL(`/brief.html${briefLinkHash({ accountKey, from: range.from, to: range.to, includeInternal })}`);
    try {
      await browser.tabs.create({ url });
    } catch {
      window.open(url, '_blank', 'noopener');
    }
    setStatus({ kind: 'done', text: t('export.opened') });
  };

  return (
    <details
      className="export-panel"
      data-testid="export-panel"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary><h2>{t('export.title')}</h2></summary>
      <fieldset className="export-range">
        <legend>{t('export.range')}</legend>
        <label className="field-control">
          <span>{t('export.from')}</span>
          <input type="date" data-testid="export-from" value={range.from} max={range.to || undefined} aria-invalid={backwards} onChange={(e) => setRange({ ...range, from: e.target.value })} />
        </label>
        <label className="field-control">
          <span>{t('export.to')}</span>
          <input type="date" data-testid="export-to" value={range.to} min={range.from || undefined} aria-invalid={backwards} onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </label>
      </fieldset>
      {backwards && <p className="error" role="alert" data-testid="export-bad-range">{t('export.badRange')}</p>}
      <label className="check">
        <input type="checkbox" data-testid="export-include-internal" checked={includeInternal} onChange={(e) => setIncludeInternal(e.target.checked)} />
        {t('export.includeInternal')}
      </label>
      <div className="export-actions">
        <button type="button" className="primary" data-testid="export-markdown" disabled={!valid} onClick={() => void downloadMarkdown()}>{t('export.markdown')}</button>
        <button type="button" data-testid="export-copy" disabled={!valid} onClick={() => void copyMarkdown()}>{t('export.copy')}</button>
        <button type="button" data-testid="export-print" disabled={!valid} onClick={() => void openPrintable()}>{t('export.print')}</button>
        <button type="button" data-testid="export-csv" disabled={!valid} onClick={() => void downloadCsv()}>{t('export.csv')}</button>
      </div>
      <div data-testid="export-status" data-state={status?.kind ?? 'idle'} aria-live="polite">
        {status?.kind === 'working' && <p className="muted">{t('export.working')}</p>}
        {status?.kind === 'done' && <p className="ok">{status.text}</p>}
        {status?.kind === 'refused' && <p className="error" role="alert">{status.text}</p>}
        {status?.kind === 'error' && <ErrorMessage error={status.error} />}
      </div>
      {/* Rendered once opened: the sidebar's first screen asks for nothing more. */}
      <details className="handover" data-testid="handover-open" open={handoverOpen} onToggle={(e) => setHandoverOpen(e.currentTarget.open)}>
        <summary><h3>{t('handover.title')}</h3></summary>
        {handoverOpen && <HandoverExport accounts={[{ key: accountKey, name: accountName }]} />}
      </details>
    </details>
  );
}
