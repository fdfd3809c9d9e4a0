/**
 * Photo pipeline benchmark: client/photos/prepare-page.ts in headless Chromium,
 * compressing a generated 12-megapixel document photo; and the server's check
 * of an uploaded photo (server/files/image-check.ts) at 12 and 2 megapixels.
 * `npx tsx bench/photos.ts`.
 *
 * Also the harness of tests/browser/photos.test.ts: the module is bundled with
 * esbuild and injected into a blank page, and photos are drawn inside that page.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import type { PageError, PreparedPage, PreparePageOptions, preparePage } from "../client/photos/prepare-page";
import { checkImage } from "../server/files/image-check";
import { launchChromium } from "../tests/helpers/browser";
import { documentImage, jpegDeclaring, plainImage } from "../tests/helpers/images";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = 5;

/** What the injected bundle puts on `window`, and the blobs the harness keeps there by name. */
export interface PhotoWindow {
  preparePage: typeof preparePage;
  PageError: typeof PageError;
  fixtures: Record<string, Blob>;
}

/** A plain-data summary of what preparePage did with one fixture, measured inside the page. */
export type PrepareOutcome =
  | {
      ok: true;
      ms: number;
      inputBytes: number;
      mime: PreparedPage["mime"];
      blobType: string;
      bytes: number;
      blobSize: number;
      width: number | undefined;
      height: number | undefined;
      /** The first 16 bytes of the output, to sniff outside the page. */
      head: number[];
      /** Decoded size of the output when it is an image. */
      decoded: { width: number; height: number } | null;
      thumbnail: { type: string; bytes: number; width: number; height: number } | null;
    }
  | {
      ok: false;
      ms: number;
      isPageError: boolean;
      name: string;
      code: string | undefined;
      message: string;
      minLongEdge: number | undefined;
    };

/** preparePage's options as plain data: `accept` (a Set in the page) travels as an array. */
export type FixtureOptions = PreparePageOptions & { accept?: string[] };

let bundled: Promise<string> | undefined;

