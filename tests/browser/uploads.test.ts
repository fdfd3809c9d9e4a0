import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { eq } from "drizzle-orm";
import { build } from "esbuild";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { files } from "../../server/db/schema";
import { createTestUser } from "../helpers/accounts";
import { startAppServer } from "../helpers/app-server";
import { launchChromium, PHONE } from "../helpers/browser";

vi.setConfig({ testTimeout: 120_000 });

const ROOT = resolve(import.meta.dirname, "../..");
const CHUNK = 256 * 1024;

/** What the injected bundle puts on `window`: the module under test, plus the pure-JS hash. */
interface UploadsWindow {
  masdarinUploads: typeof import("../../client/uploads/index") & {
    sha256Fallback: typeof import("../../client/uploads/sha256").sha256Fallback;
  };
  cutNetwork(): Promise<void>;
}

const ENTRY = `
import * as uploads from "./client/uploads/index";
import { sha256Fallback } from "./client/uploads/sha256";
window.masdarinUploads = { ...uploads, sha256Fallback };
`;

type AppServer = Awaited<ReturnType<typeof startAppServer>>;
let server: AppServer;
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  const output = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: "uploads-test-entry.ts", loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
  });
  bundle = output.outputFiles[0]?.text ?? "";
  server = await startAppServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A signed-in cadre's phone against the real server; the harness script is injected (hence bypassCSP). */
async function signedInPage(): Promise<{ context: BrowserContext; page: Page }> {
  const cadre = await createTestUser(server.db, "cadre");
  // Service workers off: Playwright's request routing must see the page's own requests.
  const context = await browser.newContext({ ...PHONE, bypassCSP: true, serviceWorkers: "block" });
  const [name, value] = cadre.cookie.split("=") as [string, string];
  await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: "Strict" }]);
  const page = await context.newPage();
  await openApp(page);
  return { context, page };
}

/**
 * Loads the upload module into a page of the server's origin that runs no app code (the health
 * answer): the app itself, started with a cadre's cookie on a phone with no profile of theirs,
 * may navigate on its own, which tore down the page in the middle of an upload (a flaky test).
 */
async function openApp(page: Page): Promise<void> {
  await page.goto(`${server.url}/api/health`);
  await page.addScriptTag({ content: bundle, type: "module" });
  await page.waitForFunction(() => "masdarinUploads" in window);
}

/** A ~1 MB photo-like JPEG (noise compresses badly), made by Chromium, returned as base64. */
function makeJpeg(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const canvas = new OffscreenCanvas(1280, 1000);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D context");
    const image = context.createImageData(1280, 1000);
    let seed = 12345;
    for (let i = 0; i < image.data.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      image.data[i] = i % 4 === 3 ? 255 : seed >>> 24;
    }
    context.putImageData(image, 0, 0);
    const bytes = new Uint8Array(
      await (await canvas.convertToBlob({ type: "image/jpeg", quality: 0.88 })).arrayBuffer(),
    );
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
}

/** Calls uploadPage in the page with these bytes; resolves with its result or the error code. */
function uploadInPage(page: Page, base64: string, options: { mime?: string; cutAfterFirstChunk?: boolean } = {}) {
  return page.evaluate(
    async ({ base64, mime, cut, chunk }) => {
      const w = window as unknown as UploadsWindow;
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
      const sha256 = await w.masdarinUploads.sha256Hex(data);
      const progress: number[] = [];
      try {
        const result = await w.masdarinUploads.uploadPage({
          data,
          mime,
          sha256,
          onProgress: (sent) => {
            progress.push(sent);
            if (cut && sent >= chunk) {
              cut = false;
              void w.cutNetwork();
            }
          },
        });
        return { ok: true as const, sha256, skipped: result.skipped, progress };
      } catch (error) {
        const e = error as { code?: string; refused?: boolean };
        return { ok: false as const, sha256, code: e.code, refused: e.refused, progress };
      }
    },
    { base64, mime: options.mime ?? "image/jpeg", cut: options.cutAfterFirstChunk ?? false, chunk: CHUNK },
  );
}

interface Seen {
  method: string;
  path: string;
  /** The Upload-Offset the request was sent with. */
  offset: string | null;
  /** For a PATCH: bytes the server acknowledged (its new Upload-Offset minus the request's). */
  acceptedBytes: Promise<number>;
}

/**
 * Requests to /api/files/ from now on. PATCH bodies are Blobs, which Playwright
 * does not expose, so their size is read from the server's answer (and the
 * request's Content-Length, which must agree).
 */
