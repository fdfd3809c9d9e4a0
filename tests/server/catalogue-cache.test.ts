import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { activeDialect } from "../../server/db/dialect";
import { sqliteDriver } from "../../server/db/maintenance";
import { closeDatabase, type Db, openDatabase } from "../../server/db/open";
import { catalogueCacheCounters } from "../../server/guides/catalogue-cache";
import { importCatalogue } from "../../server/guides/import";
import { listGuides, publishGuide, withdrawGuide } from "../../server/guides/repository";
import { CataloguePage } from "../../shared/api/catalogue";
import { Guide } from "../../shared/guide";
import { createTestUser } from "../helpers/accounts";
import { createTestDatabase, dropTestDatabase } from "../helpers/postgres";
import { sampleGuide } from "../helpers/sample-guide";
import { seededDatabase } from "../helpers/temp-db";

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
const others: Db[] = [];
/** PostgreSQL databases made by copyOfDatabase, dropped after each test. */
const copies: string[] = [];

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db });
});
afterEach(async () => {
  for (const db of others.splice(0)) await closeDatabase(db);
  for (const url of copies.splice(0)) await dropTestDatabase(url);
  await env.cleanup();
});

/** Another connection to the same file: what a second app process sees. */
async function secondConnection(file = env.file): Promise<Db> {
  const db = await openDatabase(file);
  others.push(db);
  return db;
}

/**
 * A copy of the database as it is now (a backup restored elsewhere): a copy of the SQLite file; on PostgreSQL a
 * database made from it as a template, which nobody may be connected to meanwhile (the app's connection is
 * closed for the copy and opened again).
 */
