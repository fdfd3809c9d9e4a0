import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import { type Fingerprints, sendBackFingerprints } from "../../shared/review/changes";
import { canDecide } from "../../shared/review/workflow";
import type { Verdict } from "../../shared/sync/protocol";
import { recordAudit } from "../audit/log";
import { inScope, type Scope } from "../console/scope";
import { type Db, dialectOf } from "../db/open";
import { rawAll } from "../db/raw";
import { applications, reviewFindings } from "../db/schema";
import { withTransaction } from "../db/transaction";
import { getGuideVersion } from "../guides/repository";
import type { AuthUser } from "../http/env";
import { holdCalendar } from "../service-time/calendar-lock";
import { clockAfter, clockColumns } from "../service-time/clock-writes";
import { type ApplicationRow, getApplication, pendingSeq, stampApplications, type Tx } from "../sync/rows";
import { recordEvent } from "./events";

export type ReviewFailure = "application_not_found" | "version_conflict" | "invalid_transition";
export type ReviewOutcome = { ok: true; row: ApplicationRow } | { ok: false; code: ReviewFailure };

interface Guarded {
  id: string;
  /** Null only for scripts and tests playing the office: no audit entry can name them. */
  actor: AuthUser | null;
  /** The version the operator saw; omitted, the current one is taken. */
  expectedVersion?: number | undefined;
  /** Omitted: everything (a server-side caller). */
  scope?: Scope | undefined;
  now: Date;
}

/**
 * Loads the row the operator acts on, refusing in a fixed order: a missing,
 * deleted, draft or out-of-scope row is "not found" (so scope leaks nothing), then a
 * stale version, then the caller's own transition check.
 */
async function guard(tx: Tx, input: Guarded): Promise<ReviewOutcome> {
  // Two operators acting on one file take turns, so the version check below sees the other's change:
  // SQLite's IMMEDIATE transaction already serialises writers; PostgreSQL (READ COMMITTED) locks the row.
  if (dialectOf(tx) === "postgres") {
    // The clock below counts with the calendar: a calendar change waits for this decision, or this for it.
    await holdCalendar(tx, "counting");
    await rawAll(tx, sql`SELECT id FROM applications WHERE id = ${input.id} FOR UPDATE`);
  }
  const row = await getApplication(tx, input.id);
  // Drafts are the cadre's alone: to the office they do not exist yet.
  if (!row || row.deletedAt || row.status === "draft" || (input.scope && !inScope(input.scope, row.kecamatanCode))) {
    return { ok: false, code: "application_not_found" };
  }
  if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) {
    return { ok: false, code: "version_conflict" };
  }
  return { ok: true, row };
}

export interface DecideInput extends Guarded {
  verdict: Verdict;
}

/** Reason codes of a verdict for the findings table; an uncoded legacy reason counts as "other". */
function findingsOf(row: ApplicationRow, verdict: Verdict, at: string) {
  if (verdict.decision !== "needs-fix" && verdict.decision !== "rejected") return [];
  const base = {
    applicationId: row.id,
    guideId: row.guideId,
    kecamatanCode: row.kecamatanCode,
    villageCode: row.villageCode,
    cadreId: row.cadreId,
    decision: verdict.decision,
    at,
  };
  const perRequirement = Object.entries(verdict.requirements)
    .filter(([, review]) => review.status === "needs-fix")
    .map(([requirementId, review]) => ({ ...base, requirementId, reasonCode: review.reasonCode ?? "other" }));
  const overall = verdict.reasonCode ? [{ ...base, requirementId: null, reasonCode: verdict.reasonCode }] : [];
  return [...perRequirement, ...overall];
}

/**
 * What the history says about a verdict: the decision, its codes and the
 * office's own notes per requirement — never the applicant's content. A
 * send-back also keeps the file's fingerprints (digests per part, never
 * values, shared/review/changes.ts), so the resubmission can say what the
 * cadre changed since and which earlier verdicts still hold.
 */
async function eventDetail(tx: Tx, row: ApplicationRow, verdict: Verdict): Promise<Record<string, unknown>> {
  const guide = verdict.decision === "needs-fix" ? await getGuideVersion(tx, row.guideId, row.guideVersion) : undefined;
  return {
    decision: verdict.decision,
    reasonCode: verdict.reasonCode ?? null,
    ...(verdict.reason ? { note: verdict.reason } : {}),
    requirements: Object.entries(verdict.requirements).map(([requirementId, review]) => ({
      requirementId,
      status: review.status,
      reasonCode: review.reasonCode ?? null,
      ...(review.reason ? { note: review.reason } : {}),
    })),
    ...(guide ? saltedFingerprints(guide, row.content as Draft) : {}),
  };
}

/** A fresh salt per send-back: the digests compare this file with itself once, and are useless for anything else. */
function saltedFingerprints(guide: Guide, content: Draft): { fingerprints: Fingerprints; salt: string } {
  const salt = randomBytes(16).toString("base64url");
  return { fingerprints: sendBackFingerprints(guide, content, salt), salt };
}

