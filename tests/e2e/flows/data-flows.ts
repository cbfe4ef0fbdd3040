/**
 * The data flows, written once and run in Chromium and in Firefox (key-flows.*.e2e.ts): the QBR
 * brief exported as Markdown from the sidebar, a backup exported and restored into a fresh
 * profile, and a Shift_JIS usage file imported on the settings page (its parsing runs in a worker).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { accountUrl, fieldValue, sampleAccountKey, sampleData, scratchDir, type SampleAccount } from '../../../scripts/lib/browser.mjs';
import { briefLinkHash } from '../../../lib/export/brief-link';
import { BACKUP_VERSION } from '../../../lib/backup/format';
import type { BrowserUnderTest, CrmTab } from './crm-tab';

const [GLOBEX] = sampleData().accounts as [SampleAccount];
const NAME = '[data-testid="sidebar-account-name"]';
const SECTIONS = ['Summary', 'Goals and progress', 'Usage trend', 'Health and its drivers', 'Blind spots', 'Risks and opportunities', 'Stakeholders and changes', 'Interactions', 'Next steps'];

async function openGlobex(browser: BrowserUnderTest): Promise<CrmTab> {
  const tab = await browser.newTab();
  await tab.goto(accountUrl(GLOBEX.id));
  await tab.waitInSidebar(NAME, fieldValue(GLOBEX, 'Name'));
  return tab;
}

/**
 * The flows in the browser `browserUnderTest` gives (launched by the calling file, once); `launch`
 * starts another with a fresh profile, for the restored backup.
 */
export function dataFlows(browserUnderTest: () => BrowserUnderTest, launch: () => Promise<BrowserUnderTest>): void {
  it('exports the account’s QBR brief as Markdown from the sidebar', async () => {
    const tab = await openGlobex(browserUnderTest());
    const saved = await tab.downloadFromSidebar('[data-testid="export-markdown"]');
    expect(saved.fileName).toMatch(/^Globex-Corporation_QBR_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.md$/);
    expect(saved.text).toContain(`# ${fieldValue(GLOBEX, 'Name')}: QBR brief`);
    expect(saved.text.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3))).toEqual(SECTIONS);
    await tab.waitInSidebar('[data-testid="export-status"]', 'Saved as');
    await tab.close();
  });

  it('lays out the account’s printable brief', async () => {
    await (await openGlobex(browserUnderTest())).close();
    const hash = briefLinkHash({ accountKey: sampleAccountKey(GLOBEX.id), from: '2020-01-01', to: '2030-12-31', includeInternal: false });
    const brief = await browserUnderTest().extensionPage(`/brief.html${hash}`);
    await brief.waitFor('[data-testid="brief-page"][data-state="ready"] h1', `${fieldValue(GLOBEX, 'Name')}: QBR brief`);
    expect(await brief.attribute('[data-testid="brief-section"]:last-of-type', 'data-section')).toBe('nextSteps');
    await brief.close();
  });

  it('exports a backup on the settings page and restores it into a fresh profile', async () => {
    const note = `Backed-up note ${Date.now()}`;
    const tab = await openGlobex(browserUnderTest());
    await tab.clickInSidebar('[data-testid="quick-log-open"]');
    await tab.fillInSidebar('[data-testid="quick-log-text"]', note);
    await tab.clickInSidebar('[data-testid="quick-log-save"]');
    await tab.waitInSidebar('[data-testid="timeline-entry"][data-kind="interaction"]', note);
    await tab.close();

    const options = await browserUnderTest().extensionPage('/options.html');
    const backup = await options.download('[data-testid="backup-export"]');
    expect(backup.fileName).toMatch(/\.json$/);
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'adoption-sidebar-backup', version: BACKUP_VERSION });
    await options.close();
    const file = join(scratchDir('backup-'), backup.fileName);
    writeFileSync(file, backup.text);

    const fresh = await launch();
    try {
      const target = await fresh.extensionPage('/options.html');
      await target.upload('[data-testid="backup-import"]', file);
      await target.waitFor('[data-outcome="imported"]');
      const restored = await openGlobex(fresh);
      await restored.waitInSidebar('[data-testid="timeline-entry"][data-kind="interaction"]', note);
    } finally {
      await fresh.close();
    }
  });

  it('imports a Shift_JIS usage file with Japanese headers', async () => {
    const options = await browserUnderTest().extensionPage('/options.html');
    await options.upload('[data-testid="usage-file"]', resolve('tests/fixtures/usage/sample-accounts-sjis.csv'));
    await options.waitFor('[data-testid="usage-preview"]');
    expect(await options.attribute('[data-testid="usage-file-summary"]', 'data-encoding')).toBe('shift_jis');
    expect(await options.attribute('[data-testid="usage-mapping-column"][data-header="会社名"]', 'data-role')).toBe('accountName');
    expect(await options.attribute('[data-testid="usage-mapping-column"][data-header="アクティブユーザー数"]', 'data-role')).toBe('activeUsers');
    await options.click('[data-testid="usage-confirm"]');
    await options.waitFor('[data-testid="usage-result"][data-outcome="stored"]', 'Stored');
    await options.close();
  });
}
