import { and, desc, eq, gt, isNull, max, sql } from "drizzle-orm";
import { Guide } from "../../shared/guide";
import type { Db } from "../db/open";
import { rawGet } from "../db/raw";
import { guides, guideVersions } from "../db/schema";
import { withTransaction } from "../db/transaction";
import { takeChangeSeq } from "../sync/counters";

/** The database or a transaction on it (one type since the data access became asynchronous). */
export type DbOrTx = Db;

export interface StoredGuide {
  guide: Guide;
  changeSeq: number;
  withdrawn: boolean;
}

function toStored(row: typeof guides.$inferSelect): StoredGuide {
  // Rows were validated on the way in; parsing again would cost time on every pull.
  return { guide: row.data as Guide, changeSeq: row.changeSeq, withdrawn: row.withdrawnAt !== null };
}

/** The highest committed changeSeq of the catalogue (what a cursor may reach; counters.ts keeps the counter). */
export async function currentChangeSeq(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ value: max(guides.changeSeq) }).from(guides);
  return row?.value ?? 0;
}

/** A stored time as a short token for ETags ("0" when absent or unreadable). */
function stampOf(updatedAt: string | undefined): string {
  const ms = updatedAt === undefined ? Number.NaN : Date.parse(updatedAt);
  return Number.isFinite(ms) ? ms.toString(36) : "0";
}

/**
 * The catalogue's version as stored in the database: its change counter and
 * the time of the change that set it. Both live in the guides table, so every
 * process on the same file reads the same version (ETags survive a restart or
 * a second process), while a restored older copy that publishes up to a
 * counter it had before gets a different stamp (its tags never match the
 * newer catalogue's).
 */
export interface CatalogueHead {
  seq: number;
  stamp: string;
}

/**
 * The catalogue's head. This and the other hot reads (health, the
 * catalogue's freshness check) are plain SQL of a fixed text: the driver
 * keeps their statements by that text, so they are prepared once per
 * connection, not built and prepared afresh on every call.
 */
export async function catalogueHead(db: Db): Promise<CatalogueHead> {
  // Served by guides_change_seq_idx: one index step, whatever the catalogue's size.
  const row = await rawGet<{ seq: number; at: string }>(
    db,
    sql`SELECT change_seq AS seq, updated_at AS at FROM guides ORDER BY change_seq DESC LIMIT 1`,
  );
  return row ? { seq: row.seq, stamp: stampOf(row.at) } : { seq: 0, stamp: "0" };
}

/** One guide's version without reading its body; undefined when there is no such guide. */
export async function guideHead(db: Db, id: string): Promise<(CatalogueHead & { withdrawn: boolean }) | undefined> {
  const row = await rawGet<{ seq: number; at: string; withdrawnAt: string | null }>(
    db,
    sql`SELECT change_seq AS seq, updated_at AS at, withdrawn_at AS "withdrawnAt" FROM guides WHERE id = ${id}`,
  );
  return row ? { seq: row.seq, stamp: stampOf(row.at), withdrawn: row.withdrawnAt !== null } : undefined;
}

export async function countPublished(db: Db): Promise<number> {
  const row = await rawGet<{ n: number }>(db, sql`SELECT count(*) AS n FROM guides WHERE withdrawn_at IS NULL`);
  return Number(row?.n ?? 0);
}

/** Published guides (or, with `sinceSeq`, every guide changed or withdrawn after it). */
export async function listGuides(db: Db, sinceSeq?: number): Promise<StoredGuide[]> {
  const query = db.select().from(guides);
  const rows =
    sinceSeq === undefined
      ? await query.where(isNull(guides.withdrawnAt)).orderBy(guides.id)
      : await query.where(gt(guides.changeSeq, sinceSeq)).orderBy(guides.changeSeq);
  return rows.map(toStored);
}

export async function getGuide(db: DbOrTx, id: string): Promise<StoredGuide | undefined> {
  const [row] = await db.select().from(guides).where(eq(guides.id, id));
  return row ? toStored(row) : undefined;
}

