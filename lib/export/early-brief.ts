import type { BriefLink } from './brief-link';

/**
 * The printable brief's request for its account, sent by a small first script
 * (entrypoints/brief-request.ts) while the page's parser is still in its head, not after the
 * page's 500 kB of JavaScript have loaded and run: the background reads the account (2,000
 * interactions take it about 200 ms) while the page starts, instead of after. The page takes
 * the pending answer over (`takeEarlyBriefRequest`) and validates it as any reply.
 *
 * No zod here (the script must stay small): the hash is read loosely; the background validates
 * the request, and the page parses the link itself and uses the answer only for the same link.
 */
const GLOBAL = 'adoptionSidebarBriefRequest';

interface EarlyBriefRequest {
  accountKey: string;
  from: string;
  to: string;
  reply: Promise<unknown>;
}

export function startEarlyBriefRequest(win: Window, send: (message: unknown) => Promise<unknown>): void {
  const params = new URLSearchParams(win.location.hash.slice(1));
  const accountKey = params.get('account');
  const from = params.get('from');
  const to = params.get('to');
  if (!accountKey || !from || !to) return;
  const reply = send({ type: 'account.brief', accountKey, range: { from, to } });
  // Handled here too: a page that never takes it (its link turned out invalid) logs nothing.
  reply.catch(() => undefined);
  const request: EarlyBriefRequest = { accountKey, from, to, reply };
  Reflect.set(win, GLOBAL, request);
}

/** The early request's pending raw answer when it was sent for `link`, once; else undefined. */
export function takeEarlyBriefRequest(win: Window, link: BriefLink): Promise<unknown> | undefined {
  const request: unknown = Reflect.get(win, GLOBAL);
  Reflect.deleteProperty(win, GLOBAL);
  if (typeof request !== 'object' || request === null) return undefined;
  const same = Reflect.get(request, 'accountKey') === link.accountKey && Reflect.get(request, 'from') === link.from && Reflect.get(request, 'to') === link.to;
  const reply: unknown = Reflect.get(request, 'reply');
  return same && reply instanceof Promise ? reply : undefined;
}
