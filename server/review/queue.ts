import type { QueueItem, QueuePage, QueueSearch, ReviewStatus } from "../../shared/api/console";
import { DraftId } from "../../shared/draft";
import { type SearchTerms, searchable, searchTerms } from "../../shared/review/search";
import { OPEN_STATUSES } from "../../shared/review/statuses";
import type { Scope } from "../console/scope";
import type { Db } from "../db/open";

interface Position {
  submittedAt: string;
  id: string;
}

/** Opaque to clients: base64url of the last item's (submittedAt, id). */
export function encodeQueueCursor(position: Position): string {
  return Buffer.from(JSON.stringify({ s: position.submittedAt, i: position.id })).toString("base64url");
}

export function decodeQueueCursor(raw: string): Position | null {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!value || typeof value !== "object") return null;
    const { s, i } = value as { s?: unknown; i?: unknown };
    if (typeof s !== "string" || s.length > 40 || Number.isNaN(Date.parse(s))) return null;
    if (!DraftId.safeParse(i).success) return null;
    return { submittedAt: s, id: i as string };
  } catch {
    return null;
  }
}

/**
 * Every kecamatan code that has applications, found by skipping through
 * applications_queue_idx (one index seek per code, not a scan of the table).
 */
function kecamatanCodes(db: Db): string[] {
  const rows = db.$client
    .prepare(
      `WITH RECURSIVE codes(code) AS (
         SELECT MIN(kecamatan_code) FROM applications
         UNION ALL
         SELECT (SELECT MIN(kecamatan_code) FROM applications WHERE kecamatan_code > codes.code)
         FROM codes WHERE codes.code IS NOT NULL
       )
       SELECT code FROM codes WHERE code IS NOT NULL`,
    )
    .all() as { code: string }[];
  return rows.map((row) => row.code);
}

interface Partition {
  /** null: applications of cadres without a kecamatan (visible to admins only). */
  kecamatanCode: string | null;
  status: ReviewStatus;
}

/** A LIKE pattern matching `text` literally (its %, _ and backslash escaped with a backslash). */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * The search box's condition: any of the applicant's name, the NIK's digits
 * (submitted content stores them canonical, server/sync/applications.ts) or
 * the file id's start. Filters rows of a slice already narrowed by scope.
 */
function searchSql(terms: SearchTerms): { text: string; params: string[] } {
  const any: string[] = [];
  const params: string[] = [];
  if (terms.name) {
    any.push("json_extract(content, '$.applicant.fullName') LIKE ? ESCAPE '\\'");
    params.push(`%${literal(terms.name)}%`);
  }
  if (terms.nikDigits?.length === 16) {
    any.push("json_extract(content, '$.applicant.nik') = ?");
    params.push(terms.nikDigits);
  } else if (terms.nikDigits) {
    any.push("json_extract(content, '$.applicant.nik') LIKE ? ESCAPE '\\'");
    params.push(`${terms.nikDigits}%`);
  }
  if (terms.idPrefix) {
    any.push("id LIKE ? ESCAPE '\\'");
    params.push(`${literal(terms.idPrefix)}%`);
  }
  return { text: `(${any.join(" OR ")})`, params };
}

/**
 * The next `take` positions of one (kecamatan, status) slice, in queue order.
 * Each slice is a range of applications_queue_idx, so a page costs a few
 * index seeks however many rows the table holds. Tombstones are always
 * drafts, which never reach the queue, so deleted_at needs no check here.
 */
export function partitionSql(partition: Partition, query: QueueSearch, after: Position | null) {
  const where: string[] = [
    partition.kecamatanCode === null ? "kecamatan_code IS NULL" : "kecamatan_code = ?",
    "status = ?",
    "submitted_at IS NOT NULL",
  ];
  const params: (string | number)[] = [];
  if (partition.kecamatanCode !== null) params.push(partition.kecamatanCode);
  params.push(partition.status);
  if (after) {
    where.push("(submitted_at, id) > (?, ?)");
    params.push(after.submittedAt, after.id);
  }
  if (query.guideId) {
    where.push("guide_id = ?");
    params.push(query.guideId);
  }
  if (query.villageCode) {
    where.push("village_code = ?");
    params.push(query.villageCode);
  }
  if (query.cadreId) {
    where.push("cadre_id = ?");
    params.push(query.cadreId);
  }
  if (query.q) {
    const search = searchSql(searchTerms(query.q));
    where.push(search.text);
    params.push(...search.params);
  }
  params.push(query.limit + 1);
  const text = `SELECT id, submitted_at AS submittedAt FROM applications INDEXED BY applications_queue_idx
    WHERE ${where.join(" AND ")} ORDER BY submitted_at, id LIMIT ?`;
  return { text, params };
}

function byPosition(a: Position, b: Position): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface ItemRow {
  id: string;
  guideId: string;
  guideTitle: string | null;
  status: QueueItem["status"];
  applicantName: string | null;
  villageCode: string | null;
  cadreId: string;
  cadreName: string;
  submittedAt: string | null;
  version: number;
  submitCount: number;
}

function hydrate(db: Db, ids: string[]): Map<string, QueueItem> {
  if (ids.length === 0) return new Map();
  const rows = db.$client
    .prepare(
      `SELECT a.id, a.guide_id AS guideId, json_extract(g.data, '$.title.id') AS guideTitle, a.status,
              json_extract(a.content, '$.applicant.fullName') AS applicantName, a.village_code AS villageCode,
              a.cadre_id AS cadreId, u.display_name AS cadreName, a.submitted_at AS submittedAt, a.version,
              a.submit_count AS submitCount
       FROM applications a
       JOIN users u ON u.id = a.cadre_id
       LEFT JOIN guides g ON g.id = a.guide_id
       WHERE a.id IN (${ids.map(() => "?").join(", ")})`,
    )
    .all(...ids) as ItemRow[];
  return new Map(
    rows.map((row) => [
      row.id,
      { ...row, guideTitle: row.guideTitle ?? row.guideId, applicantName: row.applicantName ?? "" },
    ]),
  );
}

/**
 * One page of the review queue, oldest submission first. The caller's scope
 * picks the kecamatan slices; each (kecamatan, status) slice is read in index
 * order and the slices are merged, all inside one read transaction so a page
 * is a consistent snapshot.
 */
export function queuePage(db: Db, scope: Scope, query: QueueSearch, after: Position | null): QueuePage {
  // A term that can match nothing (one letter, two digits) answers nothing rather than everything.
  if (scope.kind === "none" || (query.q && !searchable(searchTerms(query.q)))) return { items: [], nextCursor: null };
  const read = db.$client.transaction((): QueuePage => {
    const codes: (string | null)[] = scope.kind === "kecamatan" ? [scope.code] : [...kecamatanCodes(db), null];
    // The open work is what the queue lists when no status is asked for.
    const statuses: readonly ReviewStatus[] = query.status ? [query.status] : OPEN_STATUSES;
    const positions: Position[] = [];
    for (const kecamatanCode of codes) {
      for (const status of statuses) {
        const { text, params } = partitionSql({ kecamatanCode, status }, query, after);
        positions.push(...(db.$client.prepare(text).all(...params) as Position[]));
      }
    }
    positions.sort(byPosition);
    const page = positions.slice(0, query.limit);
    const items = hydrate(
      db,
      page.map((position) => position.id),
    );
    const last = page.at(-1);
    return {
      items: page.flatMap((position) => items.get(position.id) ?? []),
      nextCursor: positions.length > query.limit && last ? encodeQueueCursor(last) : null,
    };
  });
  return read();
}
