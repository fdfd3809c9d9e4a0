import type { DraftRow, RemoteRow } from "../db/local-db";
import type { DraftMessageKey } from "./messages";

const REMOTE_KEYS: Record<RemoteRow["status"], DraftMessageKey> = {
  draft: "statusDraft",
  submitted: "remoteSubmitted",
  received: "remoteReceived",
  verified: "remoteVerified",
  "needs-fix": "remoteNeedsFix",
  rejected: "remoteRejected",
  approved: "remoteApproved",
};

/** Statuses in which the office has the file and the cadre may not change it. */
export const LOCKED: ReadonlySet<RemoteRow["status"]> = new Set([
  "submitted",
  "received",
  "verified",
  "rejected",
  "approved",
]);

/**
 * One label for where a file stands: draft, ready, waiting to be sent, then
 * whatever the office last said. A newer local "ready" wins over an older
 * "needs fixing" until the server has it.
 */
export function statusOf(
  draft: Pick<DraftRow, "status">,
  remote: RemoteRow | undefined,
  waiting: boolean,
  sending = false,
): { key: DraftMessageKey; tone: string } {
  if (draft.status === "ready" && waiting) return { key: sending ? "sending" : "waitingToSend", tone: "ready" };
  if (remote && remote.status !== "draft" && !(remote.status === "needs-fix" && draft.status === "ready")) {
    return {
      key: REMOTE_KEYS[remote.status],
      tone: remote.status === "needs-fix" || remote.status === "rejected" ? "invalid" : "ok",
    };
  }
  return draft.status === "ready" ? { key: "statusReady", tone: "ready" } : { key: "statusDraft", tone: "draft" };
}
