import type { Guide } from "../../shared/guide";
import { recordAudit } from "../audit/log";
import type { Db } from "../db/open";
import { withTransaction } from "../db/transaction";
import type { AuthUser } from "../http/env";
import { nextVersion, serialiseGuideEdits } from "./editor";
import { checkGuide, contentKey } from "./issues";
import { getGuide, writePublishedGuide } from "./repository";

/** An import problem: `path` starts with the guide's index in the file; `guideId` when the guide names one. */
export interface ImportIssue {
  path: (string | number)[];
  message: string;
  guideId?: string;
}

/** Enough to fix a file without flooding the answer when a whole file is wrong. */
const MAX_ISSUES = 200;

export type ImportCheck = { ok: true; guides: Guide[] } | { ok: false; issues: ImportIssue[]; totalIssues: number };

/** Every guide against the shared schema, and no id twice: all of them must pass before anything is written. */
export function checkImport(items: unknown[]): ImportCheck {
  const issues: ImportIssue[] = [];
  const parsed: Guide[] = [];
  const firstIndexOf = new Map<string, number>();
  items.forEach((item, index) => {
    const rawId = item && typeof item === "object" ? (item as Record<string, unknown>).id : undefined;
    const guideId = typeof rawId === "string" ? { guideId: rawId } : {};
    const check = checkGuide(item);
    if (!check.ok) {
      for (const issue of check.issues)
        issues.push({ path: [index, ...issue.path], message: issue.message, ...guideId });
      return;
    }
    const seen = firstIndexOf.get(check.guide.id);
    if (seen !== undefined) {
      issues.push({
        path: [index, "id"],
        message: `duplicate guide id '${check.guide.id}' (also at index ${seen})`,
        ...guideId,
      });
      return;
    }
    firstIndexOf.set(check.guide.id, index);
    parsed.push(check.guide);
  });
  if (issues.length > 0) return { ok: false, issues: issues.slice(0, MAX_ISSUES), totalIssues: issues.length };
  return { ok: true, guides: parsed };
}

export interface ImportResult {
  published: string[];
  unchanged: string[];
}

/**
 * Publishes, in one transaction with its audit entry, every guide whose
 * content differs from the published one (the version, the oldest
 * accepted version and the change note in the file are ignored: each gets the next version, and
 * an import never binds drafts already started). A withdrawn guide in the file counts
 * as changed: importing it puts it back in the catalogue.
 */
export async function importCatalogue(
  db: Db,
  actor: AuthUser,
  guides: Guide[],
  changeNote: string,
  now: Date,
): Promise<ImportResult> {
  return withTransaction(db, async (tx) => {
    await serialiseGuideEdits(tx);
    const result: ImportResult = { published: [], unchanged: [] };
    for (const guide of guides) {
      const current = await getGuide(tx, guide.id);
      if (current && !current.withdrawn && contentKey(current.guide) === contentKey(guide)) {
        result.unchanged.push(guide.id);
        continue;
      }
      const version = await nextVersion(tx, guide.id);
      // A file cannot say whether its changes bind drafts already started (its version numbers are
      // another server's): an import never binds, and keeps the oldest version this office takes.
      // The file's own change note describes some earlier version: phones would show it as this
      // one's, so the import's note replaces it.
      const { minSubmitVersion: _fromFile, changeNote: _fileNote, ...content } = guide;
      const kept = current?.guide.minSubmitVersion;
      const published: Guide = {
        ...content,
        version,
        changeNote,
        ...(kept === undefined ? {} : { minSubmitVersion: kept }),
      };
      await writePublishedGuide(tx, published, now, { publishedBy: actor.id, changeNote });
      result.published.push(guide.id);
    }
    await recordAudit(
      tx,
      actor,
      {
        action: "catalogue.import",
        targetType: "catalogue",
        targetId: "catalogue",
        kecamatanCode: null,
        before: null,
        after: { changeNote, ...result },
      },
      now,
    );
    return result;
  });
}
