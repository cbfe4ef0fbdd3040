import { browser } from 'wxt/browser';
import type { z } from '../model/zod';
import { AppError, type AppErrorData } from '../errors';
import { takeEarlyRequest } from './early-request';
import { FirstScreenReplyData, isFirstScreenRequest, Reply } from './first-replies';
import type { ReplyDataOf, RequestOf, RequestType } from './protocol';

/**
 * The reply schemas, built on the first request that needs them, not when a page starts: the
 * protocol holds the schemas of every request and reply (backups, handovers, usage imports), and
 * building them all delayed the sidebar's first screen, which needs none of them to show its
 * account. Its own replies (lib/messaging/first-replies.ts) are read without them.
 */
let protocol: Promise<typeof import('./protocol')> | undefined;
const replySchemas = () => (protocol ??= import('./protocol'));

/**
 * Sends a request to the background and returns its validated data, or throws an AppError
 * carrying the background's error (or `unreachable` when nobody answered).
 */
export function request<T extends RequestType>(message: RequestOf<T>): Promise<ReplyDataOf<T>> {
  return readReply(message.type, send(message));
}

/** `runtime.sendMessage`, its synchronous throw (a context invalidated by an update) as a rejection `readReply` explains. */
function send(message: unknown): Promise<unknown> {
  try {
    return browser.runtime.sendMessage(message);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * `request`, unless the page's first script already sent this very request
 * (lib/messaging/early-request.ts): then its answer, validated the same way.
 */
export function requestTakingEarly<T extends RequestType>(win: Window, message: RequestOf<T>): Promise<ReplyDataOf<T>> {
  const early = takeEarlyRequest(win, message);
  return early ? readReply(message.type, early) : request(message);
}

/**
 * The validated data of the background's answer to a `type` request already sent (`sent`: what
 * `runtime.sendMessage` returned), or the AppError it carries.
 */
export async function readReply<T extends RequestType>(type: T, sent: Promise<unknown>): Promise<ReplyDataOf<T>> {
  // The first screen's replies are read without the protocol, which is loaded a moment later.
  const schemas = isFirstScreenRequest(type) ? null : replySchemas();
  if (schemas === null) loadProtocolSoon();
  let raw: unknown;
  try {
    raw = await sent;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // Taken, then cut off (Chrome: "…channel closed before a response was received"; Firefox: "…disconnected").
    throw new AppError(/closed before a response|disconnected/i.test(detail) ? 'unanswered' : 'unreachable', detail);
  }
  // The worker stopped after taking the request and before answering: Chrome then resolves with nothing.
  if (raw === undefined) throw new AppError('unanswered', `no answer to ${type}`);
  const dataSchema: z.ZodMiniType = isFirstScreenRequest(type) ? FirstScreenReplyData[type] : (await (schemas ?? replySchemas())).ReplyData[type];
  const reply = Reply.safeParse(raw);
  if (!reply.success) throw new AppError('invalid-message', 'malformed reply');
  if (!reply.data.ok) throw errorFrom(reply.data.error);
  const data = dataSchema.safeParse(reply.data.data);
  if (!data.success) throw new AppError('invalid-message', `reply to ${type}`);
  return data.data as ReplyDataOf<T>;
}

/** After the first screen's requests: loaded while they were answered, it held their replies up. */
const PROTOCOL_AFTER_MS = 1000;
let protocolSoon = false;

/** Loads the protocol once the first screen is shown, when the page is idle, before the user saves anything. */
function loadProtocolSoon(): void {
  if (protocolSoon || protocol) return;
  protocolSoon = true;
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void replySchemas(), { timeout: 1000 });
    else void replySchemas();
  }, PROTOCOL_AFTER_MS);
}

function errorFrom(data: AppErrorData): AppError {
  return new AppError(data.code, data.detail);
}
