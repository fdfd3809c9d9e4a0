import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Lock } from "@tus/server";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { activeDialect } from "../../server/db/dialect";
import { closeDatabase, type Db, openDatabase } from "../../server/db/open";
import { postgresConnectionConfig } from "../../server/db/postgres-pool";
import { files } from "../../server/db/schema";
import { PostgresLocker } from "../../server/files/locker";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { padded, plainImage } from "../helpers/images";
import { seededDatabase } from "../helpers/temp-db";

/**
 * Issue 16: the tus locks are shared by every app server (PostgreSQL
 * advisory locks), so an upload resumed through another instance continues
 * at the right offset and is stored once.
 */

type Bytes = Uint8Array<ArrayBuffer>;
const onPostgres = activeDialect() === "postgres";
const TUS = "/api/files/tus/";

let database: Awaited<ReturnType<typeof seededDatabase>>;
/** A second handle on the same database: what a second app server opens. */
let secondDb: Db;
let filesDir: string;
let cadre: TestUser;
let smallest: Bytes;

beforeAll(async () => {
  smallest = await plainImage(1000, 750);
});
beforeEach(async () => {
  database = await seededDatabase();
  secondDb = await openDatabase(database.file);
  filesDir = join(database.dir, "files");
  cadre = await createTestUser(database.db, "cadre");
});
afterEach(async () => {
  await closeDatabase(secondDb);
  await database.cleanup();
});

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const b64 = (text: string) => Buffer.from(text).toString("base64");
const headers = (extra: Record<string, string> = {}) => ({ "Tus-Resumable": "1.0.0", Cookie: cadre.cookie, ...extra });

type App = ReturnType<typeof createApp>;

async function create(app: App, data: Bytes): Promise<string> {
  const response = await app.request(TUS, {
    method: "POST",
    headers: headers({
      "Upload-Length": String(data.byteLength),
      "Upload-Metadata": `sha256 ${b64(sha256(data))},mime ${b64("image/jpeg")}`,
    }),
  });
  expect(response.status).toBe(201);
  return response.headers.get("Location") ?? "";
}

async function patch(app: App, url: string, offset: number, body: BodyInit): Promise<Response> {
  return await app.request(url, {
    method: "PATCH",
    headers: headers({ "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" }),
    body,
    duplex: "half",
  } as RequestInit);
}

async function expectStoredOnce(data: Bytes): Promise<void> {
  const hash = sha256(data);
  const stored = join(filesDir, hash.slice(0, 2), hash);
  expect(sha256(readFileSync(stored))).toBe(hash);
  expect(await database.db.select().from(files).where(eq(files.sha256, hash))).toHaveLength(1);
  expect(readdirSync(join(filesDir, hash.slice(0, 2)))).toEqual([hash]);
  // Nothing left half-written in incoming/ (only the accepted upload's small record).
  expect(readdirSync(join(filesDir, "incoming")).filter((name) => !name.endsWith(".json"))).toEqual([]);
}

