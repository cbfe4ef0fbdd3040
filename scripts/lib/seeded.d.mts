export function seeded(seed: number): () => number;
export function pick<T>(random: () => number, list: readonly T[]): T;
