import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { applications } from "../../server/db/schema";
import type { AuthUser } from "../../server/http/env";
import { receive, recordVerdict } from "../../server/review/verdict";
import { clockShortText, clockText } from "../../shared/service-time/words";
import { parseTrackingNumber } from "../../shared/tracking/number";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { draftReadyInApp, newUser, signIn } from "../helpers/cadre-ui";
import { officeClockView } from "../helpers/office-clock";
import { decodeQr } from "../helpers/tracking-phone-qr";

vi.setConfig({ testTimeout: 300_000 });

/**
 * The tracking number and the clock on the cadre's phone: they arrive by the
 * pull, show on the list and the file's page, "Status berubah" flags what
 * the office did since the cadre last opened the file, the WhatsApp news
 * carries the number and the status, and the printed summary carries the
 * number and a QR of the status link, offline too.
 */

const env = useAppAndBrowser();

async function serverRow(id: string) {
  return (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
}

/** Loads `path` again (each start-up sync pulls) until `selector` shows. */
async function untilShown(page: Page, path: string, selector: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(`${env.server.url}${path}`);
        return page
          .locator(selector)
          .first()
          .waitFor({ timeout: 5_000 })
          .then(() => true)
          .catch(() => false);
      },
      { timeout: 90_000 },
    )
    .toBe(true);
}

const card = (page: Page, name: string) => page.locator(".draft-card").filter({ hasText: name });

