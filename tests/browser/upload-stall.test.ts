import { eq } from "drizzle-orm";
import type { Page, Route } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { applications } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { draftReadyOffline, newUser, signIn } from "../helpers/cadre-ui";

vi.setConfig({ testTimeout: 180_000 });

const env = useAppAndBrowser();
const barStatus = (page: Page) => page.getByTestId("sync-status");

describe("a photo upload the server accepted and never answered", () => {
  it("ends the round after 90 s without progress, says the server takes too long, and the next round sends the photo", async () => {
    const cadre = await newUser(env.server.db);
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    // The page's clock runs as usual until the test jumps it over the 90 s stall limit.
    await page.clock.install();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    await signIn(page, env.server.url, cadre.username);
    await context.setOffline(true);
    const id = await draftReadyOffline(page, env.server.url, "Siti Aminah");
    await page.goto(`${env.server.url}/berkas`);

    // The server takes the photo's bytes and never answers: no error, no retry, no progress.
    const silent: Route[] = [];
    let stalling = true;
    await page.route(
      (url) => url.pathname.startsWith("/api/files/tus/"),
      (route) => {
        if (stalling && route.request().method() === "PATCH") silent.push(route);
        else void route.continue();
      },
    );
    await context.setOffline(false);
    await expect.poll(() => silent.length, { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => barStatus(page).textContent()).toMatch(/^Mengirim foto 1 dari 3/);

    await page.clock.fastForward(90_000);
    await expect
      .poll(() => barStatus(page).textContent(), { timeout: 30_000 })
      .toBe("Server terlalu lama menjawab — dicoba lagi otomatis. Berkas tetap aman di HP.");
    expect((await serverRow(id))?.status).toBeUndefined();
    await screenshot(page, "sync-bar-upload-stalled");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The server answers again: the next round (the connection coming back) resumes and sends the file.
    stalling = false;
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");
    await expect
      .poll(() => page.getByTestId("sync-pending").textContent(), { timeout: 30_000 })
      .toBe("Semua sudah terkirim");
    await context.close();
  });
});

async function serverRow(id: string) {
  return (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
}
