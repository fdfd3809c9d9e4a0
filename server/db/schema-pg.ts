import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { ClockRecord } from "../../shared/service-time/clock";

/*
 * The PostgreSQL tables (DATABASE_URL=postgres://…): the same tables, column
 * names, keys and indexes as schema-sqlite.ts, which stays the reference
 * (tests/server/schema-parity.test.ts holds the two together). Types are chosen
 * so a row reads back as the same JS values on both: text → text, integer →
 * integer, or bigint in number mode where a value may pass 2^31 (change
 * counters, client seqs, byte sizes, rupiah amounts, autoincrement ids, which
 * are identity columns here), boolean-mode integer → boolean, JSON text →
 * jsonb, enum text → text with the same list. Migrations: drizzle-kit generate
 * --config drizzle.pg.config.ts (server/migrations-pg). The server imports the
 * active set from ./schema. As on SQLite, the dashboard's rollup tables and
 * their triggers are not declared here: a hand-written migration
 * (migrations-pg/0001_dashboard_rollups.sql) makes them, and
 * tests/server/postgres-open.test.ts checks them against SQLite's.
 */

/**
 * Published guides. Rows are never deleted: a withdrawn guide stays as a
 * tombstone so that devices pulling a delta learn to remove it.
 */
export const guides = pgTable(
  "guides",
  {
    id: text("id").primaryKey(),
    version: integer("version").notNull(),
    /** The whole Guide as JSON, validated by the shared schema before it is written. */
    data: jsonb("data").notNull(),
    /**
     * Value of the catalogue's change counter when this row last changed. Delta
     * cursors compare against it, never against clocks, so a skewed server
     * clock cannot make a device miss a change.
     */
    changeSeq: bigint("change_seq", { mode: "number" }).notNull(),
    withdrawnAt: text("withdrawn_at"),
    updatedAt: text("updated_at").notNull(),
  },
  (table) => [
    index("guides_change_seq_idx").on(table.changeSeq),
    check("guides_version_positive", sql`${table.version} >= 1`),
  ],
);

/**
 * Every published version of every guide, kept so the server can run the
 * pre-check against the version a draft was pinned to.
 */
export const guideVersions = pgTable(
  "guide_versions",
  {
    id: text("id").notNull(),
    version: integer("version").notNull(),
    data: jsonb("data").notNull(),
    publishedAt: text("published_at").notNull(),
    /** Who published it (null for seeded versions) and why, as the console shows in the history. */
    publishedBy: text("published_by"),
    changeNote: text("change_note"),
  },
  (table) => [primaryKey({ columns: [table.id, table.version] })],
);

/**
 * An operator's unpublished edit of a guide, one per guide. Not validated as
 * a whole (a half-written guide must be savable); publishing validates it.
 */
export const guideDrafts = pgTable("guide_drafts", {
  id: text("id").primaryKey(),
  data: jsonb("data").notNull(),
  updatedBy: text("updated_by")
    .notNull()
    .references(() => users.id),
  updatedAt: text("updated_at").notNull(),
});

/** Cadres, operators (staff of one kecamatan's PTSP) and admins. */
export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Lowercase; what people type at login. */
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ["cadre", "operator", "admin"] }).notNull(),
    /** scrypt, with its parameters and salt in the string (see server/auth/password.ts). */
    passwordHash: text("password_hash").notNull(),
    /** The kecamatan an operator serves or a cadre belongs to (dotted code, e.g. "31.75.07"). */
    kecamatanCode: text("kecamatan_code"),
    kelurahanCode: text("kelurahan_code"),
    disabledAt: text("disabled_at"),
    /** Granted by an admin to operators and admins: reads and handles complaints (shared/complaints/access.ts). */
    handlesComplaints: boolean("handles_complaints").notNull().default(false),
    /** Issue 15: released only to a password sign-in (shared/api/vault.ts); made at the first one. */
    vaultUnlockSecret: text("vault_unlock_secret"),
    vaultRecoverySecret: text("vault_recovery_secret"),
    createdBy: text("created_by"),
    createdAt: text("created_at").notNull(),
  },
  (table) => [uniqueIndex("users_username_idx").on(table.username)],
);

