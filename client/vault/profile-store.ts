import type { IndexableType } from "dexie";
import type { LocalDb, ParkedRow, ProfileRow } from "../db/local-db";
import { LocalDb as Db } from "../db/local-db";
import { sealRecord } from "./envelope";
import { nextVersion } from "./keyring";
import { SEALED_FIELD } from "./middleware";
import { PROFILE_META_KEYS, SEALED_TABLES, type SealedTable } from "./personal-tables";

/**
 * Moving a profile's records, as stored, without ever decrypting them: these
 * work on the raw view of the database (no vault layer), so a profile can be
 * parked, restored or erased while locked, and one cadre's records never pass
 * through another cadre's key.
 */
const raws = new WeakMap<LocalDb, LocalDb>();
const BATCH = 50;

export function rawOf(db: LocalDb): LocalDb {
  let raw = raws.get(db);
  if (!raw) {
    raw = new Db(db.name, { sealed: false });
    raws.set(db, raw);
  }
  return raw;
}

function sealedTables(raw: LocalDb) {
  return SEALED_TABLES.map((name) => raw.table(name));
}

export async function listProfiles(db: LocalDb): Promise<ProfileRow[]> {
  return rawOf(db).profiles.toArray();
}

export async function activeProfile(db: LocalDb): Promise<ProfileRow | undefined> {
  return (await rawOf(db).profiles.toArray()).find((profile) => profile.active);
}

/** Moves the live records and the cadre's meta into `parked`, in one transaction: all or nothing. */
export async function park(db: LocalDb, profileId: string): Promise<void> {
  const raw = rawOf(db);
  await raw.transaction("rw", [...sealedTables(raw), raw.meta, raw.parked, raw.profiles], async () => {
    for (const name of SEALED_TABLES) {
      const table = raw.table(name);
      const keys = (await table.toCollection().primaryKeys()) as IndexableType[];
      for (let start = 0; start < keys.length; start += BATCH) {
        const slice = keys.slice(start, start + BATCH);
        const rows = await table.bulkGet(slice);
        await raw.parked.bulkPut(
          slice.map((key, i) => ({ profileId, table: name, key: key as string | number, value: rows[i] })),
        );
      }
      await table.clear();
    }
    const meta = await raw.meta.bulkGet([...PROFILE_META_KEYS]);
    await raw.parked.bulkPut(
      meta.flatMap((row) => (row ? [{ profileId, table: "meta", key: row.key, value: row }] : [])),
    );
    await raw.meta.bulkDelete([...PROFILE_META_KEYS]);
    await raw.profiles.update(profileId, { active: false });
  });
}

/** The inverse of park: the live tables must be empty (the active profile parked first). */
export async function restore(db: LocalDb, profileId: string): Promise<void> {
  const raw = rawOf(db);
  await raw.transaction("rw", [...sealedTables(raw), raw.meta, raw.parked, raw.profiles], async () => {
    for (const name of [...SEALED_TABLES, "meta"] as const) {
      const keys = await raw.parked.where("[profileId+table]").equals([profileId, name]).primaryKeys();
      for (let start = 0; start < keys.length; start += BATCH) {
        const rows = (await raw.parked.bulkGet(keys.slice(start, start + BATCH))) as ParkedRow[];
        await raw.table(name).bulkPut(rows.map((row) => row.value));
      }
      await raw.parked.where("[profileId+table]").equals([profileId, name]).delete();
    }
    await raw.profiles.update(profileId, { active: true });
  });
}

/** What a profile still has to send: its outbox entries and the drafts they belong to. */
export async function unsentOf(db: LocalDb, profile: ProfileRow): Promise<{ changes: number; draftIds: string[] }> {
  const raw = rawOf(db);
  const draftIds = profile.active
    ? ((await raw.outbox.orderBy("draftId").uniqueKeys()) as string[])
    : [
        ...new Set(
          ((await raw.parked.where("[profileId+table]").equals([profile.id, "outbox"]).toArray()) as ParkedRow[]).map(
            (row) => (row.value as { draftId: string }).draftId,
          ),
        ),
      ];
  const changes = profile.active
    ? await raw.outbox.count()
    : await raw.parked.where("[profileId+table]").equals([profile.id, "outbox"]).count();
  return { changes, draftIds };
}

/**
 * Erases a profile's records. With `keepUnsent`, the outbox and the drafts and
 * pages it refers to stay (still sealed): they wait for the server, which the
 * cadre reaches again with their password. Works on the live tables for the
 * active profile and on the parked rows for the others.
 */
