// Time from a click on "save" in the sidebar to the new entry in its timeline. The timeline is
// virtualised, so the new entry is recognised by its text, not by a growing count.
// `steps`, when given, gets where that time went: click → the save's request sent, request →
// reply (the messages and the worker's work), reply → entry shown (the sidebar drawing it).
import { waitForSidebarFrame } from '../lib/browser.mjs';

export async function timeSave(page, text, prepare, steps) {
  await prepare(text);
  const frame = await waitForSidebarFrame(page);
  const { total, sent, reply } = await frame.evaluate(async (text) => {
    // The save's request and its reply, seen where the sidebar sends it (once per document).
    if (!window.__benchSave) {
      const send = chrome.runtime.sendMessage.bind(chrome.runtime);
      window.__benchSave = { sent: 0, reply: 0 };
      chrome.runtime.sendMessage = (message, ...rest) => {
        const saving = message?.type === 'quickLog.save';
        if (saving) window.__benchSave.sent = performance.now();
        const answer = send(message, ...rest);
        if (saving) void answer.then(() => (window.__benchSave.reply = performance.now()), () => undefined);
        return answer;
      };
    }
    const start = performance.now();
    const shown = new Promise((resolve) => {
      const check = () => [...document.querySelectorAll('[data-testid="timeline-entry"]')].some((e) => e.textContent.includes(text)) && resolve(performance.now());
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    document.querySelector('[data-testid="quick-log-save"]').click();
    const end = await shown;
    return { total: end - start, sent: window.__benchSave.sent - start, reply: window.__benchSave.reply - start };
  }, text);
  steps?.push({ sent, reply: reply - sent, shown: total - reply });
  return total;
}

/** The medians of `timeSave`'s steps, in words. */
export function describeSaveSteps(steps, median) {
  const of = (k) => median(steps.map((s) => s[k])).toFixed(2);
  return `click → request sent ${of('sent')} ms, request → reply ${of('reply')} ms (the messages and the worker), reply → entry shown ${of('shown')} ms (the sidebar drawing it)`;
}
