import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { readPhotoStore } from "../../server/config";
import { activeDialect } from "../../server/db/dialect";
import { files } from "../../server/db/schema";
import { configuredStores } from "../../server/files/configured-store";
import type { PhotoStore } from "../../server/files/photo-store";
import { ABANDONED_COPY_MS, s3PhotoStore } from "../../server/files/s3-photo-store";
import { backup, restore } from "../../server/ops/backup";
import { backupPostgres, restorePostgres } from "../../server/ops/backup-postgres";
import { removeStoredPhotos } from "../../server/retention/photos";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { type FakeS3, startFakeS3 } from "../helpers/fake-s3";
import { freePort } from "../helpers/free-port";
import { documentImage, imageSize, padded, plainImage } from "../helpers/images";
import { seededDatabase } from "../helpers/temp-db";
import { sha256Hex, tusCreate, tusPatch, tusUpload } from "../helpers/tus-client";

/** readyDraft's applicant lives in Gambir; another kecamatan's cadre is a stranger to its photos. */
const GAMBIR = "31.71.01";
const MENTENG = "31.71.06";
const HOUR = 60 * 60 * 1000;

let s3: FakeS3;
let database: Awaited<ReturnType<typeof seededDatabase>>;
let filesDir: string;
let photos: PhotoStore;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;
let photo: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  s3 = await startFakeS3();
  photo = await plainImage(1000, 750);
});
afterAll(async () => s3?.stop());

beforeEach(async () => {
  database = await seededDatabase();
  filesDir = join(database.dir, "files");
  photos = s3.store(filesDir);
  app = createApp({ db: database.db, filesDir, photos, incoming: s3.incoming(filesDir) });
  cadre = await createTestUser(database.db, "cadre", { kecamatanCode: GAMBIR });
});
afterEach(async () => database.cleanup());

/** A different readable JPEG on every call (random bytes after its end marker). */
function uniquePhoto(): Uint8Array<ArrayBuffer> {
  return padded(photo, photo.byteLength + 64 + Math.floor(Math.random() * 1000));
}

/** The bucket's top level: tus uploads in progress (`<id>`, `<id>.part`) and their records (`<id>.info`). */
async function uploadKeys(): Promise<string[]> {
  return (await bucketKeys()).filter((key) => !key.startsWith("files/"));
}

async function bucketKeys(): Promise<string[]> {
  const client = new S3Client({
    region: "us-east-1",
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }));
  return (listed.Contents ?? []).map((object) => object.Key ?? "");
}

