import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createTranslator } from '@/lib/i18n';
import { createImportSession } from '@/lib/usage/import-session';
import { USAGE_FILE_MAX } from '@/lib/usage/worker-protocol';
import { monthsHeld, monthsOfYears } from '@/lib/model/usage-year';
import { Request, type RequestOf, type RequestType } from '@/lib/messaging/protocol';
import { UsageImportCommit, type UsageSourceAccount } from '@/lib/usage/store';
import { AppError } from '@/lib/errors';
import { I18nProvider } from './i18n';
import { UsageImport } from './UsageImport';

// The whole page flow with the real worker body (lib/usage/import-session.ts) run in-process
// behind a fake Worker, its database and the background mocked: what is asked, stored and sent,
// what is shown. The mocked background validates each request as the real one does.

const request = vi.hoisted(() => vi.fn());
vi.mock('@/lib/messaging/client', () => ({ request }));

const NOW = new Date('2026-11-30T09:00:00.000Z');
let workers = 0;
let terminated = 0;
/** What the page got from the worker and sent to the background, in the order it happened. */
const timeline: string[] = [];
/** Each import the worker stored, as given to its database. */
const stored: UsageImportCommit[] = [];
/** What the worker's database answers the next store with instead of storing it. */
let refuseNextStore: AppError | null = null;

/** Runs the worker's session in this thread; messages are cloned and delivered asynchronously, like a worker's. */
class FakeWorker extends EventTarget {
  private readonly session = createImportSession({
    post: (reply) => {
      setTimeout(() => {
        timeline.push(`worker:${reply.type}`);
        this.dispatchEvent(new MessageEvent('message', { data: structuredClone(reply) }));
      });
    },
    store: async (commit) => {
      if (refuseNextStore) {
        const error = refuseNextStore;
        refuseNextStore = null;
        throw error;
      }
      stored.push(UsageImportCommit.parse(commit));
      const months = monthsOfYears(commit.years);
      sources = [...new Map(months.map((m) => [m.sourceAccountKey, m])).values()].map((m) => ({
        sourceAccountKey: m.sourceAccountKey,
        account: m.account,
        source: m.source,
        updatedAt: m.updatedAt,
        link: commit.links.find((l) => l.sourceAccountKey === m.sourceAccountKey) ?? null,
      }));
      return { months: monthsHeld(commit.years), links: commit.links.length, accountKeys: [...new Set(commit.links.map((l) => l.accountKey))] };
    },
    now: () => NOW,
    progressEveryMs: 0,
  });
  constructor() {
    super();
    workers++;
  }
  postMessage(message: unknown): void {
    setTimeout(() => this.session.handle(message));
  }
  terminate(): void {
    terminated++;
  }
}

const GLOBEX = { accountKey: 'salesforce:acme:001Dn00000gLbXqIAK', recordId: '001Dn00000gLbXqIAK', name: 'Globex Corporation', website: 'https://www.globex.example' };
const INITECH = { accountKey: 'salesforce:acme:001Dn00000iNTchIAG', recordId: '001Dn00000iNTchIAG', name: 'Initech Ltd.', website: 'https://initech.example' };

let sources: UsageSourceAccount[] = [];
const sent: RequestOf<RequestType>[] = [];
/** Each stored import: its months, links and mapping. */
const commits = () => stored.map((c) => ({ months: monthsOfYears(c.years), links: c.links, mapping: c.mapping }));

function mockBackground() {
  request.mockImplementation(async (message: RequestOf<RequestType>) => {
    const valid = Request.safeParse(message);
    if (!valid.success) throw new Error(`invalid ${message.type}: ${valid.error.issues[0]?.message}`);
    sent.push(message);
    timeline.push(message.type);
    switch (message.type) {
      case 'usage.context':
        return { crmAccounts: [GLOBEX, INITECH], links: [], sources };
      case 'usage.mapping':
        return null;
      case 'usage.imported':
        return null;
      case 'usage.link':
        sources = sources.map((s) =>
          s.sourceAccountKey === message.sourceAccountKey
            ? { ...s, link: message.accountKey ? { sourceAccountKey: s.sourceAccountKey, accountKey: message.accountKey, how: 'manual', linkedAt: NOW.toISOString() } : null }
            : s,
        );
        return null;
      default:
        throw new Error(`unexpected ${message.type}`);
    }
  });
}

