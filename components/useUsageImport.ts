import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { request } from '@/lib/messaging/client';
import { AppError, toErrorData, type AppErrorData } from '@/lib/errors';
import type { ColumnMapping } from '@/lib/usage/mapping';
import {
  USAGE_FILE_MAX,
  WorkerReply,
  type FileSummary,
  type ImportError,
  type ImportPhase,
  type PreviewSummary,
  type WorkerRequest,
} from '@/lib/usage/worker-protocol';

/**
 * The options page's side of a usage import: one worker per file (lib/usage/import.worker.ts)
 * does the reading, checking and, on Confirm, the storing in one transaction; this hook turns its
 * replies into what the page shows, asks the background for the context and the remembered
 * mapping, and once the import is stored tells it which accounts changed (`usage.imported`).
 * Nothing is written before Confirm.
 */

export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; phase: ImportPhase; fraction: number }
  | { kind: 'review'; file: FileSummary; preview: PreviewSummary; checking: number | null }
  | { kind: 'storing'; file: FileSummary; preview: PreviewSummary; phase: 'grouping' | 'storing'; fraction: number; months: number }
  | { kind: 'stored'; file: FileSummary; records: number; accounts: number; months: number; links: number }
  /** `error` when the database refused the import, or `importError` when the worker refused to prepare it. */
  | { kind: 'store-failed'; file: FileSummary; preview: PreviewSummary; error: AppErrorData | null; importError?: ImportError }
  | { kind: 'file-failed'; fileName: string; error: ImportError };

export interface UsageImportControls {
  stage: ImportStage;
  choose: (file: File) => void;
  recheck: (mapping: ColumnMapping) => void;
  confirm: () => void;
  cancel: () => void;
}

function startWorker(): Worker {
  return new Worker(new URL('../lib/usage/import.worker.ts', import.meta.url), { type: 'module', name: 'usage-import' });
}

