// The figures that are pure computation (health scores, portfolio ranking, briefs, quick-log suggestions), timed in
// Node with the same modules the extension ships. Prints one JSON line per figure for bench.mjs.
import type { Figure } from './measure';
import { benchHealth } from './health';
import { benchPortfolio } from './portfolio';
import { benchBrief } from './brief';
import { benchSuggest } from './suggest';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
// Lines that are not JSON (the suggestions' quality tables) are printed by bench.mjs as they are.
const suites: Array<(runs: number) => Promise<Figure[]> | Figure[]> = [benchHealth, benchPortfolio, benchBrief, (runs) => benchSuggest(runs, (line) => console.log(line))];

for (const suite of suites) for (const figure of await suite(RUNS)) console.log(JSON.stringify(figure));
