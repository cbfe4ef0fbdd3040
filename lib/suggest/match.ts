/**
 * Reads one line of notes: which signals its phrases suggest (kind, polarity, the stakeholder it
 * is about, the phrase and its range), and how warm or cold its words are. Pure; the rules are
 * compiled once per set of stakeholders and settings (`makeMatcher`).
 */
import { defaultPolarity, type Polarity, type SignalKind } from '../model/signal';
import { isKeyRole } from '../model/stakeholder';
import type { Tone } from '../model/interaction';
import { PHRASE_RULES, TONE_WORDS, type PhraseRule } from './rules';
import { englishPattern, isJapanesePhrase, japanesePattern, phraseAnchors } from './patterns';
import { hasJapanese, hasLatin, normaliseKeepingOffsets, sentenceAround, standsAlone, wordsOf, type Words } from './text';
import { isNegated, type Cancellers } from './negation';
import { nameIndex, namesIn, type KnownPerson, type NameIndex, type NameMention } from './names';

/** What the CSM added in settings: competitors' names and phrases of their own. */
export interface SuggestSettings {
  competitorNames: readonly string[];
  ownPhrases: ReadonlyArray<{ kind: SignalKind; phrase: string }>;
}

interface CompiledPhrase {
  kind: SignalKind;
  polarity: Polarity;
  regex: RegExp;
  japanese: boolean;
  /** The CSM's own words: matched wherever they appear, without word boundaries. */
  lenient: boolean;
  notWithin: RegExp[];
  cancellers: Cancellers | null;
  /** The phrase itself says “not” (“not on the roadmap”): a “not” inside its match is its own. */
  negative: boolean;
  /** Lower-case pieces one of which every match holds (none: always searched). */
  anchors: string[];
}

/** A negation inside a match's gap (“budget was not cut”). */
const NEGATION_WORD = /(?<![A-Za-z])(?:not|never|no)(?![A-Za-z])|n't(?![A-Za-z])/i;

type WarmOrCold = Exclude<Tone, 'neutral'>;
interface CompiledToneWord {
  tone: WarmOrCold;
  weight: number;
  regex: RegExp;
  japanese: boolean;
}

export interface Matcher {
  phrases: CompiledPhrase[];
  toneWords: CompiledToneWord[];
  names: NameIndex;
}

const compile = (phrase: string) => (isJapanesePhrase(phrase) ? japanesePattern(phrase) : englishPattern(phrase));

function compileRule(rule: PhraseRule, lenient = false): CompiledPhrase[] {
  const notWithin = (rule.notWithin ?? []).map(compile);
  const cancellers = rule.cancelledBy ? { en: rule.cancelledBy.en.map(englishPattern), ja: rule.cancelledBy.ja } : null;
  const polarity = rule.polarity ?? defaultPolarity(rule.kind);
  return [...rule.en, ...rule.ja].map((phrase) => ({
    kind: rule.kind, polarity, regex: compile(phrase), japanese: isJapanesePhrase(phrase), lenient, notWithin, cancellers, negative: NEGATION_WORD.test(phrase), anchors: phraseAnchors(phrase),
  }));
}

/** The rules, the CSM's own phrases and competitors, and the account's stakeholders, compiled. */
export function makeMatcher(people: readonly KnownPerson[], settings: SuggestSettings): Matcher {
  const phrases = PHRASE_RULES.flatMap((rule) => compileRule(rule));
  const escapeWords = (text: string) => text.trim().replace(/[*…~|]/g, ' ').replace(/\s+/g, ' ');
  const own = (kind: SignalKind, texts: readonly string[]) => {
    const words = texts.map(escapeWords).filter(Boolean);
    return compileRule({ kind, en: words.filter((w) => !isJapanesePhrase(w)), ja: words.filter(isJapanesePhrase) }, true);
  };
  phrases.push(...own('competitor-mentioned', settings.competitorNames));
  for (const { kind, phrase } of settings.ownPhrases) phrases.push(...own(kind, [phrase]));
  const toneWords = TONE_WORDS.flatMap((entry) =>
    [...entry.en, ...entry.ja].map((word) => ({ tone: entry.tone, weight: entry.strong ? 2 : 1, regex: compile(word), japanese: isJapanesePhrase(word) })),
  );
  return { phrases, toneWords, names: nameIndex(people, settings.competitorNames) };
}

export interface SuggestedPerson {
  /** The stakeholder's id when known; null for a new name. */
  id: string | null;
  name: string;
}

export interface LineSuggestion {
  kind: SignalKind;
  polarity: Polarity;
  stakeholder: SuggestedPerson | null;
  /** The phrase as written, and where it is in the line. */
  phrase: string;
  start: number;
  end: number;
  /** The sentence it was found in, trimmed. */
  sentence: string;
}

/** How much warm and cold a line's words weigh, per tone. */
export type ToneTally = Record<WarmOrCold, number>;

export interface LineReading {
  suggestions: LineSuggestion[];
  tone: ToneTally;
  /** The tone words found, as written. */
  toneWords: string[];
}

