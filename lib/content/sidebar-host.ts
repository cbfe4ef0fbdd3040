import type { SidebarLayout } from '../model/sidebar-layout';
import { clampWidth } from './layout';
import { guardHost, type HostGuard } from './host-guard';

/** The frame's labels, from `_locales` (made at build from the `host.*` strings of lib/i18n/en.ts and ja.ts). */
export interface HostMessages {
  collapse: string;
  expand: string;
  resize: string;
}

export const SIDEBAR_TEST_ID = 'adoption-sidebar';
const HOST_TAG = 'adoption-sidebar-host';
const TAB_WIDTH = 28;
const KEYBOARD_STEP = 24;

// `:host` rules marked important win over every declaration the page makes on the host, its
// inline style included (important declarations of the inner, shadow context come first), and
// `all` covers every property: the page's CSS cannot hide, fade, shrink, clip or move the host.
// The panel paints nothing of its own: the sidebar's document draws its background and its left
// edge. What the panel painted (a white background, a shadow) was rasterised by the CRM page's
// renderer, about 2.2 MB a tab (page renderers, 4 tabs a round, 5 rounds, 5 December).
const STYLE = `
:host { all: initial !important; position: fixed !important; right: 0 !important; bottom: 0 !important;
  z-index: 2147483647 !important; }
.panel { position: absolute; inset: 0; display: flex; }
.panel.collapsed iframe, .panel.collapsed .grip { display: none; }
iframe { border: 0; width: 100%; height: 100%; display: block; color-scheme: light; }
.grip { position: absolute; left: -4px; top: 0; bottom: 0; width: 8px; cursor: ew-resize; z-index: 1; }
.grip:focus-visible, .grip:hover { background: rgba(1,118,211,.35); outline: none; }
.toggle { position: absolute; left: -${TAB_WIDTH}px; top: 12px; width: ${TAB_WIDTH}px; height: 40px;
  border: 1px solid #c9c9c9; border-right: 0; border-radius: 6px 0 0 6px; background: #0176d3; color: #fff;
  font: 600 16px/1 system-ui, sans-serif; cursor: pointer; padding: 0; }
.toggle:focus-visible { outline: 2px solid #1b96ff; outline-offset: 1px; }
.dragging iframe { pointer-events: none; }
`;

export interface SidebarHostOptions {
  sidebarUrl: string;
  layout: SidebarLayout;
  messages: HostMessages;
  saveLayout: (layout: SidebarLayout) => void;
  /**
   * Where the sidebar starts from the top of the viewport (below the CRM's header), asked on the
   * first frame after the host is on the page, before that frame is painted. Asked before, it
   * forced a layout of a CRM page that had just loaded: up to 12 ms before the sidebar's frame could
   * start loading (README, figures).
   */
  topOffset: () => number;
  /** False once the extension context is gone (then the host goes, see `onDead`). */
  alive: () => boolean;
  /** The extension context is gone: the script ends. */
  onDead: () => void;
}

/** Has `el` exactly these attributes, no more? */
function hasExactly(el: Element, attributes: Map<string, string>): boolean {
  if (el.attributes.length !== attributes.size) return false;
  for (const [name, value] of attributes) if (el.getAttribute(name) !== value) return false;
  return true;
}

function sheetText(style: HTMLStyleElement): string | undefined {
  const rules = style.sheet?.cssRules;
  return rules && Array.from(rules, (rule) => rule.cssText).join('\n');
}

function sameChildren(parent: Node, expected: Node[]): boolean {
  const nodes = parent.childNodes;
  return nodes.length === expected.length && expected.every((node, i) => nodes[i] === node);
}

/** Removes any child of `parent` that is not one of `expected`, then puts `expected` back in order. */
function keepOnly(parent: Node, expected: Node[]): void {
  for (const node of Array.from(parent.childNodes)) if (!expected.includes(node)) node.remove();
  expected.forEach((node, i) => {
    if (parent.childNodes[i] !== node) parent.insertBefore(node, parent.childNodes[i] ?? null);
  });
}

