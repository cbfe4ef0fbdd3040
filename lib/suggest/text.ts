/**
 * A line of notes as the matcher reads it: normalised without moving any character (so a
 * phrase's range is its range in the notes), its Japanese word boundaries from the platform's
 * `Intl.Segmenter` (no dictionary to download), its sentences and clauses.
 */
import { CLAUSE_BREAKS } from './rules';

/**
 * Full-width ASCII (ＲＯＩ), the ideographic space and curly apostrophes as their plain forms,
 * one character for one, so offsets stay those of the original text.
 */
export function normaliseKeepingOffsets(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000\u2018\u2019]/g, (c) => {
    if (c === '\u3000') return ' ';
    if (c === '\u2018' || c === '\u2019') return "'";
    return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

export const hasJapanese = (text: string) => /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/.test(text);
export const hasLatin = (text: string) => /[A-Za-z]/.test(text);

let segmenter: Intl.Segmenter | undefined;

/** Where the words of a line start and end (Japanese and English alike). */
export interface Words {
  text: string;
  boundaries: Set<number>;
  /** For each word's start, where it ends. */
  segmentEnds: Map<number, number>;
}

export function wordsOf(text: string): Words {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const boundaries = new Set<number>([0, text.length]);
  const segmentEnds = new Map<number, number>();
  for (const { index, segment } of segmenter.segment(text)) {
    boundaries.add(index + segment.length);
    segmentEnds.set(index, index + segment.length);
  }
  return { text, boundaries, segmentEnds };
}

const HIRAGANA_ONLY = /^[\u3041-\u309f]+$/;

/**
 * True when a Japanese match [start, end) stands as words of its own: it starts where a word
 * starts, and ends where one ends or only a verb's or adjective's ending follows in the same word
 * (乗り換え|る). 退職 in 退職金 does not.
 */
export function standsAlone(words: Words, start: number, end: number, openEnd: boolean): boolean {
  if (!words.boundaries.has(start)) return false;
  if (openEnd || words.boundaries.has(end)) return true;
  let segmentStart = end;
  while (segmentStart > start && !words.segmentEnds.has(segmentStart)) segmentStart--;
  const segmentEnd = words.segmentEnds.get(segmentStart);
  return segmentEnd !== undefined && segmentEnd > end && HIRAGANA_ONLY.test(words.text.slice(end, segmentEnd));
}

const SENTENCE_END = /[.!?。！？\n]/;
/** The sentence around [start, end): from after the previous full stop to the next one. */
export function sentenceAround(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  while (from > 0 && !(SENTENCE_END.test(text[from - 1] ?? '') && isSentenceStop(text, from - 1))) from--;
  let to = end;
  while (to < text.length && !(SENTENCE_END.test(text[to] ?? '') && isSentenceStop(text, to))) to++;
  return { from, to: Math.min(text.length, to + 1) };
}
/** A full stop ends a sentence unless it sits inside a number (2.5) or follows Mr/Ms/Dr. */
function isSentenceStop(text: string, at: number): boolean {
  if (text[at] !== '.') return true;
  if (/\d/.test(text[at - 1] ?? '') && /\d/.test(text[at + 1] ?? '')) return false;
  return !/(?:^|\s)(?:Mr|Ms|Mrs|Dr|vs|e\.g|i\.e)$/i.test(text.slice(Math.max(0, at - 5), at));
}

const CLAUSE_PUNCTUATION = /[,;:.!?、。！？\n—–()（）「」]/;
const EN_BREAK = new RegExp(`(?<![A-Za-z])(?:${CLAUSE_BREAKS.en.join('|')})(?![A-Za-z])`, 'i');
const JA_BREAK = new RegExp(CLAUSE_BREAKS.ja.join('|'));

/** The text from `at` back to where its clause starts (a comma, “but”, が、 …). */
export function clauseBefore(text: string, at: number): string {
  let from = at;
  while (from > 0 && !CLAUSE_PUNCTUATION.test(text[from - 1] ?? '')) from--;
  const before = text.slice(from, at);
  const words = [...before.matchAll(new RegExp(EN_BREAK.source, 'gi'))];
  const lastBreak = words.at(-1);
  return lastBreak?.index === undefined ? before : before.slice(lastBreak.index + lastBreak[0].length);
}

/** The text from `at` on to where its clause ends. */
export function clauseAfter(text: string, at: number): string {
  let to = at;
  while (to < text.length && !CLAUSE_PUNCTUATION.test(text[to] ?? '')) to++;
  const after = text.slice(at, to);
  const cut = [EN_BREAK.exec(after)?.index, JA_BREAK.exec(after)?.index].filter((i): i is number => i !== undefined);
  return cut.length ? after.slice(0, Math.min(...cut)) : after;
}
