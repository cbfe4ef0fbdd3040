import { runTaughtSite } from '@/lib/content/taught-site';

export default defineContentScript({
  // No matches: hosts are the CSM's, approved one by one (optional permission); the background
  // injects this only where a definition exists and its host is approved (lib/background/inject-taught.ts).
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main: () => void runTaughtSite(),
});
