import { createHash } from "node:crypto";
import { desc, eq, max, sql } from "drizzle-orm";
import type { GuideAdminDetail, GuideAdminSummary, GuideVersionInfo } from "../../shared/api/console";
import type { Guide } from "../../shared/guide";
import { LocalizedText } from "../../shared/text";
import { recordAudit } from "../audit/log";
import type { Db } from "../db/open";
import { guideDrafts, guides, guideVersions, users } from "../db/schema";
import { jsonText } from "../db/sql-fns";
import { withTransaction } from "../db/transaction";
import type { AuthUser } from "../http/env";
import { holdChangeCounter } from "../sync/counters";
import { checkGuide, type GuideIssue, sortKeys } from "./issues";
import { type DbOrTx, getGuide, writePublishedGuide, writeRestore, writeWithdrawal } from "./repository";

/**
 * The console's guide editing: one unpublished draft per guide, publishing it
 * as the next version, withdrawing and restoring. Guides are server-wide, so
 * every audit entry here has no kecamatan.
 */

type DraftData = Record<string, unknown>;

async function draftOf(db: DbOrTx, id: string): Promise<{ data: DraftData; updatedAt: string } | undefined> {
  const [row] = await db.select().from(guideDrafts).where(eq(guideDrafts.id, id));
  return row ? { data: row.data as DraftData, updatedAt: row.updatedAt } : undefined;
}

/**
 * The version a publish of `id` gets: one above every version ever published,
 * so a publish can never overwrite a version that drafts are pinned to.
 */
export async function nextVersion(db: DbOrTx, id: string): Promise<number> {
  const [row] = await db
    .select({ value: max(guideVersions.version) })
    .from(guideVersions)
    .where(eq(guideVersions.id, id));
  return (row?.value ?? 0) + 1;
}

/**
 * The draft as it would be published: the id, the version, the oldest
 * version the office takes and the change note are the server's, not the
 * editor's (a draft copied from the published guide carries its old values,
 * and an old note must not reach cadres as this version's).
 */
function asPublished(
  id: string,
  draft: DraftData,
  version: number,
  minSubmitVersion?: number,
  changeNote?: string,
): DraftData {
  const { minSubmitVersion: _fromEditor, changeNote: _oldNote, ...content } = draft;
  return {
    ...content,
    id,
    version,
    ...(minSubmitVersion === undefined ? {} : { minSubmitVersion }),
    ...(changeNote ? { changeNote } : {}),
  };
}

/**
 * A draft's size and fingerprint for the audit log: a draft can be a quarter
 * of a megabyte and is saved often, and it reaches nobody until published
 * (whose entry holds the whole guide before and after). Over the keys in sorted
 * order: a draft read back from PostgreSQL's jsonb has its keys in jsonb's order,
 * not the order it was saved in, and the same draft must give the same fingerprint.
 */
function draftFingerprint(data: DraftData): { bytes: number; sha256: string } {
  const text = JSON.stringify(sortKeys(data));
  return { bytes: Buffer.byteLength(text, "utf8"), sha256: createHash("sha256").update(text).digest("hex") };
}

function titleOf(id: string, published: Guide | undefined, draft: DraftData | undefined): LocalizedText {
  if (published) return published.title;
  const fromDraft = LocalizedText.safeParse(draft?.title);
  return fromDraft.success ? fromDraft.data : { id, en: id };
}

export async function listGuideSummaries(db: Db): Promise<GuideAdminSummary[]> {
  const published = await db.select().from(guides);
  const drafts = await db.select().from(guideDrafts);
  const draftsById = new Map(drafts.map((row) => [row.id, row]));
  const ids = new Set([...published.map((row) => row.id), ...drafts.map((row) => row.id)]);
  const publishedById = new Map(published.map((row) => [row.id, row]));
  return [...ids].sort().map((id) => {
    const row = publishedById.get(id);
    const draft = draftsById.get(id);
    const updatedAt = [row?.updatedAt, draft?.updatedAt].filter((at): at is string => at !== undefined).sort();
    return {
      id,
      title: titleOf(id, row?.data as Guide | undefined, draft?.data as DraftData | undefined),
      publishedVersion: row?.version ?? null,
      withdrawn: row ? row.withdrawnAt !== null : false,
      hasDraft: draft !== undefined,
      updatedAt: updatedAt.at(-1) ?? "",
    };
  });
}

