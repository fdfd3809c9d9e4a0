import type { Guide } from "../../shared/guide";
import { createGuideSearch, type GuideSearch, loadGuideSearch } from "../../shared/search";

/**
 * The search worker's reading and writing (no DOM, no Dexie: the worker
 * stays small). The catalogue is read from the app's own database, guides and
 * cursor in one read-only transaction so the index always matches the cursor
 * it is filed under. The built index is kept in a database of its own, one
 * record, keyed by that cursor and by the build of the search code: a later
 * start with nothing new reads it back instead of building it again, and an
 * app update that changes how words are indexed builds afresh.
 */

/** client/db/local-db.ts: the Dexie database and the two tables read here. */
export const APP_DB = "masdarin";
const GUIDES = "guides";
const META = "meta";
const CURSOR_KEY = "catalogueCursor";

export const INDEX_DB = "masdarin-search";
const INDEX_STORE = "index";
const INDEX_RECORD = "guides";

interface StoredIndexRow {
  /** `${build} ${cursor}`. */
  key: string;
  json: string;
}

export interface CurrentIndex {
  /** The cursor of the catalogue the index was made from. */
  cursor: string;
  search: GuideSearch;
  source: "stored" | "built";
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException("aborted", "AbortError"));
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * Opens the app's database as it is, or answers null when there is none yet:
 * the worker must never create it (Dexie would then meet an empty database
 * of the wrong version).
 */
function openAppDb(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const open = factory.open(name);
    let created = false;
    open.onupgradeneeded = () => {
      created = true;
      open.transaction?.abort();
    };
    open.onsuccess = () => {
      const db = open.result;
      // The app upgrading its schema must not wait for this reader.
      db.onversionchange = () => db.close();
      if (db.objectStoreNames.contains(GUIDES) && db.objectStoreNames.contains(META)) resolve(db);
      else {
        db.close();
        resolve(null);
      }
    };
    open.onerror = () => (created ? resolve(null) : reject(open.error));
  });
}

function openIndexDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = factory.open(INDEX_DB, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(INDEX_STORE);
    open.onsuccess = () => {
      open.result.onversionchange = () => open.result.close();
      resolve(open.result);
    };
    open.onerror = () => reject(open.error);
  });
}

/** The stored catalogue's cursor, or null with no catalogue. */
export async function readCursor(factory: IDBFactory, name = APP_DB): Promise<string | null> {
  const db = await openAppDb(factory, name);
  if (!db) return null;
  try {
    const row = await request(db.transaction(META, "readonly").objectStore(META).get(CURSOR_KEY));
    return typeof row?.value === "string" ? row.value : null;
  } finally {
    db.close();
  }
}

/** Guides and cursor as one snapshot, or null with no catalogue. */
export async function readCatalogue(
  factory: IDBFactory,
  name = APP_DB,
): Promise<{ cursor: string; guides: Guide[] } | null> {
  const db = await openAppDb(factory, name);
  if (!db) return null;
  try {
    const tx = db.transaction([GUIDES, META], "readonly");
    const [guides, row] = await Promise.all([
      request(tx.objectStore(GUIDES).getAll() as IDBRequest<Guide[]>),
      request(tx.objectStore(META).get(CURSOR_KEY)),
      done(tx),
    ]);
    if (typeof row?.value !== "string") return null;
    // The list's own order (client/catalogue/store.ts): ties in the ranking follow it.
    const byTitle = new Intl.Collator("id");
    guides.sort((a, b) => byTitle.compare(a.title.id, b.title.id));
    return { cursor: row.value, guides };
  } finally {
    db.close();
  }
}

export async function readStoredIndex(factory: IDBFactory, key: string): Promise<string | null> {
  const db = await openIndexDb(factory);
  try {
    const row = (await request(db.transaction(INDEX_STORE, "readonly").objectStore(INDEX_STORE).get(INDEX_RECORD))) as
      | StoredIndexRow
      | undefined;
    return row?.key === key && typeof row.json === "string" ? row.json : null;
  } finally {
    db.close();
  }
}

/** One record only: the index of an older catalogue is of no use once a newer one is stored. */
export async function storeIndex(factory: IDBFactory, key: string, json: string): Promise<void> {
  const db = await openIndexDb(factory);
  try {
    const tx = db.transaction(INDEX_STORE, "readwrite");
    const row: StoredIndexRow = { key, json };
    tx.objectStore(INDEX_STORE).put(row, INDEX_RECORD);
    await done(tx);
  } finally {
    db.close();
  }
}

const indexKey = (build: string, cursor: string) => `${build} ${cursor}`;

/**
 * The index for the catalogue stored now: `current` itself when nothing
 * changed, read back when stored, otherwise built and stored. Null with no
 * catalogue. `build` names the search code (the worker's own URL, hashed by
 * the bundler), so an index written by other code is never read back.
 */
export async function currentIndex(
  factory: IDBFactory,
  build: string,
  current: CurrentIndex | null,
  appDb = APP_DB,
): Promise<CurrentIndex | null> {
  const cursor = await readCursor(factory, appDb);
  if (cursor === null) return null;
  if (current?.cursor === cursor) return current;
  const stored = await readStoredIndex(factory, indexKey(build, cursor)).catch(() => null);
  if (stored) {
    try {
      return { cursor, search: loadGuideSearch(stored), source: "stored" };
    } catch {
      // Damaged or from another version of the format: built again below.
    }
  }
  const snapshot = await readCatalogue(factory, appDb);
  if (!snapshot) return null;
  const search = createGuideSearch(snapshot.guides);
  // Not storing only costs the next start a rebuild (a full disk, a private window).
  await storeIndex(factory, indexKey(build, snapshot.cursor), search.toJSON()).catch(() => undefined);
  return { cursor: snapshot.cursor, search, source: "built" };
}
