import type { Guide } from "../../shared/guide";

/**
 * Reads the catalogue saved on the device with plain IndexedDB, for the first
 * screen: Dexie (30 KB gzip) is not needed to show the list, so it is not
 * downloaded or parsed before the list is on screen. Writing stays with Dexie
 * (client/catalogue/fetch-worker.ts), which owns the schema and its versions.
 */

/** client/db/local-db.ts: the Dexie database and the two tables read here (a browser test reads both ways). */
const APP_DB = "masdarin";
const GUIDES = "guides";
const META = "meta";

export interface StoredCatalogue {
  guides: Guide[];
  cursor: string | null;
  updatedAt: string | null;
}

const NOTHING: StoredCatalogue = { guides: [], cursor: null, updatedAt: null };

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The app's database as it is, or null when there is none yet: this reader
 * must never create it (Dexie would then meet an empty database of the
 * wrong version).
 */
function openExisting(): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(APP_DB);
    let absent = false;
    open.onupgradeneeded = () => {
      absent = true;
      open.transaction?.abort();
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => (absent ? resolve(null) : reject(open.error));
  });
}

export async function readStoredCatalogue(): Promise<StoredCatalogue> {
  const db = await openExisting();
  if (!db) return NOTHING;
  try {
    if (!db.objectStoreNames.contains(GUIDES) || !db.objectStoreNames.contains(META)) return NOTHING;
    const tx = db.transaction([GUIDES, META], "readonly");
    const meta = tx.objectStore(META);
    const [guides, cursor, updated] = await Promise.all([
      result(tx.objectStore(GUIDES).getAll() as IDBRequest<Guide[]>),
      result(meta.get("catalogueCursor") as IDBRequest<{ value: string } | undefined>),
      result(meta.get("catalogueUpdatedAt") as IDBRequest<{ value: string } | undefined>),
    ]);
    return { guides, cursor: cursor?.value ?? null, updatedAt: updated?.value ?? null };
  } finally {
    // Closed at once: a schema upgrade by Dexie must never wait for this reader.
    db.close();
  }
}
