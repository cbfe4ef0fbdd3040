import type { CrmAdapter, VisibleRecord } from './types';

const POLL_MS = 50;

/** A cheap fingerprint of what a reading shows. */
export function fingerprint(record: VisibleRecord): string {
  return record.name + '\u0000' + (record.lost?.join('\u0001') ?? '') + '\u0000' + record.fields.map((f) => `${f.key}\u0001${f.value}`).join('\u0000');
}

/** Whether `record` is another record than `previous`: another container, or (where the CRM renders in place) other contents. */
function isAnotherRecord(adapter: CrmAdapter, record: VisibleRecord, previous: VisibleRecord | null | undefined): boolean {
  if (!previous || record.container !== previous.container) return true;
  return adapter.rendersInPlace === true && fingerprint(record) !== fingerprint(previous);
}

/**
 * Resolves with the visible record as soon as one is rendered that is not `previous`: CRMs
 * change the URL before the new record renders, and the old one stays visible until then.
 * A document observer is the fast path; a short poll catches changes inside shadow roots,
 * which it does not see. Null on timeout or abort. `onWait` is called when the record is not on
 * screen yet (and only then).
 */
export function waitForRecord(
  doc: Document,
  adapter: CrmAdapter,
  options: { previous?: VisibleRecord | null; timeoutMs: number; signal?: AbortSignal; onWait?: () => void },
): Promise<VisibleRecord | null> {
  const read = () => {
    const record = adapter.readVisibleRecord(doc);
    return record && isAnotherRecord(adapter, record, options.previous) ? record : null;
  };
  const now = read();
  if (now || options.signal?.aborted) return Promise.resolve(now);
  options.onWait?.();
  return new Promise((resolve) => {
    let scheduled = false;
    const finish = (record: VisibleRecord | null) => {
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(timeout);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(record);
    };
    const check = () => {
      scheduled = false;
      const record = read();
      if (record) finish(record);
    };
    const onAbort = () => finish(null);
    const observer = new MutationObserver(() => {
      // Coalesce bursts of mutations into one read per task.
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(check);
    });
    observer.observe(doc, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'style', 'hidden'] });
    const poll = setInterval(check, POLL_MS);
    const timeout = setTimeout(() => finish(null), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort);
  });
}
