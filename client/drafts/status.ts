import { cadreDeleteRefusal, type DeleteRefusal } from "../../shared/review/workflow";
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

/**
 * Why the cadre may not delete this file, by the shared rule. A file marked
 * ready counts as submitted even before a pull has confirmed it: its submit
 * may already be on the server, and deleting the phone's copy then would
 * lose a file the office is processing.
 */
export function deleteRefusalOf(draft: Pick<DraftRow, "status">, remote: RemoteRow | undefined): DeleteRefusal | null {
  const known = remote?.status;
  const status = draft.status === "ready" && (known === undefined || known === "draft") ? "submitted" : known;
  return cadreDeleteRefusal(status);
}
