import { join } from "node:path";
import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { FAREWELL_WINDOW_MS } from "../../server/auth/farewell";
import { hashPassword } from "../../server/auth/password";
import { createSession } from "../../server/auth/sessions";
import { applications, auditLog, sessions, users } from "../../server/db/schema";
import { ApiError } from "../../shared/api/errors";
import { LoginResponse } from "../../shared/api/users";
import { auditActionLabel, auditChanges } from "../../shared/audit/describe";
import { PushResponse } from "../../shared/sync/protocol";
import type { TestUser } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { plainImage } from "../helpers/images";
import { seededDatabase } from "../helpers/temp-db";
import { sha256Hex, tusUpload } from "../helpers/tus-client";

/**
 * Issue 15: a phone whose session the office revoked, or whose cadre it
 * disabled, still hands over what it holds — its outbox and its page
 * uploads — for 30 days, and nothing else; every answer to it says
 * `Masdarin-Session: farewell`. A session replaced by a new sign-in on the
 * same phone, or signed out, never drains.
 */

const PASSWORD = "kata-sandi-kader-1";
const DAY = 24 * 60 * 60 * 1000;
const HEADER = "masdarin-session";

let passwordHash: string;
let picture: Uint8Array;
let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let clock: Date;
let admin: TestUser & { sessionId: string };
let cadre: TestUser & { sessionId: string };
let other: TestUser & { sessionId: string };

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  picture = await plainImage(1000, 750);
});

async function person(
  role: "cadre" | "admin" | "operator",
  username: string,
): Promise<TestUser & { sessionId: string }> {
  const id = uuidv7();
  await env.db.insert(users).values({
    id,
    username,
    displayName: `Nama ${username}`,
    role,
    passwordHash,
    kecamatanCode: role === "admin" ? null : "31.75.07",
    kelurahanCode: role === "cadre" ? "31.75.07.1001" : null,
    createdAt: clock.toISOString(),
  });
  const session = await createSession(env.db, id, `HP ${username}`, clock);
  return { id, username, cookie: `masdarin_session=${session.token}`, sessionId: session.sessionId };
}

beforeEach(async () => {
  env = await seededDatabase();
  clock = new Date();
  app = createApp({ db: env.db, filesDir: join(env.dir, "files"), auth: { now: () => clock } });
  admin = await person("admin", "admin.pusat");
  cadre = await person("cadre", "kader.klender");
  other = await person("cadre", "kader.malaka");
});
afterEach(() => env.cleanup());

function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

