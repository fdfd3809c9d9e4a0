import { z } from "zod";
import type { ClockView } from "../service-time/clock";
import { ClockRecordSchema, ClosedDates } from "../service-time/schema";
import { ApplicationStatus } from "../sync/protocol";
import { LocalizedText } from "../text";

/**
 * What `GET /api/track/:number` answers anyone who holds a tracking number,
 * without an account: no personal data at all. No NIK, no address, no
 * photos, no content; the name as initials; what the office asked to fix as
 * reason codes with their words; the office's own note only when the
 * operator marked it public.
 */
export const StepKind = z.enum([
  "submitted",
  "received",
  "sent-back",
  "resubmitted",
  "verified",
  "approved",
  "rejected",
]);
export type StepKind = z.infer<typeof StepKind>;

export const PublicFix = z.object({
  /** The requirement it concerns (its label in both languages), or none for a reason about the whole file. */
  requirement: LocalizedText.nullable(),
  reasonCode: z.string().max(40),
  reason: LocalizedText,
});
export type PublicFix = z.infer<typeof PublicFix>;

/** shared/service-time/clock.ts ClockView, as the public answer carries it. */
export const PublicClockView = z.object({
  days: z.int().min(0).max(3650),
  unit: z.enum(["working", "calendar"]),
  state: z.enum(["running", "paused", "stopped"]),
  used: z.int().min(0),
  left: z.int(),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  urgency: z.enum(["overdue", "due-soon", "ok"]).nullable(),
  onTime: z.boolean().nullable(),
}) satisfies z.ZodType<ClockView>;

export const PublicStatus = z.object({
  number: z.string(),
  service: z.object({ id: z.string(), title: LocalizedText }),
  office: z.object({ name: LocalizedText, area: z.string().nullable() }),
  status: ApplicationStatus.exclude(["draft"]),
  applicantInitials: z.string().max(12),
  steps: z.array(z.object({ kind: StepKind, at: z.iso.datetime() })).max(200),
  /** The latest send-back's or refusal's reasons; empty otherwise. */
  fixes: z.array(PublicFix).max(100),
  /** The operator's note, only when they marked it public. */
  officeNote: z.string().max(1000).nullable(),
  clock: ClockRecordSchema.nullable(),
  /**
   * The clock as the server counted it on its Jakarta today with the office's calendar (null: no clock).
   * Optional, as is `statusText`: an answer saved on a phone by an older server still parses.
   */
  clockNow: PublicClockView.nullable().optional(),
  /** The status in the citizen's words (shared/service-time/words.ts CITIZEN_STATUS). */
  statusText: LocalizedText.optional(),
  closedDates: ClosedDates,
  /** When the server answered: "terakhir diperbarui" on a phone showing it offline later. */
  asOf: z.iso.datetime(),
});
export type PublicStatus = z.infer<typeof PublicStatus>;
