import type { ApplicationStatus, Verdict } from "../sync/protocol";
import { FIX_REASONS, REJECT_REASONS } from "./reasons";

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

/** A requirement's verdict as the office last gave it. */
export type RequirementVerdict = Verdict["requirements"][string];

/**
 * The per-requirement verdicts a resubmitted file keeps: what the office
 * accepted before and the cadre has not touched since stays accepted, so the
 * operator looks only at what changed. A flagged requirement is never carried
 * (it must be looked at again), and when what changed is unknown (`null`: the
 * file was sent back before changes were recorded) nothing is carried.
 */
export function carriedVerdicts(
  previous: Pick<Verdict, "requirements"> | null,
  changed: readonly string[] | null,
): Record<string, RequirementVerdict> {
  if (!previous || !changed) return {};
  const carried: Record<string, RequirementVerdict> = {};
  for (const [requirementId, verdict] of Object.entries(previous.requirements)) {
    if (verdict.status === "accepted" && !changed.includes(`requirement:${requirementId}`)) {
      carried[requirementId] = { status: "accepted" };
    }
  }
  return carried;
}

/**
 * Which overall reason list a decision needs, given how many requirements are
 * marked "needs fixing": a rejection always needs one of the rejection
 * reasons; a send-back needs a fix reason only when it flags no single
 * requirement (each flagged requirement carries its own); nothing else needs one.
 */
export function reasonNeeded(decision: Decision, flagged: number): "reject" | "fix" | null {
  if (decision === "rejected") return "reject";
  if (decision === "needs-fix" && flagged === 0) return "fix";
  return null;
}

/** Why a decision cannot be sent as it stands (the console's message keys name these too). */
export type VerdictProblem = "stillFixes" | "needFixOne" | "rejectNeedsReason";

/**
 * The one rule the server's VerdictRequest and the console's decision form
 * both apply: a file with a requirement still flagged cannot be verified or
 * approved, and a decision that needs an overall reason has one from its list.
 */
export function verdictProblem(
  decision: Decision,
  flagged: number,
  reasonCode: string | undefined,
): VerdictProblem | null {
  if ((decision === "verified" || decision === "approved") && flagged > 0) return "stillFixes";
  const needed = reasonNeeded(decision, flagged);
  if (needed === "reject" && !(reasonCode && reasonCode in REJECT_REASONS)) return "rejectNeedsReason";
  if (needed === "fix" && !(reasonCode && reasonCode in FIX_REASONS)) return "needFixOne";
  return null;
}

/** Why the cadre may not delete a file: the office has it in its queue, or has already worked on it. */
export type DeleteRefusal = "submitted" | "received";

/**
 * May the cadre delete this file from the phone? Only while the office has
 * never had it (`undefined`: not yet on the server). Once submitted it is the
 * office's record as much as the cadre's: received, verified, sent back,
 * approved or rejected, it is withdrawn through the office, not deleted. The
 * server refuses such a delete (workflow-locked); the phone offers none.
 */
export function cadreDeleteRefusal(status: ApplicationStatus | undefined): DeleteRefusal | null {
  if (status === undefined || status === "draft") return null;
  return status === "submitted" ? "submitted" : "received";
}

export function cadreMayDelete(status: ApplicationStatus | undefined): boolean {
  return cadreDeleteRefusal(status) === null;
}
