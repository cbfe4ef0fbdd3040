import type { Locator } from '../model/site-definition';
import { isVisible, visibleText } from './dom';

/**
 * Finds a taught value on a page again, from data only (lib/model/site-definition.ts): stable
 * attribute selectors first, then the label the page shows beside it, then its position (only for a
 * value taught without a label). Whatever is found must still sit beside the taught label: a field
 * renamed or moved is reported lost, never read from whatever now sits in its place.
 */

/** Elements the extension itself puts on pages (the sidebar's and the teaching mode's hosts): never read. */
export const OWN_UI = '[data-adoption-ui]';

const MAX_LABEL = 80;

export function normalizeLabel(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/\s*[:：]$/, '').trim();
}

function queryAll(doc: Document, selector: string): Element[] {
  try {
    return [...doc.querySelectorAll(selector)].filter((el) => !el.closest(OWN_UI) && isVisible(el));
  } catch {
    // Not a valid selector in this browser: it finds nothing.
    return [];
  }
}

/** The label the page shows beside a value: the previous sibling of the value or of one of its three nearest ancestors. */
export function labelOf(el: Element): string {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4 && node !== node.ownerDocument.body; depth++, node = node.parentElement) {
    const before = node.previousElementSibling;
    if (before) {
      // A label is short text, not navigation or a control.
      const text = normalizeLabel(visibleText(before));
      return text.length <= MAX_LABEL && !before.querySelector('a, button, input, select, textarea') ? text : '';
    }
  }
  return '';
}

/** The value beside a label element: the next sibling of the label or of one of its nearest ancestors (`th` → `td`, `dt` → `dd`). */
function valueBeside(labelEl: Element): Element | null {
  if (labelEl instanceof HTMLLabelElement && labelEl.htmlFor) return labelEl.ownerDocument.getElementById(labelEl.htmlFor);
  let node: Element | null = labelEl;
  for (let depth = 0; node && depth < 4 && node !== node.ownerDocument.body; depth++, node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
  }
  return null;
}

/** The one visible value beside an element whose text is exactly `label`; null when none, or several (ambiguous). */
export function findByLabel(doc: Document, label: string): Element | null {
  const wanted = normalizeLabel(label);
  if (!wanted) return null;
  const found = new Set<Element>();
  for (const el of doc.body.querySelectorAll('*')) {
    if (el.closest(OWN_UI) || normalizeLabel(el.textContent ?? '') !== wanted) continue;
    // The innermost element with that text (a `th`, not its row).
    if ([...el.children].some((child) => normalizeLabel(child.textContent ?? '') === wanted)) continue;
    if (!isVisible(el)) continue;
    const value = valueBeside(el);
    if (value && !value.closest(OWN_UI)) found.add(value);
  }
  return found.size === 1 ? [...found][0] ?? null : null;
}

/** Whether an element found by selector still sits where it was taught: beside the taught label (or beside no label at all). */
function besideTaughtLabel(el: Element, locator: Locator, strict: boolean): boolean {
  if (!locator.label) return true;
  const now = labelOf(el);
  if (now === '') return !strict;
  return now === normalizeLabel(locator.label);
}

/** The element a locator points at now, or null when it cannot be found without guessing. */
export function locate(doc: Document, locator: Locator): Element | null {
  for (const selector of locator.selectors) {
    const all = queryAll(doc, selector);
    if (all.length === 1 && all[0] && besideTaughtLabel(all[0], locator, false)) return all[0];
    // Several matches, or one beside another label: this selector no longer tells.
  }
  if (locator.label) return findByLabel(doc, locator.label);
  if (locator.path) {
    const all = queryAll(doc, locator.path);
    if (all.length === 1 && all[0]) return all[0];
  }
  return null;
}

/** The text a value element shows (a form control's value). */
export function valueText(el: Element): string {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value.trim();
  if (el instanceof HTMLSelectElement) return el.selectedOptions[0]?.textContent?.trim() ?? '';
  return visibleText(el);
}
