import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getGuide, publishGuide, withdrawGuide } from "../../server/guides/repository";
import { CataloguePage } from "../../shared/api/catalogue";
import { DIST_DIR, startAppServer } from "../helpers/app-server";
import { launchChromium, PHONE, waitForServiceWorker } from "../helpers/browser";

vi.setConfig({ testTimeout: 60_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("updates reach the phone without getting in the way", () => {
  it("pulls a changed and a withdrawn guide by delta when the connection returns", async () => {
    const server = await startAppServer();
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      const catalogueRequests: string[] = [];
      page.on("request", (request) => {
        if (request.url().includes("/api/guides")) catalogueRequests.push(new URL(request.url()).search);
      });
      await page.goto(server.url);
      await waitForServiceWorker(page);
      await page.getByTestId("updated-at").waitFor();
      const ids = await page.locator(".guide-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
      const [changedId, withdrawnId] = ids.map((href) => href?.split("/").pop() ?? "");
      if (!changedId || !withdrawnId) throw new Error("catalogue too small");

      await context.setOffline(true);
      const stored = await getGuide(server.db, changedId);
      if (!stored) throw new Error("guide missing on server");
      await publishGuide(server.db, {
        ...stored.guide,
        version: stored.guide.version + 1,
        title: { id: "Judul Baru Dari Kantor", en: "New Title From The Office" },
      });
      await withdrawGuide(server.db, withdrawnId);

      await context.setOffline(false);
      await page.getByText("Judul Baru Dari Kantor").waitFor();
      await expect.poll(() => page.locator(`a[href="/panduan/${withdrawnId}"]`).count()).toBe(0);
      // The first pull was the whole catalogue, the second only the delta.
      expect(catalogueRequests[0]).toBe("");
      expect(catalogueRequests.at(-1)).toMatch(/^\?since=c1\.\d+$/);

      // And the change is stored on the device: it is there offline after a reload.
      await context.setOffline(true);
      await page.reload();
      await page.getByText("Judul Baru Dari Kantor").waitFor();
      await page.goto(`${server.url}/panduan/${changedId}`);
      await page.getByText("Versi 2").waitFor();
    } finally {
      await context.close();
      await server.stop();
    }
  });

  it("offers a new app version without reloading, and keeps what was typed", async () => {
    const staticDir = mkdtempSync(join(tmpdir(), "masdarin-dist-"));
    cpSync(DIST_DIR, staticDir, { recursive: true });
    const server = await startAppServer(staticDir);
    const context = await browser.newContext(PHONE);
    try {
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForServiceWorker(page);
      const search = page.getByRole("searchbox", { name: "Cari layanan" });
      await search.fill("domisili");
      await page.evaluate(() => {
        (window as unknown as { marker: string }).marker = "same page";
      });

      // A new deployment: the service worker script changes byte-wise.
      appendFileSync(join(staticDir, "sw.js"), "\n// next release\n");
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      await page.getByText("Versi baru tersedia.").waitFor({ timeout: 30_000 });
      // Nothing was interrupted: same page, same text.
      expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("same page");
      await expect(search.inputValue()).resolves.toBe("domisili");

      await Promise.all([page.waitForEvent("load"), page.getByRole("button", { name: "Muat ulang" }).click()]);
      expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBeUndefined();
      await expect(page.getByRole("searchbox", { name: "Cari layanan" }).inputValue()).resolves.toBe("domisili");
      await expect(page.getByText("Versi baru tersedia.").count()).resolves.toBe(0);
    } finally {
      await context.close();
      await server.stop();
      rmSync(staticDir, { recursive: true, force: true });
    }
  });

  it("keeps the page when a part of the app is out of reach offline, and loads it once the signal is back", async () => {
    const server = await startAppServer();
    // No service worker: every chunk comes from the network, as on a first visit before the precache.
    const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
    try {
      const page = await context.newPage();
      let loads = 0;
      page.on("load", () => loads++);
      const runnerAsked: number[] = [];
      let held: ((route: Route) => void) | null = null;
      const runnerHeld = new Promise<Route>((resolve) => {
        held = resolve;
      });
      await page.route(/\/assets\/runner-[^/]+\.js$/, (route) => {
        runnerAsked.push(runnerAsked.length);
        if (held) {
          held(route);
          held = null;
        } else void route.continue();
      });
      await page.goto(server.url);
      await page.locator(".guide-list a").first().waitFor();
      // The signal drops while the sync code is on its way: the request fails as a lost connection does.
      const route = await runnerHeld;
      await context.setOffline(true);
      await route.abort("internetdisconnected");
      // The app's HEAD probe (no connection) settles before the page is looked at again.
      await page.evaluate(() => fetch("/", { method: "HEAD" }).catch(() => null));
      expect(loads).toBe(1);
      await expect(page.locator(".guide-list a").first().isVisible()).resolves.toBe(true);

      await context.setOffline(false);
      await expect.poll(() => runnerAsked.length).toBe(2);
      expect(loads).toBe(1);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  it("reloads onto a new release when a part of the app is gone from the server", async () => {
    const server = await startAppServer();
    const context = await browser.newContext({ ...PHONE, serviceWorkers: "block" });
    try {
      const page = await context.newPage();
      let goneOnce = false;
      await page.route(/\/assets\/runner-[^/]+\.js$/, (route) => {
        if (goneOnce) return route.continue();
        goneOnce = true;
        return route.fulfill({ status: 404, body: "" });
      });
      const reloaded = new Promise<void>((resolve) => {
        let loads = 0;
        page.on("load", () => {
          if (++loads === 2) resolve();
        });
      });
      await page.goto(server.url);
      await reloaded;
      await page.locator(".guide-list a").first().waitFor();
    } finally {
      await context.close();
      await server.stop();
    }
  });

  it("is installable: a manifest with real icons, standalone, theme colour", async () => {
    const server = await startAppServer();
    try {
      const manifest = (await (await fetch(`${server.url}/manifest.webmanifest`)).json()) as {
        display: string;
        theme_color: string;
        start_url: string;
        icons: { src: string; sizes: string; type: string }[];
      };
      expect(manifest).toMatchObject({ display: "standalone", theme_color: "#0b5d4b", start_url: "/" });
      for (const size of ["192x192", "512x512"]) {
        const icon = manifest.icons.find((i) => i.sizes === size);
        if (!icon) throw new Error(`no ${size} icon`);
        const response = await fetch(`${server.url}${icon.src}`);
        expect(response.headers.get("content-type")).toBe("image/png");
        const bytes = new Uint8Array(await response.arrayBuffer());
        // PNG signature and the declared width in the IHDR chunk.
        expect([...bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
        expect(new DataView(bytes.buffer).getUint32(16)).toBe(Number(size.split("x")[0]));
      }
      // The app shell and client routes are served by the real server.
      const shell = await fetch(`${server.url}/panduan/apa-saja`);
      expect(shell.status).toBe(200);
      expect(await shell.text()).toContain('<div id="app">');
      const page = CataloguePage.parse(await (await fetch(`${server.url}/api/guides`)).json());
      expect(page.guides.length).toBeGreaterThanOrEqual(30);
    } finally {
      await server.stop();
    }
  });
});
