/** Survey submissions are held like every anonymous submission (server/http/submission-limits.ts). */
export type { SubmissionLimits as SkmLimits } from "../http/submission-limits";
