import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { hashPassword } from "../../server/auth/password";
import { activeDialect } from "../../server/db/dialect";
import { rawRun } from "../../server/db/raw";
import { officeSettings, users } from "../../server/db/schema";
import { writeSetting } from "../../server/settings/office-settings";
import { LoginResponse, MeResponse } from "../../shared/api/users";
import { DEFAULT_DEVICE_RULES, type DeviceRules } from "../../shared/device/rules";
import { PullResponse } from "../../shared/sync/protocol";
import { mutation, readyDraft } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

/**
 * Issue 15: the office's rules for phones (lock, PIN attempts, days on the
 * phone) reach each phone at sign-in, with /api/auth/me and on every pull
 * page, so a change in the office arrives at the next contact.
 */

const PASSWORD = "kata-sandi-kader-1";
const CHANGED: DeviceRules = { lockMinutes: 2, pinAttempts: 5, phoneRetentionDays: 7 };

let passwordHash: string;
let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cookie: string;
let firstLogin: LoginResponse;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

function login() {
  return app.request("/api/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: "kader.klender", password: PASSWORD, deviceLabel: "HP Samsung A14" }),
  });
}

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db });
  await env.db.insert(users).values({
    id: uuidv7(),
    username: "kader.klender",
    displayName: "Kader Klender",
    role: "cadre",
    passwordHash,
    kecamatanCode: "31.75.07",
    kelurahanCode: "31.75.07.1001",
    createdAt: new Date().toISOString(),
  });
  const response = await login();
  expect(response.status).toBe(200);
  cookie = /masdarin_session=[^;]*/.exec(response.headers.get("set-cookie") ?? "")?.[0] ?? "";
  firstLogin = LoginResponse.parse(await response.json());
});
afterEach(() => env.cleanup());

async function changeRules(rules: DeviceRules): Promise<void> {
  const now = new Date();
  await writeSetting(env.db, "phoneLockMinutes", rules.lockMinutes, null, now);
  await writeSetting(env.db, "phonePinAttempts", rules.pinAttempts, null, now);
  await writeSetting(env.db, "phoneRetentionDays", rules.phoneRetentionDays, null, now);
}

async function me(): Promise<MeResponse> {
  const response = await app.request("/api/auth/me", { headers: { Cookie: cookie } });
  expect(response.status).toBe(200);
  return MeResponse.parse(await response.json());
}

async function pull(query = ""): Promise<PullResponse> {
  const response = await app.request(`/api/sync/pull${query}`, { headers: { Cookie: cookie } });
  expect(response.status).toBe(200);
  return PullResponse.parse(await response.json());
}

describe("device rules", () => {
  it("are the defaults until the office sets them, at sign-in, /me and pull alike", async () => {
    expect(firstLogin.deviceRules).toEqual(DEFAULT_DEVICE_RULES);
    expect((await me()).deviceRules).toEqual(DEFAULT_DEVICE_RULES);
    expect((await pull()).deviceRules).toEqual(DEFAULT_DEVICE_RULES);
  });

  it("a change in the office shows in the next pull, /me and sign-in", async () => {
    await changeRules(CHANGED);
    expect((await pull()).deviceRules).toEqual(CHANGED);
    expect((await me()).deviceRules).toEqual(CHANGED);
    expect(LoginResponse.parse(await (await login()).json()).deviceRules).toEqual(CHANGED);
  });

  it("ride on every pull page, not only the first", async () => {
    const clientId = uuidv7();
    const mutations = [1, 2, 3].map((seq) => mutation(seq, "putDraft", { draft: readyDraft() }));
    const pushed = await app.request("/api/sync/push", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookie },
      body: JSON.stringify({ clientId, mutations }),
    });
    expect(pushed.status).toBe(200);
    await changeRules(CHANGED);
    let page = await pull("?limit=1");
    let pages = 1;
    expect(page.deviceRules).toEqual(CHANGED);
    while (page.hasMore) {
      page = await pull(`?limit=1&cursor=${page.cursor}`);
      pages += 1;
      expect(page.deviceRules).toEqual(CHANGED);
    }
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it("read an unreadable stored value as the default, never as an error", async () => {
    await env.db
      .insert(officeSettings)
      .values({ key: "phoneLockMinutes", value: "lima", updatedBy: null, updatedAt: new Date().toISOString() });
    // Not even JSON (written by hand into the database). PostgreSQL's jsonb column refuses what is not JSON:
    // there the nearest thing is JSON of the wrong shape.
    const unreadable = activeDialect() === "postgres" ? '{"sepuluh": 10}' : "sepuluh";
    await rawRun(
      env.db,
      sql`INSERT INTO office_settings (key, value, updated_at) VALUES ('phonePinAttempts', ${unreadable}, ${new Date().toISOString()})`,
    );
    await writeSetting(env.db, "phoneRetentionDays", 7, null, new Date());
    const expected = { ...DEFAULT_DEVICE_RULES, phoneRetentionDays: 7 };
    expect((await me()).deviceRules).toEqual(expected);
    expect((await pull()).deviceRules).toEqual(expected);
  });
});
