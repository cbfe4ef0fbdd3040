import { describe, expect, it } from 'vitest';
import { DAY_MS, epochMs, LatestUpTo, localNow, readClock } from './time';
import { dayNumber } from '../calendar';

describe('ISO arithmetic without Date objects', () => {
  it.each([
    '2026-11-25T09:30:00.000Z',
    '2026-11-25T09:30:00Z',
    '2026-11-25T09:30:00.5Z',
    '2026-11-25T09:30:00.123456Z',
    '2026-11-25T09:30:00+09:00',
    '2026-11-25T00:10:00.250-05:30',
    '2024-02-29T23:59:59.999Z',
    '1999-12-31T23:59:59+14:00',
    '2026-11-25T09:30Z',
  ])('reads %s as Date.parse does', (iso) => {
    expect(epochMs(iso)).toBe(Date.parse(iso));
  });

  it('says NaN for what is not a date-time', () => {
    expect(epochMs('2026-13-01T00:00:00Z')).toBeNaN();
    expect(epochMs('2026-11-25T24:00:00Z')).toBeNaN();
    expect(epochMs('2026-11-25T09:30:00.Z')).toBeNaN();
    expect(epochMs('yesterday')).toBeNaN();
  });

  it('numbers calendar days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / DAY_MS);
    expect(dayNumber('2026-11-25')).toBe(Date.UTC(2026, 10, 25) / DAY_MS);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2026-11-25T00:00:00Z')).toBeNaN();
    expect(dayNumber('2026-13-01')).toBeNaN();
    expect(dayNumber('2026/11/25')).toBeNaN();
  });

  it('takes today from a date or from a date-time as written', () => {
    expect(readClock('2026-11-25')).toEqual({ today: '2026-11-25', todayNumber: dayNumber('2026-11-25'), nowMs: Date.UTC(2026, 10, 26) - 1, nowIso: '2026-11-25T23:59:59.999Z' });
    // 08:00 in Tokyo is still the 24th in UTC, but the CSM's today is the 25th.
    const tokyo = readClock('2026-11-25T08:00:00+09:00');
    expect(tokyo.today).toBe('2026-11-25');
    expect(tokyo.nowIso).toBe('2026-11-24T23:00:00.000Z');
    expect(() => readClock('soon')).toThrow(RangeError);
  });

  it('writes the local now with its offset, readable back as the same instant', () => {
    const now = new Date('2026-11-25T08:00:00.123Z');
    const written = localNow(now);
    expect(written).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(epochMs(written)).toBe(now.getTime());
  });

  it('finds the latest instant not after now, across written forms', () => {
    const clock = readClock('2026-11-25T12:00:00.000Z');
    const latest = new LatestUpTo<{ id: string }>(clock);
    expect(latest.result()).toBeNull();
    latest.offer('2026-11-20T10:00:00.000Z', { id: 'canonical' });
    latest.offer('2026-11-21T09:00:00+09:00', { id: 'tokyo' }); // 2026-11-21T00:00Z
    latest.offer('2026-11-26T10:00:00.000Z', { id: 'planned' });
    latest.offer('2026-11-25T12:30:00+00:00', { id: 'planned-too' });
    expect(latest.result()).toEqual({ item: { id: 'tokyo' }, ms: Date.parse('2026-11-21T00:00:00Z') });
    expect(latest.latest()?.id).toBe('tokyo');
    latest.offer('2026-11-25T11:59:59.999Z', { id: 'just-now' });
    expect(latest.result()?.item.id).toBe('just-now');
    expect(latest.latest()?.id).toBe('just-now');
  });

  it('keeps the first of equal instants and knows nothing before an offer', () => {
    const latest = new LatestUpTo<{ id: string }>(readClock('2026-11-25'));
    expect(latest.latest()).toBeNull();
    latest.offer('2026-11-20T10:00:00.000Z', { id: 'a' });
    latest.offer('2026-11-20T10:00:00.000Z', { id: 'b' });
    latest.offer('2026-11-20T19:00:00+09:00', { id: 'c' });
    expect(latest.result()).toEqual({ item: { id: 'a' }, ms: Date.parse('2026-11-20T10:00:00Z') });
    latest.offer('not a date', { id: 'd' });
    expect(latest.latest()?.id).toBe('a');
  });
});
