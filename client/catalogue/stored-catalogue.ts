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

/**
 * Guides read per task. Reading all 1,035 in one getAll took ~20 ms of
 * main-thread CPU (structured-clone decoding), 80 ms on a phone at 4x; a
 * slice of this many is a few ms, each decoded in its own task.
 */
const SLICE = 150;

interface Meta {
  cursor: string | null;
  updatedAt: string | null;
}

async function readMeta(db: IDBDatabase): Promise<Meta> {
  const meta = db.transaction(META, "readonly").objectStore(META);
  const [cursor, updated] = await Promise.all([
    result(meta.get("catalogueCursor") as IDBRequest<{ value: string } | undefined>),
    result(meta.get("catalogueUpdatedAt") as IDBRequest<{ value: string } | undefined>),
  ]);
  return { cursor: cursor?.value ?? null, updatedAt: updated?.value ?? null };
}

/** Every guide, a slice per transaction (each answer decoded in a task of its own), in key order. */
async function readGuidesInSlices(db: IDBDatabase): Promise<Guide[]> {
  const guides: Guide[] = [];
  let after: IDBValidKey | null = null;
  for (;;) {
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const slice: Guide[] = await result(
      db.transaction(GUIDES, "readonly").objectStore(GUIDES).getAll(range, SLICE) as IDBRequest<Guide[]>,
    );
    for (const guide of slice) guides.push(guide);
    if (slice.length < SLICE) return guides;
    after = (slice[slice.length - 1] as Guide).id;
  }
}

export async function readStoredCatalogue(): Promise<StoredCatalogue> {
  const db = await openExisting();
  if (!db) return NOTHING;
  try {
    if (!db.objectStoreNames.contains(GUIDES) || !db.objectStoreNames.contains(META)) return NOTHING;
    // The slices are separate transactions: a catalogue stored meanwhile (its cursor moved) is read again.
    for (let attempt = 0; ; attempt++) {
      const before = await readMeta(db);
      const guides = await readGuidesInSlices(db);
      const after = await readMeta(db);
      if (after.cursor === before.cursor || attempt >= 2) return { guides, ...after };
    }
  } finally {
    // Closed at once: a schema upgrade by Dexie must never wait for this reader.
    db.close();
  }
}
