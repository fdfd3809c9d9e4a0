import type { TrackingNumber } from "../../shared/tracking/number";
import { lookUpAny } from "./lookup";
import { type SavedLookup, saveLookup, type TrackingDb, trackingDb } from "./store";

/** A saved answer older than this is asked again when the list opens or the connection returns. */
export const STALE_MS = 10 * 60_000;
/** At most this many in one go: the public lookup is rate limited per address (20 a minute). */
export const REFRESH_AT_ONCE = 5;

interface Options {
  db?: TrackingDb;
  fetcher?: typeof fetch;
  online?: () => boolean;
}

/**
 * Asks the office again about the saved numbers it has not been asked about
 * lately, one at a time, keeping the list's order. Stops at the first
 * refusal or lost connection: the rest would fare no better now. Answers
 * whether anything changed.
 */
export async function refreshStale(
  rows: readonly SavedLookup[],
  now: Date,
  { db = trackingDb(), fetcher = fetch, online = () => navigator.onLine }: Options = {},
): Promise<boolean> {
  let changed = false;
  const stale = rows.filter((row) => now.getTime() - Date.parse(row.fetchedAt) > STALE_MS).slice(0, REFRESH_AT_ONCE);
  for (const row of stale) {
    if (!online()) break;
    const result = await lookUpAny(row.number as TrackingNumber, fetcher);
    if (!result.ok) break;
    await saveLookup(result.status, new Date(), { opened: false, db });
    changed = true;
  }
  return changed;
}