async function versionsOf(db: DbOrTx, id: string): Promise<GuideVersionInfo[]> {
  const rows = await db
    .select({
      version: guideVersions.version,
      publishedAt: guideVersions.publishedAt,
      publishedBy: users.displayName,
      changeNote: guideVersions.changeNote,
      // Read from the stored JSON rather than parsing every version's whole guide (a number on SQLite, the
      // number's text on PostgreSQL: compared as a number below).
      minSubmitVersion: sql<number | string | null>`${jsonText(sql`${guideVersions.data}`, ["minSubmitVersion"])}`,
    })
    .from(guideVersions)
    .leftJoin(users, eq(users.id, guideVersions.publishedBy))
    .where(eq(guideVersions.id, id))
    .orderBy(desc(guideVersions.version));
  return rows.map(({ minSubmitVersion, ...info }) => ({
    ...info,
    binding: minSubmitVersion !== null && Number(minSubmitVersion) === info.version,
  }));
}

/** Everything the editor shows for one guide, or undefined when it exists neither published nor as a draft. */
export async function guideDetail(db: DbOrTx, id: string): Promise<GuideAdminDetail | undefined> {
  const stored = await getGuide(db, id);
  const draft = await draftOf(db, id);
  if (!stored && !draft) return undefined;
  let draftIssues: GuideIssue[] = [];
  if (draft) {
    const check = checkGuide(asPublished(id, draft.data, await nextVersion(db, id)));
    if (!check.ok) draftIssues = check.issues;
  }
  return {
    id,
    published: stored?.guide ?? null,
    withdrawn: stored?.withdrawn ?? false,
    draft: draft?.data ?? null,
    draftIssues,
    versions: await versionsOf(db, id),
  };
}

/**
 * An editor's transaction first holds the catalogue's change counter (server/sync/counters.ts), before it
 * reads what it checks: the published version a publish expects (409 otherwise), whether a guide is
 * withdrawn, the draft a save or discard replaces. Every catalogue writer takes that counter, so on
 * PostgreSQL (READ COMMITTED) two editors' changes run one after the other, each reading what the other
 * committed, as SQLite's single writer has them; a no-op on SQLite.
 */
export async function serialiseGuideEdits(tx: DbOrTx): Promise<void> {
  await holdChangeCounter(tx, "guides");
}

export async function saveGuideDraft(
  db: Db,
  actor: AuthUser,
  id: string,
  data: DraftData,
  now: Date,
): Promise<GuideAdminDetail> {
  return withTransaction(db, async (tx) => {
    await serialiseGuideEdits(tx);
    const previous = await draftOf(tx, id);
    const row = { id, data, updatedBy: actor.id, updatedAt: now.toISOString() };
    await tx.insert(guideDrafts).values(row).onConflictDoUpdate({ target: guideDrafts.id, set: row });
    await recordAudit(
      tx,
      actor,
      {
        action: "guide.save-draft",
        targetType: "guide",
        targetId: id,
        kecamatanCode: null,
        before: previous ? draftFingerprint(previous.data) : null,
        after: draftFingerprint(data),
      },
      now,
    );
    const detail = await guideDetail(tx, id);
    if (!detail) throw new Error("a saved draft must be readable in its own transaction");
    return detail;
  });
}

/** False when there was no draft to discard. */
export async function discardGuideDraft(db: Db, actor: AuthUser, id: string, now: Date): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    await serialiseGuideEdits(tx);
    const previous = await draftOf(tx, id);
    if (!previous) return false;
    await tx.delete(guideDrafts).where(eq(guideDrafts.id, id));
    await recordAudit(
      tx,
      actor,
      {
        action: "guide.discard-draft",
        targetType: "guide",
        targetId: id,
        kecamatanCode: null,
        before: draftFingerprint(previous.data),
        after: null,
      },
      now,
    );
    return true;
  });
}

