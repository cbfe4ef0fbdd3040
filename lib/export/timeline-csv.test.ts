import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import { recordsFromQuickLog } from '../store/quick-log';
import type { SuccessGoal } from '../model/goal';
import type { Stakeholder } from '../model/stakeholder';
import { ACCOUNT_KEY, quickLogForm, sequentialIds } from '@/tests/unit/factories';
import { timelineCsv, timelineCsvRows } from './timeline-csv';
import { localDateTime } from './days';

const en = createTranslator('en');
const ja = createTranslator('ja');
const at = (iso: string) => new Date(iso);
const mina: Stakeholder = {
  id: 'p1', accountKey: ACCOUNT_KEY, name: 'Mina Sato', title: 'COO', role: 'champion', influence: 'high', preferredChannel: null, personalityNotes: '',
  status: 'active', activeSince: null, leftOn: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 0,
};
const call = recordsFromQuickLog(
  quickLogForm({
    occurredAt: '2026-08-02T09:00:00Z', tone: 'positive', notes: 'Renewal talk\nwent well', attendeeIds: ['p1'], internalAttendees: ['Ken'],
    nextSteps: [{ text: 'Send SSO guide', dueDate: '2026-08-09' }],
    signals: [{ kind: 'expansion-interest', otherLabel: '', polarity: 'opportunity', severity: 'medium', stakeholderId: 'p1', whatHappened: 'Wants 50 more seats', howTheyFeel: 'Keen' }],
  }),
  ACCOUNT_KEY, at('2026-08-02T10:00:00Z'), sequentialIds,
);
const formula = recordsFromQuickLog(quickLogForm({ occurredAt: '2026-08-05T09:00:00Z', tone: null, notes: '=HYPERLINK("http://evil.example","click")' }), ACCOUNT_KEY, at('2026-08-05T10:00:00Z'), sequentialIds);
const secret = recordsFromQuickLog(
  quickLogForm({ occurredAt: '2026-08-20T09:00:00Z', notes: 'Pricing floor is 20% off', internalOnly: true, signals: [{ kind: 'budget-change', otherLabel: '', polarity: 'risk', severity: 'high', stakeholderId: null, whatHappened: 'Budget cut', howTheyFeel: '' }] }),
  ACCOUNT_KEY, at('2026-08-20T10:00:00Z'), sequentialIds,
);
const outside = recordsFromQuickLog(quickLogForm({ occurredAt: '2026-05-02T09:00:00Z', notes: 'Old call' }), ACCOUNT_KEY, at('2026-05-02T10:00:00Z'), sequentialIds);
const goal: SuccessGoal = {
  id: 'g', accountKey: ACCOUNT_KEY, title: 'Sales reps live', successLooksLike: '', horizon: 'light', targetDate: null, metric: null,
  statusHistory: [
    { status: 'working', changedAt: '2026-05-01T00:00:00.000Z', perceivedBy: '', reason: '' },
    { status: 'partially-achieved', changedAt: '2026-08-15T08:00:00.000Z', perceivedBy: 'Mina', reason: 'Two teams live' },
  ],
  createdAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-08-15T00:00:00.000Z', revision: 1,
};
const source = {
  interactions: [secret.interaction, call.interaction, outside.interaction, formula.interaction],
  signals: [...call.signals, ...secret.signals],
  goals: [goal],
  stakeholders: [mina],
};
const range = { from: '2026-07-01', to: '2026-09-30' };

describe('timeline CSV', () => {
  it('has every entry in the range, oldest first, interactions, signals and goal changes', () => {
    const rows = timelineCsvRows(source, range, false, en);
    expect(rows.map((r) => [r.kind, r.type, r.title])).toEqual([
      ['interaction', 'Call', 'Renewal talk'],
      ['signal', 'Expansion interest', 'Opportunity, severity Medium'],
      ['interaction', 'Call', '=HYPERLINK("http://evil.example","click")'],
      ['goal-status', 'Partially achieved', 'Sales reps live: Working toward it → Partially achieved'],
    ]);
    expect(rows[0]?.tone).toBe('Positive');
    expect(rows[0]?.details).toBe('Renewal talk\nwent well\nAttendees: Mina Sato, Ken\nNext steps: Send SSO guide (due Aug 9, 2026)');
    expect(rows[1]?.details).toBe('Wants 50 more seats\nWho: Mina Sato\nHow they feel: Keen');
    expect(rows[3]?.details).toBe('Two teams live\nPerceived by Mina');
  });

  it('leaves internal-only notes and the signals logged with them out unless asked', () => {
    expect(timelineCsvRows(source, range, false, en).some((r) => r.title.includes('Pricing') || r.type === 'Budget change')).toBe(false);
    const all = timelineCsvRows(source, range, true, en);
    expect(all.filter((r) => r.internal).map((r) => r.type)).toEqual(['Call', 'Budget change']);
  });

  it('is a BOM-prefixed CSV with translated headers, where nothing runs as a formula', () => {
    const csv = timelineCsv(timelineCsvRows(source, range, false, en), en);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Date,Kind,Type,Tone,Title,Details,Internal only');
    // Dates are the CSM's local time (the test machine's time zone).
    expect(lines[1]).toBe(`${localDateTime('2026-08-02T09:00:00Z')},Touch,Call,Positive,Renewal talk,"Renewal talk\nwent well\nAttendees: Mina Sato, Ken\nNext steps: Send SSO guide (due Aug 9, 2026)",No`);
    expect(csv).toContain(`${localDateTime('2026-08-05T09:00:00Z')},Touch,Call,,"'=HYPERLINK(""http://evil.example"",""click"")","'=HYPERLINK(""http://evil.example"",""click"")",No`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('writes dates as sortable local date and time', () => {
    expect(localDateTime(new Date(2026, 7, 5, 7, 3).toISOString())).toBe('2026-08-05 07:03');
  });

  it('speaks Japanese when the UI does', () => {
    const csv = timelineCsv(timelineCsvRows(source, range, true, ja), ja);
    expect(csv).toContain('日時,種別,種類,温度感,件名,詳細,社内限定');
    expect(csv).toContain('シグナル,予算の変化');
    expect(csv).toContain(',はい');
  });

  it('writes only the header when nothing is in the range', () => {
    expect(timelineCsv(timelineCsvRows(source, { from: '2025-01-01', to: '2025-03-31' }, true, en), en).split('\r\n')).toHaveLength(2);
  });
});
