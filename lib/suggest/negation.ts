/**
 * Whether a phrase found in a line is denied or hedged away (“not leaving”, 退職はしない, “no
 * budget cut this year”, “unlikely to switch”, 可能性は低い), or said to be over (“fixed”, 解決済み).
 * Speculation that points toward the signal (“might be moving on”, 退職するかもしれない) is not a
 * negation: the CSM wants to hear of it early.
 */
import { NEGATIONS } from './rules';
import { englishPattern } from './patterns';
import { clauseAfter, clauseBefore } from './text';

export interface Cancellers {
  en: RegExp[];
  ja: readonly string[];
}

/** English words looked at before a phrase, and Japanese characters after it. */
const WORDS_BEFORE = 4;
const WORDS_AFTER = 5;
const JA_CHARACTERS_AFTER = 15;
const CANCELLER_CHARACTERS_AFTER = 40;

let compiled: { before: RegExp[]; after: RegExp[]; clause: RegExp[] } | undefined;
function englishNegations() {
  compiled ??= { before: NEGATIONS.en.before.map(englishPattern), after: NEGATIONS.en.after.map(englishPattern), clause: NEGATIONS.en.clause.map(englishPattern) };
  return compiled;
}

const anyMatch = (patterns: readonly RegExp[], text: string) =>
  patterns.some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });

/** The last `count` words of `text` (a Japanese run counts as one). */
function lastWords(text: string, count: number): string {
  return text.trimEnd().split(/\s+/).slice(-count).join(' ');
}
function firstWords(text: string, count: number): string {
  return text.trimStart().split(/\s+/).slice(0, count).join(' ');
}

/** A Japanese negation after the phrase, leaving out what only looks like one (かもしれない). */
function japaneseNegationAfter(after: string): boolean {
  let window = after.slice(0, JA_CHARACTERS_AFTER);
  for (const lookalike of NEGATIONS.ja.notNegations) window = window.split(lookalike).join('〇');
  return NEGATIONS.ja.after.some((cue) => window.includes(cue));
}

/** True when the phrase at [start, end) of `text` is denied, hedged away or said to be over. */
export function isNegated(text: string, start: number, end: number, cancellers: Cancellers | null, wordsBefore = WORDS_BEFORE): boolean {
  const { before, after, clause } = englishNegations();
  const clauseStart = clauseBefore(text, start);
  const clauseEnd = clauseAfter(text, end);
  if (anyMatch(before, lastWords(clauseStart, wordsBefore))) return true;
  // Clause-wide denials scope over a phrase, not over a tone word read with its near neighbours.
  if (wordsBefore === WORDS_BEFORE && anyMatch(clause, clauseStart)) return true;
  if (anyMatch(after, firstWords(clauseEnd, WORDS_AFTER))) return true;
  if (japaneseNegationAfter(clauseEnd)) return true;
  if (!cancellers) return false;
  const rest = clauseEnd.slice(0, CANCELLER_CHARACTERS_AFTER);
  return anyMatch(cancellers.en, rest) || cancellers.ja.some((cue) => japaneseCueStands(rest, cue));
}

/** A Japanese cue that is not itself denied: 解決し in 解決した, not in 解決していない. */
const JA_CUE_DENIED = /^[ぁ-ゖ]{0,4}(?:ない|なかっ|ません|ず)/;
function japaneseCueStands(text: string, cue: string): boolean {
  for (let at = text.indexOf(cue); at !== -1; at = text.indexOf(cue, at + 1)) {
    if (!JA_CUE_DENIED.test(text.slice(at + cue.length))) return true;
  }
  return false;
}
