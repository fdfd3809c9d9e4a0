/**
 * Which of the device's tables hold people's data, and so are sealed with
 * the profile's key and move with the profile. Everything else (guides,
 * the guide versions drafts are pinned to, self-checks, catalogue cursors)
 * is public or anonymous and stays in the clear, readable without the PIN.
 *
 * A sealed table keeps only its primary key and its indexed fields in the
 * clear (IndexedDB needs them to find rows): ids, guide ids, dates and
 * sequence numbers — never a name, a NIK or an address. `tests/unit/vault-layout.test.ts`
 * pins that no index of these tables is a personal field.
 */
export const SEALED_TABLES = ["drafts", "blobs", "outbox", "remote", "attention"] as const;
export type SealedTable = (typeof SEALED_TABLES)[number];

/** The device's meta keys that belong to one cadre (their sync identity and place), parked with their profile. */
export const PROFILE_META_KEYS = [
  "clientId",
  "nextSeq",
  "pullCursor",
  "lastSyncAt",
  "account",
  "officeAreaCode",
  "closedDates",
] as const;

export function isSealedTable(name: string): name is SealedTable {
  return (SEALED_TABLES as readonly string[]).includes(name);
}
