import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEarlyRequest, takeEarlyRequest } from './early-request';
import type { Request } from './protocol';

const brief: Request = { type: 'account.brief', accountKey: 'salesforce:acme:001Dn00000ABCDEAA1', range: { from: '2026-07-01', to: '2026-09-30' } };

describe('a page’s early request', () => {
  afterEach(() => void takeEarlyRequest(window, brief));

  it('is sent at once, and its pending answer handed to the page once, for the same request', async () => {
    const answer = { ok: true, data: null };
    const send = vi.fn(() => Promise.resolve(answer));
    startEarlyRequest(window, brief, send);
    expect(send).toHaveBeenCalledWith(brief);
    await expect(takeEarlyRequest(window, { ...brief, range: { from: '2026-07-01', to: '2026-09-30' } })).resolves.toBe(answer);
    // Taken once: a second look finds nothing, and the page asks itself.
    expect(takeEarlyRequest(window, brief)).toBeUndefined();
  });

  it('is not used for another request, nor kept once looked at', () => {
    startEarlyRequest(window, brief, () => Promise.resolve({ ok: true, data: null }));
    expect(takeEarlyRequest(window, { ...brief, range: { from: '2026-07-01', to: '2026-10-31' } })).toBeUndefined();
    expect(takeEarlyRequest(window, brief)).toBeUndefined();
    startEarlyRequest(window, { type: 'portfolio.rows' }, () => Promise.resolve({ ok: true, data: [] }));
    expect(takeEarlyRequest(window, brief)).toBeUndefined();
  });

  it('leaves no unhandled rejection when the background cannot be reached and the page never takes the answer', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    startEarlyRequest(window, brief, () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
