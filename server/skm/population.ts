import { sql } from "drizzle-orm";
import { type Connection, connectionOf } from "../db/connection";
import type { Db } from "../db/open";
import { rawGet } from "../db/raw";
import { decidedFiles, type SkmSelection } from "./results";

/**
 * The population served (files decided in the period), remembered per
 * selection until any file changes. Every write to a file (a push, a
 * decision, a deletion's tombstone) raises the applications change counter
 * (server/sync/rows.ts), so an unchanged max(change_seq), read from its
 * index at no cost, means an unchanged count. Without it, the Jakarta-wide
 * count reads every decided file's row (no index holds decided_at; see the
 * report of issue 14) on every request of the public /skm page.
 */

interface Entry {
  changeSeq: number;
  count: number;
}

const MAX_ENTRIES = 1_000;
/** Per connection (a database and its transactions share one), so a read inside a transaction finds them. */
const caches = new WeakMap<Connection, Map<string, Entry>>();

export async function cachedPopulation(db: Db, selection: SkmSelection): Promise<number> {
  const head = await rawGet<{ seq: number }>(db, sql`SELECT COALESCE(max(change_seq), 0) AS seq FROM applications`);
  const changeSeq = Number(head?.seq ?? 0);
  const connection = connectionOf(db);
  let cache = caches.get(connection);
  if (!cache) {
    cache = new Map();
    caches.set(connection, cache);
  }
  const key = JSON.stringify([selection.period.from, selection.period.to, selection.kecamatanCode, selection.guideId]);
  const entry = cache.get(key);
  const count = entry && entry.changeSeq === changeSeq ? entry.count : await decidedFiles(db, selection);
  cache.delete(key);
  cache.set(key, { changeSeq, count });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return count;
}
