import { crmScript } from '@/lib/crm-hosts';
import { salesforceAdapter } from '@/lib/adapters/salesforce';
import { runSidebarScript } from '@/lib/content/sidebar-script';
import { afterPageLoad } from '@/lib/content/after-load';

export default defineContentScript({
  matches: [...crmScript('salesforce-lightning').matches],
  // Registered by the background (lib/background/sidebar-registrations.ts), which injects it too
  // where no registration reached (lib/background/inject-sidebar.ts). It starts after the page's `load`.
  registration: 'runtime',
  // WXT's ContentScriptContext is not used: it ends itself when the page dispatches a forged
  // "another copy started" event. The script's life is its own (lib/content/script-instance.ts).
  noScriptStartedPostMessage: true,
  main: () => afterPageLoad(window, () => runSidebarScript(salesforceAdapter)),
});