/**
 * One row per signed-in device. Only a hash of the token is stored, so a
 * copy of the database cannot be used to sign in.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    deviceLabel: text("device_label").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    /** Issue 15 (migration 0015): why it was revoked; only "revoked" may still drain (server/auth/farewell.ts). */
    revokeReason: text("revoke_reason", { enum: ["revoked", "replaced", "signed-out"] }),
  },
  (table) => [uniqueIndex("sessions_token_hash_idx").on(table.tokenHash), index("sessions_user_idx").on(table.userId)],
);

/**
 * Devices that have signed in to an account before, remembered by a random id
 * in a long-lived HttpOnly cookie; only the id's SHA-256 is kept. Such a device
 * signs in despite the account's failure count (server/auth/sign-in-limits.ts).
 */
export const knownDevices = pgTable(
  "known_devices",
  {
    deviceHash: text("device_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.deviceHash, table.userId] }),
    index("known_devices_user_idx").on(table.userId),
  ],
);

/**
 * Rate limits shared by every app server (server/auth/rate-limit.ts): one row
 * per limited key ("<limiter>:<key>"), its state as JSON (recent failure
 * times, a failure count, or a token bucket), and when the row becomes the
 * same as no row at all, after which it is pruned.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    state: text("state").notNull(),
    expiresMs: bigint("expires_ms", { mode: "number" }).notNull(),
  },
  (table) => [index("rate_limits_expires_idx").on(table.expiresMs)],
);

/** A device install that pushes mutations, bound to the cadre who first pushed from it. */
export const syncClients = pgTable("sync_clients", {
  clientId: text("client_id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id),
  /** The last seq applied (or rejected) for this client: the idempotency high-water mark. */
  lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
  createdAt: text("created_at").notNull(),
});

/** Every mutation the server has processed, once; the UNIQUE key backs up the seq check. */
export const mutations = pgTable(
  "mutations",
  {
    mutationId: text("mutation_id").primaryKey(),
    clientId: text("client_id")
      .notNull()
      .references(() => syncClients.clientId),
    seq: bigint("seq", { mode: "number" }).notNull(),
    name: text("name").notNull(),
    status: text("status", { enum: ["applied", "rejected"] }).notNull(),
    errorCode: text("error_code"),
    processedAt: text("processed_at").notNull(),
  },
  (table) => [uniqueIndex("mutations_client_seq_idx").on(table.clientId, table.seq)],
);

/**
 * Issue 16: the change counters ('applications', 'guides'). Every writing
 * transaction takes its change_seq with UPDATE … SET value = value + 1
 * RETURNING value, which holds the row's lock until it commits: two writers'
 * seqs are handed out in the order they commit, so a pull (change_seq >
 * cursor) can never pass a change that commits later (server/sync/rows.ts).
 */
export const changeCounters = pgTable("change_counters", {
  name: text("name").primaryKey(),
  value: bigint("value", { mode: "number" }).notNull(),
});

/**
 * Applications as the server knows them. Draft content belongs to the cadre;
 * status and verdict belong to the server's workflow.
 */
export const applications = pgTable(
  "applications",
  {
    id: text("id").primaryKey(),
    cadreId: text("cadre_id")
      .notNull()
      .references(() => users.id),
    guideId: text("guide_id").notNull(),
    guideVersion: integer("guide_version").notNull(),
    /** The applicant's kelurahan (dotted), for the office's filters; never the NIK. */
    villageCode: text("village_code"),
    content: jsonb("content").notNull(),
    status: text("status", {
      enum: ["draft", "submitted", "received", "verified", "needs-fix", "rejected", "approved"],
    }).notNull(),
    verdict: jsonb("verdict"),
    /** Per-record version, raised by every accepted change. */
    version: integer("version").notNull(),
    /** The value of the applications change counter at the last change: pull cursors compare with it. */
    changeSeq: bigint("change_seq", { mode: "number" }).notNull(),
    submittedAt: text("submitted_at"),
    /** A tombstone: deleted drafts stay so that other devices' pulls learn of the deletion. */
    deletedAt: text("deleted_at"),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    // Workflow facts kept on the row so the dashboard reads one table, even at a million rows.
    /** The cadre's kecamatan when the application was first saved: the office that reviews it. */
    kecamatanCode: text("kecamatan_code"),
    /** The draft's own creation time (the phone's clock), for "draft to submit". */
    draftCreatedAt: text("draft_created_at"),
    firstSubmittedAt: text("first_submitted_at"),
    submitCount: integer("submit_count").notNull().default(0),
    /** Submissions the server's pre-check refused (the phone's should have caught them). */
    precheckFailures: integer("precheck_failures").notNull().default(0),
    receivedAt: text("received_at"),
    firstDecisionAt: text("first_decision_at"),
    decidedAt: text("decided_at"),
    /** How often the office sent it back as needs-fix. */
    sentBackCount: integer("sent_back_count").notNull().default(0),
    /** Issue 15: when retention removed the applicant's data and photos (server/retention/); the figures stay. */
    scrubbedAt: text("scrubbed_at"),
    /** The public tracking number (shared/tracking/number.ts), given at the first submit, never changed. */
    trackingNumber: text("tracking_number"),
    /** The service-time clock (shared/service-time/clock.ts ClockRecord); null until the office receives the file. */
    clock: jsonb("clock").$type<ClockRecord>(),
    /** Copies of the clock's state and deadline, for the queue's filters and sort (applications_clock_idx). */
    clockState: text("clock_state", { enum: ["running", "paused", "stopped"] }),
    clockDeadline: text("clock_deadline"),
  },
  (table) => [
    index("applications_cadre_change_idx").on(table.cadreId, table.changeSeq),
    index("applications_change_idx").on(table.changeSeq),
    index("applications_status_idx").on(table.status),
    index("applications_queue_idx").on(table.kecamatanCode, table.status, table.submittedAt, table.id),
    index("applications_kecamatan_submitted_idx").on(table.kecamatanCode, table.firstSubmittedAt),
    // The "not filed twice" rule (server/sync/duplicates.ts): files of one service by the applicant's NIK.
    index("applications_guide_nik_idx").on(table.guideId, sql`(${table.content} -> 'applicant' ->> 'nik')`),
    uniqueIndex("applications_tracking_idx").on(table.trackingNumber).where(sql`${table.trackingNumber} IS NOT NULL`),
    // The queue's clock filters ("lewat batas waktu", "hampir lewat") and its sort by deadline.
    index("applications_clock_idx").on(table.kecamatanCode, table.clockState, table.clockDeadline, table.id),
    // Covers every column the dashboard reads (server/dashboard/queries.ts), so
    // its figures come from this index alone, never from rows carrying content.
    index("applications_dashboard_idx").on(
      table.kecamatanCode,
      table.firstSubmittedAt,
      table.guideId,
      table.villageCode,
      table.cadreId,
      table.status,
      table.precheckFailures,
      table.sentBackCount,
      table.draftCreatedAt,
      table.firstDecisionAt,
      table.deletedAt,
    ),
    // The SKM's population served: decided files by decision time (migration 0013, server/skm/results.ts).
    index("applications_decided_idx")
      .on(table.decidedAt, table.kecamatanCode, table.guideId, table.status, table.deletedAt)
      .where(sql`status IN ('approved', 'rejected') AND deleted_at IS NULL`),
  ],
);

/**
 * What happened to an application and who did it, for its history and the
 * cadres' activity. Never the content: a detail holds codes, not personal data.
 */
export const applicationEvents = pgTable(
  "application_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    applicationId: text("application_id").notNull(),
    at: text("at").notNull(),
    kind: text("kind", {
      enum: ["created", "saved", "submitted", "precheck-failed", "received", "verdict", "deleted"],
    }).notNull(),
    actorId: text("actor_id").references(() => users.id),
    status: text("status"),
    detail: jsonb("detail"),
  },
  (table) => [
    index("application_events_app_idx").on(table.applicationId, table.id),
    index("application_events_actor_idx").on(table.actorId, table.id),
  ],
);

/** One row per reason the office gave (per requirement, or overall): what the dashboard's top reasons count. */
export const reviewFindings = pgTable(
  "review_findings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    applicationId: text("application_id").notNull(),
    guideId: text("guide_id").notNull(),
    kecamatanCode: text("kecamatan_code"),
    villageCode: text("village_code"),
    cadreId: text("cadre_id").notNull(),
    decision: text("decision", { enum: ["needs-fix", "rejected"] }).notNull(),
    /** Null for the overall decision's reason. */
    requirementId: text("requirement_id"),
    reasonCode: text("reason_code").notNull(),
    at: text("at").notNull(),
  },
  (table) => [
    // Covers the dashboard's top reasons: per kecamatan, already in GROUP BY order, no row reads.
    index("review_findings_scope_idx").on(
      table.kecamatanCode,
      table.guideId,
      table.decision,
      table.reasonCode,
      table.requirementId,
    ),
    // The dashboard's top reasons over a date range join findings to their applications.
    index("review_findings_application_idx").on(table.applicationId),
  ],
);

