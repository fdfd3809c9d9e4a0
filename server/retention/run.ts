import type { RetentionReport } from "../../shared/api/retention";
import type { Locale } from "../../shared/text";
import { prepared } from "../dashboard/statements";
import type { Db } from "../db/open";
import { type ExpiredComplaint, type ExpiredFile, expiredComplaints, expiredFiles } from "./candidates";
import { forgetPhotos, removeStoredPhotos, unneededPhotos } from "./photos";
import { currentCutoff, emptyReport, reportOf } from "./report";
import { scrubbedContent, scrubbedVerdict, withoutFreeText } from "./scrub";

/** Files per transaction: short enough that the sync and the console wait little between batches. */
export const RETENTION_BATCH = 500;

export interface RetentionRunOptions {
  now: Date;
  /** Folder of stored photos; omitted, only the rows are changed (a backup's copy before its photos are copied). */
  filesDir?: string | undefined;
  locale?: Locale;
  batch?: number;
}

export interface RetentionRunResult {
  report: RetentionReport;
  /** Photos whose bytes could not be deleted from disk (their rows are gone); 0 normally. */
  undeleted: number;
}

/**
 * Carries out the retention: each batch in one transaction scrubs the
 * expired files' content and verdict notes and the expired complaints'
 * reporter and evidence, sets scrubbed_at, and forgets the photos nothing
 * else needs; their bytes are deleted after the commit. The workflow columns
 * (status, dates, office, guide, tracking number, clock, codes) are not
 * touched, so the dashboard, the on-time figures, the SKM population and the
 * public tracking page read the same. version and change_seq stay too: the
 * phone never receives content from a pull, and has long removed its own copy
 * (its retention is at most a year, the server's at least one).
 *
 * secure_delete is on for the run, so the values it overwrites are zeroed
 * where they lay (not merely unlinked into free space); see forgetOldCopies
 * for the copies that earlier updates left behind.
 */
export async function runRetention(db: Db, options: RetentionRunOptions): Promise<RetentionRunResult> {
  const limits = currentCutoff(db, options.now);
  if (!limits) return { report: emptyReport(true), undeleted: 0 };
  const batch = options.batch ?? RETENTION_BATCH;
  const at = options.now.toISOString();
  const done = { files: [] as ExpiredFile[], complaints: [] as ExpiredComplaint[] };
  const removed = { photos: 0, bytes: 0 };
  let undeleted = 0;
  const secureBefore = db.$client.pragma("secure_delete", { simple: true });
  db.$client.pragma("secure_delete = ON");
  try {
    for (;;) {
      const step = db.$client
        .transaction(() => {
          const files = expiredFiles(db, limits.cutoff, batch);
          const complaints = files.length < batch ? expiredComplaints(db, limits.cutoff, batch - files.length) : [];
          for (const file of files) scrubFile(db, file.id, at);
          scrubNotes(
            db,
            files.map((file) => file.id),
          );
          for (const complaint of complaints) scrubComplaint(db, complaint.id, at);
          const sizes = new Map(
            [...files, ...complaints].flatMap((item) => item.photos.map((p) => [p.sha256, p.bytes])),
          );
          const gone = unneededPhotos(db, [...sizes.keys()], limits.cutoff);
          forgetPhotos(db, gone);
          return { files, complaints, gone, bytes: gone.reduce((sum, hash) => sum + (sizes.get(hash) ?? 0), 0) };
        })
        .immediate();
      done.files.push(...step.files);
      done.complaints.push(...step.complaints);
      removed.photos += step.gone.length;
      removed.bytes += step.bytes;
      if (options.filesDir) undeleted += await removeStoredPhotos(options.filesDir, step.gone);
      if (step.files.length + step.complaints.length < batch) break;
    }
  } finally {
    db.$client.pragma(`secure_delete = ${Number(secureBefore) ? "ON" : "OFF"}`);
  }
  if (done.files.length + done.complaints.length > 0) forgetOldCopies(db, Number(secureBefore) === 1);
  return { report: reportOf(db, limits, done.files, done.complaints, options.locale ?? "id", removed), undeleted };
}

function scrubFile(db: Db, id: string, at: string): void {
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
function scrubNotes(db: Db, ids: string[]): void {
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
    "SELECT id, before, after FROM audit_log WHERE target_type = 'application' AND target_id IN (SELECT value FROM json_each(?))",
  ).all(list) as { id: number; before: string | null; after: string | null }[];
  const updateEntry = prepared(db, "UPDATE audit_log SET before = ?, after = ? WHERE id = ?");
  const clean = (json: string | null) => (json === null ? null : JSON.stringify(withoutFreeText(JSON.parse(json))));
  for (const entry of entries) {
    const before = clean(entry.before);
    const after = clean(entry.after);
    if (before !== entry.before || after !== entry.after) updateEntry.run(before, after, entry.id);
  }
}

function scrubComplaint(db: Db, id: string, at: string): void {
  prepared(
    db,
    "UPDATE complaints SET reporter_name = NULL, reporter_contact = NULL, evidence = '[]', scrubbed_at = ? WHERE id = ?",
  ).run(at, id);
}

/**
 * Earlier updates of a file (its receipt, each verdict) rewrote its row and
 * left the previous copy, name and NIK included, in free space of the
 * database file, unless secure_delete was on when they happened. Only
 * rewriting the file removes them: VACUUM, skipped when the connection
 * already ran with secure_delete on (then no such copies exist). The WAL is
 * then checkpointed and truncated, so no old frame keeps a value either.
 */
function forgetOldCopies(db: Db, alwaysSecure: boolean): void {
  if (!alwaysSecure) db.$client.exec("VACUUM");
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
}
