import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { guessMapping } from './mapping';
import { parseUsageText } from './parse';
import { buildImportPreview } from './preview';

/** About 20 MB: 200,000 rows of 2,000 accounts × 100 days, with quoted names and thousands. */
function bigCsv(rows: number): string {
  const parts = ['Account ID,Account Name,Website,Date,Active Users,Licensed Seats,Logins,feature_reports,feature_dashboards,feature_exports,Product\n'];
  for (let i = 0; i < rows; i++) {
    const account = i % 2000;
    const day = Math.floor(i / 2000);
    const date = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    parts.push(
      `001000000${String(account).padStart(6, '0')},"Company ${account}, Inc.",https://www.company${account}.example/,${date},"1,${String(i % 1000).padStart(3, '0')}",2000,${i % 5000},${i % 97},${i % 13},${i % 7},Analytics Pro Edition\n`,
    );
  }
  return parts.join('');
}

describe('200,000-row import pipeline', () => {
  // Timing is measured by `npm run bench` (in Chromium), not here: this checks a 20 MB file comes through whole.
  it('decodes, parses, converts and matches every row of a 20 MB file', () => {
    const text = bigCsv(200_000);
    const bytes = new TextEncoder().encode(text);
    const decoded = decodeBytes(bytes);
    let ticks = 0;
    const table = parseUsageText(decoded.text, { onProgress: () => ticks++ });
    const crm = Array.from({ length: 2000 }, (_, a) => ({
      accountKey: `salesforce:acme:001000000${String(a).padStart(6, '0')}`,
      recordId: `001000000${String(a).padStart(6, '0')}`,
      name: `Company ${a}`,
    }));
    const preview = buildImportPreview({ table, mapping: guessMapping(table.headers), crmAccounts: crm, links: [], source: 'big.csv', importedAt: '2026-11-30T00:00:00.000Z' });
    expect(bytes.length).toBeGreaterThan(19_000_000);
    expect(table.rows).toHaveLength(200_000);
    expect(table.rows[199_999]?.line).toBe(200_001);
    expect(preview.records).toHaveLength(200_000 * 6);
    expect(preview.rejected).toEqual([]);
    expect(preview.matchedAccounts).toBe(2000);
  });
});
