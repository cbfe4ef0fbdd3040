import { defineConfig } from 'wxt';

// The only hosts the sidebar ever appears on. Sandboxes (*.sandbox.lightning.force.com) match too.
export const CRM_MATCHES = ['https://*.lightning.force.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: sidebar width and collapsed state; unlimitedStorage: notes are never evicted.
    permissions: ['storage', 'unlimitedStorage'],
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
