import { v7 as uuidv7 } from "uuid";
import type { LocalDb, OutboxRow } from "../db/local-db";

export type NewEntry = Pick<OutboxRow, "name" | "args" | "draftId">;

/** The tables every outbox write touches; callers include them in their transaction. */
export function outboxTables(db: LocalDb) {
  return [db.outbox, db.meta, db.remote] as const;
}

/**
 * Appends a mutation. Must run inside a read-write transaction that includes
 * `outboxTables(db)`, together with the change it records.
 */
export async function enqueue(db: LocalDb, entry: NewEntry, at = new Date()): Promise<void> {
  const baseVersion = (await db.remote.get(entry.draftId))?.version ?? 0;
  if (entry.name === "putDraft") {
    // Key-only reads (nothing opened: the entries are sealed, and each holds a whole draft): is the newest
    // entry this draft's snapshot that no push has included yet?
    const lastSeq = await db.outbox.orderBy("seq").lastKey();
    const waiting =
      lastSeq === undefined ? [] : await db.outbox.where("waitingPut").equals(entry.draftId).primaryKeys();
    if (typeof lastSeq === "number" && waiting.includes(lastSeq)) {
      // Never sent: nobody has seen this entry, so its snapshot may still be replaced.
      await db.outbox.put({
        ...entry,
        seq: lastSeq,
        mutationId: uuidv7(),
        baseVersion,
        createdAt: at.toISOString(),
        attempted: false,
        waitingPut: entry.draftId,
      });
      return;
    }
  }
  const seq = Number((await db.meta.get("nextSeq"))?.value ?? "1");
  await db.outbox.add({
    ...entry,
    seq,
    mutationId: uuidv7(),
    baseVersion,
    createdAt: at.toISOString(),
    attempted: false,
    ...(entry.name === "putDraft" ? { waitingPut: entry.draftId } : {}),
  });
  await db.meta.put({ key: "nextSeq", value: String(seq + 1) });
}

/**
 * A push includes these entries: from now on they are never changed again,
 * so they stop being the snapshot a save may replace. Must run in a read-write
 * transaction on the outbox.
 */
export async function markAttempted(db: LocalDb, entries: readonly Pick<OutboxRow, "seq">[]): Promise<void> {
  await db.outbox.bulkUpdate(
    entries.map((entry) => ({ key: entry.seq, changes: { attempted: true, waitingPut: null } })),
  );
}
