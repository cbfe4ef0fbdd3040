import { z } from '../model/zod';
import { AccountKey, FieldChange, KnownField, RecordReading } from '../model/account';
import { IsoDateTime } from '../model/dates';
import { QuickLogDraft } from '../model/quick-log';
import { AppErrorData } from '../errors';

/*
 * What the background pushes to a sidebar over its port, apart from the request protocol
 * (./protocol.ts): the sidebar's document validates these from its first moment, and importing
 * the protocol would build the schemas of every request and reply (backups, handovers, usage
 * imports) before it could show anything.
 */

/**
 * What the sidebar shows for its tab: the record read from the page (its fields keyed by API name
 * wherever the org's names are known) and what the store adds to it.
 */
export const AccountView = z.object({
  reading: RecordReading,
  /** The record's fields as last known: the page's, then those it does not show now (another tab). */
  fields: z.array(KnownField),
  changes: z.array(FieldChange),
  comparedWith: z.nullable(IsoDateTime),
  draft: z.nullable(QuickLogDraft),
  /**
   * The page has not rendered the record yet: this is the account as stored from earlier visits
   * (its name, and everything the sidebar reads by its key), shown at once. Its fields are their
   * last read values, none on the page; changes come with the page's reading, which replaces this view.
   */
  remembered: z.boolean(),
});
export type AccountView = z.infer<typeof AccountView>;

/** Pushed by the background to the sidebar of one tab over its port. */
export const SidebarPush = z.discriminatedUnion('type', [
  /** This frame is not the sidebar the extension made for the tab (lib/messaging/sidebar-frame.ts): nothing is served to it. */
  z.object({ type: z.literal('refused') }),
  z.object({ type: z.literal('view'), view: z.nullable(AccountView) }),
  /**
   * The page names an account never seen before and has not rendered its record yet: the sidebar
   * waits for its reading, and shows nothing of the account it showed before (a note typed now
   * must not go to that one).
   */
  z.object({ type: z.literal('reading') }),
  z.object({ type: z.literal('quickLog.open') }),
  /** Something of this account was saved (here or in another tab): reload what is shown. */
  z.object({ type: z.literal('account.changed'), accountKey: AccountKey }),
  /** New usage data arrived from the configured source: health may have changed. */
  z.object({ type: z.literal('usage.changed') }),
  /** The CSM's settings were saved (settings page, a switch, a restored backup): read them, and the health they weigh, again. */
  z.object({ type: z.literal('settings.changed') }),
  /** The record read on the page could not be shown (the store is blocked, say): say why instead of waiting. */
  z.object({ type: z.literal('error'), error: AppErrorData }),
]);
export type SidebarPush = z.infer<typeof SidebarPush>;
