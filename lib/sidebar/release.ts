import { FRAME_HOLDS_INPUT, FRAME_RELEASABLE, isReleaseAsk } from '../messaging/sidebar-frame';

/**
 * The frame's half of taking a background tab's sidebar off the page (lib/content/background-release.ts):
 * the content script asks, and the frame says it may go only while it holds nothing being typed
 * (`holdsInput`: text in an open editor or quick log), else that it holds input. Asked by anything
 * but its parent window, it stays silent. Returns the stop.
 */
export function answerReleaseQuestions(win: Window, holdsInput: () => boolean): () => void {
  if (win.parent === win) return () => undefined;
  const onMessage = (event: MessageEvent) => {
    // Answered to the asking window's origin alone (every window message carries one).
    if (event.source !== win.parent || !event.origin || !isReleaseAsk(event.data)) return;
    win.parent.postMessage({ type: holdsInput() ? FRAME_HOLDS_INPUT : FRAME_RELEASABLE }, event.origin);
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}

const TEXT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel']);

/**
 * What the sidebar holds that would be lost with its document: text in a field of an open form
 * (the editors and the quick log are forms; an editor of an entry opens with its text). An open
 * quick log left empty after a save holds nothing.
 */
export function holdsInput(doc: Document): boolean {
  for (const form of Array.from(doc.forms)) {
    for (const field of Array.from(form.elements)) {
      const text = field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && TEXT_TYPES.has(field.type));
      if (text && field.value.trim() !== '') return true;
    }
  }
  return false;
}
