import { afterEach, describe, expect, it, vi } from 'vitest';
import { startEarlyBriefRequest, takeEarlyBriefRequest } from './early-brief';
import { briefLinkHash, parseBriefLink } from './brief-link';

const link = { accountKey: 'salesforce:acme:001Dn00000ABCDEAA1', from: '2026-07-01', to: '2026-09-30', includeInternal: false };

describe('early brief request', () => {
  afterEach(() => {
    window.location.hash = '';
    takeEarlyBriefRequest(window, link);
  });

  it('asks for the account of the link at once and hands the pending answer to the page once', async () => {
    window.location.hash = briefLinkHash(link);
    const answer = { ok: true, data: null };
    const send = vi.fn(() => Promise.resolve(answer));
    startEarlyBriefRequest(window, send);
    expect(send).toHaveBeenCalledWith({ type: 'account.brief', accountKey: link.accountKey, range: { from: link.from, to: link.to } });
    const parsed = parseBriefLink(window.location.hash);
    expect(parsed).toEqual(link);
    const reply = takeEarlyBriefRequest(window, parsed!);
    await expect(reply).resolves.toBe(answer);
    // Taken once: a second look asks again.
    expect(takeEarlyBriefRequest(window, link)).toBeUndefined();
  });

  it('is not used for another link (the page asks itself)', () => {
    window.location.hash = briefLinkHash(link);
    startEarlyBriefRequest(window, () => Promise.resolve({ ok: true, data: null }));
    expect(takeEarlyBriefRequest(window, { ...link, to: '2026-10-31' })).toBeUndefined();
    // Nor kept for later once looked at.
    expect(takeEarlyBriefRequest(window, link)).toBeUndefined();
  });

  it('asks nothing when the address lacks the account or the range', () => {
    const send = vi.fn(() => Promise.resolve(undefined));
    for (const hash of ['', '#account=salesforce%3Aacme%3A001&from=2026-07-01', '#from=2026-07-01&to=2026-09-30']) {
      window.location.hash = hash;
      startEarlyBriefRequest(window, send);
    }
    expect(send).not.toHaveBeenCalled();
    expect(takeEarlyBriefRequest(window, link)).toBeUndefined();
  });

  it('leaves no unhandled rejection when the background cannot be reached and the page never takes the answer', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    window.location.hash = briefLinkHash(link);
    startEarlyBriefRequest(window, () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
