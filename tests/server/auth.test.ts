import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createApp } from "../../server/app";
import {
  DEFAULT_PARAMS,
  hashPassword,
  needsRehash,
  PasswordPolicyError,
  verifyPassword,
} from "../../server/auth/password";
import { GrowingDelay, LoginRateLimiter } from "../../server/auth/rate-limit";
import { hashToken, SESSION_LIFETIME_MS } from "../../server/auth/sessions";
import { activeDialect } from "../../server/db/dialect";
import { closeDatabase, type Db, openDatabase } from "../../server/db/open";
import { sessions, users } from "../../server/db/schema";
import { readJson } from "../../server/http/body";
import { ApiError } from "../../shared/api/errors";
import { LoginResponse, MeResponse, SessionList } from "../../shared/api/users";
import { tempDatabase } from "../helpers/temp-db";

const PASSWORD = "kata-sandi-kader-1";
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

let passwordHash: string;
let env: Awaited<ReturnType<typeof tempDatabase>>;
let app: ReturnType<typeof createApp>;
let clock: Date;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

beforeEach(async () => {
  env = await tempDatabase();
  clock = new Date("2026-03-02T08:00:00.000Z");
  app = createApp({ db: env.db, auth: { now: () => clock } });
});
afterEach(() => env.cleanup());

function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

async function seedUser(db: Db, username: string, role: "cadre" | "operator" | "admin" = "cadre", hash = passwordHash) {
  const id = uuidv7();
  await db.insert(users).values({
    id,
    username,
    displayName: `Nama ${username}`,
    role,
    passwordHash: hash,
    kecamatanCode: role === "admin" ? null : "31.75.07",
    kelurahanCode: role === "cadre" ? "31.75.07.1001" : null,
    createdAt: clock.toISOString(),
  });
  return id;
}

const JSON_HEADERS = { "Content-Type": "application/json" };

