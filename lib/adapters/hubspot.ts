import type { RecordField } from '../model/account';
import type { CrmAdapter, RecordRef, VisibleRecord } from './types';
import { closestDeep, isVisible, visibleText } from './dom';
import { hubspotAccountKey } from '../model/account-key';

/**
 * HubSpot company records: `https://app[-<region>].hubspot.com/contacts/<portal>/record/0-2/<company>`.
 * HubSpot's class names are randomised; its stable hooks are test attributes. A property's
 * internal name is in `data-selenium-test="property-input-<name>"` (and in the bare
 * `data-test-id="<name>"` of its row); cards that show other records (associations) carry the
 * same grammar, so only the record's own cards are read.
 */

/** `app.hubspot.com`, and the regional data centres (`app-eu1`, `app-na2`, …). */
const HOST = /^app(?:-[a-z]{2,4}\d{1,2})?\.hubspot\.com$/;
/** A company (object type 0-2) record, with or without a tab or more after it; the older `/company/<id>` form too. */
const COMPANY_PATH = /^\/contacts\/(\d{1,20})\/(?:record\/0-2|company)\/(\d{1,30})(?:\/.*)?$/;

export function matchAccount(url: URL): RecordRef | null {
  if (url.protocol !== 'https:' || !HOST.test(url.hostname)) return null;
  const m = COMPANY_PATH.exec(url.pathname);
  if (!m?.[1] || !m[2]) return null;
  return { crm: 'hubspot', recordId: m[2], accountKey: hubspotAccountKey(m[1], m[2]) };
}

const PROPERTY = '[data-selenium-test^="property-input-"]';
const PROPERTY_PREFIX = 'property-input-';
/** A property row of the about card: its bare internal name, marked as a property input. */
const ROW = 'span[data-test-id]';
const ROW_MARKER = ':scope > [data-deferred-property-input-root="true"]';
/** Data highlights: label and value, no internal name. */
const HIGHLIGHT_ITEM = '[data-test-id="crm-data-highlights-item"]';
/** What shows other records than this one. */
const OTHER_RECORDS = '[data-card-type^="ASSOCIATION"], [data-test-id="records-right-sidebar"], [data-crm-location="CRM_OBJECT_PREVIEW"]';
/** The record's left sidebar (highlights, about card): HubSpot renders the next record into it. */
const LEFT_SIDEBAR = '[data-test-id="left-sidebar"], [data-scroll-trackable-container="left-sidebar"]';
const NAME = '[data-selenium-test="highlightTitle"]';

const ownRecord = (el: Element) => isVisible(el) && !closestDeep(el, OTHER_RECORDS);

/** A property's value: as shown, or in its form control while it is being edited. */
function valueOf(el: Element): string {
  const control = el.matches('input, textarea') ? el : el.querySelector('input, textarea');
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) return control.value;
  // A dropdown being edited carries the hook on its button, whose text is the value.
  return el.tagName === 'BUTTON' ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : visibleText(el);
}

/** A row's label: its `<label>`, or the element its value is labelled by. */
function labelOf(row: Element, value: Element): string {
  const label = row.querySelector('label');
  if (label) return visibleText(label);
  const by = closestDeep(value, '[aria-labelledby]')?.getAttribute('aria-labelledby');
  const labelled = by ? row.ownerDocument.getElementById(by) : null;
  return labelled ? visibleText(labelled) : '';
}

function readFields(page: Element): RecordField[] {
  const fields: RecordField[] = [];
  const keys = new Set<string>();
  const add = (key: string, label: string, value: string) => {
    if (!key || keys.has(key)) return;
    keys.add(key);
    fields.push({ key, label, value });
  };
  for (const input of page.querySelectorAll(PROPERTY)) {
    if (!ownRecord(input)) continue;
    // By length, never by splitting on `-`: internal names may hold hyphens.
    const key = (input.getAttribute('data-selenium-test') ?? '').slice(PROPERTY_PREFIX.length);
    const row = input.closest(ROW) ?? input.parentElement ?? input;
    add(key, labelOf(row, input), valueOf(input));
  }
  // Rows whose value has no property-input node (the owner is shown as bare text): the row's own name.
  for (const row of page.querySelectorAll(ROW)) {
    if (!row.querySelector(ROW_MARKER) || row.querySelector(PROPERTY) || !ownRecord(row)) continue;
    const label = row.querySelector('label');
    const labelText = label ? visibleText(label) : '';
    const all = visibleText(row);
    add(row.getAttribute('data-test-id') ?? '', labelText, all.startsWith(labelText) ? all.slice(labelText.length).trim() : all);
  }
  // Data highlights carry only labels: keyed by label unless a property already shows under it.
  const labels = new Set(fields.map((f) => f.label));
  for (const item of page.querySelectorAll(HIGHLIGHT_ITEM)) {
    if (!ownRecord(item)) continue;
    const [label, value] = [...item.querySelectorAll('p')].map(visibleText);
    if (label && !labels.has(label)) add(label, label, value ?? '');
  }
  return fields;
}

export function readVisibleRecord(doc: Document): VisibleRecord | null {
  const page = doc.body ?? doc.documentElement;
  const fields = readFields(page);
  if (fields.length === 0) return null;
  const title = [...page.querySelectorAll(NAME)].find(ownRecord);
  const name = (title ? visibleText(title) : '') || fields.find((f) => f.key === 'name')?.value || '';
  return { container: [...page.querySelectorAll(LEFT_SIDEBAR)].find(isVisible) ?? page, name, fields };
}

export const hubspotAdapter: CrmAdapter = { crm: 'hubspot', matchAccount, readVisibleRecord, topBar: '#navbar, [data-test-id="navbar"]', rendersInPlace: true };
