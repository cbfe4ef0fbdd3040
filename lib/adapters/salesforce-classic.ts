import type { RecordField } from '../model/account';
import type { CrmAdapter, RecordRef, VisibleRecord } from './types';
import { isVisible, visibleText } from './dom';
import { salesforceRecordRef } from './salesforce';

/**
 * Salesforce Classic account detail pages: `https://<My Domain>.my.salesforce.com/<001 id>`.
 * Whole-page loads (no cached earlier record); fields are `table.detailList` rows of `td.labelCol`
 * and `td.dataCol`. The record is the same account as in Lightning (one key: org and id).
 */

/** The record id alone in the path: `/001…`, not its edit page (`/001…/e`), not a list (`/001/o`). */
const DETAIL_PATH = /^\/([A-Za-z0-9]{15}|[A-Za-z0-9]{18})\/?$/;

export function matchAccount(url: URL): RecordRef | null {
  if (url.protocol !== 'https:' || !url.hostname.endsWith('.my.salesforce.com')) return null;
  const id = DETAIL_PATH.exec(url.pathname)?.[1];
  return id ? salesforceRecordRef(url.hostname, id) : null;
}

/**
 * Classic names standard fields' cells by a fixed id (`acc7_ileinner` is Industry in every org
 * and language): keyed by the API name Lightning shows, so both pages of a record keep one key
 * per field. Custom fields' cells carry the field's id (`00N…`), not its API name: keyed by label.
 */
const STANDARD_FIELDS: Readonly<Record<string, string>> = {
  acc2: 'Name',
  acc3: 'ParentId',
  acc5: 'AccountNumber',
  acc6: 'Type',
  acc7: 'Industry',
  acc8: 'AnnualRevenue',
  acc9: 'Rating',
  acc10: 'Phone',
  acc11: 'Fax',
  acc12: 'Website',
  acc13: 'TickerSymbol',
  acc14: 'Ownership',
  acc15: 'NumberOfEmployees',
  acc16: 'Sic',
  acc17: 'BillingAddress',
  acc18: 'ShippingAddress',
  acc20: 'Description',
  acc23: 'Site',
};
const CELL_ID = /^(acc\d+)_(?:ileinner|ilecell)$/;

/** The block holding the record's own details (related lists below hold other records). */
const DETAIL_BLOCK = '.bDetailBlock, #ep';

function standardKey(cell: Element): string | undefined {
  for (const el of [cell, ...cell.querySelectorAll('[id]')]) {
    const id = CELL_ID.exec(el.id)?.[1];
    if (id) return STANDARD_FIELDS[id];
  }
  return undefined;
}

/**
 * A cell's text without the action links Classic puts in brackets beside a value
 * (`Globex [View Hierarchy]`, `Jane Doe [Change]`).
 */
function valueText(cell: Element): string {
  let text = visibleText(cell);
  for (const link of cell.querySelectorAll('a')) {
    const label = visibleText(link);
    if (label) text = text.replace(`[ ${label} ]`, '').replace(`[${label}]`, '');
  }
  return text.replace(/\s+/g, ' ').trim();
}

function readFields(block: Element): RecordField[] {
  const fields: RecordField[] = [];
  const keys = new Set<string>();
  for (const labelCell of block.querySelectorAll('table.detailList td.labelCol')) {
    const valueCell = labelCell.nextElementSibling;
    if (!valueCell?.classList.contains('dataCol') || !isVisible(labelCell)) continue;
    const label = visibleText(labelCell);
    if (!label) continue;
    const key = standardKey(valueCell) ?? label;
    if (keys.has(key)) continue;
    keys.add(key);
    fields.push({ key, label, value: valueText(valueCell) });
  }
  return fields;
}

export function readVisibleRecord(doc: Document): VisibleRecord | null {
  const block = [...doc.querySelectorAll(DETAIL_BLOCK)].find(isVisible);
  if (!block) return null;
  const fields = readFields(block);
  if (fields.length === 0) return null;
  const title = doc.querySelector('.bPageTitle h2.pageDescription');
  const name = fields.find((f) => f.key === 'Name')?.value || (title ? visibleText(title) : '');
  return { container: block, name, fields };
}

export const salesforceClassicAdapter: CrmAdapter = { crm: 'salesforce', matchAccount, readVisibleRecord, topBar: '#AppBodyHeader' };
