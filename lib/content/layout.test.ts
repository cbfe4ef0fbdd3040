import { describe, expect, it } from 'vitest';
import { SidebarLayout } from '../model/sidebar-layout';
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

  it('agrees with the SidebarLayout schema', () => {
    const stored: unknown[] = [
      { width: 500, collapsed: true },
      { width: 500, collapsed: false, extra: 'x' },
      { width: Number.NaN, collapsed: false },
      { width: Number.POSITIVE_INFINITY, collapsed: false },
      { width: -3.5, collapsed: true },
      { width: '500', collapsed: true },
      { width: 500, collapsed: 'yes' },
      { width: 500 },
      Object.create({ width: 500, collapsed: true }),
      [],
      null,
      'wide',
      undefined,
    ];
    for (const value of stored) {
      const parsed = SidebarLayout.safeParse(value);
      expect(parseLayout(value), String(value)).toEqual(parsed.success ? parsed.data : DEFAULT_LAYOUT);
    }
  });
});
