import { z } from "zod";
import { DeviceRules } from "../device/rules";
import { Draft, DraftId } from "../draft";
import { GovernmentLevel } from "../guide";
import { ClockRecordSchema, ClosedDates } from "../service-time/schema";

/**
 * The sync protocol, modelled on Replicache's push/pull (docs/SYNC.md).
 * One schema per message; the server validates every push with it.
 */

export const ClientId = z.uuid();

/** Limits that keep one push small enough for 3G and one transaction short. */
export const MAX_MUTATIONS_PER_PUSH = 100;
export const MAX_PUSH_BYTES = 2_000_000;
export const MAX_PULL_LIMIT = 500;

const mutationBase = {
  /** Per-client counter, +1 per mutation, starting at 1. */
  seq: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Globally unique; a UNIQUE key on the server backs up the seq check. */
  mutationId: z.uuid(),
  /** The server record version the change was made against (0: the server has not seen the draft). */
  baseVersion: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
};

/** Saves the cadre's draft content on the server (the cadre owns it until it is submitted). */
export const PutDraft = z.strictObject({
  ...mutationBase,
  name: z.literal("putDraft"),
  args: z.strictObject({ draft: Draft }),
});

/** Submits a draft: the server re-runs the pre-check and needs every photo it references. */
export const SubmitApplication = z.strictObject({
  ...mutationBase,
  name: z.literal("submitApplication"),
  args: z.strictObject({ draft: Draft }),
});

/** Removes a draft the office has not received yet. */
export const DeleteDraft = z.strictObject({
  ...mutationBase,
  name: z.literal("deleteDraft"),
  args: z.strictObject({ id: DraftId }),
});

export const Mutation = z.discriminatedUnion("name", [PutDraft, SubmitApplication, DeleteDraft]);
export type Mutation = z.infer<typeof Mutation>;
export type MutationName = Mutation["name"];

/**
 * What the push envelope checks of each mutation: only what the server needs
 * to record it and move the client's seq. Everything else is checked per
 * mutation against `Mutation`, so one malformed change is refused on its own
 * (`invalid-mutation`) and never blocks the outbox behind it.
 */
export const MutationEnvelope = z.looseObject({
  seq: mutationBase.seq,
  mutationId: mutationBase.mutationId,
  name: z.string().min(1).max(60),
});
export type MutationEnvelope = z.infer<typeof MutationEnvelope>;

export const PushRequest = z.strictObject({
  clientId: ClientId,
  mutations: z.array(MutationEnvelope).min(1).max(MAX_MUTATIONS_PER_PUSH),
});
export type PushRequest = z.infer<typeof PushRequest>;

/** Why a mutation can never succeed; shown to the cadre under "perlu perhatian". */
export const RejectionCode = z.enum([
  "not-owner",
  "workflow-locked",
  "version-conflict",
  "guide-unknown",
  "guide-withdrawn",
  "precheck-failed",
  /** A page the server does not hold, verified (its upload was refused, or never made): `reasons` names each. */
  "file-missing",
  /** A page declared with another type or pixel size than the stored file's: `reasons` names each. */
  "page-mismatch",
  "not-found",
  "mutation-id-reused",
  /** The mutation does not match the schema (a page of 0 bytes, an unknown type): `issues` says where. */
  "invalid-mutation",
  /** A binding publish made the pinned guide version too old to submit: `guideVersion` and `changes` say why. */
  "guide-outdated",
  /** The service may not be filed twice for this applicant, and another file is open (or approved): `reasons` says so. */
  "duplicate-file",
]);
export type RejectionCode = z.infer<typeof RejectionCode>;

/**
 * One reason the server's pre-check gave, or one page it refused
 * (`file-missing`, `page-mismatch`), pointing at what it concerns, so any
 * client can show it beside the right requirement without re-running
 * anything. `message` is the server's wording in both languages; a client
 * with its own words for `code` may use those instead.
 */
export const RefusalReason = z.object({
  code: z.string().max(80),
  message: z.object({ id: z.string(), en: z.string() }).optional(),
  requirementId: z.string().max(80).optional(),
  /** Path in the draft, e.g. "applicant.nik", "documents.ktp-el.pages", or one page: "documents.ktp-el.pages.0" (index from 0). */
  field: z.string().max(200).optional(),
});
export type RefusalReason = z.infer<typeof RefusalReason>;

/** Where a malformed mutation fails its schema: `path` starts inside the mutation (e.g. ["args", "draft", …]). */
export const MutationIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type MutationIssue = z.infer<typeof MutationIssue>;

