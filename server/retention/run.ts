import type { RetentionReport } from "../../shared/api/retention";
import type { Locale } from "../../shared/text";
import { sqliteDriver } from "../db/maintenance";
import type { Db } from "../db/open";
import { withTransaction } from "../db/transaction";
import type { PhotoStore } from "../files/photo-store";
import {
  type ExpiredComplaint,
  type ExpiredFile,
  expiredComplaints,
  expiredFiles,
  stillExpiredComplaint,
  stillExpiredFile,
} from "./candidates";
import { forgetPhotos, removeStoredPhotos } from "./photos";
import { PhotoReferences } from "./references";
import { currentCutoff, emptyReport, reportOf } from "./report";
import { auditEntriesOf, forgetOldCopies, scrubComplaint, scrubFile, scrubNotes } from "./scrub-rows";

/** Files per transaction: short enough that the sync and the console wait little between batches. */
export const RETENTION_BATCH = 500;

export interface RetentionRunOptions {
  now: Date;
  /** Where the photos are kept; omitted, only the rows are changed (a backup's snapshot, whose photos are copied after). */
  photos?: PhotoStore | undefined;
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
 * expired files' content, verdict notes and history notes and the expired
 * complaints' reporter and evidence, sets scrubbed_at, and forgets the photos
 * nothing else needs; their bytes are deleted after the commit (a row always
 * means the bytes are there). The workflow columns (status, dates, office,
 * guide, tracking number, clock, codes) are not touched, so the dashboard, the
 * on-time figures, the SKM population and the public tracking page read the
 * same. version and change_seq stay too: a pull never carries content, and
 * the phone removed its own copy long before (its retention is at most a
 * year, the server's at least one).
 *
 * secure_delete is on for the run (SQLite), so the values it overwrites are
 * zeroed where they lay (not merely unlinked into free space); forgetOldCopies
 * handles the copies earlier updates left behind.
 */
export async function runRetention(db: Db, options: RetentionRunOptions): Promise<RetentionRunResult> {
  const run = await startRun(db, options);
  if (!run) return { report: emptyReport(true), undeleted: 0 };
  let undeleted = 0;
  try {
    for (let more = true; more; ) {
      const step = await runBatch(db, run);
      more = step.more;
      // Between batches the event loop serves other requests while the bytes go.
      if (options.photos) undeleted += await removeStoredPhotos(options.photos, step.gone);
    }
  } finally {
    run.restore();
  }
  return { report: await finishRun(db, run, options.locale), undeleted };
}

interface Run {
  limits: { days: number; cutoff: string };
  at: string;
  batch: number;
  files: ExpiredFile[];
  complaints: ExpiredComplaint[];
  removed: { photos: number; bytes: number };
  references: PhotoReferences;
  audit: Map<string, number[]>;
  /** What is left to do, in the dry run's order. */
  queue: { files: ExpiredFile[]; complaints: ExpiredComplaint[] };
  /** Gives the connection back its secure_delete of before the run. */
  restore: () => void;
}

async function startRun(db: Db, options: RetentionRunOptions): Promise<Run | null> {
  const limits = await currentCutoff(db, options.now);
  if (!limits) return null;
  // Every photo the run may delete, and who names them, read before the first batch.
  const all = Number.MAX_SAFE_INTEGER;
  // The whole list once: a batch takes the next slice and re-checks each row by its key. Scrubbed
  // rows stay in the decided_at index, so asking the index again per batch stepped over all earlier ones.
  const files = await expiredFiles(db, limits.cutoff, all);
  const complaints = await expiredComplaints(db, limits.cutoff, all);
  const hashes = [...files, ...complaints].flatMap((item) => item.photos.map((photo) => photo.sha256));
  const references = await PhotoReferences.scan(db, hashes, options.now.toISOString());
  const audit = await auditEntriesOf(
    db,
    files.map((file) => file.id),
  );
  return {
    references,
    audit,
    queue: { files, complaints },
    limits,
    at: options.now.toISOString(),
    batch: options.batch ?? RETENTION_BATCH,
    files: [],
    complaints: [],
    removed: { photos: 0, bytes: 0 },
    restore: secureDelete(db),
  };
}

/**
 * SQLite: turns secure_delete on for the connection (a connection setting,
 * not a statement of any transaction); answers how to give back what it was.
 * PostgreSQL has no such setting: dead tuples go at its own VACUUM.
 */
function secureDelete(db: Db): () => void {
  const sqlite = sqliteDriver(db);
  if (!sqlite) return () => {};
  const alwaysSecure = Number(sqlite.pragma("secure_delete", { simple: true })) === 1;
  sqlite.pragma("secure_delete = ON");
  return () => sqlite.pragma(`secure_delete = ${alwaysSecure ? "ON" : "OFF"}`);
}

/** One transaction: the next batch scrubbed and its unneeded photos' rows gone; answers their hashes. */
async function runBatch(db: Db, run: Run): Promise<{ gone: string[]; more: boolean }> {
  const { cutoff } = run.limits;
  const step = await withTransaction(db, async (tx) => {
    const files: ExpiredFile[] = [];
    for (const file of run.queue.files.splice(0, run.batch)) {
      if (await stillExpiredFile(tx, file.id, cutoff)) files.push(file);
    }
    const complaints: ExpiredComplaint[] = [];
    for (const complaint of run.queue.complaints.splice(0, run.batch - files.length)) {
      if (await stillExpiredComplaint(tx, complaint.id, cutoff)) complaints.push(complaint);
    }
    for (const file of files) await scrubFile(tx, file.id, run.at);
    await scrubNotes(
      tx,
      files.map((file) => file.id),
      run.audit,
    );
    for (const complaint of complaints) await scrubComplaint(tx, complaint.id, run.at);
    for (const file of files) run.references.forget(file.id);
    for (const complaint of complaints) run.references.forget(`complaint:${complaint.id}`);
    const sizes = new Map([...files, ...complaints].flatMap((item) => item.photos.map((p) => [p.sha256, p.bytes])));
    const gone = await run.references.unneeded(tx, [...sizes.keys()], cutoff);
    await forgetPhotos(tx, gone);
    return { files, complaints, gone, bytes: gone.reduce((sum, hash) => sum + (sizes.get(hash) ?? 0), 0) };
  });
  run.files.push(...step.files);
  run.complaints.push(...step.complaints);
  run.removed.photos += step.gone.length;
  run.removed.bytes += step.bytes;
  return { gone: step.gone, more: run.queue.files.length + run.queue.complaints.length > 0 };
}

async function finishRun(db: Db, run: Run, locale: Locale = "id"): Promise<RetentionReport> {
  if (run.files.length + run.complaints.length > 0) await forgetOldCopies(db);
  return reportOf(db, run.limits, run.files, run.complaints, locale, run.removed);
}
