/** @vitest-environment-options {"settings": {"enableIframePageLoading": true}} */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_HOLDS_INPUT, FRAME_RELEASABLE, FRAME_RELEASE_ASK } from '../messaging/sidebar-frame';
import { answerReleaseQuestions, holdsInput } from './release';

function framedWindow() {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const win = frame.contentWindow!;
  const parent = win.parent;
  const answered = vi.spyOn(parent, 'postMessage').mockImplementation(() => undefined);
  const ask = (source: Window | null, data: unknown = { type: FRAME_RELEASE_ASK }, origin = 'https://acme.my.salesforce.com') => win.dispatchEvent(new MessageEvent('message', { source, data, origin }));
  return { win, parent, answered, ask };
}

describe('release questions', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('answers its parent that it may go while it holds no input, else that it holds input, to the asking origin', () => {
    const { win, parent, answered, ask } = framedWindow();
    let holding = false;
    const stop = answerReleaseQuestions(win, () => holding);
    ask(parent);
    expect(answered).toHaveBeenLastCalledWith({ type: FRAME_RELEASABLE }, 'https://acme.my.salesforce.com');
    holding = true;
    ask(parent);
    expect(answered).toHaveBeenLastCalledWith({ type: FRAME_HOLDS_INPUT }, 'https://acme.my.salesforce.com');
    holding = false;
    stop();
    ask(parent);
    expect(answered).toHaveBeenCalledTimes(2);
  });

  it('stays silent to anything but its parent, and to other messages', () => {
    const { win, parent, answered, ask } = framedWindow();
    answerReleaseQuestions(win, () => false);
    ask(null);
    ask(win);
    ask(parent, { type: 'adoption-sidebar.ready' });
    ask(parent, 'adoption-sidebar.may-release');
    // No origin to answer to: never posted to any window ('*').
    ask(parent, { type: FRAME_RELEASE_ASK }, '');
    expect(answered).not.toHaveBeenCalled();
  });

  it('holds input while a field of an open form (an editor, the quick log) holds text', () => {
    const doc = document.implementation.createHTMLDocument('sidebar');
    expect(holdsInput(doc)).toBe(false);
    const form = doc.createElement('form');
    const notes = doc.createElement('textarea');
    const who = doc.createElement('input');
    const when = doc.createElement('input');
    when.type = 'date';
    when.value = '2026-12-05';
    form.append(notes, who, when);
    doc.body.append(form);
    // A quick log left open and empty after a save: nothing to lose.
    expect(holdsInput(doc)).toBe(false);
    who.value = 'Aiko';
    expect(holdsInput(doc)).toBe(true);
    who.value = '  ';
    notes.value = 'Half-typed';
    expect(holdsInput(doc)).toBe(true);
    // Text outside any form (a search box, say) is not an editor's.
    form.remove();
    const loose = doc.createElement('input');
    loose.value = 'filter';
    doc.body.append(loose);
    expect(holdsInput(doc)).toBe(false);
  });
});
