import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAdoptionDb } from '../db/open';
import { recordVisit } from '../record/visit';
import { refreshUsageSource, type Fetcher } from './source-fetch';
import { UsageSourceConfig, UsageSourceStatus, isAllowedSourceUrl, sourceOriginPattern } from './source';
import { usageSourceAccounts } from './store';
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
    const status = await refreshUsageSource(db, config, never, NOW, fetcher);
    expect(status.lastError).toBeNull();
    expect(status.lastSuccessAt).toBe(NOW.toISOString());
    expect(status.lastRows).toBeGreaterThan(0);
    expect(seen[0]?.headers.authorization).toBe('Bearer s3cret');
    expect((await usageSourceAccounts(db)).length).toBeGreaterThan(1);
    // Fetching the same data again changes nothing.
    const months = await db.count('usageMonths');
    await refreshUsageSource(db, config, status, NOW, fetcher);
    expect(await db.count('usageMonths')).toBe(months);
  });

  it('keeps the last good data and says why when the source fails', async () => {
    const db = await openAdoptionDb(uniqueDbName());
    const good = await refreshUsageSource(db, config, never, NOW, server(json).fetcher);
    const months = await db.count('usageMonths');
    const later = new Date('2026-11-27T08:00:00Z');
    const denied = await refreshUsageSource(db, config, good, later, server('{"error":"token expired"}', 401).fetcher);
    expect(denied.lastError?.code).toBe('source-http');
    expect(denied.lastSuccessAt).toBe(good.lastSuccessAt);
    const garbage = await refreshUsageSource(db, config, good, later, server('<html>login</html>').fetcher);
    expect(garbage.lastError?.code).toBe('source-format');
    const offline = await refreshUsageSource(db, config, good, later, async () => { throw new TypeError('Failed to fetch'); });
    expect(offline.lastError?.code).toBe('source-unreachable');
    expect(await db.count('usageMonths')).toBe(months);
  });
});
