import { describe, expect, it } from 'vitest';
import { dayOfWeek, dayNumber } from '../calendar';
import { isWorkingDay, median, windowFigures } from './working-days';

describe('dayOfWeek', () => {
  it('counts from Sunday (0) to Saturday (6), before 1970 too', () => {
    expect(dayOfWeek(dayNumber('1970-01-01'))).toBe(4); // a Thursday
    expect(dayOfWeek(dayNumber('2026-06-28'))).toBe(0);
    expect(dayOfWeek(dayNumber('2026-06-30'))).toBe(2);
    expect(dayOfWeek(dayNumber('2026-11-28'))).toBe(6);
    expect(dayOfWeek(dayNumber('1969-12-31'))).toBe(3);
    expect(dayOfWeek(dayNumber('2000-02-29'))).toBe(2);
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday', () => {
    const week = ['2026-06-28', '2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04'];
    expect(week.map(isWorkingDay)).toEqual([false, true, true, true, true, true, false]);
  });

  it('leaves out New Year, Golden Week and Obon', () => {
    // New Year: 29 Dec – 3 Jan (2026-12-28 is a Monday, 2027-01-04 a Monday).
    expect(['2026-12-28', '2026-12-29', '2026-12-31', '2027-01-01', '2027-01-04'].map(isWorkingDay)).toEqual([true, false, false, false, true]);
    // Golden Week: 29 Apr – 5 May (2026-04-28 a Tuesday, 2026-05-06 a Wednesday).
    expect(['2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01', '2026-05-04', '2026-05-05', '2026-05-06'].map(isWorkingDay))
      .toEqual([true, false, false, false, false, false, true]);
    // Obon: 13 – 16 Aug (2026-08-12 a Wednesday, 2026-08-17 a Monday).
    expect(['2026-08-12', '2026-08-13', '2026-08-14', '2026-08-17'].map(isWorkingDay)).toEqual([true, false, false, true]);
  });
});

describe('median', () => {
  it('is the middle figure, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([100, 36, 98, 102, 36])).toBe(98);
    expect(median([1, 4, 2, 3])).toBe(2.5);
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]); // the caller's order is left alone
  });
});

describe('windowFigures', () => {
  it('splits a slice of points into working days and all days, newest first', () => {
    const points = ['2026-06-26', '2026-06-27', '2026-06-28', '2026-06-29', '2026-06-30'].map((date, i) => ({ date, value: i }));
    expect(windowFigures(points, 1, 5)).toEqual({ working: [4, 3], all: [4, 3, 2, 1] });
    expect(windowFigures(points, 2, 2)).toEqual({ working: [], all: [] });
  });
});
