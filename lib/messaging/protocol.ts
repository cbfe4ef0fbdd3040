import { z } from '../model/zod';
import { AccountKey, RecordReading } from '../model/account';
import { DateRange, IsoDateTime } from '../model/dates';
import { DraftId, LoggedTouch, QuickLogForm, QuickLogDraftUpdate, SaveId } from '../model/quick-log';
import { CsmFormSettings, CsmSettings } from '../model/settings';
import { CrmInterfaces } from '../model/crm-interfaces';
import { CRM_SCRIPT_IDS } from '../crm-hosts';
import { TimelinePage, TimelineQuery } from '../model/timeline';
import { EditableEntry, EditableStore, SaveOutcome } from '../model/entry';
import { EntryDraft } from '../model/entry-draft';
import { AppErrorData } from '../errors';
import { BackupCounts, Backup } from '../backup/format';
import { Handover, HandoverImportResult, HANDOVER_ACCOUNTS_MAX } from '../handover/format';
import { AccountRecord } from '../model/account-record';
import { Stakeholder } from '../model/stakeholder';
import { AccountHealth } from '../health/model';
import { UsageImportResult, UsageSourceAccount } from '../usage/store';
import { RememberedMapping } from '../usage/mapping';
import { UsageSourceConfig, UsageSourceStatus } from '../usage/source';
import { UsageAccountLink, UsageMonth } from '../model/usage';
import { CrmAccountForMatch } from '../usage/match';
import { PortfolioRowSchema } from '../portfolio/model';
import { isFrameKey } from './sidebar-frame';
import { FirstScreenReplyData } from './first-replies';
import { SiteDefinition, SiteDefinitionId } from '../model/site-definition';
import { CrmWriteStatus, CrmWriteSwitches, TeamTouch, WritableCrm } from '../model/crm-write';


/** Backups are read whole into memory; past this the user is told to split the data. */
export const BACKUP_TEXT_MAX = 200 * 1024 * 1024;

/** An account record the address names, before the page has rendered it. */
const ExpectedRecord = z.pick(RecordReading, { accountKey: true, crm: true, recordId: true, url: true });

