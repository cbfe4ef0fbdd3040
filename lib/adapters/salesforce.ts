import type { RecordField } from '../model/account';
import type { CrmAdapter, RecordRef, VisibleRecord } from './types';
import { closestDeep, deepQueryAll, isVisible, visibleText } from './dom';
import { salesforceAccountKey, salesforceMyDomain, toCaseSafeId } from '../model/account-key';

const ACCOUNT_PATH = /^\/lightning\/r\/Account\/([A-Za-z0-9]{15}|[A-Za-z0-9]{18})\/(?:view|related\/[^/]+\/view)\/?$/;
const ANY_RECORD_PATH = /^\/lightning\/r\/([A-Za-z0-9]{15}|[A-Za-z0-9]{18})\/view\/?$/;
/** Account ids start with the Account key prefix. */
export const ACCOUNT_ID_PREFIX = '001';

/** The account a Salesforce page of this org shows (`id`: from its address), or null for another object. */
export function salesforceRecordRef(hostname: string, id: string): RecordRef | null {
  const myDomain = salesforceMyDomain(hostname);
  const recordId = id.startsWith(ACCOUNT_ID_PREFIX) ? toCaseSafeId(id) : null;
  return myDomain && recordId ? { crm: 'salesforce', recordId, accountKey: salesforceAccountKey(myDomain, recordId) } : null;
}

export function matchAccount(url: URL): RecordRef | null {
  if (url.protocol !== 'https:' || !url.hostname.endsWith('.lightning.force.com')) return null;
  const id = ACCOUNT_PATH.exec(url.pathname)?.[1] ?? ANY_RECORD_PATH.exec(url.pathname)?.[1];
  return id ? salesforceRecordRef(url.hostname, id) : null;
}

const FIELD_ATTR = 'data-target-selection-name';
const FIELD_PREFIX = 'sfdc:RecordField.Account.';
const FIELD_SELECTOR = `[${FIELD_ATTR}^="${FIELD_PREFIX}"]`;
const LAYOUT_ITEM = 'records-record-layout-item';
const HIGHLIGHT_ITEM = 'records-highlights-details-item';
/** Where Lightning puts the active record: standard apps, console apps and console sub-tabs. */
const ACTIVE_CONTAINER = '.windowViewMode-normal.oneContent.active, .windowViewMode-maximized.active, .tabContent.active.oneConsoleTab';
const RECORD_CONTAINER = `${ACTIVE_CONTAINER}, .oneContent, one-record-home-flexipage2`;

function firstText(scope: Element, selectors: readonly string[]): string {
  for (const selector of selectors) {
    const found = deepQueryAll(scope, selector).map(visibleText).filter(Boolean);
    if (found.length > 0) return found.join(' ');
  }
  return '';
}

function readValue(scope: Element): string {
  return firstText(scope, ['[data-output-element-id="output-field"]', '.test-id__field-value', '.slds-form-element__static', '.fieldComponent', '.slds-form-element__control']);
}

function readLabel(scope: Element, item: Element | null): string {
  const label = firstText(scope, ['.test-id__field-label', '.slds-form-element__label']);
  if (label) return label;
  const titled = scope.querySelector('.slds-text-title[title], p[title]');
  return item?.getAttribute('field-label') ?? titled?.getAttribute('title') ?? (titled ? visibleText(titled) : '');
}

/** The element standing for the record an element belongs to. */
function recordContainer(el: Element, doc: Document): Element {
  return closestDeep(el, ACTIVE_CONTAINER) ?? closestDeep(el, RECORD_CONTAINER) ?? doc.body ?? doc.documentElement;
}

interface FoundField {
  container: Element;
  field: RecordField;
}

function readFields(doc: Document): FoundField[] {
  const found: FoundField[] = [];
  const seenItems = new Set<Element>();
  for (const el of deepQueryAll(doc, FIELD_SELECTOR)) {
    if (!isVisible(el)) continue;
    const key = el.getAttribute(FIELD_ATTR)?.slice(FIELD_PREFIX.length) ?? '';
    if (!key) continue;
    const item = closestDeep(el, `${LAYOUT_ITEM}, ${HIGHLIGHT_ITEM}`);
    if (item) seenItems.add(item);
    // In view mode the attribute sits on a div inside the layout item that holds label and value.
    const scope = readValue(el) || readLabel(el, item) ? el : (item ?? el);
    found.push({ container: recordContainer(el, doc), field: { key, label: readLabel(scope, item), value: readValue(scope) } });
  }
  // Items that do not expose an API name (often the highlights panel): keyed by their label,
  // unless a field with an API name already shows under that label.
  const labelled = new Set(found.map((f) => f.field.label));
  for (const item of deepQueryAll(doc, `${LAYOUT_ITEM}, ${HIGHLIGHT_ITEM}`)) {
    if (seenItems.has(item) || !isVisible(item)) continue;
    const label = readLabel(item, item);
    if (label && !labelled.has(label)) found.push({ container: recordContainer(item, doc), field: { key: label, label, value: readValue(item) } });
  }
  return found;
}

function readName(container: Element, fields: readonly RecordField[]): string {
  const name = fields.find((f) => f.key === 'Name')?.value;
  if (name) return name;
  const primary = deepQueryAll(container, 'slot[name="primaryField"], .slds-page-header__title, h1').find(isVisible);
  if (!primary) return '';
  const entityLabel = primary.querySelector('.entityNameTitle');
  const text = visibleText(primary);
  return entityLabel ? text.replace(visibleText(entityLabel), '').trim() : text;
}

/**
 * The active, visible record with every visible field. Fields are read from the record
 * container most of them belong to, so a cached earlier record never mixes in.
 */
export function readVisibleRecord(doc: Document): VisibleRecord | null {
  const found = readFields(doc);
  if (found.length === 0) return null;
  const counts = new Map<Element, number>();
  for (const f of found) counts.set(f.container, (counts.get(f.container) ?? 0) + 1);
  const container = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!container) return null;
  const fields: RecordField[] = [];
  const keys = new Set<string>();
  for (const f of found) {
    if (f.container !== container || keys.has(f.field.key)) continue;
    keys.add(f.field.key);
    fields.push(f.field);
  }
  return { container, name: readName(container, fields), fields };
}

export const salesforceAdapter: CrmAdapter = { crm: 'salesforce', matchAccount, readVisibleRecord, topBar: '#oneHeader, .oneHeader' };
