import type { Database, RunResult, Statement } from "better-sqlite3";
import { and, desc, eq, gt, isNull, max } from "drizzle-orm";
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

/**
 * The read statements of the hot catalogue paths (health, the catalogue's
 * freshness check), prepared once per connection: drizzle builds and
 * better-sqlite3 prepares a query afresh on every call otherwise.
 */
interface ReadStatements {
  head: Statement<[], [number, string]>;
  published: Statement<[], number>;
  guideHead: Statement<[string], [number, string, string | null]>;
}

const prepared = new WeakMap<Database, ReadStatements>();

function reads(db: Db): ReadStatements {
  let statements = prepared.get(db.$client);
  if (!statements) {
    const client = db.$client;
    statements = {
      // Served by guides_change_seq_idx: one index step, whatever the catalogue's size.
      head: client
        .prepare<[], [number, string]>("SELECT change_seq, updated_at FROM guides ORDER BY change_seq DESC LIMIT 1")
        .raw(),
      published: client.prepare<[], number>("SELECT count(*) FROM guides WHERE withdrawn_at IS NULL").pluck(),
      guideHead: client
        .prepare<[string], [number, string, string | null]>(
          "SELECT change_seq, updated_at, withdrawn_at FROM guides WHERE id = ?",
        )
        .raw(),
    };
    prepared.set(client, statements);
  }
  return statements;
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

export function catalogueHead(db: Db): CatalogueHead {
  const row = reads(db).head.get();
  return row ? { seq: row[0], stamp: stampOf(row[1]) } : { seq: 0, stamp: "0" };
}

/** One guide's version without reading its body; undefined when there is no such guide. */
export function guideHead(db: Db, id: string): (CatalogueHead & { withdrawn: boolean }) | undefined {
  const row = reads(db).guideHead.get(id);
  return row ? { seq: row[0], stamp: stampOf(row[1]), withdrawn: row[2] !== null } : undefined;
}

export function countPublished(db: Db): number {
  return reads(db).published.get() ?? 0;
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
