import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import { computeHealth, usageSparkline } from '../health';
import { AS_OF, daily, healthInput, interaction, stakeholder } from '@/tests/unit/health-fixtures';
import type { AccountHealth } from '../health/model';
import type { AccountRecord } from '../model/account-record';
import type { SuccessGoal } from '../model/goal';
import { ACCOUNT_KEY } from '@/tests/unit/factories';
import { briefExtras, healthReasonText, healthView, textSparkline, usageSummary } from './brief-health';
import { briefPageModel, metricProgress, qbrMarkdown } from './qbr';

const en = createTranslator('en');
const ja = createTranslator('ja');
const now = new Date('2026-07-05T00:00:00Z');
const range = { from: '2026-04-01', to: '2026-06-30' };

const usage = [daily('activeUsers', 120, 0, (ago) => Math.round(100 - ago / 2)), daily('licensedSeats', 120, 0, 110)];
const champion = stakeholder({ role: 'champion', name: 'Aiko *Tanaka*', leftAgo: 10 });
const touches = [interaction({ ago: 5, tone: 'positive' }), interaction({ ago: 40, tone: 'enthusiastic' })];
const current = computeHealth(healthInput({ usage, interactions: touches, stakeholders: [champion] }));
const health: AccountHealth = { current, previousScore: 60, trend: 'up', sparkline: usageSparkline(usage, AS_OF, 90), usageAsOf: AS_OF, history: [] };
const noUsage: AccountHealth = { ...health, current: computeHealth(healthInput({ interactions: touches })), sparkline: new Array<number>(90).fill(0), usageAsOf: null };

