import "fake-indexeddb/auto";
import Dexie from "dexie";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LocalDb } from "../../client/db/local-db";
import { contactWhileLocked, syncOnce } from "../../client/sync/engine";
import { dropKey, openKey } from "../../client/vault/keyring";
import { rawOf } from "../../client/vault/profile-store";
import { dismissFarewellNotice, farewellNotice } from "../../client/vault/revocation";
import {
  afterPasswordSignIn,
  lockVault,
  readDeviceRules,
  setPin,
  unlockWithPin,
  vault,
} from "../../client/vault/vault";
import { createApp } from "../../server/app";
import { vaultSecretsFor } from "../../server/auth/vault-secrets";
import { applications, auditLog, sessions, users } from "../../server/db/schema";
import { seedIfEmpty } from "../../server/seed/seed";
import { writeSetting } from "../../server/settings/office-settings";
import { recordVerdict } from "../../server/sync/applications";
import { DEFAULT_DEVICE_RULES } from "../../shared/device/rules";
import { createTestUser, type TestUser } from "../helpers/accounts";
import {
  deps,
  domisiliGuide,
  fillReady,
  makeDevice,
  type Network,
  serverNetwork,
  verifiedUpload,
} from "../helpers/sync-harness";
import { tempDatabase } from "../helpers/temp-db";

/**
 * Issue 15 on the phone's side of sync, against the real server: no round
 * reads the sealed tables while the vault is locked, the office's device rules
 * arrive with the pull, and a session the office cut off pushes what the phone
 * holds, then the cadre's data is erased (or stays sealed while changes wait).
 */
vi.setConfig({ testTimeout: 120_000 });

const PIN = "482915";
const DAY = 24 * 60 * 60 * 1000;

let env: Awaited<ReturnType<typeof tempDatabase>>;
let cadre: TestUser;
let admin: TestUser;
const names: string[] = [];

beforeEach(async () => {
  env = await tempDatabase();
  await seedIfEmpty(env.db);
  cadre = await createTestUser(env.db, "cadre");
  admin = await createTestUser(env.db, "admin");
  dismissFarewellNotice();
});
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
  await env.cleanup();
});

/** A phone the cadre signed in on with the server's real vault secrets and chose a PIN on. */
async function signedInPhone() {
  const name = `phone-${Date.now()}-${Math.random()}`;
  names.push(name);
  const device = await makeDevice(cadre, name);
  const user = (await env.db.select().from(users).where(eq(users.id, cadre.id)))[0];
  if (!user) throw new Error("no cadre");
  const sessionUser = { id: user.id, username: user.username, displayName: user.displayName, role: "cadre" as const };
  const outcome = await afterPasswordSignIn(
    device.db,
    sessionUser as never,
    await vaultSecretsFor(env.db, cadre.id),
    DEFAULT_DEVICE_RULES,
  );
  expect(outcome).toEqual({ ok: true, next: "set-pin" });
  await setPin(device.db, PIN);
  expect(vault.value.kind).toBe("unlocked");
  return device;
}

async function cadreSessionId(): Promise<string> {
  const row = (await env.db.select().from(sessions).where(eq(sessions.userId, cadre.id)))[0];
  if (!row) throw new Error("no session");
  return row.id;
}

async function asAdmin(method: string, path: string): Promise<Response> {
  return createApp({ db: env.db }).request(path, {
    method,
    headers: { Cookie: admin.cookie, "Content-Type": "application/json" },
  });
}

/** Every stored row of the personal tables, the profiles and the cadre's meta, read without the vault layer. */
async function rawCounts(db: LocalDb) {
  const raw = rawOf(db);
  return {
    drafts: await raw.drafts.count(),
    blobs: await raw.blobs.count(),
    outbox: await raw.outbox.count(),
    remote: await raw.remote.count(),
    attention: await raw.attention.count(),
    // A guest profile (no user, no records) takes over once nobody is signed in: it is not a cadre's.
    profiles: (await raw.profiles.toArray()).filter((row) => row.userId !== "").length,
    parked: await raw.parked.count(),
    account: (await raw.meta.get("account")) !== undefined,
  };
}

const ERASED = { drafts: 0, blobs: 0, outbox: 0, remote: 0, attention: 0, profiles: 0, parked: 0, account: false };

