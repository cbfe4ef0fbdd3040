/**
 * Turns the phrases of ./rules.ts (and the CSM's own) into regular expressions, once per set of
 * rules. The syntax is described at the top of ./rules.ts.
 */

/** Between two English words: spaces or hyphens, or a few Japanese characters in a mixed note (budgetはfreeze). */
const EN_SEP = "(?:[\\s\\-]|[^\\x00-\\x7F、。！？「」]){1,8}";
/** `…` in English: up to five words in between, never across a comma or a sentence's end. */
const EN_GAP = `(?:${EN_SEP}[A-Za-z0-9'%$]+){0,5}`;
/** `…` in Japanese: up to twelve characters in between, within the sentence. */
const JA_GAP = '[^。！？!?\\n]{0,12}?';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One English word slot: `a|b`, `word*` (starting with), `*n't` (ending with). */
function englishSlot(slot: string, first: boolean): string {
  const alternatives = slot.split('|').map((word) => {
    const open = word.endsWith('*');
    const suffix = word.startsWith('*');
    const core = escape(word.replace(/^\*|\*$/g, ''));
    const body = `${suffix ? "[A-Za-z]*" : ''}${core}${open ? "[A-Za-z'-]*" : ''}`;
    // A word starting with an apostrophe ('s) follows its word directly.
    return first && !suffix && /^[A-Za-z0-9]/.test(core) ? `(?<![A-Za-z0-9])${body}` : body;
  });
  return `(?:${alternatives.join('|')})`;
}

/** An English phrase as a regular expression (whole words, any case). */
export function englishPattern(phrase: string): RegExp {
  let source = '';
  let first = true;
  for (const slot of phrase.trim().split(/\s+/)) {
    if (slot === '…') {
      source += EN_GAP;
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
  const parts = phrase.split('…');
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
    .join(JA_GAP);
  return new RegExp(parts.length > 1 ? source : `(?:${source})`, 'gi');
}

/** True when the phrase is written in Japanese (any character outside ASCII). */
export const isJapanesePhrase = (phrase: string) => /[^\x00-\x7F…]/.test(phrase.replace(/…/g, ''));
