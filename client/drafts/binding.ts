import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import { mustMoveBeforeSubmit } from "../../shared/guide-changes";
import type { DraftRow, LocalDb } from "../db/local-db";
import { outboxTables } from "../sync/outbox";
import { officeHasFile, readOfficeFacts } from "./office-file";
import { DraftRepository } from "./repository";

/**
 * New guide versions that bind files not yet submitted (docs/SYNC.md): the
 * office refuses a submit on an older version, so the phone moves every such
 * draft to the version the office takes, runs the pre-check again and shows
 * the change list on the draft. Runs after the catalogue brings a guide, after
 * a sync round (a refused submit, `guide-outdated`) and when a draft screen
 * opens on an outdated version. Which drafts move is the shared rule
 * `mustMoveBeforeSubmit`, the one the server refuses by: a file the office
 * already has stays on the version it was reviewed against.
 */

interface Candidate {
  draft: DraftRow;
  guide: Guide;
}

/**
 * Drafts pinned below their guide's `minSubmitVersion`. Cheap: reads only
 * binding guides' drafts. Whether the office has each file is read later,
 * inside the move's transaction.
 */
async function outdatedDrafts(db: LocalDb): Promise<Candidate[]> {
  const binding = await db.guides.filter((guide) => (guide.minSubmitVersion ?? 1) > 1).toArray();
  const found: Candidate[] = [];
  for (const guide of binding) {
    const drafts = await db.drafts
      .where("guideId")
      .equals(guide.id)
      .filter((draft) => !draft.deletedAt && mustMoveBeforeSubmit(guide, draft.guideVersion, false))
      .toArray();
    for (const draft of drafts) found.push({ draft, guide });
  }
  return found;
}

/**
 * Moves every draft the office would refuse to the guide version it takes.
 * Returns the ids moved. Each move is one transaction with its outbox entries
 * (a save, and a new submit when a ready draft still passes the pre-check).
 */
export async function adoptBindingVersions(db: LocalDb, now: () => Date = () => new Date()): Promise<string[]> {
  const candidates = await outdatedDrafts(db);
  if (candidates.length === 0) return [];
  // The pre-check (with the region list) loads only when a draft has to move, and before any
  // transaction opens: awaiting a module load inside one would end it.
  const { runPrecheck } = await import("./store");
  const passes = (guide: Guide, draft: Draft) => runPrecheck(guide, draft).verdict === "ready";
  const repo = new DraftRepository(db, now);
  const moved: string[] = [];
  for (const { draft, guide } of candidates) {
    const row = await db.transaction(
      "rw",
      [db.drafts, db.blobs, db.guideVersions, db.guides, db.attention, ...outboxTables(db)],
      async () => {
        const current = await db.drafts.get(draft.id);
        if (!current || current.deletedAt) return undefined;
        const hasIt = officeHasFile(current, await readOfficeFacts(db, current.id));
        if (!mustMoveBeforeSubmit(guide, current.guideVersion, hasIt)) return undefined;
        return repo.adoptOfficeVersion(draft.id, guide, passes);
      },
    );
    if (row) moved.push(draft.id);
  }
  return moved;
}
