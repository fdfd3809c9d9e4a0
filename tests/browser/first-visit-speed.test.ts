import type { BrowserContext, Page, Request } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import type { CatalogueSummary } from "../../shared/api/catalogue";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";

/**
 * Issue 12, a first visit on a slow phone: the list shows from the summary
 * the server inlined into the HTML, before the full catalogue is asked for
 * and before zod, Dexie or the service worker's precache are fetched; a
 * guide tapped meanwhile waits for the catalogue; an offline start reads the
 * list from IndexedDB without them. Orders and counts of requests, never timings.
 */

// A 400 kbit/s link and 4x CPU on a shared 2-core machine: slow on purpose.
vi.setConfig({ testTimeout: 180_000 });

const env = useAppAndBrowser();
const LIST = ".guide-list > li";

interface Marks {
  /** performance.now() of the frame after the first guide entered the page. */
  listAt: number | null;
  /** Whether the list was on the page when a service worker was registered, and whether one was. */
  listShownAtRegister: boolean | null;
}

/** Installed before any page script. */
function recordMarks(selector: string): void {
  const marks: Marks = { listAt: null, listShownAtRegister: null };
  (window as unknown as { __marks: Marks }).__marks = marks;
  new MutationObserver(() => {
    if (marks.listAt === null && document.querySelector(selector)) marks.listAt = performance.now();
  }).observe(document, { childList: true, subtree: true });
  const container = globalThis.ServiceWorkerContainer?.prototype;
  if (!container) return;
  const register = container.register;
  container.register = function (this: ServiceWorkerContainer, ...args: Parameters<typeof register>) {
    marks.listShownAtRegister ??= document.querySelector(selector) !== null;
    return register.apply(this, args);
  };
}

const marks = (page: Page) => page.evaluate(() => ({ ...(window as unknown as { __marks: Marks }).__marks }));

async function phone(): Promise<{ context: BrowserContext; page: Page; requests: Request[] }> {
  const context = await env.browser.newContext(PHONE);
  // On every page of the context: the offline start opens a second one.
  await context.addInitScript(recordMarks, LIST);
  const page = await context.newPage();
  const requests: Request[] = [];
  context.on("request", (request) => requests.push(request));
  return { context, page, requests };
}

const path = (request: Request) => new URL(request.url()).pathname;
const isCatalogue = (request: Request) => path(request) === "/api/guides";

/** Resource Timing of the page: when each file's request started, by path. */
function resourceStarts(page: Page): Promise<{ path: string; start: number }[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).map((entry) => ({
      path: new URL(entry.name).pathname,
      start: entry.startTime,
    })),
  );
}

/** Holds the full catalogue's answer until released; `requested` resolves once the page asked for it. */
function holdCatalogue(page: Page): { requested: Promise<void>; release: () => void } {
  let release!: () => void;
  let requested!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const asked = new Promise<void>((resolve) => {
    requested = resolve;
  });
  void page.route(
    (url) => url.pathname === "/api/guides",
    async (route) => {
      requested();
      await released;
      await route.continue();
    },
  );
  return { requested: asked, release };
}

/** Guides in the app's IndexedDB (client/db/local-db.ts), read the plain way. */
function storedGuideCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("masdarin");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction("guides").objectStore("guides").count();
          count.onsuccess = () => {
            open.result.close();
            resolve(count.result);
          };
        };
      }),
  );
}

/** "35 layanan": the count the home screen states above its list. */
async function listedCount(page: Page): Promise<number> {
  return Number(/\d+/.exec((await page.locator("#results-heading").textContent()) ?? "")?.[0]);
}