function send(method: string, path: string, cookie: string, body?: unknown) {
  return app.request(path, {
    method,
    headers: { "Content-Type": "application/json", Cookie: cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** A submit with its photos already on the server: applied when the session may push. */
async function submitBatch(user: { id: string }) {
  const draft = readyDraft();
  await storeFilesOf(env.db, draft, user.id);
  return { draft, body: { clientId: uuidv7(), mutations: [mutation(1, "submitApplication", { draft })] } };
}

async function expectRefused(response: Response, code: string) {
  expect(response.status).toBe(401);
  expect(ApiError.parse(await response.json()).error.code).toBe(code);
  expect(response.headers.get(HEADER)).toBeNull();
}

async function expectDrained(user: { id: string; cookie: string }) {
  const { draft, body } = await submitBatch(user);
  const response = await send("POST", "/api/sync/push", user.cookie, body);
  expect(response.status).toBe(200);
  expect(response.headers.get(HEADER)).toBe("farewell");
  const result = PushResponse.parse(await response.json());
  expect(result.results[0]).toMatchObject({ status: "applied" });
  const [row] = await env.db.select().from(applications).where(eq(applications.id, draft.id));
  expect(row).toMatchObject({ cadreId: user.id, status: "submitted" });
}

const revokeByOffice = (user: { id: string; sessionId: string }) =>
  send("DELETE", `/api/users/${user.id}/sessions/${user.sessionId}`, admin.cookie);

describe("a session the office revoked", () => {
  beforeEach(async () => {
    expect((await revokeByOffice(cadre)).status).toBe(204);
  });

  it("still pushes its outbox, as its cadre, and the answer says farewell", async () => {
    await expectDrained(cadre);
  });

  it("refuses everything else with 401 session_revoked, the pull included", async () => {
    await expectRefused(await send("GET", "/api/sync/pull", cadre.cookie), "session_revoked");
    await expectRefused(await send("GET", "/api/auth/me", cadre.cookie), "session_revoked");
    await expectRefused(await send("GET", "/api/auth/sessions", cadre.cookie), "session_revoked");
    await expectRefused(await send("DELETE", `/api/auth/sessions/${other.sessionId}`, cadre.cookie), "session_revoked");
  });

  it("says farewell on a refused push too, with the push's own code", async () => {
    const response = await send("POST", "/api/sync/push", cadre.cookie, { clientId: "nope", mutations: [] });
    expect(response.status).toBe(400);
    expect(response.headers.get(HEADER)).toBe("farewell");
  });

  it("finishes its page uploads (the possession check and tus), each answer saying farewell", async () => {
    const hash = sha256Hex(picture);
    const before = await app.request(`/api/files/sha256/${hash}`, {
      method: "HEAD",
      headers: { Cookie: cadre.cookie },
    });
    expect(before.status).toBe(404);
    expect(before.headers.get(HEADER)).toBe("farewell");
    const uploaded = await tusUpload(app, cadre, picture, "image/jpeg");
    expect(uploaded.status).toBe(204);
    expect(uploaded.headers.get(HEADER)).toBe("farewell");
    const after = await app.request(`/api/files/sha256/${hash}`, { method: "HEAD", headers: { Cookie: cadre.cookie } });
    expect(after.status).toBe(200);
    expect(after.headers.get(HEADER)).toBe("farewell");
  });

  it("marks the push in the audit log under the cadre's kecamatan, counts only", async () => {
    await expectDrained(cadre);
    const rows = await env.db.select().from(auditLog).where(eq(auditLog.action, "sync.farewell-push"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: cadre.id,
      actorRole: "cadre",
      targetType: "session",
      targetId: cadre.sessionId,
      kecamatanCode: "31.75.07",
      after: { changesApplied: 1, changesRefused: 0 },
    });
    expect(JSON.stringify(rows[0])).not.toContain("Siti");
    expect(auditActionLabel("sync.farewell-push", null, "id")).toMatch(/dikeluarkan/);
    expect(auditChanges(null, rows[0]?.after, "id")).toEqual([
      { field: "Perubahan diterima", before: null, after: "1" },
      { field: "Perubahan ditolak", before: null, after: "0" },
    ]);
  });

  it("leaves no second mark for a batch sent again (duplicates only)", async () => {
    const { body } = await submitBatch(cadre);
    for (const _ of [1, 2]) expect((await send("POST", "/api/sync/push", cadre.cookie, body)).status).toBe(200);
    expect(await env.db.select().from(auditLog).where(eq(auditLog.action, "sync.farewell-push"))).toHaveLength(1);
  });

  it("drains until 30 days after the revocation, and answers 401 session_revoked after", async () => {
    advance(FAREWELL_WINDOW_MS - 60_000);
    await expectDrained(cadre);
    advance(60_000);
    const { body } = await submitBatch(cadre);
    await expectRefused(await send("POST", "/api/sync/push", cadre.cookie, body), "session_revoked");
    await expectRefused(await tusUpload(app, cadre, picture, "image/jpeg"), "session_revoked");
  });

  it("leaves another cadre's session as it was: live, no farewell", async () => {
    const { body } = await submitBatch(other);
    const response = await send("POST", "/api/sync/push", other.cookie, body);
    expect(response.status).toBe(200);
    expect(response.headers.get(HEADER)).toBeNull();
    expect((await send("GET", "/api/sync/pull", other.cookie)).status).toBe(200);
  });
});

describe("a session its cadre revoked from another device (a lost phone)", () => {
  it("drains like one the office revoked", async () => {
    const second = await createSession(env.db, cadre.id, "HP kedua", clock);
    const response = await send("DELETE", `/api/auth/sessions/${cadre.sessionId}`, `masdarin_session=${second.token}`);
    expect(response.status).toBe(204);
    await expectDrained(cadre);
    await expectRefused(await send("GET", "/api/sync/pull", cadre.cookie), "session_revoked");
  });
});

describe("a disabled cadre", () => {
  beforeEach(async () => {
    expect((await send("POST", `/api/users/${cadre.id}/disable`, admin.cookie)).status).toBe(200);
  });

  it("still pushes and uploads, and everything else answers 401 account_disabled", async () => {
    await expectDrained(cadre);
    expect((await tusUpload(app, cadre, picture, "image/jpeg")).headers.get(HEADER)).toBe("farewell");
    await expectRefused(await send("GET", "/api/sync/pull", cadre.cookie), "account_disabled");
    await expectRefused(await send("GET", "/api/auth/me", cadre.cookie), "account_disabled");
  });

  it("stops draining 30 days after the disable", async () => {
    advance(FAREWELL_WINDOW_MS);
    const { body } = await submitBatch(cadre);
    await expectRefused(await send("POST", "/api/sync/push", cadre.cookie, body), "account_disabled");
  });

  it("drains no session that was signed out before", async () => {
    // A phone of this cadre signed out yesterday: it has nothing to hand over on that session.
    const old = await createSession(env.db, cadre.id, "HP lama", new Date(clock.getTime() - DAY));
    await env.db
      .update(sessions)
      .set({ revokedAt: new Date(clock.getTime() - DAY / 2).toISOString(), revokeReason: "signed-out" })
      .where(eq(sessions.id, old.sessionId));
    const { body } = await submitBatch(cadre);
    await expectRefused(
      await send("POST", "/api/sync/push", `masdarin_session=${old.token}`, body),
      "account_disabled",
    );
  });
});

describe("sessions that never drain", () => {
  async function signIn(cookie?: string) {
    const response = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify({ username: cadre.username, password: PASSWORD, deviceLabel: "HP Samsung A14" }),
    });
    expect(response.status).toBe(200);
    LoginResponse.parse(await response.json());
    const match = /masdarin_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "");
    return `masdarin_session=${match?.[1]}`;
  }

  it("one replaced by a new sign-in on the same phone: 401 session_revoked, the new one pushes", async () => {
    const replacement = await signIn(cadre.cookie);
    const { body } = await submitBatch(cadre);
    await expectRefused(await send("POST", "/api/sync/push", cadre.cookie, body), "session_revoked");
    await expectRefused(await tusUpload(app, cadre, picture, "image/jpeg"), "session_revoked");
    const pushed = await send("POST", "/api/sync/push", replacement, body);
    expect(pushed.status).toBe(200);
    expect(pushed.headers.get(HEADER)).toBeNull();
  });

  it("one signed out: 401 session_revoked", async () => {
    expect((await send("POST", "/api/auth/logout", cadre.cookie)).status).toBe(204);
    const { body } = await submitBatch(cadre);
    await expectRefused(await send("POST", "/api/sync/push", cadre.cookie, body), "session_revoked");
  });

  it("an operator's revoked session: the push is for cadres, so 401 session_revoked", async () => {
    const operator = await person("operator", "operator.durensawit");
    expect((await revokeByOffice(operator)).status).toBe(204);
    const { body } = await submitBatch(operator);
    await expectRefused(await send("POST", "/api/sync/push", operator.cookie, body), "session_revoked");
  });

  it("one revoked before this version (no reason recorded)", async () => {
    await env.db
      .update(sessions)
      .set({ revokedAt: clock.toISOString(), revokeReason: null })
      .where(eq(sessions.id, cadre.sessionId));
    const { body } = await submitBatch(cadre);
    await expectRefused(await send("POST", "/api/sync/push", cadre.cookie, body), "session_revoked");
  });
});
