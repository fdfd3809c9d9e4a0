import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { activeDialect } from "../../server/db/dialect";
import { sqliteDriver } from "../../server/db/maintenance";
import { closeDatabase } from "../../server/db/open";
import { rawRun } from "../../server/db/raw";
import { publishGuide, withdrawGuide } from "../../server/guides/repository";
import { seedCatalogue } from "../../server/seed/catalogue";
import { seedIfEmpty } from "../../server/seed/seed";
import { CataloguePage, GuideResponse, Health } from "../../shared/api/catalogue";
import { ApiError } from "../../shared/api/errors";
import { dropTestDatabase } from "../helpers/postgres";
import { sampleGuide } from "../helpers/sample-guide";
import { tempDatabase } from "../helpers/temp-db";

let env: Awaited<ReturnType<typeof tempDatabase>>;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  env = await tempDatabase();
  app = createApp({ db: env.db });
});
afterEach(() => env.cleanup());

async function getJson(path: string, headers: Record<string, string> = {}) {
  const response = await app.request(path, { headers });
  return { response, body: (await response.json()) as unknown };
}

async function expectError(path: string, status: number, code: string, headers: Record<string, string> = {}) {
  const { response, body } = await getJson(path, headers);
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toContain("application/json");
  const error = ApiError.parse(body).error;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

describe("GET /api/health", () => {
  it("reports the database and the catalogue", async () => {
    await seedIfEmpty(env.db);
    const { response, body } = await getJson("/api/health");
    expect(response.status).toBe(200);
    const health = Health.parse(body);
    expect(health).toMatchObject({
      status: "ok",
      database: "ok",
      storage: "not-configured",
      guides: seedCatalogue.length,
    });
  });

  it("answers uncompressed, with its length and without an ETag, even to a client that takes gzip", async () => {
    await seedIfEmpty(env.db);
    const response = await app.request("/api/health", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    const bytes = await response.arrayBuffer();
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("etag")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(Health.parse(JSON.parse(Buffer.from(bytes).toString("utf8"))).guides).toBe(seedCatalogue.length);
  });

  // Counts better-sqlite3's prepare calls: a SQLite connection's own cache (node-postgres names no statements here).
  it.skipIf(activeDialect() === "postgres")(
    "reads the catalogue's figures with statements prepared once, and counts again after a publish",
    async () => {
      await seedIfEmpty(env.db);
      await app.request("/api/health");
      const driver = sqliteDriver(env.db);
      if (!driver) throw new Error("these tests run on SQLite");
      const prepare = vi.spyOn(driver, "prepare");
      for (let i = 0; i < 5; i++) expect((await app.request("/api/health")).status).toBe(200);
      expect(prepare).not.toHaveBeenCalled();
      prepare.mockRestore();
      await publishGuide(env.db, sampleGuide());
      const health = Health.parse(await (await app.request("/api/health")).json());
      expect(health.guides).toBe(seedCatalogue.length + 1);
    },
  );

  it("reports a broken database as degraded, not as a crash", async () => {
    // The connection closed under the app (the SQLite file's handle, the PostgreSQL pool).
    await closeDatabase(env.db);
    const { response, body } = await getJson("/api/health");
    expect(response.status).toBe(503);
    expect(Health.parse(body)).toMatchObject({ status: "degraded", database: "error" });
    const { file } = env;
    env = { ...env, cleanup: async () => (activeDialect() === "postgres" ? dropTestDatabase(file) : undefined) };
  });
});

describe("seeding", () => {
  it("fills an empty catalogue once and never overwrites it", async () => {
    expect(await seedIfEmpty(env.db)).toBe(seedCatalogue.length);
    await publishGuide(env.db, { ...seedCatalogue[0], version: 2 });
    expect(await seedIfEmpty(env.db)).toBe(0);
  });
});

describe("GET /api/guides", () => {
  beforeEach(async () => {
    await seedIfEmpty(env.db);
  });

  it("returns the whole catalogue with a cursor, every guide valid", async () => {
    const { response, body } = await getJson("/api/guides");
    expect(response.status).toBe(200);
    const page = CataloguePage.parse(body);
    expect(page.reset).toBe(true);
    expect(page.withdrawn).toEqual([]);
    expect(page.guides).toHaveLength(seedCatalogue.length);
    expect(page.cursor).toMatch(/^c1\.\d+$/);
  });

  it("returns an empty delta when nothing changed", async () => {
    const full = CataloguePage.parse((await getJson("/api/guides")).body);
    const delta = CataloguePage.parse((await getJson(`/api/guides?since=${full.cursor}`)).body);
    expect(delta).toEqual({ cursor: full.cursor, reset: false, guides: [], withdrawn: [] });
  });

  it("returns only what changed or was withdrawn since the cursor", async () => {
    const full = CataloguePage.parse((await getJson("/api/guides")).body);
    const [first, second] = full.guides;
    if (!first || !second) throw new Error("catalogue too small");
    await publishGuide(env.db, { ...first, version: first.version + 1, fee: { amount: 10_000 } });
    await withdrawGuide(env.db, second.id);
    const delta = CataloguePage.parse((await getJson(`/api/guides?since=${full.cursor}`)).body);
    expect(delta.reset).toBe(false);
    expect(delta.guides.map((g) => [g.id, g.version, g.fee.amount])).toEqual([[first.id, first.version + 1, 10_000]]);
    expect(delta.withdrawn).toEqual([second.id]);
    expect(delta.cursor).not.toBe(full.cursor);
    // The withdrawn guide is gone from the full catalogue and its page.
    const again = CataloguePage.parse((await getJson("/api/guides")).body);
    expect(again.guides.map((g) => g.id)).not.toContain(second.id);
    await expectError(`/api/guides/${second.id}`, 410, "guide_withdrawn");
    // And a delta from the new cursor is empty.
    const after = CataloguePage.parse((await getJson(`/api/guides?since=${delta.cursor}`)).body);
    expect(after.guides).toEqual([]);
    expect(after.withdrawn).toEqual([]);
  });

  it("answers a cursor from the future (a restored server) with the whole catalogue", async () => {
    const page = CataloguePage.parse((await getJson("/api/guides?since=c1.999999")).body);
    expect(page.reset).toBe(true);
    expect(page.guides).toHaveLength(seedCatalogue.length);
  });

  it("sends an ETag and answers 304 when the catalogue is unchanged", async () => {
    const first = await app.request("/api/guides");
    const tag = first.headers.get("etag");
    expect(tag).toBeTruthy();
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const second = await app.request("/api/guides", { headers: { "If-None-Match": tag ?? "" } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
    await publishGuide(env.db, sampleGuide());
    const third = await app.request("/api/guides", { headers: { "If-None-Match": tag ?? "" } });
    expect(third.status).toBe(200);
    expect(third.headers.get("etag")).not.toBe(tag);
  });

  it("answers 304 for an unchanged delta and for an unchanged single guide", async () => {
    const full = CataloguePage.parse((await getJson("/api/guides")).body);
    const delta = await app.request(`/api/guides?since=${full.cursor}`);
    const deltaTag = delta.headers.get("etag") ?? "";
    const again = await app.request(`/api/guides?since=${full.cursor}`, { headers: { "If-None-Match": deltaTag } });
    expect(again.status).toBe(304);
    const id = full.guides[0]?.id ?? "";
    const one = await app.request(`/api/guides/${id}`);
    const oneTag = one.headers.get("etag") ?? "";
    expect((await app.request(`/api/guides/${id}`, { headers: { "If-None-Match": oneTag } })).status).toBe(304);
    // A change to another guide leaves this guide's tag valid; a change to it does not.
    await publishGuide(env.db, sampleGuide());
    expect((await app.request(`/api/guides/${id}`, { headers: { "If-None-Match": oneTag } })).status).toBe(304);
    const stored = full.guides[0];
    if (!stored) throw new Error("empty catalogue");
    await publishGuide(env.db, { ...stored, version: stored.version + 1 });
    expect((await app.request(`/api/guides/${id}`, { headers: { "If-None-Match": oneTag } })).status).toBe(200);
  });

  it("compresses the catalogue for clients that accept gzip", async () => {
    const plain = await app.request("/api/guides");
    const plainBytes = (await plain.arrayBuffer()).byteLength;
    const gzipped = await app.request("/api/guides", { headers: { "Accept-Encoding": "gzip" } });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    const compressedBytes = (await gzipped.arrayBuffer()).byteLength;
    expect(compressedBytes).toBeLessThan(plainBytes / 3);
  });

  it.each([
    ["malformed cursor", "/api/guides?since=abc", "invalid_cursor"],
    ["empty cursor", "/api/guides?since=", "invalid_cursor"],
    ["negative cursor", "/api/guides?since=c1.-1", "invalid_cursor"],
    ["cursor with leading zeros", "/api/guides?since=c1.007", "invalid_cursor"],
    ["unknown cursor version", "/api/guides?since=c2.5", "invalid_cursor"],
    ["huge cursor", `/api/guides?since=c1.${"9".repeat(40)}`, "invalid_cursor"],
    ["unknown parameter", "/api/guides?category=usaha", "invalid_query"],
    ["repeated parameter", "/api/guides?since=c1.1&since=c1.2", "invalid_query"],
  ])("refuses a %s with a 400 and a stable code", async (_name, path, code) => {
    await expectError(path, 400, code);
  });
});

describe("GET /api/guides/:id", () => {
  it("returns one guide", async () => {
    await publishGuide(env.db, sampleGuide());
    const { response, body } = await getJson("/api/guides/surat-contoh");
    expect(response.status).toBe(200);
    expect(GuideResponse.parse(body).guide.title.id).toBe("Surat Keterangan Contoh");
  });

  it("answers unknown ids with 404 guide_not_found", async () => {
    const error = await expectError("/api/guides/tidak-ada", 404, "guide_not_found");
    expect(error.details).toEqual({ id: "tidak-ada" });
  });

  it("answers malformed ids with 400 invalid_guide_id", async () => {
    await expectError("/api/guides/Bad_ID!", 400, "invalid_guide_id");
    await expectError(`/api/guides/${"a".repeat(200)}`, 400, "invalid_guide_id");
  });

  it("speaks Indonesian by default and English when asked", async () => {
    const id = await expectError("/api/guides/tidak-ada", 404, "guide_not_found");
    const en = await expectError("/api/guides/tidak-ada", 404, "guide_not_found", { "Accept-Language": "en-US,en" });
    expect(id.message).toMatch(/tidak ada di katalog/);
    expect(en.message).toMatch(/not in the catalogue/);
  });
});

describe("everything else", () => {
  it("answers unknown API paths with 404 not_found JSON", async () => {
    await expectError("/api/nope", 404, "not_found");
  });

  it("answers other methods on read-only paths with 405 and an Allow header", async () => {
    for (const [method, path] of [
      ["POST", "/api/guides"],
      ["DELETE", "/api/guides/surat-contoh"],
      ["PUT", "/api/health"],
    ] as const) {
      const response = await app.request(path, {
        method,
        headers: { "Content-Type": "application/json" },
        body: method === "DELETE" ? null : "{}",
      });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD");
      expect(ApiError.parse(await response.json()).error.code).toBe("method_not_allowed");
    }
  });

  it("sets security headers on API responses", async () => {
    const response = await app.request("/api/health");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("turns an unexpected failure into a 500 JSON error without details", async () => {
    const logged: string[] = [];
    const broken = createApp({ db: env.db, logError: (message) => logged.push(message) });
    // The table gone under the app (renamed: both engines, whatever refers to it).
    await rawRun(env.db, sql`ALTER TABLE guides RENAME TO guides_gone`);
    const response = await broken.request("/api/guides");
    expect(response.status).toBe(500);
    expect(ApiError.parse(await response.json()).error.code).toBe("internal_error");
    expect(logged).toEqual(["GET /api/guides failed"]);
  });
});
