import type { AccountKey, Crm, RecordField } from '../model/account';

/** The account record a URL points at. */
export interface RecordRef {
  crm: Crm;
  recordId: string;
  accountKey: AccountKey;
}

/** What is visible of the active record right now. `container` identifies which rendered record it is. */
export interface VisibleRecord {
  container: Element;
  name: string;
  fields: RecordField[];
  /** A taught site's fields it could not find (lib/adapters/taught.ts). */
  lost?: string[];
}

/**
 * One per CRM. Pure functions over a URL or a Document, so they are unit-tested on saved pages.
 */
export interface CrmAdapter {
  crm: Crm;
  /** The account record this URL shows, or null for any other page (list views, other objects, setup). */
  matchAccount(url: URL): RecordRef | null;
  /** The active, visible record with every visible field, or null while none is rendered. */
  readVisibleRecord(doc: Document): VisibleRecord | null;
  /** The CRM's own top bar, which the sidebar starts below (a CSS selector). */
  topBar?: string;
  /**
   * The CRM renders the next record into the same elements (no cached earlier record): after a
   * navigation, a new record is told from the previous one by what it shows, not by its container.
   */
  rendersInPlace?: boolean;
}
