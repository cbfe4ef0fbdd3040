import { browser } from 'wxt/browser';
import { locate, OWN_UI, valueText } from '../../adapters/locate';
import { addressParts, matchAddress, patternFrom } from '../../adapters/site-address';
import { replyData } from '../../messaging/reply-data';
import type { AddressPattern, Locator, SiteDefinition } from '../../model/site-definition';
import { SITE_DEFINITION_FORMAT } from '../../model/site-definition-rules';
import { readSiteDefinitions } from '../site-definitions';
import { describeElement, pickable } from './selectors';
import { teachText } from './teach-text';

/**
 * The teaching mode on the page the CSM is teaching: a panel in its own shadow root (marked as the
 * extension's UI, so nothing in it is ever read as a field) that guides (1) which parts of the
 * address identify the record, (2) clicking the name and each field, naming each (the page's label
 * offered) and showing what it reads now, (3) saving. Builds data only; the background validates
 * and stores it. Taught again on a site whose fields were lost, it starts from the stored definition.
 */

type Field = { name: string; locator: Locator };
type Picking = { kind: 'name' } | { kind: 'field'; replacing?: string } | null;

const FLAG = 'adoptionTeachMode';

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

const STYLE = `
:host { all: initial; }
.panel { position: fixed; bottom: 12px; left: 12px; z-index: 2147483647; width: 340px; max-height: 90vh; overflow: auto; background: #fff; color: #1b1f24;
  font: 13px/1.4 system-ui, sans-serif; border: 2px solid #0b6bcb; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25); padding: 10px; }
h2 { font-size: 15px; margin: 0 0 6px; } h3 { font-size: 13px; margin: 10px 0 4px; }
label { display: block; margin: 2px 0; } input[type=text] { width: 100%; box-sizing: border-box; font: inherit; padding: 3px; }
button { font: inherit; margin: 4px 4px 0 0; padding: 3px 8px; cursor: pointer; } .primary { background: #0b6bcb; color: #fff; border: 0; border-radius: 4px; }
.muted { color: #5c6670; } .lost { color: #b3261e; } .value { font-weight: 600; } code { font-size: 12px; word-break: break-all; }
.panel.right { left: auto; right: 12px; } .panel.top { bottom: auto; top: 12px; }
.row { border-top: 1px solid #e3e6ea; padding: 4px 0; }
.box { position: fixed; pointer-events: none; border: 2px solid #e8a100; background: rgba(232,161,0,.12); z-index: 2147483646; display: none; }
`;

