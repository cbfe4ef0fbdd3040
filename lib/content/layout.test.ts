import { describe, expect, it } from 'vitest';
import { clampWidth, DEFAULT_LAYOUT, parseLayout } from './layout';

describe('sidebar layout', () => {
  it('keeps the width usable and the page visible', () => {
    expect(clampWidth(100, 1600)).toBe(280);
    expect(clampWidth(5000, 1600)).toBe(720);
    expect(clampWidth(700, 900)).toBe(580);
    expect(clampWidth(400, 500)).toBe(280);
  });

  it('falls back to the default for anything unreadable', () => {
    expect(parseLayout(undefined)).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout({ width: 'wide' })).toEqual(DEFAULT_LAYOUT);
    expect(parseLayout({ width: 500, collapsed: true })).toEqual({ width: 500, collapsed: true });
  });
});
