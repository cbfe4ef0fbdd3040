/**
 * How good the suggestions are on a labelled set (./labelled-sentences.ts): precision and recall
 * per language and per kind, negated sentences that still got a risk, and whether the right
 * person was named. Used by the unit test that holds the targets and by `npm run bench`.
 */
import { SIGNAL_KINDS, defaultPolarity, type SignalKind } from '../model/signal';
import type { LabelledSentence } from './labelled-sentences';
import { readLine, type Matcher } from './match';

export interface Counts {
  /** Kinds expected and suggested. */
  hits: number;
  /** Kinds suggested and not expected (nor acceptable). */
  wrong: number;
  /** Kinds expected and not suggested. */
  missed: number;
}

export interface Quality {
  sentences: Record<'en' | 'ja', number>;
  byLanguage: Record<'en' | 'ja', Counts>;
  byKind: Partial<Record<SignalKind, Counts>>;
  /** Negated sentences that got a risk they should not have. */
  negatedWithRisk: string[];
  /** Sentences naming who it is about, and how many of those got that person. */
  stakeholders: { labelled: number; right: number };
}

export const precision = (c: Counts) => (c.hits + c.wrong === 0 ? null : c.hits / (c.hits + c.wrong));
export const recall = (c: Counts) => (c.hits + c.missed === 0 ? null : c.hits / (c.hits + c.missed));

const empty = (): Counts => ({ hits: 0, wrong: 0, missed: 0 });

export function measureQuality(sentences: readonly LabelledSentence[], matcher: Matcher): Quality {
  const quality: Quality = { sentences: { en: 0, ja: 0 }, byLanguage: { en: empty(), ja: empty() }, byKind: {}, negatedWithRisk: [], stakeholders: { labelled: 0, right: 0 } };
  const count = (kind: SignalKind, field: keyof Counts, lang: 'en' | 'ja') => {
    (quality.byKind[kind] ??= empty())[field]++;
    quality.byLanguage[lang][field]++;
  };
  for (const sentence of sentences) {
    quality.sentences[sentence.lang]++;
    const suggestions = readLine(sentence.text, matcher).suggestions;
    const suggested = new Set(suggestions.map((s) => s.kind));
    const acceptable = new Set([...sentence.kinds, ...(sentence.alsoOk ?? [])]);
    for (const kind of sentence.kinds) count(kind, suggested.has(kind) ? 'hits' : 'missed', sentence.lang);
    for (const kind of suggested) if (!acceptable.has(kind)) count(kind, 'wrong', sentence.lang);
    if (sentence.negated && suggestions.some((s) => s.polarity === 'risk' && !sentence.kinds.includes(s.kind))) quality.negatedWithRisk.push(sentence.text);
    if (sentence.stakeholder) {
      quality.stakeholders.labelled++;
      if (suggestions.some((s) => sentence.kinds.includes(s.kind) && s.stakeholder?.name === sentence.stakeholder)) quality.stakeholders.right++;
    }
  }
  return quality;
}

/** The quality as the lines of a table (bench output, README). */
export function qualityTable(quality: Quality): string[] {
  const pct = (x: number | null) => (x === null ? '—' : x.toFixed(2));
  const row = (name: string, c: Counts) => `| ${name} | ${pct(precision(c))} | ${pct(recall(c))} | ${c.hits} | ${c.wrong} | ${c.missed} |`;
  return [
    '| | precision | recall | right | wrong | missed |',
    '| --- | --- | --- | --- | --- | --- |',
    row(`English (${quality.sentences.en} sentences)`, quality.byLanguage.en),
    row(`Japanese (${quality.sentences.ja} sentences)`, quality.byLanguage.ja),
    ...SIGNAL_KINDS.flatMap((kind) => {
      const c = quality.byKind[kind];
      return c ? [row(`${kind} (${defaultPolarity(kind)})`, c)] : [];
    }),
  ];
}
