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
  const last = await db.outbox.orderBy("seq").last();
  if (
    last &&
    !last.attempted &&
    last.name === "putDraft" &&
    entry.name === "putDraft" &&
    last.draftId === entry.draftId
  ) {
    // Never sent: nobody has seen this entry, so its snapshot may still be replaced.
    await db.outbox.put({ ...last, mutationId: uuidv7(), args: entry.args, baseVersion, createdAt: at.toISOString() });
    return;
  }
  const seq = Number((await db.meta.get("nextSeq"))?.value ?? "1");
  await db.outbox.add({
    ...entry,
    seq,
    mutationId: uuidv7(),
    baseVersion,
    createdAt: at.toISOString(),
    attempted: false,
  });
  await db.meta.put({ key: "nextSeq", value: String(seq + 1) });
}
