import type { SubmissionLimits } from "../http/submission-limits";

/**
 * Survey submissions are held like every anonymous submission
 * (server/http/submission-limits.ts), and a response given at the office
 * without a tracking number also spends the office's daily budget: without a
 * decided file behind it nothing else proves a visit, and a script with many
 * addresses could otherwise write an office's index.
 */
export interface SkmLimits extends SubmissionLimits {
  /** Responses without a file stored per kecamatan per Jakarta day. Default 300. */
  officeDailyWithoutFile?: number;
}

/** Generous for a camat office's counter (a busy one serves a few hundred citizens a day). */
export const DEFAULT_OFFICE_DAILY_WITHOUT_FILE = 300;
