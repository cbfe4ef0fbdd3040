import { describe, expect, it } from 'vitest';
import { excerptAround, excerptText } from './excerpt';

describe('excerptAround', () => {
  it('keeps a short sentence whole', () => {
    expect(excerptAround('CFO asked about ROI again.', 'ROI')).toEqual({ before: 'CFO asked about ', phrase: 'ROI', after: ' again.' });
  });
  it('cuts a long line around the phrase, at spaces, marking what was left out', () => {
    const line = `${'word '.repeat(100)}they are evaluating alternatives now ${'more '.repeat(100)}`;
    const e = excerptAround(line, 'alternatives', 30);
    expect(e.phrase).toBe('alternatives');
    expect(e.before.startsWith('…')).toBe(true);
    expect(e.after.endsWith('…')).toBe(true);
    expect(excerptText(e).length).toBeLessThan(90);
    expect(excerptText(e)).toContain('they are evaluating alternatives now');
  });
});
