import { browser } from 'wxt/browser';
import { replyData } from '../messaging/reply-data';
import { taughtSitesAdapter } from '../adapters/taught-sites';
import { runSidebarScript } from './sidebar-script';
import { readSiteDefinitions } from './site-definitions';

/**
 * The sidebar script on a taught site: asks the background for its host's definitions (checked
 * here too: whatever arrives is only data), then runs as every CRM's script does.
 */
export async function runTaughtSite(): Promise<void> {
  const raw: unknown = await browser.runtime.sendMessage({ type: 'site.forPage' }).catch(() => undefined);
  const definitions = readSiteDefinitions(replyData(raw));
  if (!definitions || definitions.length === 0) return;
  runSidebarScript(taughtSitesAdapter(definitions));
}
