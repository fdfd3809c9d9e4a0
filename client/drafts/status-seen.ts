import type { LocalDb, RemoteRow, RemoteStatus } from "../db/local-db";

/**
 * "Status berubah": the office moved a file since the cadre last opened it.
 * The phone keeps, per file, the status the cadre last saw (`seenStatus` on
 * its remote row); the file's page marks what it shows as seen. Statuses the
 * cadre's own acts produce (saving a draft, submitting) are never news to
 * them, so a pull that brings one counts it as seen.
 */
const CADRE_MADE: ReadonlySet<RemoteStatus> = new Set(["draft", "submitted"]);

/**
 * The seen status to store when a pull brings `status` for a file whose
 * stored row is `previous`. A file the phone hears of for the first time in
 * an office status was last seen, by the cadre, as submitted.
 */
export function seenAfterPull(previous: Pick<RemoteRow, "seenStatus"> | undefined, status: RemoteStatus): RemoteStatus {
  if (CADRE_MADE.has(status)) return status;
  return previous?.seenStatus ?? "submitted";
}

/** Whether the list shows "Status berubah" on this file. */
export function statusChanged(remote: Pick<RemoteRow, "status" | "seenStatus" | "deleted"> | undefined): boolean {
  if (!remote || remote.deleted || remote.seenStatus === undefined) return false;
  return remote.status !== remote.seenStatus;
}

/**
 * The cadre saw `status` on the file's page. Written only if the row still
 * holds that status: a pull landing meanwhile brought news the page has not
 * shown yet.
 */
export async function markStatusSeen(db: LocalDb, id: string, status: RemoteStatus): Promise<void> {
  await db.transaction("rw", db.remote, async () => {
    const row = await db.remote.get(id);
    // biome-ignore lint/nursery/noMisusedPromises: an awaited Dexie row, not a promise (the rule misreads Dexie's types)
    if (row && row.status === status && row.seenStatus !== status) await db.remote.update(id, { seenStatus: status });
  });
}
