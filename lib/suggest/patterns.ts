/**
 * Turns the phrases of ./rules.ts (and the CSM's own) into regular expressions, once per set of
 * rules. The syntax is described at the top of ./rules.ts.
 */

/** Between two English words: spaces or hyphens, or a few Japanese characters in a mixed note (budgetはfreeze). */
const EN_SEP = "(?:[\\s\\-]|[^\\x00-\\x7F、。！？「」]){1,8}";
/** `…` in English: up to five words in between (`…2`: two), never across a comma or a sentence's end. */
const enGap = (words: number) => `(?:${EN_SEP}[A-Za-z0-9'%$#]+){0,${words}}`;
/** `…` in Japanese: up to twelve characters in between (`…4`: four), within the sentence. */
const jaGap = (characters: number) => `[^。！？!?\\n]{0,${characters}}?`;
/** A gap slot, `…` or `…N`; null when the slot is a word. */
function gapLength(slot: string, otherwise: number): number | null {
  const gap = /^…(\d*)$/.exec(slot);
  return gap ? (gap[1] ? Number(gap[1]) : otherwise) : null;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A verb with its regular endings (`leave~`: leave, leaves, leaved, leaving; `slip~`: slips,
 * slipped, slipping; `deny~`: denies, denied, denying), so a rule names a verb once.
 */
function verbForms(verb: string): string {
  const stem = verb.slice(0, -1);
  if (verb.endsWith('e')) return `${escape(stem)}(?:e|es|ed|ing)`;
  if (/[^aeiou]y$/.test(verb)) return `${escape(stem)}(?:y|ies|ied|ying)`;
  const last = verb.slice(-1);
  return `${escape(verb)}(?:s|es|${last}?ed|${last}?ing)?`;
}

/** One word of a slot's alternative: `word*` (starting with), `*n't` (ending with), `verb~` (its endings). */
function englishWord(word: string): string {
  const open = word.endsWith('*');
  const suffix = word.startsWith('*');
  const core = word.endsWith('~') ? verbForms(word.slice(0, -1)) : escape(word.replace(/^\*|\*$/g, ''));
  return `${suffix ? '[A-Za-z]*' : ''}${core}${open ? "[A-Za-z'-]*" : ''}`;
}

/** One English word slot: `a|b`, each alternative a word or words joined by `_` (`a|sign_off`). */
function englishSlot(slot: string, first: boolean): string {
  const alternatives = slot.split('|').map((alternative) => {
    const body = alternative.split('_').map(englishWord).join(EN_SEP);
    // A word starting with an apostrophe ('s) follows its word directly.
    return first && !alternative.startsWith('*') && /^[A-Za-z0-9]/.test(alternative) ? `(?<![A-Za-z0-9])${body}` : body;
  });
  return `(?:${alternatives.join('|')})`;
}

/** An English phrase as a regular expression (whole words, any case). */
export function englishPattern(phrase: string): RegExp {
  let source = '';
  let first = true;
  for (const slot of phrase.trim().split(/\s+/)) {
    const gap = gapLength(slot, 5);
    if (gap !== null) {
      source += enGap(gap);
      continue;
    }
    source += (first ? '' : EN_SEP) + englishSlot(slot, first);
    first = false;
  }
  return new RegExp(`${source}(?![A-Za-z0-9])`, 'gi');
}

/**
 * A Japanese phrase as a regular expression. The last part's alternatives written with `*` are
 * captured in the group `open` (no boundary needed at their end), the others in `closed`.
 */
export function japanesePattern(phrase: string): RegExp {
  // Each gap's length (`…` twelve characters, `…4` four), and the parts between them.
  const gaps: number[] = [];
  const parts = phrase.split(/…(\d*)/).filter((part, i) => {
    if (i % 2 === 0) return true;
    gaps.push(part ? Number(part) : 12);
    return false;
  });
  const last = parts.length - 1;
  const source = parts
    .map((part, i) => {
      const alternatives = part.split('|').filter(Boolean);
      if (i !== last) return `(?:${alternatives.map((a) => escape(a.replace(/\*$/, ''))).join('|')})`;
      const open = alternatives.filter((a) => a.endsWith('*')).map((a) => escape(a.slice(0, -1)));
      const closed = alternatives.filter((a) => !a.endsWith('*')).map(escape);
      return [closed.length ? `(?<closed>${closed.join('|')})` : '', open.length ? `(?<open>${open.join('|')})` : ''].filter(Boolean).join('|');
    })
    .map((part, i) => (i === last && parts.length > 1 ? `(?:${part})` : part))
    .reduce((source, part, i) => (i === 0 ? part : `${source}${jaGap(gaps[i - 1] ?? 12)}${part}`), '');
  return new RegExp(parts.length > 1 ? source : `(?:${source})`, 'gi');
}

/** True when the phrase is written in Japanese (any character outside ASCII). */
export const isJapanesePhrase = (phrase: string) => /[^\x00-\x7F…]/.test(phrase.replace(/…/g, ''));

/**
 * Literal pieces of a phrase, one of which every match contains (lower case): a line holding none
 * of them is not searched with the phrase's expression, which keeps a note read in a few
 * milliseconds however many phrases the rules hold. Taken from the slot (or Japanese part) with
 * the fewest alternatives.
 */
export function phraseAnchors(phrase: string): string[] {
  const japanese = isJapanesePhrase(phrase);
  const slots = japanese ? phrase.split(/…\d*/) : phrase.trim().split(/\s+/).filter((slot) => gapLength(slot, 5) === null);
  const anchorsOf = (slot: string) =>
    slot.split('|').map((alternative) => {
      if (japanese) return alternative.replace(/\*$/, '').toLowerCase();
      const word = alternative.split('_')[0] ?? '';
      const core = word.replace(/^\*|\*$/g, '');
      // A verb's regular endings may drop its last e or y (leav-ing, deni-ed).
      return (core.endsWith('~') ? core.slice(0, -1).replace(/[ey]$/, '') : core).toLowerCase();
    });
  const candidates = slots.filter(Boolean).map(anchorsOf);
  const shortest = (anchors: string[]) => Math.min(...anchors.map((a) => a.length));
  candidates.sort((a, b) => a.length - b.length || shortest(b) - shortest(a));
  const best = candidates[0] ?? [];
  // An empty anchor would match everything: then the phrase is always searched.
  return best.some((anchor) => anchor === '') ? [] : best;
}
