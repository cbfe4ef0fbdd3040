import { describe, expect, it } from 'vitest';
import { withEditedEntries } from './edited-range';

describe('withEditedEntries', () => {
  it('adds the entries being edited outside the range, in order', () => {
    expect(withEditedEntries([40, 41, 42], [3, 57])).toEqual([3, 40, 41, 42, 57]);
  });

  it('keeps the range as it is when every edited entry is in it', () => {
    const range = [0, 1, 2, 3];
    expect(withEditedEntries(range, [2])).toBe(range);
    expect(withEditedEntries(range, [])).toBe(range);
  });
});