const ChangeKind = z.enum(["added", "removed", "changed"]);

/**
 * One thing that decides a file and differs between the draft's pinned guide
 * version and the one the office now takes (shared/guide-changes.ts): a
 * requirement, an eligibility rule, the residency rule or a question. A client
 * that does not know a shape shows the refusal without it.
 */
export const GuideChange = z.union([
  z.object({ kind: ChangeKind, requirementId: z.string() }),
  z.object({ kind: ChangeKind, eligibilityId: z.string() }),
  z.object({ kind: ChangeKind, questionId: z.string() }),
  z.object({
    kind: z.literal("changed"),
    /** The office's area an applicant must live in, before and after (null: anyone). */
    residency: z.object({ from: GovernmentLevel.nullable(), to: GovernmentLevel.nullable() }),
  }),
]);
export type GuideChange = z.infer<typeof GuideChange>;

export const MutationResult = z.object({
  seq: z.int(),
  mutationId: z.uuid(),
  /** `duplicate`: already processed earlier; acknowledged again without effect. */
  status: z.enum(["applied", "rejected", "duplicate"]),
  code: RejectionCode.optional(),
  /** For precheck-failed: every reason; for file-missing and page-mismatch: every page. Each names its requirement and field. */
  reasons: z.array(RefusalReason).optional(),
  /** For invalid-mutation: the failing paths (at most 20). */
  issues: z.array(MutationIssue).optional(),
  /** For guide-outdated: the version the draft must move to, and what changed on the way. */
  guideVersion: z.int().min(1).optional(),
  changes: z.array(GuideChange).optional(),
  version: z.int().optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const PushResponse = z.object({
  lastAppliedSeq: z.int().min(0),
  results: z.array(MutationResult),
  /** Set when the batch stopped at a gap: the seq the server needs next. */
  expectedSeq: z.int().min(1).optional(),
});
export type PushResponse = z.infer<typeof PushResponse>;

export const ApplicationStatus = z.enum([
  "draft",
  "submitted",
  "received",
  "verified",
  "needs-fix",
  "rejected",
  "approved",
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** The office's decision: overall, plus per requirement for "needs fixing". */
export const Verdict = z.object({
  decision: z.enum(["verified", "needs-fix", "rejected", "approved"]),
  /**
   * A code from shared/review/reasons.ts. A plain string here, not the enum:
   * a phone must still read a verdict whose code a newer server added.
   */
  reasonCode: z.string().max(40).optional(),
  /** The operator's free-text note, shown as written. */
  reason: z.string().max(1000).optional(),
  /** The operator chose to show `reason` on the public status page (/lacak); otherwise it never leaves the office and the cadre. */
  reasonPublic: z.boolean().optional(),
  requirements: z
    .record(
      z.string(),
      z.object({
        status: z.enum(["accepted", "needs-fix"]),
        reasonCode: z.string().max(40).optional(),
        reason: z.string().max(1000).optional(),
      }),
    )
    .default({}),
  decidedAt: z.iso.datetime(),
});
export type Verdict = z.infer<typeof Verdict>;

/** What the server tells the phone about one application (workflow fields only; content is the phone's). */
export const ApplicationChange = z.object({
  id: DraftId,
  guideId: z.string(),
  version: z.int().min(1),
  status: ApplicationStatus,
  verdict: Verdict.nullable(),
  deleted: z.boolean(),
  updatedAt: z.iso.datetime(),
  /** The public tracking number, from the first submit on (shared/tracking/number.ts). */
  trackingNumber: z.string().max(20).nullable().optional(),
  /** The service-time clock, once the office has received the file (shared/service-time/clock.ts). */
  clock: ClockRecordSchema.nullable().optional(),
});
export type ApplicationChange = z.infer<typeof ApplicationChange>;

export const PullResponse = z.object({
  cursor: z.string(),
  /** The last seq the server processed for the requesting client: the outbox can drop entries up to it. */
  lastAppliedSeq: z.int().min(0),
  changes: z.array(ApplicationChange),
  /** More changes wait past this page: pull again with the new cursor. */
  hasMore: z.boolean(),
  /** The office's closed dates, so the phone counts a clock's days left offline (shared/service-time/calendar.ts). */
  closedDates: ClosedDates.optional(),
  /** The office's rules for phones (lock, PIN tries, how long decided files stay): settings reach phones offline. */
  deviceRules: DeviceRules.optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;
