import { signal } from "@preact/signals";
import { CUT_OFF_CODES, FAREWELL_HEADER, FAREWELL_HEADER_VALUE } from "../../shared/api/farewell";
import type { LocalDb } from "../db/local-db";
import { dropKey } from "./keyring";
import { PROFILE_META_KEYS, SEALED_TABLES } from "./personal-tables";
import { rawOf } from "./profile-store";
import { becomeGuest, eraseProfile } from "./vault";

/**
 * Leaving when the office says so (issue 15): when the office revokes this
 * phone's session or disables the cadre, the server still takes the phone's
 * push and page uploads for a while and marks each answer
 * `Masdarin-Session: farewell` (server/auth/farewell.ts); everything else
 * answers 401 session_revoked or account_disabled. At that contact the round
 * pushes what the phone holds, then this module erases the cadre's personal
 * data, but only once nothing is left to send: until then it stays sealed and
 * the phone says how many changes wait.
 */

export { FAREWELL_HEADER } from "../../shared/api/farewell";

/** A 401 that means the office cut this session off (not one that merely expired). */
export function isCutOff(status: number, code: string | undefined): boolean {
  return status === 401 && code !== undefined && CUT_OFF_CODES.has(code);
}

export function saysFarewell(response: Response): boolean {
  return response.headers.get(FAREWELL_HEADER)?.toLowerCase() === FAREWELL_HEADER_VALUE;
}

export type FarewellResult = { erased: true } | { erased: false; waiting: number };

/** What the next screen tells the cadre (client/sync/words.ts farewellWords): never a name or a number of a file. */
export type FarewellNotice = { kind: "erased"; at: string } | { kind: "waiting"; changes: number };

const NOTICE_KEY = "masdarin.farewell";

function storedNotice(): FarewellNotice | null {
  try {
    const raw = globalThis.localStorage?.getItem(NOTICE_KEY);
    return raw ? (JSON.parse(raw) as FarewellNotice) : null;
  } catch {
    return null;
  }
}

/** Kept across a reload: the erase may happen while the app closes. */
export const farewellNotice = signal<FarewellNotice | null>(storedNotice());

function setNotice(notice: FarewellNotice | null): void {
  farewellNotice.value = notice;
  try {
    if (notice) globalThis.localStorage?.setItem(NOTICE_KEY, JSON.stringify(notice));
    else globalThis.localStorage?.removeItem(NOTICE_KEY);
  } catch {
    // Private mode: the signal still tells this page.
  }
}

/** The cadre read the notice (or signed in again): it goes. */
export function dismissFarewellNotice(): void {
  setNotice(null);
}

/** A round finished normally again (a new session): a "changes wait" notice no longer holds. */
export function clearWaitingNotice(): void {
  if (farewellNotice.value?.kind === "waiting") setNotice(null);
}

/**
 * The session is cut off: erases the active cadre's data when the outbox is
 * empty, in one transaction with the count so an edit from another tab cannot
 * slip in between; otherwise keeps it sealed and says how many changes wait.
 * Needs no key: erasing works on the rows as stored.
 */
export async function settleFarewell(db: LocalDb, now = new Date()): Promise<FarewellResult> {
  const raw = rawOf(db);
  const tables = [...SEALED_TABLES.map((name) => raw.table(name)), raw.meta, raw.parked, raw.profiles];
  const waiting = await raw.transaction("rw", tables, async () => {
    const changes = await raw.outbox.count();
    if (changes > 0) return changes;
    // First, so no autosave in this tab can seal a record back in after the erase.
    dropKey();
    const profile = (await raw.profiles.toArray()).find((row) => row.active);
    if (profile) await eraseProfile(db, profile);
    else {
      // A device from before profiles (or a test's): the live records are this cadre's.
      for (const name of SEALED_TABLES) await raw.table(name).clear();
      await raw.meta.bulkDelete([...PROFILE_META_KEYS]);
    }
    return 0;
  });
  if (waiting > 0) {
    setNotice({ kind: "waiting", changes: waiting });
    return { erased: false, waiting };
  }
  // Unfinished upload addresses point at this cadre's uploads (client/account/session.ts signOut does the same).
  await import("../uploads").then(({ forgetUploadUrls }) => forgetUploadUrls()).catch(() => undefined);
  await becomeGuest(db);
  setNotice({ kind: "erased", at: now.toISOString() });
  return { erased: true };
}
