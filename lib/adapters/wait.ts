import type { CrmAdapter, VisibleRecord } from './types';

const POLL_MS = 50;

/**
 * Resolves with the visible record as soon as one is rendered that is not `previous`: Lightning
 * changes the URL before the new record renders, and the old one stays visible until then.
 * A document observer is the fast path; a short poll catches changes inside shadow roots,
 * which it does not see. Null on timeout or abort.
 */
export function waitForRecord(
  doc: Document,
  adapter: CrmAdapter,
  options: { previous?: Element | null; timeoutMs: number; signal?: AbortSignal },
): Promise<VisibleRecord | null> {
  const read = () => {
    const record = adapter.readVisibleRecord(doc);
    return record && record.container !== options.previous ? record : null;
  };
  const now = read();
  if (now || options.signal?.aborted) return Promise.resolve(now);
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
