import { and, eq, gt, inArray, max } from "drizzle-orm";
import type { Draft } from "../../shared/draft";
import type { ApplicationChange, ApplicationStatus, Verdict } from "../../shared/sync/protocol";
import type { Db } from "../db/open";
import { applications } from "../db/schema";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
type Row = typeof applications.$inferSelect;

/** Statuses in which the cadre may still change the content. */
export const EDITABLE: readonly ApplicationStatus[] = ["draft", "needs-fix"];

/** The applications change counter moves inside the caller's transaction, so commit order is seq order. */
export function nextChangeSeq(tx: Tx | Db): number {
  return (
    (tx
      .select({ value: max(applications.changeSeq) })
      .from(applications)
      .get()?.value ?? 0) + 1
  );
}

/** The highest change counter value written so far. */
export function currentChangeSeq(db: Db): number {
  return nextChangeSeq(db) - 1;
}

export function getApplication(tx: Tx | Db, id: string): Row | undefined {
  return tx.select().from(applications).where(eq(applications.id, id)).get();
}

export function saveContent(
  tx: Tx,
  existing: Row | undefined,
  cadreId: string,
  draft: Draft,
  status: ApplicationStatus,
  now: string,
): number {
  const changeSeq = nextChangeSeq(tx);
  const version = (existing?.version ?? 0) + 1;
  const values = {
    guideId: draft.guideId,
    guideVersion: draft.guideVersion,
    villageCode: draft.applicant.address.villageCode || null,
    content: draft,
    status,
    version,
    changeSeq,
    updatedAt: now,
    ...(status === "submitted" ? { submittedAt: now, verdict: null } : {}),
  };
  if (existing) tx.update(applications).set(values).where(eq(applications.id, draft.id)).run();
  else
    tx.insert(applications)
      .values({ id: draft.id, cadreId, createdAt: now, ...values })
      .run();
  return version;
}

export function tombstone(tx: Tx, row: Row, now: string): void {
  tx.update(applications)
    .set({ deletedAt: now, version: row.version + 1, changeSeq: nextChangeSeq(tx), updatedAt: now })
    .where(eq(applications.id, row.id))
    .run();
}

/**
 * The office's decision on a submitted application (the operator console
 * calls this; tests use it to play the office). A server-owned change: it
 * moves the change counter so the cadre's next pull brings it.
 */
export function recordVerdict(db: Db, id: string, verdict: Verdict, now = new Date()): boolean {
  return db.transaction(
    (tx) => {
      const row = getApplication(tx, id);
      if (!row || row.deletedAt || row.status === "draft") return false;
      tx.update(applications)
        .set({
          status: verdict.decision,
          verdict,
          version: row.version + 1,
          changeSeq: nextChangeSeq(tx),
          updatedAt: now.toISOString(),
        })
        .where(eq(applications.id, id))
        .run();
      return true;
    },
    { behavior: "immediate" },
  );
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