function isTopLayer(el: Element): boolean {
  try {
    return el.matches(':popover-open, :modal');
  } catch {
    return false;
  }
}

/**
 * The sidebar's frame on the CRM page: an open shadow root (so the page's CSS cannot restyle
 * it) holding the extension-page iframe (so the page's scripts cannot read it), a collapse
 * tab and a resize grip. It carries no account data: the iframe gets that from the background.
 *
 * It lives in the browser's top layer (a manual popover, where browsers have them), above any
 * z-index, and a guard (host-guard.ts) undoes what the page's scripts do to it.
 */
export class SidebarHost {
  readonly element: HTMLElement;
  readonly iframe: HTMLIFrameElement;
  private readonly root: ShadowRoot;
  private readonly style: HTMLStyleElement;
  /** The parts of the host's style that change: shown or not, top, width. */
  private readonly placement: HTMLStyleElement;
  private readonly panel: HTMLDivElement;
  private readonly toggle: HTMLButtonElement;
  private readonly grip: HTMLDivElement;
  private readonly topLayer: boolean;
  private layout: SidebarLayout;
  private shown = false;
  private dragging = false;
  private top = 0;
  /** Every attribute of the host's own elements, as the extension last set them: no others. */
  private readonly attributes = new Map<Element, Map<string, string>>();
  /** The style sheets as parsed from the extension's own text (CSSOM changes show here). */
  private readonly sheets = new Map<HTMLStyleElement, string | undefined>();
  private guard: HostGuard | undefined;

  constructor(private readonly options: SidebarHostOptions) {
    const { messages } = options;
    this.layout = options.layout;
    this.element = this.create(HOST_TAG);
    this.topLayer = typeof this.element.showPopover === 'function';
    if (this.topLayer) this.set(this.element, 'popover', 'manual');
    this.root = this.element.attachShadow({ mode: 'open' });
    this.style = this.create('style');
    this.placement = this.create('style');
    this.panel = this.create('div');
    this.iframe = this.create('iframe');
    this.set(this.iframe, 'data-testid', SIDEBAR_TEST_ID);
    // The export's "Copy Markdown" writes to the clipboard from inside the frame; set before src.
    this.set(this.iframe, 'allow', 'clipboard-write');
    this.set(this.iframe, 'src', options.sidebarUrl);
    this.set(this.iframe, 'title', messages.expand);
    this.toggle = this.create('button');
    this.set(this.toggle, 'class', 'toggle');
    this.set(this.toggle, 'data-testid', 'sidebar-toggle');
    this.toggle.addEventListener('click', () => this.setCollapsed(!this.layout.collapsed));
    this.grip = this.create('div');
    this.set(this.grip, 'class', 'grip');
    this.set(this.grip, 'data-testid', 'sidebar-resize');
    this.set(this.grip, 'tabindex', '0');
    this.set(this.grip, 'role', 'separator');
    this.set(this.grip, 'aria-orientation', 'vertical');
    this.set(this.grip, 'aria-label', messages.resize);
    this.wireResize();
    this.panel.append(this.grip, this.toggle, this.iframe);
    this.root.append(this.style, this.placement, this.panel);
    this.write(this.style, STYLE);
    this.render();
  }

  /** Puts the host on the page (after the page's `load`) and starts guarding it. */
  attach(): void {
    document.documentElement.append(this.element);
    // Connected now: the sheets exist, parsed from the extension's own text.
    for (const style of [this.style, this.placement]) this.sheets.set(style, sheetText(style));
    this.guard ??= guardHost(
      {
        host: this.element,
        intact: () => this.intact(),
        restore: () => this.restore(),
        coveredBy: (other) => this.coveredBy(other),
        raise: () => this.raise(),
        alive: this.options.alive,
      },
      {
        onDead: this.options.onDead,
        onPause: (ms) => console.warn(`Adoption sidebar: this page keeps removing or hiding the sidebar; trying again in ${Math.round(ms / 1000)} s.`),
      },
    );
    requestAnimationFrame(() => this.placeBelowHeader());
  }

