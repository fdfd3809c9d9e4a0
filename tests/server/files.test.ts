import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { activeDialect } from "../../server/db/dialect";
import type { Db } from "../../server/db/open";
import { files } from "../../server/db/schema";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import {
  documentImage,
  imageSize,
  jpegDeclaring,
  padded,
  plainImage,
  truncated,
  withOrientation,
} from "../helpers/images";
import { seededDatabase } from "../helpers/temp-db";

const MB = 1024 * 1024;
type Bytes = Uint8Array<ArrayBuffer>;
const TUS = "/api/files/tus/";

let database: Awaited<ReturnType<typeof seededDatabase>>;
let filesDir: string;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;

beforeEach(async () => {
  database = await seededDatabase();
  filesDir = join(database.dir, "files");
  app = createApp({ db: database.db, filesDir });
  cadre = await createTestUser(database.db, "cadre");
});
afterEach(async () => database.cleanup());

function sha256(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A real 1000 × 750 JPEG (under 5 KB): the server decodes every picture it is sent. */
let smallestReadable: Bytes;
beforeAll(async () => {
  smallestReadable = await plainImage(1000, 750);
});

/** A readable JPEG of exactly `size` bytes, different on every call (random bytes after its end marker). */
function jpeg(size: number): Bytes {
  return padded(smallestReadable, size);
}

function fakePdf(size: number): Bytes {
  const data = randomBytes(size);
  data.set(Buffer.from("%PDF-1.4\n"), 0);
  return new Uint8Array(data);
}

function metadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

function tusHeaders(user: TestUser | null, extra: Record<string, string> = {}): Record<string, string> {
  return { "Tus-Resumable": "1.0.0", ...(user ? { Cookie: user.cookie } : {}), ...extra };
}

async function create(
  size: number,
  meta: Record<string, string>,
  { user = cadre, target = app }: { user?: TestUser | null; target?: typeof app } = {},
): Promise<Response> {
  return target.request(TUS, {
    method: "POST",
    headers: tusHeaders(user, { "Upload-Length": String(size), "Upload-Metadata": metadata(meta) }),
  });
}

async function createOk(data: Bytes, meta: Record<string, string>, target = app): Promise<string> {
  const response = await create(data.byteLength, meta, { target });
  expect(response.status, await response.clone().text()).toBe(201);
  const location = response.headers.get("Location") ?? "";
  expect(location).toMatch(/^\/api\/files\/tus\/[0-9a-f]{32}$/);
  return location;
}

function patch(
  url: string,
  offset: number,
  body: Bytes,
  { user = cadre, target = app }: { user?: TestUser | null; target?: typeof app } = {},
) {
  return target.request(url, {
    method: "PATCH",
    headers: tusHeaders(user, {
      "Upload-Offset": String(offset),
      "Content-Type": "application/offset+octet-stream",
    }),
    body,
  });
}

function head(url: string, { user = cadre, target = app }: { user?: TestUser | null; target?: typeof app } = {}) {
  return target.request(url, { method: "HEAD", headers: tusHeaders(user) });
}

async function upload(data: Bytes, meta: Record<string, string>): Promise<Response> {
  return patch(await createOk(data, meta), 0, data);
}

async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error: { code: string } };
  return body.error.code;
}

function storedPath(hash: string): string {
  return join(filesDir, hash.slice(0, 2), hash);
}

async function fileRow(db: Db, hash: string) {
  return (await db.select().from(files).where(eq(files.sha256, hash)))[0];
}

/** A PNG whose IHDR claims `width` × `height`, its checksum made right again so only the pixel data tells. */
function pngDeclaring(png: Uint8Array, width: number, height: number): Bytes {
  const out = new Uint8Array(png);
  const view = new DataView(out.buffer);
  // Signature (8), then IHDR: length (4), "IHDR" (4), width (4), height (4), 5 more bytes, CRC (4).
  view.setUint32(16, width);
  view.setUint32(20, height);
  view.setUint32(29, crc32(out.subarray(12, 29)));
  return out;
}

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

/** What incoming/ holds besides the `<id>.json` records of completed uploads. */
function incomingData(): string[] {
  return tree(join(filesDir, "incoming")).filter((name) => !name.endsWith(".json"));
}

