import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { readConfig } from "../../server/config";
import { SWEEP_EVERY_MS, type SweepReport, scheduleSweep } from "../../server/files/expiry";
import type { AccessEntry } from "../../server/http/access-log";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { padded, plainImage } from "../helpers/images";
import { seededDatabase } from "../helpers/temp-db";

/**
 * The upload endpoint's edges: tus features the server does not offer are
 * client mistakes (4xx with a code, logged below error level, nothing
 * stored), and uploads left unfinished are swept away after a while.
 */

type Bytes = Uint8Array<ArrayBuffer>;
const TUS = "/api/files/tus/";
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

let database: Awaited<ReturnType<typeof seededDatabase>>;
let filesDir: string;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;
let errors: string[];
let requests: AccessEntry[];
let sweep: () => Promise<SweepReport>;

let smallestReadable: Bytes;
beforeAll(async () => {
  smallestReadable = await plainImage(1000, 750);
});

beforeEach(async () => {
  database = await seededDatabase();
  filesDir = join(database.dir, "files");
  errors = [];
  requests = [];
  app = createApp({
    db: database.db,
    filesDir,
    logError: (message) => errors.push(message),
    logRequest: (entry) => requests.push(entry),
    uploadExpiry: {
      maxIdleMs: DAY,
      onSweep: (run) => {
        sweep = run;
      },
    },
  });
  cadre = await createTestUser(database.db, "cadre");
});
afterEach(async () => database.cleanup());

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const jpeg = (size: number) => padded(smallestReadable, size);
const incoming = () => join(filesDir, "incoming");

