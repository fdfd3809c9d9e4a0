import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DraftRow, LocalDb } from "../../client/db/local-db";
import { DraftRepository } from "../../client/drafts/repository";
import type { Sealed } from "../../client/vault/envelope";
import { installKey, openKey, VaultLockedError } from "../../client/vault/keyring";
import { SEALED_FIELD, VaultIntegrityError } from "../../client/vault/middleware";
import { rawOf } from "../../client/vault/profile-store";
import { Guide } from "../../shared/guide";
import { sampleGuide } from "../helpers/sample-guide";
import { lockTestVault, TEST_PROFILE, unlockTestVault } from "../helpers/test-vault";

/**
 * The vault's Dexie layer (client/vault/middleware.ts) over fake-indexeddb:
 * what reaches IndexedDB is sealed, what comes back is checked, and a locked
 * vault reads and writes nothing personal.
 */
const guide = Guide.parse(sampleGuide());
const NAME = "Siti Aminah Wulandari";
const NIK = "3171011203900001";
const opened: LocalDb[] = [];
let counter = 0;
let keyBytes: Uint8Array;

function freshDb(): LocalDb {
  const db = new LocalDb(`vault-mw-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}

/** Opens the vault with the test's key (a copy: locking overwrites the installed bytes). */
function unlock(profileId = TEST_PROFILE, bytes = keyBytes): void {
  installKey(profileId, bytes.slice());
}

beforeEach(() => {
  keyBytes = crypto.getRandomValues(new Uint8Array(32));
  unlock();
});

afterEach(async () => {
  unlockTestVault();
  for (const db of opened.splice(0)) {
    db.close();
    rawOf(db).close();
    await Dexie.delete(db.name);
  }
});

/** A draft with a name and NIK, and one photographed page whose bytes are easy to spot. */
async function filled(db: LocalDb) {
  const repo = new DraftRepository(db);
  const id = await repo.create(guide);
  await repo.update(id, "applicant", (draft) => {
    draft.applicant.fullName = NAME;
    draft.applicant.nik = NIK;
    draft.applicant.address.street = "Jl. Kebon Kelapa No. 7";
  });
  const photo = new Uint8Array(8192);
  for (let i = 0; i < photo.length; i++) photo[i] = (i * 7 + 13) % 251;
  const row = await repo.addPage(id, "ktp", {
    data: photo.buffer,
    mime: "image/jpeg",
    thumbnail: { data: photo.slice(0, 512).buffer, mime: "image/jpeg" },
  });
  const blobId = row.documents.ktp?.pages[0]?.blobId as string;
  return { repo, id, blobId, photo };
}

/** Every string and every byte array in a stored row, as text, to search for a value that must not be there. */
function everything(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof ArrayBuffer) return new TextDecoder("latin1").decode(value);
  if (ArrayBuffer.isView(value)) return new TextDecoder("latin1").decode(value);
  if (Array.isArray(value)) return value.map(everything).join("\u0000");
  if (value && typeof value === "object") {
    return Object.entries(value)
      .map(([key, item]) => `${key}\u0000${everything(item)}`)
      .join("\u0000");
  }
  return String(value);
}

async function rawRows(db: LocalDb) {
  const raw = rawOf(db);
  return {
    drafts: (await raw.drafts.toArray()) as unknown as Record<string, unknown>[],
    blobs: (await raw.blobs.toArray()) as unknown as Record<string, unknown>[],
    outbox: (await raw.outbox.toArray()) as unknown as Record<string, unknown>[],
  };
}

describe("vault middleware: what IndexedDB holds", () => {
  it("stores people's records as clear keys plus one sealed envelope, with no name, NIK, address or photo bytes", async () => {
    const db = freshDb();
    const { id, photo } = await filled(db);
    const rows = await rawRows(db);
    expect(rows.drafts).toHaveLength(1);
    expect(rows.blobs).toHaveLength(2);
    expect(rows.outbox.length).toBeGreaterThan(0);
    expect(Object.keys(rows.drafts[0] ?? {}).sort()).toEqual([SEALED_FIELD, "guideId", "id", "updatedAt"].sort());
    expect(rows.drafts[0]?.id).toBe(id);
    const text = everything(rows);
    const photoRun = new TextDecoder("latin1").decode(photo.subarray(1000, 1064));
    for (const secret of [NAME, "Siti", "Wulandari", NIK, "Kebon Kelapa", photoRun]) {
      expect(text.includes(secret), `raw rows hold ${secret.slice(0, 20)}`).toBe(false);
    }
    // Guides are public and stay readable as they are.
    expect(everything(await rawOf(db).guideVersions.toArray())).toContain(guide.id);
  });

  it("gives the plain record back through the sealed view, by get, cursor, filter and order", async () => {
    const db = freshDb();
    const { repo, id } = await filled(db);
    expect((await repo.get(id))?.applicant).toMatchObject({ fullName: NAME, nik: NIK });
    expect((await db.drafts.toArray())[0]?.applicant.nik).toBe(NIK);
    expect((await db.drafts.filter((row) => row.applicant.nik === NIK).toArray()).map((row) => row.id)).toEqual([id]);
    const seen: string[] = [];
    await db.drafts.each((row) => {
      seen.push(row.applicant.fullName);
    });
    expect(seen).toEqual([NAME]);
    expect((await db.drafts.orderBy("updatedAt").reverse().first())?.id).toBe(id);
    expect((await repo.list("siti")).map((row) => row.id)).toEqual([id]);
    expect((await repo.list("0390000")).map((row) => row.id)).toEqual([id]);
  });

  it("keeps a record sealed through Dexie's update and modify paths (soft delete, undo)", async () => {
    const db = freshDb();
    const { repo, id } = await filled(db);
    await repo.softDelete(id);
    const raw = (await rawOf(db).drafts.get(id)) as unknown as Record<string, unknown>;
    expect(Object.keys(raw).sort()).toEqual([SEALED_FIELD, "guideId", "id", "updatedAt"].sort());
    expect((await db.drafts.get(id))?.deletedAt).toBeTruthy();
    expect((await db.drafts.get(id))?.applicant.nik).toBe(NIK);
    await repo.undoDelete(id);
    expect(await repo.get(id)).toMatchObject({ id, applicant: { nik: NIK } });
    await db.drafts
      .where("guideId")
      .equals(guide.id)
      .modify((row) => {
        row.applicant.phone = "081234567890";
      });
    expect((await repo.get(id))?.applicant).toMatchObject({ nik: NIK, phone: "081234567890" });
    expect(everything(await rawRows(db))).not.toContain("081234567890");
  });

  it("round-trips page bytes exactly", async () => {
    const db = freshDb();
    const { repo, blobId, photo } = await filled(db);
    const page = await repo.pageData(blobId);
    expect(page?.data).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(page?.data as ArrayBuffer)).toEqual(photo);
    expect(new Uint8Array((await repo.pageData(`${blobId}:thumb`))?.data as ArrayBuffer)).toEqual(photo.slice(0, 512));
    expect(await repo.storedBytes()).toBe(8192 + 512);
  });

  it("refuses a nested binary value, and stores nothing of that write", async () => {
    const db = freshDb();
    const { id } = await filled(db);
    const row = (await db.drafts.get(id)) as DraftRow;
    const before = await rawOf(db).drafts.get(id);
    await expect(
      db.drafts.put({ ...row, answers: { photo: new ArrayBuffer(8) } } as unknown as DraftRow),
    ).rejects.toThrow(TypeError);
    expect(await rawOf(db).drafts.get(id)).toEqual(before);
  });
});

describe("vault middleware: tampering", () => {
  /** Changes the stored row of `id` by hand, as someone with the browser profile could. */
  async function tamper(
    db: LocalDb,
    table: "drafts" | "blobs",
    id: string,
    edit: (row: Record<string, unknown>) => void,
  ) {
    const raw = rawOf(db).table(table);
    const row = (await raw.get(id)) as Record<string, unknown>;
    edit(row);
    await raw.put(row);
  }

  const envelope = (row: Record<string, unknown>) => row[SEALED_FIELD] as Sealed;

  it("fails to open a record whose ciphertext was changed", async () => {
    const db = freshDb();
    const { id } = await filled(db);
    await tamper(db, "drafts", id, (row) => {
      const ct = envelope(row).ct;
      ct[40] = (ct[40] ?? 0) ^ 0xff;
    });
    await expect(db.drafts.get(id)).rejects.toThrow();
    await expect(db.drafts.toArray()).rejects.toThrow();
  });

  it("fails to open a record copied under another primary key", async () => {
    const db = freshDb();
    const repo = new DraftRepository(db);
    const { id } = await filled(db);
    const other = await repo.create(guide);
    const copy = { ...((await rawOf(db).drafts.get(id)) as unknown as Record<string, unknown>), id: other };
    await rawOf(db).drafts.put(copy as unknown as DraftRow);
    await expect(db.drafts.get(other)).rejects.toThrow();
    // The original is untouched and still opens.
    expect((await db.drafts.get(id))?.applicant.nik).toBe(NIK);
  });

  it("fails to open a record whose version was changed, or an older write put back", async () => {
    const db = freshDb();
    const { repo, id } = await filled(db);
    const older = structuredClone(await rawOf(db).drafts.get(id));
    await repo.update(id, "applicant.phone", (draft) => {
      draft.applicant.phone = "0812";
    });
    await tamper(db, "drafts", id, (row) => {
      envelope(row).v += 1;
    });
    await expect(db.drafts.get(id)).rejects.toThrow();
    // An older write replayed in full (its own version) opens: it is authentic. What makes it
    // detectable is its clear updatedAt, which moves with it; the sync's versions catch the rest.
    await rawOf(db).drafts.put(older as DraftRow);
    expect((await db.drafts.get(id))?.applicant.phone).toBe("");
  });

  it("fails to open a record moved into another table", async () => {
    const db = freshDb();
    const { id } = await filled(db);
    const row = (await rawOf(db).drafts.get(id)) as unknown as Record<string, unknown>;
    // remote is keyed by `id` too: the row fits, but was sealed for drafts.
    await rawOf(db).remote.put(row as never);
    await expect(db.remote.get(id)).rejects.toThrow();
  });

  it("fails to open another profile's record, even under the same key bytes, and with a wrong key", async () => {
    const db = freshDb();
    const { id } = await filled(db);
    unlock("another-profile");
    await expect(db.drafts.get(id)).rejects.toThrow();
    unlock(TEST_PROFILE, crypto.getRandomValues(new Uint8Array(32)));
    await expect(db.drafts.get(id)).rejects.toThrow();
    unlock();
    expect((await db.drafts.get(id))?.applicant.nik).toBe(NIK);
  });

  it("refuses a record whose clear index fields were edited by hand (VaultIntegrityError)", async () => {
    const db = freshDb();
    const { id, blobId } = await filled(db);
    await tamper(db, "drafts", id, (row) => {
      row.updatedAt = "2030-01-01T00:00:00.000Z";
    });
    await expect(db.drafts.get(id)).rejects.toThrow(VaultIntegrityError);
    // A page moved under another draft by its clear draftId.
    await tamper(db, "blobs", blobId, (row) => {
      row.draftId = "0190f5a4-7b1c-7000-8000-000000000009";
    });
    await expect(db.blobs.get(blobId)).rejects.toThrow(VaultIntegrityError);
    await expect(db.blobs.where("draftId").equals("0190f5a4-7b1c-7000-8000-000000000009").toArray()).rejects.toThrow(
      VaultIntegrityError,
    );
  });

  it("refuses a plain row slipped into a sealed table", async () => {
    const db = freshDb();
    await filled(db);
    await rawOf(db).remote.put({
      id: "x",
      version: 1,
      status: "approved",
      verdict: null,
      deleted: false,
      updatedAt: "2026-12-01T00:00:00.000Z",
    });
    await expect(db.remote.get("x")).rejects.toThrow(VaultIntegrityError);
  });
});

describe("vault middleware: locked", () => {
  it("throws VaultLockedError on every personal read and write, while counts and keys still answer", async () => {
    const db = freshDb();
    const { repo, id, blobId } = await filled(db);
    const row = (await db.drafts.get(id)) as DraftRow;
    lockTestVault();
    expect(openKey()).toBeNull();
    await expect(db.drafts.get(id)).rejects.toThrow(VaultLockedError);
    await expect(db.drafts.toArray()).rejects.toThrow(VaultLockedError);
    await expect(db.drafts.each(() => {})).rejects.toThrow(VaultLockedError);
    await expect(db.blobs.get(blobId)).rejects.toThrow(VaultLockedError);
    await expect(db.outbox.toArray()).rejects.toThrow(VaultLockedError);
    await expect(db.drafts.put(row)).rejects.toThrow(VaultLockedError);
    await expect(repo.update(id, "applicant.phone", () => {})).rejects.toThrow(VaultLockedError);
    await expect(repo.create(guide)).rejects.toThrow(VaultLockedError);
    // What the lock screen may show: how many, never what.
    expect(await db.drafts.count()).toBe(1);
    expect(await db.outbox.count()).toBeGreaterThan(0);
    expect(await db.drafts.toCollection().primaryKeys()).toEqual([id]);
    expect(await db.drafts.orderBy("updatedAt").keys()).toHaveLength(1);
    expect(await db.blobs.where("draftId").equals(id).count()).toBe(2);
    // Public tables are not locked.
    expect((await db.guideVersions.toArray()).map((g) => g.id)).toEqual([guide.id]);
    // Nothing was written while locked.
    unlock();
    expect((await db.drafts.get(id))?.applicant.nik).toBe(NIK);
    expect(await db.drafts.count()).toBe(1);
  });
});
