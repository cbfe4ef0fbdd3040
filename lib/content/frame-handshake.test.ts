/** @vitest-environment-options {"settings": {"enableIframePageLoading": true}} */
import { describe, expect, it, vi } from 'vitest';
import { answerFrameReady, extensionOriginOf } from './frame-handshake';
import { FRAME_KEY, FRAME_READY } from '../messaging/sidebar-frame';

const KEY = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function setup() {
  const frame = document.createElement('iframe');
  const other = document.createElement('iframe');
  document.body.append(frame, other);
  const announce = vi.fn(async (_key: string) => null);
  const posted = vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(() => undefined);
  const postedElsewhere = vi.spyOn(other.contentWindow!, 'postMessage').mockImplementation(() => undefined);
  const stop = answerFrameReady({ win: window, frame, extensionOrigin: ORIGIN, announce, newKey: () => KEY });
  const ready = (source: Window | null, data: unknown = { type: FRAME_READY }) => window.dispatchEvent(new MessageEvent('message', { source, data }));
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { frame, other, announce, posted, postedElsewhere, stop, ready, settled };
}

describe('answerFrameReady', () => {
  it('announces the key at once and gives it to its own frame only, posted to the extension’s origin', async () => {
    const { frame, other, announce, posted, postedElsewhere, ready, settled, stop } = setup();
    expect(announce).toHaveBeenCalledWith(KEY);
    // The page asking for itself, another frame, or something that is not the question: nothing.
    ready(window);
    ready(other.contentWindow);
    ready(frame.contentWindow, { type: 'something else' });
    await settled();
    expect(posted).not.toHaveBeenCalled();
    expect(postedElsewhere).not.toHaveBeenCalled();
    ready(frame.contentWindow);
    await settled();
    expect(posted).toHaveBeenCalledWith({ type: FRAME_KEY, key: KEY }, ORIGIN);
    expect(announce).toHaveBeenCalledTimes(1);
    // Asked again (refused: the background forgot): announced again, then given again.
    ready(frame.contentWindow);
    await settled();
    expect(announce).toHaveBeenCalledTimes(2);
    expect(posted).toHaveBeenCalledTimes(2);
    stop();
    ready(frame.contentWindow);
    await settled();
    expect(posted).toHaveBeenCalledTimes(2);
  });

  it('gives a new key to the frame put back into the page (a new window), and the same key to the same window', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    let n = 0;
    const keys = [KEY, '11111111-2222-4333-8444-555555555555'];
    const announce = vi.fn(async (_key: string) => null);
    answerFrameReady({ win: window, frame, extensionOrigin: ORIGIN, announce, newKey: () => keys[n++]! });
    const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
    const first = vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(() => undefined);
    window.dispatchEvent(new MessageEvent('message', { source: frame.contentWindow, data: { type: FRAME_READY } }));
    await settled();
    expect(first).toHaveBeenLastCalledWith({ type: FRAME_KEY, key: keys[0] }, ORIGIN);
    frame.remove();
    document.body.append(frame);
    const second = vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(() => undefined);
    window.dispatchEvent(new MessageEvent('message', { source: frame.contentWindow, data: { type: FRAME_READY } }));
    await settled();
    expect(second).toHaveBeenLastCalledWith({ type: FRAME_KEY, key: keys[1] }, ORIGIN);
    expect(announce).toHaveBeenLastCalledWith(keys[1]);
  });

  it('spells out the extension origin of Chrome and Firefox base URLs', () => {
    expect(extensionOriginOf(`${ORIGIN}/`)).toBe(ORIGIN);
    expect(extensionOriginOf('moz-extension://4b6a3f3e-5b1c-4d8e-9f0a-1c2d3e4f5a6b/')).toBe('moz-extension://4b6a3f3e-5b1c-4d8e-9f0a-1c2d3e4f5a6b');
  });
});
