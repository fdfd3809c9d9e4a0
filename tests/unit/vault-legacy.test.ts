import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDb } from "../../client/db/local-db";
import { dropKey, openKey } from "../../client/vault/keyring";
import { rawOf } from "../../client/vault/profile-store";
import { afterPasswordSignIn, keptProfiles, setPin, startVault, vault } from "../../client/vault/vault";
import { DEFAULT_DEVICE_RULES } from "../../shared/device/rules";

/**
 * Issue 15: a phone updated from the plaintext version (Dexie v5) keeps every
 * record, and none of it stays readable at rest from the first start on.
 */
const NIK = "3171015203900001";
const NAME = "Siti Aminah Legacy";
const DRAFT_ID = "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f";
const cadre = {
  id: "11111111-1111-4111-8111-111111111111",
  username: "kader.lama",
  displayName: "Kader Lama",
  role: "cadre" as const,
  kecamatanCode: "31.71.01",
  kelurahanCode: null,
};
const other = {
  ...cadre,
  id: "22222222-2222-4222-8222-222222222222",
  username: "kader.baru",
  displayName: "Kader Baru",
};
const secret = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
const secretsOf = new Map([
  [cadre.id, { unlockSecret: secret(), recoverySecret: secret() }],
  [other.id, { unlockSecret: secret(), recoverySecret: secret() }],
]);

const names: string[] = [];
afterEach(async () => {
  dropKey();
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** The database exactly as version 5 left it: plaintext rows and the signed-in cadre in meta. */
async function version5(name: string): Promise<void> {
  names.push(name);
  const old = new Dexie(name);
  old.version(1).stores({ guides: "id, category", meta: "key", selfChecks: "guideId" });
  old.version(2).stores({ drafts: "id, guideId, updatedAt", blobs: "id, draftId", guideVersions: "[id+version], id" });
  old.version(3).stores({ drafts: "id, guideId, updatedAt, searchKey" });
  old.version(4).stores({ outbox: "seq, draftId", remote: "id", attention: "mutationId, draftId" });
  old.version(5).stores({});
  await old.table("drafts").add({
    id: DRAFT_ID,
    guideId: "skck",
    guideVersion: 1,
    applicant: { fullName: NAME, nik: NIK },
    searchKey: `siti aminah legacy ${NIK}`,
    updatedAt: "2026-11-01T00:00:00.000Z",
  });
  await old
    .table("blobs")
    .add({ id: "b1", draftId: DRAFT_ID, kind: "page", mime: "image/jpeg", data: new Uint8Array([9, 8, 7, 6]).buffer });
  await old.table("outbox").add({ seq: 1, draftId: DRAFT_ID, name: "putDraft", mutationId: "m1", args: { nik: NIK } });
  await old.table("meta").add({ key: "account", value: JSON.stringify(cadre) });
  old.close();
}

async function rawText(db: LocalDb): Promise<string> {
  const raw = rawOf(db);
  const rows = await Promise.all(["drafts", "blobs", "outbox", "parked"].map((table) => raw.table(table).toArray()));
  return JSON.stringify(rows, (_key, value) =>
    value instanceof Uint8Array ? Buffer.from(value).toString("latin1") : value,
  );
}

describe("an update from the plaintext version", () => {
  it("seals every record at the first start, and the owner's password and PIN open them all", async () => {
    const name = `legacy-${Date.now()}-a`;
    await version5(name);
    const db = new LocalDb(name);
    const view = await startVault(db);
    expect(view).toMatchObject({ kind: "sign-in", reason: "legacy", username: "kader.lama" });
    const stored = await rawText(db);
    expect(stored).not.toContain(NIK);
    expect(stored).not.toContain("Siti Aminah");
    // Sealed but not lost: the counts are as before.
    expect(await db.outbox.count()).toBe(1);
    await expect(db.drafts.get(DRAFT_ID)).rejects.toThrow(/PIN/);

    const secrets = secretsOf.get(cadre.id);
    if (!secrets) throw new Error("no secrets");
    expect(await afterPasswordSignIn(db, cadre, secrets, DEFAULT_DEVICE_RULES)).toEqual({ ok: true, next: "set-pin" });
    await setPin(db, "482913");
    expect(vault.value.kind).toBe("unlocked");
    expect((await db.drafts.get(DRAFT_ID))?.applicant).toEqual({ fullName: NAME, nik: NIK });
    expect(new Uint8Array((await db.blobs.get("b1"))?.data ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array([9, 8, 7, 6]),
    );
    expect((await db.outbox.get(1))?.args).toEqual({ nik: NIK });
    const profile = (await rawOf(db).profiles.toArray())[0];
    expect(profile?.pendingKeyWrap ?? null).toBeNull();
    expect(profile?.recoveryWrap.ct.byteLength).toBeGreaterThan(0);
    // The password alone opens it again from now on (the recovery wrap), with no PIN asked.
    dropKey();
    expect(await afterPasswordSignIn(db, cadre, secrets, DEFAULT_DEVICE_RULES)).toEqual({ ok: true, next: "unlocked" });
    expect((await db.drafts.get(DRAFT_ID))?.applicant.nik).toBe(NIK);
    db.close();
  });

  it("parks the sealed records for their owner when another cadre signs in first", async () => {
    const name = `legacy-${Date.now()}-b`;
    await version5(name);
    const db = new LocalDb(name);
    await startVault(db);
    const secrets = secretsOf.get(other.id);
    if (!secrets) throw new Error("no secrets");
    await afterPasswordSignIn(db, other, secrets, DEFAULT_DEVICE_RULES);
    await setPin(db, "731946");
    expect(await db.drafts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await rawText(db)).not.toContain(NIK);
    const kept = await keptProfiles(db);
    expect(kept.find((profile) => profile.userId === cadre.id)).toMatchObject({ unsent: 1 });
    expect(openKey()?.profileId).not.toBe(kept.find((profile) => profile.userId === cadre.id)?.id);
    db.close();
  });
});