/**
 * The office's decision. One transaction (IMMEDIATE on SQLite) sets the workflow fields,
 * moves the change counter (the cadre's next pull brings the verdict and its
 * reasons), and writes the findings, the history event and the audit entry.
 * Deciding on a file still "submitted" receives it in the same transaction
 * (its own event and audit entry first): the operator has it in hand, and
 * does not need a second trip for "Terima berkas".
 */
export async function decide(db: Db, input: DecideInput): Promise<ReviewOutcome> {
  return withTransaction(db, async (tx): Promise<ReviewOutcome> => {
    const guarded = await guard(tx, input);
    if (!guarded.ok) return guarded;
    const row = guarded.row;
    const { verdict } = input;
    if (!canDecide(row.status, verdict.decision)) return { ok: false, code: "invalid_transition" };
    const at = input.now.toISOString();
    const receiving = row.status === "submitted";
    // Receiving starts (or resumes) the clock before the decision moves it.
    const received = receiving ? await clockAfter(tx, row, "received", input.now) : row.clock;
    const clock = await clockAfter(tx, { ...row, clock: received }, verdict.decision, input.now);
    const changes = {
      ...clockColumns(clock),
      status: verdict.decision,
      verdict,
      version: row.version + 1,
      changeSeq: pendingSeq(tx),
      updatedAt: at,
      decidedAt: at,
      firstDecisionAt: row.firstDecisionAt ?? at,
      sentBackCount: row.sentBackCount + (verdict.decision === "needs-fix" ? 1 : 0),
      ...(receiving ? { receivedAt: at } : {}),
    };
    await tx.update(applications).set(changes).where(eq(applications.id, row.id));
    if (receiving) await recordReceipt(tx, row, input.actor, input.now);
    const findings = findingsOf(row, verdict, at);
    if (findings.length > 0) await tx.insert(reviewFindings).values(findings);
    await recordEvent(tx, {
      applicationId: row.id,
      kind: "verdict",
      actorId: input.actor?.id ?? null,
      status: verdict.decision,
      detail: await eventDetail(tx, row, verdict),
      at,
    });
    if (input.actor) {
      await recordAudit(
        tx,
        input.actor,
        {
          action: "application.verdict",
          targetType: "application",
          targetId: row.id,
          kecamatanCode: row.kecamatanCode,
          before: { status: receiving ? "received" : row.status, verdict: row.verdict },
          after: { status: verdict.decision, verdict },
        },
        input.now,
      );
    }
    // Last: the file's change seq, with the counter held for the commit only (server/sync/counters.ts).
    const seqs = await stampApplications(tx);
    return { ok: true, row: { ...row, ...changes, changeSeq: seqs.get(row.id) ?? row.changeSeq } };
  });
}

/**
 * "Diterima": the office has the file in hand. A server change like a
 * verdict, so the cadre's phone learns of it on the next pull.
 */
export async function receive(db: Db, input: Guarded & { actor: AuthUser }): Promise<ReviewOutcome> {
  return withTransaction(db, async (tx): Promise<ReviewOutcome> => {
    const guarded = await guard(tx, input);
    if (!guarded.ok) return guarded;
    const row = guarded.row;
    if (row.status !== "submitted") return { ok: false, code: "invalid_transition" };
    const at = input.now.toISOString();
    const changes = {
      status: "received" as const,
      ...clockColumns(await clockAfter(tx, row, "received", input.now)),
      version: row.version + 1,
      changeSeq: pendingSeq(tx),
      updatedAt: at,
      receivedAt: at,
    };
    await tx.update(applications).set(changes).where(eq(applications.id, row.id));
    await recordReceipt(tx, row, input.actor, input.now);
    const seqs = await stampApplications(tx);
    return { ok: true, row: { ...row, ...changes, changeSeq: seqs.get(row.id) ?? row.changeSeq } };
  });
}

/** The history event and audit entry of "Diterima", alone or as the first half of a decision. */
async function recordReceipt(tx: Tx, row: ApplicationRow, actor: AuthUser | null, now: Date): Promise<void> {
  const at = now.toISOString();
  await recordEvent(tx, {
    applicationId: row.id,
    kind: "received",
    actorId: actor?.id ?? null,
    status: "received",
    at,
  });
  if (!actor) return;
  await recordAudit(
    tx,
    actor,
    {
      action: "application.receive",
      targetType: "application",
      targetId: row.id,
      kecamatanCode: row.kecamatanCode,
      before: { status: row.status },
      after: { status: "received" },
    },
    now,
  );
}

/**
 * The decision as tests and scripts give it (a Verdict, no expected version).
 * Kept for them; the console calls `decide` with the operator and scope.
 */
export async function recordVerdict(
  db: Db,
  id: string,
  verdict: Verdict,
  now = new Date(),
  actor?: AuthUser,
): Promise<boolean> {
  return (await decide(db, { id, verdict, actor: actor ?? null, now })).ok;
}
