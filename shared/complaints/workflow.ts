import type { LocalizedText } from "../text";

/**
 * A complaint's life (issue 14), as Jakarta's CRM and SP4N-LAPOR! run it:
 * received ("diterima") → in progress ("diproses") → done ("selesai"), or
 * "bukan wewenang" (not this office's to handle) with where to go instead.
 * The server enforces these rules; the console offers only what they allow.
 */

export const COMPLAINT_STATUSES = ["received", "in-progress", "done", "not-authority"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_STATUS_LABELS = {
  received: { id: "Diterima", en: "Received" },
  "in-progress": { id: "Diproses", en: "In progress" },
  done: { id: "Selesai", en: "Done" },
  "not-authority": { id: "Bukan wewenang", en: "Not this office's" },
} as const satisfies Record<ComplaintStatus, LocalizedText>;

const NEXT: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  received: ["in-progress", "done", "not-authority"],
  "in-progress": ["done", "not-authority"],
  done: [],
  "not-authority": [],
};

/** The statuses a complaint may move to from `status`. */
export function nextComplaintStatuses(status: ComplaintStatus): readonly ComplaintStatus[] {
  return NEXT[status];
}

export function canMoveComplaint(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return NEXT[from].includes(to);
}

/** A closed complaint takes no more status changes or assignments; notes and a corrected answer stay possible. */
export function isComplaintClosed(status: ComplaintStatus): boolean {
  return NEXT[status].length === 0;
}

/**
 * What closing needs: "done" a public answer to the reporter; "not-authority"
 * that answer and where to report instead. null when nothing is missing.
 */
export function closingProblem(
  to: ComplaintStatus,
  answer: string | null | undefined,
  referral: string | null | undefined,
): "answer" | "referral" | null {
  if (to !== "done" && to !== "not-authority") return null;
  if (!answer?.trim()) return "answer";
  if (to === "not-authority" && !referral?.trim()) return "referral";
  return null;
}

/** The office's complaint standard: working days to answer (LAPOR! gives the agency 5 after verification). */
export const DEFAULT_COMPLAINT_RESPONSE_DAYS = 5;
