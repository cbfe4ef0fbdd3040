import { crmScript } from '@/lib/crm-hosts';
import { dynamicsAdapter } from '@/lib/adapters/dynamics';
import { runSidebarScript } from '@/lib/content/sidebar-script';

export default defineContentScript({
  matches: [...crmScript('dynamics').matches],
  // Injected by the background after the page's `load` (lib/background/inject-sidebar.ts).
  registration: 'runtime',
  // See entrypoints/salesforce-lightning.content.ts.
  noScriptStartedPostMessage: true,
  main: () => runSidebarScript(dynamicsAdapter),
});