function post(path: string, body: unknown, headers: Record<string, string> = {}, url = "http://localhost") {
  return app.request(`${url}${path}`, {
    method: "POST",
    headers: { ...JSON_HEADERS, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

function login(username: string, password: string, headers: Record<string, string> = {}) {
  return post("/api/auth/login", { username, password, deviceLabel: "HP Samsung A14" }, headers);
}

/** "masdarin_session=<token>" from a response's Set-Cookie. */
function cookieOf(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const match = /masdarin_session=([^;]*)/.exec(header);
  if (!match) throw new Error("no session cookie");
  return `masdarin_session=${match[1]}`;
}

async function signIn(username = "kader.satu"): Promise<{ cookie: string; sessionId: string }> {
  const response = await login(username, PASSWORD);
  expect(response.status).toBe(200);
  const body = LoginResponse.parse(await response.json());
  return { cookie: cookieOf(response), sessionId: body.sessionId };
}

function me(cookie?: string) {
  return app.request("/api/auth/me", { headers: cookie ? { Cookie: cookie } : {} });
}

async function errorOf(response: Response) {
  return ApiError.parse(await response.json()).error;
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  return error;
}

describe("login", () => {
  beforeEach(async () => {
    await seedUser(env.db, "kader.satu");
  });

  it("sets an HttpOnly, SameSite=Strict session cookie that /api/auth/me accepts", async () => {
    const response = await login("kader.satu", PASSWORD);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/passwordHash|scrypt\$|tokenHash/);
    const body = LoginResponse.parse(JSON.parse(text));
    expect(body.user).toEqual({
      id: expect.any(String),
      username: "kader.satu",
      displayName: "Nama kader.satu",
      role: "cadre",
      kecamatanCode: "31.75.07",
      kelurahanCode: "31.75.07.1001",
      handlesComplaints: false,
    });
    const setCookie = response.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^masdarin_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toContain(`Max-Age=${SESSION_LIFETIME_MS / 1000}`);
    expect(setCookie).not.toContain("Secure");
    expect(response.headers.get("cache-control")).toBe("no-store");

    const who = await me(cookieOf(response));
    expect(who.status).toBe(200);
    expect(MeResponse.parse(await who.json())).toEqual({
      user: body.user,
      sessionId: body.sessionId,
      deviceRules: body.deviceRules,
    });
  });

  it("stores only the token's hash", async () => {
    const response = await login("kader.satu", PASSWORD);
    const token = cookieOf(response).split("=")[1] ?? "";
    const rows = await env.db.select().from(sessions);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("marks the cookie Secure over https, directly or behind a proxy", async () => {
    const direct = await post(
      "/api/auth/login",
      { username: "kader.satu", password: PASSWORD, deviceLabel: "HP" },
      {},
      "https://masdarin.example",
    );
    expect(direct.status).toBe(200);
    expect(direct.headers.get("set-cookie")).toContain("Secure");
    const proxied = await login("kader.satu", PASSWORD, {
      "X-Forwarded-Proto": "https",
      Origin: "https://localhost",
    });
    expect(proxied.status).toBe(200);
    expect(proxied.headers.get("set-cookie")).toContain("Secure");
  });

  it("accepts the username in any case and with spaces around it", async () => {
    expect((await login("  Kader.SATU ", PASSWORD)).status).toBe(200);
  });

  it("answers a wrong password and an unknown user identically", async () => {
    const wrong = await login("kader.satu", "salah-sandi-12345");
    const unknown = await login("tidak.ada", "salah-sandi-12345");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const wrongBody = await wrong.json();
    expect(wrongBody).toEqual(await unknown.json());
    expect(ApiError.parse(wrongBody).error.code).toBe("invalid_credentials");
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(unknown.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a disabled account only once the password is right", async () => {
    await env.db.update(users).set({ disabledAt: clock.toISOString() }).where(eq(users.username, "kader.satu"));
    await expectError(await login("kader.satu", "salah-sandi-12345"), 401, "invalid_credentials");
    await expectError(await login("kader.satu", PASSWORD), 403, "account_disabled");
  });

  it("replaces the device's previous session when signing in again", async () => {
    const first = await signIn();
    const again = await login("kader.satu", PASSWORD, { Cookie: first.cookie });
    expect(again.status).toBe(200);
    await expectError(await me(first.cookie), 401, "session_revoked");
    expect((await me(cookieOf(again))).status).toBe(200);
  });

  it("upgrades a hash made with older parameters on a successful login", async () => {
    const weak = await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 });
    await seedUser(env.db, "kader.lama", "cadre", weak);
    expect((await login("kader.lama", PASSWORD)).status).toBe(200);
    const [stored] = await env.db.select().from(users).where(eq(users.username, "kader.lama"));
    expect(stored?.passwordHash).not.toBe(weak);
    expect(needsRehash(stored?.passwordHash ?? "")).toBe(false);
    expect((await login("kader.lama", PASSWORD)).status).toBe(200);
  });
});

// Which limit applies to which attempt (address, account, known device): tests/server/sign-in-limits.test.ts.
describe("login rate limit", () => {
  beforeEach(async () => {
    await seedUser(env.db, "kader.satu");
  });

  it("counts unknown usernames too, and a success starts the count again", async () => {
    for (let i = 0; i < 5; i++) await login("tidak.ada", "salah-sandi-12345");
    await expectError(await login("tidak.ada", "salah-sandi-12345"), 429, "too_many_attempts");

    for (let i = 0; i < 4; i++) await login("kader.satu", "salah-sandi-12345");
    expect((await login("kader.satu", PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++) {
      await expectError(await login("kader.satu", "salah-sandi-12345"), 401, "invalid_credentials");
    }
  });

  it("keeps its memory bounded", () => {
    let now = new Date("2026-03-02T08:00:00Z");
    const limiter = new LoginRateLimiter({ maxEntries: 100, now: () => now });
    for (let i = 0; i < 1000; i++) limiter.recordFailure(LoginRateLimiter.key(`user${i}`, "local"));
    expect(limiter.size).toBeLessThanOrEqual(100);
    // The most recent keys are the ones kept.
    for (let i = 0; i < 4; i++) limiter.recordFailure(LoginRateLimiter.key("user999", "local"));
    expect(limiter.check(LoginRateLimiter.key("user999", "local")).allowed).toBe(false);
    now = new Date(now.getTime() + 15 * MINUTE);
    expect(limiter.check(LoginRateLimiter.key("user999", "local")).allowed).toBe(true);
  });

  it("keeps the growing delays' memory bounded too, and forgets a key after a quiet day", () => {
    let now = new Date("2026-03-02T08:00:00Z");
    const delays = new GrowingDelay({ maxEntries: 100, now: () => now });
    for (let i = 0; i < 1000; i++) delays.recordFailure(`user${i}`);
    expect(delays.size).toBeLessThanOrEqual(100);
    // The most recent keys are kept: user999's failure from the loop makes this its sixth.
    for (let i = 0; i < 5; i++) delays.recordFailure("user999");
    expect(delays.check("user999")).toEqual({ allowed: false, retryAfterSeconds: 2 });
    now = new Date(now.getTime() + DAY);
    expect(delays.check("user999").allowed).toBe(true);
  });
});

describe("sessions", () => {
  beforeEach(async () => {
    await seedUser(env.db, "kader.satu");
    await seedUser(env.db, "kader.dua");
  });

  it("answers a missing or unknown cookie with session_required", async () => {
    await expectError(await me(), 401, "session_required");
    await expectError(await me("masdarin_session=bukan-token"), 401, "session_required");
    await expectError(await me(`masdarin_session=${"A".repeat(43)}`), 401, "session_required");
  });

  it("expires 30 days after the last use", async () => {
    const { cookie } = await signIn();
    advance(30 * DAY);
    await expectError(await me(cookie), 401, "session_expired");
  });

  it("slides the expiry forward on use, writing at most once an hour", async () => {
    const { cookie, sessionId } = await signIn();
    const row = async () => (await env.db.select().from(sessions).where(eq(sessions.id, sessionId)))[0];
    const created = await row();

    advance(10 * MINUTE);
    const early = await me(cookie);
    expect(early.status).toBe(200);
    expect(early.headers.get("set-cookie")).toBeNull();
    expect(await row()).toEqual(created);

    advance(29 * DAY);
    const later = await me(cookie);
    expect(later.status).toBe(200);
    // The cookie's own lifetime is renewed along with the server's.
    expect(later.headers.get("set-cookie")).toContain(`Max-Age=${SESSION_LIFETIME_MS / 1000}`);
    expect((await row())?.expiresAt).toBe(new Date(clock.getTime() + 30 * DAY).toISOString());

    advance(29 * DAY); // 58 days after sign-in: still valid thanks to the use on day 29
    expect((await me(cookie)).status).toBe(200);
    advance(30 * DAY);
    await expectError(await me(cookie), 401, "session_expired");
  });

  it("lists the user's own devices with the current one marked, and revokes one", async () => {
    const phone = await signIn();
    const tablet = await signIn();
    const other = await signIn("kader.dua");

    const listed = await app.request("/api/auth/sessions", { headers: { Cookie: phone.cookie } });
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(text).not.toMatch(/tokenHash|token_hash/);
    const list = SessionList.parse(JSON.parse(text));
    expect(list.sessions.map((s) => [s.id, s.current]).sort()).toEqual(
      [
        [phone.sessionId, true],
        [tablet.sessionId, false],
      ].sort(),
    );
    expect(text).not.toContain(other.sessionId);

    const revoked = await app.request(`/api/auth/sessions/${tablet.sessionId}`, {
      method: "DELETE",
      headers: { ...JSON_HEADERS, Cookie: phone.cookie },
    });
    expect(revoked.status).toBe(204);
    await expectError(await me(tablet.cookie), 401, "session_revoked");
    expect((await me(phone.cookie)).status).toBe(200);
  });

  it("answers someone else's session and a missing one alike", async () => {
    const mine = await signIn();
    const theirs = await signIn("kader.dua");
    const del = (id: string) =>
      app.request(`/api/auth/sessions/${id}`, { method: "DELETE", headers: { ...JSON_HEADERS, Cookie: mine.cookie } });
    const foreign = await del(theirs.sessionId);
    const missing = await del(uuidv7());
    const malformed = await del("bukan-id");
    expect(foreign.status).toBe(404);
    const body = await foreign.json();
    expect(ApiError.parse(body).error.code).toBe("session_not_found");
    expect(await missing.json()).toEqual(body);
    expect(await malformed.json()).toEqual(body);
    expect((await me(theirs.cookie)).status).toBe(200);
  });

  it("logs out: revokes the session and clears the cookie", async () => {
    const { cookie } = await signIn();
    const out = await post("/api/auth/logout", "", { Cookie: cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/masdarin_session=;.*Max-Age=0/);
    await expectError(await me(cookie), 401, "session_revoked");
    // Logging out again (or without a session) is harmless.
    expect((await post("/api/auth/logout", "", { Cookie: cookie })).status).toBe(204);
  });

  it("answers a disabled account's sessions with account_disabled", async () => {
    const { cookie } = await signIn();
    await env.db.update(users).set({ disabledAt: clock.toISOString() }).where(eq(users.username, "kader.satu"));
    const error = await expectError(await me(cookie), 401, "account_disabled");
    expect(error.details).toBeUndefined();
  });
});

describe("CSRF protection", () => {
  beforeEach(async () => {
    await seedUser(env.db, "kader.satu");
  });
  const credentials = JSON.stringify({ username: "kader.satu", password: PASSWORD, deviceLabel: "HP" });

  it("requires application/json on writes", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      await expectError(
        await post("/api/auth/login", credentials, { "Content-Type": type }),
        415,
        "unsupported_media_type",
      );
    }
    const none = await app.request("/api/auth/logout", { method: "POST" });
    await expectError(none, 415, "unsupported_media_type");
    const withCharset = await post("/api/auth/login", credentials, {
      "Content-Type": "Application/JSON; charset=utf-8",
    });
    expect(withCharset.status).toBe(200);
  });

  it("refuses a foreign Origin or a cross-site fetch", async () => {
    await expectError(
      await post("/api/auth/login", credentials, { Origin: "https://evil.example" }),
      403,
      "csrf_failed",
    );
    await expectError(await post("/api/auth/login", credentials, { Origin: "null" }), 403, "csrf_failed");
    await expectError(
      await post("/api/auth/login", credentials, { Origin: "http://localhost:9999" }),
      403,
      "csrf_failed",
    );
    await expectError(
      await post("/api/auth/login", credentials, { "Sec-Fetch-Site": "cross-site" }),
      403,
      "csrf_failed",
    );
    expect((await post("/api/auth/login", credentials, { Origin: "http://localhost" })).status).toBe(200);
    expect((await post("/api/auth/login", credentials, { "Sec-Fetch-Site": "same-origin" })).status).toBe(200);
  });

  it("leaves reads alone and exempts uploads under /api/files/ from the media type only", async () => {
    expect((await app.request("/api/health", { headers: { Origin: "https://evil.example" } })).status).toBe(200);
    const upload = await app.request("/api/files/abc", {
      method: "PUT",
      headers: { "Content-Type": "image/jpeg" },
      body: "x",
    });
    expect(upload.status).not.toBe(415);
    const foreign = await app.request("/api/files/abc", {
      method: "PUT",
      headers: { "Content-Type": "image/jpeg", Origin: "https://evil.example" },
      body: "x",
    });
    await expectError(foreign, 403, "csrf_failed");
  });
});

describe("JSON bodies", () => {
  it("refuses an oversized body by Content-Length and by the bytes sent", async () => {
    const big = JSON.stringify({ username: "a", password: "b", deviceLabel: "x".repeat(10_000) });
    const error = await expectError(await post("/api/auth/login", big), 413, "body_too_large");
    expect(error.details).toEqual({ maxBytes: 4096 });
    const declared = await post("/api/auth/login", "{}", { "Content-Length": "999999" });
    await expectError(declared, 413, "body_too_large");
  });

  it("refuses malformed JSON, an empty body and invalid UTF-8", async () => {
    await expectError(await post("/api/auth/login", '{"username": "a",'), 400, "invalid_json");
    await expectError(await post("/api/auth/login", ""), 400, "invalid_json");
    const bytes = await app.request("/api/auth/login", {
      method: "POST",
      headers: JSON_HEADERS,
      body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]),
    });
    await expectError(bytes, 400, "invalid_json");
  });

  it("refuses __proto__, constructor and prototype keys anywhere", async () => {
    const proto = await expectError(
      await post("/api/auth/login", '{"username":"a","password":"b","deviceLabel":"c","__proto__":{"admin":true}}'),
      400,
      "invalid_body",
    );
    expect(proto.details).toEqual({ issues: [{ path: ["__proto__"], message: expect.any(String) }] });
    const nested = await expectError(
      await post("/api/auth/login", { username: "a", password: "b", deviceLabel: { list: [{ constructor: 1 }] } }),
      400,
      "invalid_body",
    );
    expect(nested.details).toEqual({
      issues: [{ path: ["deviceLabel", "list", 0, "constructor"], message: expect.any(String) }],
    });
    await expectError(await post("/api/auth/login", { prototype: {} }), 400, "invalid_body");
  });

  it("lists the paths of wrong types and unknown fields", async () => {
    const error = await expectError(
      await post("/api/auth/login", { username: 42, password: "b", deviceLabel: "", extra: true }),
      400,
      "invalid_body",
    );
    const issues = z
      .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
      .parse(error.details?.issues);
    const paths = issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["username", "deviceLabel", ""]));
  });

  it("copes with deeply nested input", async () => {
    const probe = new Hono();
    probe.post("/", async (c) => {
      const body = await readJson(c, z.unknown(), 10_000_000);
      return body.ok ? c.json({ ok: true }) : body.response;
    });
    const depth = 200_000;
    const deep = `${"[".repeat(depth)}{"__proto__":1}${"]".repeat(depth)}`;
    const response = await probe.request("/", { method: "POST", headers: JSON_HEADERS, body: deep });
    expect(response.status).toBe(400);
    const error = ApiError.parse(await response.json()).error;
    expect(error.code).toBe("invalid_body");
    const issues = z.array(z.object({ path: z.array(z.unknown()) })).parse(error.details?.issues);
    const path = issues[0]?.path ?? [];
    expect(path).toHaveLength(32);
    expect(path.at(-1)).toBe("__proto__");
  });
});

describe("password hashes", () => {
  it("verify the right password and refuse others", async () => {
    expect(await verifyPassword(PASSWORD, passwordHash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}x`, passwordHash)).toBe(false);
    expect(await verifyPassword("", passwordHash)).toBe(false);
  });

  it("are self-describing and salted afresh each time", async () => {
    const again = await hashPassword(PASSWORD);
    expect(again).not.toBe(passwordHash);
    const [scheme, n, r, p, salt, key] = again.split("$");
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(["scrypt", DEFAULT_PARAMS.N, DEFAULT_PARAMS.r, 1]);
    expect(Buffer.from(salt ?? "", "base64")).toHaveLength(16);
    expect(Buffer.from(key ?? "", "base64")).toHaveLength(32);
    expect(salt).not.toBe(passwordHash.split("$")[4]);
    expect(await verifyPassword(PASSWORD, again)).toBe(true);
  });

  it("refuse a tampered or malformed hash without throwing", async () => {
    const parts = passwordHash.split("$");
    const key = Buffer.from(parts[5] ?? "", "base64");
    key[0] = (key[0] ?? 0) ^ 1;
    const flipped = [...parts.slice(0, 5), key.toString("base64")].join("$");
    const otherSalt = [...parts.slice(0, 4), Buffer.alloc(16, 7).toString("base64"), parts[5]].join("$");
    const weakerN = ["scrypt", "16384", ...parts.slice(2)].join("$");
    for (const tampered of [flipped, otherSalt, weakerN]) expect(await verifyPassword(PASSWORD, tampered)).toBe(false);
    for (const garbage of [
      "",
      "scrypt",
      "bcrypt$1$2$3$4$5",
      "scrypt$3$8$1$AAAA$AAAA",
      "scrypt$1073741824$8$1$c2FsdHNhbHQ=$a2V5a2V5a2V5a2V5a2V5a2V5",
    ]) {
      expect(await verifyPassword(PASSWORD, garbage)).toBe(false);
    }
  });

  it("refuse to hash a password under 10 characters", async () => {
    await expect(hashPassword("pendek123")).rejects.toThrow(PasswordPolicyError);
    await expect(hashPassword("pendek123")).rejects.toThrow(/at least 10 characters/);
  });
});

describe("admin CLI", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "masdarin-cli-"));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  function runCli(args: string[], options: { password?: string; stdin?: string } = {}) {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    // On PostgreSQL the CLI works on this test's database (the SQLite one is a file in DATA_DIR).
    if (activeDialect() === "postgres") childEnv.DATABASE_URL = env.file;
    delete childEnv.MASDARIN_ADMIN_PASSWORD;
    if (options.password !== undefined) childEnv.MASDARIN_ADMIN_PASSWORD = options.password;
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(join("node_modules", ".bin", "tsx"), ["server/cli/admin.ts", ...args], { env: childEnv });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => {
        stdout += chunk;
      });
      child.stderr.on("data", (chunk) => {
        stderr += chunk;
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
      child.stdin.end(options.stdin ?? "");
    });
  }

  async function cliLogin(username: string, password: string) {
    const db = await openDatabase(activeDialect() === "postgres" ? env.file : join(dataDir, "masdarin.sqlite"));
    try {
      const cliApp = createApp({ db });
      return await cliApp.request("/api/auth/login", {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify({ username, password, deviceLabel: "Laptop kantor" }),
      });
    } finally {
      await closeDatabase(db);
    }
  }

  it("creates an admin who can then sign in, without printing the password", async () => {
    const password = "sandi-admin-rahasia";
    const result = await runCli(["create-admin", "--username", "Budi", "--name", "Budi Admin"], { password });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created admin "budi"');
    expect(result.stdout + result.stderr).not.toContain(password);

    const response = await cliLogin("budi", password);
    expect(response.status).toBe(200);
    expect(LoginResponse.parse(await response.json()).user).toMatchObject({ role: "admin", displayName: "Budi Admin" });

    const listed = await runCli(["list-users"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^budi\tadmin\t-\tactive\t/m);
  }, 60_000);

  it("reads the password from stdin when the variable is absent", async () => {
    const result = await runCli(["create-admin", "--username", "sari", "--name", "Sari"], {
      stdin: "sandi-dari-stdin-1\n",
    });
    expect(result.code).toBe(0);
    expect((await cliLogin("sari", "sandi-dari-stdin-1")).status).toBe(200);
  }, 60_000);

  it("refuses a short password and a taken username with a non-zero exit", async () => {
    const short = await runCli(["create-admin", "--username", "budi", "--name", "Budi"], { password: "pendek" });
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain("at least 10 characters");

    expect(
      (await runCli(["create-admin", "--username", "budi", "--name", "Budi"], { password: "cukup-panjang-1" })).code,
    ).toBe(0);
    const taken = await runCli(["create-admin", "--username", "budi", "--name", "Budi 2"], {
      password: "cukup-panjang-2",
    });
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toContain("taken");

    const usage = await runCli(["create-admin", "--name", "Tanpa Username"], { password: "cukup-panjang-3" });
    expect(usage.code).not.toBe(0);
  }, 60_000);
});
