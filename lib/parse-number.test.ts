import { describe, expect, it } from 'vitest';
import { NUMBER_TEXT_MAX, parseNumber } from './parse-number';

describe('parseNumber', () => {
  it.each([
    ['1000', 1000],
    ['1,000', 1000],
    ['1 000', 1000],
    ['12,500.5', 12500.5],
    ['1,234,567.25', 1234567.25],
    ['  42  ', 42],
    ['12.5', 12.5],
    ['.5', 0.5],
    ['-3', -3],
    ['+3', 3],
    ['-1,000', -1000],
    ['-0', 0],
    ['1e3', 1000],
    ['2.5E-3', 0.0025],
    // Full-width digits and punctuation, as a Japanese IME types them.
    ['１，０００', 1000],
    ['１２．５', 12.5],
    ['－１，０００', -1000],
    ['＋５', 5],
    ['１２３', 123],
    // Ideographic space around and between groups; no-break and narrow no-break spaces.
    ['\u3000１\u3000０００\u3000', 1000],
    ['1\u00a0000', 1000],
    ['12\u202f500', 12500],
    // The typographic minus sign (Word, macOS).
    ['\u22125', -5],
  ])('reads %j as %d', (raw, value) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value });
  });

  it.each(['', '   ', '\u3000'])('calls %j empty', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, problem: 'empty' });
  });

  it.each([
    'abc',
    // A lone comma may be a decimal comma (1,5 = 1.5 in much of Europe): refused, not guessed.
    '1,5',
    '12,34',
    '0,500',
    '1,000 000',
    '1,00,000',
    '1.2.3',
    '1 2',
    '12%',
    '$5',
    '1万',
    '--5',
    '5-',
    'NaN',
    'e5',
  ])('refuses %j as not a number', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, problem: 'not-a-number' });
  });

  it.each(['1e400', '-1e400', '1E999', 'Infinity', '-Infinity', '∞'])('refuses %j as not finite', (raw) => {
    expect(parseNumber(raw)).toEqual({ ok: false, problem: 'not-finite' });
  });

  it('refuses text longer than any written number before reading it', () => {
    expect(parseNumber('9'.repeat(NUMBER_TEXT_MAX))).toEqual({ ok: true, value: Number('9'.repeat(NUMBER_TEXT_MAX)) });
    expect(parseNumber('9'.repeat(NUMBER_TEXT_MAX + 1))).toEqual({ ok: false, problem: 'too-long' });
    // A run of digits that would read as Infinity, and one of 12 MB.
    expect(parseNumber('1'.repeat(400))).toEqual({ ok: false, problem: 'too-long' });
    expect(parseNumber('1'.repeat(12 * 1024 * 1024))).toEqual({ ok: false, problem: 'too-long' });
    // Spaces around do not count.
    expect(parseNumber(` ${'1'.repeat(NUMBER_TEXT_MAX)} `).ok).toBe(true);
  });
});
