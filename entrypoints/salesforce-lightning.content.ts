import { crmScript } from '@/lib/crm-hosts';
import { salesforceAdapter } from '@/lib/adapters/salesforce';
import { runSidebarScript } from '@/lib/content/sidebar-script';

export default defineContentScript({
  matches: [...crmScript('salesforce-lightning').matches],
  // Injected by the background after the page's `load` (lib/background/inject-sidebar.ts).
  registration: 'runtime',
  // WXT's ContentScriptContext is not used: it ends itself when the page dispatches a forged
  // "another copy started" event. The script's life is its own (lib/content/script-instance.ts).
  noScriptStartedPostMessage: true,
  main: () => runSidebarScript(salesforceAdapter),
});
