import type { ApplicationStatus, Verdict } from "../sync/protocol";

export type Decision = Verdict["decision"];

/**
 * What the office may decide in each status: the server enforces it, the
 * console offers only these. Drafts are the cadre's; a file sent back waits
 * for the cadre's resubmission; rejected and approved are final.
 */
const ALLOWED: Record<ApplicationStatus, readonly Decision[]> = {
  draft: [],
  submitted: ["verified", "needs-fix", "rejected"],
  received: ["verified", "needs-fix", "rejected"],
  verified: ["approved", "rejected", "needs-fix"],
  "needs-fix": [],
  rejected: [],
  approved: [],
};

export function allowedDecisions(status: ApplicationStatus): readonly Decision[] {
  return ALLOWED[status];
}

export function canDecide(status: ApplicationStatus, decision: Decision): boolean {
  return ALLOWED[status].includes(decision);
}
