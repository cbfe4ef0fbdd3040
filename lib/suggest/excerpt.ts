/**
 * The part of a sentence to show around a suggested phrase (a transcript's line can be a whole
 * meeting without a full stop): up to `around` characters each side, cut at a space when one is
 * near, with “…” where something was left out.
 */
export interface Excerpt {
  before: string;
  phrase: string;
  after: string;
}

export function excerptAround(sentence: string, phrase: string, around = 60): Excerpt {
  const at = Math.max(0, sentence.indexOf(phrase));
  const end = at + phrase.length;
  let from = Math.max(0, at - around);
  let to = Math.min(sentence.length, end + around);
  const space = sentence.indexOf(' ', from);
  if (from > 0 && space !== -1 && space < at && space - from < 15) from = space + 1;
  const lastSpace = sentence.lastIndexOf(' ', to);
  if (to < sentence.length && lastSpace > end && to - lastSpace < 15) to = lastSpace;
  return {
    before: (from > 0 ? '…' : '') + sentence.slice(from, at),
    phrase: sentence.slice(at, end),
    after: sentence.slice(end, to) + (to < sentence.length ? '…' : ''),
  };
}

/** The excerpt as one line of text (what happened, for an accepted suggestion). */
export const excerptText = (e: Excerpt) => `${e.before}${e.phrase}${e.after}`;
