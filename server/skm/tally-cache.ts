import type { Db } from "../db/open";
import { type SkmSelection, type Tally, tallyResponses } from "./results";

/**
 * The tallies the published figures were last counted from, per database and
 * selection, topped up with the responses stored since. Responses are only
 * ever inserted (never changed), so a tally counted up to rowid W stays right
 * for those rows: a later read adds only the rows after W that match (a rowid
 * range, usually empty or a handful) instead of reading the whole half-year
 * again — the public /skm page is unauthenticated and Jakarta-wide it would
 * otherwise parse every response of the period on every request.
 *
 * If the table ever holds fewer rows than the cache has seen (a response
 * deleted, a restored backup), the tally is counted afresh.
 */

interface Entry {
  /** The highest rowid counted. */
  watermark: number;
  /** Rows in the whole table at that point: a shrink means something was deleted. */
  total: number;
  tally: Tally;
}

const MAX_ENTRIES = 1_000;
const caches = new WeakMap<Db, Map<string, Entry>>();

function keyOf(selection: SkmSelection): string {
  return JSON.stringify([selection.period.from, selection.period.to, selection.kecamatanCode, selection.guideId]);
}

function add(a: Tally, b: Tally): Tally {
  const sums: Record<string, number> = { ...a.sums };
  for (const [id, value] of Object.entries(b.sums)) sums[id] = (sums[id] ?? 0) + value;
  return { respondents: a.respondents + b.respondents, sums };
}

/** The selection's tally as of now; call inside the read transaction the figures come from. */
export function cachedTally(db: Db, selection: SkmSelection): Tally {
  const head = db.$client
    .prepare("SELECT COALESCE(max(rowid), 0) AS top, count(*) AS total FROM skm_responses")
    .get() as { top: number; total: number };
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = keyOf(selection);
  const entry = cache.get(key);
  let tally: Tally;
  if (!entry || head.top < entry.watermark || head.total < entry.total) {
    tally = tallyResponses(db, selection);
  } else if (head.top === entry.watermark) {
    tally = entry.tally;
  } else {
    const added = db.$client
      .prepare("SELECT count(*) FROM skm_responses WHERE rowid > ?")
      .pluck()
      .get(entry.watermark) as number;
    // Rows gone below the watermark: count afresh rather than trust the old sums.
    tally =
      entry.total + added === head.total
        ? add(entry.tally, tallyResponses(db, selection, entry.watermark))
        : tallyResponses(db, selection);
  }
  cache.delete(key);
  cache.set(key, { watermark: head.top, total: head.total, tally });
  // Least recently read first: the oldest selection goes when the map is full.
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return tally;
}

/** Forgets every tally of a database (tests, or a tool that rewrites responses). */
export function forgetTallies(db: Db): void {
  caches.delete(db);
}