/** Requests from the content script, sidebar and options page to the background. */
export const Request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page.opened') }),
  /**
   * The address names this account, whose record the page has not rendered yet: the sidebar may
   * show what is stored of it meanwhile (lib/background/handle-request.ts).
   */
  z.object({ type: z.literal('record.expected'), account: ExpectedRecord }),
  /** That record has still not rendered after a while: the sidebar says so (it is read as soon as it renders). */
  z.object({ type: z.literal('record.missing'), account: ExpectedRecord }),
  z.object({ type: z.literal('record.visited'), reading: RecordReading }),
  z.object({ type: z.literal('record.left') }),
  z.object({ type: z.literal('quickLog.open') }),
  /** The content script made the tab's sidebar frame and will give it this key (lib/messaging/sidebar-frame.ts). */
  z.object({ type: z.literal('sidebar.frame'), key: z.string().check(z.refine(isFrameKey, 'not a sidebar frame key')) }),
  z.object({ type: z.literal('timeline.page'), query: TimelineQuery }),
  z.object({ type: z.literal('account.overview'), accountKey: AccountKey }),
  /**
   * `newStakeholder`: a signal about a person not in the map yet (a suggestion's new name), stored
   * with it in one transaction. `draftId`: the editor's unsaved edit, deleted with the save.
   */
  z.object({ type: z.literal('entry.save'), entry: EditableEntry, baseRevision: z.nullable(z.int()), newStakeholder: z.optional(Stakeholder), draftId: z.optional(DraftId) }).check(
    z.refine(
      ({ entry, newStakeholder }) => !newStakeholder || (entry.store === 'signals' && entry.record.stakeholderId === newStakeholder.id && entry.record.accountKey === newStakeholder.accountKey),
      { message: 'a new stakeholder is saved only with a signal about them, of the same account', path: ['newStakeholder'] },
    ),
  ),
  z.object({ type: z.literal('entry.delete'), store: EditableStore, id: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('entry.restore'), entry: EditableEntry }),
  z.object({ type: z.literal('nextStep.complete'), interactionId: z.string().check(z.minLength(1)), stepId: z.string().check(z.minLength(1)), baseRevision: z.int() }),
  z.object({ type: z.literal('settings.get') }),
  /** The stored CRM interface switches are kept: they have their own request. */
  z.object({ type: z.literal('settings.save'), settings: CsmFormSettings }),
  /** A CRM interface turned on or off: its open tabs get or lose the sidebar at once. */
  z.object({ type: z.literal('crm.switch'), script: z.enum(CRM_SCRIPT_IDS), on: z.boolean() }),
  /** `saveId`: made where the user saved and sent again on a retry, so a save whose answer was lost is not stored twice. */
  /** `draftId`: the draft the form kept while it was typed, cleared with the save (no other tab's). */
  z.object({ type: z.literal('quickLog.save'), accountKey: AccountKey, form: QuickLogForm, saveId: SaveId, draftId: z.optional(DraftId) }),
  z.object({ type: z.literal('draft.save'), draft: QuickLogDraftUpdate }),
  z.object({ type: z.literal('draft.clear'), accountKey: AccountKey, draftId: DraftId }),
  /** An entry editor's unsaved edit, kept on every change (lib/model/entry-draft.ts). */
  z.object({ type: z.literal('entryDraft.save'), draft: EntryDraft }),
  z.object({ type: z.literal('entryDraft.clear'), accountKey: AccountKey, draftId: DraftId }),
  /** The account's unsaved edits no other open tab is writing: the sidebar offers them again. */
  z.object({ type: z.literal('entryDraft.list'), accountKey: AccountKey }),
  z.object({ type: z.literal('backup.export') }),
  z.object({ type: z.literal('backup.import'), text: z.string().check(z.maxLength(BACKUP_TEXT_MAX)) }),
  /** A handover package of these accounts (a sidebar: its tab's account only). */
  z.object({ type: z.literal('handover.export'), accountKeys: z.array(AccountKey).check(z.minLength(1), z.maxLength(HANDOVER_ACCOUNTS_MAX)), includeInternal: z.boolean() }),
  /** A handover package's text, merged into this profile (lib/handover/merge.ts). */
  z.object({ type: z.literal('handover.import'), text: z.string().check(z.maxLength(BACKUP_TEXT_MAX)) }),
  /** A sender's version of a record kept beside the local one: `take` makes it the record, `dismiss` lets it go. */
  z.object({ type: z.literal('handover.resolve'), id: z.string().check(z.minLength(1), z.maxLength(1000)), action: z.enum(['take', 'dismiss']) }),
  /** Everything recorded about the account and its health: what the QBR brief is made from. */
  z.object({ type: z.literal('account.brief'), accountKey: AccountKey, range: z.optional(DateRange) }),
  z.object({ type: z.literal('account.health'), accountKey: AccountKey }),
  z.object({ type: z.literal('portfolio.rows') }),
  z.object({ type: z.literal('usage.context') }),
  z.object({ type: z.literal('usage.mapping'), signature: z.string().check(z.minLength(1), z.maxLength(200)) }),
  /** A usage import was stored (by the settings page's import worker): these accounts' health and portfolio rows changed. */
  z.object({ type: z.literal('usage.imported'), accountKeys: UsageImportResult.shape.accountKeys }),
  z.object({ type: z.literal('usageSource.get') }),
  /** keepToken: the token field was left empty, keep the stored one. */
  z.object({ type: z.literal('usageSource.save'), config: UsageSourceConfig, keepToken: z.boolean() }),
  z.object({ type: z.literal('usageSource.remove') }),
  z.object({ type: z.literal('usageSource.refresh') }),
  z.object({ type: z.literal('usage.link'), sourceAccountKey: z.string().check(z.minLength(1), z.maxLength(600)), accountKey: z.nullable(AccountKey) }),
  /** A taught site's content script asks for its page's definition (its own host's only). */
  z.object({ type: z.literal('site.forPage') }),
  z.object({ type: z.literal('site.list') }),
  /** A definition taught (teaching mode: its own host's only) or imported (settings page). */
  z.object({ type: z.literal('site.save'), definition: SiteDefinition }),
  z.object({ type: z.literal('site.remove'), id: SiteDefinitionId }),
  /** Starts the teaching mode in a tab (the popup's tab; the sidebar's own tab for "Teach again"). */
  z.object({ type: z.literal('site.teach'), tabId: z.optional(z.int().check(z.nonnegative())) }),
  /** Logging touches to a CRM turned on or off (the page asked the browser for the permissions it needs first). */
  z.object({ type: z.literal('crmWrite.switch'), crm: WritableCrm, on: z.boolean() }),
  /** Each touch's write to the CRM on the account: the timeline's marks. */
  z.object({ type: z.literal('crmWrite.statuses'), accountKey: AccountKey }),
  /** Write this touch now (a sidebar: its account's). */
  z.object({ type: z.literal('crmWrite.retry'), interactionId: z.string().check(z.minLength(1), z.maxLength(200)) }),
  /** Write every waiting and failed touch now (settings page). */
  z.object({ type: z.literal('crmWrite.retryAll') }),
  /** How many writes wait or failed per CRM, and whether a HubSpot token is kept. */
  z.object({ type: z.literal('crmWrite.summary') }),
  /** The HubSpot private-app token (kept in this browser only, never in backups); empty removes it. */
  z.object({ type: z.literal('crmWrite.token'), token: z.string().check(z.trim(), z.maxLength(500)) }),
  /** The account's recent activities in the CRM written by others, read now. */
  z.object({ type: z.literal('teamTouches.read'), accountKey: AccountKey }),
]);
export type Request = z.infer<typeof Request>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** The data each request answers with. */
export const ReplyData = {
  ...FirstScreenReplyData,
  'page.opened': z.null(),
  'record.expected': z.null(),
  'record.missing': z.null(),
  'record.visited': z.null(),
  'record.left': z.null(),
  'quickLog.open': z.null(),
  'sidebar.frame': z.null(),
  'entry.save': SaveOutcome,
  'entry.delete': z.nullable(EditableEntry),
  'entry.restore': z.null(),
  'nextStep.complete': SaveOutcome,
  'settings.save': z.null(),
  'crm.switch': CrmInterfaces,
  'quickLog.save': LoggedTouch,
  'draft.save': z.null(),
  'draft.clear': z.null(),
  'entryDraft.save': z.null(),
  'entryDraft.clear': z.null(),
  'entryDraft.list': z.array(EntryDraft),
  'backup.export': z.object({ backup: Backup, damaged: z.int() }),
  'backup.import': BackupCounts,
  'handover.export': Handover,
  'handover.import': HandoverImportResult,
  'handover.resolve': z.null(),
  'account.brief': z.nullable(z.object({ record: AccountRecord, health: AccountHealth })),
  'portfolio.rows': z.array(PortfolioRowSchema),
  /** What an import is matched against: the CRM accounts seen, the links kept, the usage accounts stored. */
  'usage.context': z.object({ crmAccounts: z.array(CrmAccountForMatch), links: z.array(UsageAccountLink), sources: z.array(UsageSourceAccount) }),
  'usage.mapping': z.nullable(RememberedMapping),
  'usage.imported': z.null(),
  'usage.link': z.null(),
  'usageSource.get': z.object({ config: z.nullable(UsageSourceConfig), hasToken: z.boolean(), status: UsageSourceStatus }),
  'usageSource.save': z.null(),
  'usageSource.remove': z.null(),
  'usageSource.refresh': UsageSourceStatus,
  'site.forPage': z.array(SiteDefinition).check(z.maxLength(100)),
  'site.list': z.array(SiteDefinition).check(z.maxLength(100)),
  'site.save': z.null(),
  'site.remove': z.null(),
  'site.teach': z.null(),
  'crmWrite.switch': CrmWriteSwitches,
  'crmWrite.retry': z.null(),
  'crmWrite.retryAll': z.null(),
  'crmWrite.summary': z.object({ counts: z.record(WritableCrm, z.object({ waiting: z.int(), failed: z.int() })), hasHubspotToken: z.boolean() }),
  'crmWrite.token': z.null(),
  'teamTouches.read': z.object({ touches: z.array(TeamTouch), readAt: IsoDateTime }),
} satisfies Record<RequestType, z.ZodMiniType>;
export type ReplyDataOf<T extends RequestType> = z.infer<(typeof ReplyData)[T]>;
/** What a usage import is matched against. */
export type UsageContext = ReplyDataOf<'usage.context'>;

export { Reply } from './first-replies';