async function nameOnServer(id: string): Promise<string | undefined> {
  return ((await storedContent(id))?.content as { applicant?: { fullName?: string } } | undefined)?.applicant?.fullName;
}

async function storedContent(id: string) {
  return (await env.db.select().from(applications).where(eq(applications.id, id)))[0];
}

/** Counts the requests a round makes, and which. */
function counting(fetch: Network) {
  const urls: string[] = [];
  return {
    urls,
    fetch: (url: string, init?: RequestInit) => {
      urls.push(url);
      return fetch(url, init);
    },
  };
}

describe("the office revokes the phone's session or disables the cadre", () => {
  it("pushes every change with its pages, then erases the cadre's data and profile and says so", async () => {
    const { db, repo } = await signedInPhone();
    const guide = await domisiliGuide(env);
    const ready = await repo.create(guide);
    await fillReady(repo, ready, "Siti Aminah");
    await repo.update(ready, "marked-ready", (d) => {
      d.status = "ready";
    });
    const unfinished = await repo.create(guide);
    await repo.update(unfinished, "applicant", (d) => {
      d.applicant.fullName = "Budi Santoso";
    });
    expect((await asAdmin("DELETE", `/api/users/${cadre.id}/sessions/${await cadreSessionId()}`)).status).toBe(204);

    const network = serverNetwork(env, cadre);
    const outcome = await syncOnce(deps(db, network.fetch, verifiedUpload(env, cadre)));

    expect(outcome.farewell).toEqual({ erased: true });
    expect(outcome.status).toBe("signed-out");
    expect(outcome.pushed).toBeGreaterThan(0);
    // The office has both files whole.
    expect((await storedContent(ready))?.status).toBe("submitted");
    expect(await nameOnServer(ready)).toBe("Siti Aminah");
    expect(await nameOnServer(unfinished)).toBe("Budi Santoso");
    const audit = await env.db.select().from(auditLog).where(eq(auditLog.action, "sync.farewell-push"));
    expect(audit.length).toBeGreaterThan(0);
    // Nothing of the cadre is left on the phone, and the next screen has its words.
    expect(await rawCounts(db)).toEqual(ERASED);
    expect(vault.value).toMatchObject({ kind: "unlocked", guest: true });
    expect(openKey()?.profileId).toBe(vault.value.kind === "unlocked" ? vault.value.profile.id : "");
    expect(farewellNotice.value?.kind).toBe("erased");
  });

  it("does the same for a cadre the office disabled", async () => {
    const { db, repo } = await signedInPhone();
    const id = await repo.create(await domisiliGuide(env));
    await fillReady(repo, id, "Dewi Lestari");
    expect((await asAdmin("POST", `/api/users/${cadre.id}/disable`)).status).toBe(200);

    const outcome = await syncOnce(deps(db, serverNetwork(env, cadre).fetch, verifiedUpload(env, cadre)));
    expect(outcome).toMatchObject({ status: "signed-out", code: "account_disabled", farewell: { erased: true } });
    expect(await nameOnServer(id)).toBe("Dewi Lestari");
    expect(await rawCounts(db)).toEqual(ERASED);
  });

  it("keeps everything sealed and says how many changes wait when the push is refused", async () => {
    const { db, repo } = await signedInPhone();
    const id = await repo.create(await domisiliGuide(env));
    await fillReady(repo, id, "Rina Wati");
    const waiting = await db.outbox.count();
    // Cut off 31 days ago: the server no longer takes this session's push (its farewell window is over).
    await env.db
      .update(sessions)
      .set({ revokedAt: new Date(Date.now() - 31 * DAY).toISOString(), revokeReason: "revoked" })
      .where(and(eq(sessions.id, await cadreSessionId())));

    const outcome = await syncOnce(deps(db, serverNetwork(env, cadre).fetch, verifiedUpload(env, cadre)));
    expect(outcome).toMatchObject({ status: "session-expired", code: "session_revoked" });
    expect(outcome.farewell).toEqual({ erased: false, waiting });
    expect(farewellNotice.value).toEqual({ kind: "waiting", changes: waiting });
    expect(await storedContent(id)).toBeUndefined();
    // Nothing lost, nothing marked failed: the draft and its pages are still here, sealed.
    const counts = await rawCounts(db);
    expect(counts).toMatchObject({ drafts: 1, blobs: 3, outbox: waiting, attention: 0, profiles: 1, account: true });
    expect((await db.drafts.get(id))?.applicant.fullName).toBe("Rina Wati");
  });

  it("erases at once, without the key, when the phone is locked at contact and nothing waits", async () => {
    const { db, repo } = await signedInPhone();
    const id = await repo.create(await domisiliGuide(env));
    await fillReady(repo, id, "Agus Salim");
    const network = serverNetwork(env, cadre);
    expect((await syncOnce(deps(db, network.fetch, verifiedUpload(env, cadre)))).status).toBe("ok");
    await lockVault(db);
    expect(vault.value.kind).toBe("locked");
    expect((await asAdmin("DELETE", `/api/users/${cadre.id}/sessions/${await cadreSessionId()}`)).status).toBe(204);

    const seen = counting(network.fetch);
    const outcome = await contactWhileLocked(deps(db, seen.fetch, verifiedUpload(env, cadre)));
    expect(seen.urls).toEqual(["/api/auth/me"]);
    expect(outcome).toMatchObject({ code: "session_revoked", farewell: { erased: true } });
    expect(await rawCounts(db)).toEqual(ERASED);
    expect(vault.value).toMatchObject({ kind: "unlocked", guest: true });
  });

  it("waits for the unlock when the phone is locked with changes to send, then pushes and erases", async () => {
    const { db, repo } = await signedInPhone();
    const id = await repo.create(await domisiliGuide(env));
    await fillReady(repo, id, "Yanti");
    await lockVault(db);
    expect((await asAdmin("DELETE", `/api/users/${cadre.id}/sessions/${await cadreSessionId()}`)).status).toBe(204);
    const network = serverNetwork(env, cadre);

    const locked = await contactWhileLocked(deps(db, network.fetch, verifiedUpload(env, cadre)));
    expect(locked.status).toBe("locked");
    expect(locked.farewell).toMatchObject({ erased: false });
    expect((await rawCounts(db)).drafts).toBe(1);
    expect(await storedContent(id)).toBeUndefined();

    expect(await unlockWithPin(db, PIN)).toEqual({ ok: true });
    const outcome = await syncOnce(deps(db, network.fetch, verifiedUpload(env, cadre)));
    expect(outcome.farewell).toEqual({ erased: true });
    expect(await nameOnServer(id)).toBe("Yanti");
    expect(await rawCounts(db)).toEqual(ERASED);
  });
});

