import { runTeaching } from '@/lib/content/teach/teach-mode';

export default defineContentScript({
  // No matches: injected only into the tab the CSM chose to teach, once its host is approved (lib/background/inject-taught.ts).
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main: () => runTeaching(),
});