describe("an upload resumed through another app server", () => {
  it("continues at the offset the first server wrote and is stored once, verified", async () => {
    const first = createApp({ db: database.db, filesDir });
    const second = createApp({ db: secondDb, filesDir });
    const data = padded(smallest, 600_000);
    const url = await create(first, data);
    expect((await patch(first, url, 0, data.subarray(0, 250_000))).status).toBe(204);

    const resumed = await second.request(url, { method: "HEAD", headers: headers() });
    expect(resumed.status).toBe(200);
    expect(resumed.headers.get("Upload-Offset")).toBe("250000");
    // The first server's offset, not a fresh start.
    expect((await patch(second, url, 0, data)).status).toBe(409);
    expect((await patch(second, url, 250_000, data.subarray(250_000))).status).toBe(204);
    await expectStoredOnce(data);

    // Both servers now answer "complete".
    for (const app of [first, second]) {
      const head = await app.request(url, { method: "HEAD", headers: headers() });
      expect(head.headers.get("Upload-Offset")).toBe(String(data.byteLength));
    }
    await expectStoredOnce(data);
  });

  it.runIf(onPostgres)(
    "takes over from a request still holding the upload on the first server: it is asked to let go",
    async () => {
      const first = createApp({ db: database.db, filesDir });
      const second = createApp({ db: secondDb, filesDir });
      const data = padded(smallest, 600_000);
      const url = await create(first, data);

      // A phone whose connection to the first server stalls after 200,000 bytes.
      let stalled!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          stalled = controller;
          controller.enqueue(data.slice(0, 200_000));
        },
      });
      const hanging = patch(first, url, 0, body);
      // Wait until the first server holds the lock and wrote the bytes.
      const incoming = join(filesDir, "incoming", url.split("/").at(-1) ?? "");
      await vi.waitFor(
        () => {
          if (!(existsSync(incoming) && readFileSync(incoming).byteLength >= 200_000))
            throw new Error("not written yet");
        },
        { timeout: 60_000, interval: 50 },
      );

      // The phone reconnects through the second server: its HEAD waits for the lock, whose holder lets go.
      const resumed = await second.request(url, { method: "HEAD", headers: headers() });
      expect(resumed.status).toBe(200);
      const offset = Number(resumed.headers.get("Upload-Offset"));
      expect(offset).toBe(200_000);
      // The first server's request was ended (tus's requestRelease), not left writing beside the second.
      const settled = hanging.then(
        () => "ended",
        () => "ended",
      );
      // It ends by itself (the phone's stream never does): a request left writing would hang the test.
      expect(await settled).toBe("ended");
      stalled.error(new Error("the phone's old connection is gone"));

      expect((await patch(second, url, offset, data.subarray(offset))).status).toBe(204);
      await expectStoredOnce(data);
    },
  );
});

describe.runIf(onPostgres)("the PostgreSQL upload locker", () => {
  it("makes a second locker wait for the first to unlock, asking the holder to let go", async () => {
    const config = postgresConnectionConfig(database.db);
    if (!config) throw new Error("not PostgreSQL");
    const lockers = [new PostgresLocker(config), new PostgresLocker(config)] as const;
    try {
      const id = "0123456789abcdef0123456789abcdef";
      const held = lockers[0].newLock(id);
      const releaseAsked: string[] = [];
      let holderAsked!: () => void;
      const askedToLetGo = new Promise<void>((resolve) => {
        holderAsked = resolve;
      });
      await held.lock(new AbortController().signal, async () => {
        releaseAsked.push("first");
        holderAsked();
      });
      expect(lockers[0].held.has(id)).toBe(true);
      expect(await lockers[1].tryLock(id)).toBeUndefined();
      // Another id is not held back.
      const other = await lockers[1].tryLock("fedcba9876543210fedcba9876543210");
      expect(other).toBeDefined();
      await other?.unlock();

      const waiting = lockers[1].newLock(id);
      let acquired = false;
      const acquiring = waiting
        .lock(new AbortController().signal, async () => {
          releaseAsked.push("second");
        })
        .then(() => {
          acquired = true;
        });
      await askedToLetGo;
      expect(releaseAsked).toContain("first");
      expect(acquired).toBe(false);

      await held.unlock();
      await acquiring;
      expect(acquired).toBe(true);
      expect(lockers[1].held.has(id)).toBe(true);
      expect(await lockers[0].tryLock(id)).toBeUndefined();
      await waiting.unlock();
      const again: Lock | undefined = await lockers[0].tryLock(id);
      expect(again).toBeDefined();
      await again?.unlock();
    } finally {
      await Promise.all(lockers.map((locker) => locker.close()));
    }
  });

  it("gives up when the stop signal fires while waiting", async () => {
    const config = postgresConnectionConfig(database.db);
    if (!config) throw new Error("not PostgreSQL");
    const lockers = [new PostgresLocker(config), new PostgresLocker(config, { acquireTimeoutMs: 60_000 })] as const;
    try {
      const id = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
      const held = lockers[0].newLock(id);
      let waiterArrived!: () => void;
      const arrived = new Promise<void>((resolve) => {
        waiterArrived = resolve;
      });
      // The holder is asked to let go once the waiter waits: then the waiter's stop signal fires.
      await held.lock(new AbortController().signal, async () => waiterArrived());
      const stop = new AbortController();
      const waiting = lockers[1].newLock(id).lock(stop.signal, async () => {});
      await arrived;
      stop.abort();
      await expect(waiting).rejects.toMatchObject({ status_code: 500 });
      await held.unlock();
    } finally {
      await Promise.all(lockers.map((locker) => locker.close()));
    }
  });
});
