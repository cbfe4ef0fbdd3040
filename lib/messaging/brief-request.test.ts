import { describe, expect, it } from 'vitest';
import { briefLinkHash, parseBriefLink } from '../export/brief-link';
import { briefRequest, briefRequestOfHash } from './brief-request';

const link = { accountKey: 'salesforce:acme:001Dn00000ABCDEAA1', from: '2026-07-01', to: '2026-09-30', includeInternal: false };

describe('the printable brief’s request', () => {
  it('is the same whether read loosely by the first script or from the page’s parsed link', () => {
    const hash = briefLinkHash(link);
    const early = briefRequestOfHash(hash);
    expect(early).toEqual({ type: 'account.brief', accountKey: link.accountKey, range: { from: link.from, to: link.to } });
    // The early request is taken over only when equal as sent (lib/messaging/early-request.ts).
    expect(JSON.stringify(briefRequest(parseBriefLink(hash)!))).toBe(JSON.stringify(early));
  });

  it('is not made from an address that lacks the account or the range', () => {
    for (const hash of ['', '#account=salesforce%3Aacme%3A001&from=2026-07-01', '#from=2026-07-01&to=2026-09-30', '#account=&from=2026-07-01&to=2026-09-30']) {
      expect(briefRequestOfHash(hash)).toBeNull();
    }
  });
});