/** Kinds about a person joining or leaving: for these a name guessed from capital letters is trusted. */
const PERSON_KINDS: ReadonlySet<SignalKind> = new Set(['champion-left', 'new-stakeholder', 'stakeholder-change']);
const TONE_WORDS_BEFORE = 2;
const FIRST_PERSON = /(?<![A-Za-z])(?:I|I'm|I've|I'll|my|me)(?![A-Za-z])|私|僕|わたし/;

interface Found {
  rule: CompiledPhrase;
  start: number;
  end: number;
}

function* matches(regex: RegExp, text: string): Generator<{ start: number; end: number; openEnd: boolean }> {
  for (const match of text.matchAll(regex)) {
    if (match[0].length === 0) continue;
    yield { start: match.index, end: match.index + match[0].length, openEnd: match.groups?.open !== undefined };
  }
}

function phrasesIn(text: string, words: Words | null, matcher: Matcher): Found[] {
  const latin = hasLatin(text);
  const lower = text.toLowerCase();
  const found: Found[] = [];
  for (const rule of matcher.phrases) {
    if (rule.japanese ? !words : !latin) continue;
    if (rule.anchors.length > 0 && !rule.anchors.some((anchor) => lower.includes(anchor))) continue;
    for (const { start, end, openEnd } of matches(rule.regex, text)) {
      if (rule.japanese && !rule.lenient && words && !standsAlone(words, start, end, openEnd)) continue;
      if (rule.notWithin.some((pattern) => [...matches(pattern, text)].some((m) => m.start < end && m.end > start))) continue;
      if (!rule.negative && NEGATION_WORD.test(text.slice(start, end))) continue;
      if (isNegated(text, start, end, rule.cancellers)) continue;
      found.push({ rule, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Who a phrase is about: the nearest name before it in its sentence, else after it, else the speaker who said it. */
function personFor(found: Found, sentence: { from: number; to: number }, mentions: NameMention[], speaker: KnownPerson | null, text: string): SuggestedPerson | null {
  const trusted = mentions.filter((m) => m.start >= sentence.from && m.end <= sentence.to && (!m.guessed || PERSON_KINDS.has(found.rule.kind)));
  const inside = trusted.find((m) => m.start >= found.start && m.end <= found.end);
  const before = trusted.filter((m) => m.end <= found.start).at(-1);
  const after = trusted.find((m) => m.start >= found.end);
  const mention = inside ?? before ?? after;
  if (mention) return { id: mention.person?.id ?? null, name: mention.name };
  if (speaker && (!PERSON_KINDS.has(found.rule.kind) || FIRST_PERSON.test(text.slice(sentence.from, sentence.to)))) return { id: speaker.id, name: speaker.name };
  return null;
}

/** A known stakeholder's departure is a champion leaving only for a champion or sponsor. */
function kindFor(kind: SignalKind, person: SuggestedPerson | null, people: NameIndex): SignalKind {
  if (kind !== 'champion-left' || !person?.id) return kind;
  const known = people.variants.find((v) => v.person.id === person.id)?.person;
  return known && !isKeyRole(known.role) ? 'stakeholder-change' : kind;
}

/** The known stakeholder a transcript's speaker is, if any. */
function speakerPerson(speaker: string | null, matcher: Matcher): KnownPerson | null {
  if (!speaker) return null;
  const [mention] = namesIn(speaker, hasJapanese(speaker) ? wordsOf(speaker) : null, matcher.names).filter((m) => m.person);
  return mention?.person ?? null;
}

/** The signals and tone of one line of notes (of a transcript, `speaker` is who said it). */
export function readLine(line: string, matcher: Matcher, speaker: string | null = null): LineReading {
  const text = normaliseKeepingOffsets(line);
  const words = hasJapanese(text) ? wordsOf(text) : null;
  const found = phrasesIn(text, words, matcher);
  const tone: ToneTally = { enthusiastic: 0, positive: 0, hesitant: 0, negative: 0 };
  const toneWords: string[] = [];
  for (const word of matcher.toneWords) {
    if (word.japanese ? !words : !hasLatin(text)) continue;
    for (const { start, end } of matches(word.regex, text)) {
      if (word.japanese && words && !standsAlone(words, start, end, false)) continue;
      const warm = word.tone === 'enthusiastic' || word.tone === 'positive';
      // A tone word is negated only by its near neighbours: in “not happy and frustrated”, frustrated stands.
      if (isNegated(text, start, end, null, TONE_WORDS_BEFORE)) {
        // “not happy” is cold; “not frustrated” says little.
        if (warm) tone.negative += 1;
        continue;
      }
      tone[word.tone] += word.weight;
      toneWords.push(line.slice(start, end));
    }
  }
  if (found.length === 0) return { suggestions: [], tone, toneWords };

  const mentions = namesIn(text, words, matcher.names);
  const speakerKnown = speakerPerson(speaker, matcher);
  const suggestions: LineSuggestion[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    const sentence = sentenceAround(text, f.start, f.end);
    const stakeholder = personFor(f, sentence, mentions, speakerKnown, text);
    const kind = kindFor(f.rule.kind, stakeholder, matcher.names);
    // One suggestion per kind and sentence: the first phrase that says it.
    const key = `${kind}|${f.rule.polarity}|${sentence.from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    suggestions.push({ kind, polarity: f.rule.polarity, stakeholder, phrase: line.slice(f.start, f.end), start: f.start, end: f.end, sentence: line.slice(sentence.from, sentence.to).trim() });
  }
  return { suggestions, tone, toneWords };
}