export type PublishResult =
  | { ok: true; detail: GuideAdminDetail }
  | { ok: false; code: "guide_draft_not_found" }
  | { ok: false; code: "version_conflict"; currentVersion: number | null }
  | { ok: false; code: "guide_invalid"; issues: GuideIssue[] };

/**
 * Publishes the draft as the next version and deletes it, in one transaction
 * with its audit entry. `expectedVersion` is the published version the editor
 * started from: if someone published in between, nothing is written.
 *
 * Every version stays in guide_versions and the submit pre-check reads the
 * pinned one. A binding publish raises `minSubmitVersion` to the new version,
 * so the submit of a draft pinned to an older one is refused
 * (`guide-outdated`) and the phone moves it; a non-binding one keeps the
 * previous value. Files already submitted are never re-checked.
 */
export async function publishGuideDraft(
  db: Db,
  actor: AuthUser,
  id: string,
  request: { changeNote: string; expectedVersion: number | null; binding: boolean },
  now: Date,
): Promise<PublishResult> {
  return withTransaction(db, async (tx): Promise<PublishResult> => {
    await serialiseGuideEdits(tx);
    const draft = await draftOf(tx, id);
    if (!draft) return { ok: false, code: "guide_draft_not_found" };
    const current = await getGuide(tx, id);
    const currentVersion = current?.guide.version ?? null;
    if (request.expectedVersion !== currentVersion) return { ok: false, code: "version_conflict", currentVersion };
    const version = await nextVersion(tx, id);
    const minSubmitVersion = request.binding ? version : current?.guide.minSubmitVersion;
    const check = checkGuide(asPublished(id, draft.data, version, minSubmitVersion, request.changeNote));
    if (!check.ok) return { ok: false, code: "guide_invalid", issues: check.issues };
    await writePublishedGuide(tx, check.guide, now, { publishedBy: actor.id, changeNote: request.changeNote });
    await tx.delete(guideDrafts).where(eq(guideDrafts.id, id));
    await recordAudit(
      tx,
      actor,
      {
        action: "guide.publish",
        targetType: "guide",
        targetId: id,
        kecamatanCode: null,
        before: current ? { version: current.guide.version, withdrawn: current.withdrawn, data: current.guide } : null,
        after: {
          version,
          withdrawn: false,
          changeNote: request.changeNote,
          binding: request.binding,
          data: check.guide,
        },
      },
      now,
    );
    const detail = await guideDetail(tx, id);
    if (!detail) throw new Error("a published guide must be readable in its own transaction");
    return { ok: true, detail };
  });
}

export type AvailabilityResult = { ok: true; detail: GuideAdminDetail; changed: boolean } | { ok: false };

/**
 * Withdraws a published guide (`withdrawn: true`) or restores a withdrawn one
 * as it was. Asking for the state it is already in changes nothing and writes
 * no audit entry. `ok: false`: no published guide of that id.
 */
export async function setGuideWithdrawn(
  db: Db,
  actor: AuthUser,
  id: string,
  withdrawn: boolean,
  now: Date,
): Promise<AvailabilityResult> {
  return withTransaction(db, async (tx): Promise<AvailabilityResult> => {
    await serialiseGuideEdits(tx);
    const current = await getGuide(tx, id);
    if (!current) return { ok: false };
    const changed = current.withdrawn !== withdrawn;
    if (changed) {
      if (withdrawn) await writeWithdrawal(tx, id, now);
      else await writeRestore(tx, id, now);
      const version = current.guide.version;
      await recordAudit(
        tx,
        actor,
        {
          action: withdrawn ? "guide.withdraw" : "guide.restore",
          targetType: "guide",
          targetId: id,
          kecamatanCode: null,
          before: { version, withdrawn: current.withdrawn },
          after: { version, withdrawn },
        },
        now,
      );
    }
    const detail = await guideDetail(tx, id);
    if (!detail) throw new Error("a stored guide must be readable in its own transaction");
    return { ok: true, detail, changed };
  });
}
