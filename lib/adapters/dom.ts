/**
 * DOM helpers that see through open shadow roots, as Lightning's native-shadow components need.
 * Small and dependency-free: they ship in the content script.
 */

/** The parent of a node, stepping out of a shadow root to its host. */
export function composedParent(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && 'host' in parent && parent.host instanceof Element ? parent.host : null;
}

/**
 * Every element matching `selector` under `root`, including inside open shadow roots, in document
 * order. Walked, not listed: `querySelectorAll('*')` made a list of every element of each scope
 * on every read, and the sidebar script reads the record every 250 ms while a page renders it.
 */
export function deepQueryAll(root: Document | Element | ShadowRoot, selector: string): Element[] {
  const doc = 'createTreeWalker' in root ? root : root.ownerDocument;
  const found: Element[] = [];
  const visit = (scope: Document | Element | ShadowRoot) => {
    const walker = doc.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!isElement(node)) continue;
      if (node.matches(selector)) found.push(node);
      if (node.shadowRoot) visit(node.shadowRoot);
    }
  };
  visit(root);
  return found;
}

/** By node type, not `instanceof`: a node of another window (a frame, a parsed document) is an element too. */
function isElement(node: Node): node is Element {
  return node.nodeType === Node.ELEMENT_NODE;
}

/** The nearest ancestor (or the element itself) matching `selector`, crossing shadow boundaries. */
export function closestDeep(el: Element, selector: string): Element | null {
  for (let node: Element | null = el; node; node = composedParent(node)) if (node.matches(selector)) return node;
  return null;
}

/**
 * Whether an element is rendered: no ancestor (through shadow hosts) is hidden by the `hidden`
 * attribute, `display: none` or `visibility: hidden`. Lightning hides cached earlier records so.
 * Asked of the browser in one call where it can answer (`checkVisibility`): a computed style
 * object for every ancestor of every field, at each read while a page renders its record, took
 * memory the CRM page's renderer kept (README, figures).
 */
export function isVisible(el: Element): boolean {
  for (let node: Element | null = el; node; node = composedParent(node)) if (node.hasAttribute('hidden')) return false;
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  const view = el.ownerDocument.defaultView;
  for (let node: Element | null = el; node; node = composedParent(node)) {
    const style = view?.getComputedStyle(node);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'BUTTON']);

/**
 * The text a person sees in an element: shadow content with slotted children in place, without
 * assistive text ("Edit Industry" of a pencil button) or button labels, whitespace collapsed.
 */
export function visibleText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push(node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element) && node.nodeType !== 11) return;
    if (node instanceof Element) {
      if (SKIPPED.has(node.tagName) || node.classList.contains('slds-assistive-text')) return;
      if (node.tagName === 'SLOT' && 'assignedNodes' in node && typeof node.assignedNodes === 'function') {
        const assigned: Node[] = node.assignedNodes({ flatten: true });
        for (const child of assigned.length > 0 ? assigned : [...node.childNodes]) walk(child);
        return;
      }
      if (node.shadowRoot) {
        walk(node.shadowRoot);
        return;
      }
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
