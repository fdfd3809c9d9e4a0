import type { Db } from "../db/open";
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
const caches = new WeakMap<Db, Map<string, Entry>>();

export function cachedPopulation(db: Db, selection: SkmSelection): number {
  const changeSeq = (db.$client.prepare("SELECT COALESCE(max(change_seq), 0) FROM applications").pluck().get() ??
    0) as number;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = JSON.stringify([selection.period.from, selection.period.to, selection.kecamatanCode, selection.guideId]);
  const entry = cache.get(key);
  const count = entry && entry.changeSeq === changeSeq ? entry.count : decidedFiles(db, selection);
  cache.delete(key);
  cache.set(key, { changeSeq, count });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return count;
}
