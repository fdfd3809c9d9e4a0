/**
 * Photo preparation on the page's main thread (as before issue 10) against
 * the photo worker (client/photos/prepare-worker.ts), in the same headless
 * Chromium run, on bench/photos.ts's generated 12 MP document photo:
 * wall time from "photo picked" to "page and thumbnail ready", and the
 * longest task that blocked the main thread meanwhile (what a cadre typing
 * in the form feels), at full speed and with the CPU slowed down 4×.
 *
 * Caveat, measured: Chromium's Emulation.setCPUThrottlingRate slows the
 * page's main thread only; the DevTools protocol refuses it on a worker
 * target ("Operation is only supported for pages, not workers"). So at 4×
 * the worker runs at full speed: its wall time there is a lower bound, and
 * `workerAt4xEstimateMs` (full-speed worker time × 4) the honest figure for
 * a phone whose every core is slow. The main thread's longest task is
 * measured either way. `npx tsx bench/photo-worker.ts`.
 */
import { resolve } from "node:path";
import { build } from "esbuild";
import type { Page } from "playwright-core";
import { launchChromium } from "../tests/helpers/browser";
import { makeDocumentPhoto, openPhotoPage, type PhotoWindow } from "./photos";

const ROOT = resolve(import.meta.dirname, "..");
const RUNS = 3;

async function bundleWorker(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(ROOT, "client/photos/prepare-worker.ts")],
    bundle: true,
    // A classic script: a module worker from a blob: URL does not start in the harness's blank page.
    format: "iife",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error("esbuild produced no output");
  return output.text;
}

interface Timing {
  ms: number;
  longestMainThreadTaskMs: number;
}

/** One preparation of fixture `name`, on the main thread or in the worker, with the main thread's long tasks. */
function prepareOnce(page: Page, name: string, where: "main" | "worker"): Promise<Timing> {
  return page.evaluate(
    async ({ name, where }) => {
      const photos = window as unknown as PhotoWindow & { photoWorker: Worker };
      const file = photos.fixtures[name];
      if (!file) throw new Error(`no fixture ${name}`);
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      });
      observer.observe({ type: "longtask" });
      const started = performance.now();
      if (where === "main") {
        await photos.preparePage(file);
      } else {
        await new Promise<void>((done, fail) => {
          photos.photoWorker.onmessage = (event: MessageEvent<{ ok: boolean }>) =>
            event.data.ok ? done() : fail(new Error("the worker could not prepare the photo"));
          photos.photoWorker.postMessage({ id: 1, file, options: {} });
        });
      }
      const ms = performance.now() - started;
      // Long tasks are reported after they end: one frame's wait lets the last one arrive.
      await new Promise((settle) => setTimeout(settle, 50));
      observer.disconnect();
      return { ms, longestMainThreadTaskMs: Math.max(0, ...tasks) };
    },
    { name, where },
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed(page: Page, where: "main" | "worker"): Promise<{ medianMs: number; longestTaskMs: number }> {
  const runs: Timing[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await prepareOnce(page, "photo", where));
  return {
    medianMs: Math.round(median(runs.map((r) => r.ms))),
    longestTaskMs: Math.round(Math.max(...runs.map((r) => r.longestMainThreadTaskMs))),
  };
}

export async function benchPhotoWorker(): Promise<Record<string, unknown>> {
  const browser = await launchChromium();
  try {
    const page = await openPhotoPage(browser);
    const inputBytes = await makeDocumentPhoto(page, "photo", { width: 4000, height: 3000 });
    const code = await bundleWorker();
    await page.evaluate((source) => {
      const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      (window as unknown as { photoWorker: Worker }).photoWorker = new Worker(url);
    }, code);
    // Warm-up: the first decode pays for codec start-up on both paths.
    await prepareOnce(page, "photo", "main");
    await prepareOnce(page, "photo", "worker");

    const full = { mainThread: await timed(page, "main"), worker: await timed(page, "worker") };
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const slowed = { mainThread: await timed(page, "main"), worker: await timed(page, "worker") };
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

    return {
      input: "4000x3000 generated document photo, JPEG q0.9",
      inputBytes,
      runsPerFigure: RUNS,
      fullSpeed: full,
      cpuThrottled4x: {
        ...slowed,
        workerNote: "worker not slowed by CDP (page-only throttling): lower bound",
        workerAt4xEstimateMs: full.worker.medianMs * 4,
      },
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
  }
}

const invokedDirectly =
  typeof process !== "undefined" &&
  process.argv[1] !== undefined &&
  import.meta.url === new URL(`file://${process.argv[1]}`).href;

if (invokedDirectly) console.log(JSON.stringify(await benchPhotoWorker(), null, 2));
