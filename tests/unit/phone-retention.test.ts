import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DraftRow, LocalDb, type RemoteRow } from "../../client/db/local-db";
import { scrubbedWords } from "../../client/sync/words";
import { installKey, openKey } from "../../client/vault/keyring";
import { daysAfterDecision, decidedAt, scrubDecidedFiles } from "../../client/vault/phone-retention";
import { storeDeviceRules } from "../../client/vault/vault";
import { DEFAULT_DEVICE_RULES } from "../../shared/device/rules";
import { lockTestVault, unlockTestVault } from "../helpers/test-vault";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-12-03T03:00:00.000Z");
const opened: LocalDb[] = [];
let counter = 0;

function freshDb(): LocalDb {
  const db = new LocalDb(`retention-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}

beforeEach(() => unlockTestVault());
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

let ids = 0;
function draftId(): string {
  ids++;
  return `01900000-0000-7000-8000-${String(ids).padStart(12, "0")}`;
}

function draft(id: string): DraftRow {
  return {
    id,
    guideId: "surat-keterangan-domisili",
    guideVersion: 2,
    applicant: {
      fullName: "Siti Aminah",
      nik: "3171015203900001",
      kk: "3171010101010001",
      birthDate: "1990-03-12",
      sex: "female",
      phone: "+6281234567890",
      address: { street: "Jl. Kebon Sirih 5", rt: "3", rw: "5", villageCode: "31.71.01.1001" },
    },
    answers: { pendatang: true },
    data: { pekerjaan: "Pedagang" },
    documents: {
      "ktp-el": {
        pages: [{ blobId: `${id}-p1`, mime: "image/jpeg", bytes: 4, addedAt: "2026-10-01T00:00:00.000Z" }],
        issuedOn: "",
      },
    },
    officeAreaCode: "31.71.01.1001",
    status: "ready",
    createdAt: "2026-10-01T00:00:00.000Z",
    updatedAt: "2026-10-02T00:00:00.000Z",
    history: [{ at: "2026-10-01T00:00:00.000Z", action: "created" }],
    searchKey: "",
  };
}

function remote(
  id: string,
  status: RemoteRow["status"],
  decided: Date | null,
  note = "Nama Siti salah eja",
): RemoteRow {
  return {
    id,
    version: 4,
    status,
    verdict: decided
      ? {
          decision: status,
          reason: note,
          requirements: { "ktp-el": { status: "accepted" } },
          decidedAt: decided.toISOString(),
        }
      : null,
    deleted: false,
    updatedAt: (decided ?? NOW).toISOString(),
    trackingNumber: "GMB-R46MP-6RCF8",
    clock: null,
    seenStatus: status,
  };
}

async function fileOn(db: LocalDb, status: RemoteRow["status"] | null, decided: Date | null): Promise<string> {
  const id = draftId();
  await db.drafts.put(draft(id));
  await db.blobs.bulkPut([
    { id: `${id}-p1`, draftId: id, kind: "page", mime: "image/jpeg", data: new Uint8Array([1, 2, 3, 4]).buffer },
    { id: `${id}-t1`, draftId: id, kind: "thumb", mime: "image/jpeg", data: new Uint8Array([5]).buffer },
  ]);
  if (status) await db.remote.put(remote(id, status, decided));
  return id;
}

const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

describe("phone retention", () => {
  it("removes the personal data and photos of a file decided the office's days ago, keeping service, status and number", async () => {
    const db = freshDb();
    const id = await fileOn(db, "approved", daysAgo(30));
    expect(await scrubDecidedFiles(db, NOW)).toEqual([id]);
    const row = await db.drafts.get(id);
    expect(row).toMatchObject({
      id,
      guideId: "surat-keterangan-domisili",
      guideVersion: 2,
      status: "ready",
      createdAt: "2026-10-01T00:00:00.000Z",
      updatedAt: "2026-10-02T00:00:00.000Z",
      answers: {},
      data: {},
      documents: {},
      scrubbedAt: NOW.toISOString(),
    });
    expect(JSON.stringify(row)).not.toMatch(/Siti|3171015203900001|Kebon|Pedagang|6281234567890/);
    expect(await db.blobs.where("draftId").equals(id).count()).toBe(0);
    const kept = await db.remote.get(id);
    expect(kept).toMatchObject({ status: "approved", trackingNumber: "GMB-R46MP-6RCF8", version: 4 });
    // The office's free-text note may name people: it goes too; the decision and its date stay.
    expect(JSON.stringify(kept)).not.toContain("Siti");
    expect(decidedAt(kept as RemoteRow)).toBe(daysAgo(30).toISOString());
  });

  it("keeps a file decided less than the office's days ago, and uses the office's setting", async () => {
    const db = freshDb();
    const recent = await fileOn(db, "rejected", new Date(daysAgo(30).getTime() + 60_000));
    expect(await scrubDecidedFiles(db, NOW)).toEqual([]);
    expect((await db.drafts.get(recent))?.applicant.fullName).toBe("Siti Aminah");

    await storeDeviceRules(db, { ...DEFAULT_DEVICE_RULES, phoneRetentionDays: 7 });
    const week = await fileOn(db, "approved", daysAgo(8));
    expect((await scrubDecidedFiles(db, NOW)).sort()).toEqual([recent, week].sort());
  });

  it("never touches a file the cadre did not submit, one still under review, or one sent back", async () => {
    const db = freshDb();
    const own = await fileOn(db, null, null);
    const received = await fileOn(db, "received", null);
    const sentBack = await fileOn(db, "needs-fix", daysAgo(90));
    expect(await scrubDecidedFiles(db, NOW)).toEqual([]);
    for (const id of [own, received, sentBack]) {
      expect((await db.drafts.get(id))?.applicant.nik).toBe("3171015203900001");
      expect(await db.blobs.where("draftId").equals(id).count()).toBe(2);
    }
  });

  it("queues nothing to send and leaves a file whose changes still wait to go out", async () => {
    const db = freshDb();
    const waiting = await fileOn(db, "approved", daysAgo(40));
    await db.outbox.put({
      seq: 1,
      mutationId: "m1",
      name: "putDraft",
      args: {},
      baseVersion: 4,
      draftId: waiting,
      createdAt: NOW.toISOString(),
      attempted: false,
    });
    const done = await fileOn(db, "approved", daysAgo(40));
    expect(await scrubDecidedFiles(db, NOW)).toEqual([done]);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.drafts.get(waiting))?.scrubbedAt).toBeUndefined();
  });

  it("does nothing while the data is locked, runs at the unlock, and a second pass finds nothing more", async () => {
    const db = freshDb();
    const id = await fileOn(db, "approved", daysAgo(31));
    const open = openKey();
    if (!open) throw new Error("unlocked first");
    const saved = { profileId: open.profileId, key: open.key.slice() };
    lockTestVault();
    expect(await scrubDecidedFiles(db, NOW)).toEqual([]);
    installKey(saved.profileId, saved.key);
    expect(await scrubDecidedFiles(db, NOW)).toEqual([id]);
    expect(await scrubDecidedFiles(db, new Date(NOW.getTime() + DAY))).toEqual([]);
  });

  it("says how long after the decision the data went", () => {
    expect(daysAfterDecision(daysAgo(30).toISOString(), NOW.toISOString())).toBe(30);
    expect(scrubbedWords(30)).toBe("Data pemohon dihapus dari ponsel ini (30 hari setelah keputusan)");
    expect(scrubbedWords(1, "en")).toBe("Applicant data removed from this phone (1 day after the decision)");
  });
});
