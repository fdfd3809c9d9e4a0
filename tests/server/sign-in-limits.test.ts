import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import type { AuthOptions } from "../../server/auth/mount";
import { hashPassword } from "../../server/auth/password";
import { closeDatabase, type Db, openDatabase } from "../../server/db/open";
import { knownDevices, rateLimits, users } from "../../server/db/schema";
import { ApiError } from "../../shared/api/errors";
import { tempDatabase } from "../helpers/temp-db";

// Sign-in limits per address (spraying), per account (guessing, as growing delays) and per known device.
// Client addresses are given as the socket's, the way @hono/node-server passes them to Hono.

const PASSWORD = "kata-sandi-kader-1";
const WRONG = "salah-sandi-12345";
const MINUTE = 60 * 1000;

let passwordHash: string;
let env: Awaited<ReturnType<typeof tempDatabase>>;
let app: ReturnType<typeof createApp>;
let clock: Date;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

function start(auth: Omit<AuthOptions, "now"> = {}) {
  app = createApp({ db: env.db, auth: { now: () => clock, ...auth } });
}

beforeEach(async () => {
  env = await tempDatabase();
  clock = new Date("2026-03-02T08:00:00.000Z");
  start();
});
afterEach(() => env.cleanup());

function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

async function seedUser(db: Db, username: string): Promise<string> {
  const id = uuidv7();
  await db.insert(users).values({
    id,
    username,
    displayName: `Nama ${username}`,
    role: "cadre",
    passwordHash,
    kecamatanCode: "31.75.07",
    kelurahanCode: "31.75.07.1001",
    createdAt: clock.toISOString(),
  });
  return id;
}

interface From {
  address?: string;
  headers?: Record<string, string>;
  cookie?: string;
  url?: string;
}

function login(username: string, password: string, from: From = {}, through = app) {
  const headers: Record<string, string> = { "Content-Type": "application/json", ...from.headers };
  if (from.cookie) headers.Cookie = from.cookie;
  return through.request(
    `${from.url ?? "http://localhost"}/api/auth/login`,
    { method: "POST", headers, body: JSON.stringify({ username, password, deviceLabel: "HP Samsung A14" }) },
    { incoming: { socket: { remoteAddress: from.address ?? "192.0.2.10" } } },
  );
}

function cookieNamed(response: Response, name: string): string | undefined {
  const header = response.headers.get("set-cookie") ?? "";
  const match = new RegExp(`${name}=([^;]*)`).exec(header);
  return match ? `${name}=${match[1]}` : undefined;
}

async function expectRefused(response: Response): Promise<number> {
  expect(response.status).toBe(429);
  expect(ApiError.parse(await response.json()).error.code).toBe("too_many_attempts");
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  return retryAfter;
}

/** Wrong guesses against `username` from `from`, waiting out each delay on the fake clock. */
async function guess(username: string, times: number, from: From = {}): Promise<void> {
  for (let i = 0; i < times; i++) {
    let response = await login(username, WRONG, from);
    if (response.status === 429) {
      advance(Number(response.headers.get("retry-after")) * 1000);
      response = await login(username, WRONG, from);
    }
    expect(response.status).toBe(401);
  }
}

