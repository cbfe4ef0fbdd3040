import type { HostMessages } from '../i18n/host-messages';
import { clampWidth, type SidebarLayout } from './layout';

export const SIDEBAR_TEST_ID = 'adoption-sidebar';
const HOST_TAG = 'adoption-sidebar-host';
const TAB_WIDTH = 28;
const KEYBOARD_STEP = 24;

const STYLE = `
:host { all: initial; }
.panel { position: fixed; right: 0; bottom: 0; z-index: 2147483000; display: flex;
  box-shadow: -2px 0 8px rgba(0,0,0,.18); background: #fff; }
.panel.collapsed { box-shadow: none; background: transparent; width: 0 !important; }
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

/**
 * The sidebar's frame on the CRM page: an open shadow root (so the page's CSS cannot restyle
 * it) holding the extension-page iframe (so the page's scripts cannot read it), a collapse
 * tab and a resize grip. It carries no account data: the iframe gets that from the background.
 */
export class SidebarHost {
  readonly element: HTMLElement;
  readonly iframe: HTMLIFrameElement;
  private readonly panel: HTMLDivElement;
  private readonly toggle: HTMLButtonElement;
  private readonly grip: HTMLDivElement;

  constructor(
    sidebarUrl: string,
    private layout: SidebarLayout,
    private readonly messages: HostMessages,
    private readonly saveLayout: (layout: SidebarLayout) => void,
    private readonly topOffset: number,
  ) {
    this.element = document.createElement(HOST_TAG);
    const root = this.element.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    this.panel = document.createElement('div');
    this.panel.className = 'panel';
    this.iframe = document.createElement('iframe');
    this.iframe.dataset.testid = SIDEBAR_TEST_ID;
    // The export's "Copy Markdown" writes to the clipboard from inside the frame; set before src.
    this.iframe.allow = 'clipboard-write';
    this.iframe.src = sidebarUrl;
    this.iframe.title = messages.expand;
    this.toggle = document.createElement('button');
    this.toggle.className = 'toggle';
    this.toggle.dataset.testid = 'sidebar-toggle';
    this.toggle.addEventListener('click', () => this.setCollapsed(!this.layout.collapsed));
    this.grip = document.createElement('div');
    this.grip.className = 'grip';
    this.grip.dataset.testid = 'sidebar-resize';
    this.grip.tabIndex = 0;
    this.grip.setAttribute('role', 'separator');
    this.grip.setAttribute('aria-orientation', 'vertical');
    this.grip.setAttribute('aria-label', messages.resize);
    this.wireResize();
    this.panel.append(this.grip, this.toggle, this.iframe);
    root.append(style, this.panel);
    this.render();
  }

  show(): void {
    // Inline and important: the page's own stylesheets cannot hide the host.
    this.element.style.setProperty('display', 'block', 'important');
  }

  hide(): void {
    this.element.style.setProperty('display', 'none', 'important');
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

  private setCollapsed(collapsed: boolean): void {
    this.layout = { ...this.layout, collapsed };
    this.render();
    this.saveLayout(this.layout);
  }

  private render(): void {
    const width = clampWidth(this.layout.width, window.innerWidth);
    this.panel.classList.toggle('collapsed', this.layout.collapsed);
    this.panel.style.top = `${this.topOffset}px`;
    this.panel.style.width = `${width}px`;
    const label = this.layout.collapsed ? this.messages.expand : this.messages.collapse;
    this.toggle.textContent = this.layout.collapsed ? '‹' : '›';
    this.toggle.setAttribute('aria-label', label);
    this.toggle.title = label;
    this.toggle.setAttribute('aria-expanded', String(!this.layout.collapsed));
    this.grip.setAttribute('aria-valuenow', String(width));
  }

  private resizeTo(width: number, save: boolean): void {
    this.layout = { ...this.layout, width: clampWidth(width, window.innerWidth) };
    this.render();
    if (save) this.saveLayout(this.layout);
  }

  private wireResize(): void {
    this.grip.addEventListener('pointerdown', (event) => {
      this.grip.setPointerCapture(event.pointerId);
      this.panel.classList.add('dragging');
    });
    this.grip.addEventListener('pointermove', (event) => {
      if (this.grip.hasPointerCapture(event.pointerId)) this.resizeTo(window.innerWidth - event.clientX, false);
    });
    const end = (event: PointerEvent) => {
      if (!this.grip.hasPointerCapture(event.pointerId)) return;
      this.grip.releasePointerCapture(event.pointerId);
      this.panel.classList.remove('dragging');
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
