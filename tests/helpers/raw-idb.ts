import type { Page } from "playwright-core";

/**
 * Everything an origin keeps in its browser storage, read the way a thief
 * with the browser profile (or the developer tools) would: the raw
 * IndexedDB API, no Dexie, no app code, no key. Each record becomes its
 * text (every string, number and key in it, joined) and its binary parts
 * (ArrayBuffer, typed arrays, Blob contents) as bytes, so a test can look
 * for a NIK, a name or a run of a photo's bytes anywhere.
 */
export interface RawRecord {
  /** `idb:<database>`, `cache:<cache name>` or `localStorage` / `sessionStorage`. */
  source: string;
  store: string;
  key: string;
  text: string;
  binaries: Buffer[];
}

interface WireRecord {
  source: string;
  store: string;
  key: string;
  text: string;
  binaries: string[];
}

export interface DumpOptions {
  /** Also read Cache Storage (response bodies) and local/session storage. */
  caches?: boolean;
}

/** Every record of every object store of every IndexedDB database of the page's origin. */
export async function dumpStorage(page: Page, options: DumpOptions = {}): Promise<RawRecord[]> {
  const wire = await page.evaluate(async ({ caches: withCaches }) => {
    const out: { source: string; store: string; key: string; text: string; binaries: string[] }[] = [];
    const toBase64 = (bytes: Uint8Array) => {
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    };
    // Walks a structured-clone value: strings and numbers into `texts`, bytes into `bins`, blobs read later.
    const walk = (value: unknown, texts: string[], bins: Uint8Array[], blobs: Blob[], seen: Set<unknown>) => {
      if (value === null || value === undefined) return;
      if (typeof value === "string") texts.push(value);
      else if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean")
        texts.push(String(value));
      else if (value instanceof ArrayBuffer) bins.push(new Uint8Array(value.slice(0)));
      else if (ArrayBuffer.isView(value))
        bins.push(new Uint8Array(value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)));
      else if (value instanceof Blob) blobs.push(value);
      else if (value instanceof Date) texts.push(value.toISOString());
      else if (typeof CryptoKey !== "undefined" && value instanceof CryptoKey) texts.push("[CryptoKey]");
      else if (typeof value === "object") {
        if (seen.has(value)) return;
        seen.add(value);
        if (value instanceof Map)
          for (const [k, v] of value) {
            walk(k, texts, bins, blobs, seen);
            walk(v, texts, bins, blobs, seen);
          }
        else if (value instanceof Set) for (const v of value) walk(v, texts, bins, blobs, seen);
        else
          for (const [k, v] of Object.entries(value)) {
            texts.push(k);
            walk(v, texts, bins, blobs, seen);
          }
      }
    };
    const record = async (source: string, store: string, key: unknown, value: unknown) => {
      const texts: string[] = [];
      const bins: Uint8Array[] = [];
      const blobs: Blob[] = [];
      const seen = new Set<unknown>();
      walk(key, texts, bins, blobs, seen);
      walk(value, texts, bins, blobs, seen);
      for (const blob of blobs) bins.push(new Uint8Array(await blob.arrayBuffer()));
      out.push({
        source,
        store,
        key: typeof key === "string" ? key : JSON.stringify(key),
        text: texts.join("\u0000"),
        binaries: bins.map(toBase64),
      });
    };

    const databases = await indexedDB.databases();
    for (const info of databases) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
        // Opening without a version never upgrades; a blocked open would mean a bug in this helper.
        request.onblocked = () => reject(new Error(`open of ${info.name} blocked`));
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        // Keys and values read in one transaction, then walked (reading blobs is async: after the transaction).
        const rows = await new Promise<{ key: unknown; value: unknown }[]>((resolve, reject) => {
          const rows: { key: unknown; value: unknown }[] = [];
          const request = db.transaction(storeName).objectStore(storeName).openCursor();
          request.onsuccess = () => {
            const cursor = request.result;
            if (!cursor) return resolve(rows);
            rows.push({ key: cursor.primaryKey, value: cursor.value });
            cursor.continue();
          };
          request.onerror = () => reject(request.error);
        });
        for (const row of rows) await record(`idb:${info.name}`, storeName, row.key, row.value);
      }
      db.close();
    }

    if (withCaches) {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          const body = response ? new Uint8Array(await response.arrayBuffer()) : new Uint8Array();
          out.push({
            source: `cache:${name}`,
            store: "",
            key: request.url,
            text: request.url,
            binaries: [toBase64(body)],
          });
        }
      }
      for (const [source, storage] of [
        ["localStorage", localStorage],
        ["sessionStorage", sessionStorage],
      ] as const) {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i) ?? "";
          out.push({ source, store: "", key, text: `${key}\u0000${storage.getItem(key) ?? ""}`, binaries: [] });
        }
      }
    }
    return out;
  }, options);
  return wire.map((row: WireRecord) => ({ ...row, binaries: row.binaries.map((b) => Buffer.from(b, "base64")) }));
}