async function copyOfDatabase(): Promise<Db> {
  if (activeDialect() !== "postgres") {
    sqliteDriver(env.db)?.pragma("wal_checkpoint(TRUNCATE)");
    const copyFile = join(env.dir, "restored.sqlite");
    copyFileSync(env.file, copyFile);
    return secondConnection(copyFile);
  }
  const { file, dir } = env;
  await closeDatabase(env.db);
  const copyUrl = await createTestDatabase(
    decodeURIComponent(new URL(file).pathname.slice(1)),
    process.env.DATABASE_URL,
  );
  const db = await openDatabase(file);
  env = {
    ...env,
    db,
    cleanup: async () => {
      await closeDatabase(db);
      await dropTestDatabase(file);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  app = createApp({ db });
  const copy = await secondConnection(copyUrl);
  copies.push(copyUrl);
  return copy;
}

/** The catalogue exactly as the route serialised it before it was cached (c.json of the page). */
async function freshSerialisation(db: Db): Promise<string> {
  const rows = await listGuides(db);
  const head = Math.max(0, ...(await listGuides(db, 0)).map((row) => row.changeSeq));
  return JSON.stringify({
    cursor: `c1.${head}`,
    reset: true,
    guides: rows.map((row) => row.guide),
    withdrawn: [],
  });
}

async function fetchCatalogue(acceptEncoding?: string, path = "/api/guides", on = app) {
  const response = await on.request(path, {
    headers: acceptEncoding === undefined ? {} : { "Accept-Encoding": acceptEncoding },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const encoding = response.headers.get("content-encoding");
  const text = (
    encoding === "gzip" ? gunzipSync(bytes) : encoding === "br" ? brotliDecompressSync(bytes) : bytes
  ).toString("utf8");
  return { response, bytes, encoding, text };
}

describe("the catalogue served from memory", () => {
  it.each([
    ["no Accept-Encoding, uncompressed", undefined, null],
    ["identity, uncompressed", "identity", null],
    ["gzip, in gzip", "gzip", "gzip"],
    ["a browser's gzip, deflate, br, in brotli", "gzip, deflate, br", "br"],
    ["gzip preferred by q-value, in gzip", "br;q=0.5, gzip", "gzip"],
    ["*, in brotli", "*", "br"],
    ["gzip and br refused, uncompressed", "gzip;q=0, br;q=0", null],
  ])("answers %s, with the same bytes as a fresh serialisation", async (_label, accept, expected) => {
    const { response, bytes, encoding, text } = await fetchCatalogue(accept);
    expect(response.status).toBe(200);
    expect(encoding).toBe(expected);
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(text).toBe(await freshSerialisation(env.db));
    if (expected) expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(text) / 3);
  });

  it("serialises and compresses the catalogue once for many requests", async () => {
    const before = { ...catalogueCacheCounters };
    for (let i = 0; i < 10; i++) await fetchCatalogue("gzip");
    for (let i = 0; i < 10; i++) await fetchCatalogue(undefined);
    expect(catalogueCacheCounters.serialised - before.serialised).toBe(1);
    expect(catalogueCacheCounters.compressed - before.compressed).toBe(1);
    // A delta is cached the same way, per `since` value.
    const { cursor } = CataloguePage.parse(JSON.parse((await fetchCatalogue()).text));
    for (let i = 0; i < 5; i++) await fetchCatalogue("gzip", `/api/guides?since=${cursor}`);
    expect(catalogueCacheCounters.serialised - before.serialised).toBe(2);
  });

  it("builds the catalogue again after a publish, a withdrawal and an import", async () => {
    const first = CataloguePage.parse(JSON.parse((await fetchCatalogue("gzip")).text));
    await publishGuide(env.db, sampleGuide());
    const published = await fetchCatalogue("gzip");
    expect(CataloguePage.parse(JSON.parse(published.text)).guides.map((g) => g.id)).toContain("surat-contoh");
    expect(published.response.headers.get("etag")).not.toBe(
      (await app.request(`/api/guides?since=${first.cursor}`)).headers.get("etag"),
    );

    await withdrawGuide(env.db, "surat-contoh");
    const withdrawn = await fetchCatalogue("br");
    expect(CataloguePage.parse(JSON.parse(withdrawn.text)).guides.map((g) => g.id)).not.toContain("surat-contoh");
    expect(withdrawn.text).toBe(await freshSerialisation(env.db));

    const { id, username } = await createTestUser(env.db, "admin");
    const admin = {
      id,
      username,
      displayName: username,
      role: "admin" as const,
      kecamatanCode: null,
      kelurahanCode: null,
    };
    const guide = Guide.parse({ ...sampleGuide({ id: "surat-impor" }) });
    await importCatalogue(env.db, admin, [guide], "Impor uji", new Date());
    const imported = await fetchCatalogue("gzip");
    expect(CataloguePage.parse(JSON.parse(imported.text)).guides.map((g) => g.id)).toContain("surat-impor");
    expect(imported.text).toBe(await freshSerialisation(env.db));
  });

  it("sees a publish made by another process on the same database file", async () => {
    const before = await fetchCatalogue("gzip");
    await publishGuide(await secondConnection(), sampleGuide());
    const after = await fetchCatalogue("gzip");
    expect(after.response.headers.get("etag")).not.toBe(before.response.headers.get("etag"));
    expect(CataloguePage.parse(JSON.parse(after.text)).guides.map((g) => g.id)).toContain("surat-contoh");
    expect(after.text).toBe(await freshSerialisation(env.db));
  });

  it("keeps a bounded number of deltas, the least recently used dropped first", async () => {
    const { cursor } = CataloguePage.parse(JSON.parse((await fetchCatalogue()).text));
    const head = Number(cursor.slice(3));
    const sinceValues = Array.from({ length: 40 }, (_, i) => head - i).filter((seq) => seq >= 0);
    expect(sinceValues.length).toBeGreaterThan(33);
    const first = sinceValues[0] as number;
    const before = catalogueCacheCounters.serialised;
    for (const since of sinceValues) await app.request(`/api/guides?since=c1.${since}`);
    expect(catalogueCacheCounters.serialised - before).toBe(sinceValues.length);
    // The most recent is still held; the first, 40 deltas ago, was dropped.
    await app.request(`/api/guides?since=c1.${sinceValues.at(-1)}`);
    expect(catalogueCacheCounters.serialised - before).toBe(sinceValues.length);
    await app.request(`/api/guides?since=c1.${first}`);
    expect(catalogueCacheCounters.serialised - before).toBe(sinceValues.length + 1);
  });
});

describe("catalogue ETags that do not depend on the process", () => {
  it("gives two app processes on one database identical tags, each answering the other's with 304", async () => {
    const other = createApp({ db: await secondConnection() });
    const id = "surat-contoh";
    await publishGuide(env.db, sampleGuide());
    const full = await app.request("/api/guides");
    const { cursor } = CataloguePage.parse(await full.json());
    for (const path of ["/api/guides", `/api/guides?since=c1.0`, `/api/guides?since=${cursor}`, `/api/guides/${id}`]) {
      const tag = (await app.request(path)).headers.get("etag") ?? "";
      expect(tag).toMatch(/^W\/"/);
      expect((await other.request(path)).headers.get("etag")).toBe(tag);
      const revalidated = await other.request(path, { headers: { "If-None-Match": tag } });
      expect(revalidated.status).toBe(304);
      const back = (await other.request(path)).headers.get("etag") ?? "";
      expect((await app.request(path, { headers: { "If-None-Match": back } })).status).toBe(304);
    }
  });

  it("gives a copy of the database that went its own way a different tag at the same counter", async () => {
    const copy = await copyOfDatabase();
    const restored = createApp({ db: copy });
    // Identical databases: identical content, identical tags.
    const tag = (await app.request("/api/guides")).headers.get("etag") ?? "";
    expect((await restored.request("/api/guides")).headers.get("etag")).toBe(tag);
    // Each publishes something else up to the same counter, a moment apart.
    await publishGuide(env.db, sampleGuide(), new Date("2026-12-01T10:00:00.000Z"));
    await publishGuide(copy, sampleGuide({ id: "surat-lain" }), new Date("2026-12-01T10:00:00.001Z"));
    const mine = await app.request("/api/guides");
    const theirs = await restored.request("/api/guides");
    const mineTag = mine.headers.get("etag") ?? "";
    expect(CataloguePage.parse(await mine.json()).cursor).toBe(CataloguePage.parse(await theirs.json()).cursor);
    expect(theirs.headers.get("etag")).not.toBe(mineTag);
    expect((await restored.request("/api/guides", { headers: { "If-None-Match": mineTag } })).status).toBe(200);
  });
});
