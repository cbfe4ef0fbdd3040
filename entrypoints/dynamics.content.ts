import { crmScript } from '@/lib/crm-hosts';
import { dynamicsAdapter } from '@/lib/adapters/dynamics';
import { runSidebarScript } from '@/lib/content/sidebar-script';
import { afterPageLoad } from '@/lib/content/after-load';

export default defineContentScript({
  matches: [...crmScript('dynamics').matches],
  // Registered by the background (lib/background/sidebar-registrations.ts), which injects it too
  // where no registration reached (lib/background/inject-sidebar.ts). It starts after the page's `load`.
  registration: 'runtime',
  // See entrypoints/salesforce-lightning.content.ts.
  noScriptStartedPostMessage: true,
  main: () => afterPageLoad(window, () => runSidebarScript(dynamicsAdapter)),
});
