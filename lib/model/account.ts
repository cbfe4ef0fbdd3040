import { z } from './zod';
import { LIMITS } from './limits';
import { IsoDateTime } from './dates';

/** CRMs the extension can read, one adapter each (Salesforce: Lightning and Classic); `site`: a site the CSM taught. */
export const Crm = z.enum(['salesforce', 'hubspot', 'dynamics', 'site']);
export type Crm = z.infer<typeof Crm>;

/**
 * The CRM, its org or portal, and the record id, stable across visits and devices (built and
 * explained in account-key.ts): `salesforce:<My Domain>:<18-character id>` (or `salesforce:<id>`,
 * an account whose org could not be told when keys came to name it), `hubspot:<portal>:<company>`,
 * `dynamics:<org host>:<lower-case guid>`, `site:<host>:<record id parts, joined by />` (a taught site).
 */
export const AccountKey = z.string().check(
  z.regex(/^(?:salesforce:(?:[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?:)?[A-Za-z0-9]{18}|hubspot:\d{1,20}:\d{1,30}|dynamics:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|site:(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}:[A-Za-z0-9_.-]{1,64}(?:\/[A-Za-z0-9_.-]{1,64}){0,3})$/, 'not an account key'),
);
export type AccountKey = z.infer<typeof AccountKey>;


/** One field as the CRM page shows it. `key` is the CRM's API name where the page exposes it, else the label. */
export const RecordField = z.object({
  key: z.string().check(z.minLength(1), z.maxLength(200)),
  label: z.string().check(z.maxLength(200)),
  value: z.string().check(z.maxLength(LIMITS.crmFieldValue)),
});
export type RecordField = z.infer<typeof RecordField>;

/** What the content script read from the visible record. */
export const RecordReading = z.object({
  accountKey: AccountKey,
  crm: Crm,
  recordId: z.string().check(z.minLength(1), z.maxLength(260)),
  url: z.url().check(z.maxLength(LIMITS.crmUrl)),
  name: z.string().check(z.maxLength(500)),
  fields: z.array(RecordField).check(z.maxLength(LIMITS.crmFields)),
  /** One visit = one navigation to the record; re-reads within a visit refine the same snapshot. */
  visitId: z.string().check(z.minLength(1), z.maxLength(64)),
  /** A taught site's fields it could no longer find (the site changed): named, never guessed. */
  lostFields: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(51))),
});
export type RecordReading = z.infer<typeof RecordReading>;

export const Account = z.object({
  key: AccountKey,
  crm: Crm,
  recordId: z.string(),
  name: z.string(),
  url: z.string(),
  firstSeenAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
});
export type Account = z.infer<typeof Account>;

/** The fields of a record as read on one visit; kept only when they differ from the previous visit. */
export const FieldSnapshot = z.object({
  id: z.string().check(z.minLength(1)),
  accountKey: AccountKey,
  visitId: z.string(),
  takenAt: IsoDateTime,
  fields: z.array(RecordField),
});
export type FieldSnapshot = z.infer<typeof FieldSnapshot>;

/**
 * A field of the record's known state, as the sidebar lists it: `onPage` is false for a field the
 * page does not show now (another tab of the record, a collapsed section), with its last read value.
 */
export const KnownField = z.extend(RecordField, { onPage: z.boolean() });
export type KnownField = z.infer<typeof KnownField>;

export const FieldChange = z.object({
  key: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
export type FieldChange = z.infer<typeof FieldChange>;
