import type { RetentionReport } from "../../shared/api/retention";
import type { Locale } from "../../shared/text";
import type { Db } from "../db/open";
import { readSetting } from "../settings/office-settings";
import {
  type ExpiredComplaint,
  type ExpiredFile,
  expiredComplaints,
  expiredFiles,
  retentionCutoff,
  serviceTitles,
} from "./candidates";

/** Nothing to list: the office keeps closed files (no retention set). */
export function emptyReport(done: boolean): RetentionReport {
  return {
    cutoff: null,
    retentionDays: null,
    files: [],
    complaints: [],
    totals: { files: 0, complaints: 0, photos: 0, bytes: 0 },
    done,
  };
}

/** The office's retention now: its cutoff, or null when closed files are kept. */
export async function currentCutoff(db: Db, now: Date): Promise<{ days: number; cutoff: string } | null> {
  const days = await readSetting(db, "closedFileRetentionDays");
  return days === null ? null : { days, cutoff: retentionCutoff(days, now) };
}

/**
 * The report of a list of expired files and complaints. `photos` and `bytes`
 * per file are its stored pages; the totals count each photo once (one photo
 * may be a page of two files). `removed` (after a run) is what was deleted
 * from storage: a photo another live file still names is kept.
 */
export async function reportOf(
  db: Db,
  limits: { days: number; cutoff: string },
  files: ExpiredFile[],
  complaints: ExpiredComplaint[],
  locale: Locale,
  removed?: { photos: number; bytes: number },
): Promise<RetentionReport> {
  const titles = await serviceTitles(
    db,
    files.map((file) => file.guideId),
    locale,
  );
  const sizes = new Map<string, number>();
  for (const item of [...files, ...complaints]) for (const photo of item.photos) sizes.set(photo.sha256, photo.bytes);
  return {
    cutoff: limits.cutoff,
    retentionDays: limits.days,
    files: files.map((file) => ({
      trackingNumber: file.trackingNumber,
      serviceTitle: titles.get(file.guideId) ?? file.guideId,
      status: file.status,
      decidedAt: file.decidedAt,
      photos: file.photos.length,
      bytes: file.photos.reduce((sum, photo) => sum + photo.bytes, 0),
    })),
    complaints: complaints.map((complaint) => ({ number: complaint.number, closedAt: complaint.closedAt })),
    totals: {
      files: files.length,
      complaints: complaints.length,
      photos: removed?.photos ?? sizes.size,
      bytes: removed?.bytes ?? [...sizes.values()].reduce((sum, bytes) => sum + bytes, 0),
    },
    done: removed !== undefined,
  };
}

/** The dry run: everything past retention now, nothing changed. */
export async function retentionDryRun(db: Db, now: Date, locale: Locale): Promise<RetentionReport> {
  const limits = await currentCutoff(db, now);
  if (!limits) return emptyReport(false);
  const all = Number.MAX_SAFE_INTEGER;
  const files = await expiredFiles(db, limits.cutoff, all);
  const complaints = await expiredComplaints(db, limits.cutoff, all);
  return reportOf(db, limits, files, complaints, locale);
}
