import { gzipSync } from "node:zlib";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { activeDialect } from "../../server/db/dialect";
import { sqliteDriver } from "../../server/db/maintenance";
import type { Db } from "../../server/db/open";
import { MAX_PUSH_BYTES, type Mutation, PushResponse } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

/** The SQLite driver under `db`: this test reaches the file directly. */
function driverOf(db: Db) {
  const driver = sqliteDriver(db);
  if (!driver) throw new Error("this test runs on SQLite");
  return driver;
}

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;
let clientId: string;
let seq = 0;

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db });
  cadre = await createTestUser(env.db, "cadre");
  clientId = uuidv7();
  seq = 0;
});
afterEach(async () => {
  vi.restoreAllMocks();
  await env.cleanup();
});

function drafts(n: number): Mutation[] {
  return Array.from({ length: n }, () => mutation(++seq, "putDraft", { draft: readyDraft() }));
}

/** A push whose Content-Length is declared, as a phone's fetch and a proxy send it. */
function push(body: string, declaredLength = Buffer.byteLength(body)) {
  return app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cadre.cookie, "Content-Length": String(declaredLength) },
    body,
  });
}

/** A gzip push whose Content-Length is declared (the phone's, since issue 12). */
function pushGzip(zipped: Buffer) {
  return app.request("/api/sync/push", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Content-Encoding": "gzip",
      "Content-Length": String(zipped.byteLength),
      Cookie: cadre.cookie,
    },
    body: new Uint8Array(zipped),
  });
}

describe("the push's fixed costs (issue 12)", () => {
  // About the SQLite driver's own statements (better-sqlite3's Statement objects and transaction functions),
  // which a PostgreSQL pool does not have.
  it.skipIf(activeDialect() === "postgres")(
    "runs one SQLite transaction per push: ten drafts take one BEGIN and one COMMIT, and a savepoint each",
    async () => {
      expect((await push(JSON.stringify({ clientId, mutations: drafts(1) }))).status).toBe(200);
      const driver = driverOf(env.db);
      // Every statement the driver runs, transaction control included, is one of its cached Statement objects.
      const statement = Object.getPrototypeOf(driver.prepare("SELECT 1")) as { run: (...params: unknown[]) => unknown };
      const run = vi.spyOn(statement, "run");
      const built = vi.spyOn(driver, "transaction");
      const response = await push(JSON.stringify({ clientId, mutations: drafts(10) }));
      expect(response.status).toBe(200);
      const body = PushResponse.parse(await response.json());
      expect(body.results.map((result) => result.status)).toEqual(Array(10).fill("applied"));
      const control = run.mock.contexts
        .map((context) =>
          String((context as { source?: string }).source)
            .trim()
            .toLowerCase(),
        )
        .filter((text) => /^(begin|commit|rollback|savepoint|release)\b/.test(text));
      expect(control.filter((text) => text.startsWith("begin"))).toEqual(["begin immediate"]);
      expect(control.filter((text) => text === "commit")).toHaveLength(1);
      expect(control.filter((text) => text.startsWith("savepoint"))).toHaveLength(10);
      expect(control.filter((text) => text.startsWith("rollback"))).toEqual([]);
      // No better-sqlite3 transaction function is built for it: the transaction is plain SQL on the driver's statements.
      expect(built).not.toHaveBeenCalled();
    },
  );

  it("refuses, read whole, a plain body longer than the limit whatever smaller length it declares", async () => {
    const padding = "x".repeat(MAX_PUSH_BYTES);
    const response = await push(JSON.stringify({ clientId, mutations: drafts(1), padding }), 100);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "body_too_large" } });
  });

  it("still sets aside, in a body read whole, the one mutation holding a reserved key, and applies the others", async () => {
    const [first, hostile, last] = drafts(3);
    const text = JSON.stringify({ clientId, mutations: [first, hostile, last] }).replace(
      `"mutationId":"${hostile?.mutationId}"`,
      `"mutationId":"${hostile?.mutationId}","args2":{"constructor":{}}`,
    );
    const response = await push(text);
    expect(response.status).toBe(200);
    const body = PushResponse.parse(await response.json());
    expect(body.results.map((result) => [result.status, result.code])).toEqual([
      ["applied", undefined],
      ["rejected", "invalid-mutation"],
      ["applied", undefined],
    ]);
    expect(body.results[1]?.issues?.[0]?.path).toEqual(["args2", "constructor"]);
  });

  it("refuses the whole body for a reserved key outside the batch's items, even after a clean batch", async () => {
    const text = JSON.stringify({ clientId, mutations: drafts(2) }).replace(/}$/, ',"prototype":{}}');
    const response = await push(text);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: "invalid_body", details: { issues: [{ path: ["prototype"] }] } },
    });
  });

  it("applies a gzip body read whole, as the same push sent plain would", async () => {
    const response = await pushGzip(gzipSync(JSON.stringify({ clientId, mutations: drafts(10) })));
    expect(response.status).toBe(200);
    const body = PushResponse.parse(await response.json());
    expect(body.results.map((result) => result.status)).toEqual(Array(10).fill("applied"));
  });

  it("refuses as too large a gzip body read whole once it inflates past the limit", async () => {
    // 1 MB of spaces in about 1 KB; 500 members inflate to 500 MB from half a megabyte sent.
    const member = gzipSync(Buffer.alloc(1_000_000, " "), { level: 9 });
    const response = await pushGzip(Buffer.concat(Array.from({ length: 500 }, () => member)));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: { code: "body_too_large", details: { maxBytes: MAX_PUSH_BYTES } },
    });
  });

  it("refuses as invalid_gzip a gzip body read whole that is corrupt, cut short or not gzip", async () => {
    const zipped = gzipSync(JSON.stringify({ clientId, mutations: drafts(1) }));
    const corrupt = Buffer.from(zipped).fill(0x55, 20, 60);
    const cut = zipped.subarray(0, zipped.byteLength - 12);
    for (const broken of [corrupt, cut, Buffer.from('{"clientId": "not gzip at all"}')]) {
      const response = await pushGzip(broken);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "invalid_gzip" } });
    }
  });
});