export async function eraseRecords(db: LocalDb, profile: ProfileRow, keepUnsent: boolean): Promise<void> {
  const raw = rawOf(db);
  const { draftIds } = keepUnsent ? await unsentOf(db, profile) : { draftIds: [] as string[] };
  const keep = new Set(draftIds);
  await raw.transaction("rw", [...sealedTables(raw), raw.meta, raw.parked], async () => {
    if (profile.active) {
      for (const name of SEALED_TABLES) await eraseLiveTable(raw, name, keep, keepUnsent);
      if (!keepUnsent) await raw.meta.bulkDelete([...PROFILE_META_KEYS]);
      return;
    }
    const rows = (await raw.parked.where("profileId").equals(profile.id).toArray()) as ParkedRow[];
    const doomed = rows.filter((row) => !keepUnsent || !keptWhenParked(row, keep));
    await raw.parked.bulkDelete(doomed.map((row) => [row.profileId, row.table, row.key]) as never);
  });
}

async function eraseLiveTable(raw: LocalDb, name: SealedTable, keep: Set<string>, keepUnsent: boolean) {
  const table = raw.table(name);
  if (!keepUnsent) return table.clear();
  if (name === "outbox") return;
  if (name === "drafts") return table.filter((row: { id: string }) => !keep.has(row.id)).delete();
  if (name === "blobs") return table.filter((row: { draftId: string }) => !keep.has(row.draftId)).delete();
  // The office's view and refusals are the server's to send again.
  return table.clear();
}

function keptWhenParked(row: ParkedRow, keep: Set<string>): boolean {
  if (row.table === "outbox" || row.table === "meta") return true;
  const value = row.value as { id?: string; draftId?: string };
  if (row.table === "drafts") return keep.has(value.id ?? "");
  if (row.table === "blobs") return keep.has(value.draftId ?? "");
  return false;
}

/**
 * Seals, in place, the records an older version of the app stored in the
 * clear: one read-write transaction over every personal table, so the
 * database is either all plaintext (nothing happened) or all sealed. The
 * sealing is synchronous (envelope.ts), which is what lets it run inside the
 * transaction.
 */
export async function sealPlaintext(
  db: LocalDb,
  profileId: string,
  key: Uint8Array,
  withProfile?: ProfileRow,
): Promise<number> {
  const raw = rawOf(db);
  let sealed = 0;
  await raw.transaction("rw", [...sealedTables(raw), raw.profiles], async () => {
    // The profile that can open the sealed rows lands with them, or neither does.
    if (withProfile) await raw.profiles.put(withProfile);
    for (const name of SEALED_TABLES) {
      const table = raw.table(name);
      const primary = table.schema.primKey.keyPath as string;
      const clear = [primary, ...table.schema.indexes.map((index) => index.keyPath as string)];
      const keys = (await table.toCollection().primaryKeys()) as IndexableType[];
      for (let start = 0; start < keys.length; start += BATCH) {
        const rows = (await table.bulkGet(keys.slice(start, start + BATCH))) as Record<string, unknown>[];
        const plain = rows.filter((row) => row && !(SEALED_FIELD in row));
        if (plain.length === 0) continue;
        await table.bulkPut(
          plain.map((row) => {
            const stored: Record<string, unknown> = {};
            for (const path of clear) if (row[path] !== undefined) stored[path] = row[path];
            stored[SEALED_FIELD] = sealRecord(
              key,
              { profileId, table: name, key: row[primary] as IDBValidKey, version: nextVersion() },
              row,
            );
            return stored;
          }),
        );
        sealed += plain.length;
      }
    }
  });
  return sealed;
}

/** Whether the live tables hold records of an older version, stored before sealing existed. */
export async function hasPlaintext(db: LocalDb): Promise<boolean> {
  const raw = rawOf(db);
  for (const name of SEALED_TABLES) {
    const first = (await raw.table(name).limit(1).toArray())[0] as Record<string, unknown> | undefined;
    if (first && !(SEALED_FIELD in first)) return true;
  }
  return false;
}

export async function putProfile(db: LocalDb, profile: ProfileRow): Promise<void> {
  await rawOf(db).profiles.put(profile);
}

export async function updateProfile(db: LocalDb, id: string, changes: Partial<ProfileRow>): Promise<void> {
  await rawOf(db).profiles.update(id, changes);
}

export async function deleteProfile(db: LocalDb, id: string): Promise<void> {
  await rawOf(db).profiles.delete(id);
}
