import { encodeCursor } from "../../shared/api/catalogue";
import type { PullResponse } from "../../shared/sync/protocol";
import { deviceRulesOf } from "../auth/device-rules";
import type { Db } from "../db/open";
import { closedDatesOf } from "../service-time/calendar-store";
import { toChange } from "./applications";
import { ClientNotOwnedError } from "./push";
import { SyncStore } from "./store";

/**
 * One page of a cadre's changes after `sinceSeq` and, with `clientId`, that
 * install's push high-water mark. Two index lookups and the page's rows, their
 * seven fields only (never the content), on statements the driver prepares once.
 */
export async function pullChanges(
  db: Db,
  cadreId: string,
  clientId: string | undefined,
  sinceSeq: number,
  limit: number,
): Promise<PullResponse> {
  const store = SyncStore.of(db);
  let lastAppliedSeq = 0;
  if (clientId !== undefined) {
    const client = await store.client(clientId);
    if (client && client.userId !== cadreId) throw new ClientNotOwnedError();
    lastAppliedSeq = client?.lastSeq ?? 0;
  }
  // A cursor from the future means the database was restored from a backup: start over
  // (the phone's pull is idempotent, so receiving changes again is harmless).
  const from = sinceSeq > (await store.currentChangeSeq()) ? 0 : sinceSeq;
  const rows = await store.changesSince(cadreId, from, limit);
  const page = rows.length > limit ? rows.slice(0, limit) : rows;
  return {
    cursor: encodeCursor(page.at(-1)?.changeSeq ?? from),
    lastAppliedSeq,
    changes: page.map(toChange),
    hasMore: rows.length > limit,
    // A few dozen dates: the phone counts each clock's days left with them until the next pull.
    closedDates: await closedDatesOf(db),
    // On every page: a phone that only pulls still learns the office's new lock or retention rule.
    deviceRules: await deviceRulesOf(db),
  };
}
