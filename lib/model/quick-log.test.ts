import { describe, expect, it } from 'vitest';
import { applyNotesEdit, notesEditBetween, QuickLogDraftUpdate } from './quick-log';
import { ACCOUNT_KEY, quickLogForm } from '@/tests/unit/factories';

describe('notes sent as an edit', () => {
  const cases: [string, string][] = [
    ['Kickoff went well', 'Kickoff went really well'],
    ['Kickoff went well', 'Kickoff went'],
    ['abc', 'abc'],
    ['', 'typed'],
    ['typed', ''],
    ['aaaa', 'aaaaa'],
    ['顧客の定例', '顧客との定例'],
    ['smile 😀 end', 'smile 😃 end'],
    ['😀', '😀😃'],
    ['x😀y', 'x😀😀y'],
  ];
  it.each(cases)('turns %j into %j', (before, after) => {
    const edit = notesEditBetween(before, after);
    expect(applyNotesEdit(before, edit)).toBe(after);
    // No lone surrogate in what travels (it would not survive UTF-8).
    expect(edit.insert.isWellFormed()).toBe(true);
  });

  it('is small for a keystroke in a megabyte', () => {
    const before = 'x'.repeat(1024 * 1024);
    const after = `${before.slice(0, 500_000)}Q${before.slice(500_000)}`;
    expect(notesEditBetween(before, after)).toEqual({ at: 500_000, remove: 0, insert: 'Q' });
  });

  it('is part of what draft.save carries', () => {
    const draft = { id: 'form-1', accountKey: ACCOUNT_KEY, form: quickLogForm({ notes: '' }), updatedAt: '2026-11-25T10:00:00.000Z', version: { writer: 'w', seq: 2 }, notesEdit: { base: { writer: 'w', seq: 1 }, at: 3, remove: 0, insert: 'x' } };
    expect(QuickLogDraftUpdate.parse(draft).notesEdit).toEqual(draft.notesEdit);
  });
});
