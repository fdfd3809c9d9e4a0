import type { ApplicationStatus } from "../sync/protocol";
import type { Locale, LocalizedText } from "../text";

/**
 * The one table of status names the office sees: the console's queue, review,
 * dashboard and audit log, and the CSV exports, all read it, so a status is
 * called the same everywhere (and the same as on the cadre's phone).
 */
export const STATUS_LABELS = {
  draft: { id: "Draf", en: "Draft" },
  submitted: { id: "Diajukan", en: "Submitted" },
  received: { id: "Diterima kantor", en: "Received by the office" },
  verified: { id: "Diverifikasi", en: "Verified" },
  approved: { id: "Disetujui", en: "Approved" },
  "needs-fix": { id: "Perlu diperbaiki", en: "Needs fixing" },
  rejected: { id: "Ditolak", en: "Rejected" },
} as const satisfies Record<ApplicationStatus, LocalizedText>;

/** Waiting on the office: submitted, or in its hands. */
export const OPEN_STATUSES = ["submitted", "received"] as const satisfies readonly ApplicationStatus[];

/** The office has decided (a file sent back may come again, but this round is decided). */
export const DECIDED_STATUSES = [
  "verified",
  "approved",
  "needs-fix",
  "rejected",
] as const satisfies readonly ApplicationStatus[];

/** Every status a file the office has seen can be in, in the order tables and charts list them. */
export const REVIEW_STATUS_ORDER = [...OPEN_STATUSES, ...DECIDED_STATUSES] as const;

export type ReviewStatusKey = (typeof REVIEW_STATUS_ORDER)[number];

/** The label of a status, or the code itself when it is unknown (a newer server's). */
export function statusLabel(status: string, locale: Locale): string {
  return (STATUS_LABELS as Record<string, LocalizedText>)[status]?.[locale] ?? status;
}
