import { and, count, desc, eq, gt, isNull, max } from "drizzle-orm";
import { Guide } from "../../shared/guide";
import type { Db } from "../db/open";
import { guides, guideVersions } from "../db/schema";

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
export function currentChangeSeq(db: Db): number {
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

export function getGuide(db: Db, id: string): StoredGuide | undefined {
  const row = db.select().from(guides).where(eq(guides.id, id)).get();
  return row ? toStored(row) : undefined;
}

/**
 * Writes a guide as the current published version. The change counter moves
 * inside the same transaction, so two publishes can never share a seq.
 */
export function publishGuide(db: Db, input: unknown, now = new Date()): StoredGuide {
  const guide = Guide.parse(input);
  return db.transaction((tx) => {
    const changeSeq =
      (tx
        .select({ value: max(guides.changeSeq) })
        .from(guides)
        .get()?.value ?? 0) + 1;
    const row = {
      id: guide.id,
      version: guide.version,
      data: guide,
      changeSeq,
      withdrawnAt: null,
      updatedAt: now.toISOString(),
    };
    tx.insert(guides).values(row).onConflictDoUpdate({ target: guides.id, set: row }).run();
    tx.insert(guideVersions)
      .values({ id: guide.id, version: guide.version, data: guide, publishedAt: row.updatedAt })
      .onConflictDoUpdate({ target: [guideVersions.id, guideVersions.version], set: { data: guide } })
      .run();
    return { guide, changeSeq, withdrawn: false };
  });
}

export function withdrawGuide(db: Db, id: string, now = new Date()): boolean {
  return db.transaction((tx) => {
    const existing = tx.select({ id: guides.id }).from(guides).where(eq(guides.id, id)).get();
    if (!existing) return false;
    const changeSeq =
      (tx
        .select({ value: max(guides.changeSeq) })
        .from(guides)
        .get()?.value ?? 0) + 1;
    tx.update(guides)
      .set({ withdrawnAt: now.toISOString(), changeSeq, updatedAt: now.toISOString() })
      .where(eq(guides.id, id))
      .run();
    return true;
  });
}

/** Used by seeding: fills an empty catalogue in one transaction. */
export function isCatalogueEmpty(db: Db): boolean {
  return db.select({ id: guides.id }).from(guides).orderBy(desc(guides.changeSeq)).limit(1).get() === undefined;
}

/** A guide exactly as it was published at `version`, for checking drafts pinned to it. */
export function getGuideVersion(db: Db, id: string, version: number): Guide | undefined {
  const row = db
    .select({ data: guideVersions.data })
    .from(guideVersions)
    .where(and(eq(guideVersions.id, id), eq(guideVersions.version, version)))
    .get();
  return row ? (row.data as Guide) : undefined;
}