describe("tus uploads", () => {
  it("stores a finished upload under its hash and records it, after create → PATCH in chunks", async () => {
    const data = jpeg(700_000);
    const hash = sha256(data);
    const url = await createOk(data, { sha256: hash, mime: "image/jpeg" });

    const first = await patch(url, 0, data.subarray(0, 256 * 1024));
    expect(first.status).toBe(204);
    expect(first.headers.get("Upload-Offset")).toBe(String(256 * 1024));
    expect(await fileRow(database.db, hash)).toBeUndefined();
    expect((await app.request(`/api/files/sha256/${hash}`, { headers: { Cookie: cadre.cookie } })).status).toBe(404);

    const last = await patch(url, 256 * 1024, data.subarray(256 * 1024));
    expect(last.status).toBe(204);
    expect(last.headers.get("Upload-Offset")).toBe(String(data.byteLength));

    expect(readFileSync(storedPath(hash)).equals(Buffer.from(data))).toBe(true);
    expect(await fileRow(database.db, hash)).toMatchObject({
      sha256: hash,
      bytes: data.byteLength,
      mime: "image/jpeg",
      uploadedBy: cadre.id,
    });
    expect(incomingData()).toEqual([]);

    // A HEAD after a lost response says "complete" instead of making the phone start over.
    const again = await head(url);
    expect(again.status).toBe(200);
    expect(again.headers.get("Upload-Offset")).toBe(String(data.byteLength));
    expect(again.headers.get("Upload-Length")).toBe(String(data.byteLength));
  });

  it("accepts a PDF, a WebP and a PNG, each checked by its magic bytes", async () => {
    const pdf = fakePdf(40_000);
    expect((await upload(pdf, { sha256: sha256(pdf), mime: "application/pdf" })).status).toBe(204);
    const webp = await plainImage(1200, 900, "webp");
    expect((await upload(webp, { sha256: sha256(webp), mime: "image/webp" })).status).toBe(204);
    const png = await plainImage(900, 1200, "png");
    expect((await upload(png, { sha256: sha256(png), mime: "image/png" })).status).toBe(204);
    // A PDF is not decoded: no pixel size.
    expect(await fileRow(database.db, sha256(pdf))).toMatchObject({
      mime: "application/pdf",
      width: null,
      height: null,
    });
    expect(await fileRow(database.db, sha256(webp))).toMatchObject({ mime: "image/webp", width: 1200, height: 900 });
    expect(await fileRow(database.db, sha256(png))).toMatchObject({ mime: "image/png", width: 900, height: 1200 });
  });

  it("refuses content whose hash is not the declared one, and keeps nothing", async () => {
    const data = jpeg(100_000);
    const declared = sha256(jpeg(100_000));
    const url = await createOk(data, { sha256: declared, mime: "image/jpeg" });
    const response = await patch(url, 0, data);
    expect(response.status).toBe(422);
    expect(response.headers.get("Content-Type")).toContain("application/json");
    expect(await errorCode(response)).toBe("hash_mismatch");
    expect(await fileRow(database.db, declared)).toBeUndefined();
    expect(await fileRow(database.db, sha256(data))).toBeUndefined();
    expect(tree(filesDir).filter((name) => !name.startsWith("incoming"))).toEqual([]);
    expect(tree(join(filesDir, "incoming"))).toEqual([]);
    expect((await head(url)).status).toBe(404);
  });

  it("refuses a text file declared as a JPEG (type_mismatch), and a JPEG declared as a WebP", async () => {
    const text = new TextEncoder().encode("Nama: Siti Aminah\nNIK: 3171015203900001\n".repeat(50));
    const refused = await upload(text, { sha256: sha256(text), mime: "image/jpeg" });
    expect(refused.status).toBe(415);
    expect(await errorCode(refused)).toBe("type_mismatch");

    const photo = jpeg(20_000);
    const mislabelled = await upload(photo, { sha256: sha256(photo), mime: "image/webp" });
    expect(await errorCode(mislabelled)).toBe("type_mismatch");

    // A PNG declared as a JPEG: refused by content too.
    const png = await plainImage(1200, 900, "png");
    expect(await errorCode(await upload(png, { sha256: sha256(png), mime: "image/jpeg" }))).toBe("type_mismatch");

    expect(await database.db.select().from(files)).toEqual([]);
    expect(tree(filesDir)).toEqual([]);
  });

  it("refuses uploads over 6 MB, declared or sent", async () => {
    const hash = sha256(new Uint8Array([1]));
    const tooLong = await create(6 * MB + 1, { sha256: hash, mime: "image/jpeg" });
    expect(tooLong.status).toBe(413);
    expect(await errorCode(tooLong)).toBe("upload_too_large");

    // Exactly 6 MB is allowed.
    const max = jpeg(6 * MB);
    expect((await upload(max, { sha256: sha256(max), mime: "image/jpeg" })).status).toBe(204);

    // More bytes than declared are refused before anything is written past the length.
    const small = jpeg(6000);
    const url = await createOk(small, { sha256: sha256(small), mime: "image/jpeg" });
    const overflow = await patch(url, 0, jpeg(7000));
    expect(overflow.status).toBe(413);
    expect(await errorCode(overflow)).toBe("upload_too_large");
    expect(await fileRow(database.db, sha256(small))).toBeUndefined();
  });

  it("refuses creation without a valid sha256 and page mime, or with a deferred length", async () => {
    const hash = sha256(jpeg(5000));
    for (const meta of <Record<string, string>[]>[
      { mime: "image/jpeg" },
      { sha256: hash },
      { sha256: hash.toUpperCase(), mime: "image/jpeg" },
      { sha256: hash.slice(1), mime: "image/jpeg" },
      { sha256: hash, mime: "image/gif" },
      { sha256: hash, mime: "image/heic" },
      { sha256: hash, mime: "text/html" },
    ]) {
      const response = await create(1000, meta);
      expect(response.status, JSON.stringify(meta)).toBe(400);
      expect(await errorCode(response)).toBe("invalid_upload_metadata");
    }
    const deferred = await app.request(TUS, {
      method: "POST",
      headers: tusHeaders(cadre, {
        "Upload-Defer-Length": "1",
        "Upload-Metadata": metadata({ sha256: hash, mime: "image/jpeg" }),
      }),
    });
    expect(deferred.status).toBe(400);
    // Deferring the length is a tus extension the server does not offer (tus-hardening.test.ts).
    expect(await errorCode(deferred)).toBe("tus_extension_not_supported");
    const noProtocol = await app.request(TUS, { method: "POST", headers: { Cookie: cadre.cookie } });
    expect(noProtocol.status).toBe(412);
    expect(await errorCode(noProtocol)).toBe("invalid_upload");
    expect(tree(join(filesDir, "incoming"))).toEqual([]);
  });

  it("stores identical content once; both uploads succeed, one after the other and at the same time", async () => {
    const data = jpeg(300_000);
    const hash = sha256(data);
    expect((await upload(data, { sha256: hash, mime: "image/jpeg" })).status).toBe(204);
    expect((await upload(data, { sha256: hash, mime: "image/jpeg" })).status).toBe(204);

    const other = jpeg(200_000);
    const urls = await Promise.all([1, 2, 3].map(() => createOk(other, { sha256: sha256(other), mime: "image/jpeg" })));
    const results = await Promise.all(urls.map((url) => patch(url, 0, other)));
    expect(results.map((r) => r.status)).toEqual([204, 204, 204]);

    expect(tree(filesDir).filter((name) => !name.startsWith("incoming"))).toEqual(
      [join(hash.slice(0, 2), hash), join(sha256(other).slice(0, 2), sha256(other))].sort(),
    );
    expect(incomingData()).toEqual([]);
    expect(await database.db.select().from(files)).toHaveLength(2);
  });

  it("resumes after a server restart: HEAD gives the offset, the rest is PATCHed, the file is stored", async () => {
    const data = jpeg(1_000_000);
    const hash = sha256(data);
    const url = await createOk(data, { sha256: hash, mime: "image/jpeg" });
    const half = 500_000;
    expect((await patch(url, 0, data.subarray(0, half))).status).toBe(204);

    // "Restart": a new app (new tus server, new locks, nothing in memory) on the same database and folder.
    const restarted = createApp({ db: database.db, filesDir });
    const resumed = await head(url, { target: restarted });
    expect(resumed.status).toBe(200);
    expect(resumed.headers.get("Upload-Offset")).toBe(String(half));
    expect(resumed.headers.get("Upload-Length")).toBe(String(data.byteLength));

    // Sending from 0 again is a conflict, not a silent overwrite.
    const fromZero = await patch(url, 0, data, { target: restarted });
    expect(fromZero.status).toBe(409);
    expect(await errorCode(fromZero)).toBe("upload_offset_conflict");

    expect((await patch(url, half, data.subarray(half), { target: restarted })).status).toBe(204);
    expect(readFileSync(storedPath(hash)).equals(Buffer.from(data))).toBe(true);
    expect((await fileRow(database.db, hash))?.uploadedBy).toBe(cadre.id);
  });

  it("finishes, on the next HEAD, an upload whose last bytes were written when the server stopped", async () => {
    const data = jpeg(400_000);
    const hash = sha256(data);
    const url = await createOk(data, { sha256: hash, mime: "image/jpeg" });
    expect((await patch(url, 0, data.subarray(0, 100_000))).status).toBe(204);
    // The server wrote the rest, then died before verifying it.
    const id = url.split("/").at(-1) ?? "";
    writeFileSync(join(filesDir, "incoming", id), data);

    const restarted = createApp({ db: database.db, filesDir });
    const response = await head(url, { target: restarted });
    expect(response.status).toBe(200);
    expect(response.headers.get("Upload-Offset")).toBe(String(data.byteLength));
    expect(await fileRow(database.db, hash)).toBeDefined();
    expect(existsSync(storedPath(hash))).toBe(true);
  });

  it("keeps each upload to the cadre who started it", async () => {
    const data = jpeg(10_000);
    const url = await createOk(data, { sha256: sha256(data), mime: "image/jpeg" });
    const other = await createTestUser(database.db, "cadre");
    expect((await head(url, { user: other })).status).toBe(404);
    const hijack = await patch(url, 0, data, { user: other });
    expect(hijack.status).toBe(404);
    expect(await errorCode(hijack)).toBe("upload_not_found");
    const removal = await app.request(url, { method: "DELETE", headers: tusHeaders(other) });
    expect(removal.status).toBe(404);
    expect((await patch(url, 0, data)).status).toBe(204);
    expect((await fileRow(database.db, sha256(data)))?.uploadedBy).toBe(cadre.id);
  });

  it("ignores client file names and refuses path tricks in ids; nothing is written outside the files folder", async () => {
    const before = readdirSync(database.dir).sort();
    const data = jpeg(5_000);
    const hash = sha256(data);
    const url = await createOk(data, {
      sha256: hash,
      mime: "image/jpeg",
      filename: "../../../../masdarin.sqlite",
      name: "/etc/passwd",
      id: "../escape",
    });
    expect(url).not.toContain("escape");
    const info = JSON.parse(readFileSync(join(filesDir, "incoming", `${url.split("/").at(-1)}.json`), "utf8"));
    expect(Object.keys(info.metadata).sort()).toEqual(["mime", "owner", "sha256"]);

    for (const bad of [
      "%2e%2e%2f%2e%2e%2fmasdarin.sqlite",
      "..%2F..%2Fmasdarin.sqlite",
      "..%5C..%5Cmasdarin.sqlite",
      "%2e%2e",
      "abc",
      `${"a".repeat(32)}%00`,
      `${"a".repeat(32)}/..`,
      "A".repeat(32),
    ]) {
      for (const method of ["HEAD", "PATCH", "DELETE"]) {
        const response = await app.request(`${TUS}${bad}`, {
          method,
          headers: tusHeaders(cadre, { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }),
          ...(method === "PATCH" ? { body: data } : {}),
        });
        expect(response.status, `${method} ${bad}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${bad}`).toBeLessThan(500);
      }
    }
    expect((await patch(url, 0, data)).status).toBe(204);
    expect(readdirSync(database.dir).sort()).toEqual(before.includes("files") ? before : [...before, "files"].sort());
    expect(tree(filesDir).filter((name) => !name.endsWith(".json"))).toEqual([join(hash.slice(0, 2), hash)]);
    // The SQLite file beside them is untouched (on PostgreSQL there is none in the folder).
    if (activeDialect() === "sqlite") expect(statSync(join(database.dir, "masdarin.sqlite")).size).toBeGreaterThan(0);
  });

  it("answers 405 to GET on the upload URLs: partial uploads are never readable", async () => {
    const data = jpeg(5_000);
    const url = await createOk(data, { sha256: sha256(data), mime: "image/jpeg" });
    expect((await app.request(url, { headers: tusHeaders(cadre) })).status).toBe(405);
    expect((await app.request(TUS, { method: "PATCH", headers: tusHeaders(cadre) })).status).toBe(405);
  });

  it("is only for signed-in cadres", async () => {
    const data = jpeg(5_000);
    const anonymous = await create(5_000, { sha256: sha256(data), mime: "image/jpeg" }, { user: null });
    expect(anonymous.status).toBe(401);
    expect(await errorCode(anonymous)).toBe("session_required");
    const url = await createOk(data, { sha256: sha256(data), mime: "image/jpeg" });
    expect((await patch(url, 0, data, { user: null })).status).toBe(401);
    expect((await head(url, { user: null })).status).toBe(401);
    const operator = await createTestUser(database.db, "operator");
    expect((await create(5_000, { sha256: sha256(data), mime: "image/jpeg" }, { user: operator })).status).toBe(403);
    expect(tree(join(filesDir, "incoming"))).toHaveLength(2); // the cadre's upload: data file + record
  });

  it("passes on the session's sliding renewal (Set-Cookie) on tus answers", async () => {
    const later = createApp({
      db: database.db,
      filesDir,
      auth: { now: () => new Date(Date.now() + 2 * 60 * 60 * 1000) },
    });
    const data = jpeg(5_000);
    const created = await create(5_000, { sha256: sha256(data), mime: "image/jpeg" }, { target: later });
    expect(created.status).toBe(201);
    expect(created.headers.get("Set-Cookie")).toContain("masdarin_session=");
    expect(created.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
  });

  it("refuses a cross-site upload (the Origin check applies to /api/files too)", async () => {
    const data = jpeg(5_000);
    const response = await app.request(TUS, {
      method: "POST",
      headers: tusHeaders(cadre, {
        Origin: "https://evil.example",
        "Upload-Length": "5000",
        "Upload-Metadata": metadata({ sha256: sha256(data), mime: "image/jpeg" }),
      }),
    });
    expect(response.status).toBe(403);
    expect(await errorCode(response)).toBe("csrf_failed");
  });
});

describe("decoding uploaded pictures", () => {
  /** Uploads `data` completely and expects a refusal with `code`: a 4xx, never a 5xx, and nothing kept. */
  async function expectRefused(data: Bytes, mime: string, code: string, status: number): Promise<Response> {
    const response = await upload(data, { sha256: sha256(data), mime });
    expect(response.status).toBe(status);
    expect(await errorCode(response.clone())).toBe(code);
    expect(await fileRow(database.db, sha256(data))).toBeUndefined();
    expect(tree(filesDir).filter((name) => !name.startsWith("incoming"))).toEqual([]);
    expect(incomingData()).toEqual([]);
    return response;
  }

  it("refuses a 200 × 150 photo as too small to read (image_too_small), says why, and stores nothing", async () => {
    const tiny = await documentImage(200, 150);
    const response = await expectRefused(tiny, "image/jpeg", "image_too_small", 422);
    const body = (await response.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/terlalu kecil.*1000 piksel/);

    // One pixel short of the rule, in English.
    const short = await plainImage(999, 700, "png");
    const url = await createOk(short, { sha256: sha256(short), mime: "image/png" });
    const english = await app.request(url, {
      method: "PATCH",
      headers: tusHeaders(cadre, {
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
        "Accept-Language": "en",
      }),
      body: short,
    });
    expect(english.status).toBe(422);
    expect(((await english.json()) as { error: { message: string } }).error).toMatchObject({
      code: "image_too_small",
      message: expect.stringMatching(/too small.*1000 pixels/),
    });
    expect(await database.db.select().from(files)).toEqual([]);
  });

  it("accepts a 1600 × 1200 JPEG and a PNG, byte for byte, and records their size as seen", async () => {
    const photo = await documentImage(1600, 1200);
    expect((await upload(photo, { sha256: sha256(photo), mime: "image/jpeg" })).status).toBe(204);
    expect(readFileSync(storedPath(sha256(photo))).equals(Buffer.from(photo))).toBe(true);
    expect(await fileRow(database.db, sha256(photo))).toMatchObject({ mime: "image/jpeg", width: 1600, height: 1200 });

    const screenshot = await documentImage(1080, 1920, "png");
    expect((await upload(screenshot, { sha256: sha256(screenshot), mime: "image/png" })).status).toBe(204);
    expect(await fileRow(database.db, sha256(screenshot))).toMatchObject({
      mime: "image/png",
      width: 1080,
      height: 1920,
    });

    // Stored 1600 × 800 with EXIF orientation 6: seen (and recorded) as 800 × 1600.
    const turned = await withOrientation(await plainImage(1600, 800), 6);
    expect((await upload(turned, { sha256: sha256(turned), mime: "image/jpeg" })).status).toBe(204);
    expect(await fileRow(database.db, sha256(turned))).toMatchObject({ width: 800, height: 1600 });
  });

  it("refuses a JPEG whose header declares 60,000 × 60,000 pixels from the header alone (image_too_large)", async () => {
    const bomb = jpegDeclaring(await plainImage(1000, 750), 60_000, 60_000);
    expect(await imageSize(bomb)).toMatchObject({ width: 60_000, height: 60_000, format: "jpeg" });
    // Not image_unreadable: the server never tried to decode what the header promised.
    await expectRefused(bomb, "image/jpeg", "image_too_large", 413);
    // Just over 60 million pixels is a bomb too; a 50 MP camera's 8192 × 6144 would not be.
    const over = jpegDeclaring(await plainImage(1000, 750), 8_000, 7_600);
    await expectRefused(over, "image/jpeg", "image_too_large", 413);
  });

  it("refuses a truncated JPEG, a JPEG header over garbage and a truncated PNG (image_unreadable)", async () => {
    const cut = truncated(await documentImage(1600, 1200));
    // The header survives the cut: only decoding the whole image finds the damage.
    expect(await imageSize(cut)).toMatchObject({ width: 1600, height: 1200 });
    await expectRefused(cut, "image/jpeg", "image_unreadable", 422);

    const garbage = new Uint8Array(randomBytes(50_000));
    garbage.set([0xff, 0xd8, 0xff, 0xe0], 0);
    await expectRefused(garbage, "image/jpeg", "image_unreadable", 422);

    await expectRefused(truncated(await documentImage(1200, 900, "png"), 0.8), "image/png", "image_unreadable", 422);
  });

  it("refuses a JPEG whose header claims a size its data does not fill (image_unreadable), not recording the lie", async () => {
    const photo = await documentImage(1200, 900);
    // 7000 × 7000 is under the 60-million-pixel bomb limit: only decoding every row finds the lie.
    const lying = jpegDeclaring(photo, 7000, 7000);
    expect(await imageSize(lying)).toMatchObject({ width: 7000, height: 7000 });
    await expectRefused(lying, "image/jpeg", "image_unreadable", 422);
    // Small lies too: a few columns or rows more than the data holds.
    await expectRefused(jpegDeclaring(photo, 1232, 900), "image/jpeg", "image_unreadable", 422);
    await expectRefused(jpegDeclaring(photo, 1200, 960), "image/jpeg", "image_unreadable", 422);
    // A PNG whose IHDR (with a valid checksum) claims more rows than its pixel data holds.
    await expectRefused(
      pngDeclaring(await documentImage(1200, 900, "png"), 1200, 1400),
      "image/png",
      "image_unreadable",
      422,
    );
  });

  it("still takes what the phone sends: re-encoded JPEG and WebP, PNG kept as picked (palette, alpha, interlaced, trailing bytes)", async () => {
    const source = await documentImage(1200, 900, "png");
    const variants: [Bytes, string][] = [
      [await documentImage(2000, 1500, "jpeg", { quality: 80 }), "image/jpeg"],
      [await documentImage(2000, 1500, "webp", { quality: 80 }), "image/webp"],
      [source, "image/png"],
      [padded(source, source.byteLength + 2000), "image/png"],
      [new Uint8Array(await sharp(source).png({ palette: true }).toBuffer()), "image/png"],
      [new Uint8Array(await sharp(source).ensureAlpha(0.5).png().toBuffer()), "image/png"],
      [new Uint8Array(await sharp(source).png({ progressive: true }).toBuffer()), "image/png"],
      [new Uint8Array(await sharp(source).jpeg({ progressive: true }).toBuffer()), "image/jpeg"],
    ];
    for (const [data, mime] of variants) {
      const response = await upload(data, { sha256: sha256(data), mime });
      expect(response.status, `${mime} ${await response.clone().text()}`).toBe(204);
      const { width, height } = await imageSize(data);
      expect(await fileRow(database.db, sha256(data))).toMatchObject({ mime, width, height });
    }
  });
});

describe("pages served to operators", () => {
  /** readyDraft's applicant lives in Gambir: a cadre and an operator of that kecamatan. */
  const GAMBIR = "31.71.01";
  let sender: TestUser;
  let operator: TestUser;

  beforeEach(async () => {
    sender = await createTestUser(database.db, "cadre", { kecamatanCode: GAMBIR });
    operator = await createTestUser(database.db, "operator", { kecamatanCode: GAMBIR });
  });

  /**
   * A submitted application whose KTP page is `photo` (already stored), through the real push: the page is
   * declared with the size the server measured, or would measure, since a submit refuses any other.
   */
  async function submittedWith(photo: Bytes, size?: { width: number; height: number }): Promise<string> {
    const draft = readyDraft();
    const ktp = draft.documents["ktp-el"]?.pages[0];
    if (!ktp) throw new Error("readyDraft has no KTP page");
    const { width, height } = size ?? (await imageSize(photo));
    Object.assign(ktp, { sha256: sha256(photo), mime: "image/jpeg", bytes: photo.byteLength, width, height });
    await storeFilesOf(database.db, draft, sender.id);
    const response = await app.request("/api/sync/push", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: sender.cookie },
      body: JSON.stringify({ clientId: uuidv7(), mutations: [mutation(1, "submitApplication", { draft })] }),
    });
    expect(response.status).toBe(200);
    const pushed = (await response.json()) as { results: { status: string }[] };
    expect(pushed.results[0]?.status, JSON.stringify(pushed)).toBe("applied");
    return draft.id;
  }

  function view(id: string, hash: string) {
    return app.request(`/api/console/applications/${id}/files/${hash}`, { headers: { Cookie: operator.cookie } });
  }

  it("sends a 4000 × 3000 photo at 2400 px at most, made once and kept; the stored original is unchanged", async () => {
    const photo = await documentImage(4000, 3000, "jpeg", { quality: 80 });
    expect(photo.byteLength).toBeLessThanOrEqual(6 * MB);
    const hash = sha256(photo);
    expect((await upload(photo, { sha256: hash, mime: "image/jpeg" })).status).toBe(204);
    const id = await submittedWith(photo);

    const first = await view(id, hash);
    expect(first.status).toBe(200);
    expect(first.headers.get("Content-Type")).toBe("image/webp");
    const served = new Uint8Array(await first.arrayBuffer());
    expect(Number(first.headers.get("Content-Length"))).toBe(served.byteLength);
    expect(await imageSize(served)).toEqual({ width: 2400, height: 1800, format: "webp" });

    // Kept next to the stored files and served again as it is.
    expect(existsSync(join(filesDir, "views", `${hash}.webp`))).toBe(true);
    const again = new Uint8Array(await (await view(id, hash)).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(served))).toBe(true);
    expect(sha256(readFileSync(storedPath(hash)))).toBe(hash);
  });

  it("sends a 1600 × 1200 photo as it was stored", async () => {
    const photo = await documentImage(1600, 1200);
    const hash = sha256(photo);
    expect((await upload(photo, { sha256: hash, mime: "image/jpeg" })).status).toBe(204);
    const response = await view(await submittedWith(photo), hash);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("image/jpeg");
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(photo))).toBe(true);
    expect(existsSync(join(filesDir, "views"))).toBe(false);
  });

  it("reads the size of files stored before uploads were decoded when first served, and records it", async () => {
    /**
     * Bytes written and recorded the way the server did before it decoded uploads, in an application
     * submitted back then: no width or height. (A submit today counts such a file as not held, so the
     * row has the size only while the application is submitted.)
     */
    async function submittedAsBefore(data: Bytes, size: { width: number; height: number }): Promise<string> {
      const hash = await storeAsBefore(data);
      await database.db.update(files).set(size).where(eq(files.sha256, hash));
      const id = await submittedWith(data, size);
      await database.db.update(files).set({ width: null, height: null }).where(eq(files.sha256, hash));
      return id;
    }
    async function storeAsBefore(data: Bytes): Promise<string> {
      const hash = sha256(data);
      mkdirSync(join(filesDir, hash.slice(0, 2)), { recursive: true });
      writeFileSync(storedPath(hash), data);
      await database.db.insert(files).values({
        sha256: hash,
        bytes: data.byteLength,
        mime: "image/jpeg",
        uploadedBy: cadre.id,
        createdAt: "2026-01-01T00:00:00.000Z",
      });
      return hash;
    }
    const large = await documentImage(3000, 2000);
    const hash = sha256(large);
    const response = await view(await submittedAsBefore(large, { width: 3000, height: 2000 }), hash);
    expect(response.status).toBe(200);
    expect(await imageSize(new Uint8Array(await response.arrayBuffer()))).toMatchObject({ width: 2400, height: 1600 });
    expect(await fileRow(database.db, hash)).toMatchObject({ width: 3000, height: 2000 });

    // What the server would refuse today is not sent to a browser either: a 4xx, never the bytes.
    const bomb = jpegDeclaring(await plainImage(1000, 750), 60_000, 60_000);
    const refused = await view(await submittedAsBefore(bomb, { width: 60_000, height: 60_000 }), sha256(bomb));
    expect(refused.status).toBe(422);
    expect(await errorCode(refused)).toBe("image_too_large");
    const garbage = jpeg(20_000).fill(7, 4);
    const unreadable = await view(await submittedAsBefore(garbage, { width: 1600, height: 1200 }), sha256(garbage));
    expect(unreadable.status).toBe(422);
    expect(await errorCode(unreadable)).toBe("image_unreadable");
  });
});

