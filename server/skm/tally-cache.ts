import { sql } from "drizzle-orm";
import { type Connection, connectionOf } from "../db/connection";
import type { Db } from "../db/open";
import { rawGet } from "../db/raw";
import { type SkmSelection, type Tally, tallyResponses } from "./results";

/**
 * The tallies the published figures were last counted from, per database and
 * selection, topped up with the responses stored since. Responses are only
 * ever inserted (never changed), so a tally counted up to seq W stays right
 * for those rows: a later read adds only the rows after W that match (a seq
 * range, usually empty or a handful) instead of reading the whole half-year
 * again — the public /skm page is unauthenticated and Jakarta-wide it would
 * otherwise parse every response of the period on every request.
 *
 * If anything was deleted the tally is counted afresh: the table holds fewer
 * rows than counted plus added, or the row at the watermark is gone or is
 * another response (SQLite hands a deleted newest seq out again, as it did
 * rowids). On PostgreSQL seqs come from a sequence and a row may commit after
 * one with a higher seq was counted: the table then holds more rows than
 * counted plus added, and the tally is counted afresh as well.
 */

interface Entry {
  /** The highest seq counted. */
  watermark: number;
  /** Rows in the whole table at that point: fewer later means something was deleted. */
  total: number;
  /** The id of the response at the watermark: another one there means it was deleted and the seq reused. */
  lastId: string | null;
  tally: Tally;
}

const MAX_ENTRIES = 1_000;
/** Per connection (a database and its transactions share one), so a read inside a transaction finds them. */
const caches = new WeakMap<Connection, Map<string, Entry>>();

function keyOf(selection: SkmSelection): string {
  return JSON.stringify([selection.period.from, selection.period.to, selection.kecamatanCode, selection.guideId]);
}

function add(a: Tally, b: Tally): Tally {
  const sums: Record<string, number> = { ...a.sums };
  for (const [id, value] of Object.entries(b.sums)) sums[id] = (sums[id] ?? 0) + value;
  return { respondents: a.respondents + b.respondents, withoutFile: a.withoutFile + b.withoutFile, sums };
}

async function idAt(db: Db, seq: number): Promise<string | undefined> {
  const row = await rawGet<{ id: string }>(db, sql`SELECT id FROM skm_responses WHERE seq = ${seq}`);
  return row?.id;
}

/** The selection's tally as of now; call inside the read transaction the figures come from. */
export async function cachedTally(db: Db, selection: SkmSelection): Promise<Tally> {
  const found = await rawGet<{ top: number; total: number }>(
    db,
    sql`SELECT COALESCE(max(seq), 0) AS top, count(*) AS total FROM skm_responses`,
  );
  const head = { top: Number(found?.top ?? 0), total: Number(found?.total ?? 0) };
  const connection = connectionOf(db);
  let cache = caches.get(connection);
  if (!cache) {
    cache = new Map();
    caches.set(connection, cache);
  }
  const key = keyOf(selection);
  const entry = cache.get(key);
  const added = async () => {
    const row = await rawGet<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM skm_responses WHERE seq > ${entry?.watermark ?? 0}`,
    );
    return Number(row?.n ?? 0);
  };
  const intact =
    entry !== undefined &&
    head.top >= entry.watermark &&
    (entry.watermark === 0 || (await idAt(db, entry.watermark)) === entry.lastId) &&
    entry.total + (head.top === entry.watermark ? 0 : await added()) === head.total;
  let tally: Tally;
  if (!entry || !intact) tally = await tallyResponses(db, selection);
  else if (head.top === entry.watermark) tally = entry.tally;
  else tally = add(entry.tally, await tallyResponses(db, selection, entry.watermark));
  cache.delete(key);
  const lastId = head.top === 0 ? null : ((await idAt(db, head.top)) ?? null);
  cache.set(key, { watermark: head.top, total: head.total, lastId, tally });
  // Least recently read first: the oldest selection goes when the map is full.
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return tally;
}

/** Forgets every tally of a database (tests, or a tool that rewrites responses). */
export function forgetTallies(db: Db): void {
  caches.delete(connectionOf(db));
}
