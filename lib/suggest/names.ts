/**
 * People named in a line of notes: the account's known stakeholders (by full name, or by a first
 * or family name only they have: Priya, 田中部長) and new names (佐藤さん, Mr. Chen, Mark Chen).
 */
import type { StakeholderRole } from '../model/stakeholder';
import { JA_NAME_SUFFIXES, NOT_NAMES } from './rules';
import type { Words } from './text';

export interface KnownPerson {
  id: string;
  name: string;
  role: StakeholderRole;
}

export interface NameMention {
  start: number;
  end: number;
  /** The stakeholder's name as stored, or a new name as written. */
  name: string;
  person: KnownPerson | null;
  /** Found only by capital letters (English): trusted for who left or joined, not for every kind. */
  guessed: boolean;
}

interface Variant {
  regex: RegExp;
  person: KnownPerson;
}

export interface NameIndex {
  variants: Variant[];
  /** Names the CSM entered as competitors: never taken for a person. */
  notPeople: Set<string>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isLatin = (text: string) => /^[A-Za-z][A-Za-z'.-]*$/.test(text);
const SUFFIX = `(?:${JA_NAME_SUFFIXES.join('|')})`;

/** A name written as it may appear: Latin as a whole word, Japanese as is (a one-character name only before さん, 部長...). */
function variantRegex(text: string, caseSensitive: boolean): RegExp {
  if (isLatin(text) || /^[A-Za-z][A-Za-z .'-]*$/.test(text)) {
    return new RegExp(`(?<![A-Za-z])${escape(text).replace(/ /g, '\\s+')}(?![A-Za-z])`, caseSensitive ? 'g' : 'gi');
  }
  const compact = escape(text.replace(/\s+/g, ''));
  return new RegExp(text.replace(/\s+/g, '').length === 1 ? `${compact}(?=${SUFFIX})` : compact, 'g');
}

export function nameIndex(people: readonly KnownPerson[], competitors: readonly string[]): NameIndex {
  const variants: Variant[] = [];
  const partOwners = new Map<string, KnownPerson[]>();
  for (const person of people) {
    const name = person.name.trim();
    if (!name) continue;
    variants.push({ regex: variantRegex(name, false), person });
    const parts = name.split(/\s+/).filter((part) => part.length >= 2 || !isLatin(part));
    if (parts.length > 1) for (const part of parts) partOwners.set(part, [...(partOwners.get(part) ?? []), person]);
  }
  // A first or family name two stakeholders share says nothing about which one.
  for (const [part, owners] of partOwners) {
    const [only] = owners;
    if (owners.length === 1 && only) variants.push({ regex: variantRegex(part, true), person: only });
  }
  return { variants, notPeople: new Set(competitors.map((c) => c.toLowerCase())) };
}

const NOT_A_NAME: ReadonlySet<string> = new Set([
  ...NOT_NAMES,
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]);
const KANJI_OR_KATAKANA = /^[\u30a0-\u30ff\u3400-\u9fff々]+$/;
const ROLE_TITLES = new Set(['部長', '課長', '社長', '専務', '常務', '室長', '本部長', '取締役', '係長', '所長', '支社長', '次長']);

/** Every name in `text`, known ones first; `words` only for a line with Japanese in it. */
export function namesIn(text: string, words: Words | null, index: NameIndex): NameMention[] {
  const found: NameMention[] = [];
  const free = (start: number, end: number) => found.every((m) => end <= m.start || start >= m.end);
  // Longest variants first, so 田中 一郎 wins over 田中.
  const variants = [...index.variants].sort((a, b) => b.regex.source.length - a.regex.source.length);
  for (const { regex, person } of variants) {
    for (const match of text.matchAll(regex)) {
      const start = match.index;
      const end = start + match[0].length;
      if (free(start, end)) found.push({ start, end, name: person.name, person, guessed: false });
    }
  }
  if (words) {
    for (const match of text.matchAll(new RegExp(SUFFIX, 'g'))) {
      const end = match.index;
      let start = end - 1;
      while (start > 0 && !words.segmentEnds.has(start)) start--;
      const name = text.slice(start, end);
      if (words.segmentEnds.get(start) !== end || !free(start, end) || NOT_A_NAME.has(name) || index.notPeople.has(name.toLowerCase())) continue;
      const latin = /^[A-Z][A-Za-z]+$/.test(name);
      const kanji = KANJI_OR_KATAKANA.test(name) && name.length <= (ROLE_TITLES.has(match[0]) ? 3 : 6);
      if (latin || kanji) found.push({ start, end, name, person: null, guessed: false });
    }
  }
  const guess = (start: number, end: number, name: string) => {
    if (free(start, end) && !name.split(/\s+/).some((w) => NOT_A_NAME.has(w)) && !index.notPeople.has(name.toLowerCase())) found.push({ start, end, name, person: null, guessed: true });
  };
  for (const match of text.matchAll(/(?<![A-Za-z])(?:Mr|Ms|Mrs|Dr)\.?\s+([A-Z][a-z]+)/g)) {
    const name = match[1] ?? '';
    guess(match.index + match[0].length - name.length, match.index + match[0].length, name);
  }
  // Two or three capitalised words (Mark Chen); at a sentence's start the first may be a verb (Met Sarah Kim).
  for (const match of text.matchAll(/(?<![A-Za-z])[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}(?![A-Za-z])/g)) {
    const names = match[0].split(/\s+/);
    const atStart = /(?:^|[.!?。！？:]\s*)$/.test(text.slice(0, match.index));
    const skip = names.length === 3 || (atStart && NOT_A_NAME.has(names[0] ?? '')) ? (names[0]?.length ?? 0) + 1 : 0;
    const name = match[0].slice(skip).trim();
    if (name.includes(' ')) guess(match.index + match[0].length - name.length, match.index + match[0].length, name);
  }
  for (const match of text.matchAll(/(?<![A-Za-z])([A-Z][a-z]+)(?=\s+(?:is|was|has|had|will|said|says|mentioned|asked|told)\b|'s\s)/g)) {
    guess(match.index, match.index + match[0].length, match[0]);
  }
  return found.sort((a, b) => a.start - b.start);
}