function recordRequests(page: Page): Seen[] {
  const seen: Seen[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/api/files/")) return;
    const offset = request.headers()["upload-offset"] ?? null;
    const acceptedBytes = (async () => {
      if (request.method() !== "PATCH") return 0;
      const response = await request.response();
      const headers = await request.allHeaders();
      const newOffset = Number(response?.headers()["upload-offset"]);
      const sent = newOffset - Number(offset);
      expect(Number(headers["content-length"])).toBe(sent);
      return sent;
    })();
    acceptedBytes.catch(() => {});
    seen.push({ method: request.method(), path: url.pathname, offset, acceptedBytes });
  });
  return seen;
}

/** Stored files (not uploads in progress) under the server's files folder. */
function storedFiles(): string[] {
  return readdirSync(server.filesDir, { recursive: true, encoding: "utf8" })
    .filter((name) => !name.startsWith("incoming") && statSync(join(server.filesDir, name)).isFile())
    .sort();
}

function incomingDataFiles(): string[] {
  const dir = join(server.filesDir, "incoming");
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.endsWith(".json")) : [];
}

describe("page uploads in Chromium against the real server", () => {
  it("resumes after the network drops and the app reloads, from the server's offset, then dedups by HEAD", async () => {
    const { context, page } = await signedInPage();
    const base64 = await makeJpeg(page);
    const size = Buffer.from(base64, "base64").byteLength;
    expect(size).toBeGreaterThan(3 * CHUNK);
    expect(size).toBeLessThan(2 * 1024 * 1024);

    // The cut: from onProgress once the first chunk has gone, the page asks for the network to go;
    // the second PATCH is held until then and fails as a dropped connection does.
    let cutDone!: () => void;
    const cut = new Promise<void>((done) => {
      cutDone = done;
    });
    await page.exposeFunction("cutNetwork", async () => {
      await context.setOffline(true);
      cutDone();
    });
    let patches = 0;
    await page.route("**/api/files/tus/**", async (route) => {
      if (route.request().method() === "PATCH" && ++patches === 2) {
        await cut;
        await route.abort("internetdisconnected");
        return;
      }
      await route.continue();
    });
    const before = recordRequests(page);

    const dropped = await uploadInPage(page, base64, { cutAfterFirstChunk: true });
    expect(dropped).toMatchObject({ ok: false, code: "offline" });
    expect(before.filter((r) => r.method === "POST")).toHaveLength(1);

    // The server kept what it received, on disk: the upload's offset.
    const [uploadId] = incomingDataFiles();
    expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
    const serverOffset = statSync(join(server.filesDir, "incoming", uploadId as string)).size;
    expect(serverOffset).toBeGreaterThanOrEqual(CHUNK);
    expect(serverOffset).toBeLessThan(size);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("masdarin.upload."))),
    ).toEqual([`masdarin.upload.${dropped.sha256}`]);

    // Back online, and the app restarted (a reload): the same bytes resume the same upload.
    await page.unroute("**/api/files/tus/**");
    await context.setOffline(false);
    await openApp(page);
    const after = recordRequests(page);
    const resumed = await uploadInPage(page, base64);
    expect(resumed).toMatchObject({ ok: true, skipped: false, sha256: dropped.sha256 });

    const tus = after.filter((r) => r.path.startsWith("/api/files/tus"));
    expect(tus.filter((r) => r.method === "POST")).toHaveLength(0);
    expect(tus[0]).toMatchObject({ method: "HEAD", path: `/api/files/tus/${uploadId}` });
    const resumedPatches = tus.filter((r) => r.method === "PATCH");
    expect(resumedPatches[0]?.offset).toBe(String(serverOffset));
    const sent = await Promise.all(resumedPatches.map((r) => r.acceptedBytes));
    expect(sent.reduce((sum, bytes) => sum + bytes, 0)).toBe(size - serverOffset);
    expect(Math.max(...sent)).toBeLessThanOrEqual(CHUNK);
    expect(resumed.ok && Math.min(...resumed.progress)).toBeGreaterThanOrEqual(serverOffset);
    // Confirmed by the server after the last chunk.
    expect(after.filter((r) => r.path === `/api/files/sha256/${dropped.sha256}`).map((r) => r.method)).toEqual([
      "HEAD",
      "HEAD",
    ]);

    // Exactly one stored file, at its hash, with the bytes the phone hashed.
    const stored = storedFiles();
    expect(stored).toEqual([join(dropped.sha256.slice(0, 2), dropped.sha256)]);
    const bytes = readFileSync(join(server.filesDir, stored[0] as string));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(dropped.sha256);
    expect(bytes.equals(Buffer.from(base64, "base64"))).toBe(true);
    expect((await server.db.select().from(files).where(eq(files.sha256, dropped.sha256)).limit(1))[0]?.bytes).toBe(
      size,
    );
    expect(incomingDataFiles()).toEqual([]);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("masdarin.upload."))),
    ).toEqual([]);

    // The same bytes again (another slot, another draft): one HEAD, nothing sent.
    const again = recordRequests(page);
    const second = await uploadInPage(page, base64);
    expect(second).toMatchObject({ ok: true, skipped: true });
    expect(again.filter((r) => r.path.startsWith("/api/files/")).map((r) => `${r.method} ${r.path}`)).toEqual([
      `HEAD /api/files/sha256/${dropped.sha256}`,
    ]);
    expect(storedFiles()).toHaveLength(1);
    await context.close();
  });

  it("uploads one page held by two slots at once as one file, and reports refused content as final", async () => {
    const { context, page } = await signedInPage();
    const results = await page.evaluate(async () => {
      const w = window as unknown as UploadsWindow;
      const jpeg = async (width: number, height: number) => {
        const canvas = new OffscreenCanvas(width, height);
        const context = canvas.getContext("2d");
        if (!context) throw new Error("no 2D context");
        context.fillStyle = "#eee";
        context.fillRect(0, 0, width, height);
        context.fillStyle = "#222";
        context.font = "48px sans-serif";
        context.fillText("KARTU TANDA PENDUDUK", 40, height / 2);
        return (await canvas.convertToBlob({ type: "image/jpeg", quality: 0.9 })).arrayBuffer();
      };
      const refusal = (data: ArrayBuffer) =>
        w.masdarinUploads.sha256Hex(data).then((sha256) =>
          w.masdarinUploads.uploadPage({ data, mime: "image/jpeg", sha256 }).then(
            () => null,
            (error: { code: string; refused: boolean }) => ({ code: error.code, refused: error.refused }),
          ),
        );
      const data = await jpeg(1200, 900);
      const sha256 = await w.masdarinUploads.sha256Hex(data);
      const both = await Promise.all(
        [1, 2].map(() => w.masdarinUploads.uploadPage({ data, mime: "image/jpeg", sha256 })),
      );
      const text = new TextEncoder().encode("Bukan foto. ".repeat(1000)).buffer;
      // A JPEG header over bytes no decoder can read, and a real photo too small to read at the counter.
      const garbage = new Uint8Array(300_000);
      for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
      garbage.set([0xff, 0xd8, 0xff, 0xe0]);
      return {
        sha256,
        both,
        text: await refusal(text),
        garbage: await refusal(garbage.buffer),
        tiny: await refusal(await jpeg(640, 480)),
      };
    });
    expect(results.both).toEqual([
      { sha256: results.sha256, skipped: false },
      { sha256: results.sha256, skipped: false },
    ]);
    expect(results.text).toEqual({ code: "type_mismatch", refused: true });
    expect(results.garbage).toEqual({ code: "image_unreadable", refused: true });
    expect(results.tiny).toEqual({ code: "image_too_small", refused: true });
    expect(storedFiles()).toContain(join(results.sha256.slice(0, 2), results.sha256));
    expect(incomingDataFiles()).toEqual([]);
    await context.close();
  });

  it("hashes like Node, with crypto.subtle and with the fallback for plain-http installs", async () => {
    const { context, page } = await signedInPage();
    const inputs = [0, 1, 55, 56, 63, 64, 65, 1000, 100_000];
    const hashes = await page.evaluate(async (lengths) => {
      const w = window as unknown as UploadsWindow;
      const out: { subtle: string; fallback: string }[] = [];
      for (const length of lengths) {
        const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) % 256);
        const fallback = [...(await w.masdarinUploads.sha256Fallback(bytes))].map((b) =>
          b.toString(16).padStart(2, "0"),
        );
        out.push({ subtle: await w.masdarinUploads.sha256Hex(bytes.buffer), fallback: fallback.join("") });
      }
      return out;
    }, inputs);
    inputs.forEach((length, index) => {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) % 256);
      const expected = createHash("sha256").update(bytes).digest("hex");
      expect(hashes[index]).toEqual({ subtle: expected, fallback: expected });
    });
    await context.close();
  });
});

describe("lazy loading", () => {
  it("keeps tus-js-client out of the entry chunk: it loads with the first uploadPage call", async () => {
    const output = await build({
      entryPoints: [resolve(ROOT, "client/uploads/index.ts")],
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "browser",
      outdir: "/virtual",
      write: false,
    });
    const entry = output.outputFiles.find((file) => file.path.endsWith("/index.js"))?.text ?? "";
    const chunks = output.outputFiles.filter((file) => !file.path.endsWith("/index.js")).map((file) => file.text);
    expect(entry).not.toContain("Tus-Resumable");
    expect(entry).toContain("import(");
    expect(chunks.some((text) => text.includes("Tus-Resumable"))).toBe(true);
  });
});
