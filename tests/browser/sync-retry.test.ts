import { eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { applications, mutations, syncClients } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { newUser, openInApp, signIn } from "../helpers/cadre-ui";

vi.setConfig({ testTimeout: 180_000 });

const env = useAppAndBrowser();

async function setUp(): Promise<{ context: BrowserContext; page: Page; cadreId: string }> {
  const cadre = await newUser(env.server.db);
  const context = await env.browser.newContext(PHONE);
  // Remembers, across navigations, whether the bar ever said the server was out of reach.
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if (document.body?.textContent?.includes("Server tidak dapat dihubungi")) {
        sessionStorage.setItem("saidUnreachable", "1");
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  await page.getByTestId("updated-at").waitFor();
  await signIn(page, env.server.url, cadre.username);
  return { context, page, cadreId: cadre.id };
}

describe("a push whose connection is reset after the server applied it", () => {
  it("is sent again by the phone at once, applied once, and the bar never says the server is out of reach", async () => {
    const { context, page, cadreId } = await setUp();
    let pushes = 0;
    await page.route(
      (url) => url.pathname === "/api/sync/push",
      async (route) => {
        pushes++;
        if (pushes > 1) return route.continue();
        // The request reaches the server and is committed; the answer is lost to a reset connection.
        await route.fetch();
        await route.abort("connectionreset");
      },
    );

    // Inside the running app: a page load starts it locked, and "Buat berkas" then goes to the lock screen.
    await openInApp(page, env.server.url, "/panduan/surat-keterangan-domisili");
    await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
    await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop() ?? "";
    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Budi Santoso");
    await page.getByLabel("Nomor HP").fill("081234567890");
    // Opening the list starts the app again, and with it a sync round.
    await page.goto(`${env.server.url}/berkas`);

    // The first push reached the server; the round that sent it then ends, and says how, only after that.
    const serverRow = async () =>
      (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
    await expect.poll(serverRow, { timeout: 30_000 }).toBeDefined();
    await page
      .getByTestId("sync-bar")
      .getByRole("button", { name: /^(Sinkronkan|Coba lagi) sekarang$/ })
      .waitFor();
    await expect.poll(() => page.getByTestId("sync-pending").textContent()).toBe("Semua sudah terkirim");
    expect(pushes).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => sessionStorage.getItem("saidUnreachable"))).toBeNull();

    // Applied once: the file's version counts each applied change exactly once, lost answer or not.
    const row = await serverRow();
    expect(row?.status).toBe("draft");
    const clients = await env.server.db.select().from(syncClients).where(eq(syncClients.userId, cadreId));
    expect(clients).toHaveLength(1);
    const recorded = await env.server.db
      .select()
      .from(mutations)
      .where(eq(mutations.clientId, clients[0]?.clientId ?? ""));
    expect(recorded.map((m) => m.seq)).toEqual(recorded.map((_, i) => i + 1));
    expect(recorded.every((m) => m.status === "applied")).toBe(true);
    expect(row?.version).toBe(recorded.length);

    await screenshot(page, "sync-retry-sent");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
