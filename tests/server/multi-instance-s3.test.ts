import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, watch, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeS3, startFakeS3 } from "../helpers/fake-s3";
import { padded, plainImage } from "../helpers/images";
import { createTestDatabase, postgresBinaries, startPostgres, type TestPostgres } from "../helpers/postgres";
import { runCli, type ServerProcess, signIn, startServerProcess } from "../helpers/server-process";

/*
 * Issue 16, photos in object storage: two real server processes
 * (server/main.ts) share ONE PostgreSQL database and ONE S3-compatible bucket
 * (PHOTO_STORE=s3, s3rver on a loopback port) and NO folder: each has its own
 * DATA_DIR. Two cadres upload through both at once, the same photo through
 * both at the same moment, and one instance is killed (SIGKILL) holding two
 * uploads whose first halves are in the bucket, one idle, the other in the
 * middle of its second PATCH. The phone, as tus-js-client does, asks another
 * instance where each upload stands (HEAD), hears the offset the bucket
 * holds, and sends the rest from there. At the end, from the bucket and the database themselves: every
 * photo is one object under its SHA-256 whose bytes hash to that name, one
 * `files` row each, the shared photo held by both cadres, and of the uploads
 * only their completion records.
 * Waits are for events (health answers, the victim's bytes in its work
 * folder's tmp/, the process's exit), never a fixed delay.
 */

const installed = postgresBinaries() !== undefined;
const ADMIN = { username: "admin-uji-s3", password: "sandi-admin-uji-s3-1" };
const CADRE_PASSWORD = "sandi-kader-uji-s3-1";
const KECAMATAN = "31.75.07";
const TUS = "/api/files/tus/";
const PHOTO_BYTES = 150_000;

type Bytes = Uint8Array<ArrayBuffer>;
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const b64 = (text: string) => Buffer.from(text).toString("base64");

let cluster: TestPostgres | undefined;
let s3: FakeS3 | undefined;
let databaseUrl = "";
let staticDir = "";
const dataDirs: string[] = [];
const servers: ServerProcess[] = [];

function environment(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...s3?.env,
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
    MASDARIN_ADMIN_PASSWORD: ADMIN.password,
  };
}

