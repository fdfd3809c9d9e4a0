import { useEffect, useState } from "preact/hooks";
import { type AttentionRow, localDb, type RemoteRow } from "../db/local-db";
import { syncView } from "../sync/state";
import { openKey } from "../vault/keyring";
import { vault } from "../vault/view";
import { factsOf, type OfficeFacts } from "./office-file";
import { markStatusSeen, statusChanged } from "./status-seen";

/** The office's side of one file, as stored on the phone. */
export interface OfficeView {
  /** What the last pull said; absent while the office has said nothing. */
  remote?: RemoteRow;
  /** Changes of this draft still waiting to be sent. */
  waiting: boolean;
  /** Refusals of this draft under "perlu perhatian". */
  refusals: AttentionRow[];
  facts: OfficeFacts;
}

/**
 * The office's view of one file, read again after every sync and status
 * change; null until first read. Used by the file's page, so reading it marks
 * the status as seen by the cadre.
 */
export function useOfficeView(id: string, draftStatus: string | undefined): OfficeView | null {
  const [view, setView] = useState<OfficeView | null>(null);
  const lastSync = syncView.value.lastSyncAt?.getTime() ?? 0;
  const pending = syncView.value.pending;
  const unlocked = vault.value.kind === "unlocked";
  useEffect(() => {
    let live = true;
    // Locked, the office's view is sealed: the lock screen covers the page, and the unlock reads it again.
    if (!openKey()) return;
    void (async () => {
      const [remote, waiting, refusals] = await Promise.all([
        localDb.remote.get(id),
        localDb.outbox.where("draftId").equals(id).count(),
        localDb.attention.where("draftId").equals(id).toArray(),
      ]);
      if (!live) return;
      setView({
        ...(remote ? { remote } : {}),
        waiting: waiting > 0,
        refusals,
        facts: factsOf(remote, waiting, refusals.length),
      });
      // The page now shows the office's status: "Status berubah" on the list is answered.
      if (remote && statusChanged(remote)) void markStatusSeen(localDb, id, remote.status);
    })().catch((error: unknown) => {
      // The app locked while reading: nothing to show until the PIN opens it again.
      if ((error as { name?: unknown }).name !== "VaultLockedError") throw error;
    });
    return () => {
      live = false;
    };
  }, [id, lastSync, pending, draftStatus, unlocked]);
  return view;
}
