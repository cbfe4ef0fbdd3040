import { runTaughtSite } from '@/lib/content/taught-site';
import { afterPageLoad } from '@/lib/content/after-load';

export default defineContentScript({
  // No matches: hosts are the CSM's, approved one by one (optional permission); the background
  // registers this only where a definition exists and its host is approved (lib/background/inject-taught.ts).
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main: () => afterPageLoad(window, () => void runTaughtSite()),
});
