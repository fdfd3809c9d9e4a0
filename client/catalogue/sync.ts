import { CataloguePage } from "../../shared/api/catalogue";
import { parseDroppingUnknownKeys } from "../../shared/tolerant-parse";
import type { LocalDb } from "../db/local-db";
import { type DownloadProgress, downloadCatalogue } from "./download";

export { CatalogueSyncError, type DownloadProgress } from "./download";

/**
 * Validates a catalogue page (the server's bytes, or what JSON.parse made of
 * them) and applies it with its cursor in one transaction: a crash between
 * the two can never leave a cursor that claims changes the device does not
 * have. Returns whether any guide changed. Runs in the catalogue worker, so
 * zod's work never holds the page.
 */
export async function storeCataloguePage(db: LocalDb, body: Uint8Array | unknown): Promise<boolean> {
  const json = body instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(body)) : body;
  // Validate before writing: a broken server response must never replace good offline data.
  // Fields a newer server added are dropped, not fatal: an app not yet updated keeps its guides current.
  const page = parseDroppingUnknownKeys(CataloguePage, json);
  const now = new Date().toISOString();
  const changed = page.reset || page.guides.length > 0 || page.withdrawn.length > 0;
  await db.transaction("rw", db.guides, db.meta, async () => {
    if (page.reset) {
      const keep = new Set(page.guides.map((guide) => guide.id));
      const stale = (await db.guides.toCollection().primaryKeys()).filter((id) => !keep.has(id));
      await db.guides.bulkDelete(stale);
    }
    await db.guides.bulkPut(page.guides);
    await db.guides.bulkDelete(page.withdrawn);
    await db.meta.bulkPut([
      { key: "catalogueCursor", value: page.cursor },
      { key: "catalogueUpdatedAt", value: now },
    ]);
  });
  return changed;
}

/** Fetches the catalogue delta since the saved cursor and stores it. Returns whether any guide changed. */
export async function pullCatalogue(
  db: LocalDb,
  fetchFn: typeof fetch,
  onProgress?: DownloadProgress,
): Promise<boolean> {
  const cursor = (await db.meta.get("catalogueCursor"))?.value ?? null;
  return storeCataloguePage(db, await downloadCatalogue(fetchFn, cursor, onProgress));
}
