/** @vitest-environment-options {"settings": {"enableIframePageLoading": true}} */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_KEY, FRAME_READY } from '../messaging/sidebar-frame';
import { startEarlyHandshake, takeEarlyHandshake } from './early-handshake';

const KEY = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

function framedWindow() {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const win = frame.contentWindow!;
  const parent = win.parent;
  const asked = vi.spyOn(parent, 'postMessage').mockImplementation(() => undefined);
  const answer = (source: Window | null, data: unknown) => win.dispatchEvent(new MessageEvent('message', { source, data }));
  return { win, parent, asked, answer };
}

describe('early frame handshake', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('asks the parent at once and keeps the first key the parent gives, for the app to take once', () => {
    const { win, parent, asked, answer } = framedWindow();
    startEarlyHandshake(win);
    expect(asked).toHaveBeenCalledWith({ type: FRAME_READY }, '*');
    // Only the parent's answer, and only a well-formed key.
    answer(null, { type: FRAME_KEY, key: KEY });
    answer(parent, { type: FRAME_KEY, key: 'not-a-key' });
    answer(parent, { type: FRAME_KEY, key: KEY });
    answer(parent, { type: FRAME_KEY, key: '00000000-0000-4000-8000-000000000000' });
    expect(takeEarlyHandshake(win)).toEqual({ key: KEY });
    expect(takeEarlyHandshake(win)).toBeUndefined();
  });

  it('hands over before the answer once: asked, no key yet (the answer reaches the app’s own listener)', () => {
    const { win, parent, answer } = framedWindow();
    startEarlyHandshake(win);
    expect(takeEarlyHandshake(win)).toEqual({ key: null });
    answer(parent, { type: FRAME_KEY, key: KEY });
    expect(takeEarlyHandshake(win)).toBeUndefined();
  });

  it('asks nothing when the page is not framed', () => {
    const asked = vi.spyOn(window, 'postMessage').mockImplementation(() => undefined);
    startEarlyHandshake(window);
    expect(asked).not.toHaveBeenCalled();
    expect(takeEarlyHandshake(window)).toBeUndefined();
  });
});
