import { sql } from "drizzle-orm";
import type { Locale } from "../../shared/text";
import type { Db } from "../db/open";
import { rawAll, rawGet } from "../db/raw";
import { indexedBy, inList, jsonArrayLength, jsonArrayTextRows, jsonTextAtKey } from "../db/sql-fns";
import { pageHashesOf } from "./scrub";

/** A decided file whose retention has passed and whose personal data is still on record. */
export interface ExpiredFile {
  id: string;
  trackingNumber: string | null;
  guideId: string;
  status: string;
  decidedAt: string;
  /** Its stored pages (those with a row in `files`). */
  photos: StoredPhoto[];
}

/** A closed complaint past retention with a reporter or evidence still on record. */
export interface ExpiredComplaint {
  id: string;
  number: string;
  closedAt: string;
  photos: StoredPhoto[];
}

export interface StoredPhoto {
  sha256: string;
  bytes: number;
}

/** The moment `days` days before `now`: files decided before it have passed retention. */
export function retentionCutoff(days: number, now: Date): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

/** Size of each stored page, for the hashes that have a row; others were never stored or are gone. */
async function storedSizes(db: Db, hashes: string[]): Promise<Map<string, number>> {
  if (hashes.length === 0) return new Map();
  const rows = await rawAll<{ sha256: string; bytes: number }>(
    db,
    sql`SELECT sha256, bytes FROM files WHERE ${inList(sql`sha256`, [...new Set(hashes)])}`,
  );
  return new Map(rows.map((row) => [row.sha256, row.bytes]));
}

function storedOf(hashes: string[], sizes: Map<string, number>): StoredPhoto[] {
  return [...new Set(hashes)].flatMap((sha256) => {
    const bytes = sizes.get(sha256);
    return bytes === undefined ? [] : [{ sha256, bytes }];
  });
}

/**
 * Decided files (approved or rejected, not deleted, not yet scrubbed) decided
 * before `cutoff`, oldest first, at most `limit`. Reads the partial index on
 * decided_at (applications_decided_idx), so the files still kept cost nothing.
 */
export async function expiredFiles(db: Db, cutoff: string, limit: number): Promise<ExpiredFile[]> {
  const rows = await rawAll<Omit<ExpiredFile, "photos"> & { content: string }>(
    db,
    sql`SELECT id, tracking_number AS "trackingNumber", guide_id AS "guideId", status, decided_at AS "decidedAt", content
     FROM ${indexedBy("applications", "applications_decided_idx")}
     WHERE status IN ('approved', 'rejected') AND deleted_at IS NULL AND decided_at < ${cutoff} AND scrubbed_at IS NULL
     ORDER BY decided_at, id LIMIT ${limit}`,
  );
  const pages = rows.map((row) => pageHashesOf(JSON.parse(row.content)));
  const sizes = await storedSizes(db, pages.flat());
  return rows.map(({ content: _content, ...row }, index) => {
    return { ...row, photos: storedOf(pages[index] ?? [], sizes) };
  });
}

/** Closed complaints before `cutoff` whose reporter's name or contact, or evidence, is still on record. */
export async function expiredComplaints(db: Db, cutoff: string, limit: number): Promise<ExpiredComplaint[]> {
  const rows = await rawAll<{ id: string; number: string; closedAt: string; evidence: string }>(
    db,
    sql`SELECT id, number, closed_at AS "closedAt", evidence FROM complaints
     WHERE closed_at IS NOT NULL AND closed_at < ${cutoff} AND scrubbed_at IS NULL
       AND (reporter_name IS NOT NULL OR reporter_contact IS NOT NULL OR ${jsonArrayLength(sql`evidence`)} > 0)
     ORDER BY closed_at, id LIMIT ${limit}`,
  );
  const evidence = rows.map((row) =>
    (JSON.parse(row.evidence) as { sha256?: unknown }[])
      .map((photo) => photo.sha256)
      .filter((hash): hash is string => typeof hash === "string"),
  );
  const sizes = await storedSizes(db, evidence.flat());
  return rows.map(({ evidence: _evidence, ...row }, index) => {
    return { ...row, photos: storedOf(evidence[index] ?? [], sizes) };
  });
}

/** Whether a listed file is still to be scrubbed (in the batch's transaction: nothing changed it since the list). */
export async function stillExpiredFile(db: Db, id: string, cutoff: string): Promise<boolean> {
  return (
    (await rawGet(
      db,
      sql`SELECT 1 AS one FROM applications WHERE id = ${id} AND status IN ('approved', 'rejected') AND deleted_at IS NULL
         AND decided_at < ${cutoff} AND scrubbed_at IS NULL`,
    )) !== undefined
  );
}

export async function stillExpiredComplaint(db: Db, id: string, cutoff: string): Promise<boolean> {
  return (
    (await rawGet(
      db,
      sql`SELECT 1 AS one FROM complaints WHERE id = ${id} AND closed_at < ${cutoff} AND scrubbed_at IS NULL`,
    )) !== undefined
  );
}

/** Service titles in `locale` (the guide's id when it has none). */
export async function serviceTitles(db: Db, guideIds: string[], locale: Locale): Promise<Map<string, string>> {
  if (guideIds.length === 0) return new Map();
  const rows = await rawAll<{ id: string; title: string | null }>(
    db,
    sql`SELECT ids.value AS id, ${jsonTextAtKey(sql`g.data`, ["title"], locale)} AS title
     FROM ${jsonArrayTextRows(JSON.stringify([...new Set(guideIds)]), "ids")} LEFT JOIN guides g ON g.id = ids.value`,
  );
  return new Map(rows.map((row) => [row.id, row.title ?? row.id]));
}
