import type { CrmAdapter, RecordRef, VisibleRecord } from '../adapters/types';
import type { RecordReading } from '../model/account';

/** What the content script sends for the visible record: no more than the page shows. */
export function toReading(ref: RecordRef, record: VisibleRecord, url: string, visitId: string): RecordReading {
  return { accountKey: ref.accountKey, crm: ref.crm, recordId: ref.recordId, url, name: record.name, fields: record.fields, visitId, ...(record.lost && { lostFields: record.lost }) };
}

export function matchAccountPage(adapter: CrmAdapter, href: string): RecordRef | null {
  try {
    return adapter.matchAccount(new URL(href));
  } catch {
    return null;
  }
}
