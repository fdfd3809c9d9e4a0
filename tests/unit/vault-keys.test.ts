import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalDb as Db, LocalDb, type ProfileRow } from "../../client/db/local-db";
import { DraftRepository } from "../../client/drafts/repository";
import { openRecord, type Sealed } from "../../client/vault/envelope";
import { fromBase64Url, PIN_ITERATIONS, pinKey, randomBytes, recoveryKey, unwrap, wrap } from "../../client/vault/kdf";
import { dropKey, openKey, VaultLockedError } from "../../client/vault/keyring";
import { SEALED_FIELD } from "../../client/vault/middleware";
import { rawOf } from "../../client/vault/profile-store";
import {
  afterPasswordSignIn,
  keptProfiles,
  lockVault,
  setPin,
  signOutVault,
  unlockWithPin,
  vault,
} from "../../client/vault/vault";
import type { SessionUser } from "../../shared/api/users";
import type { VaultSecrets } from "../../shared/api/vault";
import { DEFAULT_DEVICE_RULES, pinRetryDelaySeconds } from "../../shared/device/rules";
import { Guide } from "../../shared/guide";
import { sampleGuide } from "../helpers/sample-guide";

/**
 * The key hierarchy (client/vault/kdf.ts) and a cadre's profile life
 * (client/vault/vault.ts) in Node: WebCrypto is Node's, IndexedDB is
 * fake-indexeddb (the device key, a CryptoKey, survives its structured clone).
 * The PIN path runs the real 600,000 PBKDF2 rounds, so these tests are slow-ish.
 */
const guide = Guide.parse(sampleGuide());
const PIN = "582914";
const OTHER_PIN = "582915";
const SLOW = 120_000;
const opened: LocalDb[] = [];
let counter = 0;

const secret = () => Buffer.from(randomBytes(32)).toString("base64url");
const newSecrets = (): VaultSecrets => ({ unlockSecret: secret(), recoverySecret: secret() });

function cadre(n: number): SessionUser {
  return {
    id: `user-${n}`,
    username: `kader${n}`,
    displayName: `Kader ${n}`,
    role: "cadre",
    kecamatanCode: "31.71.01",
    kelurahanCode: "31.71.01.1002",
  };
}