  /** Takes the host off the page for good. */
  remove(): void {
    this.guard?.stop();
    this.element.remove();
  }

  show(): void {
    this.shown = true;
    this.render();
    this.enterTopLayer();
  }

  hide(): void {
    this.shown = false;
    this.render();
    if (this.topLayer && this.element.matches(':popover-open')) this.element.hidePopover();
  }

  expand(): void {
    this.setCollapsed(false);
  }

  /** Moves keyboard focus into the sidebar, so the quick log can take it. */
  focusSidebar(): void {
    this.iframe.focus();
  }

  applyLayout(layout: SidebarLayout): void {
    this.layout = layout;
    this.render();
  }

  /** Is the host as the extension made it: on the page, unaltered, in the top layer when shown? */
  intact(): boolean {
    if (this.element.parentNode !== document.documentElement) return false;
    if (!sameChildren(this.root, [this.style, this.placement, this.panel]) || !sameChildren(this.panel, [this.grip, this.toggle, this.iframe])) return false;
    if (this.grip.firstChild || this.toggle.childNodes.length !== 1 || this.toggle.textContent !== this.toggleText()) return false;
    for (const [el, attributes] of this.attributes) if (!hasExactly(el, attributes)) return false;
    for (const [style, text] of this.sheets) if (text === undefined || sheetText(style) !== text) return false;
    if (this.root.adoptedStyleSheets?.length) return false;
    return !this.shown || !this.topLayer || this.element.matches(':popover-open');
  }

  /** Puts back whatever the page changed; the iframe is only re-inserted when it was taken out. */
  restore(): void {
    const html = document.documentElement;
    if (!html) return;
    if (this.element.parentNode !== html) html.append(this.element);
    keepOnly(this.root, [this.style, this.placement, this.panel]);
    keepOnly(this.panel, [this.grip, this.toggle, this.iframe]);
    this.grip.replaceChildren();
    if (this.root.adoptedStyleSheets?.length) this.root.adoptedStyleSheets = [];
    for (const [el, attributes] of this.attributes) {
      if (hasExactly(el, attributes)) continue;
      for (const name of el.getAttributeNames()) if (!attributes.has(name)) el.removeAttribute(name);
      for (const [name, value] of attributes) el.setAttribute(name, value);
    }
    // Rewriting the text re-parses the sheets: anything done to them through the CSSOM is gone.
    this.write(this.style, STYLE);
    this.render();
    if (this.shown) this.enterTopLayer();
  }

  private coveredBy(other: Element): boolean {
    if (!this.shown || !isTopLayer(other)) return false;
    const mine = this.element.getBoundingClientRect();
    const theirs = other.getBoundingClientRect();
    // Only the tab shows when collapsed: the host's box is then zero wide.
    const left = mine.left - (this.layout.collapsed ? TAB_WIDTH : 0);
    return theirs.right > left && theirs.left < mine.right && theirs.bottom > mine.top && theirs.top < mine.bottom;
  }

  /** Back to the top of the top layer, above what the page opened later; focus stays where it was. */
  private raise(): void {
    if (!this.topLayer) return;
    const focused = document.activeElement === this.element;
    if (this.element.matches(':popover-open')) this.element.hidePopover();
    this.enterTopLayer();
    if (focused) this.iframe.focus();
  }

  private enterTopLayer(): void {
    if (!this.topLayer || !this.element.isConnected || this.element.matches(':popover-open')) return;
    try {
      this.element.showPopover();
    } catch {
      // The page kept it out (its own `beforetoggle` listener, say): the host stays fixed, on top
      // of every z-index but not above the top layer; the guard tries again.
    }
  }

