import type { RequestOf } from './protocol';

/**
 * The printable brief's request for what a link (`#account=…&from=…&to=…`) shows. Read loosely,
 * without zod, so the page's first script can send it (lib/messaging/early-request.ts); null when
 * the address lacks a part. The background validates the request; the page parses the link itself.
 */
export function briefRequest(link: { accountKey: string | null; from: string | null; to: string | null }): RequestOf<'account.brief'> | null {
  const { accountKey, from, to } = link;
  if (!accountKey || !from || !to) return null;
  return { type: 'account.brief', accountKey, range: { from, to } };
}

/** `briefRequest` of an address's hash, as the page's first script sees it. */
export function briefRequestOfHash(hash: string): RequestOf<'account.brief'> | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return briefRequest({ accountKey: params.get('account'), from: params.get('from'), to: params.get('to') });
}
