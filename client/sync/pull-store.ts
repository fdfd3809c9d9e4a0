import type { ApplicationChange, PullResponse } from "../../shared/sync/protocol";
import type { LocalDb, RemoteRow } from "../db/local-db";
import { seenAfterPull } from "../drafts/status-seen";

/**
 * What the phone keeps of one pulled change. The number and the clock are
 * kept when an older server's change lacks them; the status the cadre last
 * saw is carried over (client/drafts/status-seen.ts).
 */
export function remoteRowOf(change: ApplicationChange, previous: RemoteRow | undefined): RemoteRow {
  return {
    id: change.id,
    version: change.version,
    status: change.status,
    verdict: change.verdict,
    deleted: change.deleted,
    updatedAt: change.updatedAt,
    trackingNumber: change.trackingNumber ?? previous?.trackingNumber ?? null,
    clock: change.clock !== undefined ? change.clock : (previous?.clock ?? null),
    seenStatus: seenAfterPull(previous, change.status),
  };
}

/** Stores one pull page: its changes, the office's closed dates and the cursor land together, so a crash cannot skip or repeat a change. */
export async function storePullPage(db: LocalDb, page: PullResponse): Promise<void> {
  await db.transaction("rw", db.remote, db.meta, db.outbox, db.drafts, async () => {
    for (const change of page.changes) {
      await db.remote.put(remoteRowOf(change, await db.remote.get(change.id)));
      // The office sent it back: the cadre may edit and mark it ready again. Content is
      // never overwritten — it belongs to the cadre — only the local workflow flag.
      if (change.status === "needs-fix") {
        const draft = await db.drafts.get(change.id);
        if (draft?.status === "ready") await db.drafts.update(change.id, { status: "draft" });
      }
    }
    if (page.closedDates) await db.meta.put({ key: "closedDates", value: JSON.stringify(page.closedDates) });
    await db.meta.put({ key: "pullCursor", value: page.cursor });
    await db.outbox.where("seq").belowOrEqual(page.lastAppliedSeq).delete();
  });
}
