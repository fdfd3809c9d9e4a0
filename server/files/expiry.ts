/**
 * Unfinished uploads expire: a page upload that received no byte for
 * `maxIdleMs` (UPLOAD_EXPIRY_HOURS, 24 h by default) is deleted with its
 * bytes, so phones that gave up, were wiped or were lost do not fill the disk.
 *
 * Why a sweep of our own and not @tus/file-store's `expirationPeriodInMs`:
 * FileStore counts from the upload's creation (an upload still progressing
 * on a slow line would be cut), reads the clock itself, and takes the
 * `<id>.json` kept for each accepted upload (tus.ts) for an unfinished one.
 * Here the age is the time since the last byte arrived (the data file's
 * modification time, which every write moves; in a bucket, the newest part's
 * or tail's, s3-incoming.ts), and tus.ts decides per upload:
 * one locked by a request in flight is skipped, one whose bytes all arrived
 * is stored rather than deleted, a completion record is kept.
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export const DEFAULT_UPLOAD_MAX_IDLE_MS = 24 * 60 * 60 * 1000;
/** How often main.ts runs the sweep: an upload goes at most this long past its limit. */
export const SWEEP_EVERY_MS = 60 * 60 * 1000;

const UPLOAD_FILE = /^([0-9a-f]{32})(\.json)?$/;

export interface SweepReport {
  /** Unfinished uploads deleted with their bytes. */
  expired: number;
  /** Idle uploads whose bytes had all arrived: stored (or refused) as a HEAD would have. */
  finished: number;
}

export interface UploadExpiryOptions {
  /** An unfinished upload with no byte received for this long is deleted. */
  maxIdleMs?: number;
  /** Handed the sweep once the upload server exists: main.ts runs it on a timer, tests call it. */
  onSweep?: (sweep: () => Promise<SweepReport>) => void;
}

/** One upload in the incoming folder, as its files tell it. */
export interface IncomingUpload {
  id: string;
  /** Bytes received so far; null when only the record is there (accepted, or a crash before the first byte). */
  received: number | null;
  hasRecord: boolean;
  /** When the last byte (or, without bytes, the record) was written, in ms since the epoch. */
  lastActivity: number;
}

/** Every upload in `incoming`, by id. Files that are not an upload's (foreign names) are not listed. */
export async function listIncoming(incoming: string): Promise<IncomingUpload[]> {
  const names = await readdir(incoming).catch(() => [] as string[]);
  const uploads = new Map<string, IncomingUpload>();
  for (const name of names) {
    const match = UPLOAD_FILE.exec(name);
    if (!match?.[1]) continue;
    const id = match[1];
    const info = await stat(join(incoming, name)).catch(() => null);
    if (!info?.isFile()) continue;
    const upload = uploads.get(id) ?? { id, received: null, hasRecord: false, lastActivity: 0 };
    if (match[2]) {
      upload.hasRecord = true;
      // The record is written at creation; the bytes, when present, say more recently.
      if (upload.received === null) upload.lastActivity = Math.max(upload.lastActivity, info.mtimeMs);
    } else {
      upload.received = info.size;
      upload.lastActivity = info.mtimeMs;
    }
    uploads.set(id, upload);
  }
  return [...uploads.values()];
}

/**
 * Runs `sweep` every `everyMs` without keeping the process alive for it; a
 * failure is logged and the next run tries again. Returns a stop function.
 */
export function scheduleSweep(
  sweep: () => Promise<SweepReport>,
  {
    everyMs = SWEEP_EVERY_MS,
    onReport,
    onError,
  }: { everyMs?: number; onReport: (report: SweepReport) => void; onError: (error: unknown) => void },
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .then(onReport, onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
