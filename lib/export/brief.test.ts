import { describe, expect, it } from 'vitest';
import { buildBrief, lastQuarter } from './brief';
import { briefToMarkdown } from './markdown';
import { parseShownDate, renewalDate } from './renewal';
import { createTranslator } from '../i18n';
import { recordsFromQuickLog } from '../store/quick-log';
import type { Account } from '../model/account';
import type { SuccessGoal } from '../model/goal';
import { ACCOUNT_KEY, quickLogForm, sequentialIds } from '@/tests/unit/factories';

const account: Account = { key: ACCOUNT_KEY, crm: 'salesforce', recordId: '001Dn00000ABCDEAA1', name: 'Globex *Corp*', url: 'https://x', firstSeenAt: '2026-01-01T00:00:00.000Z', lastSeenAt: '2026-11-01T00:00:00.000Z' };
const goal: SuccessGoal = {
  id: 'g', accountKey: ACCOUNT_KEY, title: 'Sales reps live', successLooksLike: '', horizon: 'light', targetDate: null, metric: { name: 'Reps active', unit: '%', start: 10, current: 60, target: 90 },
  statusHistory: [{ status: 'working', changedAt: '2026-05-01T00:00:00.000Z', perceivedBy: '', reason: '' }, { status: 'partially-achieved', changedAt: '2026-08-15T00:00:00.000Z', perceivedBy: '', reason: 'Two teams live' }],
  createdAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-08-15T00:00:00.000Z', revision: 1,
};
const at = (iso: string) => new Date(iso);
const shared = recordsFromQuickLog(quickLogForm({ occurredAt: '2026-08-02T09:00:00Z', notes: 'Renewal talk\nwent well', nextSteps: [{ text: 'Send SSO guide', dueDate: '2026-08-09' }], signals: [{ kind: 'expansion-interest', otherLabel: '', polarity: 'opportunity', severity: 'medium', stakeholderId: null, whatHappened: 'Wants 50 more seats', howTheyFeel: '' }] }), ACCOUNT_KEY, at('2026-08-02T10:00:00Z'), sequentialIds);
const secret = recordsFromQuickLog(quickLogForm({ occurredAt: '2026-08-20T09:00:00Z', notes: 'Pricing floor is 20% off', internalOnly: true, signals: [{ kind: 'budget-change', otherLabel: '', polarity: 'risk', severity: 'high', stakeholderId: null, whatHappened: 'Budget cut', howTheyFeel: '' }] }), ACCOUNT_KEY, at('2026-08-20T10:00:00Z'), sequentialIds);
const outside = recordsFromQuickLog(quickLogForm({ occurredAt: '2026-05-02T09:00:00Z', notes: 'Old call' }), ACCOUNT_KEY, at('2026-05-02T10:00:00Z'), sequentialIds);

const input = (includeInternal: boolean) => ({
  account, fields: [{ key: 'Renewal_Date__c', label: 'Renewal Date', value: '3/31/2027' }], range: { from: '2026-07-01', to: '2026-09-30' }, goals: [goal],
  signals: [...shared.signals, ...secret.signals], stakeholders: [], interactions: [shared.interaction, secret.interaction, outside.interaction], includeInternal,
});

describe('QBR brief', () => {
  it('defaults to the last full quarter', () => {
    expect(lastQuarter(new Date(2026, 10, 25))).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(lastQuarter(new Date(2026, 1, 3))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
  });

  it('leaves internal-only notes and their signals out unless asked', () => {
    const brief = buildBrief(input(false));
    expect(brief.interactions.map((i) => i.notes)).toEqual(['Renewal talk\nwent well']);
    expect(brief.risks).toEqual([]);
    expect(brief.opportunities.map((s) => s.kind)).toEqual(['expansion-interest']);
    expect(brief.goals[0]?.changesInRange.map((c) => c.status)).toEqual(['partially-achieved']);
    expect(brief.renewalDate).toBe('2027-03-31');
    expect(buildBrief(input(true)).interactions).toHaveLength(2);
  });

  it('renders Markdown in the UI language, with typed text escaped', () => {
    const md = briefToMarkdown(buildBrief(input(false)), createTranslator('en'), at('2026-10-05T00:00:00Z'));
    expect(md).toContain('# Globex \\*Corp\\*: QBR brief, Jul 1, 2026 – Sep 30, 2026');
    expect(md).toContain('## Goals and progress');
    expect(md).toContain('Sales reps live — Light (near term): Partially achieved');
    expect(md).toContain(': Renewal talk / went well');
    expect(md).toContain('- Send SSO guide (due Aug 9, 2026)');
    expect(md).toContain('Not available yet');
    expect(md).not.toContain('Pricing floor');
    const ja = briefToMarkdown(buildBrief(input(false)), createTranslator('ja'), at('2026-10-05T00:00:00Z'));
    expect(ja).toContain('## ゴールと進捗');
    expect(ja).toContain('契約更新日：2027/03/31');
  });

  it('reads renewal dates as the CRM shows them', () => {
    expect(parseShownDate('2027/3/31')).toBe('2027-03-31');
    expect(parseShownDate('２０２７年３月３１日')).toBe('2027-03-31');
    expect(parseShownDate('2027-02-30')).toBeNull();
    expect(renewalDate([{ key: 'Industry', label: 'Industry', value: '2027-01-01' }, { key: '契約更新日', label: '契約更新日', value: '2027年4月1日' }])).toBe('2027-04-01');
  });
});
