/** Complaint submissions are held like every anonymous submission (server/http/submission-limits.ts). */
export type { SubmissionLimits as ComplaintLimits } from "../http/submission-limits";
