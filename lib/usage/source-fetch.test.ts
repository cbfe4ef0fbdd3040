import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openAdoptionDb } from '../db/open';
import { recordVisit } from '../store/visit';
import { refreshUsageSource, type Fetcher } from './source-fetch';
import { UsageSourceConfig, UsageSourceStatus, isAllowedSourceUrl, sourceOriginPattern } from './source';
import { storeUsageImport, usageSourceAccounts } from './store';
import { createImportSession } from './import-session';
import { mappingSignature } from './mapping';
import { checkUsage, readUsageTable } from './pipeline';
import type { WorkerReply } from './worker-protocol';
import type { UsageMonth } from '../model/usage';
import { UsageYear, monthsOfYears } from '../model/usage-year';
import { reading, sequentialIds, uniqueDbName } from '@/tests/unit/factories';

const json = readFileSync(resolve('tests/fixtures/usage/usage.json'), 'utf8');
const config = UsageSourceConfig.parse({ url: 'https://usage.example.com/export', token: 'Bearer s3cret' });
const never = UsageSourceStatus.parse({});
const NOW = new Date('2026-11-26T08:00:00Z');

function server(body: string, status = 200): { fetcher: Fetcher; seen: { url: string; headers: Record<string, string> }[] } {
  const seen: { url: string; headers: Record<string, string> }[] = [];
  const fetcher: Fetcher = async (url, init) => {
    seen.push({ url, headers: { authorization: new Headers(init.headers).get('authorization') ?? '' } });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetcher, seen };
}

describe('configured usage source', () => {
  it('accepts https anywhere and plain http only on loopback', () => {
    expect(isAllowedSourceUrl('https://api.example.com/usage')).toBe(true);
    expect(isAllowedSourceUrl('http://127.0.0.1:8080/usage')).toBe(true);
    expect(isAllowedSourceUrl('http://api.example.com/usage')).toBe(false);
    expect(isAllowedSourceUrl('ftp://x')).toBe(false);
    expect(sourceOriginPattern('https://api.example.com:8443/v1/usage?x=1')).toBe('https://api.example.com/*');
  });

  it('fetches with the token header, stores the figures and matches accounts', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await recordVisit(db, reading({ name: 'Globex' }), NOW, sequentialIds);
    const { fetcher, seen } = server(json);
    const { status } = await refreshUsageSource(db, config, never, NOW, fetcher);
    expect(status.lastError).toBeNull();
    expect(status.lastSuccessAt).toBe(NOW.toISOString());
    expect(status.lastRows).toBeGreaterThan(0);
    expect(seen[0]?.headers.authorization).toBe('Bearer s3cret');
    expect((await usageSourceAccounts(db)).length).toBeGreaterThan(1);
    // Fetching the same data again changes nothing.
    const months = await db.count('usageYears');
    await refreshUsageSource(db, config, status, NOW, fetcher);
    expect(await db.count('usageYears')).toBe(months);
  });

  it('keeps the last good data and says why when the source fails', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const { status: good } = await refreshUsageSource(db, config, never, NOW, server(json).fetcher);
    const months = await db.count('usageYears');
    const later = new Date('2026-11-27T08:00:00Z');
    const { status: denied } = await refreshUsageSource(db, config, good, later, server('{"error":"token expired"}', 401).fetcher);
    expect(denied.lastError?.code).toBe('source-http');
    expect(denied.lastSuccessAt).toBe(good.lastSuccessAt);
    const { status: garbage } = await refreshUsageSource(db, config, good, later, server('<html>login</html>').fetcher);
    expect(garbage.lastError?.code).toBe('source-format');
    const { status: offline } = await refreshUsageSource(db, config, good, later, async () => { throw new TypeError('Failed to fetch'); });
    expect(offline.lastError?.code).toBe('source-unreachable');
    expect(await db.count('usageYears')).toBe(months);
  });

  it('stores what importing the same JSON as a file stores: one pipeline', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    await recordVisit(db, reading({ name: 'Globex' }), NOW, sequentialIds);
    await refreshUsageSource(db, config, never, NOW, server(json).fetcher);
    const fromSource = monthsOfYears(z.array(UsageYear).parse(await db.getAll('usageYears')));

    // The file import's worker, storing into a database of its own.
    const fileDb = await openAdoptionDb(uniqueDbName());
    const replies: WorkerReply[] = [];
    const session = createImportSession({ post: (r) => replies.push(r), store: (commit) => storeUsageImport(fileDb, commit), now: () => NOW, progressEveryMs: 0 });
    const crmAccounts = [{ accountKey: 'salesforce:acme:001Dn00000ABCDEAA1', recordId: '001Dn00000ABCDEAA1', name: 'Globex' }];
    await session.handle({ type: 'open', session: 1, fileName: 'usage.json', bytes: new TextEncoder().encode(json).buffer, crmAccounts, links: [] });
    await session.handle({ type: 'preview', session: 1, mapping: null, origin: 'remembered' });
    await session.handle({ type: 'commit', session: 1 });
    expect(replies.at(-1)?.type).toBe('committed');
    const fromFile = monthsOfYears(z.array(UsageYear).parse(await fileDb.getAll('usageYears')));
    const same = (months: UsageMonth[]) => months.map(({ id, days, metric, account }) => ({ id, days, metric, account })).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(fromSource.length).toBeGreaterThan(0);
    expect(same(fromFile)).toEqual(same(fromSource));
    expect(new Set(fromSource.map((m) => m.source))).toEqual(new Set(['usage.example.com']));
  });

  it('reads the source with the columns remembered for its headers, and refuses what is not a table', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const { table } = readUsageTable(json, { fileName: 'source.json' });
    const guessed = checkUsage(table, { mapping: null, crmAccounts: [], links: [], source: 's', importedAt: NOW.toISOString() }).mapping;
    const mapping = { ...guessed, columns: guessed.columns.map((c) => (c.role === 'licensedSeats' ? { ...c, role: 'ignore' as const } : c)) };
    await storeUsageImport(db, { years: [], links: [], mapping: { signature: mappingSignature(table.headers), mapping } });
    const { status } = await refreshUsageSource(db, config, never, NOW, server(json).fetcher);
    expect(status.lastError).toBeNull();
    const metrics = new Set(z.array(UsageYear).parse(await db.getAll('usageYears')).map((y) => y.metric));
    expect(metrics.has('activeUsers')).toBe(true);
    expect(metrics.has('licensedSeats')).toBe(false);

    const wide = JSON.stringify([Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`c${i}`, i]))]);
    const { status: refused } = await refreshUsageSource(db, config, status, NOW, server(wide).fetcher);
    expect(refused.lastError).toEqual({ code: 'source-format', detail: 'bad-headers' });
    const { status: noDate } = await refreshUsageSource(db, config, status, NOW, server('[{"accountId":"A1","activeUsers":3}]').fetcher);
    expect(noDate.lastError).toEqual({ code: 'source-format', detail: 'no-date' });
  });
});
