/** Budgets of anonymous survey submissions (issue 14); tests raise or lower them. Filled in by the SKM routes. */
export interface SkmLimits {
  /** Submissions per minute from one address. */
  perMinute?: number;
}
