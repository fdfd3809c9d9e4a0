/**
 * A cadre's first visit on a slow phone: Chromium at 4x CPU behind a shared
 * 400 kbit/s, 400 ms round-trip link (bench/slow-link.ts: the page, its
 * workers and the service worker's precache share it, as on a real phone).
 * Measured per round, interleaved so a busy machine slows each alike:
 *
 * - the static reference page (bench/static-reference: 35 guides as a plain
 *   Preact list) on the same link and CPU;
 * - the app's first visit: time until the guide list is on screen (the frame
 *   after its first item enters the page), LCP, when the catalogue request
 *   started, the JavaScript downloaded before the list showed, and when the
 *   service worker was registered;
 * - then, once the app says it works offline, an offline cold start (service
 *   worker stopped, new page, 4x CPU): time to the list and LCP;
 * - optionally an older checkout of the app (its own server code and build),
 *   for before/after figures from one run: FIRST_VISIT_BEFORE=<checkout>
 *   FIRST_VISIT_BEFORE_DIST=<its vite build>.
 *
 * `npx tsx bench/first-visit.ts` (after `npx vite build`; MASDARIN_DIST picks another build,
 * FIRST_VISIT_RUNS the rounds, 5 by default). Medians are printed; the machine's load shows in the reference.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DIST_DIR, startAppServer } from "../tests/helpers/app-server";
import { launchChromium, PHONE } from "../tests/helpers/browser";
import { SLOW_PHONE_LINK, startSlowLink } from "./slow-link";
import { startStaticReference } from "./static-reference/index";

const RUNS = Number(process.env.FIRST_VISIT_RUNS ?? 5);
const CPU_SLOWDOWN = 4;
const APP_LIST = ".guide-list > li";
const REFERENCE_LIST = "ul > li";

interface Marks {
  listMs: number | null;
  lcpMs: number | null;
  swRegisterMs: number | null;
}

/** Installed before any page script: when the list first shows, the LCP, when a service worker is registered. */
function recordMarks(selector: string): void {
  const marks: Marks = { listMs: null, lcpMs: null, swRegisterMs: null };
  (window as unknown as { __marks: Marks }).__marks = marks;
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries()) marks.lcpMs = entry.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  let seen = false;
  new MutationObserver(() => {
    if (seen || !document.querySelector(selector)) return;
    seen = true;
    // In the DOM now; on screen with the next frame.
    requestAnimationFrame(() => {
      marks.listMs = performance.now();
    });
  }).observe(document, { childList: true, subtree: true });
  const container = globalThis.ServiceWorkerContainer?.prototype;
  if (container) {
    const register = container.register;
    container.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
      marks.swRegisterMs ??= performance.now();
      return register.apply(this, args);
    };
  }
}

async function slowPhonePage(context: BrowserContext, selector: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(recordMarks, selector);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return page;
}

async function marksOnceListed(page: Page): Promise<Marks> {
  await page.waitForFunction(() => (window as unknown as { __marks: Marks }).__marks.listMs !== null, undefined, {
    timeout: 120_000,
    polling: 250,
  });
  // LCP entries are delivered after the frame that painted them.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 200))));
  return page.evaluate(() => ({ ...(window as unknown as { __marks: Marks }).__marks }));
}

interface VisitFigures {
  listMs: number;
  lcpMs: number;
  swRegisterMs: number | null;
  catalogueRequestStartMs: number | null;
  /** Gzip bytes of JavaScript that had arrived when the list showed. */
  jsBytesBeforeList: number;
}

async function firstVisit(
  browser: Browser,
  url: string,
  selector: string,
): Promise<{ context: BrowserContext; figures: VisitFigures }> {
  const context = await browser.newContext(PHONE);
  const page = await slowPhonePage(context, selector);
  await page.goto(url, { waitUntil: "commit" });
  const marks = await marksOnceListed(page);
  const resources = await page.evaluate((listMs) => {
    const entries = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const catalogue = entries.find((entry) => new URL(entry.name).pathname === "/api/guides");
    const js = entries.filter((entry) => entry.name.endsWith(".js") && entry.responseEnd <= listMs);
    return {
      catalogueRequestStartMs: catalogue ? catalogue.startTime : null,
      jsBytesBeforeList: js.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
    };
  }, marks.listMs as number);
  return {
    context,
    figures: {
      listMs: marks.listMs as number,
      lcpMs: marks.lcpMs ?? Number.NaN,
      swRegisterMs: marks.swRegisterMs,
      ...resources,
    },
  };
}

/**
 * After a first visit: offline, a new page at 4x CPU. The service worker is
 * still running (stopping it through DevTools makes Playwright lose the
 * browser context), so this is the app's own start-up, not the worker's.
 */
