/** @vitest-environment-options {"settings": {"enableIframePageLoading": true}} */
// (happy-dom then loads the frames, about:blank, instead of logging for each one that it will not.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { removeStrayHosts, SidebarHost, SIDEBAR_TEST_ID } from './sidebar-host';

const messages = { collapse: 'Collapse', expand: 'Open', resize: 'Resize' };

function makeHost(overrides: { alive?: () => boolean; onDead?: () => void; topOffset?: () => number } = {}) {
  const host = new SidebarHost({
    sidebarUrl: 'about:blank#sidebar',
    layout: { width: 380, collapsed: false },
    messages,
    saveLayout: vi.fn(),
    topOffset: overrides.topOffset ?? (() => 40),
    alive: overrides.alive ?? (() => true),
    onDead: overrides.onDead ?? (() => undefined),
  });
  host.attach();
  host.show();
  return host;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SidebarHost', () => {
  const hosts: SidebarHost[] = [];
  afterEach(() => {
    for (const host of hosts.splice(0)) host.remove();
  });

  it('is one host in <html> with an open shadow root holding the sidebar frame and its controls', () => {
    const host = makeHost();
    hosts.push(host);
    expect(host.element.parentNode).toBe(document.documentElement);
    const root = host.element.shadowRoot;
    expect(root?.querySelector(`iframe[data-testid="${SIDEBAR_TEST_ID}"]`)).toBe(host.iframe);
    expect(root?.querySelector('[data-testid="sidebar-toggle"]')).not.toBeNull();
    expect(root?.querySelector('[data-testid="sidebar-resize"]')).not.toBeNull();
    expect(host.intact()).toBe(true);
  });

  it.each([
    ['removed', (el: HTMLElement) => el.remove()],
    ['given an inline style', (el: HTMLElement) => el.style.setProperty('display', 'none', 'important')],
    ['given the hidden attribute', (el: HTMLElement) => el.setAttribute('hidden', '')],
    ['moved into the body', (el: HTMLElement) => document.body.append(el)],
    ['given a stylesheet of the page in its shadow root', (el: HTMLElement) => el.shadowRoot?.append(Object.assign(document.createElement('style'), { textContent: ':host{display:none!important}' }))],
    ['covered inside its shadow root', (el: HTMLElement) => el.shadowRoot?.querySelector('.panel')?.prepend(document.createElement('div'))],
    ['missing its own styles', (el: HTMLElement) => el.shadowRoot?.querySelector('style')?.remove()],
    ['with its styles rewritten', (el: HTMLElement) => el.shadowRoot?.querySelector('style')?.append(':host{opacity:0!important}')],
    ['with its frame pointed elsewhere', (el: HTMLElement) => el.shadowRoot?.querySelector('iframe')?.setAttribute('src', 'about:blank#fake-sidebar')],
    ['with its frame hidden', (el: HTMLElement) => el.shadowRoot?.querySelector('iframe')?.setAttribute('style', 'display:none')],
    ['with its toggle relabelled', (el: HTMLElement) => { const t = el.shadowRoot?.querySelector('.toggle'); if (t) t.textContent = 'Click me'; }],
  ])('is put back when %s', async (_what, tamper) => {
    const host = makeHost();
    hosts.push(host);
    const { iframe } = host;
    tamper(host.element);
    expect(host.intact()).toBe(false);
    // The guard notices (a mutation) and restores.
    await settle();
    expect(host.intact()).toBe(true);
    expect(host.element.parentNode).toBe(document.documentElement);
    expect(host.element.attributes.length).toBe(0);
    expect(host.element.shadowRoot?.querySelectorAll('iframe')).toHaveLength(1);
    expect(host.element.shadowRoot?.querySelector('iframe')).toBe(iframe);
    expect(iframe.getAttribute('src')).toBe('about:blank#sidebar');
    expect(iframe.hasAttribute('style')).toBe(false);
    expect(host.element.shadowRoot?.querySelectorAll('style')).toHaveLength(2);
  });

  it('changes made by the extension itself are not undone', async () => {
    const host = makeHost();
    hosts.push(host);
    host.applyLayout({ width: 500, collapsed: true });
    await settle();
    expect(host.intact()).toBe(true);
    expect(host.element.shadowRoot?.querySelector('.panel')?.className).toBe('panel collapsed');
    expect(host.element.shadowRoot?.querySelector('.toggle')?.getAttribute('aria-expanded')).toBe('false');
    host.hide();
    await settle();
    expect(host.intact()).toBe(true);
    expect(host.element.shadowRoot?.querySelectorAll('style')[1]?.textContent).toContain('display: none');
  });

  it("asks where the CRM's header ends on the first frame after it is on the page, not before, and moves below it", async () => {
    const topOffset = vi.fn(() => 40);
    const host = makeHost({ topOffset });
    hosts.push(host);
    const placement = () => host.element.shadowRoot?.querySelectorAll('style')[1]?.textContent;
    // Asked at once, it would force a layout of the page that has just loaded.
    expect(topOffset).not.toHaveBeenCalled();
    expect(placement()).toContain('top: 0px');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(topOffset).toHaveBeenCalledTimes(1);
    expect(placement()).toContain('top: 40px');
    await settle();
    expect(host.intact()).toBe(true);
  });

  it('goes, and stays gone, once the extension context is gone', async () => {
    let alive = true;
    const onDead = vi.fn();
    const host = makeHost({ alive: () => alive, onDead });
    alive = false;
    host.element.setAttribute('hidden', '');
    await settle();
    expect(onDead).toHaveBeenCalledTimes(1);
    host.remove();
    await settle();
    expect(host.element.isConnected).toBe(false);
  });

  it('removeStrayHosts leaves none behind', () => {
    document.documentElement.append(document.createElement('adoption-sidebar-host'), document.createElement('adoption-sidebar-host'));
    removeStrayHosts(document);
    expect(document.querySelectorAll('adoption-sidebar-host')).toHaveLength(0);
  });
});