function metadata(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key} ${Buffer.from(value).toString("base64")}`)
    .join(",");
}

function tusHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { "Tus-Resumable": "1.0.0", Cookie: cadre.cookie, ...extra };
}

function createRequest(data: Bytes, extra: Record<string, string> = {}): Promise<Response> {
  return Promise.resolve(
    app.request(TUS, {
      method: "POST",
      headers: tusHeaders({
        "Upload-Length": String(data.byteLength),
        "Upload-Metadata": metadata({ sha256: sha256(data), mime: "image/jpeg" }),
        ...extra,
      }),
    }),
  );
}

async function created(data: Bytes): Promise<string> {
  const response = await createRequest(data);
  expect(response.status, await response.clone().text()).toBe(201);
  return response.headers.get("Location") ?? "";
}

function patch(url: string, offset: number, body: Bytes | ReadableStream<Uint8Array>): Promise<Response> {
  return Promise.resolve(
    app.request(url, {
      method: "PATCH",
      headers: tusHeaders({ "Upload-Offset": String(offset), "Content-Type": "application/offset+octet-stream" }),
      body,
      // A streamed body (the upload "in progress" test) needs half-duplex in Node's fetch.
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit),
  );
}

function head(url: string): Promise<Response> {
  return Promise.resolve(app.request(url, { method: "HEAD", headers: tusHeaders() }));
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => statSync(join(dir, name)).isFile())
    .sort();
}

const idOf = (url: string) => url.split("/").at(-1) ?? "";

/** Makes an upload look untouched for `ms` (its bytes and its record), as if that time had passed. */
function age(url: string, ms: number): void {
  const then = new Date(Date.now() - ms);
  for (const name of [idOf(url), `${idOf(url)}.json`]) {
    const path = join(incoming(), name);
    if (existsSync(path)) utimesSync(path, then, then);
  }
}

function storedPath(hash: string): string {
  return join(filesDir, hash.slice(0, 2), hash);
}

describe("tus features the server does not offer", () => {
  it("answers a creation with Upload-Concat (partial or final) 400 tus_extension_not_supported, stores nothing", async () => {
    const data = jpeg(20_000);
    for (const concat of ["partial", `final;${TUS}0123456789abcdef0123456789abcdef`, "nonsense"]) {
      const response = await createRequest(data, { "Upload-Concat": concat });
      expect(response.status, concat).toBe(400);
      expect(await errorCode(response)).toBe("tus_extension_not_supported");
    }
    expect(tree(incoming())).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("answers Upload-Defer-Length 400 tus_extension_not_supported, and no longer offers it", async () => {
    const response = await app.request(TUS, {
      method: "POST",
      headers: tusHeaders({
        "Upload-Defer-Length": "1",
        "Upload-Metadata": metadata({ sha256: sha256(jpeg(20_000)), mime: "image/jpeg" }),
      }),
    });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe("tus_extension_not_supported");
    const options = await app.request(TUS, { method: "OPTIONS", headers: { Cookie: cadre.cookie } });
    const offered = (options.headers.get("Tus-Extension") ?? "").split(",").map((name) => name.trim());
    expect(offered).toContain("creation");
    expect(offered).not.toContain("creation-defer-length");
    expect(offered).not.toContain("concatenation");
    expect(tree(incoming())).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("answers a Tus-Resumable version it does not speak 412 tus_version_not_supported, naming its own", async () => {
    for (const version of ["0.2.2", "2.0.0", "1.0"]) {
      const response = await createRequest(jpeg(20_000), { "Tus-Resumable": version });
      expect(response.status, version).toBe(412);
      expect(response.headers.get("Tus-Version")).toBe("1.0.0");
      expect(await errorCode(response)).toBe("tus_version_not_supported");
    }
    const url = await created(jpeg(20_000));
    const patched = await app.request(url, {
      method: "PATCH",
      headers: tusHeaders({
        "Tus-Resumable": "0.2.2",
        "Upload-Offset": "0",
        "Content-Type": "application/offset+octet-stream",
      }),
      body: jpeg(20_000),
    });
    expect(patched.status).toBe(412);
    expect(await errorCode(patched)).toBe("tus_version_not_supported");
    expect(tree(incoming()).filter((name) => !name.endsWith(".json"))).toEqual([idOf(url)]);
    expect(statSync(join(incoming(), idOf(url))).size).toBe(0);
    expect(errors).toEqual([]);
  });

  it("logs each of these mistakes as an ordinary request (its 4xx), never as an error", async () => {
    await createRequest(jpeg(20_000), { "Upload-Concat": "partial" });
    await createRequest(jpeg(20_000), { "Tus-Resumable": "0.2.2" });
    expect(requests.map((line) => [line.method, line.route, line.status])).toEqual([
      ["POST", "/api/files/tus/*", 400],
      ["POST", "/api/files/tus/*", 412],
    ]);
    expect(errors).toEqual([]);
  });
});

describe("unfinished uploads expire", () => {
  it("defaults to 24 hours, set by UPLOAD_EXPIRY_HOURS", () => {
    expect(readConfig({}).uploadMaxIdleMs).toBe(DAY);
    expect(readConfig({ UPLOAD_EXPIRY_HOURS: "6" }).uploadMaxIdleMs).toBe(6 * HOUR);
    expect(() => readConfig({ UPLOAD_EXPIRY_HOURS: "0" })).toThrow(/UPLOAD_EXPIRY_HOURS/);
    expect(() => readConfig({ UPLOAD_EXPIRY_HOURS: "soon" })).toThrow(/UPLOAD_EXPIRY_HOURS/);
  });

  it("deletes an upload idle past the limit with its bytes; keeps one still within it, and stored files", async () => {
    const stored = jpeg(30_000);
    const storedUrl = await created(stored);
    expect((await patch(storedUrl, 0, stored)).status).toBe(204);

    const idle = jpeg(300_000);
    const idleUrl = await created(idle);
    expect((await patch(idleUrl, 0, idle.subarray(0, 100_000))).status).toBe(204);
    const recent = jpeg(300_000);
    const recentUrl = await created(recent);
    expect((await patch(recentUrl, 0, recent.subarray(0, 100_000))).status).toBe(204);
    const neverSent = await created(jpeg(50_000));

    age(idleUrl, DAY + HOUR);
    age(neverSent, DAY + HOUR);
    age(recentUrl, DAY - HOUR);
    // A stored file and its completion record, however old, are not an unfinished upload.
    age(storedUrl, 30 * DAY);
    const old = new Date(Date.now() - 30 * DAY);
    utimesSync(storedPath(sha256(stored)), old, old);

    expect(await sweep()).toEqual({ expired: 2, finished: 0 });

    for (const url of [idleUrl, neverSent]) {
      expect(existsSync(join(incoming(), idOf(url)))).toBe(false);
      expect(existsSync(join(incoming(), `${idOf(url)}.json`))).toBe(false);
      expect((await head(url)).status).toBe(404);
    }
    const continued = await patch(idleUrl, 100_000, idle.subarray(100_000));
    expect(continued.status).toBe(404);
    expect(await errorCode(continued)).toBe("upload_not_found");

    // The one within the limit carries on where it was.
    const resumed = await head(recentUrl);
    expect(resumed.headers.get("Upload-Offset")).toBe("100000");
    expect((await patch(recentUrl, 100_000, recent.subarray(100_000))).status).toBe(204);
    expect(existsSync(storedPath(sha256(recent)))).toBe(true);

    expect(existsSync(storedPath(sha256(stored)))).toBe(true);
    const storedHead = await head(storedUrl);
    expect(storedHead.status).toBe(200);
    expect(storedHead.headers.get("Upload-Offset")).toBe(String(stored.byteLength));
    expect(errors).toEqual([]);
  });

  it("never deletes an upload while its bytes are arriving, however long since the last one", async () => {
    const data = jpeg(200_000);
    const url = await created(data);
    let sendRest: (() => void) | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(data.subarray(0, 50_000));
        sendRest = () => {
          controller.enqueue(data.subarray(50_000));
          controller.close();
        };
      },
    });
    const answer = patch(url, 0, body);
    await expect.poll(() => statSync(join(incoming(), idOf(url))).size).toBe(50_000);
    age(url, 2 * DAY);

    expect(await sweep()).toEqual({ expired: 0, finished: 0 });
    expect(existsSync(join(incoming(), idOf(url)))).toBe(true);

    sendRest?.();
    expect((await answer).status).toBe(204);
    expect(existsSync(storedPath(sha256(data)))).toBe(true);
  });

  it("stores, rather than deletes, an idle upload whose bytes all arrived before the server stopped", async () => {
    const data = jpeg(100_000);
    const url = await created(data);
    expect((await patch(url, 0, data.subarray(0, 10_000))).status).toBe(204);
    // The server wrote the rest, then died before verifying it; nobody asked since.
    writeFileSync(join(incoming(), idOf(url)), data);
    age(url, 2 * DAY);

    expect(await sweep()).toEqual({ expired: 0, finished: 1 });
    expect(existsSync(storedPath(sha256(data)))).toBe(true);
    expect(existsSync(join(incoming(), idOf(url)))).toBe(false);
    expect((await head(url)).headers.get("Upload-Offset")).toBe(String(data.byteLength));
  });

  it("removes stray bytes with no record once idle, and leaves files it does not know alone", async () => {
    const stray = join(incoming(), "0123456789abcdef0123456789abcdef");
    writeFileSync(stray, "half an upload whose record was never written");
    const foreign = join(incoming(), "README");
    writeFileSync(foreign, "not an upload");
    const old = new Date(Date.now() - 2 * DAY);
    utimesSync(stray, old, old);
    utimesSync(foreign, old, old);

    expect(await sweep()).toEqual({ expired: 1, finished: 0 });
    expect(tree(incoming())).toEqual(["README"]);
  });

  it("runs the sweep every hour on the server, one run at a time, reporting a failure and going on", async () => {
    vi.useFakeTimers();
    try {
      const reports: SweepReport[] = [];
      const failures: unknown[] = [];
      let runs = 0;
      let release: (() => void) | undefined;
      const stop = scheduleSweep(
        () => {
          runs++;
          if (runs === 2) return Promise.reject(new Error("EACCES"));
          if (runs === 3) return new Promise((resolve) => (release = () => resolve({ expired: 1, finished: 0 })));
          return Promise.resolve({ expired: 0, finished: 0 });
        },
        { onReport: (report) => reports.push(report), onError: (error) => failures.push(error) },
      );
      await vi.advanceTimersByTimeAsync(SWEEP_EVERY_MS - 1);
      expect(runs).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      await vi.advanceTimersByTimeAsync(SWEEP_EVERY_MS);
      expect([runs, failures.length]).toEqual([2, 1]);
      // The third run is still going an hour later: no second run starts beside it.
      await vi.advanceTimersByTimeAsync(2 * SWEEP_EVERY_MS);
      expect(runs).toBe(3);
      release?.();
      await vi.advanceTimersByTimeAsync(SWEEP_EVERY_MS);
      expect(runs).toBe(4);
      expect(reports).toEqual([
        { expired: 0, finished: 0 },
        { expired: 1, finished: 0 },
        { expired: 0, finished: 0 },
      ]);
      stop();
      await vi.advanceTimersByTimeAsync(2 * SWEEP_EVERY_MS);
      expect(runs).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
