/**
 * Suggestions for a whole note: each line read once (a line typed again or left alone comes from
 * the cache, so typing in a long note reads only the line that changed), transcripts' speakers
 * and cue times, and one tone for the note when its words are clearly warm or cold. Stepwise, so
 * a pasted transcript of megabytes is read in slices between keystrokes.
 */
import type { Tone } from '../model/interaction';
import { readLine, type LineReading, type LineSuggestion, type Matcher, type ToneTally } from './match';
import { captionLine, isCaptionFile } from './transcript';

export interface Suggestion extends LineSuggestion {
  /** 1-based line of the notes. */
  line: number;
  /** The cue's start time when the notes are a caption file (00:12:05.000). */
  cueTime: string | null;
}

export interface ToneSuggestion {
  tone: Tone;
  /** The words that made it, as written (a few). */
  words: string[];
}

/** Line readings by line (and how it was read), kept from one reading of the notes to the next. */
export type LineCache = Map<string, LineReading>;

export interface NotesReading {
  suggestions: Suggestion[];
  tone: ToneSuggestion | null;
  cache: LineCache;
}

/** Lines read between two pauses of the stepwise reader. */
const LINES_PER_STEP = 32;

/**
 * Reads `notes`, pausing (yield) every few lines so the caller can give the page back to typing.
 * `previous` holds the last reading's lines (same matcher); the result carries this reading's.
 */
export function* readNotesStepwise(notes: string, matcher: Matcher, previous: LineCache = new Map()): Generator<void, NotesReading> {
  const caption = isCaptionFile(notes);
  const cache: LineCache = new Map();
  const suggestions: Suggestion[] = [];
  const tally: ToneTally = { enthusiastic: 0, positive: 0, hesitant: 0, negative: 0 };
  const words: string[] = [];
  let cueTime: string | null = null;
  let lineStart = 0;
  let lineNumber = 0;
  while (lineStart <= notes.length) {
    const newline = notes.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? notes.length : newline;
    const raw = notes.slice(lineStart, lineEnd);
    lineNumber++;
    let text = raw;
    let speaker: string | null = null;
    let spoken = raw.trim() !== '';
    if (caption) {
      const read = captionLine(raw);
      if (read.spoken) ({ text, speaker } = read);
      else {
        spoken = false;
        if (read.cueTime) cueTime = read.cueTime;
      }
    }
    if (spoken) {
      const key = `${speaker ?? ''}\u0000${text}`;
      const reading = cache.get(key) ?? previous.get(key) ?? readLine(text, matcher, speaker);
      cache.set(key, reading);
      for (const s of reading.suggestions) suggestions.push({ ...s, start: lineStart + s.start, end: lineStart + s.end, line: lineNumber, cueTime: caption ? cueTime : null });
      for (const tone of Object.keys(tally) as Array<keyof ToneTally>) tally[tone] += reading.tone[tone];
      if (words.length < 6) words.push(...reading.toneWords.slice(0, 6 - words.length));
    }
    if (lineNumber % LINES_PER_STEP === 0) yield;
    lineStart = lineEnd + 1;
  }
  return { suggestions, tone: toneOf(tally, words), cache };
}

/** Reads the whole of `notes` at once (tests, the bench, short notes). */
export function readNotes(notes: string, matcher: Matcher, previous?: LineCache): NotesReading {
  const steps = readNotesStepwise(notes, matcher, previous);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * A tone only when the words are clearly one way: at least two points of warmth (a strong word
 * counts two) and three times as much as the cold, or the other way round.
 */
export function toneOf(tally: ToneTally, words: string[]): ToneSuggestion | null {
  const warm = tally.enthusiastic + tally.positive;
  const cold = tally.negative + tally.hesitant;
  if (warm >= 2 && warm >= 3 * cold) return { tone: tally.enthusiastic >= 2 && warm >= 3 ? 'enthusiastic' : 'positive', words };
  if (cold >= 2 && cold >= 3 * warm) return { tone: tally.negative >= tally.hesitant ? 'negative' : 'hesitant', words };
  return null;
}