// Each test runs 20 or more scrypt checks: slow on a busy machine.
describe("sign-in limits per address", { timeout: 90_000 }, () => {
  it("refuses a password sprayed over many user names from one address once the cap is reached", async () => {
    for (let i = 0; i < 20; i++) {
      expect((await login(`kader.${i}`, WRONG)).status).toBe(401);
    }
    await expectRefused(await login("kader.20", WRONG));
    // Another address is counted apart.
    expect((await login("kader.21", WRONG, { address: "198.51.100.7" })).status).toBe(401);
  });

  it("counts only failures: an office of cadres signing in from one address is never slowed", async () => {
    // More cadres than the address's failure cap.
    for (let i = 0; i < 25; i++) await seedUser(env.db, `kader.${i}`);
    for (let i = 0; i < 25; i++) expect((await login(`kader.${i}`, PASSWORD)).status).toBe(200);
  });

  it("does not let forged X-Forwarded-For headers make one client look like many", async () => {
    for (let i = 0; i < 20; i++) {
      const headers = { "X-Forwarded-For": `10.0.${i}.1` };
      expect((await login(`kader.${i}`, WRONG, { headers })).status).toBe(401);
    }
    await expectRefused(await login("kader.20", WRONG, { headers: { "X-Forwarded-For": "10.9.9.9" } }));
  });

  it("behind a trusted proxy, takes the address the proxy appended, not one the client wrote", async () => {
    start({ trustProxy: true });
    const proxy = "127.0.0.1";
    for (let i = 0; i < 20; i++) {
      const headers = { "X-Forwarded-For": `10.0.${i}.1, 203.0.113.5` };
      expect((await login(`kader.${i}`, WRONG, { address: proxy, headers })).status).toBe(401);
    }
    const same = { address: proxy, headers: { "X-Forwarded-For": "203.0.113.5" } };
    await expectRefused(await login("kader.20", WRONG, same));
    const other = { address: proxy, headers: { "X-Forwarded-For": "203.0.113.6" } };
    expect((await login("kader.21", WRONG, other)).status).toBe(401);
  });

  it("resets after the window passes", async () => {
    for (let i = 0; i < 20; i++) await login(`kader.${i}`, WRONG);
    const retryAfter = await expectRefused(await login("kader.20", WRONG));
    expect(retryAfter).toBe(15 * 60);
    advance(15 * MINUTE);
    expect((await login("kader.20", WRONG)).status).toBe(401);
  });
});