const goal: SuccessGoal = {
  id: 'g1', accountKey: ACCOUNT_KEY, title: 'Reps live', successLooksLike: '', horizon: 'deep', targetDate: null, metric: { name: 'Reps active', unit: '%', start: 10, current: 60, target: 90 },
  statusHistory: [{ status: 'working', changedAt: '2026-05-01T00:00:00.000Z', perceivedBy: '', reason: '' }], createdAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-05-01T00:00:00.000Z', revision: 0,
};
const record: AccountRecord = {
  account: { key: ACCOUNT_KEY, crm: 'salesforce', recordId: '001Dn00000ABCDEAA1', name: 'Globex', url: 'https://x', firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-06-01T00:00:00.000Z' },
  fields: [], interactions: touches, signals: [], goals: [goal], stakeholders: [champion], damaged: 0,
};

const SECTIONS_EN = ['Summary', 'Goals and progress', 'Usage trend', 'Health and its drivers', 'Blind spots', 'Risks and opportunities', 'Stakeholders and changes', 'Interactions', 'Next steps'];
const headings = (md: string) => md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
const section = (md: string, title: string) => md.split(`## ${title}\n`)[1]?.split('\n## ')[0] ?? '';

describe('health in the QBR brief', () => {
  it('puts health, usage and blind spots into the Markdown, sections in QBR order', () => {
    const md = qbrMarkdown({ record, health }, { range, includeInternal: false }, en, now);
    expect(headings(md)).toEqual(SECTIONS_EN);
    expect(section(md, 'Summary')).toContain(`- Health: ${current.score}/100 (rising)`);
    const healthPart = section(md, 'Health and its drivers');
    expect(healthPart).toContain(`- Health: ${current.score}/100 (rising); 60/100 30 days ago`);
    expect(healthPart).toMatch(/- \*\*Usage\*\*: \d+\/100, counts \d+%/);
    expect(healthPart).toContain('  - Seat utilisation');
    expect(healthPart).toContain('- Signals: none recorded');
    expect(healthPart).toContain('weight is shared among the others');
    const usagePart = section(md, 'Usage trend');
    expect(usagePart).toContain('- Daily active users, Apr 2, 2026 – Jun 30, 2026:');
    expect(usagePart).toMatch(/- First 30 days → last 30 days: [\d.]+ → [\d.]+ on a typical working day \(\+\d+%\)\./);
    expect(usagePart).toContain('- Newest usage figure: Jun 30, 2026.');
    const blind = section(md, 'Blind spots');
    expect(blind).toContain('- **Hidden risk**: Usage looks healthy, but a champion or sponsor has left');
    // The stakeholder's name is typed text: escaped, and the date is shown as a day.
    expect(blind).toContain('  - Aiko \\*Tanaka\\* (champion) left on Jun 20, 2026');
  });

  it('says when no usage has been imported, and keeps the other sections', () => {
    const md = qbrMarkdown({ record, health: noUsage }, { range, includeInternal: false }, en, now);
    expect(headings(md)).toEqual(SECTIONS_EN);
    expect(section(md, 'Usage trend').trim()).toBe('Not available yet: no usage data has been imported for this account.');
    expect(section(md, 'Health and its drivers')).toContain('- Usage: no usage data imported');
    expect(section(md, 'Blind spots').trim()).toBe('None.');
    const model = briefPageModel({ record, health: noUsage }, { range, includeInternal: false }, en);
    expect(model.usage).toBeNull();
    expect(model.chart).toBeNull();
  });

  it('works without any health reply', () => {
    expect(briefExtras(null, en)).toEqual({ summary: [], usage: null, health: null, blindSpots: null });
  });

  it('speaks Japanese', () => {
    const md = qbrMarkdown({ record, health }, { range, includeInternal: false }, ja, now);
    expect(headings(md)).toEqual(['サマリー', 'ゴールと進捗', '利用状況の推移', 'ヘルスとその要因', '死角', 'リスクと機会', 'ステークホルダーと変化', '接点', '次のアクション']);
    expect(md).toContain('- **利用状況**：');
    expect(md).toContain('1 日あたりのアクティブユーザー数（2026/04/02 〜 2026/06/30）');
    expect(md).toContain('**隠れたリスク**');
  });

  it('formats reason parameters for the locale', () => {
    expect(healthReasonText({ key: 'health.reason.touchCadence', params: { count: 1234 } }, en)).toBe('Touches in the last 90 days: 1,234');
    expect(healthReasonText({ key: 'health.evidence.lastTouch', params: { date: '2026-06-01' } }, ja)).toBe('最後の接点：2026/06/01');
  });

  it('gives the page a view of every component with its weight and reasons', () => {
    const view = healthView(health, en);
    expect(view.components.map((c) => c.id)).toEqual(current.components.map((c) => c.id));
    expect(view.components.reduce((sum, c) => sum + c.weight, 0)).toBeGreaterThanOrEqual(99);
    expect(view.components.every((c) => c.reasons.length > 0)).toBe(true);
    expect(view.trendName).toBe('rising');
  });
});

describe('usage summary', () => {
  it('spans the sparkline days up to the health date and compares its ends', () => {
    const summary = usageSummary(health);
    expect(summary?.from).toBe('2026-04-02');
    expect(summary?.to).toBe(AS_OF);
    expect(summary?.peak).toBe(100);
    expect(summary?.changePercent).toBeGreaterThan(0);
    expect(usageSummary(noUsage)).toBeNull();
  });

  it('compares typical working days, so weekends and a late export are no drop', () => {
    // AS_OF (2026-06-30) is a Tuesday; the export stops on Sunday 2026-06-28 and weekends are quiet.
    const weekly = (ago: number) => ([0, 6].includes(new Date(Date.UTC(2026, 5, 30 - ago)).getUTCDay()) ? 36 : 100);
    const steady = [daily('activeUsers', 120, 2, weekly)];
    const sparkline = usageSparkline(steady, AS_OF, 90);
    const summary = usageSummary({ ...health, sparkline, usageAsOf: '2026-06-28' });
    expect(summary).toMatchObject({ firstAverage: 100, lastAverage: 100, changePercent: 0 });
  });

  it('draws weekly bars as text', () => {
    expect(textSparkline([0, 0, 0, 0, 0, 0, 0, 7, 7, 7, 7, 7, 7, 7])).toBe('▁█');
    expect(textSparkline(new Array<number>(14).fill(0))).toBe('▁▁');
    expect(textSparkline([])).toBe('');
  });

  it('lays out a chart for the printable page', () => {
    const model = briefPageModel({ record, health }, { range, includeInternal: false }, en);
    expect(model.chart?.from).toBe('2026-04-02');
    expect(model.chart?.line.split(' L')).toHaveLength(90);
    expect(model.brief.goals).toHaveLength(1);
  });
});

describe('goal metric progress', () => {
  it('is the share of the way from start to target, either direction, capped', () => {
    expect(metricProgress({ name: 'x', unit: '', start: 10, current: 60, target: 90 })).toBe(63);
    expect(metricProgress({ name: 'x', unit: '', start: 100, current: 40, target: 20 })).toBe(75);
    expect(metricProgress({ name: 'x', unit: '', start: 0, current: 150, target: 100 })).toBe(100);
    expect(metricProgress({ name: 'x', unit: '', start: 0, current: -5, target: 100 })).toBe(0);
    expect(metricProgress({ name: 'x', unit: '', start: 5, current: 5, target: 5 })).toBe(100);
  });
});
