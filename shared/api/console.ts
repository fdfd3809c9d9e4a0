import { z } from "zod";
import { Draft, DraftId } from "../draft";
import { Slug } from "../guide";
import { FixReason, RejectReason } from "../review/reasons";
import { MAX_SEARCH_LENGTH } from "../review/search";
import { type VerdictProblem, verdictProblem } from "../review/workflow";
import { ApplicationStatus, Verdict } from "../sync/protocol";
import { KelurahanCode, Role } from "./users";

/**
 * Request and response shapes of the operator console's API (/api/console/*).
 * Operators see their own kecamatan only, admins everything; the server
 * checks this on every route (server/console/scope.ts).
 */

const PAGE_LIMIT_MAX = 200;
const limit = z.coerce.number().int().min(1).max(PAGE_LIMIT_MAX).default(50);
/** An opaque keyset cursor from a previous page's `nextCursor`. */
const Cursor = z.string().min(1).max(200);

// ------------------------------------------------------------ review queue

/** Statuses an operator works with (drafts never reach the console). */
export const ReviewStatus = ApplicationStatus.exclude(["draft"]);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/**
 * The service-time clock filters: "lewat batas waktu" (running, deadline
 * before today) and "hampir lewat" (running, at most DUE_SOON_DAYS left in
 * the clock's own unit, as its badge says: server/review/queue-clock-range.ts).
 * Both read applications_clock_idx, so they list by deadline.
 */
export const ClockFilter = z.enum(["overdue", "due-soon"]);
export type ClockFilter = z.infer<typeof ClockFilter>;

/** Queue order: oldest submission first, or nearest deadline first (files without a running clock after them). */
export const QueueSort = z.enum(["submitted", "deadline"]);
export type QueueSort = z.infer<typeof QueueSort>;

export const QueueQuery = z.strictObject({
  /** Default: the open work, submitted and received; with a clock filter, every status whose clock runs. */
  status: ReviewStatus.optional(),
  clock: ClockFilter.optional(),
  sort: QueueSort.default("submitted"),
  guideId: Slug.optional(),
  villageCode: KelurahanCode.optional(),
  cadreId: z.uuid().optional(),
  cursor: Cursor.optional(),
  limit,
});
export type QueueQuery = z.infer<typeof QueueQuery>;

/**
 * The queue searched by name, NIK or file number (shared/review/search.ts).
 * POSTed, never in a URL: a NIK typed into the search box must not reach an
 * access log, a proxy's log or the browser's history.
 */
export const QueueSearch = QueueQuery.extend({
  q: z.string().trim().min(1).max(MAX_SEARCH_LENGTH).optional(),
});
export type QueueSearch = z.infer<typeof QueueSearch>;

/** A clock as it stands today (shared/service-time/clock.ts viewClock), computed by the server with its calendar. */
export const ClockNow = z.object({
  days: z.int(),
  unit: z.enum(["working", "calendar"]),
  state: z.enum(["running", "paused", "stopped"]),
  used: z.int(),
  /** Days left before the deadline; negative: that many days late. */
  left: z.int(),
  deadline: z.string().nullable(),
  urgency: z.enum(["overdue", "due-soon", "ok"]).nullable(),
  onTime: z.boolean().nullable(),
});
export type ClockNow = z.infer<typeof ClockNow>;

/** One row of the queue: enough to pick the next file, with the applicant's name only. */
export const QueueItem = z.object({
  id: DraftId,
  guideId: z.string(),
  guideTitle: z.string(),
  status: ApplicationStatus,
  applicantName: z.string(),
  villageCode: z.string().nullable(),
  cadreId: z.string(),
  cadreName: z.string(),
  submittedAt: z.string().nullable(),
  version: z.int(),
  /** Times submitted: more than one means the cadre resubmitted it after a send-back ("Diajukan ulang"). */
  submitCount: z.int(),
  /** Given at the first submit; null only for files submitted before numbers existed. */
  trackingNumber: z.string().nullable(),
  /** Null until the office first receives the file. */
  clock: ClockNow.nullable(),
});
export type QueueItem = z.infer<typeof QueueItem>;

export const QueuePage = z.object({
  items: z.array(QueueItem),
  nextCursor: z.string().nullable(),
});
export type QueuePage = z.infer<typeof QueuePage>;

