/** Budgets of anonymous complaint submissions (issue 14); tests raise or lower them. Filled in by the complaint routes. */
export interface ComplaintLimits {
  /** Submissions per minute from one address. */
  perMinute?: number;
}
