import { defineConfig } from 'wxt';
import { CRM_MATCHES } from './lib/crm-hosts';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: sidebar width and collapsed state; unlimitedStorage: notes are never evicted;
    // scripting: the sidebar's script is injected after the CRM page has loaded (see
    // lib/background/inject-sidebar.ts). Host access comes from the content script's matches.
    // alarms: the configured usage source is fetched on a schedule. Its host is asked for at run
    // time (optional), never at install; loopback may be plain HTTP for a local export server.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms'],
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: CRM_MATCHES }],
    commands: {
      'open-quick-log': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandQuickLog__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox' && { browser_specific_settings: { gecko: { id: 'adoption-sidebar@example.org', strict_min_version: '115.0' } } }),
  }),
});
