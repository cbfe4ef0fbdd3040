/** Shared by the pure benchmarks (run with tsx from scripts/bench.mjs): median of timed runs. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target: string;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/** Runs `fn` once to warm up, then `runs` times; returns the median duration in ms. */
export function timeMedian(runs: number, fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}