/** Where a text occurs: in a record's strings, or as UTF-8 (or UTF-16LE) bytes inside its binary parts. */
export function findText(records: RawRecord[], needle: string): string[] {
  const utf8 = Buffer.from(needle, "utf8");
  const utf16 = Buffer.from(needle, "utf16le");
  const lower = needle.toLowerCase();
  const hits: string[] = [];
  for (const row of records) {
    const where = `${row.source}/${row.store}/${row.key}`;
    if (row.text.toLowerCase().includes(lower)) hits.push(`${where} (text)`);
    for (const bytes of row.binaries) {
      if (bytes.indexOf(utf8) >= 0 || bytes.indexOf(utf16) >= 0) hits.push(`${where} (bytes)`);
    }
  }
  return hits;
}

/**
 * Where any `window`-byte run of `needle` occurs in a record's bytes (binary
 * parts, and the text as UTF-8 in case bytes were stored as a string): a
 * photo copied whole, cut in pieces or behind a header is found all the same.
 */
export function findBytes(records: RawRecord[], needle: Uint8Array, window = 32): string[] {
  if (needle.byteLength < window) throw new Error("needle shorter than the window");
  const source = Buffer.from(needle.buffer, needle.byteOffset, needle.byteLength);
  // Every window of the needle, indexed by its first four bytes; a match is then compared in full.
  const starts = new Map<number, number[]>();
  for (let at = 0; at + window <= source.byteLength; at++) {
    const head = source.readUInt32BE(at);
    const list = starts.get(head);
    if (list) list.push(at);
    else starts.set(head, [at]);
  }
  const hits: string[] = [];
  for (const row of records) {
    for (const bytes of [...row.binaries, Buffer.from(row.text, "latin1")]) {
      const found = firstWindow(bytes, source, starts, window);
      if (found !== null) hits.push(`${row.source}/${row.store}/${row.key} @${found}`);
    }
  }
  return hits;
}

function firstWindow(hay: Buffer, needle: Buffer, starts: Map<number, number[]>, window: number): number | null {
  for (let at = 0; at + window <= hay.byteLength; at++) {
    const list = starts.get(hay.readUInt32BE(at));
    if (!list) continue;
    for (const from of list) {
      if (hay.compare(needle, from, from + window, at, at + window) === 0) return at;
    }
  }
  return null;
}

/** Records of one IndexedDB object store (of the app's database unless named). */
export function storeRecords(records: RawRecord[], store: string, database = "masdarin"): RawRecord[] {
  return records.filter((row) => row.source === `idb:${database}` && row.store === store);
}

/** A one-line inventory for failure messages: how many records each store holds. */
export function inventory(records: RawRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of records) {
    const name = `${row.source}/${row.store}`;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/**
 * One object store's rows as plain JSON, read raw (no Dexie, no key): binary
 * fields become `{ $bytes, sha256 }`, so a test can compare what an older
 * version stored with what the current one shows.
 */
export async function readRows(page: Page, store: string, database = "masdarin"): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    async ({ store, database }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(database);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      if (!db.objectStoreNames.contains(store)) {
        db.close();
        return [];
      }
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      const hex = (buffer: ArrayBuffer) =>
        Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
      const plain = async (value: unknown): Promise<unknown> => {
        if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
          const bytes =
            value instanceof ArrayBuffer
              ? value
              : value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
          return { $bytes: bytes.byteLength, sha256: hex(await crypto.subtle.digest("SHA-256", bytes as ArrayBuffer)) };
        }
        if (Array.isArray(value)) return Promise.all(value.map(plain));
        if (value && typeof value === "object" && !(typeof CryptoKey !== "undefined" && value instanceof CryptoKey)) {
          const out: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(value)) out[k] = await plain(v);
          return out;
        }
        return value;
      };
      return (await Promise.all(rows.map(plain))) as Record<string, unknown>[];
    },
    { store, database },
  );
}

/** The raw bytes of the page blobs an older version stored in the clear, by blob id. */
export async function plaintextPageBytes(page: Page): Promise<Map<string, Buffer>> {
  const wire = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("masdarin");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ id: string; kind: string; data: ArrayBuffer }[]>((resolve, reject) => {
      const request = db.transaction("blobs").objectStore("blobs").getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows.map((row) => {
      const bytes = new Uint8Array(row.data);
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { id: `${row.kind}:${row.id}`, base64: btoa(binary) };
    });
  });
  return new Map(wire.map((row) => [row.id, Buffer.from(row.base64, "base64")]));
}