  private placeBelowHeader(): void {
    // Taken off the page meanwhile: no layout of the page to read for it.
    if (!this.element.isConnected) return;
    const top = this.options.topOffset();
    if (top === this.top) return;
    this.top = top;
    this.render();
  }

  private setCollapsed(collapsed: boolean): void {
    this.layout = { ...this.layout, collapsed };
    this.render();
    this.options.saveLayout(this.layout);
  }

  private toggleText(): string {
    return this.layout.collapsed ? '‹' : '›';
  }

  private render(): void {
    const width = clampWidth(this.layout.width, window.innerWidth);
    const display = this.shown ? 'block' : 'none';
    this.write(this.placement, `:host { display: ${display} !important; top: ${this.top}px !important; width: ${this.layout.collapsed ? 0 : width}px !important; }`);
    this.set(this.panel, 'class', `panel${this.layout.collapsed ? ' collapsed' : ''}${this.dragging ? ' dragging' : ''}`);
    const label = this.layout.collapsed ? this.options.messages.expand : this.options.messages.collapse;
    const text = this.toggleText();
    if (this.toggle.textContent !== text || this.toggle.childNodes.length !== 1) this.toggle.textContent = text;
    this.set(this.toggle, 'aria-label', label);
    this.set(this.toggle, 'title', label);
    this.set(this.toggle, 'aria-expanded', String(!this.layout.collapsed));
    this.set(this.grip, 'aria-valuenow', String(width));
  }

  /** An element of the host's own, whose attributes are only ever the ones `set` gives it. */
  private create<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K];
  private create(tag: string): HTMLElement;
  private create(tag: string): HTMLElement {
    const el = document.createElement(tag);
    this.attributes.set(el, new Map());
    return el;
  }

  private set(el: Element, name: string, value: string): void {
    this.attributes.get(el)?.set(name, value);
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  private write(style: HTMLStyleElement, text: string): void {
    style.textContent = text;
    this.sheets.set(style, sheetText(style));
  }

  private resizeTo(width: number, save: boolean): void {
    this.layout = { ...this.layout, width: clampWidth(width, window.innerWidth) };
    this.render();
    if (save) this.options.saveLayout(this.layout);
  }

  private setDragging(dragging: boolean): void {
    this.dragging = dragging;
    this.render();
  }

  private wireResize(): void {
    this.grip.addEventListener('pointerdown', (event) => {
      this.grip.setPointerCapture(event.pointerId);
      this.setDragging(true);
    });
    this.grip.addEventListener('pointermove', (event) => {
      if (this.grip.hasPointerCapture(event.pointerId)) this.resizeTo(window.innerWidth - event.clientX, false);
    });
    const end = (event: PointerEvent) => {
      if (!this.grip.hasPointerCapture(event.pointerId)) return;
      this.grip.releasePointerCapture(event.pointerId);
      this.setDragging(false);
      this.resizeTo(window.innerWidth - event.clientX, true);
    };
    this.grip.addEventListener('pointerup', end);
    this.grip.addEventListener('pointercancel', end);
    this.grip.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowLeft' ? KEYBOARD_STEP : event.key === 'ArrowRight' ? -KEYBOARD_STEP : 0;
      if (step === 0) return;
      event.preventDefault();
      this.resizeTo(this.layout.width + step, true);
    });
  }
}

/** Removes every sidebar host on the page: before a new one, none made by an earlier copy stays. */
export function removeStrayHosts(doc: Document): void {
  for (const stray of Array.from(doc.querySelectorAll(HOST_TAG))) stray.remove();
}

/** The frame's labels in the browser's language; `getMessage` is the browser's i18n lookup. */
export function hostMessages(i18n: { getMessage(name: string): string }): HostMessages {
  return { collapse: i18n.getMessage('host_collapse'), expand: i18n.getMessage('host_expand'), resize: i18n.getMessage('host_resize') };
}