async function offlineColdStart(context: BrowserContext, url: string): Promise<{ listMs: number; lcpMs: number }> {
  const first = context.pages()[0] as Page;
  await first.getByTestId("works-offline").waitFor({ timeout: 180_000 });
  await context.setOffline(true);
  const page = await slowPhonePage(context, APP_LIST);
  await first.close();
  await page.goto(url, { waitUntil: "commit" });
  const marks = await marksOnceListed(page);
  return { listMs: marks.listMs as number, lcpMs: marks.lcpMs ?? Number.NaN };
}

function progress(line: string): void {
  process.stderr.write(`first-visit: ${line}\n`);
}

function median(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (known.length === 0) return null;
  const sorted = [...known].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return Math.round(
    sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2,
  );
}

interface AppTarget {
  name: string;
  url: string;
  stop(): Promise<void>;
}

/** The app's server (this checkout's, or another's for a before figure) behind its own slow link. */
async function startApp(name: string, checkout: string | undefined, dist: string): Promise<AppTarget> {
  const start: typeof startAppServer = checkout
    ? (await import(resolve(checkout, "tests/helpers/app-server.ts"))).startAppServer
    : startAppServer;
  const server = await start(dist);
  const link = await startSlowLink(server.url);
  return {
    name,
    url: link.url,
    async stop() {
      await link.stop();
      await server.stop();
    },
  };
}

export async function benchFirstVisit() {
  const browser = await launchChromium();
  const reference = await startStaticReference();
  const referenceLink = await startSlowLink(reference.url);
  const apps = [await startApp("app", undefined, DIST_DIR)];
  const beforeCheckout = process.env.FIRST_VISIT_BEFORE;
  if (beforeCheckout) {
    const beforeDist = process.env.FIRST_VISIT_BEFORE_DIST ?? resolve(beforeCheckout, "dist");
    apps.unshift(await startApp("before", beforeCheckout, beforeDist));
  }
  const referenceRuns: number[] = [];
  const visits = new Map(apps.map((app) => [app.name, [] as VisitFigures[]]));
  const offline = new Map(apps.map((app) => [app.name, [] as { listMs: number; lcpMs: number }[]]));
  try {
    for (let round = 0; round < RUNS; round++) {
      const ref = await firstVisit(browser, `${referenceLink.url}/`, REFERENCE_LIST);
      referenceRuns.push(ref.figures.listMs);
      progress(`round ${round + 1}: reference ${Math.round(ref.figures.listMs)} ms`);
      await ref.context.close();
      for (const app of apps) {
        const { context, figures } = await firstVisit(browser, `${app.url}/`, APP_LIST);
        visits.get(app.name)?.push(figures);
        progress(`round ${round + 1}: ${app.name} list ${Math.round(figures.listMs)} ms`);
        const cold = await offlineColdStart(context, `${app.url}/`);
        offline.get(app.name)?.push(cold);
        progress(`round ${round + 1}: ${app.name} offline cold start ${Math.round(cold.listMs)} ms`);
        await context.close();
      }
    }
  } finally {
    for (const app of apps) await app.stop();
    await referenceLink.stop();
    await reference.stop();
    await browser.close();
  }
  const summary = (runs: VisitFigures[]) => ({
    listOnScreenMs: median(runs.map((run) => run.listMs)),
    lcpMs: median(runs.map((run) => run.lcpMs)),
    catalogueRequestStartMs: median(runs.map((run) => run.catalogueRequestStartMs)),
    serviceWorkerRegisteredMs: median(runs.map((run) => run.swRegisterMs)),
    jsGzipBytesBeforeList: median(runs.map((run) => run.jsBytesBeforeList)),
    runsListMs: runs.map((run) => Math.round(run.listMs)),
  });
  return {
    conditions: `${CPU_SLOWDOWN}x CPU, ${SLOW_PHONE_LINK.bitsPerSecond / 1000} kbit/s each way shared, ${SLOW_PHONE_LINK.roundTripMs} ms round trip; ${RUNS} rounds, medians`,
    staticReference: { listOnScreenMs: median(referenceRuns), runsListMs: referenceRuns.map(Math.round) },
    ...Object.fromEntries(
      apps.map((app) => [
        app.name,
        {
          firstVisit: summary(visits.get(app.name) ?? []),
          offlineColdStart: {
            listOnScreenMs: median((offline.get(app.name) ?? []).map((run) => run.listMs)),
            lcpMs: median((offline.get(app.name) ?? []).map((run) => run.lcpMs)),
          },
        },
      ]),
    ),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchFirstVisit(), null, 2));
}
