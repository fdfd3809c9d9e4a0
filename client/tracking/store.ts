import Dexie, { type Table } from "dexie";
import { PublicComplaintStatus } from "../../shared/api/complaints";
import { PublicStatus } from "../../shared/api/tracking";

/**
 * The numbers a citizen looked up on this phone and what the office last
 * said about each: /lacak lists them and shows them offline. Its own small
 * database (not the cadre's), holding only what the public lookup answered:
 * no personal data beyond initials. Complaint numbers (ADU-…, issue 14) are
 * kept here too, with the complaint's public status (never its text).
 */
export type AnyStatus = PublicStatus | PublicComplaintStatus;

/** Whether a saved answer is a complaint's (it has its own cards on the page). */
export function isComplaintStatus(status: AnyStatus): status is PublicComplaintStatus {
  return "kind" in status && status.kind === "complaint";
}

export interface SavedLookup {
  /** The canonical number, e.g. "DRN-7K4MX-2QP9A" or "ADU-7K4MX-2QP9A". */
  number: string;
  /** What it is: a file or a complaint (v2; rows saved before are files). */
  kind?: "file" | "complaint";
  status: AnyStatus;
  /** When this phone last got an answer (ISO): "terakhir diperbarui". */
  fetchedAt: string;
  /** When the citizen last opened it (ISO): the list's order, and which to drop first. */
  openedAt: string;
}

/** Enough for a family's files; older ones make room. */
export const MAX_SAVED = 20;

export class TrackingDb extends Dexie {
  lookups!: Table<SavedLookup, string>;

  constructor(name = "masdarin-lacak") {
    super(name);
    this.version(1).stores({ lookups: "number, openedAt" });
    // v2 (issue 14): complaints share the list; the rows saved before are files and stay.
    this.version(2)
      .stores({ lookups: "number, openedAt, kind" })
      .upgrade((tx) =>
        tx
          .table<SavedLookup, string>("lookups")
          .toCollection()
          .modify((row) => {
            row.kind ??= "file";
          }),
      );
  }
}

let shared: TrackingDb | undefined;

export function trackingDb(): TrackingDb {
  if (!shared) {
    const db = new TrackingDb();
    // Another tab opens a newer version (v2 added complaints): let it upgrade, and reload onto it.
    db.on("versionchange", () => {
      db.close();
      if (typeof location !== "undefined") location.reload();
      return false;
    });
    shared = db;
  }
  return shared;
}

/** Most recently opened first. */
export function newestFirst(rows: readonly SavedLookup[]): SavedLookup[] {
  return [...rows].sort((a, b) => b.openedAt.localeCompare(a.openedAt) || a.number.localeCompare(b.number));
}

/** The numbers to drop so at most `max` stay: the longest unopened. */
export function overflowOf(rows: readonly SavedLookup[], max = MAX_SAVED): string[] {
  return newestFirst(rows)
    .slice(max)
    .map((row) => row.number);
}

/** A stored row that no longer parses (an older app's shape) is dropped, not shown half. */
function valid(row: SavedLookup): boolean {
  return (isComplaintStatus(row.status) ? PublicComplaintStatus : PublicStatus).safeParse(row.status).success;
}

export async function listSaved(db = trackingDb()): Promise<SavedLookup[]> {
  const rows = await db.lookups.toArray();
  return newestFirst(rows.filter(valid));
}

export async function getSaved(number: string, db = trackingDb()): Promise<SavedLookup | undefined> {
  const row = await db.lookups.get(number);
  return row && valid(row) ? row : undefined;
}

/**
 * Keeps the office's latest answer and drops the longest unopened beyond the
 * bound. `opened`: the citizen opened this number now (it moves to the top);
 * a refresh in the background keeps its place.
 */
export async function saveLookup(
  status: AnyStatus,
  now: Date,
  { opened = true, db = trackingDb() }: { opened?: boolean; db?: TrackingDb } = {},
): Promise<SavedLookup> {
  const at = now.toISOString();
  const kind = isComplaintStatus(status) ? "complaint" : "file";
  let row: SavedLookup = { number: status.number, kind, status, fetchedAt: at, openedAt: at };
  await db.transaction("rw", db.lookups, async () => {
    const before = opened ? undefined : await db.lookups.get(status.number);
    if (before) row = { ...row, openedAt: before.openedAt };
    await db.lookups.put(row);
    const drop = overflowOf(await db.lookups.toArray());
    if (drop.length > 0) await db.lookups.bulkDelete(drop);
  });
  return row;
}

/** Opened from the list or a link while offline: it moves to the top without a new answer. */
export async function touchSaved(number: string, now: Date, db = trackingDb()): Promise<void> {
  await db.lookups.update(number, { openedAt: now.toISOString() });
}

export async function removeSaved(number: string, db = trackingDb()): Promise<void> {
  await db.lookups.delete(number);
}
