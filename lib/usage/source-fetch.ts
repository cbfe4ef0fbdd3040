import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { AppError, toErrorData } from '../errors';
import { checkUsage, readUsageTable, UsageImportFailure, usageToStore } from './pipeline';
import { crmAccountsForMatch, rememberedMapping, storeUsageImport, usageLinks } from './store';
import { SOURCE_MAX_BYTES, type UsageSourceConfig, type UsageSourceStatus } from './source';

export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

const TIMEOUT_MS = 60_000;

async function download(config: UsageSourceConfig, fetcher: Fetcher): Promise<string> {
  let response: Response;
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (config.token) headers[config.headerName] = config.token;
    response = await fetcher(config.url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS), credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    // A network failure, a timeout, or (without the host permission) the server's CORS refusal.
    throw new AppError('source-unreachable', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new AppError('source-http', `${response.status} ${response.statusText}`.trim());
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > SOURCE_MAX_BYTES) throw new AppError('source-format', `${length} bytes`);
  const text = await response.text();
  if (text.length > SOURCE_MAX_BYTES) throw new AppError('source-format', `${text.length} characters`);
  return text;
}

/** A refresh's outcome, and the CRM accounts whose usage it stored (none when it failed). */
export interface UsageSourceRefresh {
  status: UsageSourceStatus;
  accountKeys: readonly string[];
}

/**
 * Fetches the configured source and stores its figures like an imported file: matched to CRM
 * accounts (remembered links and mappings apply), written in one transaction. On any failure
 * nothing is written and the last good data stays as it was.
 */
export async function refreshUsageSource(db: IDBPDatabase<AdoptionDb>, config: UsageSourceConfig, previous: UsageSourceStatus, now: Date, fetcher: Fetcher): Promise<UsageSourceRefresh> {
  const attemptAt = now.toISOString();
  try {
    const text = await download(config, fetcher);
    // The file import's pipeline (pipeline.ts), run here in one go: the remembered mapping for
    // these headers or a guess, remembered links and automatic matches, stored without a preview.
    const { table, signature } = readSourceTable(text);
    const [remembered, crmAccounts, links] = await Promise.all([rememberedMapping(db, signature), crmAccountsForMatch(db), usageLinks(db)]);
    const { preview } = checkUsage(table, { mapping: remembered?.mapping ?? null, crmAccounts, links, source: new URL(config.url).host, importedAt: attemptAt });
    if (preview.problems.length > 0) throw new AppError('source-format', preview.problems.map((p) => p.code).join(', '));
    const { years, monthCount, links: matched } = usageToStore(preview, attemptAt);
    const { accountKeys } = await storeUsageImport(db, { years, links: matched, mapping: null });
    return { status: { lastAttemptAt: attemptAt, lastSuccessAt: attemptAt, lastError: null, lastRows: preview.acceptedRows, lastMonths: monthCount }, accountKeys };
  } catch (error) {
    return { status: { ...previous, lastAttemptAt: attemptAt, lastError: toErrorData(error) }, accountKeys: [] };
  }
}

/** The response as a table; anything that is not one is the source's format error. */
function readSourceTable(text: string) {
  try {
    return readUsageTable(text, { fileName: 'source.json' });
  } catch (error) {
    throw new AppError('source-format', error instanceof UsageImportFailure ? error.error.code : String(error));
  }
}