/** prepare-page.ts and its imports as one browser ES module that exposes them on `window`. */
export function bundlePhotoModule(): Promise<string> {
  bundled ??= build({
    stdin: {
      contents: [
        'import { PageError, preparePage } from "./client/photos/prepare-page";',
        "Object.assign(window, { PageError, preparePage, fixtures: {} });",
      ].join("\n"),
      resolveDir: ROOT,
      sourcefile: "photos-entry.ts",
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  }).then((result) => {
    const [output] = result.outputFiles;
    if (!output) throw new Error("esbuild produced no output");
    return output.text;
  });
  return bundled;
}

/** A blank page with `window.preparePage` ready. */
export async function openPhotoPage(browser: Browser): Promise<Page> {
  const code = await bundlePhotoModule();
  const page = await browser.newPage();
  await page.setContent("<!doctype html><meta charset=utf-8><title>photos</title>");
  // tsx (keepNames) wraps nested functions of page.evaluate callbacks in __name(); the page has none.
  await page.addScriptTag({ content: "window.__name = (target) => target;" });
  await page.addScriptTag({ content: code, type: "module" });
  await page.waitForFunction(() => "preparePage" in window);
  return page;
}

/**
 * Draws a document photo inside the page and keeps it as a JPEG under `name`:
 * a sheet of paper under uneven light, a card with a photo box, lines of
 * text-like strokes, and sensor noise (`noise`: peak-to-peak grain in 8-bit levels), so that it compresses like a real phone
 * photo rather than like a flat drawing. Returns the JPEG's size in bytes.
 */
export function makeDocumentPhoto(
  page: Page,
  name: string,
  { width = 4000, height = 3000, seed = 1, quality = 0.9, noise = 18 } = {},
): Promise<number> {
  return page.evaluate(
    async ({ name, width, height, seed, quality, noise }) => {
      let state = seed >>> 0 || 1;
      const random = () => {
        state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
        return state / 4_294_967_296;
      };
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2D context");
      const light = context.createLinearGradient(0, 0, width, height);
      light.addColorStop(0, "#f4efe2");
      light.addColorStop(1, "#b9b2a0");
      context.fillStyle = light;
      context.fillRect(0, 0, width, height);

      const unit = Math.min(width, height) / 100;
      // An ID card with a photo box and a coloured band.
      context.fillStyle = "#cfe3f1";
      context.fillRect(unit * 8, unit * 8, unit * 60, unit * 38);
      context.fillStyle = "#3a6ea5";
      context.fillRect(unit * 8, unit * 8, unit * 60, unit * 5);
      context.fillStyle = "#7b8794";
      context.fillRect(unit * 50, unit * 16, unit * 14, unit * 18);

      // Lines of "text": glyph-sized strokes of varying width, like small print.
      context.fillStyle = "#1d1d1f";
      const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:/.-";
      for (let y = unit * 52; y < height - unit * 4; y += unit * 3.2) {
        const size = unit * (1.6 + random() * 0.8);
        context.font = `${Math.round(size)}px sans-serif`;
        let line = "";
        const length = 20 + Math.floor(random() * 60);
        for (let i = 0; i < length; i++) line += random() < 0.16 ? " " : letters[Math.floor(random() * letters.length)];
        context.fillText(line, unit * (6 + random() * 4), y);
      }
      for (let y = unit * 16; y < unit * 44; y += unit * 3) {
        context.font = `${Math.round(unit * 1.8)}px monospace`;
        context.fillText(`NIK 3174${Math.floor(random() * 1e8)} RT/RW 00${Math.floor(random() * 9)}`, unit * 10, y);
      }

      // Sensor noise over everything.
      const image = context.getImageData(0, 0, width, height);
      const pixels = image.data;
      for (let i = 0; i < pixels.length; i += 4) {
        const grain = (random() - 0.5) * noise;
        pixels[i] = (pixels[i] as number) + grain;
        pixels[i + 1] = (pixels[i + 1] as number) + grain + (random() - 0.5) * 6;
        pixels[i + 2] = (pixels[i + 2] as number) + grain;
      }
      context.putImageData(image, 0, 0);

      const blob = await canvas.convertToBlob({ type: "image/jpeg", quality });
      canvas.width = 0;
      canvas.height = 0;
      (window as unknown as PhotoWindow).fixtures[name] = blob;
      return blob.size;
    },
    { name, width, height, seed, quality, noise },
  );
}

/** Runs preparePage on the fixture kept under `name` and summarises the result as plain data. */
export function prepareFixture(page: Page, name: string, options?: FixtureOptions): Promise<PrepareOutcome> {
  return page.evaluate(
    async ({ name, options }) => {
      const photos = window as unknown as PhotoWindow;
      const file = photos.fixtures[name];
      if (!file) throw new Error(`no fixture ${name}`);
      const dimensions = async (blob: Blob) => {
        try {
          const bitmap = await createImageBitmap(blob);
          const size = { width: bitmap.width, height: bitmap.height };
          bitmap.close();
          return size;
        } catch {
          return null;
        }
      };
      const started = performance.now();
      try {
        const { accept, ...rest } = options ?? {};
        const result = accept
          ? await photos.preparePage(file, { ...rest, accept: new Set(accept) })
          : await photos.preparePage(file, rest);
        const ms = performance.now() - started;
        const thumbnailSize = result.thumbnail ? await dimensions(result.thumbnail) : null;
        return {
          ok: true as const,
          ms,
          inputBytes: file.size,
          mime: result.mime,
          blobType: result.blob.type,
          bytes: result.bytes,
          blobSize: result.blob.size,
          width: result.width,
          height: result.height,
          head: Array.from(new Uint8Array(await result.blob.slice(0, 16).arrayBuffer())),
          decoded: result.mime === "application/pdf" ? null : await dimensions(result.blob),
          thumbnail:
            result.thumbnail && thumbnailSize
              ? { type: result.thumbnail.type, bytes: result.thumbnail.size, ...thumbnailSize }
              : null,
        };
      } catch (error) {
        const ms = performance.now() - started;
        const e = error instanceof Error ? error : new Error(String(error));
        return {
          ok: false as const,
          ms,
          isPageError: error instanceof photos.PageError,
          name: e.name,
          code: error instanceof photos.PageError ? error.code : undefined,
          message: e.message,
          minLongEdge: error instanceof photos.PageError ? error.minLongEdge : undefined,
        };
      }
    },
    { name, options },
  );
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const round = (ms: number) => Math.round(ms);

async function timeRuns(page: Page, name: string): Promise<{ times: number[]; last: PrepareOutcome }> {
  const times: number[] = [];
  let last: PrepareOutcome | undefined;
  for (let run = 0; run < RUNS; run++) {
    last = await prepareFixture(page, name);
    if (!last.ok) throw new Error(`preparePage failed: ${last.code} ${last.message}`);
    times.push(last.ms);
  }
  return { times, last: last as PrepareOutcome };
}

export async function benchPhotos(): Promise<Record<string, unknown>> {
  const browser = await launchChromium();
  try {
    const page = await openPhotoPage(browser);
    const inputBytes = await makeDocumentPhoto(page, "photo", { width: 4000, height: 3000 });
    const { times, last } = await timeRuns(page, "photo");
    if (!last.ok) throw new Error("unreachable");

    // A rough stand-in for a cheap phone: the same work with the CPU slowed down 4x.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const throttled = await timeRuns(page, "photo");
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

    return {
      input: "4000x3000 generated document photo, JPEG q0.9",
      inputBytes,
      runs: RUNS,
      medianMs: round(median(times)),
      timesMs: times.map(round),
      cpuThrottled4xMedianMs: round(median(throttled.times)),
      outputBytes: last.bytes,
      outputWidth: last.width,
      outputHeight: last.height,
      mime: last.mime,
      thumbnailBytes: last.thumbnail?.bytes,
      thumbnailSize: last.thumbnail ? `${last.thumbnail.width}x${last.thumbnail.height}` : undefined,
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
  }
}

/** Runs of the server-side check per photo size; the median is reported. */
const SERVER_RUNS = 9;

async function checkTimes(path: string, expected: "ok" | "image_too_large"): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < SERVER_RUNS; run++) {
    const started = performance.now();
    const result = await checkImage(path, "image/jpeg");
    times.push(performance.now() - started);
    const outcome = result.ok ? "ok" : result.code;
    if (outcome !== expected) throw new Error(`image check answered ${outcome}, expected ${expected}`);
  }
  return times;
}

/**
 * The server's check of one finished upload, as acceptUpload runs it on the
 * file tus left on disk: header (format, size, orientation), then the whole
 * image decoded (shrink-on-load). Generated document photos, JPEG q90 as a
 * phone camera writes them; one warm-up call first (libvips starts lazily).
 */
export async function benchServerImageCheck(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), "masdarin-bench-images-"));
  const tenth = (ms: number) => Math.round(ms * 10) / 10;
  try {
    const results: Record<string, unknown> = {};
    for (const [label, width, height] of [
      ["12 MP (4000x3000)", 4000, 3000],
      ["2 MP (1600x1200)", 1600, 1200],
    ] as const) {
      const photo = await documentImage(width, height, "jpeg", { quality: 90 });
      const path = join(dir, `${width}x${height}.jpg`);
      await writeFile(path, photo);
      await checkImage(path, "image/jpeg");
      const times = await checkTimes(path, "ok");
      results[label] = {
        inputBytes: photo.byteLength,
        runs: SERVER_RUNS,
        medianMs: tenth(median(times)),
        timesMs: times.map(tenth),
      };
    }
    // A header claiming 60,000 x 60,000 pixels: refused from the header, nothing decoded.
    const bomb = join(dir, "bomb.jpg");
    await writeFile(bomb, jpegDeclaring(await plainImage(1000, 750), 60_000, 60_000));
    results["decompression bomb (header claims 60000x60000)"] = {
      runs: SERVER_RUNS,
      medianMs: tenth(median(await checkTimes(bomb, "image_too_large"))),
    };
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const invokedDirectly =
  typeof process !== "undefined" &&
  process.argv[1] !== undefined &&
  import.meta.url === new URL(`file://${process.argv[1]}`).href;

if (invokedDirectly) {
  console.log(await benchPhotos());
  console.log(await benchServerImageCheck());
}