function freshDb(): LocalDb {
  const db = new LocalDb(`vault-keys-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}

beforeEach(() => {
  dropKey();
});

afterEach(async () => {
  dropKey();
  for (const db of opened.splice(0)) {
    db.close();
    rawOf(db).close();
    await Dexie.delete(db.name);
  }
});

function openOrFail() {
  const open = openKey();
  if (!open) throw new Error("the vault is locked");
  return open;
}

async function activeProfile(db: Db): Promise<ProfileRow> {
  const profile = (await rawOf(db).profiles.toArray()).find((row) => row.active);
  if (!profile) throw new Error("no active profile");
  return profile;
}

/** A cadre's first sign-in on this phone and their PIN: the vault is open afterwards. */
async function signUp(db: Db, user = cadre(1), secrets = newSecrets()) {
  expect(await afterPasswordSignIn(db, user, secrets, DEFAULT_DEVICE_RULES)).toEqual({ ok: true, next: "set-pin" });
  expect(vault.value.kind).toBe("set-pin");
  await setPin(db, PIN);
  expect(vault.value.kind).toBe("unlocked");
  return { user, secrets };
}

async function draftWithName(db: Db, name: string): Promise<string> {
  const repo = new DraftRepository(db);
  const id = await repo.create(guide);
  await repo.update(id, "applicant.fullName", (draft) => {
    draft.applicant.fullName = name;
  });
  return id;
}

describe("kdf: the PIN key needs the PIN and the server's unlock secret", () => {
  const salt = randomBytes(16);
  const unlockSecret = randomBytes(32);
  const dataKey = randomBytes(32);
  const purpose = "masdarin pin profile-1";

  it("unwraps with the same PIN, salt and secret; never with a wrong PIN, another secret or another salt", async () => {
    const wrapped = await wrap(await pinKey(PIN, salt, 1000, unlockSecret), dataKey, purpose);
    expect(await unwrap(await pinKey(PIN, salt, 1000, unlockSecret), wrapped, purpose)).toEqual(dataKey);
    expect(await unwrap(await pinKey(OTHER_PIN, salt, 1000, unlockSecret), wrapped, purpose)).toBeNull();
    expect(await unwrap(await pinKey(PIN, salt, 1000, randomBytes(32)), wrapped, purpose)).toBeNull();
    expect(await unwrap(await pinKey(PIN, randomBytes(16), 1000, unlockSecret), wrapped, purpose)).toBeNull();
    expect(await unwrap(await pinKey(PIN, salt, 1001, unlockSecret), wrapped, purpose)).toBeNull();
  });

  it("binds a wrap to its purpose: a PIN wrap cannot stand in for another profile's or role's", async () => {
    const key = await pinKey(PIN, salt, 1000, unlockSecret);
    const wrapped = await wrap(key, dataKey, purpose);
    expect(await unwrap(key, wrapped, "masdarin pin profile-2")).toBeNull();
    expect(await unwrap(key, wrapped, "masdarin recovery profile-1")).toBeNull();
    const ct = wrapped.ct.slice();
    ct[0] = (ct[0] ?? 0) ^ 1;
    expect(await unwrap(key, { ...wrapped, ct }, purpose)).toBeNull();
  });

  it("derives non-extractable keys, and the recovery key only from the recovery secret", async () => {
    const key = await pinKey(PIN, salt, 1000, unlockSecret);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey("raw", key)).rejects.toThrow();
    const recovery = randomBytes(32);
    const wrapped = await wrap(await recoveryKey(recovery, salt), dataKey, "r");
    expect(await unwrap(await recoveryKey(recovery, salt), wrapped, "r")).toEqual(dataKey);
    expect(await unwrap(await recoveryKey(randomBytes(32), salt), wrapped, "r")).toBeNull();
  });

  it("reads the server's base64url secrets", () => {
    const bytes = randomBytes(32);
    expect(fromBase64Url(Buffer.from(bytes).toString("base64url"))).toEqual(bytes);
  });
});

describe("vault: a cadre's profile on the phone", () => {
  it(
    "stores only wrapped keys: the PIN wrap opens with the PIN and this cadre's unlock secret, not with another",
    async () => {
      const db = freshDb();
      const { secrets } = await signUp(db);
      const profile = await activeProfile(db);
      expect(profile.iterations).toBe(PIN_ITERATIONS);
      expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(600_000);
      expect(profile.deviceKey.extractable).toBe(false);
      // Nothing in the profile row is the data key or either secret.
      const key = openKey()?.key as Uint8Array;
      const stored = JSON.stringify(profile, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v));
      for (const plain of [key, fromBase64Url(secrets.unlockSecret), fromBase64Url(secrets.recoverySecret)]) {
        expect(stored).not.toContain(Buffer.from(plain).toString("hex"));
      }
      const pinWrap = profile.pinWrap as NonNullable<ProfileRow["pinWrap"]>;
      const purpose = `masdarin pin ${profile.id}`;
      const right = await pinKey(PIN, profile.salt, profile.iterations, fromBase64Url(secrets.unlockSecret));
      expect(await unwrap(right, pinWrap, purpose)).toEqual(key);
      // The same PIN with another cadre's (or a guessed) unlock secret: a copied profile plus the PIN is not enough.
      const otherSecret = fromBase64Url(newSecrets().unlockSecret);
      expect(
        await unwrap(await pinKey(PIN, profile.salt, profile.iterations, otherSecret), pinWrap, purpose),
      ).toBeNull();
    },
    SLOW,
  );

  it(
    "locks and unlocks with the PIN; a wrong PIN never unwraps and counts",
    async () => {
      const db = freshDb();
      await signUp(db);
      const id = await draftWithName(db, "Siti Aminah");
      await lockVault(db);
      expect(openKey()).toBeNull();
      expect(vault.value).toMatchObject({ kind: "locked", failures: 0, attemptsLeft: 10 });
      await expect(new DraftRepository(db).get(id)).rejects.toThrow(VaultLockedError);

      const now = new Date("2026-12-01T03:00:00Z");
      expect(await unlockWithPin(db, OTHER_PIN, now)).toEqual({
        ok: false,
        reason: "wrong",
        attemptsLeft: 9,
        nextTryAt: null,
      });
      expect(openKey()).toBeNull();
      expect((await activeProfile(db)).failures).toBe(1);

      expect(await unlockWithPin(db, PIN, now)).toEqual({ ok: true });
      expect(vault.value.kind).toBe("unlocked");
      expect((await new DraftRepository(db).get(id))?.applicant.fullName).toBe("Siti Aminah");
      expect((await activeProfile(db)).failures).toBe(0);
    },
    SLOW,
  );

  it(
    "makes each wrong PIN after the fourth wait longer, refusing even the right PIN until then",
    async () => {
      const db = freshDb();
      await signUp(db);
      await lockVault(db);
      let now = new Date("2026-12-01T03:00:00Z");
      const waits: (string | null)[] = [];
      for (let failure = 1; failure <= 6; failure++) {
        const result = await unlockWithPin(db, OTHER_PIN, now);
        expect(result).toMatchObject({ ok: false, reason: "wrong", attemptsLeft: 10 - failure });
        const nextTryAt = result.ok ? null : "nextTryAt" in result ? result.nextTryAt : null;
        waits.push(nextTryAt);
        const delay = pinRetryDelaySeconds(failure);
        expect(nextTryAt).toBe(delay > 0 ? new Date(now.getTime() + delay * 1000).toISOString() : null);
        if (nextTryAt) {
          // Too early: not even the right PIN is tried, and the try does not count.
          const early = new Date(Date.parse(nextTryAt) - 1000);
          expect(await unlockWithPin(db, PIN, early)).toEqual({ ok: false, reason: "wait", nextTryAt });
          expect(openKey()).toBeNull();
          expect((await activeProfile(db)).failures).toBe(failure);
          now = new Date(nextTryAt);
        }
      }
      expect(waits.slice(0, 4)).toEqual([null, null, null, null]);
      expect(waits[4]).not.toBeNull();
      expect(pinRetryDelaySeconds(6)).toBeGreaterThan(pinRetryDelaySeconds(5));
      expect(vault.value).toMatchObject({ kind: "locked", failures: 6, attemptsLeft: 4 });
      // Once the wait is over the right PIN opens and the count starts again.
      expect(await unlockWithPin(db, PIN, now)).toEqual({ ok: true });
      expect(await activeProfile(db)).toMatchObject({ failures: 0, nextTryAt: null });
    },
    SLOW,
  );

  it(
    "erases the synced personal data at the last wrong PIN, keeping the unsent records sealed for the password",
    async () => {
      const db = freshDb();
      const { user, secrets } = await signUp(db);
      const synced = await draftWithName(db, "Budi Santoso");
      const unsent = await draftWithName(db, "Dewi Lestari");
      const repo = new DraftRepository(db);
      const page = { data: new Uint8Array(64).fill(7).buffer, mime: "image/jpeg" as const };
      await repo.addPage(synced, "ktp", page);
      await repo.addPage(unsent, "ktp", page);
      // The synced draft's changes reached the server: its outbox entries are gone.
      await db.outbox.where("draftId").equals(synced).delete();
      await db.remote.put({
        id: synced,
        version: 2,
        status: "received",
        verdict: null,
        deleted: false,
        updatedAt: "2026-12-01T00:00:00.000Z",
      });
      const outboxBefore = await rawOf(db).outbox.toArray();
      await lockVault(db);

      let now = new Date("2026-12-01T03:00:00Z");
      for (let failure = 1; failure < DEFAULT_DEVICE_RULES.pinAttempts; failure++) {
        const result = await unlockWithPin(db, OTHER_PIN, now);
        expect(result).toMatchObject({ ok: false, reason: "wrong" });
        now = new Date(now.getTime() + 3_600_000);
      }
      expect(await unlockWithPin(db, OTHER_PIN, now)).toEqual({ ok: false, reason: "erased" });
      expect(vault.value).toEqual({ kind: "sign-in", reason: "erased", username: user.username });
      expect(openKey()).toBeNull();

      const raw = rawOf(db);
      expect(await raw.drafts.toCollection().primaryKeys()).toEqual([unsent]);
      expect(new Set((await raw.blobs.toArray()).map((row) => row.draftId))).toEqual(new Set([unsent]));
      expect(await raw.outbox.toArray()).toEqual(outboxBefore);
      expect(await raw.remote.count()).toBe(0);
      // Still sealed, and the PIN can no longer open anything: the PIN wrap is gone.
      expect(SEALED_FIELD in ((await raw.drafts.get(unsent)) as object)).toBe(true);
      const profile = await activeProfile(db);
      expect(profile).toMatchObject({ pinWrap: null, unlockSecretWrap: null });
      expect(profile.erasedAt).toBe(now.toISOString());
      expect(await unlockWithPin(db, PIN, now)).toEqual({ ok: false, reason: "erased" });
      expect((await keptProfiles(db))[0]).toMatchObject({ userId: user.id, erased: true, unsent: outboxBefore.length });

      // The password brings the profile back: the recovery secret opens the data key, a new PIN is set.
      expect(await afterPasswordSignIn(db, user, secrets, DEFAULT_DEVICE_RULES)).toEqual({ ok: true, next: "set-pin" });
      expect(vault.value).toMatchObject({ kind: "set-pin", replacing: true });
      await setPin(db, PIN);
      expect((await repo.get(unsent))?.applicant.fullName).toBe("Dewi Lestari");
      expect(await repo.get(synced)).toBeUndefined();
      expect((await keptProfiles(db))[0]).toMatchObject({ erased: false });
    },
    SLOW,
  );

  it(
    "opens with the recovery secret after a password sign-in; another recovery secret opens nothing",
    async () => {
      const db = freshDb();
      const { user, secrets } = await signUp(db);
      const id = await draftWithName(db, "Rina Wulandari");
      await lockVault(db);
      const wrong = { ...secrets, recoverySecret: secret() };
      const refused = await afterPasswordSignIn(db, user, wrong, DEFAULT_DEVICE_RULES);
      expect(refused).toMatchObject({ ok: false });
      expect(refused.ok ? "" : refused.message).toMatch(/tidak cocok/);
      expect(openKey()).toBeNull();
      expect(await afterPasswordSignIn(db, user, secrets, DEFAULT_DEVICE_RULES)).toEqual({
        ok: true,
        next: "unlocked",
      });
      expect((await new DraftRepository(db).get(id))?.applicant.fullName).toBe("Rina Wulandari");
      // The PIN still opens afterwards, offline (the unlock secret was wrapped again under the device key).
      await lockVault(db);
      expect(await unlockWithPin(db, PIN)).toEqual({ ok: true });
    },
    SLOW,
  );

  it(
    "keeps two cadres apart on one phone: each sees only their own drafts, the other's stay sealed with their key",
    async () => {
      const db = freshDb();
      const first = await signUp(db, cadre(1));
      const firstKey = openOrFail().key.slice();
      const firstProfile = (await activeProfile(db)).id;
      const mine = await draftWithName(db, "Joko Saputra");
      expect(await signOutVault(db, "keep")).toEqual({ ok: true });
      // Whatever stays open after a sign-out (nothing, or a guest's own key), it is not this cadre's key.
      expect(openKey()?.profileId).not.toBe(firstProfile);

      await signUp(db, cadre(2));
      const repo = new DraftRepository(db);
      expect(await repo.list()).toEqual([]);
      expect(await repo.get(mine)).toBeUndefined();
      const parked = await rawOf(db).parked.where("[profileId+table]").equals([firstProfile, "drafts"]).toArray();
      expect(parked).toHaveLength(1);
      const envelope = (parked[0] as { value: Record<string, unknown> }).value[SEALED_FIELD] as Sealed;
      const secondKey = openKey()?.key as Uint8Array;
      const secondProfile = openKey()?.profileId as string;
      expect(() => openRecord(secondKey, { profileId: secondProfile, table: "drafts", key: mine }, envelope)).toThrow();
      expect(() => openRecord(secondKey, { profileId: firstProfile, table: "drafts", key: mine }, envelope)).toThrow();
      expect(openRecord(firstKey, { profileId: firstProfile, table: "drafts", key: mine }, envelope)).toMatchObject({
        applicant: { fullName: "Joko Saputra" },
      });
      const kept = await keptProfiles(db);
      expect(kept.map((profile) => profile.userId).sort()).toEqual(["user-1", "user-2"]);
      expect(kept.find((profile) => profile.userId === "user-1")?.unsent).toBeGreaterThan(0);

      // The first cadre comes back with their password: their drafts return, the second's are parked.
      expect(await afterPasswordSignIn(db, first.user, first.secrets, DEFAULT_DEVICE_RULES)).toEqual({
        ok: true,
        next: "unlocked",
      });
      expect((await repo.list()).map((row) => row.id)).toEqual([mine]);
    },
    SLOW,
  );

  it(
    "signs out with erase only once nothing is left to send, or when the cadre accepts the listed loss",
    async () => {
      const db = freshDb();
      await signUp(db);
      const id = await draftWithName(db, "Agus Hidayat");
      const refused = await signOutVault(db, "erase");
      expect(refused).toMatchObject({ ok: false, unsent: { draftIds: [id] } });
      expect(refused.ok ? 0 : refused.unsent.changes).toBeGreaterThan(0);
      expect(openKey()).not.toBeNull();
      const profileId = (await activeProfile(db)).id;
      expect(await signOutVault(db, "erase", true)).toEqual({ ok: true });
      expect(openKey()?.profileId).not.toBe(profileId);
      const left = await rawOf(db).profiles.toArray();
      expect(left.filter((profile) => profile.id === profileId || profile.userId === "user-1")).toEqual([]);
      expect(await rawOf(db).parked.where("profileId").equals(profileId).count()).toBe(0);
      expect(await rawOf(db).drafts.count()).toBe(0);
      expect(await rawOf(db).outbox.count()).toBe(0);
      expect(await keptProfiles(db)).toEqual([]);
    },
    SLOW,
  );
});