describe("a first visit on a slow phone", () => {
  it("lists the guides from the HTML's summary, then asks for the full catalogue once, after the list is on screen", async () => {
    const { context, page, requests } = await phone();
    // The full catalogue is held until the page is looked at: the list cannot have come from it.
    let listedWhileHeld: boolean | null = null;
    await page.route(
      (url) => url.pathname === "/api/guides",
      async (route) => {
        listedWhileHeld = await page.evaluate((selector) => document.querySelector(selector) !== null, LIST);
        await route.continue();
      },
    );
    await page.goto(env.server.url);
    await page.locator(LIST).first().waitFor();
    await page.getByTestId("saved-on-device").waitFor();
    expect(listedWhileHeld).toBe(true);
    // Asked for once (no preload racing the app's code on a slow link), and only after the list was in the page.
    expect(requests.filter(isCatalogue)).toHaveLength(1);
    const { listAt } = await marks(page);
    const catalogueStart = (await resourceStarts(page)).find((entry) => entry.path === "/api/guides")?.start;
    expect(catalogueStart).toBeGreaterThan(listAt as number);
    expect(await page.evaluate(() => document.querySelector('link[rel="preload"][href="/api/guides"]'))).toBeNull();
    // The precached shell, served on later starts when the device asks only for changes, has no summary.
    const shell = await (await page.request.get(`${env.server.url}/index.html`)).text();
    expect(shell).toContain('<div id="app">');
    expect(shell).not.toContain("catalogue-summary");
    await context.close();
  });

  it("carries in the summary only what the list shows of each guide", async () => {
    const { context, page } = await phone();
    await page.goto(env.server.url);
    const summary = JSON.parse(
      (await page.locator("script#catalogue-summary").textContent()) ?? "null",
    ) as CatalogueSummary;
    expect(Object.keys(summary).sort()).toEqual(["cursor", "guides"]);
    expect(summary.guides.length).toBeGreaterThanOrEqual(30);
    for (const guide of summary.guides) {
      expect(Object.keys(guide).sort()).toEqual(["category", "fee", "id", "office", "serviceTime", "summary", "title"]);
    }
    await context.close();
  });

  it("says the guides are stored on the phone only once the worker has stored them", async () => {
    const { context, page } = await phone();
    const held = holdCatalogue(page);
    await page.goto(env.server.url);
    await page.locator(LIST).first().waitFor();
    await page.getByTestId("catalogue-saving").waitFor();
    await held.requested;
    expect(await page.getByTestId("saved-on-device").count()).toBe(0);
    await screenshot(page, "first-visit-summary-list");
    expect(await seriousA11yViolations(page)).toEqual([]);
    held.release();
    await page.getByTestId("saved-on-device").waitFor();
    // By then the catalogue and its cursor are in IndexedDB.
    expect(await storedGuideCount(page)).toBe(await listedCount(page));
    await context.close();
  });

  it("opens a guide tapped while the full catalogue downloads once it has arrived", async () => {
    const { context, page } = await phone();
    const held = holdCatalogue(page);
    await page.goto(env.server.url);
    const first = page.locator(".guide-card").first();
    const title = (await first.locator(".guide-card-title").textContent()) ?? "";
    await held.requested;
    await first.click();
    await page.getByTestId("guide-loading").waitFor();
    // The title from the list, but not the guide itself yet.
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await page.getByRole("button", { name: "Buat berkas untuk warga" }).count()).toBe(0);
    await screenshot(page, "first-visit-guide-loading");
    expect(await seriousA11yViolations(page)).toEqual([]);
    held.release();
    await page.getByRole("button", { name: "Buat berkas untuk warga" }).waitFor();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await page.getByTestId("guide-loading").count()).toBe(0);
    await context.close();
  });

  it("shows the list before the catalogue worker, Dexie and the service worker are fetched, then stores it", async () => {
    const { context, page } = await phone();
    await page.goto(env.server.url);
    await page.locator(LIST).first().waitFor();
    await page.getByTestId("updated-at").waitFor();
    await waitForServiceWorker(page);
    const { listAt, listShownAtRegister } = await marks(page);
    expect(listAt).not.toBeNull();
    // The service worker was registered only once the list was on screen.
    expect(listShownAtRegister).toBe(true);
    const starts = await resourceStarts(page);
    const later = starts.filter((entry) => /\/assets\/(fetch-worker|local-db|sw-register)-/.test(entry.path));
    // Sanity: they were fetched, by this page, after all.
    expect(later.map((entry) => entry.path.split("/")[2]?.split("-")[0]).sort()).toEqual(
      expect.arrayContaining(["fetch", "local", "sw"]),
    );
    for (const entry of later) expect(entry.start).toBeGreaterThan(listAt as number);
    // Stored by the worker: an offline reload shows the same list from IndexedDB.
    const count = await page.locator(LIST).count();
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.locator(LIST).count()).toBe(count);
    await context.close();
  });

  it("shows a slow first download's list, and works offline after, at 400 kbit/s, 400 ms and 4x CPU", async () => {
    const { context, page } = await phone();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 400,
      downloadThroughput: 400_000 / 8,
      uploadThroughput: 400_000 / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(env.server.url, { waitUntil: "commit" });
    await page.locator(LIST).first().waitFor({ timeout: 60_000 });
    await screenshot(page, "first-visit-slow-list");
    await page.getByTestId("works-offline").waitFor({ timeout: 120_000 });
    await screenshot(page, "first-visit-slow-stored");
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect((await marks(page)).listShownAtRegister).toBe(true);

    const count = await page.locator(LIST).count();
    expect(count).toBeGreaterThanOrEqual(30);
    await context.setOffline(true);
    await page.reload({ waitUntil: "commit" });
    await expect.poll(() => page.locator(LIST).count(), { timeout: 60_000 }).toBe(count);
    await context.close();
  });

  it("starts offline from IndexedDB alone: the list shows before any catalogue, database or sync code is fetched", async () => {
    const { context, page } = await phone();
    await page.goto(env.server.url);
    await page.getByTestId("works-offline").waitFor({ timeout: 30_000 });
    await context.setOffline(true);
    const cold = await context.newPage();
    await page.close();
    await cold.goto(env.server.url);
    await cold.locator(LIST).first().waitFor();
    await cold.getByRole("status").filter({ hasText: "Tanpa sinyal" }).waitFor();
    const { listAt } = await marks(cold);
    // Whatever the page fetched from the service worker's cache before the list: none of the heavy parts.
    const before = (await resourceStarts(cold)).filter((entry) => entry.start < (listAt as number));
    expect(before.some((entry) => entry.path.endsWith(".js"))).toBe(true);
    expect(before.filter((entry) => /(fetch-worker|local-db|session|runner|sw-register)-/.test(entry.path))).toEqual(
      [],
    );
    await screenshot(cold, "offline-cold-start");
    expect(await seriousA11yViolations(cold)).toEqual([]);
    await context.close();
  });

  it("never stores a first download the catalogue's schema refuses, and says the guides are not stored", async () => {
    const { context, page } = await phone();
    // A page whose guides render but whose cursor is not a string: zod, in the worker, refuses it.
    await page.route(
      (url) => url.pathname === "/api/guides",
      async (route) => {
        const response = await route.fetch();
        const body = (await response.json()) as { cursor: unknown };
        await route.fulfill({ response, json: { ...body, cursor: 42 } });
      },
    );
    await page.goto(env.server.url);
    // The list stays, from the HTML's summary; the status line says the full guides did not arrive.
    await page.getByText("Panduan lengkap belum terunduh: server tidak dapat dihubungi.").waitFor();
    expect(await page.locator(LIST).count()).toBeGreaterThan(0);
    expect(await page.getByTestId("saved-on-device").count()).toBe(0);
    // Nothing was stored: offline, the device says it has no catalogue yet.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByText("Katalog belum tersimpan. Sambungkan HP ke internet sekali untuk mengunduhnya.").waitFor();
    await context.close();
  });
});
