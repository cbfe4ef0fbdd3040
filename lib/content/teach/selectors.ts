import { labelOf, OWN_UI } from '../../adapters/locate';
import type { Locator } from '../../model/site-definition';

/**
 * How the teaching mode describes a clicked element so it can be found again: stable attributes
 * first (ids, data-*, name, aria-label, itemprop that do not look generated), the label beside it,
 * and its position as the last resort. Pure over a Document; unit-tested.
 */

const STABLE_ATTRIBUTES = ['data-testid', 'data-field', 'data-field-code', 'data-col', 'data-name', 'name', 'itemprop', 'aria-label'];

/** Generated values (long digit runs, hashes) change between page loads or records: not stable. */
function looksStable(value: string): boolean {
  return value.length > 0 && value.length <= 60 && !/\d{3,}/.test(value) && !/[0-9a-f]{8,}/i.test(value) && !/\s{2}/.test(value);
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function unique(doc: Document, selector: string, el: Element): boolean {
  try {
    const all = doc.querySelectorAll(selector);
    return all.length === 1 && all[0] === el;
  } catch {
    return false;
  }
}

export function stableSelectors(el: Element): string[] {
  const doc = el.ownerDocument;
  const found: string[] = [];
  const tag = el.tagName.toLowerCase();
  if (el.id && looksStable(el.id) && /^[A-Za-z][\w-]*$/.test(el.id) && unique(doc, `#${el.id}`, el)) found.push(`#${el.id}`);
  for (const name of [...STABLE_ATTRIBUTES, ...[...el.attributes].map((a) => a.name).filter((n) => n.startsWith('data-') && !STABLE_ATTRIBUTES.includes(n))]) {
    const value = el.getAttribute(name);
    if (value === null || !looksStable(value) || !/^[a-z][a-z0-9-]*$/.test(name)) continue;
    const selector = `${tag}[${name}=${quote(value)}]`;
    if (unique(doc, selector, el)) found.push(selector);
    if (found.length >= 3) break;
  }
  return found;
}

/** The element's position: a chain of `tag:nth-of-type(n)` from the nearest ancestor with a stable id, or from `body`. */
export function positionPath(el: Element): string {
  const steps: string[] = [];
  let node: Element | null = el;
  while (node && node !== node.ownerDocument.body && node.parentElement) {
    if (node !== el && node.id && looksStable(node.id) && /^[A-Za-z][\w-]*$/.test(node.id)) {
      steps.unshift(`#${node.id}`);
      return steps.join(' > ');
    }
    const tag = node.tagName.toLowerCase();
    const sameTag = [...node.parentElement.children].filter((c) => c.tagName === node?.tagName);
    steps.unshift(sameTag.length > 1 ? `${tag}:nth-of-type(${sameTag.indexOf(node) + 1})` : tag);
    node = node.parentElement;
  }
  steps.unshift('body');
  return steps.join(' > ');
}

export function describeElement(el: Element): Locator {
  return { selectors: stableSelectors(el), label: labelOf(el), path: positionPath(el) };
}

/** The element the user meant: the clicked one, unless it is part of the extension's own UI. */
export function pickable(target: EventTarget | null): Element | null {
  return target instanceof Element && !target.closest(OWN_UI) ? target : null;
}