describe("GET|HEAD /api/files/sha256/:hash", () => {
  it("says whether the server holds that content: 404 before, 200 with metadata after", async () => {
    const data = jpeg(50_000);
    const hash = sha256(data);
    const path = `/api/files/sha256/${hash}`;
    const headers = { Cookie: cadre.cookie };
    expect((await app.request(path, { method: "HEAD", headers })).status).toBe(404);
    const missing = await app.request(path, { headers });
    expect(await errorCode(missing)).toBe("file_not_found");

    await upload(data, { sha256: hash, mime: "image/jpeg" });
    const present = await app.request(path, { method: "HEAD", headers });
    expect(present.status).toBe(200);
    expect(present.headers.get("Cache-Control")).toBe("no-store");
    const body = await (await app.request(path, { headers })).json();
    expect(body).toEqual({ sha256: hash, bytes: data.byteLength, mime: "image/jpeg", createdAt: expect.any(String) });

    const operator = await createTestUser(database.db, "operator");
    expect((await app.request(path, { method: "HEAD", headers: { Cookie: operator.cookie } })).status).toBe(200);
  });

  it("answers 404 when the row is there but the bytes are not, so the phone uploads them again", async () => {
    const data = jpeg(50_000);
    const hash = sha256(data);
    await upload(data, { sha256: hash, mime: "image/jpeg" });
    const { rmSync } = await import("node:fs");
    rmSync(storedPath(hash));
    const path = `/api/files/sha256/${hash}`;
    expect((await app.request(path, { method: "HEAD", headers: { Cookie: cadre.cookie } })).status).toBe(404);
    expect((await upload(data, { sha256: hash, mime: "image/jpeg" })).status).toBe(204);
    expect((await app.request(path, { method: "HEAD", headers: { Cookie: cadre.cookie } })).status).toBe(200);
  });

  it("refuses malformed hashes (400), anonymous callers (401) and admins (403)", async () => {
    const hash = "a".repeat(64);
    for (const bad of ["A".repeat(64), "a".repeat(63), `${"a".repeat(63)}g`, "..%2F..%2Fmasdarin.sqlite"]) {
      const response = await app.request(`/api/files/sha256/${bad}`, { headers: { Cookie: cadre.cookie } });
      expect(response.status, bad).toBe(400);
      expect(await errorCode(response)).toBe("invalid_file_hash");
    }
    const anonymous = await app.request(`/api/files/sha256/${hash}`, { method: "HEAD" });
    expect(anonymous.status).toBe(401);
    const admin = await createTestUser(database.db, "admin");
    expect((await app.request(`/api/files/sha256/${hash}`, { headers: { Cookie: admin.cookie } })).status).toBe(403);
  });
});

describe("without a files folder", () => {
  it("answers 503 storage_unavailable", async () => {
    const bare = createApp({ db: database.db });
    const response = await bare.request(`/api/files/sha256/${"a".repeat(64)}`, { headers: { Cookie: cadre.cookie } });
    expect(response.status).toBe(503);
    expect(await errorCode(response)).toBe("storage_unavailable");
    expect((await bare.request(TUS, { method: "POST", headers: tusHeaders(cadre) })).status).toBe(503);
  });
});
