import { describe, expect, it } from 'vitest';
import { Backup } from '@/lib/backup/format';
import { parseUsageText } from '@/lib/usage/parse';
import { guessMapping, mappingProblems } from '@/lib/usage/mapping';
import { buildImportPreview } from '@/lib/usage/preview';
import { demoBackup, demoUsageCsv } from '../../scripts/lib/demo-data.mjs';
import { sampleAccounts } from '../../scripts/lib/browser.mjs';

describe('the demo data', () => {
  const accounts: { id: string }[] = sampleAccounts();

  it('is a valid current backup', () => {
    const parsed = Backup.safeParse(demoBackup(Date.parse('2026-11-25T09:00:00Z')));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('is a usage file whose columns are guessed and whose every row matches a sample account', () => {
    const table = parseUsageText(demoUsageCsv(Date.parse('2026-11-25T09:00:00Z')));
    const mapping = guessMapping(table.headers, table.rows.slice(0, 20).map((r) => r.cells));
    expect(mappingProblems(mapping)).toEqual([]);
    const preview = buildImportPreview({
      table, mapping, links: [], source: 'demo.csv', importedAt: '2026-11-25T09:00:00.000Z',
      crmAccounts: accounts.map((a) => ({ accountKey: `salesforce:acme:${a.id}`, recordId: a.id, name: '' })),
    });
    expect(preview.rejected).toEqual([]);
    expect(preview.unmatchedAccounts).toBe(0);
    expect(preview.matchedAccounts).toBe(accounts.length);
    expect(preview.metrics).toEqual(expect.arrayContaining(['activeUsers', 'licensedSeats', 'logins', 'feature:Reports']));
  });
});