/** Who published a version and why, kept in guide_versions for the console's history. */
export interface PublishMeta {
  /** The publishing user's id; absent for seeded versions. */
  publishedBy?: string | null;
  changeNote?: string | null;
}

/**
 * The catalogue's next change_seq from its counter (server/sync/counters.ts), inside the publishing
 * transaction: its lock makes commit order seq order, so a catalogue delta never passes a publish.
 */
async function nextChangeSeq(tx: DbOrTx): Promise<number> {
  return takeChangeSeq(tx, "guides");
}

/**
 * Writes an already validated guide as the current published version, inside
 * the caller's transaction, so a caller can add its audit entry (or publish a
 * whole import) atomically.
 */
export async function writePublishedGuide(
  tx: DbOrTx,
  guide: Guide,
  now: Date,
  meta: PublishMeta = {},
): Promise<StoredGuide> {
  const changeSeq = await nextChangeSeq(tx);
  const row = {
    id: guide.id,
    version: guide.version,
    data: guide,
    changeSeq,
    withdrawnAt: null,
    updatedAt: now.toISOString(),
  };
  await tx.insert(guides).values(row).onConflictDoUpdate({ target: guides.id, set: row });
  const version = {
    data: guide,
    publishedAt: row.updatedAt,
    publishedBy: meta.publishedBy ?? null,
    changeNote: meta.changeNote ?? null,
  };
  await tx
    .insert(guideVersions)
    .values({ id: guide.id, version: guide.version, ...version })
    .onConflictDoUpdate({ target: [guideVersions.id, guideVersions.version], set: version });
  return { guide, changeSeq, withdrawn: false };
}

/**
 * Writes a guide as the current published version. The change counter moves
 * inside the same transaction, so two publishes can never share a seq.
 */
export async function publishGuide(
  db: Db,
  input: unknown,
  now = new Date(),
  meta: PublishMeta = {},
): Promise<StoredGuide> {
  const guide = Guide.parse(input);
  return withTransaction(db, (tx) => writePublishedGuide(tx, guide, now, meta));
}

/** Marks a guide withdrawn inside the caller's transaction; false when there is no such guide. */
export async function writeWithdrawal(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const [existing] = await tx.select({ id: guides.id }).from(guides).where(eq(guides.id, id));
  if (!existing) return false;
  const changeSeq = await nextChangeSeq(tx);
  await tx
    .update(guides)
    .set({ withdrawnAt: now.toISOString(), changeSeq, updatedAt: now.toISOString() })
    .where(eq(guides.id, id));
  return true;
}

/** Puts a withdrawn guide back as it was; the counter moves so devices pull it again. */
export async function writeRestore(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const [existing] = await tx.select({ id: guides.id }).from(guides).where(eq(guides.id, id));
  if (!existing) return false;
  const changeSeq = await nextChangeSeq(tx);
  await tx.update(guides).set({ withdrawnAt: null, changeSeq, updatedAt: now.toISOString() }).where(eq(guides.id, id));
  return true;
}

export async function withdrawGuide(db: Db, id: string, now = new Date()): Promise<boolean> {
  return withTransaction(db, (tx) => writeWithdrawal(tx, id, now));
}

/** Used by seeding: fills an empty catalogue in one transaction. */
export async function isCatalogueEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: guides.id }).from(guides).orderBy(desc(guides.changeSeq)).limit(1);
  return rows.length === 0;
}

/** A guide exactly as it was published at `version`, for checking drafts pinned to it. */
export async function getGuideVersion(db: DbOrTx, id: string, version: number): Promise<Guide | undefined> {
  const [row] = await db
    .select({ data: guideVersions.data })
    .from(guideVersions)
    .where(and(eq(guideVersions.id, id), eq(guideVersions.version, version)));
  return row ? (row.data as Guide) : undefined;
}
