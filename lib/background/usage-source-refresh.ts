import { AppError } from '../errors';
import { refreshUsageSource } from '../usage/source-fetch';
import { sourceOriginPattern } from '../usage/source';
import { getUsageSource, getUsageSourceStatus, saveUsageSourceStatus } from '../usage/source-store';
import type { UsageSourceStatus } from '../usage/source';
import type { BackgroundDeps } from './deps';

/** Fetches the configured usage source now (on demand or on schedule) and keeps the outcome. */
export async function refreshUsageSourceNow(deps: BackgroundDeps): Promise<UsageSourceStatus> {
  const db = await deps.db();
  const [config, previous] = await Promise.all([getUsageSource(db), getUsageSourceStatus(db)]);
  if (!config || !deps.usageSource) throw new AppError('source-format', 'no usage source is configured');
  const refresh = await refreshUsageSource(db, config, previous, deps.now(), deps.usageSource.fetcher);
  let { status } = refresh;
  // Without the host permission a fetch fails like a network error: say what is really missing.
  const pattern = sourceOriginPattern(config.url);
  if (status.lastError?.code === 'source-unreachable' && !(await deps.usageSource.hasHostPermission(pattern))) {
    status = { ...status, lastError: { code: 'source-permission', detail: new URL(config.url).host } };
  }
  await saveUsageSourceStatus(db, status);
  // Stored: the store's transaction dropped the touched accounts' kept portfolio rows, so only
  // theirs are recomputed, and only the sidebars showing them read their health again.
  if (status.lastSuccessAt === status.lastAttemptAt) {
    deps.portfolio.rowsDropped(refresh.accountKeys);
    for (const accountKey of refresh.accountKeys) for (const tabId of deps.sessions.tabsShowing(accountKey)) deps.sessions.push(tabId, { type: 'usage.changed' });
  }
  return status;
}