describe("sign-in limits per account", { timeout: 90_000 }, () => {
  const attacker: From = { address: "203.0.113.66" };

  beforeEach(async () => {
    await seedUser(env.db, "kader.satu");
  });

  it("makes an unknown device wait a growing delay after 5 failures, not a flat lock", async () => {
    await guess("kader.satu", 5, attacker);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const retryAfter = await expectRefused(await login("kader.satu", WRONG, attacker));
      waits.push(retryAfter);
      advance(retryAfter * 1000);
      expect((await login("kader.satu", WRONG, attacker)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    // Even the right password waits: the delay is what caps guessing.
    const unknownDevice: From = { address: "198.51.100.20" };
    expect(await expectRefused(await login("kader.satu", PASSWORD, unknownDevice))).toBe(16);
    advance(16 * 1000);
    expect((await login("kader.satu", PASSWORD, unknownDevice)).status).toBe(200);
  });

  it("caps the delay at 15 minutes", async () => {
    await guess("kader.satu", 25, attacker);
    expect(await expectRefused(await login("kader.satu", WRONG, attacker))).toBe(15 * 60);
  });

  it("lets the owner's known device sign in with the right password after 20 wrong guesses elsewhere", async () => {
    const owner: From = { address: "192.0.2.44" };
    const first = await login("kader.satu", PASSWORD, owner);
    expect(first.status).toBe(200);
    const device = cookieNamed(first, "masdarin_device");
    expect(device).toBeDefined();
    const ownerSignedOut: From = { ...owner, cookie: device };

    await guess("kader.satu", 20, attacker);
    await expectRefused(await login("kader.satu", PASSWORD, { address: "198.51.100.20" }));
    expect((await login("kader.satu", PASSWORD, ownerSignedOut)).status).toBe(200);
  });

  it("lets a device holding a live session for the account sign in again despite the account's failures", async () => {
    const first = await login("kader.satu", PASSWORD);
    const session = cookieNamed(first, "masdarin_session");
    expect(session).toBeDefined();
    await guess("kader.satu", 20, attacker);
    expect((await login("kader.satu", PASSWORD, { cookie: session })).status).toBe(200);
  });

  it("gives a known device its own small budget, then delays it too", async () => {
    const first = await login("kader.satu", PASSWORD);
    const device = { cookie: cookieNamed(first, "masdarin_device") };
    await guess("kader.satu", 5, device);
    expect(await expectRefused(await login("kader.satu", WRONG, device))).toBe(1);
    // A known device's typos count against its own budget only, not the account's.
    const other = await login("kader.satu", PASSWORD, { address: "192.0.2.99" });
    expect(other.status).toBe(200);
  });

  it("does not accept a device cookie remembered for another account", async () => {
    await seedUser(env.db, "kader.dua");
    const first = await login("kader.dua", PASSWORD);
    const device = { cookie: cookieNamed(first, "masdarin_device"), address: "198.51.100.30" };
    await guess("kader.satu", 20, attacker);
    await expectRefused(await login("kader.satu", PASSWORD, device));
  });

  it("starts the counts again after a success", async () => {
    await guess("kader.satu", 5, attacker);
    await expectRefused(await login("kader.satu", PASSWORD, attacker));
    advance(1000);
    expect((await login("kader.satu", PASSWORD, attacker)).status).toBe(200);
    await guess("kader.satu", 4, attacker);
    expect((await login("kader.satu", PASSWORD, attacker)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login("kader.satu", WRONG, attacker)).status).toBe(401);
  });
});

describe("device cookie", { timeout: 90_000 }, () => {
  beforeEach(async () => {
    await seedUser(env.db, "kader.satu");
  });

  it("is long-lived, HttpOnly, SameSite=Strict, Secure over https, and stored only as a hash", async () => {
    const plain = await login("kader.satu", PASSWORD);
    const header = (plain.headers.get("set-cookie") ?? "")
      .split(/,(?=\s*masdarin_)/)
      .find((part) => part.includes("masdarin_device="));
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Strict/i);
    expect(header).not.toMatch(/Secure/i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(header ?? "")?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(365 * 24 * 60 * 60);

    const secure = await login("kader.satu", PASSWORD, { url: "https://masdarin.example" });
    const secureHeader = secure.headers.get("set-cookie") ?? "";
    expect(secureHeader).toMatch(/masdarin_device=[^;]+;[^,]*Secure/i);

    const value = cookieNamed(plain, "masdarin_device")?.split("=")[1] ?? "";
    const rows = await env.db.select().from(knownDevices);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.deviceHash).not.toContain(value);
  });

  it("keeps its id when the device signs in again", async () => {
    const first = await login("kader.satu", PASSWORD);
    const device = cookieNamed(first, "masdarin_device");
    const again = await login("kader.satu", PASSWORD, { cookie: device });
    expect(again.status).toBe(200);
    expect(cookieNamed(again, "masdarin_device") ?? device).toBe(device);
    expect(await env.db.select().from(knownDevices)).toHaveLength(1);
  });
});

describe("sign-in limits across app servers", { timeout: 90_000 }, () => {
  it("counts failures in the database: two servers on one database share one budget", async () => {
    // A second app server: its own handle on the same database, its own limits object.
    const secondDb = await openDatabase(env.file);
    try {
      const second = createApp({ db: secondDb, auth: { now: () => clock } });
      const servers = [app, second];
      await seedUser(env.db, "kader.satu");
      // Per account: five failures spread over both servers, then the sixth waits, whichever server it reaches.
      for (let i = 0; i < 5; i++) {
        expect((await login("kader.satu", WRONG, { address: `198.51.100.${i}` }, servers[i % 2])).status).toBe(401);
      }
      for (const server of servers) {
        expect(await expectRefused(await login("kader.satu", PASSWORD, { address: "198.51.100.99" }, server))).toBe(1);
      }
      // Per address: 20 failures, alternating servers, then the address is refused on both.
      for (let i = 0; i < 20; i++) {
        expect((await login(`kader.${i}`, WRONG, { address: "203.0.113.9" }, servers[i % 2])).status).toBe(401);
      }
      for (const server of servers) {
        const retryAfter = await expectRefused(await login("kader.x", WRONG, { address: "203.0.113.9" }, server));
        expect(retryAfter).toBe(15 * 60);
      }
      // A success through either server clears the account's count for both.
      advance(1000);
      expect((await login("kader.satu", PASSWORD, { address: "198.51.100.99" }, second)).status).toBe(200);
      expect((await login("kader.satu", WRONG, { address: "198.51.100.98" }, app)).status).toBe(401);
    } finally {
      await closeDatabase(secondDb);
    }
  });

  it("keeps the table bounded: rows whose limit has passed are pruned", async () => {
    for (let i = 0; i < 5; i++)
      expect((await login(`kader.${i}`, WRONG, { address: `192.0.2.${i}` })).status).toBe(401);
    // 5 addresses + 5 accounts.
    expect(await env.db.select().from(rateLimits)).toHaveLength(10);
    // A day later every one of them is the same as none: the next attempt prunes them.
    advance(24 * 60 * MINUTE);
    expect((await login("kader.9", WRONG, { address: "192.0.2.9" })).status).toBe(401);
    expect((await env.db.select({ key: rateLimits.key }).from(rateLimits)).map((row) => row.key).sort()).toEqual([
      "sign-in:account:kader.9",
      "sign-in:address:192.0.2.9",
    ]);
  });
});
