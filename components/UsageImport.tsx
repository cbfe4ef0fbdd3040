import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { request } from '@/lib/messaging/client';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import type { UsageContext } from '@/lib/messaging/protocol';
import type { ColumnMapping } from '@/lib/usage/mapping';
import { delimiterKey, encodingKey, parseErrorKey } from '@/lib/usage/messages';
import { USAGE_FILE_MAX, type FileSummary, type ImportError } from '@/lib/usage/worker-protocol';
import type { MessageKey } from '@/lib/i18n';
import { ErrorMessage, useI18n } from './i18n';
import { useUsageImport, type ImportStage } from './useUsageImport';
import { UsageMapping } from './UsageMapping';
import { UsagePreview } from './UsagePreview';
import { UsageAccountLinks } from './UsageAccountLinks';
import './usage-import.css';

const MB = 1024 * 1024;
const NO_ACCOUNTS: UsageContext['crmAccounts'] = [];

/**
 * "Usage data" on the options page: pick or drop a usage export (CSV or JSON), check how its
 * columns are read and what would be stored, confirm, then link the usage accounts that matched
 * no CRM account. The file is read and checked in a worker (see useUsageImport).
 */
export function UsageImport() {
  const { t } = useI18n();
  const [context, setContext] = useState<UsageContext | null>(null);
  const [contextError, setContextError] = useState<AppErrorData | null>(null);
  const loadContext = useCallback(async () => {
    try {
      setContext(await request({ type: 'usage.context' }));
      setContextError(null);
    } catch (error) {
      setContextError(toErrorData(error));
    }
  }, []);
  useEffect(() => {
    void loadContext();
  }, [loadContext]);

  const { stage, choose, recheck, confirm, cancel } = useUsageImport(() => void loadContext());

  // The mapping being edited: starts from each new preview's mapping (React's "adjust state
  // when a prop changes" pattern, so a new preview never shows an old draft).
  const preview = stage.kind === 'review' || stage.kind === 'storing' || stage.kind === 'store-failed' ? stage.preview : null;
  const [draft, setDraft] = useState<ColumnMapping | null>(null);
  const [draftBase, setDraftBase] = useState<ColumnMapping | null>(null);
  if (preview && preview.mapping !== draftBase) {
    setDraftBase(preview.mapping);
    setDraft(preview.mapping);
  }
  const dirty = preview !== null && draft !== null && JSON.stringify(draft) !== JSON.stringify(preview.mapping);
  const busy = stage.kind === 'reading' || stage.kind === 'storing' || (stage.kind === 'review' && stage.checking !== null);
  const onRecheck = useCallback(() => {
    if (draft) recheck(draft);
  }, [draft, recheck]);
  const crmAccounts = context?.crmAccounts ?? NO_ACCOUNTS;

  return (
    <div className="usage-import" data-testid="usage-import" data-stage={stage.kind}>
      <p>{t('usageImport.help')}</p>
      <DropZone onFile={choose} disabled={stage.kind === 'storing'} />
      <ImportProgressView stage={stage} />
      {stage.kind === 'file-failed' && <ImportErrorView fileName={stage.fileName} error={stage.error} />}
      {preview && draft && 'file' in stage && (
        <>
          <FileSummaryView file={stage.file} />
          <UsageMapping file={stage.file} preview={preview} draft={draft} onChange={setDraft} dirty={dirty} busy={busy} onRecheck={onRecheck} />
          <UsagePreview preview={preview} crmAccounts={crmAccounts} dirty={dirty} busy={busy} onConfirm={confirm} onCancel={cancel} />
        </>
      )}
      <ImportResultView stage={stage} />
      {contextError && <ErrorMessage error={contextError} />}
      {context && <UsageAccountLinks context={context} onChanged={loadContext} />}
    </div>
  );
}

function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled: boolean }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  // A file dropped next to the zone (or while it is disabled) would otherwise make the browser
  // open it in place of this page, losing the import in progress.
  useEffect(() => {
    const keep = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);
  const onDrop = (event: DragEvent<HTMLButtonElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div className="usage-drop-row">
      <button
        type="button"
        className={`usage-drop${over ? ' over' : ''}`}
        data-testid="usage-drop"
        disabled={disabled}
        onClick={() => input.current?.click()}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        aria-describedby="usage-drop-hint"
      >
        <strong>{t('usageImport.drop')}</strong>
        <span id="usage-drop-hint" className="muted small">{t('usageImport.dropHint', { max: Math.round(USAGE_FILE_MAX / MB) })}</span>
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept=".csv,.tsv,.txt,.json,text/csv,text/tab-separated-values,application/json"
        aria-label={t('usageImport.fileLabel')}
        data-testid="usage-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </div>
  );
}

