import { describe, expect, it, vi } from 'vitest';

// Whether the full protocol (every request's and reply's schema) has been loaded in this page.
const protocolLoads = vi.hoisted(() => ({ count: 0 }));
vi.mock('./protocol', async (actual) => {
  protocolLoads.count++;
  return actual();
});
import { browser } from 'wxt/browser';
import { readReply, requestTakingEarly } from './client';
import { startEarlyRequest } from './early-request';
import { AppError } from '../errors';

/** The AppError `readReply` throws for `sent`, as { code, detail }. */
async function failure(sent: Promise<unknown>) {
  const error: unknown = await readReply('account.brief', sent).catch((e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, detail: error.detail };
}

describe('the sidebar’s first screen', () => {
  // Runs first in this file: the protocol is loaded by the first request outside the first screen.
  it('reads its replies without loading the protocol, which is loaded a moment later', async () => {
    vi.useFakeTimers();
    try {
      const page = { entries: [], next: null, damaged: 0 };
      await expect(readReply('timeline.page', Promise.resolve({ ok: true, data: page }))).resolves.toEqual(page);
      await expect(readReply('crmWrite.statuses', Promise.resolve({ ok: true, data: [] }))).resolves.toEqual([]);
      // Validated all the same.
      await expect(readReply('timeline.page', Promise.resolve({ ok: true, data: { entries: 'none' } }))).rejects.toMatchObject({ code: 'invalid-message', detail: 'reply to timeline.page' });
      await expect(readReply('settings.get', Promise.resolve({ ok: false, error: { code: 'storage', detail: 'QuotaExceededError' } }))).rejects.toMatchObject({ code: 'storage' });
      expect(protocolLoads.count).toBe(0);
      await vi.advanceTimersByTimeAsync(2500);
      await vi.waitFor(() => expect(protocolLoads.count).toBe(1));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('reading a reply to a request already sent', () => {
  it('returns the validated data', async () => {
    await expect(readReply('account.brief', Promise.resolve({ ok: true, data: null }))).resolves.toBeNull();
  });

  it('throws the background’s error, and says what was wrong with a malformed reply', async () => {
    expect(await failure(Promise.resolve({ ok: false, error: { code: 'storage', detail: 'QuotaExceededError' } }))).toEqual({ code: 'storage', detail: 'QuotaExceededError' });
    expect(await failure(Promise.resolve({ ok: true, data: { record: 'not a record' } }))).toEqual({ code: 'invalid-message', detail: 'reply to account.brief' });
    expect(await failure(Promise.resolve('hello'))).toEqual({ code: 'invalid-message', detail: 'malformed reply' });
  });

  it('tells a request nobody took from one taken and cut off', async () => {
    expect((await failure(Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')))).code).toBe('unreachable');
    expect((await failure(Promise.reject(new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received')))).code).toBe('unanswered');
    expect((await failure(Promise.resolve(undefined))).code).toBe('unanswered');
  });
});

describe('a request the page’s first script may have sent already', () => {
  it('takes that answer when it is the same request, and asks itself otherwise', async () => {
    const brief = { type: 'account.brief', accountKey: 'salesforce:acme:001Dn00000ABCDEAA1' } as const;
    // Asked itself, it gets no answer here (the worker stopped): `unanswered`.
    const sendMessage = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(undefined);
    startEarlyRequest(window, brief, () => Promise.resolve({ ok: true, data: null }));
    await expect(requestTakingEarly(window, brief)).resolves.toBeNull();
    expect(sendMessage).not.toHaveBeenCalled();
    startEarlyRequest(window, { type: 'portfolio.rows' }, () => Promise.resolve({ ok: true, data: [] }));
    await expect(requestTakingEarly(window, brief)).rejects.toMatchObject({ code: 'unanswered' });
    expect(sendMessage).toHaveBeenCalledWith(brief);
    sendMessage.mockRestore();
  });

  it('explains a send that throws at once (the extension was updated under an open page)', async () => {
    const sendMessage = vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(() => {
      throw new Error('Extension context invalidated.');
    });
    await expect(requestTakingEarly(window, { type: 'portfolio.rows' })).rejects.toMatchObject({ code: 'unreachable', detail: 'Extension context invalidated.' });
    sendMessage.mockRestore();
  });
});
