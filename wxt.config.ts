import { defineConfig } from 'wxt';
import { CRM_MATCHES } from './lib/crm-hosts';
import { en } from './lib/i18n/en';
import { ja } from './lib/i18n/ja';
import { browserLocaleMessages } from './lib/i18n/browser-locales';
import { zodWithoutEval } from './scripts/build/zod-without-eval';
import { sharedChunkName } from './scripts/build/page-chunks';
import { polyfillWithoutCopy } from './scripts/build/polyfill-without-copy';

/**
 * Hosts a configured usage source or a taught site may be on: none granted at install, one asked
 * for when the source is saved or the site taught or imported.
 */
const USAGE_SOURCE_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/**
 * How the scripts are written, for a fast start of the sidebar frame and the worker (README, figures):
 * - ASCII only (Japanese as `\u` escapes): a script with any other character is decoded into a
 *   UTF-16 copy before it is compiled, which took 20–30 ms of the worker's cold start and of the
 *   sidebar's load on this machine.
 * - The shared code the sidebar imports in one chunk (`ui`, scripts/build/page-chunks.ts): the
 *   sidebar document loads three scripts instead of ten. Each extension file costs a round trip
 *   through the browser process and the frame's main thread; the sidebar took about 90 ms less to
 *   show its account this way. Code only the other pages share stays out of it: the sidebar would
 *   evaluate it all (the request protocol's schemas, loaded on the first request instead).
 */
const BUNDLE_OUTPUT = {
  charset: 'ascii' as const,
  codeSplitting: { groups: [{ name: sharedChunkName((id) => id.includes('/entrypoints/sidebar/')), minShareCount: 2 }] },
};

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // The usage import's worker is bundled apart (worker.plugins), so it gets the plugin too.
  vite: () => ({
    plugins: [zodWithoutEval(), polyfillWithoutCopy()],
    // The sidebar's shared chunk is one on purpose (about 520 kB, React DOM 200 kB of it): no warning for it.
    build: { rolldownOptions: { output: BUNDLE_OUTPUT }, chunkSizeWarningLimit: 600 },
    worker: { plugins: () => [zodWithoutEval()], rolldownOptions: { output: { charset: BUNDLE_OUTPUT.charset } } },
  }),
  hooks: {
    // _locales (manifest name, description, shortcut, the sidebar frame's labels) come from the
    // one dictionary per language in lib/i18n/.
    'build:publicAssets': (_, files) => {
      for (const [lang, dictionary] of [['en', en], ['ja', ja]] as const) {
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: JSON.stringify(browserLocaleMessages(dictionary), null, 2) });
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: sidebar width and collapsed state; unlimitedStorage: notes are never evicted;
    // scripting: the sidebar's script is injected after the CRM page has loaded (see
    // lib/background/inject-sidebar.ts). Host access comes from the content script's matches.
    // alarms: the configured usage source is fetched on a schedule. Its host is asked for at run
    // time (optional), never at install; loopback may be plain HTTP for a local export server.
    // activeTab: the toolbar menu reads the address of the tab it was opened on, to teach that site.
    // alarms also retry touches waiting to be written to the CRM.
    permissions: ['storage', 'unlimitedStorage', 'scripting', 'alarms', 'activeTab'],
    // cookies (optional): the CSM's Salesforce session (`sid`) for writing touches to Salesforce,
    // asked for when that is turned on. HubSpot's API host is asked for among the optional hosts.
    // Firefox builds are MV2, where optional hosts are listed among optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: [...USAGE_SOURCE_HOSTS, 'cookies'] } : { optional_permissions: ['cookies'], optional_host_permissions: USAGE_SOURCE_HOSTS }),
    // Taught sites are the CSM's own hosts, unknown at build: the frame is served nothing unless the
    // content script made it (lib/messaging/sidebar-frame.ts), so any https page may load it.
    web_accessible_resources: [{ resources: ['sidebar.html'], matches: [...CRM_MATCHES, 'https://*/*'] }],
    commands: {
      'open-quick-log': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_commandQuickLog__',
      },
    },
    action: { default_title: '__MSG_extName__' },
    // Nothing leaves the device: AMO's data collection declaration says so. It needs Firefox 140
    // (142 on Android); ESR 140 and 153 have it.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: { id: 'adoption-sidebar@example.org', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