async function bytesOf(store: PhotoStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.read(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describe("PHOTO_STORE=s3: page files in an S3-compatible bucket", () => {
  it("stores a verified upload as one object named by its hash, byte for byte, and none on the app server's disk", async () => {
    const data = uniquePhoto();
    const hash = sha256Hex(data);
    expect((await tusUpload(app, cadre, data, "image/jpeg")).status).toBe(204);

    expect(await bucketKeys()).toContain(`files/${hash.slice(0, 2)}/${hash}`);
    expect((await bytesOf(photos, hash)).equals(Buffer.from(data))).toBe(true);
    const [row] = await database.db.select().from(files).where(eq(files.sha256, hash));
    expect(row).toMatchObject({ bytes: data.byteLength, mime: "image/jpeg", width: 1000, height: 750 });
    // Nothing on the app server's disk; of the upload, the bucket keeps only its completion record.
    expect(existsSync(join(filesDir, hash.slice(0, 2)))).toBe(false);
    expect(existsSync(join(filesDir, "incoming"))).toBe(false);
    expect((await uploadKeys()).filter((key) => !key.endsWith(".info") && !key.endsWith(".done"))).toEqual([]);
    const held = await app.request(`/api/files/sha256/${hash}`, { headers: { Cookie: cadre.cookie } });
    expect(held.status).toBe(200);
  });

  it("keeps uploads in progress in the bucket: cut on one app server, continued on another at its offset, stored once", async () => {
    const otherDir = join(database.dir, "other-server");
    const other = createApp({
      db: database.db,
      filesDir: otherDir,
      photos: s3.store(otherDir),
      incoming: s3.incoming(otherDir),
    });
    const data = padded(photo, 700_000);
    const hash = sha256Hex(data);
    const headers = { "Tus-Resumable": "1.0.0", Cookie: cadre.cookie };
    const created = await tusCreate(app, cadre, data.byteLength, hash, "image/jpeg");
    expect(created.status).toBe(201);
    const url = created.headers.get("Location") ?? "";
    const id = url.split("/").pop() ?? "";
    const patch = (target: typeof app, from: number, to: number) =>
      tusPatch(target, cadre, url, from, data.slice(from, to));
    expect((await patch(app, 0, 300_000)).headers.get("Upload-Offset")).toBe("300000");

    const asked = await other.request(url, { method: "HEAD", headers });
    expect(asked.status).toBe(200);
    expect(asked.headers.get("Upload-Offset")).toBe("300000");
    expect(asked.headers.get("Upload-Length")).toBe(String(data.byteLength));
    const last = await patch(other, 300_000, data.byteLength);
    expect(last.status, await last.clone().text()).toBe(204);

    expect((await bytesOf(photos, hash)).equals(Buffer.from(data))).toBe(true);
    expect((await uploadKeys()).filter((key) => key.startsWith(id))).toEqual([`${id}.done`, `${id}.info`]);
    // After a lost answer, either app server says the upload is complete.
    for (const target of [app, other]) {
      const head = await target.request(url, { method: "HEAD", headers });
      expect(head.headers.get("Upload-Offset")).toBe(String(data.byteLength));
    }
    for (const dir of [filesDir, otherDir]) expect(existsSync(join(dir, "incoming"))).toBe(false);
  });

  it("expires an upload in the bucket idle past UPLOAD_EXPIRY_HOURS with its bytes, and keeps a finished one's record", async () => {
    let clock = new Date();
    let sweep!: () => Promise<{ expired: number; finished: number }>;
    const swept = createApp({
      db: database.db,
      filesDir,
      photos,
      incoming: s3.incoming(filesDir),
      auth: { now: () => clock },
      uploadExpiry: {
        maxIdleMs: 24 * HOUR,
        onSweep: (run) => {
          sweep = run;
        },
      },
    });
    const done = uniquePhoto();
    expect((await tusUpload(swept, cadre, done, "image/jpeg")).status).toBe(204);
    const idle = padded(photo, 400_000);
    const created = await tusCreate(swept, cadre, idle.byteLength, sha256Hex(idle), "image/jpeg");
    const url = created.headers.get("Location") ?? "";
    const id = url.split("/").pop() ?? "";
    const sent = await tusPatch(swept, cadre, url, 0, idle.slice(0, 100_000));
    expect(sent.headers.get("Upload-Offset")).toBe("100000");
    expect((await uploadKeys()).filter((key) => key.startsWith(id)).sort()).toEqual([`${id}.info`, `${id}.part`]);

    // Within the limit nothing goes; past it the idle upload goes, record and bytes.
    expect(await sweep()).toEqual({ expired: 0, finished: 0 });
    const records = (await uploadKeys()).filter((key) => key.endsWith(".info"));
    clock = new Date(Date.now() + 25 * HOUR);
    expect(await sweep()).toEqual({ expired: 1, finished: 0 });
    expect((await uploadKeys()).filter((key) => key.startsWith(id))).toEqual([]);
    // The finished upload's photo and every completion record stay.
    expect(await photos.size(sha256Hex(done))).toBe(done.byteLength);
    expect((await uploadKeys()).filter((key) => key.endsWith(".info"))).toEqual(
      records.filter((key) => key !== `${id}.info`),
    );
  });

  it("verifies before the bucket sees anything: a wrong hash, a wrong type and an unreadable photo leave no object", async () => {
    const data = uniquePhoto();
    const other = uniquePhoto();
    const before = await bucketKeys();
    const wrongHash = await tusCreate(app, cadre, data.byteLength, sha256Hex(other), "image/jpeg");
    const refused = await tusPatch(app, cadre, wrongHash.headers.get("Location") ?? "", 0, data);
    expect(refused.status).toBe(422);
    expect(await errorCode(refused)).toBe("hash_mismatch");

    const text = new TextEncoder().encode("bukan foto, hanya teks biasa ".repeat(40));
    const mistyped = await tusUpload(app, cadre, text, "image/jpeg");
    expect(mistyped.status).toBe(415);
    expect(await errorCode(mistyped)).toBe("type_mismatch");

    const tiny = await documentImage(200, 150, "jpeg");
    const small = await tusUpload(app, cadre, tiny, "image/jpeg");
    expect(await errorCode(small)).toBe("image_too_small");

    expect(await bucketKeys()).toEqual(before);
    expect(
      await database.db
        .select()
        .from(files)
        .where(eq(files.sha256, sha256Hex(other))),
    ).toEqual([]);
  });

  it("keeps identical content once, and holds it only for those who sent it", async () => {
    const data = uniquePhoto();
    const hash = sha256Hex(data);
    const stranger = await createTestUser(database.db, "cadre", { kecamatanCode: MENTENG });
    expect((await tusUpload(app, cadre, data, "image/jpeg")).status).toBe(204);

    // Another office's cadre asking for it hears what they would for content never stored.
    const asked = await app.request(`/api/files/sha256/${hash}`, { headers: { Cookie: stranger.cookie } });
    expect(asked.status).toBe(404);
    expect(await errorCode(asked)).toBe("file_not_found");

    // Sending the same bytes makes them a holder; the bucket still has one object.
    expect((await tusUpload(app, stranger, data, "image/jpeg")).status).toBe(204);
    const heldNow = await app.request(`/api/files/sha256/${hash}`, { headers: { Cookie: stranger.cookie } });
    expect(heldNow.status).toBe(200);
    expect((await bucketKeys()).filter((key) => key.endsWith(hash))).toHaveLength(1);
  });

  it("serves a reviewer the page from the bucket, a large photo as a rendition made on this server; others get 404", async () => {
    const operator = await createTestUser(database.db, "operator", { kecamatanCode: GAMBIR });
    const outsider = await createTestUser(database.db, "operator", { kecamatanCode: MENTENG });
    const large = await documentImage(4000, 3000, "jpeg", { quality: 80 });
    const hash = sha256Hex(large);
    expect((await tusUpload(app, cadre, large, "image/jpeg")).status).toBe(204);

    const draft = readyDraft();
    const ktp = draft.documents["ktp-el"]?.pages[0];
    if (!ktp) throw new Error("readyDraft has no KTP page");
    const { width, height } = await imageSize(large);
    Object.assign(ktp, { sha256: hash, mime: "image/jpeg", bytes: large.byteLength, width, height });
    // The draft's other pages: rows only (the upload path is what this file tests, through the KTP page).
    await storeFilesOf(database.db, draft, cadre.id);
    const pushed = await app.request("/api/sync/push", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
      body: JSON.stringify({ clientId: uuidv7(), mutations: [mutation(1, "submitApplication", { draft })] }),
    });
    expect(((await pushed.json()) as { results: { status: string }[] }).results[0]?.status).toBe("applied");

    const url = `/api/console/applications/${draft.id}/files/${hash}`;
    const served = await app.request(url, { headers: { Cookie: operator.cookie } });
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    const rendition = await imageSize(new Uint8Array(await served.arrayBuffer()));
    expect(Math.max(rendition.width, rendition.height)).toBe(2400);
    // The original in the bucket is unchanged; the rendition is this server's derived copy.
    expect(
      createHash("sha256")
        .update(await bytesOf(photos, hash))
        .digest("hex"),
    ).toBe(hash);
    expect(existsSync(join(filesDir, "views", `${hash}.webp`))).toBe(true);
    expect(readdirSync(join(filesDir, "tmp"))).toEqual([]);

    const refused = await app.request(url, { headers: { Cookie: outsider.cookie } });
    expect(refused.status).toBe(404);
  });

  it("deletes expired photos' objects and their renditions (retention)", async () => {
    const data = uniquePhoto();
    const hash = sha256Hex(data);
    expect((await tusUpload(app, cadre, data, "image/jpeg")).status).toBe(204);
    expect(await removeStoredPhotos(photos, [hash])).toBe(0);
    expect(await photos.size(hash)).toBeNull();
    expect((await bucketKeys()).filter((key) => key.endsWith(hash))).toEqual([]);
    // Already gone is not a failure.
    expect(await removeStoredPhotos(photos, [hash])).toBe(0);
  });

  it("reports the store in /api/health: ok while the bucket answers, degraded (503) when it does not", async () => {
    const healthy = await app.request("/api/health");
    expect(((await healthy.json()) as { storage: string }).storage).toBe("ok");
    const gone = createApp({ db: database.db, filesDir, photos: s3.store(filesDir, "no-such-bucket") });
    const answer = await gone.request("/api/health");
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({ status: "degraded", storage: "error" });
  });

  it("answers 503 storage_unreachable, not 'missing' nor 500, while the bucket does not answer", async () => {
    const data = uniquePhoto();
    const hash = sha256Hex(data);
    expect((await tusUpload(app, cadre, data, "image/jpeg")).status).toBe(204);
    // The same database, its bucket on an address where nothing listens.
    const endpoint = `http://127.0.0.1:${await freePort()}`;
    const dead = s3PhotoStore({
      bucket: s3.bucket,
      endpoint,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      workDir: filesDir,
    });
    const cut = createApp({ db: database.db, filesDir, photos: dead });

    const asked = await cut.request(`/api/files/sha256/${hash}`, { headers: { Cookie: cadre.cookie } });
    expect(asked.status).toBe(503);
    expect(await errorCode(asked)).toBe("storage_unreachable");
    const sent = await tusUpload(cut, cadre, uniquePhoto(), "image/jpeg");
    expect(sent.status).toBe(503);
    const body = (await sent.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("storage_unreachable");
    expect(body.error.message).toContain("coba lagi");
  });

  it("backs up the bucket's photos into the backup folder, and a restore puts them back in the bucket", async () => {
    const data = uniquePhoto();
    const hash = sha256Hex(data);
    expect((await tusUpload(app, cadre, data, "image/jpeg")).status).toBe(204);
    const destination = mkdtempSync(join(tmpdir(), "masdarin-s3-backup-"));
    try {
      const made =
        activeDialect() === "postgres"
          ? await backupPostgres(database.file, database.dir, destination, { photos })
          : await backup(database.dir, destination, { photos });
      expect(made.files).toBe(1);
      expect(existsSync(join(destination, "files", hash.slice(0, 2), hash))).toBe(true);

      expect(await photos.remove(hash)).toBe("removed");
      const restored =
        activeDialect() === "postgres"
          ? await restorePostgres(destination, database.file, database.dir, { photos })
          : await restore(destination, database.dir, { photos });
      expect(restored.files).toBe(1);
      expect((await bytesOf(photos, hash)).equals(Buffer.from(data))).toBe(true);
    } finally {
      rmSync(destination, { recursive: true, force: true });
    }
  });
});

describe("PHOTO_STORE in the environment", () => {
  it("is the data folder without it, a bucket with PHOTO_STORE=s3 and S3_BUCKET", async () => {
    expect(readPhotoStore({})).toEqual({ kind: "disk" });
    expect(readPhotoStore({ PHOTO_STORE: "s3", S3_BUCKET: "foto", S3_ENDPOINT: "http://127.0.0.1:9000" })).toEqual({
      kind: "s3",
      bucket: "foto",
      prefix: "files/",
      endpoint: "http://127.0.0.1:9000",
      region: undefined,
    });
    const stores = await configuredStores(readPhotoStore(s3.env), filesDir);
    expect(stores.photos.kind).toBe("s3");
    expect(stores.incoming).toBeDefined();
    expect((await configuredStores(readPhotoStore({}), filesDir)).incoming).toBeUndefined();
  });

  it("clears the decoder's copies a killed server left behind when it starts again, and only those", async () => {
    const tmp = join(filesDir, "tmp");
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, "left-by-a-crash.copy"), "foto KTP");
    const hourAndMore = new Date(Date.now() - ABANDONED_COPY_MS - 60_000);
    utimesSync(join(tmp, "left-by-a-crash.copy"), hourAndMore, hourAndMore);
    writeFileSync(join(tmp, "in-use-now.copy"), "foto KK");
    await configuredStores(readPhotoStore(s3.env), filesDir);
    expect(readdirSync(tmp)).toEqual(["in-use-now.copy"]);
  });

  it("names what is wrong with the settings before the server starts", () => {
    expect(() => readPhotoStore({ PHOTO_STORE: "ftp" })).toThrow(/PHOTO_STORE must be disk or s3/);
    expect(() => readPhotoStore({ PHOTO_STORE: "s3" })).toThrow(/needs S3_BUCKET/);
    expect(() => readPhotoStore({ PHOTO_STORE: "s3", S3_BUCKET: "b", S3_ENDPOINT: "minio:9000" })).toThrow(
      /S3_ENDPOINT must be an http/,
    );
    expect(() => readPhotoStore({ PHOTO_STORE: "s3", S3_BUCKET: "b", S3_PREFIX: "../x/" })).toThrow(/S3_PREFIX/);
  });
});