const fixtureFile = (name: string) => new File([readFileSync(resolve('tests/fixtures/usage', name))], name);
const sentOf = <T extends RequestType>(type: T) => sent.filter((m): m is RequestOf<T> => m.type === type);

function renderPage(locale: 'en' | 'ja' = 'en') {
  return render(
    <I18nProvider translator={createTranslator(locale)}>
      <UsageImport />
    </I18nProvider>,
  );
}

async function choose(file: File) {
  fireEvent.change(screen.getByTestId('usage-file'), { target: { files: [file] } });
}

beforeEach(() => {
  vi.stubGlobal('Worker', FakeWorker);
  sources = [];
  sent.length = 0;
  stored.length = 0;
  refuseNextStore = null;
  timeline.length = 0;
  workers = 0;
  terminated = 0;
  mockBackground();
});
afterEach(() => {
  cleanup();
  request.mockReset();
  vi.unstubAllGlobals();
});

describe('usage import on the options page', () => {
  it('says what to do when nothing is imported yet; the drop zone is a labelled button and the input is labelled', async () => {
    renderPage();
    await screen.findByTestId('usage-empty');
    expect(screen.getByTestId('usage-empty').textContent).toContain('Export usage per account and day');
    expect(screen.getByTestId('usage-drop').tagName).toBe('BUTTON');
    expect(screen.getByTestId('usage-drop').textContent).toContain('Choose a usage file, or drop it here');
    expect(screen.getByTestId('usage-file').getAttribute('aria-label')).toBe('Usage file (CSV or JSON)');
  });

  it('previews, stores only on Confirm, then offers the unmatched accounts for linking by hand', async () => {
    renderPage();
    await screen.findByTestId('usage-empty');
    await choose(fixtureFile('sample-accounts.csv'));
    const preview = await screen.findByTestId('usage-preview');
    expect(screen.getByTestId('usage-file-summary').textContent).toBe('sample-accounts.csv: CSV (comma-separated), UTF-8, 8 rows');
    expect(sentOf('usage.mapping')).toHaveLength(1);
    const rows = screen.getAllByTestId('usage-rejected-row');
    expect(rows.map((r) => [r.getAttribute('data-line'), r.textContent])).toEqual([['8', 'Line 8: “2026-02-30” in Date is not a date.']]);
    const matches = screen.getAllByTestId('usage-preview-account').map((r) => [r.getAttribute('data-source-key'), r.getAttribute('data-match')]);
    expect(matches).toEqual([
      ['name:sampleshojitrading', 'unmatched'],
      ['id:001Dn00000gLbXqIAK', 'record-id'],
      ['domain:initech.example', 'domain'],
    ]);
    expect(preview.getAttribute('data-records')).toBe('27');
    // Every column has a labelled role picker.
    for (const select of screen.getAllByTestId('usage-role-select')) expect(select.getAttribute('aria-label')).toMatch(/^Column “.+” imported as$/);
    expect(commits()).toHaveLength(0);

    fireEvent.click(screen.getByTestId('usage-confirm'));
    const result = await screen.findByTestId('usage-result');
    expect(result.getAttribute('data-outcome')).toBe('stored');
    expect(result.textContent).toContain('Stored 27 figures from sample-accounts.csv for 3 accounts (12 monthly records).');
    const [imported] = commits();
    expect(imported?.months).toHaveLength(12);
    expect(imported?.links.map((l) => [l.sourceAccountKey, l.how])).toEqual([
      ['id:001Dn00000gLbXqIAK', 'record-id'],
      ['domain:initech.example', 'domain'],
    ]);
    expect(imported?.mapping?.signature).toMatch(/^headers:8:/);
    // The worker is gone once the import is stored.
    expect(terminated).toBe(workers);

    const item = await screen.findByTestId('usage-unmatched-account');
    expect(item.getAttribute('data-source-key')).toBe('name:sampleshojitrading');
    const select = screen.getByTestId('usage-link-select');
    expect(select.getAttribute('aria-label')).toBe('CRM account for Sample Shoji Trading');
    fireEvent.change(select, { target: { value: INITECH.accountKey } });
    await screen.findByTestId('usage-link-status');
    expect(sentOf('usage.link')).toEqual([{ type: 'usage.link', sourceAccountKey: 'name:sampleshojitrading', accountKey: INITECH.accountKey }]);
    expect(screen.getByTestId('usage-stored-summary').textContent).toBe('Usage data is stored for 3 accounts; 3 of them are linked to a CRM account.');
  });

  it('re-checks a corrected mapping; Confirm waits for the re-check and sends the corrected mapping', async () => {
    renderPage();
    await choose(fixtureFile('sample-accounts.csv'));
    await screen.findByTestId('usage-preview');
    const logins = screen.getAllByTestId('usage-mapping-column').find((r) => r.getAttribute('data-header') === 'Logins');
    const select = logins?.querySelector('select');
    if (!select) throw new Error('no Logins picker');
    fireEvent.change(select, { target: { value: 'ignore' } });
    expect(screen.getByTestId('usage-recheck-needed')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('usage-confirm').disabled).toBe(true);
    fireEvent.click(screen.getByTestId('usage-recheck'));
    await waitFor(() => expect(screen.getByTestId('usage-mapping').getAttribute('data-origin')).toBe('user'));
    expect(screen.getByTestId('usage-preview').getAttribute('data-records')).toBe('20');
    fireEvent.click(screen.getByTestId('usage-confirm'));
    await screen.findByTestId('usage-result');
    expect(commits()[0]?.mapping?.mapping.columns.find((c) => c.header === 'Logins')?.role).toBe('ignore');
  });

  it('shows the first 200 rejected rows with the total', async () => {
    renderPage();
    const lines = ['Account ID,Date,Active Users', ...Array.from({ length: 450 }, (_, i) => `A${i},someday,${i}`), 'A1,2026-11-25,1'];
    await choose(new File([lines.join('\n')], 'many.csv'));
    await screen.findByTestId('usage-preview');
    expect(screen.getAllByTestId('usage-rejected-row')).toHaveLength(200);
    expect(screen.getByTestId('usage-rejected').getAttribute('data-count')).toBe('450');
    expect(screen.getByTestId('usage-rejected-more').textContent).toBe('Showing the first 200 of 450.');
  });

  it('explains files that cannot be imported, and sends nothing', async () => {
    renderPage();
    await choose(fixtureFile('garbage.bin'));
    const error = await screen.findByTestId('usage-error');
    expect(error.getAttribute('data-code')).toBe('garbled');
    expect(error.textContent).toContain('garbage.bin was not imported. Nothing was stored.');
    expect(error.textContent).toContain('could not be read as text');

    const big = new File(['x'], 'huge.csv');
    Object.defineProperty(big, 'size', { value: USAGE_FILE_MAX + 5 * 1024 * 1024 });
    await choose(big);
    await waitFor(() => expect(screen.getByTestId('usage-error').getAttribute('data-code')).toBe('too-large'));
    expect(screen.getByTestId('usage-error').textContent).toContain('The file is 205 MB; files up to 200 MB can be imported.');

    await choose(fixtureFile('no-date.csv'));
    await screen.findByTestId('usage-preview');
    expect(screen.getAllByTestId('usage-problem').map((p) => p.getAttribute('data-code'))).toEqual(['no-date']);
    expect(screen.getByTestId<HTMLButtonElement>('usage-confirm').disabled).toBe(true);
    expect(commits()).toHaveLength(0);
  });

  it('speaks Japanese, reading a Shift_JIS file', async () => {
    renderPage('ja');
    await choose(fixtureFile('sample-accounts-sjis.csv'));
    await screen.findByTestId('usage-preview');
    expect(screen.getByTestId('usage-file-summary').textContent).toBe('sample-accounts-sjis.csv：CSV (カンマ区切り)、Shift_JIS（日本語版 Excel）、3 行');
    expect(screen.getByTestId('usage-confirm').textContent).toBe('11 件の数値を取り込む');
    expect(screen.getByTestId('usage-cancel').textContent).toBe('キャンセル');
    fireEvent.click(screen.getByTestId('usage-cancel'));
    await waitFor(() => expect(screen.queryByTestId('usage-preview')).toBeNull());
    expect(commits()).toHaveLength(0);
  });

  it('says so when the database refuses the import, stores nothing, and Confirm stores the whole import again', async () => {
    renderPage();
    await choose(fixtureFile('sample-accounts.csv'));
    await screen.findByTestId('usage-preview');
    refuseNextStore = new AppError('storage', 'QuotaExceededError');
    fireEvent.click(screen.getByTestId('usage-confirm'));
    await waitFor(() => expect(screen.getByTestId('usage-result').getAttribute('data-outcome')).toBe('failed'));
    expect(screen.getByTestId('usage-result').textContent).toContain('The import failed and nothing was stored.');
    expect(commits()).toHaveLength(0);
    expect(sentOf('usage.imported')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('usage-confirm'));
    await waitFor(() => expect(screen.getByTestId('usage-result').getAttribute('data-outcome')).toBe('stored'));
    expect(commits().map((c) => c.months.length)).toEqual([12]);
  });

  it('stores the whole import from the worker at once, then tells the background which accounts it changed', async () => {
    renderPage();
    // 1,500 accounts × 2 metrics × 1 month = 3,000 months, each in a year of its own.
    const lines = ['Account ID,Date,Active Users,Logins', ...Array.from({ length: 1500 }, (_, i) => `A${i},2026-11-25,${i},${i + 1}`), `${GLOBEX.recordId},2026-11-25,5,6`];
    await choose(new File([lines.join('\n')], 'many.csv'));
    await screen.findByTestId('usage-preview');
    fireEvent.click(screen.getByTestId('usage-confirm'));
    await waitFor(() => expect(screen.getByTestId('usage-result').getAttribute('data-outcome')).toBe('stored'));
    expect(commits().map((c) => c.months.length)).toEqual([3002]);
    expect(screen.getByTestId('usage-result').getAttribute('data-months')).toBe('3002');
    await waitFor(() => expect(sentOf('usage.imported')).toEqual([{ type: 'usage.imported', accountKeys: [GLOBEX.accountKey] }]));
    // The background hears of it only once it is stored; nothing else of the import goes through it.
    expect(timeline.indexOf('usage.imported')).toBeGreaterThan(timeline.indexOf('worker:committed'));
    expect(timeline.indexOf('worker:storing')).toBeLessThan(timeline.indexOf('worker:committed'));
    expect(new Set(sent.map((m) => m.type))).toEqual(new Set(['usage.context', 'usage.mapping', 'usage.imported']));
  });

  it('shows the import stored when the background cannot be told of it (it is in the database already)', async () => {
    renderPage();
    await choose(fixtureFile('sample-accounts.csv'));
    await screen.findByTestId('usage-preview');
    const fallback = request.getMockImplementation();
    request.mockImplementation(async (message: RequestOf<RequestType>) => {
      const answer = await fallback?.(message);
      if (message.type === 'usage.imported') throw new AppError('gone', 'the background stopped');
      return answer;
    });
    fireEvent.click(screen.getByTestId('usage-confirm'));
    await waitFor(() => expect(screen.getByTestId('usage-result').getAttribute('data-outcome')).toBe('stored'));
    await waitFor(() => expect(sentOf('usage.imported')).toHaveLength(1));
    expect(commits()).toHaveLength(1);
    expect(screen.getByTestId('usage-result').getAttribute('data-outcome')).toBe('stored');
  });
});
