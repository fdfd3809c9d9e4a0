import { z } from "zod";
import { COMPLAINT_CATEGORIES } from "../complaints/categories";
import { COMPLAINT_STATUSES } from "../complaints/workflow";
import { Slug } from "../guide";
import { ClockRecordSchema, ClosedDates } from "../service-time/schema";
import { LocalizedText, multilineText } from "../text";
import { PublicClockView } from "./tracking";
import { KecamatanCode, KelurahanCode } from "./users";

/**
 * Complaints (pengaduan), issue 14. Two switches as in SP4N-LAPOR!:
 * `anonymous` (nothing about who reported is stored at all) and
 * `confidential` (rahasia: only the office's complaint handlers read it,
 * shared/complaints/access.ts).
 */

export const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
export const ComplaintCategory = z.enum(COMPLAINT_CATEGORIES);

const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, "Control characters are not allowed");
/** Free text that may span lines (what happened, answers, notes). */
const LongText = (max: number) => multilineText(max);

export const MAX_COMPLAINT_TEXT = 4000;
export const MAX_EVIDENCE_PHOTOS = 3;
/** The reporter's name and contact, and a typed tracking number: the form's inputs stop at the same lengths. */
export const MAX_REPORTER_NAME = 100;
export const MAX_REPORTER_CONTACT = 60;
export const MAX_TRACKING_INPUT = 40;

/** Where it happened: at the office (a kecamatan's PTSP) or in a kelurahan. */
export const ComplaintPlace = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("office"), kecamatanCode: KecamatanCode }),
  z.strictObject({ kind: z.literal("kelurahan"), kelurahanCode: KelurahanCode }),
]);
export type ComplaintPlace = z.infer<typeof ComplaintPlace>;

/** A photo of evidence, uploaded first through the existing upload path (/api/files, tus) by a signed-in cadre. */
export const EvidencePhoto = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mime: z.enum(["image/jpeg", "image/webp", "image/png"]),
  bytes: z.int().min(1),
});

/** POST /api/complaints. `id` is made on the device: sending the same complaint twice stores it once. */
export const ComplaintSubmission = z.strictObject({
  id: z.uuid(),
  channel: z.enum(["cadre-phone", "citizen-phone", "office"]),
  category: ComplaintCategory,
  /** What happened, in the reporter's words. */
  description: LongText(MAX_COMPLAINT_TEXT),
  /** The Jakarta date it happened. */
  happenedOn: z.iso.date(),
  place: ComplaintPlace,
  guideId: Slug.optional(),
  /** The file it concerns, when there is one. */
  trackingNumber: z.string().min(1).max(MAX_TRACKING_INPUT).optional(),
  /** For "biaya": what was asked, in whole Rupiah (the official fee comes from the guide on the server). */
  amountAsked: z.int().min(1).max(1_000_000_000_000).optional(),
  evidence: z.array(EvidencePhoto).max(MAX_EVIDENCE_PHOTOS).default([]),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  /** Who to call back; only when not anonymous, and optional even then. */
  reporter: z
    .strictObject({
      name: Text(MAX_REPORTER_NAME).optional(),
      contact: Text(MAX_REPORTER_CONTACT).optional(),
    })
    .optional(),
  reportedAt: z.iso.datetime(),
});
export type ComplaintSubmission = z.infer<typeof ComplaintSubmission>;

/** 201 (stored) or 200 with `duplicate: true`: the same id was stored before; the same number comes back. */
export const ComplaintAccepted = z.object({ id: z.uuid(), number: z.string(), duplicate: z.boolean() });
export type ComplaintAccepted = z.infer<typeof ComplaintAccepted>;

/** What /lacak shows for a complaint number: status and the office's public answer, never the report itself. */
export const PublicComplaintStatus = z.object({
  kind: z.literal("complaint"),
  number: z.string(),
  category: ComplaintCategory,
  office: z.object({ name: LocalizedText, area: z.string().nullable() }),
  status: ComplaintStatus,
  statusText: LocalizedText,
  steps: z.array(z.object({ status: ComplaintStatus, at: z.iso.datetime() })).max(50),
  /** The office's answer to the reporter (null until answered). */
  answer: z.string().nullable(),
  /** For "bukan wewenang": where to report instead. */
  referral: z.string().nullable(),
  clock: ClockRecordSchema.nullable(),
  clockNow: PublicClockView.nullable(),
  closedDates: ClosedDates,
  asOf: z.iso.datetime(),
});
export type PublicComplaintStatus = z.infer<typeof PublicComplaintStatus>;

