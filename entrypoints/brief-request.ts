import { browser } from 'wxt/browser';
import { startEarlyBriefRequest } from '@/lib/export/early-brief';

// Loaded by brief.html before the page's module scripts: asks for the account at once.
export default defineUnlistedScript(() => startEarlyBriefRequest(window, (message) => browser.runtime.sendMessage(message)));
