/**
 * Seeded randomness for the torture suites. Every decision is a pure function of the seed and a
 * label (e.g. the request's endpoint, tradeNo and attempt), so a replay with the same seed makes the
 * same decisions even though concurrent requests interleave differently from run to run.
 */

/** The run's seed: TORTURE_SEED when given (replay), otherwise a fresh random 32-bit one. */
export function tortureSeed(): number {
  const given = process.env.TORTURE_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`TORTURE_SEED must be an integer, got ${given}`);
    return seed >>> 0;
  }
  return (Math.random() * 2 ** 32) >>> 0;
}

/** mulberry32: small, fast, good enough to pick faults and outcomes. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A generator for one label under the run's seed (FNV-1a of the label mixed with the seed). */
export function prngFor(seed: number, label: string): () => number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  return prng(hash >>> 0);
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
