import { crmScript } from '@/lib/crm-hosts';
import { hubspotAdapter } from '@/lib/adapters/hubspot';
import { runSidebarScript } from '@/lib/content/sidebar-script';

export default defineContentScript({
  matches: [...crmScript('hubspot').matches],
  // Injected by the background after the page's `load` (lib/background/inject-sidebar.ts).
  registration: 'runtime',
  // See entrypoints/salesforce-lightning.content.ts.
  noScriptStartedPostMessage: true,
  main: () => runSidebarScript(hubspotAdapter),
});
