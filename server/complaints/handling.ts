import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ComplaintAnswer, ComplaintAssign, ComplaintMove, ComplaintNote } from "../../shared/api/complaints";
import { isComplaintHandler, mayHandleComplaint } from "../../shared/complaints/access";
import {
  type ComplaintStatus,
  canMoveComplaint,
  closingProblem,
  isComplaintClosed,
} from "../../shared/complaints/workflow";
import { jakartaDate } from "../../shared/jakarta-time";
import { type ClockRecord, stopClock } from "../../shared/service-time/clock";
import { type AuditRecord, recordAudit } from "../audit/log";
import type { Db } from "../db/open";
import { complaintEvents, complaints, users } from "../db/schema";
import { withTransaction } from "../db/transaction";
import type { AuthUser } from "../http/env";
import { holdCalendar } from "../service-time/calendar-lock";
import { loadCalendar } from "../service-time/calendar-store";
import { clockColumns } from "../service-time/clock-writes";
import { readerOf } from "./reach";
import { type ComplaintRefusal, refuse, type Tx } from "./store";

/**
 * A handler's actions on a complaint: assign, move (with the public answer),
 * note. Each runs in one transaction that checks the version the handler saw
 * (409 version_conflict), raises it, appends a complaint event and an audit
 * entry. The audit entry holds the status, the assignee, the version and
 * whether an answer exists, never a text: operators without the handler
 * grant read their kecamatan's audit log.
 */

type Row = typeof complaints.$inferSelect;
export type HandlingOutcome = { ok: true; version: number } | ComplaintRefusal;

/** Handlers only (403 complaint_handler_required), and only within reach (404, like a missing one). */
async function gate(tx: Tx, actor: AuthUser, id: string): Promise<Row | ComplaintRefusal> {
  if (!isComplaintHandler(readerOf(actor))) return refuse(403, "complaint_handler_required");
  const [row] = await tx.select().from(complaints).where(eq(complaints.id, id));
  const place = row && { kecamatanCode: row.kecamatanCode, confidential: row.confidential };
  if (!row || !place || !mayHandleComplaint(readerOf(actor), place)) return refuse(404, "complaint_not_found");
  return row;
}

function auditState(row: Pick<Row, "status" | "assigneeId" | "version" | "answer">) {
  return { status: row.status, assigneeId: row.assigneeId, version: row.version, answered: row.answer !== null };
}

function audit(action: string, before: Row, after: Row): AuditRecord {
  return {
    action,
    targetType: "complaint",
    targetId: before.id,
    kecamatanCode: before.kecamatanCode,
    before: auditState(before),
    after: auditState(after),
  };
}

/**
 * Runs `change` on the complaint at `version` in one transaction: the row's
 * new columns are written only if nobody changed it since.
 */
async function act(
  db: Db,
  actor: AuthUser,
  id: string,
  version: number,
  now: Date,
  change: (
    tx: Tx,
    row: Row,
  ) => Promise<
    | {
        set: Partial<Row>;
        events: Omit<typeof complaintEvents.$inferInsert, "complaintId" | "at" | "actorId">[];
        action: string;
      }
    | ComplaintRefusal
  >,
): Promise<HandlingOutcome> {
  return withTransaction(db, async (tx): Promise<HandlingOutcome> => {
    // Closing stops the clock, counted with the calendar: a calendar change waits for this, or this for it.
    await holdCalendar(tx, "counting");
    const row = await gate(tx, actor, id);
    if ("ok" in row) return row;
    if (row.version !== version) return refuse(409, "version_conflict", { version: row.version });
    const result = await change(tx, row);
    if ("ok" in result) return result;
    const at = now.toISOString();
    const next = { ...row, ...result.set, version: row.version + 1, updatedAt: at };
    const written = await tx
      .update(complaints)
      .set({ ...result.set, version: next.version, updatedAt: at })
      .where(and(eq(complaints.id, id), eq(complaints.version, version)))
      .returning({ id: complaints.id });
    if (written.length !== 1) return refuse(409, "version_conflict");
    for (const event of result.events) {
      await tx.insert(complaintEvents).values({ ...event, complaintId: id, at, actorId: actor.id });
    }
    await recordAudit(tx, actor, audit(result.action, row, next), now);
    return { ok: true, version: next.version };
  });
}

