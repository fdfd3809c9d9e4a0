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
 * If anything was deleted the tally is counted afresh: the table holds fewer
 * rows than counted plus added, or the row at the watermark is gone or is
 * another response (SQLite hands a deleted newest rowid out again).
 */

interface Entry {
  /** The highest rowid counted. */
  watermark: number;
  /** Rows in the whole table at that point: fewer later means something was deleted. */
  total: number;
  /** The id of the response at the watermark: another one there means it was deleted and the rowid reused. */
  lastId: string | null;
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
  return { respondents: a.respondents + b.respondents, withoutFile: a.withoutFile + b.withoutFile, sums };
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
  const idAt = db.$client.prepare("SELECT id FROM skm_responses WHERE rowid = ?").pluck();
  const added = () =>
    db.$client
      .prepare("SELECT count(*) FROM skm_responses WHERE rowid > ?")
      .pluck()
      .get(entry?.watermark ?? 0) as number;
  const intact =
    entry !== undefined &&
    head.top >= entry.watermark &&
    (entry.watermark === 0 || idAt.get(entry.watermark) === entry.lastId) &&
    entry.total + (head.top === entry.watermark ? 0 : added()) === head.total;
  let tally: Tally;
  if (!entry || !intact) tally = tallyResponses(db, selection);
  else if (head.top === entry.watermark) tally = entry.tally;
  else tally = add(entry.tally, tallyResponses(db, selection, entry.watermark));
  cache.delete(key);
  const lastId = head.top === 0 ? null : ((idAt.get(head.top) as string | undefined) ?? null);
  cache.set(key, { watermark: head.top, total: head.total, lastId, tally });
  // Least recently read first: the oldest selection goes when the map is full.
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return tally;
}

/** Forgets every tally of a database (tests, or a tool that rewrites responses). */
export function forgetTallies(db: Db): void {
  caches.delete(db);
}