describe("sync and the lock", () => {
  it("makes no request and reads nothing personal while locked", async () => {
    const { db, repo } = await signedInPhone();
    const id = await repo.create(await domisiliGuide(env));
    await fillReady(repo, id, "Siti");
    await lockVault(db);
    const seen = counting(serverNetwork(env, cadre).fetch);
    const outcome = await syncOnce(deps(db, seen.fetch, verifiedUpload(env, cadre)));
    expect(outcome.status).toBe("locked");
    expect(seen.urls).toEqual([]);
    expect(await storedContent(id)).toBeUndefined();
  });

  it("stops quietly when the app locks while photos go out, loses and fails nothing, and finishes after the unlock", async () => {
    const { db, repo } = await signedInPhone();
    const id = await repo.create(await domisiliGuide(env));
    await fillReady(repo, id, "Lina");
    await repo.update(id, "marked-ready", (d) => {
      d.status = "ready";
    });
    const waiting = await db.outbox.count();
    const upload = verifiedUpload(env, cadre);
    // The phone locks once the first photo is up: the next photo's bytes are sealed again.
    const lockingUpload: typeof upload = async (page) => {
      await upload(page);
      dropKey();
    };
    const network = serverNetwork(env, cadre);
    const interrupted = await syncOnce(deps(db, network.fetch, lockingUpload));
    expect(interrupted.status).toBe("locked");
    expect(interrupted.farewell).toBeUndefined();
    expect(await rawCounts(db)).toMatchObject({ drafts: 1, blobs: 3, outbox: waiting, attention: 0, profiles: 1 });
    expect(await storedContent(id)).toBeUndefined();

    expect(await unlockWithPin(db, PIN)).toEqual({ ok: true });
    const after = await syncOnce(deps(db, network.fetch, upload));
    expect(after).toMatchObject({ status: "ok", rejected: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.remote.get(id))?.status).toBe("submitted");
  });

  it("stops quietly when the app locks as the push answers, and the pull follows after the unlock", async () => {
    const { db, repo } = await signedInPhone();
    const id = await repo.create(await domisiliGuide(env));
    await fillReady(repo, id, "Lina");
    await repo.update(id, "marked-ready", (d) => {
      d.status = "ready";
    });
    const network = serverNetwork(env, cadre);
    const lockingOnPush: Network = async (url, init) => {
      const response = await network.fetch(url, init);
      if (url.startsWith("/api/sync/push")) dropKey();
      return response;
    };
    const interrupted = await syncOnce(deps(db, lockingOnPush, verifiedUpload(env, cadre)));
    expect(interrupted.status).toBe("locked");
    // The server took the file; the phone has not stored the office's answer yet, and marked nothing failed.
    expect((await storedContent(id))?.status).toBe("submitted");
    expect(await rawCounts(db)).toMatchObject({ remote: 0, attention: 0, drafts: 1, blobs: 3 });

    expect(await unlockWithPin(db, PIN)).toEqual({ ok: true });
    expect((await syncOnce(deps(db, network.fetch, verifiedUpload(env, cadre)))).status).toBe("ok");
    expect(await db.outbox.count()).toBe(0);
    expect(await db.attention.count()).toBe(0);
    expect((await db.remote.get(id))?.status).toBe("submitted");
  });

  it("stores the office's device rules from the pull", async () => {
    const { db } = await signedInPhone();
    await writeSetting(env.db, "phoneRetentionDays", 45, null, new Date());
    await writeSetting(env.db, "phoneLockMinutes", 3, null, new Date());
    const outcome = await syncOnce(deps(db, serverNetwork(env, cadre).fetch, verifiedUpload(env, cadre)));
    expect(outcome.status).toBe("ok");
    expect(await readDeviceRules(db)).toMatchObject({ phoneRetentionDays: 45, lockMinutes: 3 });
  });
});

