/**
 * mulberry32: a tiny seeded generator, so a seed names the same schedule or
 * request stream on any machine (fast-check's own generators are tied to its
 * runner; the soak and the fuzz need a plain function of one number).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
