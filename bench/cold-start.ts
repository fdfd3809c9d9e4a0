/**
 * Offline cold start on a slow phone: the home screen's Largest Contentful
 * Paint with the service worker installed, the network off and Chromium's
 * CPU slowed 4x. Two ways of starting, median of 3 each:
 * - reload: the open page reloaded offline (the issue's figure);
 * - relaunch: the browser closed and started again on the same profile, so
 *   the service worker and the renderer start from nothing (a phone opening
 *   the app from its home screen after the system killed it).
 * `npx tsx bench/cold-start.ts` (after `npx vite build`; MASDARIN_DIST picks another build)
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { DIST_DIR, startAppServer } from "../tests/helpers/app-server";
import { CHROMIUM, CHROMIUM_ARGS, PHONE, waitForServiceWorker } from "../tests/helpers/browser";

const RUNS = 3;
const CPU_SLOWDOWN = 4;

interface Paint {
  lcpMs: number;
  /** What the browser counted as the largest paint, to tell a heading from the list. */
  element: string;
}

/** A guide card on screen: the list is what the cadre opened the app for. */
async function listOnScreen(page: Page): Promise<void> {
  await page.locator('a[href^="/panduan/"]').first().waitFor({ timeout: 60_000 });
}

/** The last LCP candidate once the list has painted (entries are buffered from the navigation on). */
async function largestPaint(page: Page): Promise<Paint> {
  await listOnScreen(page);
  return page.evaluate(
    () =>
      new Promise<Paint>((done) => {
        // Two frames after the list appeared, its paint has been presented and reported.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            new PerformanceObserver((list) => {
              const last = list.getEntries().at(-1) as (PerformanceEntry & { element?: Element | null }) | undefined;
              const element = last?.element;
              done({
                lcpMs: Math.round(last?.startTime ?? Number.NaN),
                element: element
                  ? `<${element.tagName.toLowerCase()}${element.className ? ` class="${element.className}"` : ""}> "${element.textContent?.trim().slice(0, 40) ?? ""}"`
                  : "?",
              });
            }).observe({ type: "largest-contentful-paint", buffered: true });
          }),
        );
      }),
  );
}

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
}

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, ...PHONE });
}

/** 1-minute load average over the machine's cores: the figures move with it. */
const load = () => `${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function summarise(paints: Paint[]) {
  return {
    lcpMedianMs: median(paints.map((paint) => paint.lcpMs)),
    runsMs: paints.map((paint) => paint.lcpMs),
    lcpElement: [...new Set(paints.map((paint) => paint.element))].join(", "),
  };
}

export async function benchColdStart(): Promise<Record<string, unknown>> {
  if (!existsSync(join(DIST_DIR, "index.html"))) throw new Error(`No built app in ${DIST_DIR}: run npx vite build`);
  const loadAtStart = load();
  const server = await startAppServer();
  const profile = mkdtempSync(join(tmpdir(), "masdarin-cold-start-"));
  try {
    // First visit online, full speed: the service worker installs and precaches, the catalogue is saved.
    let context = await launch(profile);
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${server.url}/`);
    await waitForServiceWorker(page);
    await listOnScreen(page);

    await throttle(context, page);
    await context.setOffline(true);
    const reloads: Paint[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.reload();
      reloads.push(await largestPaint(page));
    }
    await context.close();

    const relaunches: Paint[] = [];
    for (let run = 0; run < RUNS; run++) {
      context = await launch(profile);
      await context.setOffline(true);
      page = context.pages()[0] ?? (await context.newPage());
      await throttle(context, page);
      await page.goto(`${server.url}/`);
      relaunches.push(await largestPaint(page));
      await context.close();
    }
    return {
      setup: `Chromium ${PHONE.viewport.width}x${PHONE.viewport.height}, CPU ${CPU_SLOWDOWN}x slower, offline, service worker installed; median of ${RUNS}`,
      build: DIST_DIR,
      machineLoad: `${loadAtStart} → ${load()}`,
      "reload offline": summarise(reloads),
      "browser relaunched offline": summarise(relaunches),
      goal: "LCP ≤ 1 s",
    };
  } finally {
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchColdStart(), null, 2));
}
