import { browser } from 'wxt/browser';
import { startEarlyRequest } from '@/lib/messaging/early-request';

// Loaded by portfolio.html before the page's module scripts: asks for the ranked rows at once.
export default defineUnlistedScript(() => startEarlyRequest(window, { type: 'portfolio.rows' }, (m) => browser.runtime.sendMessage(m)));
