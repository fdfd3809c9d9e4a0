import type { StepKind } from "../../shared/api/tracking";

/** One history event the public page may tell of: its kind, the status after it, and when. */
export interface StepEvent {
  kind: "submitted" | "received" | "verdict";
  status: string | null;
  at: string;
}

/** The most steps an answer carries (shared/api/tracking.ts). */
export const MAX_STEPS = 200;

const DECISION_STEP: Record<string, StepKind> = {
  "needs-fix": "sent-back",
  verified: "verified",
  approved: "approved",
  rejected: "rejected",
};

/**
 * A file's steps in the order they happened: the first submit, each
 * resubmission after a send-back, each receipt and each decision. Events
 * carry codes only, so nothing personal can slip into a step. A file sent
 * back more often than the answer holds keeps its first step and its latest.
 */
export function stepsOf(events: readonly StepEvent[]): { kind: StepKind; at: string }[] {
  const steps: { kind: StepKind; at: string }[] = [];
  let submitted = false;
  for (const event of events) {
    if (event.kind === "submitted") {
      steps.push({ kind: submitted ? "resubmitted" : "submitted", at: event.at });
      submitted = true;
    } else if (event.kind === "received") {
      steps.push({ kind: "received", at: event.at });
    } else {
      const kind = event.status ? DECISION_STEP[event.status] : undefined;
      if (kind) steps.push({ kind, at: event.at });
    }
  }
  if (steps.length <= MAX_STEPS) return steps;
  return [...steps.slice(0, 1), ...steps.slice(steps.length - (MAX_STEPS - 1))];
}