/**
 * Every operator and admin action: who, what, when, before and after.
 * Append-only; before/after hold records as JSON, never photo bytes or password hashes.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    at: text("at").notNull(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    actorRole: text("actor_role", { enum: ["cadre", "operator", "admin"] }).notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    /** The kecamatan the action concerns (null: server-wide, e.g. guides), so operators see their own. */
    kecamatanCode: text("kecamatan_code"),
    // json, not jsonb: an entry keeps the text as it was written (its keys in their order), as on SQLite,
    // and the export writes that text out (server/dashboard/audit.ts exportedAuditJson).
    before: json("before"),
    after: json("after"),
  },
  (table) => [
    index("audit_log_kecamatan_idx").on(table.kecamatanCode, table.id),
    index("audit_log_actor_idx").on(table.actorId, table.id),
  ],
);

/** Stored photos and PDFs, content-addressed: identical bytes are kept once. */
export const files = pgTable("files", {
  sha256: text("sha256").primaryKey(),
  bytes: bigint("bytes", { mode: "number" }).notNull(),
  mime: text("mime").notNull(),
  /**
   * Pixel size of an image as it is seen (EXIF orientation applied), read by
   * decoding it at upload; null for PDFs and for files stored before uploads
   * were decoded (read lazily when served).
   */
  width: integer("width"),
  height: integer("height"),
  uploadedBy: text("uploaded_by")
    .notNull()
    .references(() => users.id),
  createdAt: text("created_at").notNull(),
});

