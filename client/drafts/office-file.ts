import type { Draft } from "../../shared/draft";
import type { LocalDb, RemoteRow } from "../db/local-db";

/** What the phone knows of the office's side of one file. */
export interface OfficeFacts {
  /** The workflow status the last pull brought; absent while the office has said nothing. */
  remoteStatus?: RemoteRow["status"];
  /** Changes of this draft still waiting in the outbox. */
  waiting: boolean;
  /** A refusal of this draft waits under "perlu perhatian". */
  refused: boolean;
}

/**
 * Whether the office already has the file, as far as the phone can tell: the
 * server says so (submitted, in review, sent back for a fix...), or the draft
 * is ready with nothing left to send and no refusal — its submit went through
 * even if no pull has said so yet. The server's own answer is
 * `first_submitted_at`; this is the phone's input to the shared rule
 * `mustMoveBeforeSubmit` (shared/guide-changes.ts).
 */
export function officeHasFile(draft: Pick<Draft, "status">, facts: OfficeFacts): boolean {
  if (facts.remoteStatus && facts.remoteStatus !== "draft") return true;
  return draft.status === "ready" && !facts.waiting && !facts.refused;
}

/** The stored facts; inside a transaction, it must include `remote`, `outbox` and `attention`. */
export async function readOfficeFacts(db: LocalDb, draftId: string): Promise<OfficeFacts> {
  const remote = await db.remote.get(draftId);
  const waiting = await db.outbox.where("draftId").equals(draftId).count();
  const refused = await db.attention.where("draftId").equals(draftId).count();
  return factsOf(remote, waiting, refused);
}

/** The facts from what is stored for one draft: its remote row, and how many outbox entries and refusals it has. */
export function factsOf(remote: Pick<RemoteRow, "status"> | undefined, waiting: number, refused: number): OfficeFacts {
  return { ...(remote ? { remoteStatus: remote.status } : {}), waiting: waiting > 0, refused: refused > 0 };
}
