import type { PublicFix } from "../../shared/api/tracking";
import { FIX_REASONS, REJECT_REASONS } from "../../shared/review/reasons";
import type { Verdict } from "../../shared/sync/protocol";
import type { LocalizedText } from "../../shared/text";
import type { GuideFacts } from "./guide-facts";

const FIX_WORDS: Readonly<Record<string, LocalizedText>> = FIX_REASONS;
const REJECT_WORDS: Readonly<Record<string, LocalizedText>> = REJECT_REASONS;

/** A reason code's words, from the decision's own list first; an unknown code (a newer list) as itself. */
function reasonWords(code: string, decision: "needs-fix" | "rejected"): LocalizedText {
  const first = decision === "rejected" ? REJECT_WORDS : FIX_WORDS;
  const second = decision === "rejected" ? FIX_WORDS : REJECT_WORDS;
  return first[code] ?? second[code] ?? { id: code, en: code };
}

/**
 * What the office asked to fix, or why it refused: reason codes with their
 * words and the requirement they concern, never the operator's notes (those
 * leave the office only as `officeNote`, and only when marked public). The
 * overall reason first, then the requirements in the guide's order.
 */
export function publicFixes(verdict: Verdict | null, guide: GuideFacts | undefined): PublicFix[] {
  if (!verdict || (verdict.decision !== "needs-fix" && verdict.decision !== "rejected")) return [];
  const decision = verdict.decision;
  const fixes: PublicFix[] = [];
  if (verdict.reasonCode) {
    fixes.push({
      requirement: null,
      reasonCode: verdict.reasonCode,
      reason: reasonWords(verdict.reasonCode, decision),
    });
  }
  const order = new Map(guide?.requirementOrder.map((id, index) => [id, index]));
  const flagged = Object.entries(verdict.requirements)
    .filter(([, review]) => review.status === "needs-fix")
    .sort(([a], [b]) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size) || a.localeCompare(b));
  for (const [requirementId, review] of flagged) {
    const reasonCode = review.reasonCode ?? "other";
    fixes.push({
      // A requirement the pinned version lacks (never expected) is named by its id, a slug, not left unnamed.
      requirement: guide?.requirementLabels.get(requirementId) ?? { id: requirementId, en: requirementId },
      reasonCode,
      reason: reasonWords(reasonCode, decision),
    });
  }
  return fixes.slice(0, 100);
}
