import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { hashPassword } from "../../server/auth/password";
import { createSession } from "../../server/auth/sessions";
import { auditLog, users } from "../../server/db/schema";
import type { AccessEntry } from "../../server/http/access-log";
import { ApiError } from "../../shared/api/errors";
import { LoginResponse, ManagedUser, MeResponse, UserList, UserResponse } from "../../shared/api/users";
import { seededDatabase } from "../helpers/temp-db";

/**
 * Issue 15: each user's two vault secrets are made once, at the first
 * successful password sign-in, and only POST /api/auth/login ever sends them:
 * not /me, not the session list, not the account screens, not the audit log,
 * not the logs.
 */

const PASSWORD = "kata-sandi-kader-1";
const SECRET = /^[A-Za-z0-9_-]{43}$/;

let passwordHash: string;
let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let clock: Date;
let logged: string[];
let admin: { id: string; cookie: string };
let cadreId: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

async function seed(username: string, role: "cadre" | "admin"): Promise<string> {
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
  return id;
}

beforeEach(async () => {
  env = await seededDatabase();
  clock = new Date("2026-12-01T02:00:00.000Z");
  logged = [];
  app = createApp({
    db: env.db,
    auth: { now: () => clock },
    logRequest: (entry: AccessEntry) => logged.push(JSON.stringify(entry)),
    logError: (message, error) => logged.push(`${message} ${String(error)}`),
  });
  const adminId = await seed("admin.pusat", "admin");
  admin = { id: adminId, cookie: `masdarin_session=${(await createSession(env.db, adminId, "Laptop", clock)).token}` };
  cadreId = await seed("kader.klender", "cadre");
});
afterEach(() => env.cleanup());

function login(password = PASSWORD, cookie?: string, username = "kader.klender") {
  return app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ username, password, deviceLabel: "HP Samsung A14" }),
  });
}

function cookieOf(response: Response): string {
  const match = /masdarin_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "");
  if (!match) throw new Error("no session cookie");
  return `masdarin_session=${match[1]}`;
}

async function stored() {
  const [row] = await env.db
    .select({ unlock: users.vaultUnlockSecret, recovery: users.vaultRecoverySecret })
    .from(users)
    .where(eq(users.id, cadreId));
  return row;
}

function call(method: string, path: string, cookie: string, body?: unknown) {
  return app.request(path, {
    method,
    headers: { "Content-Type": "application/json", Cookie: cookie },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("vault secrets at sign-in", () => {
  it("are made at the first password sign-in: two different 32-byte secrets, stored", async () => {
    expect(await stored()).toEqual({ unlock: null, recovery: null });
    const response = await login();
    expect(response.status).toBe(200);
    const { vault } = LoginResponse.parse(await response.json());
    expect(vault.unlockSecret).toMatch(SECRET);
    expect(vault.recoverySecret).toMatch(SECRET);
    expect(Buffer.from(vault.unlockSecret, "base64url")).toHaveLength(32);
    expect(vault.unlockSecret).not.toBe(vault.recoverySecret);
    expect(await stored()).toEqual({ unlock: vault.unlockSecret, recovery: vault.recoverySecret });
  });

  it("are never made again: every later sign-in, on any device, gets the same pair", async () => {
    const first = LoginResponse.parse(await (await login()).json());
    clock = new Date(clock.getTime() + 40 * 24 * 60 * 60 * 1000);
    const again = LoginResponse.parse(await (await login()).json());
    const replacing = LoginResponse.parse(await (await login(PASSWORD, admin.cookie)).json());
    expect(again.vault).toEqual(first.vault);
    expect(replacing.vault).toEqual(first.vault);
  });

  it("two first sign-ins at once end with one pair, the one both were given", async () => {
    const responses = await Promise.all([login(), login(), login()]);
    const vaults = await Promise.all(responses.map(async (r) => LoginResponse.parse(await r.json()).vault));
    expect(new Set(vaults.map((vault) => vault.unlockSecret)).size).toBe(1);
    expect((await stored())?.unlock).toBe(vaults[0]?.unlockSecret);
  });

  it("differ from user to user, and admins get a pair too (the contract is per user)", async () => {
    const cadre = LoginResponse.parse(await (await login()).json()).vault;
    const other = LoginResponse.parse(await (await login(PASSWORD, undefined, "admin.pusat")).json()).vault;
    expect(other.unlockSecret).not.toBe(cadre.unlockSecret);
    expect(other.recoverySecret).not.toBe(cadre.recoverySecret);
  });

  it("are neither made nor sent for a wrong password or a disabled account", async () => {
    const wrong = await login("salah-sandi-sekali");
    expect(wrong.status).toBe(401);
    expect(ApiError.parse(await wrong.json()).error.code).toBe("invalid_credentials");
    await env.db.update(users).set({ disabledAt: clock.toISOString() }).where(eq(users.id, cadreId));
    const disabled = await login();
    expect(disabled.status).toBe(403);
    const body = await disabled.text();
    expect(ApiError.parse(JSON.parse(body)).error.code).toBe("account_disabled");
    expect(body).not.toContain("vault");
    expect(await stored()).toEqual({ unlock: null, recovery: null });
  });
});

describe("vault secrets go nowhere else", () => {
  it("not in /me, the session lists, the account screens, the audit log or the logs", async () => {
    const signIn = await login();
    const { vault, sessionId } = LoginResponse.parse(await signIn.json());
    const cookie = cookieOf(signIn);
    const secrets = [vault.unlockSecret, vault.recoverySecret];
    const answers: string[] = [];
    const keep = async (response: Response) => {
      expect(response.status).toBeLessThan(300);
      const text = await response.text();
      answers.push(text);
      return text;
    };

    const me = MeResponse.strict().parse(JSON.parse(await keep(await call("GET", "/api/auth/me", cookie))));
    expect(me.sessionId).toBe(sessionId);
    await keep(await call("GET", "/api/auth/sessions", cookie));
    const list = UserList.parse(JSON.parse(await keep(await call("GET", "/api/users", admin.cookie))));
    for (const user of list.users) ManagedUser.strict().parse(user);
    const one = JSON.parse(await keep(await call("GET", `/api/users/${cadreId}`, admin.cookie)));
    ManagedUser.strict().parse(UserResponse.parse(one).user);
    await keep(await call("PATCH", `/api/users/${cadreId}`, admin.cookie, { displayName: "Kader Klender" }));
    await keep(await call("GET", `/api/users/${cadreId}/sessions`, admin.cookie));
    await keep(await call("POST", `/api/users/${cadreId}/disable`, admin.cookie));
    await keep(await call("POST", `/api/users/${cadreId}/enable`, admin.cookie));
    await keep(await call("GET", "/api/console/audit", admin.cookie));

    const audit = JSON.stringify(await env.db.select().from(auditLog));
    expect(audit).toContain("user.disable");
    for (const secret of secrets) {
      for (const answer of answers) expect(answer).not.toContain(secret);
      expect(audit).not.toContain(secret);
      expect(logged.join("\n")).not.toContain(secret);
    }
    expect(answers.join("\n")).not.toMatch(/vault|unlockSecret|recoverySecret/i);
  });
});
