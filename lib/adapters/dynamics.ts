import type { RecordField } from '../model/account';
import type { CrmAdapter, RecordRef, VisibleRecord } from './types';
import { isVisible, visibleText } from './dom';
import { dynamicsAccountKey } from '../model/account-key';

/**
 * Dynamics 365 model-driven apps (Unified Interface), account forms:
 * `https://<org>.crm<N>.dynamics.com/main.aspx?…&pagetype=entityrecord&etn=account&id=<guid>`.
 * Every field control names its column's logical name in `data-id` (`name.fieldControl-…`); the
 * same field may also show in the form header (`header_<name>…`) and the business process bar
 * (`header_process_<name>…`): one key, the form body's value first. Moving to another record
 * changes `id` in the address without a page load, and the form renders in place.
 */

const HOST = /^[a-z0-9-]+\.crm\d{0,2}\.dynamics\.com$/;
const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

export function matchAccount(url: URL): RecordRef | null {
  if (url.protocol !== 'https:' || !HOST.test(url.hostname) || url.pathname.toLowerCase() !== '/main.aspx') return null;
  const params = url.searchParams;
  if (params.get('pagetype')?.toLowerCase() !== 'entityrecord' || params.get('etn')?.toLowerCase() !== 'account') return null;
  const guid = GUID.exec(params.get('id') ?? '')?.[1]?.toLowerCase();
  return guid ? { crm: 'dynamics', recordId: guid, accountKey: dynamicsAccountKey(url.hostname, guid) } : null;
}

const FORM = '[data-id="editFormRoot"]';
/** A control of a field: text, number, date, option set, lookup. */
const CONTROL = '[data-id*=".fieldControl-"]';
/** `<prefix><logical name>.fieldControl-<kind>`. */
const CONTROL_ID = /^(header_process_|header_)?([a-z0-9_]+)\.fieldControl-(.+)$/;
/** Where a field shows: the form body first, then the header, then the process bar. */
const PLACE_ORDER: Record<string, number> = { '': 0, header_: 1, header_process_: 2 };

function controlValue(control: Element, kind: string): string | null {
  if (control instanceof HTMLSelectElement) {
    const chosen = control.options[control.selectedIndex];
    return chosen ? visibleText(chosen) : '';
  }
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
    if (control.type === 'checkbox') return null;
    return control.value;
  }
  // A lookup's chosen record is its `_selected_tag` link; its other parts (the search box, the
  // results list) are not values.
  if (kind.startsWith('LookupResultsDropdown_')) return kind.endsWith('_selected_tag') ? visibleText(control) || control.getAttribute('title') || '' : null;
  if (kind.endsWith('option-set-select')) return visibleText(control) || control.getAttribute('title') || '';
  return null;
}

function labelOf(doc: Document, place: string, name: string): string {
  // `-telephone1-field-label` is the body's; `_telephone1-field-label` a header's or the process bar's.
  const label = doc.querySelector(`label[id$="-${place}${name}-field-label"]`) ?? doc.querySelector(`label[id$="${name}-field-label"]`);
  return label ? visibleText(label) : '';
}

interface Found {
  order: number;
  field: RecordField;
}

export function readVisibleRecord(doc: Document): VisibleRecord | null {
  const form = [...doc.querySelectorAll(FORM)].find(isVisible);
  if (!form) return null;
  const found = new Map<string, Found>();
  for (const control of doc.querySelectorAll(CONTROL)) {
    const m = CONTROL_ID.exec(control.getAttribute('data-id') ?? '');
    if (!m?.[2] || !m[3] || !isVisible(control)) continue;
    const [place, name, kind] = [m[1] ?? '', m[2], m[3]];
    const value = controlValue(control, kind);
    if (value === null) continue;
    const order = PLACE_ORDER[place] ?? 3;
    const had = found.get(name);
    if (had && had.order <= order) continue;
    found.set(name, { order, field: { key: name, label: labelOf(doc, place, name) || name, value } });
  }
  if (found.size === 0) return null;
  const fields = [...found.values()].map((f) => f.field);
  const title = doc.querySelector('[data-id="header_title"]');
  // The title carries the save state after the name ("Contoso - Saved").
  const name = fields.find((f) => f.key === 'name')?.value || (title ? visibleText(title).replace(/\s+-\s+(?:Saved|Unsaved|保存済み|未保存)$/, '') : '');
  return { container: form, name, fields };
}

export const dynamicsAdapter: CrmAdapter = { crm: 'dynamics', matchAccount, readVisibleRecord, topBar: '[data-id="topBar"], #topBar', rendersInPlace: true };
