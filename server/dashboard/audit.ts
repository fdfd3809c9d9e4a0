import { type SQL, sql } from "drizzle-orm";
import type { AuditEntry } from "../../shared/api/console";
import { withoutNotes } from "../../shared/audit/notes";
import type { TargetName } from "../audit/targets";
import type { Scope } from "../console/scope";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";

/**
 * Reading the audit log: newest first, keyset pages on the id (stable while
 * new entries arrive, and as fast on page 1,000 as on page 1).
 *
 * An operator sees the entries of their kecamatan plus the server-wide guide
 * and catalogue changes (which change what their cadres show); never another
 * kecamatan's, and never server-wide user actions, which are admin business.
 */
export interface AuditFilter {
  scope: Scope;
  actorId?: string | undefined;
  action?: string | undefined;
}

/** An entry as stored: before/after are the JSON text recordAudit wrote. */
export interface AuditRow {
  id: number;
  at: string;
  actorId: string;
  actorName: string | null;
  actorRole: AuditEntry["actorRole"];
  action: string;
  targetType: string;
  targetId: string;
  before: string | null;
  after: string | null;
}

function auditWhere(filter: AuditFilter): SQL[] {
  const parts: SQL[] = [];
  if (filter.scope.kind === "none") parts.push(sql`FALSE`);
  if (filter.scope.kind === "kecamatan") {
    parts.push(
      sql`(l.kecamatan_code = ${filter.scope.code} OR (l.kecamatan_code IS NULL AND l.target_type IN ('guide', 'catalogue', 'calendar')))`,
    );
  }
  if (filter.actorId !== undefined) parts.push(sql`l.actor_id = ${filter.actorId}`);
  if (filter.action !== undefined) parts.push(sql`l.action = ${filter.action}`);
  return parts;
}

/** Entries older than `beforeId` (all when undefined), newest first, at most `limit`. */
export async function auditRows(db: Db, filter: AuditFilter, limit: number, beforeId?: number): Promise<AuditRow[]> {
  const conditions = auditWhere(filter);
  if (beforeId !== undefined) conditions.push(sql`l.id < ${beforeId}`);
  return rawAll<AuditRow>(
    db,
    sql`SELECT l.id AS id, l.at AS at, l.actor_id AS "actorId", u.display_name AS "actorName", l.actor_role AS "actorRole",
            l.action AS action, l.target_type AS "targetType", l.target_id AS "targetId",
            l.before AS before, l.after AS after
     FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
     ${conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``}
     ORDER BY l.id DESC LIMIT ${limit}`,
  );
}

/**
 * Every matching entry, newest first, a page at a time. Each page is its own
 * short query: an open cursor would keep the shared connection busy for the
 * whole download, blocking every other request.
 */
export async function* auditBatches(db: Db, filter: AuditFilter, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  let beforeId: number | undefined;
  for (;;) {
    const rows = await auditRows(db, filter, batchSize, beforeId);
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    beforeId = rows[rows.length - 1]?.id;
  }
}

export function toAuditEntry(row: AuditRow, target?: TargetName): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    actorName: row.actorName ?? "",
    actorRole: row.actorRole,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    targetName: target?.name ?? null,
    targetDetail: target?.detail ?? null,
    before: row.before === null ? null : withoutNotes(JSON.parse(row.before)),
    after: row.after === null ? null : withoutNotes(JSON.parse(row.after)),
  };
}

/**
 * before/after as the export writes them: the stored JSON text, without the
 * operator's notes. Only an entry that holds a verdict is parsed and written
 * again; every other one goes out as stored (an export can be millions of rows).
 */
export function exportedAuditJson(text: string | null): string {
  if (text === null) return "";
  if (!text.includes('"verdict"')) return text;
  return JSON.stringify(withoutNotes(JSON.parse(text)));
}

const CURSOR_PREFIX = "a1.";

export function auditCursor(id: number): string {
  return `${CURSOR_PREFIX}${id}`;
}

/** The id a cursor points below, or undefined when it is not one of ours. */
export function parseAuditCursor(cursor: string): number | undefined {
  if (!cursor.startsWith(CURSOR_PREFIX)) return undefined;
  const digits = cursor.slice(CURSOR_PREFIX.length);
  if (!/^[1-9]\d{0,15}$/.test(digits)) return undefined;
  const id = Number(digits);
  return Number.isSafeInteger(id) ? id : undefined;
}