/** One entry of an application's history; never the content itself. */
export const ApplicationEvent = z.object({
  at: z.string(),
  kind: z.enum(["created", "saved", "submitted", "precheck-failed", "received", "verdict", "deleted"]),
  actorName: z.string().nullable(),
  status: ApplicationStatus.nullable(),
  /** For verdicts: the decision and the reason codes given. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type ApplicationEvent = z.infer<typeof ApplicationEvent>;

/** The server's own pre-check run over the stored content, against the pinned guide version. */
export const ServerPrecheck = z.object({
  verdict: z.enum(["ready", "not-ready"]),
  requirements: z.array(
    z.object({
      requirementId: z.string(),
      status: z.string(),
      reasons: z.array(z.object({ code: z.string(), message: z.object({ id: z.string(), en: z.string() }) })),
    }),
  ),
  applicant: z.array(z.object({ code: z.string(), message: z.object({ id: z.string(), en: z.string() }) })),
});
export type ServerPrecheck = z.infer<typeof ServerPrecheck>;

/** What the office said when it last sent the file back (the verdict event's codes and notes). */
export const SentBack = z.object({
  at: z.string(),
  actorName: z.string().nullable(),
  reasonCode: z.string().nullable(),
  note: z.string().nullable(),
  requirements: Verdict.shape.requirements,
});
export type SentBack = z.infer<typeof SentBack>;

/**
 * A file back in the queue after a send-back: what the office said then,
 * what the cadre changed since (parts by name, never values; null when the
 * send-back predates the record) and the verdicts kept on untouched
 * requirements (shared/review/workflow.ts `carriedVerdicts`).
 */
export const Resubmission = z.object({
  /** Times resubmitted (submissions after the first). */
  times: z.int().min(1),
  sentBack: SentBack,
  changed: z.array(z.string()).nullable(),
  carried: Verdict.shape.requirements,
});
export type Resubmission = z.infer<typeof Resubmission>;

export const ApplicationDetail = z.object({
  id: DraftId,
  status: ApplicationStatus,
  /** Send it back as `expectedVersion` with a verdict: a stale page cannot overwrite a newer decision. */
  version: z.int(),
  guideId: z.string(),
  guideVersion: z.int(),
  cadre: z.object({ id: z.string(), name: z.string() }),
  content: Draft,
  verdict: Verdict.nullable(),
  precheck: ServerPrecheck,
  history: z.array(ApplicationEvent),
  submittedAt: z.string().nullable(),
  resubmission: Resubmission.nullable(),
  trackingNumber: z.string().nullable(),
  clock: ClockNow.nullable(),
});
export type ApplicationDetail = z.infer<typeof ApplicationDetail>;

export const ReceiveRequest = z.strictObject({ expectedVersion: z.int().min(1) });
export type ReceiveRequest = z.infer<typeof ReceiveRequest>;

const Note = z.string().trim().max(1000);

export const RequirementReview = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("accepted") }),
  z.strictObject({ status: z.literal("needs-fix"), reasonCode: FixReason, note: Note.optional() }),
]);
export type RequirementReview = z.infer<typeof RequirementReview>;

/**
 * The operator's decision. "needs-fix" needs at least one requirement marked
 * needs-fix; "rejected" needs a reason from the list.
 */
export const VerdictRequest = z
  .strictObject({
    expectedVersion: z.int().min(1),
    decision: z.enum(["verified", "needs-fix", "rejected", "approved"]),
    reasonCode: z.union([FixReason, RejectReason]).optional(),
    note: Note.optional(),
    /** Show `note` on the public /lacak page; default off, the note stays with the office and the cadre. */
    reasonPublic: z.boolean().default(false),
    requirements: z.record(z.string().max(80), RequirementReview).default({}),
  })
  .superRefine((value, ctx) => {
    const fixes = Object.values(value.requirements).filter((r) => r.status === "needs-fix").length;
    const problem = verdictProblem(value.decision, fixes, value.reasonCode);
    if (problem) {
      ctx.addIssue({ code: "custom", path: [VERDICT_PROBLEM_PATH[problem]], message: VERDICT_PROBLEM_TEXT[problem] });
    }
  });
