import type { RunResult } from "better-sqlite3";
import { and, count, desc, eq, gt, isNull, max } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { Guide } from "../../shared/guide";
import type { Db } from "../db/open";
import type * as schema from "../db/schema";
import { guides, guideVersions } from "../db/schema";

/** The database or a transaction on it. */
export type DbOrTx = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

export interface StoredGuide {
  guide: Guide;
  changeSeq: number;
  withdrawn: boolean;
}

function toStored(row: typeof guides.$inferSelect): StoredGuide {
  // Rows were validated on the way in; parsing again would cost time on every pull.
  return { guide: row.data as Guide, changeSeq: row.changeSeq, withdrawn: row.withdrawnAt !== null };
}

/** The catalogue's change counter: the highest changeSeq ever written. */
export function currentChangeSeq(db: DbOrTx): number {
  const row = db
    .select({ value: max(guides.changeSeq) })
    .from(guides)
    .get();
  return row?.value ?? 0;
}

export function countPublished(db: Db): number {
  return db.select({ n: count() }).from(guides).where(isNull(guides.withdrawnAt)).get()?.n ?? 0;
}

/** Published guides (or, with `sinceSeq`, every guide changed or withdrawn after it). */
export function listGuides(db: Db, sinceSeq?: number): StoredGuide[] {
  const query = db.select().from(guides);
  const rows =
    sinceSeq === undefined
      ? query.where(isNull(guides.withdrawnAt)).orderBy(guides.id).all()
      : query.where(gt(guides.changeSeq, sinceSeq)).orderBy(guides.changeSeq).all();
  return rows.map(toStored);
}

export function getGuide(db: DbOrTx, id: string): StoredGuide | undefined {
  const row = db.select().from(guides).where(eq(guides.id, id)).get();
  return row ? toStored(row) : undefined;
}

/** Who published a version and why, kept in guide_versions for the console's history. */
export interface PublishMeta {
  /** The publishing user's id; absent for seeded versions. */
  publishedBy?: string | null;
  changeNote?: string | null;
}

function nextChangeSeq(tx: DbOrTx): number {
  return (
    (tx
      .select({ value: max(guides.changeSeq) })
      .from(guides)
      .get()?.value ?? 0) + 1
  );
}

/**
 * Writes an already validated guide as the current published version, inside
 * the caller's transaction, so a caller can add its audit entry (or publish a
 * whole import) atomically.
 */
export function writePublishedGuide(tx: DbOrTx, guide: Guide, now: Date, meta: PublishMeta = {}): StoredGuide {
  const changeSeq = nextChangeSeq(tx);
  const row = {
    id: guide.id,
    version: guide.version,
    data: guide,
    changeSeq,
    withdrawnAt: null,
    updatedAt: now.toISOString(),
  };
  tx.insert(guides).values(row).onConflictDoUpdate({ target: guides.id, set: row }).run();
  const version = {
    data: guide,
    publishedAt: row.updatedAt,
    publishedBy: meta.publishedBy ?? null,
    changeNote: meta.changeNote ?? null,
  };
  tx.insert(guideVersions)
    .values({ id: guide.id, version: guide.version, ...version })
    .onConflictDoUpdate({ target: [guideVersions.id, guideVersions.version], set: version })
    .run();
  return { guide, changeSeq, withdrawn: false };
}

/**
 * Writes a guide as the current published version. The change counter moves
 * inside the same transaction, so two publishes can never share a seq.
 */
export function publishGuide(db: Db, input: unknown, now = new Date(), meta: PublishMeta = {}): StoredGuide {
  const guide = Guide.parse(input);
  return db.transaction((tx) => writePublishedGuide(tx, guide, now, meta));
}

/** Marks a guide withdrawn inside the caller's transaction; false when there is no such guide. */
export function writeWithdrawal(tx: DbOrTx, id: string, now: Date): boolean {
  const existing = tx.select({ id: guides.id }).from(guides).where(eq(guides.id, id)).get();
  if (!existing) return false;
  tx.update(guides)
    .set({ withdrawnAt: now.toISOString(), changeSeq: nextChangeSeq(tx), updatedAt: now.toISOString() })
    .where(eq(guides.id, id))
    .run();
  return true;
}

/** Puts a withdrawn guide back as it was; the counter moves so devices pull it again. */
export function writeRestore(tx: DbOrTx, id: string, now: Date): boolean {
  const existing = tx.select({ id: guides.id }).from(guides).where(eq(guides.id, id)).get();
  if (!existing) return false;
  tx.update(guides)
    .set({ withdrawnAt: null, changeSeq: nextChangeSeq(tx), updatedAt: now.toISOString() })
    .where(eq(guides.id, id))
    .run();
  return true;
}

export function withdrawGuide(db: Db, id: string, now = new Date()): boolean {
  return db.transaction((tx) => writeWithdrawal(tx, id, now));
}

/** Used by seeding: fills an empty catalogue in one transaction. */
export function isCatalogueEmpty(db: Db): boolean {
  return db.select({ id: guides.id }).from(guides).orderBy(desc(guides.changeSeq)).limit(1).get() === undefined;
}

/** A guide exactly as it was published at `version`, for checking drafts pinned to it. */
export function getGuideVersion(db: DbOrTx, id: string, version: number): Guide | undefined {
  const row = db
    .select({ data: guideVersions.data })
    .from(guideVersions)
    .where(and(eq(guideVersions.id, id), eq(guideVersions.version, version)))
    .get();
  return row ? (row.data as Guide) : undefined;
}