function ImportProgressView({ stage }: { stage: ImportStage }) {
  const { t } = useI18n();
  let label: string;
  let fraction: number | null;
  let phase: string;
  if (stage.kind === 'reading') {
    phase = stage.phase;
    fraction = stage.fraction;
    const key: MessageKey = stage.phase === 'reading' ? 'usage.progress.reading' : 'usage.progress.checking';
    label = t(key, { percent: Math.floor(stage.fraction * 100) });
  } else if (stage.kind === 'review' && stage.checking !== null) {
    phase = 'checking';
    fraction = stage.checking;
    label = t('usage.progress.checking', { percent: Math.floor(stage.checking * 100) });
  } else if (stage.kind === 'storing') {
    phase = stage.phase;
    fraction = stage.phase === 'grouping' ? stage.fraction : null;
    label = stage.phase === 'grouping' ? t('usageImport.grouping', { percent: Math.floor(stage.fraction * 100) }) : t('usageImport.storing', { months: stage.months });
  } else return null;
  return (
    <div className="usage-progress" role="status" data-testid="usage-progress" data-phase={phase}>
      {fraction === null ? <progress aria-label={label} /> : <progress aria-label={label} value={fraction} max={1} />}
      <span>{label}</span>
    </div>
  );
}

function FileSummaryView({ file }: { file: FileSummary }) {
  const { t, number } = useI18n();
  const format = t(file.format === 'csv' ? 'usage.format.csv' : 'usage.format.json') + (file.delimiter ? ` (${t(delimiterKey(file.delimiter))})` : '');
  return (
    <p className="usage-file-summary" data-testid="usage-file-summary" data-format={file.format} data-encoding={file.encoding} data-rows={file.rowCount}>
      {t('usage.fileSummary', { file: file.name, format, encoding: t(encodingKey(file.encoding)), rows: number(file.rowCount) })}
    </p>
  );
}

/** The message for a file that cannot be imported, in the words of someone who exported it. */
export function importErrorText(t: ReturnType<typeof useI18n>['t'], error: ImportError, fileName: string): string {
  switch (error.code) {
    case 'empty-file':
    case 'invalid-json':
    case 'unexpected-json-shape':
      return t(parseErrorKey(error.code), { detail: error.detail.replace(/^[a-z-]+: /, '') });
    case 'too-large':
      return t('usageImport.error.too-large', { size: Math.ceil(Number(error.detail) / MB), max: Math.round(USAGE_FILE_MAX / MB) });
    case 'too-much':
      return t('usageImport.error.too-much', { count: error.detail });
    case 'internal':
      return t('usageImport.error.internal', { detail: error.detail });
    default:
      return t(`usageImport.error.${error.code}`, { file: fileName });
  }
}

function ImportErrorView({ fileName, error }: { fileName: string; error: ImportError }) {
  const { t } = useI18n();
  return (
    <div className="error" role="alert" data-testid="usage-error" data-code={error.code}>
      <p>
        <strong>{t('usageImport.notImported', { file: fileName })}</strong>
      </p>
      <p>{importErrorText(t, error, fileName)}</p>
    </div>
  );
}

function ImportResultView({ stage }: { stage: ImportStage }) {
  const { t, number } = useI18n();
  if (stage.kind === 'stored') {
    return (
      <div className="usage-result" data-testid="usage-result" data-outcome="stored" data-months={stage.months} data-records={stage.records} role="status">
        <p className="ok">
          {t('usageImport.stored', { records: number(stage.records), accounts: number(stage.accounts), months: number(stage.months), file: stage.file.name })}
        </p>
        {stage.links > 0 && <p className="muted">{t('usageImport.linksRemembered', { count: number(stage.links) })}</p>}
      </div>
    );
  }
  if (stage.kind === 'store-failed') {
    return (
      <div className="usage-result" data-testid="usage-result" data-outcome="failed">
        <p className="error" role="alert">{t('usageImport.storeFailed')}</p>
        {stage.error && <ErrorMessage error={stage.error} />}
        {stage.importError && (
          <p className="error" data-testid="usage-error" data-code={stage.importError.code}>
            {importErrorText(t, stage.importError, stage.file.name)}
          </p>
        )}
      </div>
    );
  }
  return null;
}
