import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { storedTicks } from "../helpers/draft-ui";

// Each test starts a browser context and walks several screens on 2 cores.
vi.setConfig({ testTimeout: 60_000 });

const env = useAppAndBrowser();

async function firstVisit(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  // The catalogue is in IndexedDB once the footer shows the update time.
  await page.getByTestId("updated-at").waitFor();
  return { context, page };
}

describe("requirement guides offline", () => {
  it("works fully offline after one online visit: reload, search, open a guide, switch language", async () => {
    const { context, page } = await firstVisit();
    const onlineCount = await page.locator(".guide-list > li").count();
    expect(onlineCount).toBeGreaterThanOrEqual(30);
    await screenshot(page, "home");

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("status").filter({ hasText: "Tanpa sinyal" }).waitFor();
    await expect.poll(() => page.locator(".guide-list > li").count()).toBe(onlineCount);

    // "IMB" is the word people use; the service is PBG.
    await page.getByRole("searchbox", { name: "Cari layanan" }).fill("IMB");
    const first = page.locator(".guide-list > li").first();
    await expect.poll(() => first.textContent()).toMatch(/Persetujuan Bangunan Gedung|PBG/);
    await first.getByRole("link").click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/PBG|Bangunan/);
    await page.getByRole("heading", { name: "Persyaratan" }).waitFor();
    await screenshot(page, "guide-offline");

    await page.getByRole("button", { name: "English", exact: true }).click();
    await page.getByRole("heading", { name: "Requirements" }).waitFor();
    await page.getByText("Official fee").waitFor();
    // The choice is remembered on the device, offline, across a reload.
    await page.reload();
    await page.getByRole("heading", { name: "Requirements" }).waitFor();
    await context.close();
  });

  it("shows the fee first and filters the checklist with the self-check questions", async () => {
    const { context, page } = await firstVisit();
    await page.goto(`${env.server.url}/panduan/surat-keterangan-domisili`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expect(page.locator(".fact.fee").textContent()).resolves.toContain("Gratis");
    const checklist = page.locator(".checklist");
    const before = await checklist.locator(".requirements > li").count();
    const represented = page.getByRole("group", { name: /diwakilkan/i });
    await represented.getByRole("radio", { name: "Tidak" }).check();
    await expect.poll(() => checklist.locator(".requirements > li").count()).toBeLessThan(before);
    await page.getByText(/Tidak perlu untuk kasus Anda/).waitFor();
    await represented.getByRole("radio", { name: "Ya" }).check();
    await checklist.getByText(/kuasa/i).first().waitFor();

    // Ticks and answers survive a reload.
    await checklist.getByRole("checkbox").first().check();
    // The tick is written to IndexedDB asynchronously: reload once it is stored.
    await expect.poll(() => storedTicks(page, "surat-keterangan-domisili").then((t) => t.length)).toBe(1);
    await page.reload();
    await expect.poll(() => page.locator(".checklist").getByRole("checkbox").first().isChecked()).toBe(true);
    await screenshot(page, "guide");

    // Sharing falls back to copying a WhatsApp-ready text when the Web Share API is missing.
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.evaluate(() => {
      Object.defineProperty(navigator, "share", { value: undefined, configurable: true });
    });
    await page.getByRole("button", { name: "Bagikan" }).click();
    await page.getByText("Teks disalin").waitFor();
    const shared = await page.evaluate(() => navigator.clipboard.readText());
    expect(shared).toMatch(/^\*Surat Keterangan Domisili/);
    expect(shared).toContain("Biaya: Gratis");
    expect(shared).toContain("kuasa");
    expect(shared).toContain("/panduan/surat-keterangan-domisili");

    // The printout is the checklist: no header, buttons or questions.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".app-header").isVisible()).resolves.toBe(false);
    await expect(page.locator(".self-check").isVisible()).resolves.toBe(false);
    await page.locator(".checklist").waitFor();
    await context.close();
  });
});
