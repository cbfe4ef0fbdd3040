import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits';
import { Interaction } from './interaction';
import { QuickLogDraft, QuickLogForm, QuickLogFormAsTyped } from './quick-log';
import { Signal } from './signal';
import { SuccessGoal } from './goal';
import { Stakeholder } from './stakeholder';
import { CsmSettings } from './settings';
import { RecordReading } from './account';
import { Request } from '../messaging/protocol';
import { ACCOUNT_KEY, quickLogForm, reading } from '@/tests/unit/factories';

const MB = 1024 * 1024;
const at = '2026-11-25T10:00:00.000Z';
/** About `length` characters of meeting notes, Japanese and English, with line breaks. */
export function longNote(length: number): string {
  const line = '顧客の定例: adoption review, 次のアクションを確認 — "quotes" and \\ backslashes.\n';
  return line.repeat(Math.ceil(length / line.length)).slice(0, length);
}

describe('limits on what is typed', () => {
  it('saves a note of a megabyte and more, up to the cap', () => {
    for (const notes of [longNote(MB), longNote(LIMITS.notes)]) {
      expect(QuickLogForm.safeParse(quickLogForm({ notes })).success).toBe(true);
      expect(Interaction.safeParse({ id: 'i', accountKey: ACCOUNT_KEY, type: 'call', occurredAt: at, tone: null, notes, createdAt: at, updatedAt: at }).success).toBe(true);
    }
    expect(QuickLogForm.safeParse(quickLogForm({ notes: longNote(LIMITS.notes + 1) })).success).toBe(false);
  });

  it('keeps as a draft anything the form holds, even past what can be saved', () => {
    const form = quickLogForm({
      notes: longNote(LIMITS.notes + 10),
      nextSteps: Array.from({ length: LIMITS.nextSteps + 1 }, () => ({ text: 'x'.repeat(LIMITS.nextStep + 1), dueDate: null })),
      newAttendees: Array.from({ length: LIMITS.newAttendees + 1 }, (_, i) => `${'n'.repeat(LIMITS.name)}${i}`),
      signals: [{ kind: 'other', otherLabel: 'l'.repeat(LIMITS.name + 1), polarity: 'risk', severity: 'low', stakeholderId: null, whatHappened: 'w'.repeat(LIMITS.longText + 1), howTheyFeel: '' }],
    });
    expect(QuickLogForm.safeParse(form).success).toBe(false);
    expect(QuickLogFormAsTyped.safeParse(form).success).toBe(true);
    const draft = { id: 'form-1', accountKey: ACCOUNT_KEY, form, updatedAt: at };
    expect(QuickLogDraft.parse(draft).form.notes).toHaveLength(LIMITS.notes + 10);
    expect(Request.safeParse({ type: 'draft.save', draft }).success).toBe(true);
  });

  it('the draft accepts everything the saved form accepts', () => {
    const full = quickLogForm({
      notes: longNote(LIMITS.notes),
      nextSteps: [{ text: 's'.repeat(LIMITS.nextStep), dueDate: '2026-12-01' }],
      internalAttendees: ['Me'],
    });
    expect(QuickLogForm.parse(full)).toEqual(QuickLogFormAsTyped.parse(full));
  });

  it('raises the caps on every other free text', () => {
    const long = 'x'.repeat(LIMITS.longText);
    expect(Signal.safeParse({ id: 's', accountKey: ACCOUNT_KEY, kind: 'other', polarity: 'risk', severity: 'low', whatHappened: long, howTheyFeel: long, occurredAt: at, detectedAt: at, detectedVia: 'call', createdAt: at, updatedAt: at }).success).toBe(true);
    expect(SuccessGoal.safeParse({ id: 'g', accountKey: ACCOUNT_KEY, title: 't'.repeat(LIMITS.goalTitle), successLooksLike: long, horizon: 'light', targetDate: null, metric: null, statusHistory: [{ status: 'working', changedAt: at, reason: long }], createdAt: at, updatedAt: at }).success).toBe(true);
    expect(Stakeholder.safeParse({ id: 'p', accountKey: ACCOUNT_KEY, name: 'n'.repeat(LIMITS.name), role: 'champion', personalityNotes: long, createdAt: at, updatedAt: at }).success).toBe(true);
    expect(CsmSettings.safeParse({ templates: [{ id: 't', name: 'n'.repeat(LIMITS.templateName), body: long }] }).success).toBe(true);
    expect(SuccessGoal.safeParse({ id: 'g', accountKey: ACCOUNT_KEY, title: 't'.repeat(LIMITS.goalTitle + 1), horizon: 'light', targetDate: null, metric: null, statusHistory: [{ status: 'working', changedAt: at }], createdAt: at, updatedAt: at }).success).toBe(false);
  });

  it('reads a CRM long text area field of any size Salesforce allows', () => {
    const value = 'd'.repeat(131_072);
    expect(RecordReading.safeParse(reading({ fields: [{ key: 'Description', label: 'Description', value }] })).success).toBe(true);
  });

  it('keeps a quick log at every cap within one runtime message (64 MiB of JSON)', () => {
    const worst = '\u0001'; // escaped as \u0001: six bytes of JSON per character
    const form = quickLogForm({
      notes: worst.repeat(LIMITS.notes),
      signals: Array.from({ length: LIMITS.signals }, () => ({ kind: 'other' as const, otherLabel: worst.repeat(LIMITS.name), polarity: 'risk' as const, severity: 'low' as const, stakeholderId: null, whatHappened: worst.repeat(LIMITS.longText), howTheyFeel: worst.repeat(LIMITS.longText) })),
      nextSteps: Array.from({ length: LIMITS.nextSteps }, () => ({ text: worst.repeat(LIMITS.nextStep), dueDate: null })),
      newAttendees: Array.from({ length: LIMITS.newAttendees }, (_, i) => `${worst.repeat(LIMITS.name - 3)}${i}`),
      internalAttendees: Array.from({ length: LIMITS.internalAttendees }, (_, i) => `${worst.repeat(LIMITS.name - 3)}${i}`),
    });
    expect(QuickLogForm.safeParse(form).success).toBe(true);
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form })).length;
    expect(bytes).toBeLessThan(64 * MB);
  });
});
