import { z } from "zod";
import { LOCK_MINUTES, PHONE_RETENTION_DAYS, PIN_ATTEMPTS } from "../device/rules";

/** Bounds on the server's retention of closed files: at least a year (archive rules), at most 30 years. */
export const SERVER_RETENTION_DAYS = { min: 365, max: 10950 } as const;

/** GET/PUT /api/console/privacy/settings (admin): the phones' rules and the server's retention. */
export const PrivacySettings = z.strictObject({
  lockMinutes: z.int().min(LOCK_MINUTES.min).max(LOCK_MINUTES.max),
  pinAttempts: z.int().min(PIN_ATTEMPTS.min).max(PIN_ATTEMPTS.max),
  phoneRetentionDays: z.int().min(PHONE_RETENTION_DAYS.min).max(PHONE_RETENTION_DAYS.max),
  /** Days after the final decision that a closed file keeps its personal data and photos on the server; null keeps them. */
  closedFileRetentionDays: z.int().min(SERVER_RETENTION_DAYS.min).max(SERVER_RETENTION_DAYS.max).nullable(),
});
export type PrivacySettings = z.infer<typeof PrivacySettings>;

/** One closed file past retention, as the dry run lists it: never a name or a NIK. */
export const RetentionFile = z.object({
  trackingNumber: z.string().nullable(),
  serviceTitle: z.string(),
  status: z.string(),
  decidedAt: z.string(),
  photos: z.int(),
  bytes: z.int(),
});

/** One closed complaint past retention whose reporter is still on record. */
export const RetentionComplaint = z.object({ number: z.string(), closedAt: z.string() });

/** GET /api/console/privacy/retention (dry run) and POST …/retention/run (the same list, done). */
export const RetentionReport = z.object({
  cutoff: z.string().nullable(),
  retentionDays: z.int().nullable(),
  files: z.array(RetentionFile),
  complaints: z.array(RetentionComplaint),
  totals: z.object({ files: z.int(), complaints: z.int(), photos: z.int(), bytes: z.int() }),
  /** Whether the list was carried out (false for the dry run). */
  done: z.boolean(),
});
export type RetentionReport = z.infer<typeof RetentionReport>;

/** The history mark a closed file gets when retention removes its personal data (server/retention/scrub.ts). */
export const SCRUBBED_ACTION = "retention-scrubbed";
