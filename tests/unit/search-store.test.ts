import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { APP_DB, currentIndex, readCursor } from "../../client/catalogue/search-store";
import type { Guide } from "../../shared/guide";
import { fixtureGuides } from "../fixtures/guides";

/** The app's database as Dexie leaves it: guides by id, meta by key. */
async function appDatabase(factory: IDBFactory, guides: Guide[], cursor: string): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = factory.open(APP_DB, 40);
    open.onupgradeneeded = () => {
      open.result.createObjectStore("guides", { keyPath: "id" });
      open.result.createObjectStore("meta", { keyPath: "key" });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(["guides", "meta"], "readwrite");
    for (const guide of guides) tx.objectStore("guides").put(guide);
    tx.objectStore("meta").put({ key: "catalogueCursor", value: cursor });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

const databases = async (factory: IDBFactory) => (await factory.databases()).map((db) => db.name);

describe("the search worker's stored index", () => {
  it("builds the index on a first start and reads it back on the next, for the same catalogue cursor", async () => {
    const factory = new IDBFactory();
    await appDatabase(factory, fixtureGuides, "c-1");
    const first = await currentIndex(factory, "build-a", null);
    expect(first?.source).toBe("built");
    expect(first?.cursor).toBe("c-1");
    const later = await currentIndex(factory, "build-a", null);
    expect(later?.source).toBe("stored");
    expect(later?.search.search("akte lahir")).toEqual(first?.search.search("akte lahir"));
    // Nothing changed since: the index in memory is kept as it is.
    expect(await currentIndex(factory, "build-a", later ?? null)).toBe(later);
  });

  it("builds afresh for a newer catalogue or for other search code", async () => {
    const factory = new IDBFactory();
    await appDatabase(factory, fixtureGuides.slice(0, 3), "c-1");
    const old = await currentIndex(factory, "build-a", null);
    expect(old?.search.size).toBe(3);
    await appDatabase(factory, fixtureGuides, "c-2");
    const newer = await currentIndex(factory, "build-a", old ?? null);
    expect(newer?.source).toBe("built");
    expect(newer?.search.size).toBe(fixtureGuides.length);
    expect((await currentIndex(factory, "build-b", null))?.source).toBe("built");
  });

  it("never creates the app's database when there is none yet (Dexie owns its schema)", async () => {
    const factory = new IDBFactory();
    expect(await readCursor(factory)).toBeNull();
    expect(await currentIndex(factory, "build-a", null)).toBeNull();
    expect(await databases(factory)).not.toContain(APP_DB);
  });
});