describe("phone retention after the office's decision", () => {
  it("removes a decided file's applicant data and photos after the office's days, and sends nothing for it", async () => {
    const { db, repo } = await signedInPhone();
    const guide = await domisiliGuide(env);
    const decided = await repo.create(guide);
    await fillReady(repo, decided, "Siti Aminah");
    await repo.update(decided, "marked-ready", (d) => {
      d.status = "ready";
    });
    const own = await repo.create(guide);
    await fillReady(repo, own, "Never Sent");
    const network = serverNetwork(env, cadre);
    expect((await syncOnce(deps(db, network.fetch, verifiedUpload(env, cadre)))).status).toBe("ok");
    await writeSetting(env.db, "phoneRetentionDays", 7, null, new Date());
    const decidedAt = new Date(Date.now() - 8 * DAY).toISOString();
    expect(await recordVerdict(env.db, decided, { decision: "verified", requirements: {}, decidedAt })).toBe(true);
    expect(await recordVerdict(env.db, decided, { decision: "approved", requirements: {}, decidedAt })).toBe(true);
    const before = await storedContent(decided);

    const outcome = await syncOnce(deps(db, network.fetch, verifiedUpload(env, cadre)));
    expect(outcome.status).toBe("ok");
    expect(outcome.scrubbed).toBe(1);
    const scrubbed = await db.drafts.get(decided);
    expect(scrubbed?.scrubbedAt).toBeTruthy();
    expect(scrubbed?.applicant.fullName).toBe("");
    expect(scrubbed?.applicant.nik).toBe("");
    expect(scrubbed?.documents).toEqual({});
    expect(scrubbed?.guideId).toBe(guide.id);
    expect(await db.blobs.where("draftId").equals(decided).count()).toBe(0);
    const remote = await db.remote.get(decided);
    expect(remote?.status).toBe("approved");
    expect(remote?.trackingNumber).toBe(before?.trackingNumber);
    // Nothing queued: the office keeps its copy untouched.
    expect(await db.outbox.where("draftId").equals(decided).count()).toBe(0);
    expect((await syncOnce(deps(db, network.fetch, verifiedUpload(env, cadre)))).status).toBe("ok");
    expect((await storedContent(decided))?.content).toEqual(before?.content);
    expect((await storedContent(decided))?.version).toBe(before?.version);
    // The cadre's own file the office never decided is untouched.
    expect((await db.drafts.get(own))?.applicant.fullName).toBe("Never Sent");
    expect(await db.blobs.where("draftId").equals(own).count()).toBe(3);
  });
});
