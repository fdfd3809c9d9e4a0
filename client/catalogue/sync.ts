import { CataloguePage } from "../../shared/api/catalogue";
import { parseDroppingUnknownKeys } from "../../shared/tolerant-parse";
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

/** Bytes of the catalogue received so far, and the whole when the server says it (not when compressed). */
export type DownloadProgress = (received: number, total: number | null) => void;

/**
 * Reads a response body while counting its bytes, so a first visit on slow
 * 3G can say how far the download is. Falls back to plain JSON without a
 * readable stream.
 */
async function readJson(response: Response, onProgress?: DownloadProgress): Promise<unknown> {
  if (!onProgress || !response.body) return response.json();
  const header = Number(response.headers.get("Content-Length"));
  // A compressed body's Content-Length counts compressed bytes, not the ones read here.
  const total = header > 0 && !response.headers.get("Content-Encoding") ? header : null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return JSON.parse(new TextDecoder().decode(bytes));
}

/**
 * Fetches the catalogue delta and applies it with its cursor in one
 * transaction: a crash between the two can never leave a cursor that claims
 * changes the device does not have. Returns whether any guide changed.
 */
export async function pullCatalogue(
  db: LocalDb,
  fetchFn: typeof fetch,
  onProgress?: DownloadProgress,
): Promise<boolean> {
  const cursor = (await db.meta.get("catalogueCursor"))?.value;
  const url = cursor ? `/api/guides?since=${encodeURIComponent(cursor)}` : "/api/guides";
  let response = await fetchFn(url, { headers: { Accept: "application/json" } });
  if (response.status === 400 && cursor) {
    // The server no longer understands our cursor: start over from the whole catalogue.
    response = await fetchFn("/api/guides", { headers: { Accept: "application/json" } });
  }
  if (!response.ok) throw new CatalogueSyncError(`catalogue request failed`, response.status);
  // Validate before writing: a broken server response must never replace good offline data.
  // Fields a newer server added are dropped, not fatal: an app not yet updated keeps its guides current.
  const page = parseDroppingUnknownKeys(CataloguePage, await readJson(response, onProgress));
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
