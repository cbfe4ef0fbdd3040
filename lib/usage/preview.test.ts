import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { ColumnMapping, guessMapping } from './mapping';
import { type CrmAccountForMatch } from './match';
import { parseUsageText } from './parse';
import { buildImportPreview } from './preview';

const importedAt = '2026-11-30T09:00:00.000Z';
const table = (name: string) => parseUsageText(decodeBytes(new Uint8Array(readFileSync(resolve('tests/fixtures/usage', name)))).text, { fileName: name });

const crm: CrmAccountForMatch[] = [
  { accountKey: 'salesforce:acme:0015g00000AbCdE', recordId: '0015g00000AbCdE', name: 'Acme Inc.', website: 'acme.com' },
  { accountKey: 'salesforce:acme:0015g00000SmPlE', recordId: '0015g00000SmPlE', name: 'サンプル商事株式会社' },
  { accountKey: 'salesforce:acme:0015g00000AbCfT', recordId: '0015g00000AbCfT', name: 'ABC Solutions' },
];

describe('buildImportPreview', () => {
  it('summarises what would be stored, for which accounts, and what is refused', () => {
    const t = table('utf8-bom.csv');
    const preview = buildImportPreview({ table: t, mapping: guessMapping(t.headers), crmAccounts: crm, links: [], source: 'utf8-bom.csv', importedAt });
    expect(preview.problems).toEqual([]);
    expect(preview.records).toHaveLength(11);
    expect(preview.rowCount).toBe(3);
    expect(preview.acceptedRows).toBe(3);
    expect(preview.dateRange).toEqual({ from: '2026-11-24', to: '2026-11-25' });
    expect(preview.metrics).toEqual(['activeUsers', 'licensedSeats', 'logins', 'feature:reports']);
    expect(preview.subscriptions).toEqual(['Analytics Lite', 'Analytics Pro']);
    // The 15- and 18-character forms of one Salesforce id are two source keys but the same CRM account.
    expect(preview.accounts.map((a) => [a.sourceAccountKey, a.match?.accountKey ?? null, a.match?.how ?? null, a.rows, a.records])).toEqual([
      ['id:0015g00000AbCdE', 'salesforce:acme:0015g00000AbCdE', 'record-id', 1, 4],
      ['id:0015g00000AbCdEAAV', 'salesforce:acme:0015g00000AbCdE', 'record-id', 1, 3],
      ['id:001000000000002', null, null, 1, 4],
    ]);
    expect(preview.matchedAccounts).toBe(2);
    expect(preview.unmatchedAccounts).toBe(1);
  });

  it('matches Japanese names across legal forms and honours manual links', () => {
    const t = table('shift-jis.csv');
    const preview = buildImportPreview({
      table: t,
      mapping: guessMapping(t.headers),
      crmAccounts: crm,
      links: [{ sourceAccountKey: 'id:JP-003', accountKey: 'salesforce:acme:0015g00000AbCfT', how: 'manual', linkedAt: importedAt }],
      source: 'shift-jis.csv',
      importedAt,
    });
    expect(preview.accounts.map((a) => [a.sourceAccountKey, a.match?.how ?? null])).toEqual([
      ['id:JP-001', 'name'],
      ['id:JP-002', null],
      ['id:JP-003', 'manual'],
    ]);
    expect(preview.dateRange).toEqual({ from: '2026-01-05', to: '2026-11-26' });
    expect(preview.metrics).toEqual(['activeUsers', 'licensedSeats', 'logins', 'feature:レポート']);
  });

  it('reports refused rows and duplicates', () => {
    const t = table('bad-rows.csv');
    const preview = buildImportPreview({ table: t, mapping: guessMapping(t.headers), crmAccounts: [], links: [], source: 'bad', importedAt });
    expect(preview.rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, 'bad-date'],
      [4, 'not-a-number'],
      [5, 'no-account'],
      [6, 'no-figures'],
      [7, 'bad-date'],
    ]);
    expect(preview.duplicateRows).toBe(1);
    expect(preview.records).toHaveLength(3);
    expect(preview.unmatchedAccounts).toBe(2);
  });

  it('stores nothing while the mapping lacks a date, account or figure column', () => {
    const t = table('utf8-bom.csv');
    const guessed = guessMapping(t.headers);
    const mapping = ColumnMapping.parse({ ...guessed, columns: guessed.columns.map((c) => (c.role === 'date' ? { ...c, role: 'ignore' } : c)) });
    const preview = buildImportPreview({ table: t, mapping, crmAccounts: crm, links: [], source: 'x', importedAt });
    expect(preview.problems.map((p) => p.code)).toEqual(['no-date']);
    expect(preview.records).toEqual([]);
    expect(preview.rejected).toEqual([]);
    expect(preview.rowCount).toBe(3);
    expect(preview.dateRange).toBeNull();
  });
});
