import type { Request } from './protocol';

/**
 * A page's first request, sent by a small first script (entrypoints/*-request.ts) while the
 * page's parser is still in its head, not after the page's 500 kB of JavaScript have loaded and
 * run: the background reads while the page starts, instead of after. The page takes the pending
 * answer over (`takeEarlyRequest`) and validates it as any reply (lib/messaging/client.ts,
 * `readReply`).
 *
 * No zod here (the first scripts must stay small): the background validates the request, and the
 * page uses the answer only for the very request it would have sent itself.
 */
const GLOBAL = 'adoptionSidebarEarlyRequest';

export function startEarlyRequest(win: Window, message: Request, send: (message: Request) => Promise<unknown>): void {
  const reply = send(message);
  // Handled here too: a page that never takes it (its address turned out invalid) logs nothing.
  reply.catch(() => undefined);
  Reflect.set(win, GLOBAL, { message: JSON.stringify(message), reply });
}

/** The early request's pending raw answer when it was `message`, once; else undefined (the page asks itself). */
export function takeEarlyRequest(win: Window, message: Request): Promise<unknown> | undefined {
  const early: unknown = Reflect.get(win, GLOBAL);
  Reflect.deleteProperty(win, GLOBAL);
  if (typeof early !== 'object' || early === null || Reflect.get(early, 'message') !== JSON.stringify(message)) return undefined;
  const reply: unknown = Reflect.get(early, 'reply');
  return reply instanceof Promise ? reply : undefined;
}
