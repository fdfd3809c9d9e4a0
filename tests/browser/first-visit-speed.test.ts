import type { BrowserContext, Page, Request } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";

/**
 * Issue 12, a first visit on a slow phone: the catalogue's download starts
 * with the HTML, the list shows before zod, Dexie or the service worker's
 * precache are fetched, and an offline start reads the list from IndexedDB
 * without them. Orders and counts of requests, never timings.
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

describe("a first visit on a slow phone", () => {
  it("asks for the catalogue with the HTML, before the app's code, once, and the offline shell does not", async () => {
    const { context, page, requests } = await phone();
    await page.goto(env.server.url);
    await page.locator(LIST).first().waitFor();
    const order = requests.map(path);
    const catalogue = order.indexOf("/api/guides");
    const firstScript = order.findIndex((p) => p.endsWith(".js"));
    expect(catalogue).toBeGreaterThan(0);
    expect(firstScript).toBeGreaterThan(0);
    // Issued by the HTML's preload, ahead of the entry script and every lazy chunk and worker...
    expect(catalogue).toBeLessThan(firstScript);
    // ...and the page's own fetch took it over: one download, not two.
    await page.getByTestId("updated-at").waitFor();
    expect(requests.filter(isCatalogue)).toHaveLength(1);
    expect(await page.evaluate(() => document.querySelector('link[rel="preload"][href="/api/guides"]') !== null)).toBe(
      true,
    );
    // The precached shell, served on later starts when the device asks only for changes, has no preload.
    const shell = await (await page.request.get(`${env.server.url}/index.html`)).text();
    expect(shell).toContain('<div id="app">');
    expect(shell).not.toContain('rel="preload" href="/api/guides"');
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

  it("shows a first download at once but never stores a page the catalogue's schema refuses", async () => {
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
    const failed = page.getByRole("alert").filter({ hasText: "Panduan belum bisa diunduh" });
    await failed.waitFor();
    expect(await page.locator(LIST).count()).toBe(0);
    // Nothing was stored: offline, the device says it has no catalogue yet.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByText("Katalog belum tersimpan. Sambungkan HP ke internet sekali untuk mengunduhnya.").waitFor();
    await context.close();
  });
});
