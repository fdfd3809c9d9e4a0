import { CataloguePage } from "../../shared/api/catalogue";
import type { LocalDb } from "../db/local-db";

export class CatalogueSyncError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "CatalogueSyncError";
  }
}

/**
 * Fetches the catalogue delta and applies it with its cursor in one
 * transaction: a crash between the two can never leave a cursor that claims
 * changes the device does not have. Returns whether any guide changed.
 */
export async function pullCatalogue(db: LocalDb, fetchFn: typeof fetch): Promise<boolean> {
  const cursor = (await db.meta.get("catalogueCursor"))?.value;
  const url = cursor ? `/api/guides?since=${encodeURIComponent(cursor)}` : "/api/guides";
  let response = await fetchFn(url, { headers: { Accept: "application/json" } });
  if (response.status === 400 && cursor) {
    // The server no longer understands our cursor: start over from the whole catalogue.
    response = await fetchFn("/api/guides", { headers: { Accept: "application/json" } });
  }
  if (!response.ok) throw new CatalogueSyncError(`catalogue request failed`, response.status);
  // Validate before writing: a broken server response must never replace good offline data.
  const page = CataloguePage.parse(await response.json());
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