/** Where each broken verdict rule points, and what it says, in the API's English. */
const VERDICT_PROBLEM_PATH: Record<VerdictProblem, string> = {
  stillFixes: "requirements",
  needFixOne: "requirements",
  rejectNeedsReason: "reasonCode",
};
const VERDICT_PROBLEM_TEXT: Record<VerdictProblem, string> = {
  stillFixes: "A requirement still needs a fix: send the file back instead",
  needFixOne: "Mark at least one requirement as needing a fix, or give a reason",
  rejectNeedsReason: "A rejection needs a reason from the list",
};
export type VerdictRequest = z.infer<typeof VerdictRequest>;

// ------------------------------------------------------------ dashboard

export const DashboardQuery = z.strictObject({
  /** Inclusive dates (YYYY-MM-DD, Jakarta time) on the submission date; default: everything. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  guideId: Slug.optional(),
  /** Admins may narrow to one kecamatan; operators are always narrowed to theirs. */
  kecamatanCode: z
    .string()
    .regex(/^\d{2}\.\d{2}\.\d{2}$/)
    .optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/**
 * `?sep=semicolon` on a CSV download: ";" between fields and decimal commas,
 * for Excel under Indonesian regional settings; the default is the comma.
 */
export const CsvSeparator = z.enum(["comma", "semicolon"]);
export type CsvSeparator = z.infer<typeof CsvSeparator>;

export const DashboardCsvQuery = DashboardQuery.extend({ sep: CsvSeparator.optional() });
export type DashboardCsvQuery = z.infer<typeof DashboardCsvQuery>;

/** Counts and rates of one group (a service, a kelurahan, a cadre); every rate comes with its count. */
export const GroupFigures = z.object({
  key: z.string(),
  label: z.string(),
  /** Files submitted at least once: the base of both rates. */
  submitted: z.int(),
  /** Applications whose first submission passed the server's pre-check, and their share of `submitted`. */
  firstPass: z.int(),
  firstPassRate: z.number().nullable(),
  /** Applications the office sent back (needs-fix) at least once or rejected, and their share. */
  sentBackOrRejected: z.int(),
  sentBackOrRejectedRate: z.number().nullable(),
  /** How many are in each status now; every review status is present, 0 when none. */
  byStatus: z.record(ReviewStatus, z.int()),
});
export type GroupFigures = z.infer<typeof GroupFigures>;

export const ReasonCount = z.object({
  guideId: z.string(),
  guideTitle: z.string(),
  decision: z.enum(["needs-fix", "rejected"]),
  reasonCode: z.string(),
  requirementId: z.string().nullable(),
  count: z.int(),
});
export type ReasonCount = z.infer<typeof ReasonCount>;

/**
 * Files decided within the service time (issue 13), by the Jakarta month of
 * the final decision: the dashboard's date range applies to the decision date
 * here, not to the submission. Days used are counted in the clock's unit
 * (working days, or calendar days for a calendar-day service), so medians are
 * never taken across both units.
 */
export const OnTimeFigures = z.object({
  /** null: every service together. */
  guideId: z.string().nullable(),
  guideTitle: z.string().nullable(),
  /** YYYY-MM (Jakarta month of the decision); null: the whole date range. */
  month: z.string().nullable(),
  unit: z.enum(["working", "calendar"]),
  decided: z.int(),
  onTime: z.int(),
  onTimeRate: z.number().nullable(),
  /** Exact over the files' days used: the median (mean of the middle two) and the 90th percentile (nearest rank). */
  medianDaysUsed: z.number().nullable(),
  p90DaysUsed: z.number().nullable(),
});
export type OnTimeFigures = z.infer<typeof OnTimeFigures>;

export const OnTimeSection = z.object({
  decided: z.int(),
  onTime: z.int(),
  onTimeRate: z.number().nullable(),
  /** Per service: each month, then the service's whole range; last, every service per unit. */
  rows: z.array(OnTimeFigures),
});
export type OnTimeSection = z.infer<typeof OnTimeSection>;

export const Dashboard = z.object({
  byStatus: z.record(z.string(), z.int()),
  submitted: z.int(),
  firstPass: z.int(),
  firstPassRate: z.number().nullable(),
  sentBackOrRejected: z.int(),
  sentBackOrRejectedRate: z.number().nullable(),
  /** Medians in hours; null when there is nothing to measure. */
  medianDraftToSubmitHours: z.number().nullable(),
  medianSubmitToVerdictHours: z.number().nullable(),
  topReasons: z.array(ReasonCount),
  byService: z.array(GroupFigures),
  byKelurahan: z.array(GroupFigures),
  byCadre: z.array(GroupFigures),
  onTime: OnTimeSection,
});
export type Dashboard = z.infer<typeof Dashboard>;

/** Tables of the dashboard that export as CSV: GET /api/console/dashboard/:table.csv */
export const DashboardTable = z.enum(["by-status", "by-service", "by-kelurahan", "by-cadre", "reasons", "on-time"]);
export type DashboardTable = z.infer<typeof DashboardTable>;

// ------------------------------------------------------------ guides

export const GuideAdminSummary = z.object({
  id: z.string(),
  title: z.object({ id: z.string(), en: z.string() }),
  /** The published version, or null for a guide that exists only as a draft. */
  publishedVersion: z.int().nullable(),
  withdrawn: z.boolean(),
  hasDraft: z.boolean(),
  updatedAt: z.string(),
});
export type GuideAdminSummary = z.infer<typeof GuideAdminSummary>;

export const GuideVersionInfo = z.object({
  version: z.int(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  changeNote: z.string().nullable(),
  /** It raised the oldest version the office takes at submit to itself: drafts on older versions must move. */
  binding: z.boolean(),
});
export type GuideVersionInfo = z.infer<typeof GuideVersionInfo>;

export const GuideAdminDetail = z.object({
  id: z.string(),
  /** The published Guide (or null), as cadres' devices have it. */
  published: z.unknown().nullable(),
  withdrawn: z.boolean(),
  /** The unpublished edit (any JSON object: a draft may be incomplete), or null. */
  draft: z.unknown().nullable(),
  /** Why the draft cannot be published yet, per field; empty when it can. */
  draftIssues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
  versions: z.array(GuideVersionInfo),
});
export type GuideAdminDetail = z.infer<typeof GuideAdminDetail>;

/** A draft may be incomplete; its size is what is limited. */
export const SaveGuideDraftRequest = z.strictObject({ draft: z.record(z.string(), z.unknown()) });
export const PublishGuideRequest = z.strictObject({
  changeNote: z.string().trim().min(3).max(500),
  /** The published version the editor started from (null for a new guide): publishes never cross. */
  expectedVersion: z.int().min(1).nullable(),
  /**
   * True (the default): the change binds files not yet submitted — the office
   * refuses a submit on an older version (`guide-outdated`) and phones move
   * those drafts. False: only new drafts use it; older ones still submit.
   */
  binding: z.boolean().default(true),
});
export type PublishGuideRequest = z.infer<typeof PublishGuideRequest>;

export const ImportCatalogueRequest = z.strictObject({
  guides: z.array(z.unknown()).min(1).max(2000),
  changeNote: z.string().trim().min(3).max(500),
});

// ------------------------------------------------------------ cadres

export const CadreActivity = z.object({
  userId: z.string(),
  submitted: z.int(),
  verdicts: z.record(z.string(), z.int()),
  recent: z.array(
    z.object({
      at: z.string(),
      kind: ApplicationEvent.shape.kind,
      applicationId: z.string(),
      guideId: z.string(),
      status: ApplicationStatus.nullable(),
    }),
  ),
});
export type CadreActivity = z.infer<typeof CadreActivity>;

// ------------------------------------------------------------ audit log

export const AuditQuery = z.strictObject({
  actorId: z.uuid().optional(),
  action: z.string().max(60).optional(),
  cursor: Cursor.optional(),
  limit,
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditExportQuery = AuditQuery.omit({ cursor: true, limit: true }).extend({ sep: CsvSeparator.optional() });

export const AuditEntry = z.object({
  id: z.int(),
  at: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  actorRole: Role,
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  /**
   * The target as people know it, in the request's language: a service's
   * title, an account's display name, a file's applicant initials (never the
   * full name). Null when the target no longer exists.
   */
  targetName: z.string().nullable(),
  /** What tells it apart: an account's username; a file's service; a device's owner. */
  targetDetail: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
