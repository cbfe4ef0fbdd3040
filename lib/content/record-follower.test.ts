import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CrmAdapter } from '../adapters/types';
import type { Request } from '../messaging/protocol';
import { createRecordFollower, RECORD_MISSING_MS } from './record-follower';

const ORIGIN = 'https://crm.example';
const url = (id: string) => `${ORIGIN}/account/${id}`;

/** Records are `<section data-id>` elements, as a CRM that keeps a record left in the DOM, hidden. */
const adapter: CrmAdapter = {
  crm: 'hubspot',
  matchAccount: (u) => {
    const id = /^\/account\/(\w+)$/.exec(u.pathname)?.[1];
    return id ? { crm: 'hubspot', recordId: id, accountKey: `hubspot:1:${id}` } : null;
  },
  readVisibleRecord: (doc) => {
    const section = doc.querySelector<HTMLElement>('section:not([hidden])');
    return section ? { container: section, name: section.dataset.id ?? '', fields: [{ key: 'name', label: 'Name', value: section.dataset.id ?? '' }] } : null;
  },
};

function follow() {
  let address = '';
  const sent: Request[] = [];
  const host = { show() {}, hide() {}, expand() {}, focusSidebar() {} };
  const intervals: number[] = [];
  const follower = createRecordFollower({
    adapter,
    doc: document,
    currentUrl: () => address,
    send: (message) => sent.push(message),
    ensureHost: () => Promise.resolve(host),
    existingHost: () => host,
    setInterval: (handler, ms) => {
      const id = window.setInterval(handler, ms);
      intervals.push(id);
      return id;
    },
  });
  const go = (to: string) => {
    address = to;
    return follower.onLocation(to);
  };
  const stop = () => intervals.forEach((id) => clearInterval(id));
  return { go, sent, stop };
}

const visited = (sent: Request[]) => sent.flatMap((m) => (m.type === 'record.visited' ? [m.reading.recordId] : []));
const expected = (sent: Request[]) => sent.flatMap((m) => (m.type === 'record.expected' ? [m.account.recordId] : []));

describe('following the record on screen', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('back to an account whose record is still on screen (the next never rendered): reads it at once', async () => {
    document.body.innerHTML = '<section data-id="globex"></section>';
    const f = follow();
    stop = f.stop;
    await f.go(url('globex'));
    expect(visited(f.sent)).toEqual(['globex']);
    // The address moves to Initech, whose record has not rendered when the user goes back.
    const toInitech = f.go(url('initech'));
    await expect.poll(() => expected(f.sent)).toEqual(['initech']);
    await f.go(url('globex'));
    await toInitech;
    expect(visited(f.sent)).toEqual(['globex', 'globex']);
  });

  it('to another account: waits until its record replaces the one on screen', async () => {
    document.body.innerHTML = '<section data-id="globex"></section>';
    const f = follow();
    stop = f.stop;
    await f.go(url('globex'));
    const toInitech = f.go(url('initech'));
    await expect.poll(() => expected(f.sent)).toEqual(['initech']);
    expect(visited(f.sent)).toEqual(['globex']);
    document.querySelector('section')!.hidden = true;
    document.body.insertAdjacentHTML('beforeend', '<section data-id="initech"></section>');
    await toInitech;
    expect(visited(f.sent)).toEqual(['globex', 'initech']);
  });
});

describe('a record that does not render', () => {
  afterEach(() => vi.useRealTimers());

  it('is said to be missing after a while, and read as soon as it renders all the same', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    document.body.innerHTML = '';
    const f = follow();
    const following = f.go(url('initech'));
    await vi.advanceTimersByTimeAsync(RECORD_MISSING_MS - 100);
    expect(expected(f.sent)).toEqual(['initech']);
    expect(f.sent.some((m) => m.type === 'record.missing')).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(f.sent.filter((m) => m.type === 'record.missing').map((m) => m.type === 'record.missing' && m.account.recordId)).toEqual(['initech']);
    document.body.innerHTML = '<section data-id="initech"></section>';
    await vi.advanceTimersByTimeAsync(100);
    await following;
    expect(visited(f.sent)).toEqual(['initech']);
    f.stop();
  });

  it('is not said to be missing when it renders in time, nor after the page moved on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    document.body.innerHTML = '';
    const f = follow();
    const toGlobex = f.go(url('globex'));
    await vi.advanceTimersByTimeAsync(1000);
    document.body.innerHTML = '<section data-id="globex"></section>';
    await vi.advanceTimersByTimeAsync(100);
    await toGlobex;
    const toInitech = f.go(url('initech'));
    await vi.advanceTimersByTimeAsync(1000);
    void f.go('https://crm.example/list');
    await vi.advanceTimersByTimeAsync(RECORD_MISSING_MS * 2);
    await toInitech;
    expect(f.sent.some((m) => m.type === 'record.missing')).toBe(false);
    f.stop();
  });
});
