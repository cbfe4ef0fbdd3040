// Time from a click on "save" in the sidebar to the new entry in its timeline. The timeline is
// virtualised, so the new entry is recognised by its text, not by a growing count.
import { waitForSidebarFrame } from '../lib/browser.mjs';

export async function timeSave(page, text, prepare) {
  await prepare(text);
  const frame = await waitForSidebarFrame(page);
  return frame.evaluate(async (text) => {
    const start = performance.now();
    const shown = new Promise((resolve) => {
      const check = () => [...document.querySelectorAll('[data-testid="timeline-entry"]')].some((e) => e.textContent.includes(text)) && resolve(performance.now());
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    document.querySelector('[data-testid="quick-log-save"]').click();
    return (await shown) - start;
  }, text);
}