describe("tracking number and clock on the cadre's phone", () => {
  it("shows the number and clock, flags a changed status until the file is opened, sends the news and prints a QR that works offline", async () => {
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: "31.75.07" });
    const operator = await newUser(env.server.db, "operator", { kecamatanCode: "31.75.07" });
    const actor: AuthUser = {
      id: operator.id,
      username: operator.username,
      displayName: "Petugas PTSP",
      role: "operator",
      kecamatanCode: "31.75.07",
      kelurahanCode: null,
    };
    const phone = await env.browser.newContext(PHONE);
    await phone.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await phone.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    await signIn(page, env.server.url, cadre.username);
    await phone.setOffline(true);
    const id = await draftReadyInApp(page, env.server.url, "Wulan Permata Sari");
    await phone.setOffline(false);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");
    const number = (await serverRow(id))?.trackingNumber;
    expect(parseTrackingNumber(number ?? "")).toEqual({ ok: true, number });
    if (!number) throw new Error("no tracking number");

    // Submitted: the list shows the number once the pull brings it; the cadre's own submit is no news.
    await untilShown(page, "/berkas", ".draft-card .tracking-number");
    await expect.poll(() => card(page, "Wulan").locator(".tracking-number").textContent()).toBe(number);
    expect(await card(page, "Wulan").getByTestId("status-changed").count()).toBe(0);

    // "Terima berkas": the clock starts; the list flags the change and counts the days left.
    expect((await receive(env.server.db, { id, actor, now: new Date() })).ok).toBe(true);
    await untilShown(page, "/berkas", '[data-testid="status-changed"]');
    const wulan = card(page, "Wulan");
    expect(await wulan.getByTestId("status-changed").textContent()).toBe("Status berubah");
    const clock = await officeClockView(env.server.url, number);
    expect(await wulan.getByTestId("clock-short").textContent()).toBe(clockShortText(clock, "id"));
    await screenshot(page, "tracking-phone-list");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The file's page: the number (monospace, copyable), the clock sentence; opening it answers the flag.
    await wulan.getByRole("link").first().click();
    await page.waitForURL(new RegExp(`/berkas/${id}$`));
    await expect.poll(() => page.getByTestId("tracking-number").textContent()).toBe(number);
    expect(await page.getByTestId("clock").textContent()).toBe(`Waktu layanan: ${clockText(clock, "id")}`);
    await page.getByRole("button", { name: "Salin nomor" }).click();
    await page.getByText("Nomor disalin.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(number);
    await page.getByRole("heading", { name: "Nomor lacak" }).scrollIntoViewIfNeeded();
    await screenshot(page, "tracking-phone-file");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page
      .getByRole("link", { name: /Semua berkas/ })
      .first()
      .click();
    await page.waitForURL(/\/berkas$/);
    await card(page, "Wulan").locator(".tracking-number").waitFor();
    await expect.poll(() => card(page, "Wulan").getByTestId("status-changed").count()).toBe(0);

    // The office decides: flagged again on the list; opening clears it, and a reload keeps it cleared.
    expect(
      await recordVerdict(env.server.db, id, {
        decision: "verified",
        requirements: {},
        decidedAt: new Date().toISOString(),
      }),
    ).toBe(true);
    await untilShown(page, "/berkas", '[data-testid="status-changed"]');
    await card(page, "Wulan").getByRole("link").first().click();
    await expect.poll(() => page.getByTestId("draft-status").textContent()).toBe("Diverifikasi kantor");
    // Stored before the test loads a page (a load would cut the write short): back on the list inside the
    // running app, which reads the stored row (sealed at rest since issue 15, so not readable straight
    // from IndexedDB), the flag is gone; then a load and a reload keep it gone.
    await page
      .getByRole("link", { name: /Semua berkas/ })
      .first()
      .click();
    await page.waitForURL(/\/berkas$/);
    await card(page, "Wulan").locator(".tracking-number").waitFor();
    await expect.poll(() => card(page, "Wulan").getByTestId("status-changed").count()).toBe(0);
    await page.goto(`${env.server.url}/berkas`);
    await card(page, "Wulan").locator(".tracking-number").waitFor();
    await expect.poll(() => card(page, "Wulan").getByTestId("status-changed").count()).toBe(0);
    await page.reload();
    await card(page, "Wulan").locator(".tracking-number").waitFor();
    expect(await card(page, "Wulan").getByTestId("status-changed").count()).toBe(0);

    // The WhatsApp news: the number, the status in plain words, and the status link.
    await page.goto(`${env.server.url}/berkas/${id}`);
    const news = page.getByTestId("whatsapp-news");
    await news.waitFor();
    const href = (await news.getAttribute("href")) ?? "";
    expect(href.startsWith("https://wa.me/?text=")).toBe(true);
    const text = new URL(href).searchParams.get("text") ?? "";
    expect(text).toContain(
      `Berkas Anda nomor ${number} (Surat Keterangan Domisili (Tempat Tinggal)) sudah diperiksa dan lengkap.`,
    );
    expect(text).toContain(`${env.server.url}/lacak/${number}`);
    expect(text).not.toContain("Wulan");

    // Printed: the number, a QR of the status link, the last known status "per …".
    await printedSummaryHolds(page, number, "tracking-phone-print");

    // Offline, the page comes from the phone and prints the same.
    await phone.setOffline(true);
    await page.emulateMedia({ media: "screen" });
    await page.reload();
    await page.getByTestId("tracking-number").waitFor();
    await printedSummaryHolds(page, number, "tracking-phone-print-offline");
    await phone.close();
  });
});

async function printedSummaryHolds(page: Page, number: string, shot: string): Promise<void> {
  const qr = page.locator('[data-qr="status-link"]');
  await expect.poll(() => qr.getAttribute("data-ready")).toBe("true");
  await page.emulateMedia({ media: "print" });
  const sheet = page.getByTestId("handover-sheet");
  expect(await sheet.isVisible()).toBe(true);
  expect(await sheet.textContent()).toContain(`Nomor lacak: ${number}`);
  expect(await page.getByTestId("print-status").textContent()).toMatch(
    /^Status per .+: Berkas lengkap dan benar, sedang diproses\. (Sisa \d+ hari|Batas waktu hari ini)/,
  );
  expect(await qr.getAttribute("aria-label")).toBe(`Kode QR tautan status berkas nomor ${number}`);
  const box = await qr.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(160);
  expect(await decodeQr(qr)).toBe(`${env.server.url}/lacak/${number}`);
  // The screen's own parts are not on paper.
  expect(await page.getByTestId("whatsapp-news").isVisible()).toBe(false);
  await screenshot(page, shot, { fullPage: true });
}
