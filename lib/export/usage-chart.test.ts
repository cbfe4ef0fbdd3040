import { describe, expect, it } from 'vitest';
import { niceStep, usageChart, type ChartBox } from './usage-chart';

const box: ChartBox = { width: 110, height: 60, top: 0, right: 0, bottom: 10, left: 10 };

describe('usage chart scaling', () => {
  it('picks round steps in whole users', () => {
    expect([0, 0.4, 1, 1.5, 3, 7, 12, 32.5, 250, 999].map(niceStep)).toEqual([1, 1, 1, 2, 5, 10, 20, 50, 500, 1000]);
  });

  it('maps the first day to the left edge, the last to the right, 0 to the axis and the top tick to the top', () => {
    const values = Array.from({ length: 11 }, (_, i) => i * 10); // 0 … 100
    const chart = usageChart(values, '2026-11-25', box);
    expect(chart).not.toBeNull();
    if (!chart) return;
    expect(chart.yMax).toBe(100);
    expect(chart.yTicks.map((t) => t.value)).toEqual([0, 50, 100]);
    expect(chart.yTicks.map((t) => t.at)).toEqual([50, 25, 0]);
    expect(chart.line.startsWith('M10 50 L20 45')).toBe(true);
    expect(chart.line.endsWith('L110 0')).toBe(true);
    expect(chart.area.endsWith('L110 50 L10 50 Z')).toBe(true);
    expect(chart.from).toBe('2026-11-15');
    expect(chart.to).toBe('2026-11-25');
    expect(chart.xTicks.map((t) => [t.day, t.at])).toEqual([['2026-11-15', 10], ['2026-11-18', 40], ['2026-11-22', 80], ['2026-11-25', 110]]);
  });

  it('keeps a flat zero line on the axis with a 0–1 scale', () => {
    const chart = usageChart(new Array<number>(90).fill(0), '2026-11-25', box);
    expect(chart?.yMax).toBe(1);
    expect(chart?.line.split(' L').every((p) => p.endsWith(' 50'))).toBe(true);
    expect(chart?.from).toBe('2026-08-28');
  });

  it('draws a single day in the middle and nothing for no days', () => {
    const one = usageChart([5], '2026-11-25', box);
    expect(one?.yMax).toBe(6); // steps of 2 users
    expect(one?.line).toBe('M60 8.3');
    expect(usageChart([], '2026-11-25', box)).toBeNull();
  });

  it('never draws outside the plot for odd values', () => {
    const chart = usageChart([Number.NaN, -5, 3, Number.POSITIVE_INFINITY], '2026-11-25', box);
    const ys = (chart?.line ?? '').split(/[ML]/).filter(Boolean).map((p) => Number(p.trim().split(' ')[1]));
    expect(ys.every((y) => y >= 0 && y <= 50)).toBe(true);
  });
});
