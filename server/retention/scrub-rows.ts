import { prepared } from "../dashboard/statements";
import type { Db } from "../db/open";
import { scrubbedContent, scrubbedVerdict, withoutFreeText } from "./scrub";

/** The row changes of a retention run (server/retention/run.ts), each inside the run's batch transaction. */

export function scrubFile(db: Db, id: string, at: string): void {
  const row = prepared(db, "SELECT content, verdict FROM applications WHERE id = ?").get(id) as {
    content: string;
    verdict: string | null;
  };
  const verdict = row.verdict === null ? null : scrubbedVerdict(JSON.parse(row.verdict));
  prepared(db, "UPDATE applications SET content = ?, verdict = ?, scrubbed_at = ? WHERE id = ?").run(
    JSON.stringify(scrubbedContent(JSON.parse(row.content), at)),
    verdict === null ? null : JSON.stringify(verdict),
    at,
    id,
  );
}

/**
 * The files' history events and audit entries keep their codes; notes and
 * digests go. The audit log has no index by target: one scan per batch.
 */
export function scrubNotes(db: Db, ids: string[], audit: Map<string, number[]> = auditEntriesOf(db, ids)): void {
  if (ids.length === 0) return;
  const list = JSON.stringify(ids);
  const events = prepared(
    db,
    "SELECT id, detail FROM application_events WHERE application_id IN (SELECT value FROM json_each(?)) AND detail IS NOT NULL",
  ).all(list) as { id: number; detail: string }[];
  const updateEvent = prepared(db, "UPDATE application_events SET detail = ? WHERE id = ?");
  for (const event of events) {
    const kept = JSON.stringify(withoutFreeText(JSON.parse(event.detail)));
    if (kept !== event.detail) updateEvent.run(kept, event.id);
  }
  const entries = prepared(
    db,
    "SELECT id, before, after FROM audit_log WHERE id IN (SELECT value FROM json_each(?))",
  ).all(JSON.stringify(ids.flatMap((id) => audit.get(id) ?? []))) as {
    id: number;
    before: string | null;
    after: string | null;
  }[];
  const updateEntry = prepared(db, "UPDATE audit_log SET before = ?, after = ? WHERE id = ?");
  const clean = (json: string | null) => (json === null ? null : JSON.stringify(withoutFreeText(JSON.parse(json))));
  for (const entry of entries) {
    const before = clean(entry.before);
    const after = clean(entry.after);
    if (before !== entry.before || after !== entry.after) updateEntry.run(before, after, entry.id);
  }
}

/**
 * The audit entries about these files, by file. The audit log has no index by
 * target: a run reads it once for all its files (a decided file gets no new
 * entries), not once per batch.
 */
export function auditEntriesOf(db: Db, ids: string[]): Map<string, number[]> {
  const rows = prepared(
    db,
    "SELECT id, target_id AS targetId FROM audit_log WHERE target_type = 'application' AND target_id IN (SELECT value FROM json_each(?))",
  ).all(JSON.stringify(ids)) as { id: number; targetId: string }[];
  const entries = new Map<string, number[]>();
  for (const row of rows) entries.set(row.targetId, [...(entries.get(row.targetId) ?? []), row.id]);
  return entries;
}

export function scrubComplaint(db: Db, id: string, at: string): void {
  prepared(
    db,
    "UPDATE complaints SET reporter_name = NULL, reporter_contact = NULL, evidence = '[]', scrubbed_at = ? WHERE id = ?",
  ).run(at, id);
}

/**
 * Earlier updates of a file (its receipt, each verdict) rewrote its row and
 * left the previous copy, name and NIK included, in free space of the
 * database file, unless secure_delete was on when they happened (it is off
 * by default, and whether it always was cannot be known). Only rewriting the
 * file removes them: VACUUM (bench/retention.ts measures it). The WAL is then
 * checkpointed and truncated, so no old frame keeps a value either.
 */
export function forgetOldCopies(db: Db): void {
  db.$client.exec("VACUUM");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
}
