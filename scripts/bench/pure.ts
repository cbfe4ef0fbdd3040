// The figures that are pure computation (health scores, portfolio ranking, briefs), timed in
// Node with the same modules the extension ships. Prints one JSON line per figure for bench.mjs.
import type { Figure } from './measure';
import { benchHealth } from './health';
import { benchPortfolio } from './portfolio';
import { benchBrief } from './brief';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const suites: Array<(runs: number) => Promise<Figure[]> | Figure[]> = [benchHealth, benchPortfolio, benchBrief];

for (const suite of suites) for (const figure of await suite(RUNS)) console.log(JSON.stringify(figure));
