import { browser } from 'wxt/browser';
import { briefRequestOfHash } from '@/lib/messaging/brief-request';
import { startEarlyRequest } from '@/lib/messaging/early-request';

// Loaded by brief.html before the page's module scripts: asks for the account at once.
export default defineUnlistedScript(() => {
  const message = briefRequestOfHash(window.location.hash);
  if (message) startEarlyRequest(window, message, (m) => browser.runtime.sendMessage(m));
});