beforeAll(async () => {
  if (!installed) return;
  cluster = await startPostgres();
  databaseUrl = await createTestDatabase(undefined, cluster.url);
  s3 = await startFakeS3();
  staticDir = mkdtempSync(join(tmpdir(), "masdarin-s3multi-static-"));
  writeFileSync(join(staticDir, "index.html"), "<!doctype html><html><body></body></html>\n");
  for (let i = 0; i < 2; i++) dataDirs.push(mkdtempSync(join(tmpdir(), `masdarin-s3multi-${i}-`)));
  const [, ...instances] = await Promise.all([
    runCli("server/cli/admin.ts", ["create-admin", "--username", ADMIN.username, "--name", "Admin Uji"], {
      ...environment(dataDirs[0] as string),
    }),
    ...["a", "b"].map((name, i) => startServerProcess({ name, env: environment(dataDirs[i] as string) })),
  ]);
  servers.push(...(instances as ServerProcess[]));
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop().catch(() => undefined)));
  await cluster?.stop();
  await s3?.stop();
  for (const dir of [...dataDirs, staticDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const tusHeaders = (cookie: string, extra: Record<string, string> = {}) => ({
  "Tus-Resumable": "1.0.0",
  Cookie: cookie,
  ...extra,
});

async function create(server: ServerProcess, cookie: string, photo: Bytes): Promise<string> {
  const response = await fetch(`${server.base}${TUS}`, {
    method: "POST",
    headers: tusHeaders(cookie, {
      "Upload-Length": String(photo.byteLength),
      "Upload-Metadata": `sha256 ${b64(sha256(photo))},mime ${b64("image/jpeg")}`,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (response.headers.get("Location") ?? "").split("/").pop() ?? "";
}

/** The whole page through one instance, as a phone with a good connection: create, one PATCH. */
async function upload(server: ServerProcess, cookie: string, photo: Bytes): Promise<void> {
  const id = await create(server, cookie, photo);
  const response = await fetch(`${server.base}${TUS}${id}`, {
    method: "PATCH",
    headers: tusHeaders(cookie, { "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" }),
    body: photo,
  });
  expect(response.status, await response.clone().text()).toBe(204);
}

describe.skipIf(!installed)("two app servers on one PostgreSQL and one S3 bucket, no shared folder", () => {
  it("stores every photo once, verified, when uploads cross instances and one is killed mid-upload", async () => {
    const [a, victim] = servers as [ServerProcess, ServerProcess];
    const adminCookie = await signIn(a, ADMIN.username, ADMIN.password);
    const cadres: { id: string; cookie: string }[] = [];
    for (let index = 0; index < 2; index++) {
      const username = `kader-s3-${index}`;
      const created = await fetch(`${victim.base}/api/users`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: adminCookie },
        body: JSON.stringify({
          username,
          displayName: `Kader S3 ${index}`,
          role: "cadre",
          password: CADRE_PASSWORD,
          kecamatanCode: KECAMATAN,
        }),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const { user } = (await created.json()) as { user: { id: string } };
      cadres.push({ id: user.id, cookie: await signIn(servers[index] as ServerProcess, username, CADRE_PASSWORD) });
    }
    const [first, second] = cadres as [{ id: string; cookie: string }, { id: string; cookie: string }];

    const picture = await plainImage(1600, 1200, "jpeg");
    const photo = () => padded(picture, PHOTO_BYTES);
    const own = [0, 1].map(() => [photo(), photo(), photo()]);
    const shared = photo();

    // Both cadres at once, each page to the other instance in turn; the shared photo through both at the same moment.
    await Promise.all([
      ...cadres.flatMap((cadre, c) =>
        (own[c] as Bytes[]).map((bytes, p) => upload(servers[(c + p) % 2] as ServerProcess, cadre.cookie, bytes)),
      ),
      upload(a, first.cookie, shared),
      upload(victim, second.cookie, shared),
    ]);

    // Two uploads whose first halves reached the bucket through the victim: one idle when it dies, the other
    // in the middle of its second PATCH.
    const resting = photo();
    const cut = photo();
    const half = Math.floor(cut.byteLength / 2);
    const restingId = await create(victim, first.cookie, resting);
    const cutId = await create(victim, first.cookie, cut);
    const patchTo = (server: ServerProcess, id: string, from: number, body: BodyInit) =>
      fetch(`${server.base}${TUS}${id}`, {
        method: "PATCH",
        headers: tusHeaders(first.cookie, {
          "Upload-Offset": String(from),
          "Content-Type": "application/offset+octet-stream",
        }),
        body,
        duplex: "half",
      } as RequestInit);
    for (const [id, bytes] of [
      [restingId, resting],
      [cutId, cut],
    ] as const) {
      const firstHalf = await patchTo(victim, id, 0, bytes.slice(0, half));
      expect(firstHalf.headers.get("Upload-Offset")).toBe(String(half));
    }
    let release!: () => void;
    const gone = new Promise<void>((done) => {
      release = done;
    });
    const stalled = patchTo(
      victim,
      cutId,
      half,
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(cut.slice(half, half + 20_000));
        },
        pull: (controller) =>
          gone.then(() => {
            try {
              controller.error(new Error("the server is gone"));
            } catch {
              // Already cancelled by the failed request.
            }
          }),
      }),
    ).catch(() => "no answer" as const);
    // @tus/s3-store takes the stored tail (shorter than S3's 5 MB part minimum) out of the bucket into the
    // PATCH it is receiving, gathered with the new bytes in the work folder's tmp/ (the server's TMPDIR with
    // PHOTO_STORE=s3): the event is a gathered file longer than that tail.
    const gatheredIn = join(dataDirs[1] as string, "files", "tmp");
    const gathering = () =>
      existsSync(gatheredIn) && readdirSync(gatheredIn).some((name) => statSync(join(gatheredIn, name)).size > half);
    // The folder's own change events say when to look again: no clock.
    await new Promise<void>((resolve) => {
      const watcher = watch(gatheredIn, () => {
        if (!gathering()) return;
        watcher.close();
        resolve();
      });
      if (gathering()) {
        watcher.close();
        resolve();
      }
    });
    await victim.kill();
    release();
    expect(await stalled).toBe("no answer");

    // The phone asks another instance where each upload stands, and continues from there: the idle one at
    // the offset the victim acknowledged; the cut one from the start, its tail gone with the dead request
    // (never a wrong byte: the offset only ever says what the bucket holds).
    for (const [id, bytes, offset] of [
      [restingId, resting, half],
      [cutId, cut, 0],
    ] as const) {
      const asked = await fetch(`${a.base}${TUS}${id}`, { method: "HEAD", headers: tusHeaders(first.cookie) });
      expect(asked.status).toBe(200);
      expect(asked.headers.get("Upload-Offset")).toBe(String(offset));
      const rest = await patchTo(a, id, offset, bytes.slice(offset));
      expect(rest.status, await rest.clone().text()).toBe(204);
    }

    // ---- What the bucket and the database hold ----
    const all = [...(own[0] as Bytes[]), ...(own[1] as Bytes[]), shared, resting, cut];
    const expected = new Set(all.map(sha256));
    const client = new S3Client({
      region: "us-east-1",
      endpoint: s3?.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3?.bucket }));
    const everything = (listed.Contents ?? []).map((object) => object.Key ?? "");
    const keys = everything.filter((key) => key.startsWith("files/")).sort();
    expect(keys).toEqual([...expected].map((hash) => `files/${hash.slice(0, 2)}/${hash}`).sort());
    // Of the uploads (all finished), only their completion records: no bytes left beside the photos.
    const uploads = everything.filter((key) => !key.startsWith("files/"));
    expect(uploads.every((key) => /^[0-9a-f]{32}\.(info|done)$/.test(key))).toBe(true);
    expect(uploads).toHaveLength(2 * (all.length + 1));
    for (const key of keys) {
      const object = await client.send(new GetObjectCommand({ Bucket: s3?.bucket, Key: key }));
      const bytes = await object.Body?.transformToByteArray();
      expect(sha256(bytes ?? new Uint8Array())).toBe(key.split("/").pop());
    }

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const rows = (await db.query<{ sha256: string }>("SELECT sha256 FROM files")).rows.map((row) => row.sha256);
      expect(rows.sort()).toEqual([...expected].sort());
      const holders = await db.query<{ user_id: string }>("SELECT user_id FROM file_holders WHERE sha256 = $1", [
        sha256(shared),
      ]);
      expect(holders.rows.map((row) => row.user_id).sort()).toEqual([first.id, second.id].sort());
    } finally {
      await db.end();
    }

    // Every instance that lives answers for every photo: the rows and the bucket are shared.
    for (const bytes of all) {
      const cadre = own[1]?.includes(bytes) ? second : first;
      const held = await fetch(`${a.base}/api/files/sha256/${sha256(bytes)}`, { headers: { Cookie: cadre.cookie } });
      expect(held.status).toBe(200);
    }
    // No photo and no upload was kept on a living app server's disk (the victim's half PATCH waits in
    // its tmp/ for its next start, which deletes it: s3-photo-store.ts clearAbandonedCopies).
    expect(readdirSync(join(dataDirs[0] as string, "files")).filter((name) => name !== "tmp")).toEqual([]);
    expect(readdirSync(join(dataDirs[0] as string, "files", "tmp"))).toEqual([]);
  }, 240_000);
});
