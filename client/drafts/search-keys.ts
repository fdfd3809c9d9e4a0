import type { DraftRow, LocalDb } from "../db/local-db";
import { onKeyChange } from "../vault/keyring";

/**
 * The drafts list's search keys (name and NIK digits), in memory only: the
 * sealed records cannot be indexed by a personal value (client/vault/).
 *
 * Kept fresh without reading every draft each time: a key-only walk of the
 * `updatedAt` index (no decryption) says which drafts are new or changed
 * since the last search; only those are opened. Every edit moves
 * `updatedAt`, so a changed name cannot be missed. Locking forgets it all.
 */
export interface SearchEntry {
  updatedAt: string;
  key: string;
}

const caches = new WeakMap<LocalDb, Map<string, SearchEntry>>();
const BATCH = 200;

onKeyChange((open) => {
  if (!open) cachesCleared();
});

let generation = 0;
function cachesCleared(): void {
  generation += 1;
}
const generations = new WeakMap<LocalDb, number>();

export async function searchKeysOf(db: LocalDb): Promise<ReadonlyMap<string, SearchEntry>> {
  let cache = caches.get(db);
  if (!cache || generations.get(db) !== generation) {
    cache = new Map();
    caches.set(db, cache);
    generations.set(db, generation);
  }
  const current = new Map<string, string>();
  await db.drafts.orderBy("updatedAt").eachKey((updatedAt, cursor) => {
    current.set(String(cursor.primaryKey), String(updatedAt));
  });
  for (const id of cache.keys()) if (!current.has(id)) cache.delete(id);
  const stale = [...current].filter(([id, updatedAt]) => cache.get(id)?.updatedAt !== updatedAt).map(([id]) => id);
  for (let start = 0; start < stale.length; start += BATCH) {
    const rows = await db.drafts.bulkGet(stale.slice(start, start + BATCH));
    for (const row of rows as (DraftRow | undefined)[]) {
      if (row) cache.set(row.id, { updatedAt: row.updatedAt, key: row.searchKey ?? "" });
    }
  }
  return cache;
}
