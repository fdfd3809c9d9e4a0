import { sql } from "drizzle-orm";
import { sqliteDriver } from "../db/maintenance";
import type { Db } from "../db/open";
import { rawAll, rawGet, rawRun } from "../db/raw";
import { inIntegerList, inList } from "../db/sql-fns";
import { scrubbedContent, scrubbedVerdict, withoutFreeText } from "./scrub";

/** The row changes of a retention run (server/retention/run.ts), each inside the run's batch transaction. */

export async function scrubFile(db: Db, id: string, at: string): Promise<void> {
  const row = await rawGet<{ content: string; verdict: string | null }>(
    db,
    sql`SELECT content, verdict FROM applications WHERE id = ${id}`,
  );
  if (!row) throw new Error(`scrubFile: no file ${id}`);
  const verdict = row.verdict === null ? null : scrubbedVerdict(JSON.parse(row.verdict));
  await rawRun(
    db,
    sql`UPDATE applications SET content = ${JSON.stringify(scrubbedContent(JSON.parse(row.content), at))},
      verdict = ${verdict === null ? null : JSON.stringify(verdict)}, scrubbed_at = ${at} WHERE id = ${id}`,
  );
}

/**
 * The files' history events and audit entries keep their codes; notes and
 * digests go. The audit log has no index by target: one scan per batch.
 */
export async function scrubNotes(db: Db, ids: string[], audit?: Map<string, number[]>): Promise<void> {
  if (ids.length === 0) return;
  const entriesOf = audit ?? (await auditEntriesOf(db, ids));
  const events = await rawAll<{ id: number; detail: string }>(
    db,
    sql`SELECT id, detail FROM application_events WHERE ${inList(sql`application_id`, ids)} AND detail IS NOT NULL`,
  );
  for (const event of events) {
    const kept = JSON.stringify(withoutFreeText(JSON.parse(event.detail)));
    if (kept !== event.detail)
      await rawRun(db, sql`UPDATE application_events SET detail = ${kept} WHERE id = ${event.id}`);
  }
  const entries = await rawAll<{ id: number; before: string | null; after: string | null }>(
    db,
    sql`SELECT id, before, after FROM audit_log WHERE ${inIntegerList(
      sql`id`,
      ids.flatMap((id) => entriesOf.get(id) ?? []),
    )}`,
  );
  const clean = (json: string | null) => (json === null ? null : JSON.stringify(withoutFreeText(JSON.parse(json))));
  for (const entry of entries) {
    const before = clean(entry.before);
    const after = clean(entry.after);
    if (before !== entry.before || after !== entry.after) {
      await rawRun(db, sql`UPDATE audit_log SET before = ${before}, after = ${after} WHERE id = ${entry.id}`);
    }
  }
}

/**
 * The audit entries about these files, by file. The audit log has no index by
 * target: a run reads it once for all its files (a decided file gets no new
 * entries), not once per batch.
 */
export async function auditEntriesOf(db: Db, ids: string[]): Promise<Map<string, number[]>> {
  const rows = await rawAll<{ id: number; targetId: string }>(
    db,
    sql`SELECT id, target_id AS "targetId" FROM audit_log WHERE target_type = 'application' AND ${inList(sql`target_id`, ids)}`,
  );
  const entries = new Map<string, number[]>();
  for (const row of rows) entries.set(row.targetId, [...(entries.get(row.targetId) ?? []), row.id]);
  return entries;
}

export async function scrubComplaint(db: Db, id: string, at: string): Promise<void> {
  await rawRun(
    db,
    sql`UPDATE complaints SET reporter_name = NULL, reporter_contact = NULL, evidence = '[]', scrubbed_at = ${at} WHERE id = ${id}`,
  );
}

/**
 * Earlier updates of a file (its receipt, each verdict) rewrote its row and
 * left the previous copy, name and NIK included, in free space of the
 * database file, unless secure_delete was on when they happened (it is off
 * by default, and whether it always was cannot be known). Only rewriting the
 * file removes them: VACUUM (bench/retention.ts measures it). The WAL is then
 * checkpointed and truncated, so no old frame keeps a value either.
 *
 * SQLite only (PostgreSQL's VACUUM is the engine's own, docs/DEPLOY.md). Run
 * as statements rather than on the driver, so they wait for any open
 * transaction of this process to end (VACUUM cannot run inside one).
 */
export async function forgetOldCopies(db: Db): Promise<void> {
  if (!sqliteDriver(db)) return;
  await rawRun(db, sql`VACUUM`);
  await rawAll(db, sql`PRAGMA wal_checkpoint(TRUNCATE)`);
}