/**
 * Assigns a handler (or nobody). The status stays as it is: "diproses" is a
 * step the handler takes on purpose (the reporter sees it), not a side effect.
 */
export async function assignComplaint(
  db: Db,
  actor: AuthUser,
  id: string,
  input: z.infer<typeof ComplaintAssign>,
  now: Date,
): Promise<HandlingOutcome> {
  return act(db, actor, id, input.version, now, async (tx, row) => {
    if (isComplaintClosed(row.status)) return refuse(409, "complaint_transition_not_allowed");
    if (input.assigneeId !== null) {
      const [assignee] = await tx.select().from(users).where(eq(users.id, input.assigneeId));
      const fit =
        assignee &&
        assignee.disabledAt === null &&
        mayHandleComplaint(
          { role: assignee.role, kecamatanCode: assignee.kecamatanCode, handlesComplaints: assignee.handlesComplaints },
          { kecamatanCode: row.kecamatanCode, confidential: row.confidential },
        );
      if (!fit) return refuse(400, "complaint_assignee_invalid");
    }
    return {
      set: { assigneeId: input.assigneeId },
      events: [{ kind: "assigned", status: null, text: null }],
      action: "complaint.assign",
    };
  });
}

/** Moves the status; closing needs the public answer (and, for not-authority, where to go) and stops the clock. */
export async function moveComplaint(
  db: Db,
  actor: AuthUser,
  id: string,
  input: z.infer<typeof ComplaintMove>,
  now: Date,
): Promise<HandlingOutcome> {
  return act(db, actor, id, input.version, now, async (tx, row) => {
    const to: ComplaintStatus = input.status;
    if (!canMoveComplaint(row.status, to)) return refuse(409, "complaint_transition_not_allowed");
    const answer = input.answer ?? row.answer;
    // Where to go instead belongs to "bukan wewenang" only; given with another status it is not kept.
    const referral = to === "not-authority" ? (input.referral ?? row.referral) : row.referral;
    const missing = closingProblem(to, answer, referral);
    if (missing) return refuse(400, "complaint_answer_required", { missing });
    const closed = isComplaintClosed(to);
    const clock = closed
      ? stopClock((row.clock as ClockRecord | null) ?? null, jakartaDate(now), await loadCalendar(tx))
      : ((row.clock as ClockRecord | null) ?? null);
    const events: { kind: "status" | "answered"; status: ComplaintStatus | null; text: string | null }[] = [
      { kind: "status", status: to, text: null },
    ];
    if (input.answer !== undefined && input.answer !== row.answer) {
      events.push({ kind: "answered", status: null, text: input.answer });
    }
    return {
      set: {
        status: to,
        answer,
        referral,
        closedAt: closed ? now.toISOString() : null,
        ...clockColumns(clock),
      },
      events,
      action: "complaint.move",
    };
  });
}

/** An internal note: never public, also on a closed complaint. */
export async function noteComplaint(
  db: Db,
  actor: AuthUser,
  id: string,
  input: z.infer<typeof ComplaintNote>,
  now: Date,
): Promise<HandlingOutcome> {
  return act(db, actor, id, input.version, now, async () => ({
    set: {},
    events: [{ kind: "note", status: null, text: input.text }],
    action: "complaint.note",
  }));
}

/**
 * The public answer to the reporter without a status change: an interim
 * answer while the complaint is being handled, or a correction after it was
 * closed (a closed complaint's answer may be corrected; its status and clock
 * stay). /lacak shows the latest answer; each one is an "answered" event.
 */
export async function answerComplaint(
  db: Db,
  actor: AuthUser,
  id: string,
  input: z.infer<typeof ComplaintAnswer>,
  now: Date,
): Promise<HandlingOutcome> {
  return act(db, actor, id, input.version, now, async () => ({
    set: { answer: input.answer },
    events: [{ kind: "answered", status: null, text: input.answer }],
    action: "complaint.answer",
  }));
}
