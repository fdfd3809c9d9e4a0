import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { eq } from "drizzle-orm";
import type { Draft } from "../../shared/draft";
import type { Db } from "../db/open";
import { files } from "../db/schema";
import { storedFilePath } from "../files/storage";
import type { ApplicationRow } from "../sync/rows";

/** Whether the application's content points at this page file: only those are served to its reviewers. */
export function referencesFile(row: ApplicationRow, sha256: string): boolean {
  const draft = row.content as Draft;
  return Object.values(draft.documents ?? {}).some((document) => document.pages.some((page) => page.sha256 === sha256));
}

/**
 * A stored page as a streamed response (never whole in memory), or null when
 * the row or the bytes are missing. The type comes from the files table,
 * which recorded what the server sniffed, never what a client declared.
 */
export async function pageResponse(db: Db, filesDir: string, sha256: string): Promise<Response | null> {
  const row = db.select({ mime: files.mime }).from(files).where(eq(files.sha256, sha256)).get();
  if (!row) return null;
  const path = storedFilePath(filesDir, sha256);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return null;
    size = info.size;
  } catch {
    return null;
  }
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": row.mime,
      "Content-Length": String(size),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Disposition": "inline",
    },
  });
}
