import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDb, type ProfileRow } from "../../client/db/local-db";
import { farewellWords } from "../../client/sync/words";
import { openKey } from "../../client/vault/keyring";
import { park, putProfile, rawOf } from "../../client/vault/profile-store";
import {
  dismissFarewellNotice,
  farewellNotice,
  isCutOff,
  saysFarewell,
  settleFarewell,
} from "../../client/vault/revocation";
import { vault } from "../../client/vault/vault";
import { lockTestVault, TEST_PROFILE, unlockTestVault } from "../helpers/test-vault";

const opened: LocalDb[] = [];
let counter = 0;

function freshDb(): LocalDb {
  const db = new LocalDb(`revocation-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}

beforeEach(() => {
  unlockTestVault();
  dismissFarewellNotice();
});
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const wrapped = { iv: new Uint8Array(12), ct: new Uint8Array(48) };

function profile(id: string, userId: string, active: boolean): ProfileRow {
  return {
    id,
    userId,
    username: userId,
    displayName: userId,
    createdAt: "2026-12-01T00:00:00.000Z",
    salt: new Uint8Array(16),
    iterations: 600_000,
    pinWrap: wrapped,
    recoveryWrap: wrapped,
    deviceKey: null as unknown as CryptoKey,
    unlockSecretWrap: wrapped,
    failures: 0,
    nextTryAt: null,
    active,
  };
}

const DRAFT = "01900000-0000-7000-8000-000000000001";

/** A cadre's phone with one draft, its page and (optionally) a change waiting to be sent. */
async function phone(waiting: boolean): Promise<LocalDb> {
  const db = freshDb();
  await putProfile(db, profile(TEST_PROFILE, "cadre-a", true));
  await db.meta.put({ key: "account", value: JSON.stringify({ id: "cadre-a", username: "cadre-a" }) });
  await db.meta.put({ key: "clientId", value: "client-a" });
  await db.drafts.put({
    id: DRAFT,
    guideId: "surat-keterangan-domisili",
    guideVersion: 1,
    applicant: {
      fullName: "Siti Aminah",
      nik: "3171015203900001",
      kk: "",
      birthDate: "",
      phone: "",
      address: { street: "", rt: "", rw: "", villageCode: "" },
    },
    answers: {},
    data: {},
    documents: {},
    officeAreaCode: "",
    status: "draft",
    createdAt: "2026-12-01T00:00:00.000Z",
    updatedAt: "2026-12-01T00:00:00.000Z",
    history: [],
    searchKey: "",
  });
  await db.blobs.put({ id: "b1", draftId: DRAFT, kind: "page", mime: "image/jpeg", data: new ArrayBuffer(8) });
  if (waiting) {
    await db.outbox.put({
      seq: 1,
      mutationId: "m1",
      name: "putDraft",
      args: {},
      baseVersion: 0,
      draftId: DRAFT,
      createdAt: "2026-12-01T00:00:00.000Z",
      attempted: false,
    });
  }
  return db;
}

async function rows(db: LocalDb) {
  const raw = rawOf(db);
  return {
    drafts: await raw.drafts.count(),
    blobs: await raw.blobs.count(),
    outbox: await raw.outbox.count(),
    // A guest profile (no user, no records) takes over once nobody is signed in: it is not the cadre's.
    profiles: (await raw.profiles.toArray()).filter((row) => row.userId !== "").map((row) => row.id),
    account: (await raw.meta.get("account")) !== undefined,
    clientId: (await raw.meta.get("clientId")) !== undefined,
  };
}

describe("settling a session the office cut off", () => {
  it("erases the cadre's records, meta and profile once nothing waits, drops the key and leaves a notice", async () => {
    const db = await phone(false);
    expect(await settleFarewell(db, new Date("2026-12-03T01:00:00.000Z"))).toEqual({ erased: true });
    expect(await rows(db)).toEqual({
      drafts: 0,
      blobs: 0,
      outbox: 0,
      profiles: [],
      account: false,
      clientId: false,
    });
    expect(openKey()?.profileId).not.toBe(TEST_PROFILE);
    expect(vault.value).toMatchObject({ kind: "unlocked", guest: true });
    expect(farewellNotice.value).toEqual({ kind: "erased", at: "2026-12-03T01:00:00.000Z" });
  });

  it("keeps everything, sealed, and says how many changes wait while something is unsent", async () => {
    const db = await phone(true);
    expect(await settleFarewell(db)).toEqual({ erased: false, waiting: 1 });
    expect(await rows(db)).toMatchObject({ drafts: 1, blobs: 1, outbox: 1, profiles: [TEST_PROFILE], account: true });
    expect(openKey()).not.toBeNull();
    expect(farewellNotice.value).toEqual({ kind: "waiting", changes: 1 });
  });

  it("erases while locked: it needs no key", async () => {
    const db = await phone(false);
    lockTestVault();
    expect(await settleFarewell(db)).toEqual({ erased: true });
    expect(await rows(db)).toMatchObject({ drafts: 0, blobs: 0, profiles: [] });
  });

  it("leaves another cadre's parked profile alone", async () => {
    const db = await phone(false);
    await park(db, TEST_PROFILE);
    await putProfile(db, profile("other", "cadre-b", true));
    expect(await settleFarewell(db)).toEqual({ erased: true });
    // The active (cut-off) cadre's profile is gone; the parked one, sealed under its own key, stays.
    expect((await rawOf(db).profiles.toArray()).filter((row) => row.userId !== "").map((row) => row.id)).toEqual([
      TEST_PROFILE,
    ]);
    expect(await rawOf(db).parked.where("profileId").equals(TEST_PROFILE).count()).toBeGreaterThan(0);
  });
});

describe("what tells the phone the office cut it off", () => {
  it("is a 401 session_revoked or account_disabled, or the farewell header", () => {
    expect(isCutOff(401, "session_revoked")).toBe(true);
    expect(isCutOff(401, "account_disabled")).toBe(true);
    expect(isCutOff(401, "session_expired")).toBe(false);
    expect(isCutOff(401, "session_required")).toBe(false);
    expect(isCutOff(403, "account_disabled")).toBe(false);
    expect(saysFarewell(new Response(null, { headers: { "Masdarin-Session": "farewell" } }))).toBe(true);
    expect(saysFarewell(new Response(null))).toBe(false);
  });

  it("has words in Indonesian first, English second", () => {
    expect(farewellWords({ kind: "erased" })).toBe(
      "Sesi ponsel ini dicabut kantor. Semua berkas sudah terkirim, lalu data pemohon dihapus dari ponsel ini.",
    );
    expect(farewellWords({ kind: "waiting", changes: 3 })).toContain("3 perubahan menunggu dikirim");
    expect(farewellWords({ kind: "waiting", changes: 1 }, "en")).toContain("1 change waits");
  });
});