/**
 * Who has sent the server a file's bytes (server/files/possession.ts). Storage is
 * shared, possession is not: a cadre may name a stored hash only if they, or a
 * cadre of their office, sent those bytes. `files.uploaded_by` counts as the
 * first holder; every verified upload adds its uploader here.
 */
export const fileHolders = pgTable(
  "file_holders",
  {
    sha256: text("sha256")
      .notNull()
      .references(() => files.sha256),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (table) => [primaryKey({ columns: [table.sha256, table.userId] })],
);

/** Dates the office is closed besides weekends (server/service-time/calendar-store.ts). */
export const calendarDays = pgTable("calendar_days", {
  date: text("date").primaryKey(),
  kind: text("kind", { enum: ["holiday", "joint-leave", "closure"] }).notNull(),
  name: text("name").notNull(),
  source: text("source").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: text("updated_at").notNull(),
});

/** The office's settings, one JSON value per key (server/settings/). */
export const officeSettings = pgTable("office_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedBy: text("updated_by"),
  updatedAt: text("updated_at").notNull(),
});

/**
 * Satisfaction survey responses (issue 14, migration 0012). Anonymous: the file
 * (one response each) or, given at the office, the office and service; never a person.
 */
export const skmResponses = pgTable(
  "skm_responses",
  {
    id: text("id").primaryKey(),
    questionnaire: text("questionnaire").notNull(),
    channel: text("channel", { enum: ["cadre-phone", "citizen-phone", "office"] }).notNull(),
    applicationId: text("application_id").references(() => applications.id),
    kecamatanCode: text("kecamatan_code").notNull(),
    guideId: text("guide_id"),
    answers: jsonb("answers").$type<Record<string, number>>().notNull(),
    profile: jsonb("profile").$type<Record<string, string>>().notNull(),
    suggestion: text("suggestion"),
    /** The Jakarta date it was answered: what periods count by. */
    answeredOn: text("answered_on").notNull(),
    receivedAt: text("received_at").notNull(),
    /** SHA-256 of the submission: the same id sent again with other content is refused. */
    contentHash: text("content_hash").notNull(),
    /**
     * Insertion order, the cursor of the cached tallies and of the CSV (server/skm), from an identity
     * sequence. Numbers can commit out of order: the tally cache also compares row counts (tally-cache.ts).
     */
    seq: bigint("seq", { mode: "number" }).notNull().generatedByDefaultAsIdentity(),
  },
  (table) => [
    uniqueIndex("skm_responses_application_idx").on(table.applicationId).where(sql`${table.applicationId} IS NOT NULL`),
    index("skm_responses_period_idx").on(table.kecamatanCode, table.answeredOn, table.guideId),
    index("skm_responses_day_idx").on(table.answeredOn),
    uniqueIndex("skm_responses_seq_idx").on(table.seq),
  ],
);

