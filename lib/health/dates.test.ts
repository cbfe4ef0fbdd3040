import { describe, expect, it } from 'vitest';
import { dateOf, upperBound } from './dates';
import { dateOfDay, dayNumber } from '../calendar';

describe('day numbers', () => {
  it('agree with Date for every day across leap years and century rules', () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(1899, 11, 1); ms <= Date.UTC(2101, 2, 1); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const day = ms / 86_400_000;
      if (dayNumber(date) !== day || dateOfDay(day) !== date) wrong.push(date);
    }
    expect(wrong).toEqual([]);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(dayNumber('2100-03-01') - dayNumber('2100-02-28')).toBe(1);
    expect(dateOfDay(dayNumber('2000-02-28') + 1)).toBe('2000-02-29');
  });

  it('reads the local date of a date-time', () => {
    expect(dateOf('2026-11-20T23:30:00-05:00')).toBe('2026-11-20');
  });

  it('finds the first point after a date by binary search', () => {
    const points = ['2026-01-01', '2026-01-02', '2026-01-05', '2026-01-09'].map((date) => ({ date }));
    expect(upperBound(points, '2025-12-31')).toBe(0);
    expect(upperBound(points, '2026-01-02')).toBe(2);
    expect(upperBound(points, '2026-01-04')).toBe(2);
    expect(upperBound(points, '2026-01-09')).toBe(4);
    expect(upperBound([], '2026-01-09')).toBe(0);
  });
});
