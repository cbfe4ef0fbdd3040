/**
 * The data of a successful reply (`{ ok: true, data }`, lib/messaging/protocol.ts), without the
 * protocol's full-zod schemas: for the small content scripts, which validate the data themselves
 * (lib/content/site-definitions.ts). Undefined for an error or no answer.
 */
export function replyData(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null && Reflect.get(raw, 'ok') === true ? Reflect.get(raw, 'data') : undefined;
}