/** Follow-up plans for weak SKM elements: what, who, by when, done. */
export const skmFollowUps = pgTable(
  "skm_follow_ups",
  {
    id: text("id").primaryKey(),
    /** null: Jakarta-wide (an admin's plan). */
    kecamatanCode: text("kecamatan_code"),
    period: text("period").notNull(),
    elementId: text("element_id").notNull(),
    action: text("action").notNull(),
    owner: text("owner").notNull(),
    dueDate: text("due_date").notNull(),
    doneAt: text("done_at"),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    version: integer("version").notNull().default(1),
  },
  (table) => [index("skm_follow_ups_period_idx").on(table.kecamatanCode, table.period)],
);

/**
 * Complaints (pengaduan). An anonymous one stores no reporter at all; a
 * confidential one is read only by the office's complaint handlers.
 */
export const complaints = pgTable(
  "complaints",
  {
    id: text("id").primaryKey(),
    number: text("number").notNull(),
    kecamatanCode: text("kecamatan_code").notNull(),
    kelurahanCode: text("kelurahan_code"),
    placeKind: text("place_kind", { enum: ["office", "kelurahan"] }).notNull(),
    guideId: text("guide_id"),
    applicationId: text("application_id").references(() => applications.id),
    category: text("category", {
      enum: ["persyaratan", "waktu", "biaya", "perilaku", "informasi", "lainnya"],
    }).notNull(),
    description: text("description").notNull(),
    happenedOn: text("happened_on").notNull(),
    amountAsked: bigint("amount_asked", { mode: "number" }),
    officialFee: bigint("official_fee", { mode: "number" }),
    evidence: jsonb("evidence").$type<{ sha256: string; mime: string; bytes: number }[]>().notNull().default([]),
    anonymous: boolean("anonymous").notNull(),
    confidential: boolean("confidential").notNull(),
    reporterUserId: text("reporter_user_id").references(() => users.id),
    reporterName: text("reporter_name"),
    reporterContact: text("reporter_contact"),
    channel: text("channel", { enum: ["cadre-phone", "citizen-phone", "office"] }).notNull(),
    status: text("status", { enum: ["received", "in-progress", "done", "not-authority"] }).notNull(),
    assigneeId: text("assignee_id").references(() => users.id),
    answer: text("answer"),
    referral: text("referral"),
    clock: jsonb("clock").$type<ClockRecord>(),
    clockState: text("clock_state", { enum: ["running", "paused", "stopped"] }),
    clockDeadline: text("clock_deadline"),
    contentHash: text("content_hash").notNull(),
    receivedAt: text("received_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    closedAt: text("closed_at"),
    version: integer("version").notNull().default(1),
    /** Issue 15: when retention removed the reporter's name and contact and the evidence (server/retention/). */
    scrubbedAt: text("scrubbed_at"),
  },
  (table) => [
    uniqueIndex("complaints_number_idx").on(table.number),
    index("complaints_queue_idx").on(table.kecamatanCode, table.status, table.receivedAt),
    index("complaints_clock_idx").on(table.kecamatanCode, table.clockState, table.clockDeadline),
    index("complaints_received_idx").on(table.receivedAt),
  ],
);

/** A complaint's history: receipt, assignments, status moves, answers and internal notes. */
export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedByDefaultAsIdentity(),
    complaintId: text("complaint_id")
      .notNull()
      .references(() => complaints.id),
    at: text("at").notNull(),
    actorId: text("actor_id").references(() => users.id),
    kind: text("kind", { enum: ["received", "assigned", "status", "answered", "note"] }).notNull(),
    status: text("status"),
    text: text("text"),
  },
  (table) => [index("complaint_events_complaint_idx").on(table.complaintId, table.id)],
);
