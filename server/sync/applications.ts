import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Draft } from "../../shared/draft";
import { homeOfficeOf } from "../../shared/precheck/home-office";
import type { ApplicationChange, ApplicationStatus, Verdict } from "../../shared/sync/protocol";
import type { Db } from "../db/open";
import { applications } from "../db/schema";
import { recordEvent } from "../review/events";
import { resubmissionRecord } from "../review/resubmission";
import { nextChangeSeq, type ApplicationRow as Row, type Tx } from "./rows";

export { recordVerdict } from "../review/verdict";
export { currentChangeSeq, getApplication, nextChangeSeq } from "./rows";

/** Statuses in which the cadre may still change the content. */
export const EDITABLE: readonly ApplicationStatus[] = ["draft", "needs-fix"];

/** The cadre saving or submitting: their area is the office a file goes to when they pick none. */
export interface Author {
  id: string;
  kecamatanCode: string | null;
  kelurahanCode?: string | null;
}

/**
 * The office a submitted file goes to: the one the cadre picked, or the
 * cadre's own kelurahan/kecamatan, as the pre-check that accepted it read it.
 * Its kecamatan's operators review it.
 */
function officeOf(draft: Draft, author: Author): { officeAreaCode: string; kecamatanCode: string | null } {
  const officeAreaCode = draft.officeAreaCode.trim() || homeOfficeOf(author);
  const parts = officeAreaCode.split(".");
  return {
    officeAreaCode,
    kecamatanCode: parts.length >= 3 ? parts.slice(0, 3).join(".") : author.kecamatanCode,
  };
}

/**
 * Writes the cadre's content. The workflow facts the dashboard reads
 * (kecamatan, draft creation, submission counts) and the history event move
 * in the caller's transaction, together with the content.
 */
export function saveContent(
  tx: Tx,
  existing: Row | undefined,
  author: Author,
  draft: Draft,
  status: ApplicationStatus,
  now: string,
): number {
  const changeSeq = nextChangeSeq(tx);
  const version = (existing?.version ?? 0) + 1;
  const submitting = status === "submitted";
  // A submitted file records the office it goes to (so its review re-checks against the same office) and moves to that office's queue.
  const office = submitting ? officeOf(draft, author) : undefined;
  const values = {
    guideId: draft.guideId,
    guideVersion: draft.guideVersion,
    villageCode: draft.applicant.address.villageCode || null,
    // Submitted content is canonical where the server relies on it: the office, and the NIK as its 16 digits
    // (typed with spaces or dots on the phone), which the "not filed twice" rule looks up (server/sync/duplicates.ts).
    content: office
      ? {
          ...draft,
          officeAreaCode: office.officeAreaCode,
          applicant: { ...draft.applicant, nik: draft.applicant.nik.replace(/\D/g, "") },
        }
      : draft,
    status,
    version,
    changeSeq,
    updatedAt: now,
    // A resubmission clears the verdict: the cadre kept reading the reasons until now.
    ...(submitting
      ? {
          submittedAt: now,
          verdict: null,
          submitCount: (existing?.submitCount ?? 0) + 1,
          firstSubmittedAt: existing?.firstSubmittedAt ?? now,
          kecamatanCode: office?.kecamatanCode ?? author.kecamatanCode,
        }
      : {}),
  };
  if (existing) tx.update(applications).set(values).where(eq(applications.id, draft.id)).run();
  else
    tx.insert(applications)
      .values({
        id: draft.id,
        cadreId: author.id,
        createdAt: now,
        kecamatanCode: author.kecamatanCode,
        draftCreatedAt: draft.createdAt,
        ...values,
      })
      .run();
  if (!existing) recordEvent(tx, { applicationId: draft.id, kind: "created", actorId: author.id, status, at: now });
  if (submitting) {
    // A file sent back and submitted again records which parts changed since (names, never values).
    const detail = existing?.status === "needs-fix" ? resubmissionRecord(tx, draft.id, values.content as Draft) : null;
    recordEvent(tx, { applicationId: draft.id, kind: "submitted", actorId: author.id, status, detail, at: now });
  }
  return version;
}

/**
 * A submit the server's pre-check refused: counted on the row when there is
 * one (the phone's pre-check should have caught it) and always kept in the
 * history, with the reason codes only. Not a change the phone pulls.
 */
export function recordPrecheckFailure(
  tx: Tx,
  existing: Row | undefined,
  applicationId: string,
  actorId: string,
  reasons: string[],
  now: string,
): void {
  if (existing) {
    tx.update(applications)
      .set({ precheckFailures: sql`${applications.precheckFailures} + 1` })
      .where(eq(applications.id, existing.id))
      .run();
  }
  recordEvent(tx, {
    applicationId,
    kind: "precheck-failed",
    actorId,
    status: existing?.status ?? null,
    detail: { reasons },
    at: now,
  });
}

export function tombstone(tx: Tx, row: Row, actorId: string, now: string): void {
  tx.update(applications)
    .set({ deletedAt: now, version: row.version + 1, changeSeq: nextChangeSeq(tx), updatedAt: now })
    .where(eq(applications.id, row.id))
    .run();
  recordEvent(tx, { applicationId: row.id, kind: "deleted", actorId, status: row.status, at: now });
}

export function toChange(row: Row): ApplicationChange {
  return {
    id: row.id,
    guideId: row.guideId,
    version: row.version,
    status: row.status,
    verdict: (row.verdict as Verdict | null) ?? null,
    deleted: row.deletedAt !== null,
    updatedAt: row.updatedAt,
  };
}

/** One page of a cadre's changes after `sinceSeq`, oldest first; one row more tells whether more wait. */
export function changesSince(db: Db, cadreId: string, sinceSeq: number, limit: number): Row[] {
  return db
    .select()
    .from(applications)
    .where(and(eq(applications.cadreId, cadreId), gt(applications.changeSeq, sinceSeq)))
    .orderBy(applications.changeSeq)
    .limit(limit + 1)
    .all();
}

export function applicationsByIds(db: Db, ids: string[]): Row[] {
  return ids.length ? db.select().from(applications).where(inArray(applications.id, ids)).all() : [];
}
