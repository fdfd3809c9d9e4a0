import type { RetentionReport } from "../../shared/api/retention";
import type { Locale } from "../../shared/text";
import type { Db } from "../db/open";
import {
  type ExpiredComplaint,
  type ExpiredFile,
  expiredComplaints,
  expiredFiles,
  stillExpiredComplaint,
  stillExpiredFile,
} from "./candidates";
import { forgetPhotos, removeStoredPhotos, removeStoredPhotosNow } from "./photos";
import { PhotoReferences } from "./references";
import { currentCutoff, emptyReport, reportOf } from "./report";
import { auditEntriesOf, forgetOldCopies, scrubComplaint, scrubFile, scrubNotes } from "./scrub-rows";

/** Files per transaction: short enough that the sync and the console wait little between batches. */
export const RETENTION_BATCH = 500;

export interface RetentionRunOptions {
  now: Date;
  /** Folder of stored photos; omitted, only the rows are changed (a backup's snapshot, whose photos are copied after). */
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
 * secure_delete is on for the run, so the values it overwrites are zeroed
 * where they lay (not merely unlinked into free space); forgetOldCopies
 * handles the copies earlier updates left behind.
 */
export async function runRetention(db: Db, options: RetentionRunOptions): Promise<RetentionRunResult> {
  const run = startRun(db, options);
  if (!run) return { report: emptyReport(true), undeleted: 0 };
  let undeleted = 0;
  try {
    for (let more = true; more; ) {
      const step = runBatch(db, run);
      more = step.more;
      // Between batches the event loop serves other requests while the bytes go.
      if (options.filesDir) undeleted += await removeStoredPhotos(options.filesDir, step.gone);
    }
  } finally {
    run.restore();
  }
  return { report: finishRun(db, run, options.locale), undeleted };
}

/** The same, without yielding: for the command line (a restore), where nothing else waits. */
export function runRetentionNow(db: Db, options: RetentionRunOptions): RetentionRunResult {
  const run = startRun(db, options);
  if (!run) return { report: emptyReport(true), undeleted: 0 };
  let undeleted = 0;
  try {
    for (let more = true; more; ) {
      const step = runBatch(db, run);
      more = step.more;
      if (options.filesDir) undeleted += removeStoredPhotosNow(options.filesDir, step.gone);
    }
  } finally {
    run.restore();
  }
  return { report: finishRun(db, run, options.locale), undeleted };
}

interface Run {
  limits: { days: number; cutoff: string };
  at: string;
  batch: number;
  files: ExpiredFile[];
  complaints: ExpiredComplaint[];
  removed: { photos: number; bytes: number };
  /** The connection's secure_delete before the run, given back after it. */
  alwaysSecure: boolean;
  references: PhotoReferences;
  audit: Map<string, number[]>;
  /** What is left to do, in the dry run's order. */
  queue: { files: ExpiredFile[]; complaints: ExpiredComplaint[] };
  restore: () => void;
}

function startRun(db: Db, options: RetentionRunOptions): Run | null {
  const limits = currentCutoff(db, options.now);
  if (!limits) return null;
  const alwaysSecure = Number(db.$client.pragma("secure_delete", { simple: true })) === 1;
  // Every photo the run may delete, and who names them, read before the first batch (no await in between).
  const all = Number.MAX_SAFE_INTEGER;
  // The whole list once: a batch takes the next slice and re-checks each row by its key. Scrubbed
  // rows stay in the decided_at index, so asking the index again per batch stepped over all earlier ones.
  const files = expiredFiles(db, limits.cutoff, all);
  const complaints = expiredComplaints(db, limits.cutoff, all);
  const hashes = [...files, ...complaints].flatMap((item) => item.photos.map((photo) => photo.sha256));
  const references = PhotoReferences.scan(db, hashes, options.now.toISOString());
  const audit = auditEntriesOf(
    db,
    files.map((file) => file.id),
  );
  db.$client.pragma("secure_delete = ON");
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
    alwaysSecure,
    restore: () => db.$client.pragma(`secure_delete = ${alwaysSecure ? "ON" : "OFF"}`),
  };
}

/** One transaction: the next batch scrubbed and its unneeded photos' rows gone; answers their hashes. */
function runBatch(db: Db, run: Run): { gone: string[]; more: boolean } {
  const { cutoff } = run.limits;
  const step = db.$client
    .transaction(() => {
      const files = run.queue.files.splice(0, run.batch).filter((file) => stillExpiredFile(db, file.id, cutoff));
      const complaints = run.queue.complaints
        .splice(0, run.batch - files.length)
        .filter((complaint) => stillExpiredComplaint(db, complaint.id, cutoff));
      for (const file of files) scrubFile(db, file.id, run.at);
      scrubNotes(
        db,
        files.map((file) => file.id),
        run.audit,
      );
      for (const complaint of complaints) scrubComplaint(db, complaint.id, run.at);
      for (const file of files) run.references.forget(file.id);
      for (const complaint of complaints) run.references.forget(`complaint:${complaint.id}`);
      const sizes = new Map([...files, ...complaints].flatMap((item) => item.photos.map((p) => [p.sha256, p.bytes])));
      const gone = run.references.unneeded(db, [...sizes.keys()], cutoff);
      forgetPhotos(db, gone);
      return { files, complaints, gone, bytes: gone.reduce((sum, hash) => sum + (sizes.get(hash) ?? 0), 0) };
    })
    .immediate();
  run.files.push(...step.files);
  run.complaints.push(...step.complaints);
  run.removed.photos += step.gone.length;
  run.removed.bytes += step.bytes;
  return { gone: step.gone, more: run.queue.files.length + run.queue.complaints.length > 0 };
}

function finishRun(db: Db, run: Run, locale: Locale = "id"): RetentionReport {
  if (run.files.length + run.complaints.length > 0) forgetOldCopies(db);
  return reportOf(db, run.limits, run.files, run.complaints, locale, run.removed);
}