export function useUsageImport(onStored: () => void): UsageImportControls {
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  const worker = useRef<Worker | null>(null);
  const session = useRef(0);
  // The stage as last set, read by the worker's message handler: several messages can arrive
  // before React renders again, so it is updated with every change, not on render.
  const stageRef = useRef(stage);
  const update = useCallback((next: ImportStage) => {
    stageRef.current = next;
    setStage(next);
  }, []);
  /** The file being previewed (its summary arrives before the first preview). */
  const pendingFile = useRef<FileSummary | null>(null);
  const onStoredRef = useRef(onStored);
  onStoredRef.current = onStored;

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
  }, []);
  useEffect(() => stop, [stop]);

  // The actions read only refs and stable setters, so they are made once: components that take
  // them as props do not re-render on every progress message.
  const actions = useMemo(() => {
    const post = (message: WorkerRequest, transfer: Transferable[] = []) => worker.current?.postMessage(message, transfer);

    const failFile = (fileName: string, error: ImportError) => {
      stop();
      update({ kind: 'file-failed', fileName, error });
    };

    const stored = (file: FileSummary, done: Extract<WorkerReply, { type: 'committed' }>) => {
      stop();
      update({ kind: 'stored', file, records: done.records, accounts: done.accounts, months: done.result.months, links: done.result.links });
      onStoredRef.current();
      // The import is stored whatever the background answers: its transaction already dropped the
      // accounts' kept rows, so a background that does not hear of it only refreshes open sidebars later.
      if (done.result.accountKeys.length > 0) request({ type: 'usage.imported', accountKeys: done.result.accountKeys }).catch(() => undefined);
    };

    const onReply = (raw: unknown, id: number) => {
      if (id !== session.current) return;
      const parsed = WorkerReply.safeParse(raw);
      const current = stageRef.current;
      const fileName = current.kind === 'reading' ? current.fileName : 'file' in current ? current.file.name : '';
      if (!parsed.success) {
        failFile(fileName, { code: 'internal', detail: `unexpected message from the import worker: ${parsed.error.issues[0]?.message ?? ''}` });
        return;
      }
      const reply = parsed.data;
      if (reply.session !== id) return;
      switch (reply.type) {
        case 'progress':
          if (current.kind === 'reading') update({ ...current, phase: reply.phase, fraction: reply.fraction });
          else if (current.kind === 'review') update({ ...current, checking: reply.fraction });
          else if (current.kind === 'storing' && current.phase === 'grouping') update({ ...current, fraction: reply.fraction });
          return;
        case 'parsed': {
          update({ kind: 'reading', fileName: reply.file.name, phase: 'checking', fraction: 0 });
          // The columns the user confirmed last time for these headers, if any.
          request({ type: 'usage.mapping', signature: reply.file.signature })
            .catch(() => null)
            .then((remembered) => {
              if (id !== session.current) return;
              pendingFile.current = reply.file;
              post({ type: 'preview', session: id, mapping: remembered?.mapping ?? null, origin: 'remembered' });
            });
          return;
        }
        case 'preview': {
          const file = pendingFile.current ?? ('file' in current ? current.file : null);
          if (!file) return;
          update({ kind: 'review', file, preview: reply.preview, checking: null });
          return;
        }
        case 'storing':
          if (current.kind === 'storing') update({ ...current, phase: 'storing', fraction: 1, months: reply.months });
          return;
        case 'committed':
          if (current.kind === 'storing') stored(current.file, reply);
          return;
        case 'store-failed':
          if (current.kind === 'storing') update({ kind: 'store-failed', file: current.file, preview: current.preview, error: reply.error });
          return;
        case 'failed':
          if (current.kind === 'storing' || current.kind === 'store-failed') {
            update({ kind: 'store-failed', file: current.file, preview: current.preview, error: null, importError: reply.error });
          } else failFile(fileName, reply.error);
          return;
      }
    };

    const choose = (file: File) => {
      stop();
      const id = ++session.current;
      pendingFile.current = null;
      if (file.size > USAGE_FILE_MAX) {
        update({ kind: 'file-failed', fileName: file.name, error: { code: 'too-large', detail: String(file.size) } });
        return;
      }
      update({ kind: 'reading', fileName: file.name, phase: 'reading', fraction: 0 });
      void (async () => {
        try {
          // The context is read now, not when the page opened: an account visited since then matches.
          const [bytes, context] = await Promise.all([file.arrayBuffer(), request({ type: 'usage.context' })]);
          if (id !== session.current) return;
          const w = startWorker();
          worker.current = w;
          w.addEventListener('message', (event) => onReply(event.data, id));
          w.addEventListener('error', (event) => {
            if (id === session.current) failFile(file.name, { code: 'internal', detail: event.message || 'the import worker stopped' });
          });
          w.addEventListener('messageerror', () => {
            if (id === session.current) failFile(file.name, { code: 'internal', detail: 'unreadable message from the import worker' });
          });
          // The bytes are moved to the worker, not copied: the page keeps nothing of the file.
          post({ type: 'open', session: id, fileName: file.name, bytes, crmAccounts: context.crmAccounts, links: context.links }, [bytes]);
        } catch (error) {
          if (id !== session.current) return;
          const data = toErrorData(error);
          failFile(file.name, data.code === 'storage' ? { code: 'no-file', detail: data.detail } : { code: 'internal', detail: `${data.code}: ${data.detail}` });
        }
      })();
    };

    const recheck = (mapping: ColumnMapping) => {
      const current = stageRef.current;
      if (current.kind !== 'review' || !worker.current) return;
      update({ ...current, checking: 0 });
      post({ type: 'preview', session: session.current, mapping, origin: 'user' });
    };

    const confirm = () => {
      const current = stageRef.current;
      if ((current.kind !== 'review' && current.kind !== 'store-failed') || !worker.current) return;
      update({ kind: 'storing', file: current.file, preview: current.preview, phase: 'grouping', fraction: 0, months: 0 });
      post({ type: 'commit', session: session.current });
    };

    const cancel = () => {
      session.current++;
      stop();
      update({ kind: 'idle' });
    };

    return { choose, recheck, confirm, cancel };
  }, [stop, update]);

  return { stage, ...actions };
}
