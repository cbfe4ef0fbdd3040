/**
 * Lines of a pasted meeting transcript: WebVTT captions as Zoom, Teams and Meet export them (or
 * SRT), or plain text. The notes keep the text as pasted; this says which lines are words spoken,
 * who spoke them, and when, with the markup blanked out so a phrase's range is still its range
 * in the notes.
 */

/** 00:01:02.500 --> 00:01:05.000 (VTT) or 00:01:02,500 --> … (SRT). */
const CUE_TIMING = /^\s*((?:\d{1,2}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->/;
/** Header and blocks of a VTT file that are not words spoken. */
const VTT_BLOCK = /^(?:WEBVTT|NOTE(?:\s|$)|STYLE\s*$|REGION\s*$|Kind:|Language:)/;
/** A cue's own id line: a number (Zoom, SRT) or a Teams id such as 1b4c…/17-0. */
const CUE_ID = /^\s*(?:\d+|[0-9a-f]{8}-[0-9a-f-]{27,}(?:\/\d+-\d+)?)\s*$/i;
/** Teams and Meet name the speaker in a voice tag: <v Priya Raman>…</v>. */
const VOICE_TAG = /^\s*<v(?:\.[^\s>]+)?\s+([^>]+)>/;
/** Zoom writes “Priya Raman: …” at the start of a cue's text. */
const SPEAKER_PREFIX = /^\s*([^:：\d][^:：]{0,40})[:：]\s/;

/** True when the notes are a caption file (they start with WEBVTT, or hold cue timings). */
export function isCaptionFile(notes: string): boolean {
  return /^\uFEFF?\s*WEBVTT/.test(notes) || notes.slice(0, 2000).split('\n').some((line) => CUE_TIMING.test(line));
}

export type TranscriptLine =
  | { spoken: false; cueTime: string | null }
  | { spoken: true; text: string; speaker: string | null };

/** What one line of a caption file is; `text` has its tags blanked with spaces (same length). */
export function captionLine(line: string): TranscriptLine {
  const timing = CUE_TIMING.exec(line);
  if (timing) return { spoken: false, cueTime: timing[1]?.replace(',', '.') ?? null };
  if (VTT_BLOCK.test(line) || CUE_ID.test(line) || line.trim() === '') return { spoken: false, cueTime: null };
  const voice = VOICE_TAG.exec(line)?.[1]?.trim() ?? null;
  const text = line.replace(/<[^>]*>/g, (tag) => ' '.repeat(tag.length));
  const speaker = voice ?? SPEAKER_PREFIX.exec(text)?.[1]?.trim() ?? null;
  return { spoken: true, text, speaker };
}