export async function runTeaching(): Promise<void> {
  const flagged = window as unknown as Record<string, unknown>;
  if (flagged[FLAG]) return;
  flagged[FLAG] = true;
  const t = teachText();
  const url = new URL(location.href);
  const parts = addressParts(url);
  const stored = await storedFor(url);
  let chosen = new Set(parts.flatMap((p, i) => (p.idLike ? [i] : [])));
  // Taught again: the stored address stays unless the CSM changes the parts.
  let address = stored?.address ?? null;
  let name: Locator | null = stored?.name ?? null;
  let fields: Field[] = stored?.fields.map((f) => ({ name: f.name, locator: f.locator })) ?? [];
  let picking: Picking = null;
  let pending: { locator: Locator; el: Element; replacing?: string } | null = null;
  let message = '';
  let corner = 0;

  const host = h('div', { 'data-adoption-ui': 'teach' });
  const shadow = host.attachShadow({ mode: 'open' });
  const panel = h('div', { class: 'panel', 'data-testid': 'teach-panel' });
  const box = h('div', { class: 'box' });
  shadow.append(h('style', {}, STYLE), panel, box);
  document.documentElement.append(host);
  const displayName = h('input', { type: 'text', 'data-testid': 'teach-display-name' });
  displayName.value = stored?.displayName ?? url.hostname;

  const onOver = (event: MouseEvent) => {
    const el = picking && pickable(event.target);
    if (!el) return void (box.style.display = 'none');
    const r = el.getBoundingClientRect();
    Object.assign(box.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  };
  const onClick = (event: MouseEvent) => {
    if (!picking || !event.isTrusted) return;
    const el = pickable(event.composedPath()[0] ?? event.target);
    if (!el || el.closest(OWN_UI)) return;
    // The page must not act on a click meant for teaching (a link, a button).
    event.preventDefault();
    event.stopImmediatePropagation();
    const locator = describeElement(el);
    if (picking.kind === 'name') name = locator;
    else pending = { locator, el, ...(picking.replacing !== undefined && { replacing: picking.replacing }) };
    picking = null;
    box.style.display = 'none';
    render();
  };
  window.addEventListener('mouseover', onOver, true);
  window.addEventListener('click', onClick, true);
  const close = () => {
    window.removeEventListener('mouseover', onOver, true);
    window.removeEventListener('click', onClick, true);
    host.remove();
    flagged[FLAG] = false;
  };

  const readNow = (locator: Locator): string | null => {
    const el = locate(document, locator);
    return el ? valueText(el) : null;
  };

  const save = async () => {
    const definition = {
      format: SITE_DEFINITION_FORMAT,
      version: 1,
      id: stored?.id ?? `site-${crypto.randomUUID()}`,
      displayName: displayName.value.trim() || url.hostname,
      host: url.hostname,
      address: address ?? patternFrom(url, chosen),
      name: name ?? { selectors: [], label: '', path: '' },
      fields,
      updatedAt: new Date().toISOString(),
    };
    const raw: unknown = await browser.runtime.sendMessage({ type: 'site.save', definition }).catch(() => undefined);
    if (replyData(raw) === null) {
      close();
      return;
    }
    // The background says why (an invalid definition): shown as it says it, for support.
    const error: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'error') : undefined;
    const detail: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'detail') : undefined;
    message = typeof detail === 'string' ? `${t.saveFailed} (${detail})` : t.saveFailed;
    render();
  };

  function render(): void {
    panel.replaceChildren();
    // The panel may cover what the CSM wants to click (the sidebar sits on the right): it moves corner to corner.
    panel.append(h('h2', {}, t.title, ' ', button('⇄', 'teach-move', () => {
      corner = (corner + 1) % 4;
      panel.classList.toggle('right', corner % 2 === 1);
      panel.classList.toggle('top', corner >= 2);
    })));
    // (1) The address.
    panel.append(h('h3', {}, t.step1));
    parts.forEach((part, i) => {
      const box = h('input', { type: 'checkbox', 'data-testid': 'teach-part', 'data-value': part.value });
      box.checked = chosen.has(i);
      box.addEventListener('change', () => {
        address = null;
        chosen = new Set(chosen);
        if (box.checked) chosen.add(i);
        else chosen.delete(i);
        render();
      });
      panel.append(h('label', {}, box, ` ${part.value}`));
    });
    const pattern = address ?? patternFrom(url, chosen);
    const matches = matchAddress(pattern, url)?.length ? true : false;
    panel.append(h('p', { class: 'muted', 'data-testid': 'teach-pattern' }, h('code', {}, addressText(pattern))));
    if (!matches) panel.append(h('p', { class: 'lost' }, t.choosePart));
    panel.append(h('label', {}, t.displayName, displayName));
    // (2) The name and the fields.
    panel.append(h('h3', {}, t.step2));
    const nameNow = name ? readNow(name) : null;
    panel.append(
      h('div', { class: 'row' }, `${t.name}: `, h('span', { class: name && nameNow === null ? 'value lost' : 'value', 'data-testid': 'teach-name-value' }, name ? (nameNow ?? t.notFound) : '—')),
      button(picking?.kind === 'name' ? t.clickName : t.pickName, 'teach-pick-name', () => ((picking = { kind: 'name' }), render())),
    );
    for (const field of fields) {
      const now = readNow(field.locator);
      const row = h('div', { class: 'row', 'data-testid': 'teach-field', 'data-field': field.name, 'data-state': now === null ? 'lost' : 'found' }, `${field.name}: `, h('span', { class: now === null ? 'value lost' : 'value' }, now ?? t.notFound));
      row.append(
        button(t.reteach, 'teach-field-reteach', () => ((picking = { kind: 'field', replacing: field.name }), render())),
        button(t.remove, 'teach-field-remove', () => ((fields = fields.filter((f) => f !== field)), render())),
      );
      panel.append(row);
    }
    if (pending) {
      const p = pending;
      const input = h('input', { type: 'text', 'data-testid': 'teach-field-name' });
      input.value = p.replacing ?? p.locator.label;
      panel.append(
        h('div', { class: 'row' }, h('label', {}, t.fieldName, input), h('span', { class: 'muted' }, `${t.readsNow}: `), h('span', { class: 'value', 'data-testid': 'teach-field-value' }, valueText(p.el))),
        button(t.addField, 'teach-field-confirm', () => {
          const fieldName = input.value.trim();
          if (!fieldName) return;
          fields = [...fields.filter((f) => f.name !== fieldName && f.name !== p.replacing), { name: fieldName, locator: p.locator }];
          pending = null;
          render();
        }),
        button(t.cancel, 'teach-field-cancel', () => ((pending = null), render())),
      );
    } else {
      panel.append(button(picking?.kind === 'field' ? t.clickField : t.pickField, 'teach-add-field', () => ((picking = { kind: 'field' }), render())));
    }
    // (3) Save.
    panel.append(h('h3', {}, t.step3));
    const saveButton = button(t.save, 'teach-save', () => void save(), 'primary');
    saveButton.disabled = !matches || name === null;
    panel.append(saveButton, button(t.cancel, 'teach-cancel', close));
    if (message) panel.append(h('p', { class: 'lost', role: 'alert' }, message));
  }
  render();
}

/** The pattern as an address reads (`/app#/customers/{id1}?tab={id2}`), for the CSM to check. */
function addressText(pattern: AddressPattern): string {
  const query = pattern.query.map((q) => `${q.name}=${q.value}`).join('&');
  const hash = pattern.hashPath ? pattern.hashPath + (pattern.hash ? `?${pattern.hash}` : '') : pattern.hash;
  return pattern.path + (query ? `?${query}` : '') + (hash ? `#${hash}` : '');
}

function button(text: string, testId: string, onClick: () => void, cls = ''): HTMLButtonElement {
  const b = h('button', { type: 'button', 'data-testid': testId, ...(cls && { class: cls }) }, text);
  b.addEventListener('click', onClick);
  return b;
}

/** The stored definition this address is a record of, to teach again (lost fields). */
async function storedFor(url: URL): Promise<SiteDefinition | null> {
  const all = readSiteDefinitions(replyData(await browser.runtime.sendMessage({ type: 'site.forPage' }).catch(() => undefined)));
  return all?.find((d) => matchAddress(d.address, url) !== null) ?? null;
}
