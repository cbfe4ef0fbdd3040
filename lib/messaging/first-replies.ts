import { z } from '../model/zod';
import { AppErrorData } from '../errors';
import { CsmSettings } from '../model/settings';
import { TimelinePage } from '../model/timeline';
import { AccountOverview } from '../model/overview';
import { AccountHealth } from '../health/model';
import { CrmWriteStatus } from '../model/crm-write';

/**
 * The envelope of every reply, and the data of the replies a sidebar's first screen waits for,
 * apart from the protocol (lib/messaging/protocol.ts, whose `ReplyData` includes these): loading
 * the protocol, the schemas of every request and reply, took about 30 ms of the sidebar's main
 * thread here, and the timeline's first page waited for it (README, Benchmarks).
 */
export const Reply = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorData }),
]);
export type Reply = z.infer<typeof Reply>;

export const FirstScreenReplyData = {
  'settings.get': CsmSettings,
  'timeline.page': TimelinePage,
  'account.overview': AccountOverview,
  'account.health': z.nullable(AccountHealth),
  /** Whether each interaction shown was logged to the CRM. */
  'crmWrite.statuses': z.array(CrmWriteStatus),
};
export type FirstScreenRequestType = keyof typeof FirstScreenReplyData;

export function isFirstScreenRequest(type: string): type is FirstScreenRequestType {
  return Object.hasOwn(FirstScreenReplyData, type);
}
