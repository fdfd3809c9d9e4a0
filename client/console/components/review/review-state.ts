import type { ApplicationDetail, VerdictRequest } from "../../../../shared/api/console";
import type { Guide } from "../../../../shared/guide";
import type { FIX_REASONS } from "../../../../shared/review/reasons";
import { reasonNeeded, verdictProblem } from "../../../../shared/review/workflow";
import type { ConsoleMessageKey } from "../../messages";

export type Decision = VerdictRequest["decision"];

/** The operator's mark on one requirement while the form is open ("" = not looked at yet). */
export interface ReqReview {
  status: "" | "accepted" | "needs-fix";
  reasonCode: string;
  note: string;
}

export const BLANK_REVIEW: ReqReview = { status: "", reasonCode: "", note: "" };

/**
 * The requirements the review lists: the pinned guide's, plus any the file or
 * the pre-check names; those that do not apply to this applicant and hold
 * nothing are left out.
 */
export function requirementsOf(app: ApplicationDetail, guide: Guide | undefined): string[] {
  const ids = new Set<string>(guide?.requirements.map((r) => r.id) ?? []);
  for (const r of app.precheck.requirements) ids.add(r.requirementId);
  for (const key of Object.keys(app.content.documents)) ids.add(key);
  for (const key of Object.keys(app.content.data)) ids.add(key);
  const notApplicable = new Set(
    app.precheck.requirements.filter((r) => r.status === "not-applicable").map((r) => r.requirementId),
  );
  return [...ids].filter(
    (reqId) =>
      !notApplicable.has(reqId) ||
      (app.content.documents[reqId]?.pages.length ?? 0) > 0 ||
      app.content.data[reqId] !== undefined,
  );
}

/**
 * Where the form starts: the current verdict when there is one, else the
 * verdicts a resubmission carries over (accepted, untouched since), so the
 * operator only has to look at what changed.
 */
export function initialReviews(app: ApplicationDetail, requirementIds: string[]): Record<string, ReqReview> {
  const previous = app.verdict?.requirements ?? app.resubmission?.carried ?? {};
  return Object.fromEntries(
    requirementIds.map((reqId) => {
      const earlier = previous[reqId];
      return [
        reqId,
        { status: earlier?.status ?? "", reasonCode: earlier?.reasonCode ?? "", note: earlier?.reason ?? "" },
      ];
    }),
  );
}

export type Built = { ok: true; body: VerdictRequest } | { ok: false; problem: ConsoleMessageKey };

/** The request for the decision, or the first thing the operator still has to settle (the server's rules, said first). */
export function buildVerdict(
  app: ApplicationDetail,
  decision: Decision | "",
  reviews: Record<string, ReqReview>,
  reasonCode: string,
  note: string,
  notePublic = false,
): Built {
  if (!decision) return { ok: false, problem: "chooseDecision" };
  const requirements: VerdictRequest["requirements"] = {};
  for (const [reqId, review] of Object.entries(reviews)) {
    if (review.status === "accepted") requirements[reqId] = { status: "accepted" };
    if (review.status === "needs-fix") {
      if (!review.reasonCode) return { ok: false, problem: "fixNeedsReason" };
      requirements[reqId] = {
        status: "needs-fix",
        reasonCode: review.reasonCode as keyof typeof FIX_REASONS,
        ...(review.note.trim() ? { note: review.note.trim() } : {}),
      };
    }
  }
  const fixes = Object.values(requirements).filter((r) => r.status === "needs-fix").length;
  const problem = verdictProblem(decision, fixes, reasonCode || undefined);
  if (problem) return { ok: false, problem };
  // The overall reason goes only where the shared rule asks for one.
  const overall = reasonNeeded(decision, fixes) ? reasonCode : "";
  return {
    ok: true,
    body: {
      expectedVersion: app.version,
      decision,
      ...(overall ? { reasonCode: overall as VerdictRequest["reasonCode"] } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      // Public only with a note to show, and only when the operator ticked it.
      reasonPublic: notePublic && note.trim() !== "",
      requirements,
    },
  };
}
