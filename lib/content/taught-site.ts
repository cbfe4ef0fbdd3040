import { browser } from 'wxt/browser';
import { SiteDefinitions } from '../model/site-definition';
import { replyData } from '../messaging/reply-data';
import { taughtSitesAdapter } from '../adapters/taught-sites';
import { runSidebarScript } from './sidebar-script';

/**
 * The sidebar script on a taught site: asks the background for its host's definitions (checked
 * here too: whatever arrives is only data), then runs as every CRM's script does.
 */
export async function runTaughtSite(): Promise<void> {
  const raw: unknown = await browser.runtime.sendMessage({ type: 'site.forPage' }).catch(() => undefined);
  const definitions = SiteDefinitions.safeParse(replyData(raw));
  if (!definitions.success || definitions.data.length === 0) return;
  runSidebarScript(taughtSitesAdapter(definitions.data));
}
