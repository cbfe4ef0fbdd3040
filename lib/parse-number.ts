/**
 * Text → number, read the way people write figures in English and Japanese: thousands grouped
 * by commas or spaces (`1,000`, `1 000`, `12,500.5`), full-width digits and punctuation from a
 * Japanese IME (`１，０００`, `１２．５`, `－５`), spaces around, a leading `+` or `-` (also the
 * typographic minus `−`), `.5`, and exponents (`1e3`, as exports write them).
 *
 * Not guessed: a lone comma (`1,5` is 1.5 in much of Europe, 15 nowhere), units and currency
 * (`12%`, `$5`, `1万`). What counts as "no value" (an empty field, `N/A` in a usage file) is the
 * caller's to decide; here blank text is only reported as `empty`.
 */

/** Longer than any figure a person writes (64 digits is 1e63): refused before any other work. */
export const NUMBER_TEXT_MAX = 64;

export type NumberProblem = 'empty' | 'not-a-number' | 'not-finite' | 'too-long';

export type NumberReading = { ok: true; value: number } | { ok: false; problem: NumberProblem };

const NON_ASCII = /[^\x00-\x7f]/;
const PLAIN = /^[-+]?\d+(?:\.\d+)?$/;
// The first group never starts with 0: `0,500` is a decimal comma, not five hundred.
const GROUPED = /^[-+]?[1-9]\d{0,2}(?:(?:,\d{3})+|(?: \d{3})+)(?:\.\d+)?$/;
const LEADING_POINT = /^[-+]?\.\d+$/;
const SCIENTIFIC = /^[-+]?(?:\d+\.?\d*|\.\d+)e[-+]?\d+$/i;
// JSON.parse turns an overflowing figure (1e400) into Infinity, which reaches here as text.
const INFINITE = /^[-+]?(?:infinity|∞)$/i;

const fail = (problem: NumberProblem): NumberReading => ({ ok: false, problem });

export function parseNumber(raw: string): NumberReading {
  let t = raw.trim();
  if (t === '') return fail('empty');
  if (t.length > NUMBER_TEXT_MAX) return fail('too-long');
  // Most figures are plain ASCII digits: one test, no normalising.
  if (!PLAIN.test(t)) {
    // NFKC folds full-width digits, `，` `．` `＋` `－` and the ideographic, no-break and narrow
    // no-break spaces to ASCII; the typographic minus it leaves alone.
    if (NON_ASCII.test(t)) t = t.normalize('NFKC').replace(/^\u2212/, '-').trim();
    if (INFINITE.test(t)) return fail('not-finite');
    if (GROUPED.test(t)) t = t.replace(/[, ]/g, '');
    else if (!PLAIN.test(t) && !LEADING_POINT.test(t) && !SCIENTIFIC.test(t)) return fail('not-a-number');
  }
  const value = Number(t);
  if (!Number.isFinite(value)) return fail('not-finite');
  // `-0` reads as 0: shown as "-0" it would look like a mistake.
  return { ok: true, value: value === 0 ? 0 : value };
}
