import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Request } from './messaging/protocol';
import { contentProblem, describeContentProblem, firstContentProblem } from './content-problem';
import { validationErrorData, toErrorData } from './errors';
import { LIMITS } from './model/limits';
import { CsmSettings } from './model/settings';
import { ACCOUNT_KEY, quickLogForm } from '@/tests/unit/factories';

const at = '2026-11-25T10:00:00.000Z';

function refusal(message: unknown, locale: 'en' | 'ja' = 'en') {
  const parsed = Request.safeParse(message);
  if (parsed.success) throw new Error('expected a refusal');
  return validationErrorData(parsed.error.issues, message, locale);
}

describe('content problems in the user’s words', () => {
  it('says a note is too long, with its limit and length, in English and Japanese', () => {
    const message = { type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: 'x'.repeat(LIMITS.notes + 12) }), saveId: crypto.randomUUID() };
    expect(refusal(message)).toEqual({
      code: 'invalid-content',
      detail: 'This note is longer than 5,000,000 characters (5,000,012 now).',
      field: 'notes',
      limit: LIMITS.notes,
    });
    expect(refusal(message, 'ja').detail).toBe('このメモが5,000,000文字を超えています（現在5,000,012文字）。');
  });

  it('names the field of an edited record by its store: a goal’s title, a person’s job title', () => {
    const goal = { id: 'g', accountKey: ACCOUNT_KEY, title: 't'.repeat(LIMITS.goalTitle + 1), horizon: 'light', targetDate: null, metric: null, statusHistory: [{ status: 'working', changedAt: at }], createdAt: at, updatedAt: at };
    expect(refusal({ type: 'entry.save', entry: { store: 'goals', record: goal }, baseRevision: null }).detail).toBe('The goal is longer than 300 characters (301 now).');
    expect(refusal({ type: 'entry.save', entry: { store: 'goals', record: { ...goal, title: '' } }, baseRevision: null }).detail).toBe('The goal is empty.');
    const person = { id: 'p', accountKey: ACCOUNT_KEY, name: 'Ann', title: 'x'.repeat(LIMITS.name + 1), role: 'champion', createdAt: at, updatedAt: at };
    expect(refusal({ type: 'entry.save', entry: { store: 'stakeholders', record: person }, baseRevision: null })).toMatchObject({ code: 'invalid-content', field: 'stakeholderTitle', detail: 'The job title is longer than 200 characters (201 now).' });
    expect(refusal({ type: 'entry.save', entry: { store: 'stakeholders', record: person }, baseRevision: null }, 'ja').detail).toBe('役職が200文字を超えています（現在201文字）。');
  });

  it('counts lists and bounds numbers', () => {
    const steps = Array.from({ length: LIMITS.nextSteps + 1 }, () => ({ text: 'Call', dueDate: null }));
    expect(refusal({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ nextSteps: steps }), saveId: crypto.randomUUID() })).toMatchObject({ field: 'nextSteps', detail: 'Too many next steps: at most 100 (101 now).' });
    expect(refusal({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ nextSteps: steps }), saveId: crypto.randomUUID() }, 'ja').detail).toBe('次のアクションは100件までです（現在101件）。');
    expect(refusal({ type: 'settings.save', settings: { ...CsmSettings.parse({}), toneStaleDays: 400 } }).detail).toBe(
      'The days before tone is flagged as stale must be 365 or less.',
    );
    const templates = [{ id: 't', name: 'Check-in', body: 'b'.repeat(LIMITS.longText + 1) }];
    expect(refusal({ type: 'settings.save', settings: { ...CsmSettings.parse({}), templates } })).toMatchObject({ field: 'templateBody', limit: LIMITS.longText });
  });

  it('keeps “a message it does not understand” for protocol mismatches only', () => {
    for (const message of [undefined, {}, { type: 'nope' }, { type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: {} }, { type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: quickLogForm({ occurredAt: 'last tuesday' }), saveId: crypto.randomUUID() }]) {
      expect(refusal(message).code).toBe('invalid-message');
    }
    // A content problem mixed with a protocol one is a protocol mismatch: the sender is not this version.
    expect(refusal({ type: 'quickLog.save', accountKey: ACCOUNT_KEY, form: { ...quickLogForm({ notes: 'x'.repeat(LIMITS.notes + 1) }), type: 'telegram' } }).code).toBe('invalid-message');
  });

  it('maps a validation error thrown inside a handler too', () => {
    const schema = z.object({ notes: z.string().max(3) });
    const thrown = (() => {
      try {
        schema.parse({ notes: 'abcd' });
      } catch (error) {
        return error;
      }
    })();
    expect(toErrorData(thrown, { notes: 'abcd' })).toMatchObject({ code: 'invalid-content', field: 'notes', limit: 3 });
  });

  it('describes each kind of problem', () => {
    expect(describeContentProblem('en', { field: 'healthWeight', problem: 'too-low', limit: 0 })).toBe('A health score weight must be 0 or more.');
    expect(describeContentProblem('ja', { field: 'stakeholderName', problem: 'required' })).toBe('氏名が入力されていません。');
    const issues = z.object({ name: z.string().min(1) }).safeParse({ name: '' }).error?.issues ?? [];
    expect(firstContentProblem(issues, { name: '' })).toEqual({ field: 'entry', problem: 'required' });
    expect(contentProblem({ code: 'invalid_type', expected: 'string', path: ['notes'], message: '', input: 1 }, {})).toBeNull();
  });
});