/** One row of the console's complaint queue (handlers only). */
export const ComplaintListItem = z.object({
  id: z.uuid(),
  number: z.string(),
  category: ComplaintCategory,
  status: ComplaintStatus,
  kecamatanCode: KecamatanCode,
  kelurahanCode: KelurahanCode.nullable(),
  guideId: Slug.nullable(),
  anonymous: z.boolean(),
  confidential: z.boolean(),
  amountAsked: z.int().nullable(),
  officialFee: z.int().nullable(),
  assignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  clockNow: PublicClockView.nullable(),
  receivedAt: z.iso.datetime(),
  version: z.int().min(1),
});
export type ComplaintListItem = z.infer<typeof ComplaintListItem>;

export const ComplaintEvent = z.object({
  kind: z.enum(["received", "assigned", "status", "answered", "note"]),
  at: z.iso.datetime(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  status: ComplaintStatus.nullable(),
  /** An internal note's text, or the answer given (for "answered"). */
  text: z.string().nullable(),
});
export type ComplaintEvent = z.infer<typeof ComplaintEvent>;

export const ComplaintDetail = ComplaintListItem.extend({
  description: z.string(),
  happenedOn: z.string(),
  place: ComplaintPlace,
  trackingNumber: z.string().nullable(),
  evidence: z.array(EvidencePhoto),
  /** Null when anonymous (nothing was stored) or nothing was given. */
  reporter: z
    .object({ name: z.string().nullable(), contact: z.string().nullable(), cadre: z.string().nullable() })
    .nullable(),
  answer: z.string().nullable(),
  referral: z.string().nullable(),
  events: z.array(ComplaintEvent),
  clock: ClockRecordSchema.nullable(),
});
export type ComplaintDetail = z.infer<typeof ComplaintDetail>;

/** Console actions; each carries the version it was made against (409 version_conflict otherwise). */
export const ComplaintAssign = z.strictObject({ version: z.int().min(1), assigneeId: z.uuid().nullable() });
export const ComplaintMove = z.strictObject({
  version: z.int().min(1),
  status: ComplaintStatus,
  /** The public answer to the reporter (needed to close). */
  answer: LongText(MAX_COMPLAINT_TEXT).optional(),
  /** For not-authority: where to report instead (shown to the reporter). */
  referral: LongText(1000).optional(),
});
export const ComplaintNote = z.strictObject({ version: z.int().min(1), text: LongText(MAX_COMPLAINT_TEXT) });
/** The public answer to the reporter without a status change: an interim answer, or a correction. */
export const ComplaintAnswer = z.strictObject({ version: z.int().min(1), answer: LongText(MAX_COMPLAINT_TEXT) });

/** The dashboard's complaint figures: counts for every operator, contents for nobody. */
export const ComplaintCounts = z.object({
  byCategory: z.array(z.object({ category: ComplaintCategory, count: z.int() })),
  byKelurahan: z.array(z.object({ kelurahanCode: z.string().nullable(), count: z.int() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.int() })),
  byStatus: z.array(z.object({ status: ComplaintStatus, count: z.int() })),
  unofficialFees: z.object({
    reports: z.int(),
    /** Sum and largest of the amounts asked, whole Rupiah. */
    totalAsked: z.int(),
    largestAsked: z.int().nullable(),
    /** Per service: how many reports and the amounts asked against the official fee. */
    byService: z.array(
      z.object({
        guideId: z.string().nullable(),
        reports: z.int(),
        totalAsked: z.int(),
        officialFee: z.int().nullable(),
      }),
    ),
  }),
  overdue: z.int(),
});
export type ComplaintCounts = z.infer<typeof ComplaintCounts>;
