// Quick-log suggestions: quality on the labelled sets, the held-out fourth set among them (precision
// and recall per language and per kind) and the time to read a 2,000-character note, with the modules the sidebar ships. Part of
// `npm run bench` (through pure.ts); `npm run bench:suggest` runs it alone and prints the tables.
import { DEVELOPMENT_SENTENCES, HELD_OUT_SENTENCES, LABELLED_COMPETITORS, LABELLED_SENTENCES, LABELLED_STAKEHOLDERS, UNSEEN_SENTENCES } from '../../lib/suggest/labelled-sentences';
import { FOURTH_SENTENCES } from '../../lib/suggest/fourth-set';
import { makeMatcher } from '../../lib/suggest/match';
import { readNotes } from '../../lib/suggest/notes';
import { measureQuality, precision, qualityTable, recall } from '../../lib/suggest/quality';
import { median, timeMedian, type Figure } from './measure';

const settings = { competitorNames: LABELLED_COMPETITORS, ownPhrases: [] };

/** A 2,000-character note as typed after a call: the labelled sentences, several to a line, both languages. */
export function twoThousandCharacterNote(): string {
  const lines: string[] = [];
  let length = 0;
  for (let i = 0; length < 2000; i++) {
    const a = LABELLED_SENTENCES[(i * 7) % LABELLED_SENTENCES.length]?.text ?? '';
    const b = LABELLED_SENTENCES[(i * 13 + 5) % LABELLED_SENTENCES.length]?.text ?? '';
    const line = `${a} ${b}`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, 2000);
}

export function benchSuggest(runs: number, print: (line: string) => void = () => {}): Figure[] {
  const figures: Figure[] = [];
  const matcher = makeMatcher(LABELLED_STAKEHOLDERS, settings);
  const sets = [
    ['labelled set', LABELLED_SENTENCES],
    ['second set, after the rules learnt from it', HELD_OUT_SENTENCES],
    ['third (“unseen”) set, used to widen the rules after its first measure', UNSEEN_SENTENCES],
    ['development set, written while widening the rules', DEVELOPMENT_SENTENCES],
    ['fourth set, held out (never read while the rules were widened)', FOURTH_SENTENCES],
  ] as const;
  for (const [name, sentences] of sets) {
    const quality = measureQuality(sentences, matcher);
    print(`\nSuggestions on the ${name}:`);
    for (const line of qualityTable(quality)) print(line);
    print(`negated sentences with a risk: ${quality.negatedWithRisk.length}; the right person named: ${quality.stakeholders.right} of ${quality.stakeholders.labelled}`);
    if (sentences === LABELLED_SENTENCES) {
      for (const lang of ['en', 'ja'] as const) {
        const language = lang === 'en' ? 'English' : 'Japanese';
        figures.push({ name: `Suggestions, ${language}: precision (labelled set)`, value: precision(quality.byLanguage[lang]) ?? 0, unit: '', target: '≥ 0.85' });
        figures.push({ name: `Suggestions, ${language}: recall (labelled set)`, value: recall(quality.byLanguage[lang]) ?? 0, unit: '', target: '≥ 0.75' });
      }
      figures.push({ name: 'Suggestions: negated sentences given a risk', value: quality.negatedWithRisk.length, unit: '', target: '0' });
    }
    if (sentences === FOURTH_SENTENCES) {
      const all = { hits: quality.byLanguage.en.hits + quality.byLanguage.ja.hits, wrong: quality.byLanguage.en.wrong + quality.byLanguage.ja.wrong, missed: quality.byLanguage.en.missed + quality.byLanguage.ja.missed };
      figures.push({ name: 'Suggestions: precision on the held-out (fourth) set', value: precision(all) ?? 0, unit: '', target: '—' });
      figures.push({ name: 'Suggestions: recall on the held-out (fourth) set', value: recall(all) ?? 0, unit: '', target: '—' });
    }
  }

  const note = twoThousandCharacterNote();
  // Cold: every line read (a pasted note, or the first reading after the quick log opens).
  figures.push({ name: 'Suggestions for a 2,000-character note, every line read (median)', value: timeMedian(runs * 5, () => readNotes(note, matcher)), unit: 'ms', target: '≤ 50 ms' });
  // Typing: one character added to the last line; the other lines come from the cache.
  const afterKeystroke: number[] = [];
  let cache = readNotes(note, matcher).cache;
  for (let i = 0; i < runs * 5; i++) {
    const typed = `${note}${'x'.repeat(i + 1)}`;
    const start = performance.now();
    cache = readNotes(typed, matcher, cache).cache;
    afterKeystroke.push(performance.now() - start);
  }
  figures.push({ name: 'Suggestions for a 2,000-character note after a keystroke (median)', value: median(afterKeystroke), unit: 'ms', target: '≤ 50 ms' });
  figures.push({ name: 'Suggestion rules compiled (stakeholders or settings changed)', value: timeMedian(runs * 5, () => makeMatcher(LABELLED_STAKEHOLDERS, settings)), unit: 'ms', target: '—' });
  return figures;
}

// Run alone: `npm run bench:suggest`.
if (process.argv[1]?.endsWith('suggest.ts')) {
  const figures = benchSuggest(Number(process.env.BENCH_RUNS ?? 9), (line) => console.log(line));
  console.log('');
  for (const f of figures) console.log(`${f.name.padEnd(70)} ${f.value.toFixed(2).padStart(8)} ${f.unit.padEnd(2)} (target ${f.target})`);
}
