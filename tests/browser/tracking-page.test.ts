import { randomBytes } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { CITIZEN_STATUS, clockText } from "../../shared/service-time/words";
import { newTrackingNumber, parseTrackingNumber } from "../../shared/tracking/number";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { draftReadyInApp, newUser, signIn } from "../helpers/cadre-ui";
import { NIK } from "../helpers/draft-ui";
import { officeClockView } from "../helpers/office-clock";
import { h1Texts, horizontalOverflow, smallTapTargets } from "../helpers/small-screen";
import { officeDecides, officeReceives, operatorOf, serverRow } from "../helpers/tracking-page-office";
import { decodeQr } from "../helpers/tracking-page-qr";

vi.setConfig({ testTimeout: 300_000 });

/**
 * The public /lacak page on a citizen's own phone, no account: opened from
 * the QR of the cadre's printed summary, it shows the status, the steps and
 * the clock, keeps them for offline use, refreshes once back online, and
 * names what is wrong with a number before asking anyone.
 */

const env = useAppAndBrowser();
const APPLICANT = "Siti Wulandari";
const PRIVATE_NOTE = "Foto KTP buram, ulangi di tempat terang";
const PUBLIC_NOTE = "Silakan unggah ulang KTP; berkas lain sudah lengkap.";

/** What every phone screen must be at 360 px: no serious axe finding, one h1, no sideways pan, 44 px targets. */
async function checkPhoneScreen(page: Page, name: string): Promise<void> {
  expect.soft(await seriousA11yViolations(page), name).toEqual([]);
  expect.soft(await h1Texts(page), name).toHaveLength(1);
  expect.soft(await horizontalOverflow(page), name).toBe(0);
  expect.soft(await smallTapTargets(page), name).toEqual([]);
  await screenshot(page, name);
}

const status = (page: Page) => page.getByTestId("lacak-status");
const problem = (page: Page) => page.getByTestId("tracking-error");

/** The clock's sentence as the page must write it today, from the office's own answer. */
async function expectedClock(number: string): Promise<string> {
  return clockText(await officeClockView(env.server.url, number), "id");
}

/** The cadre files a complete domisili file through the real sync; it gets its number at the first submit. */
async function fileSubmitted(): Promise<{ cadrePage: Page; cadre: BrowserContext; id: string; number: string }> {
  const user = await newUser(env.server.db, "cadre", { kecamatanCode: "31.75.07" });
  const cadre = await env.browser.newContext(PHONE);
  const cadrePage = await cadre.newPage();
  await cadrePage.goto(env.server.url);
  await waitForServiceWorker(cadrePage);
  await cadrePage.getByTestId("updated-at").waitFor();
  await signIn(cadrePage, env.server.url, user.username);
  await cadre.setOffline(true);
  const id = await draftReadyInApp(cadrePage, env.server.url, APPLICANT);
  await cadre.setOffline(false);
  await expect.poll(async () => (await serverRow(env.server.db, id))?.status, { timeout: 60_000 }).toBe("submitted");
  const number = (await serverRow(env.server.db, id))?.trackingNumber;
  if (!number) throw new Error("the submitted file has no tracking number");
  return { cadrePage, cadre, id, number };
}

/** The printed summary's QR, read as a camera would: the cadre's page in print media, the QR screenshot decoded. */
async function scanPrintedQr(cadrePage: Page, id: string): Promise<string> {
  const qr = cadrePage.locator('[data-qr="status-link"][data-ready="true"]');
  await expect
    .poll(
      async () => {
        await cadrePage.goto(`${env.server.url}/berkas/${id}`);
        return qr
          .waitFor({ state: "attached", timeout: 5_000 })
          .then(() => true)
          .catch(() => false);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  await cadrePage.emulateMedia({ media: "print" });
  await qr.waitFor({ state: "visible" });
  await screenshot(cadrePage, "lacak-printed-summary", { fullPage: true });
  const decoded = await decodeQr(await qr.screenshot());
  await cadrePage.emulateMedia({ media: "screen" });
  if (!decoded) throw new Error("the printed QR code could not be read");
  return decoded;
}

describe("/lacak, the public status page", () => {
  it("opens from the printed summary's QR with no account, shows status, service, steps and clock, works offline, and refreshes after the office's next decision", async () => {
    const { cadrePage, cadre, id, number } = await fileSubmitted();
    const operator = await newUser(env.server.db, "operator", { kecamatanCode: "31.75.07" });
    await officeReceives(env.server.db, id, operatorOf(operator));

    const link = await scanPrintedQr(cadrePage, id);
    expect(link).toBe(`${env.server.url}/lacak/${number}`);
    await cadre.close();

    // A fresh phone: no account, nothing stored.
    const citizen = await env.browser.newContext(PHONE);
    const page = await citizen.newPage();
    await page.goto(link);
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe(CITIZEN_STATUS.received.id);
    expect(await page.locator("h1").textContent()).toContain(number);
    expect(await page.getByTestId("lacak-service").textContent()).toContain("Domisili");
    expect(await page.getByTestId("lacak-initials").textContent()).toBe("S. W.");
    const steps = page.getByTestId("lacak-steps").locator("li");
    expect(await steps.evaluateAll((items) => items.map((item) => item.getAttribute("data-kind")))).toEqual([
      "submitted",
      "received",
    ]);
    // Dates in Indonesian, Jakarta time.
    expect(await steps.first().locator("time").textContent()).toMatch(
      /^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ 20\d\d pukul \d\d\.\d\d WIB$/,
    );
    expect(await page.getByTestId("lacak-clock").locator("p").textContent()).toBe(await expectedClock(number));
    expect(await page.getByTestId("lacak-updated").textContent()).toContain("Terakhir diperbarui");
    // No personal data: neither the name, nor the NIK, nor the phone number.
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain("Siti");
    expect(text).not.toContain("Wulandari");
    expect(text).not.toContain(NIK);
    expect(text).not.toContain("081234567890");
    await checkPhoneScreen(page, "lacak-status");
    expect(await page.title()).toBe(`Lacak berkas ${number} — Masdarin`);

    // In English too, from the same stored words.
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => status(page).textContent()).toBe(CITIZEN_STATUS.received.en);
    expect(await page.getByTestId("lacak-steps").locator("li").first().textContent()).toContain(
      "Submitted to the office",
    );
    await screenshot(page, "lacak-status-en");
    await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
    await expect.poll(() => status(page).textContent()).toBe(CITIZEN_STATUS.received.id);

    // Offline, after a reload: the same status from the phone, with when it was last heard.
    await waitForServiceWorker(page);
    await citizen.setOffline(true);
    await page.reload();
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe(CITIZEN_STATUS.received.id);
    await page.getByTestId("lacak-problem").waitFor();
    expect(await page.getByTestId("lacak-problem").textContent()).toContain("Tidak ada sinyal");
    expect(await page.getByTestId("lacak-updated").textContent()).toMatch(
      /^Terakhir diperbarui (baru saja|\d+ menit yang lalu) \(\d{1,2} \w+ 20\d\d, \d\d\.\d\d\)$/,
    );
    expect(await page.getByTestId("lacak-clock").locator("p").textContent()).toMatch(/hari kerja|hari yang sama/);
    await checkPhoneScreen(page, "lacak-status-offline");

    // The list of numbers checked before, offline too.
    await page.getByRole("link", { name: "Cek nomor lain" }).click();
    const saved = page.getByTestId("saved-number");
    await saved.first().waitFor();
    expect(await saved.count()).toBe(1);
    expect(await saved.first().textContent()).toContain(number);
    expect(await saved.first().textContent()).toContain("Terakhir diperbarui");
    await checkPhoneScreen(page, "lacak-saved-offline");
    await screenshot(page, "lacak-saved-offline-full", { fullPage: true });
    await saved.first().getByRole("link", { name: number }).click();
    await expect.poll(() => status(page).textContent()).toBe(CITIZEN_STATUS.received.id);

    // The office checks the file meanwhile: complete and correct.
    await officeDecides(env.server.db, id, {
      decision: "verified",
      requirements: {},
      decidedAt: new Date().toISOString(),
    });
    // Back online: the page asks again by itself.
    await citizen.setOffline(false);
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe(CITIZEN_STATUS.verified.id);
    await expect.poll(() => page.getByTestId("lacak-problem").count()).toBe(0);
    expect(await page.getByTestId("lacak-changed").textContent()).toBe(
      `Status berubah sejak terakhir dicek di HP ini. Sebelumnya: ${CITIZEN_STATUS.received.id}.`,
    );
    expect(await page.getByTestId("lacak-steps").locator("li").last().getAttribute("data-kind")).toBe("verified");

    // Then sends it back, with a public note and a private one on the requirement: "Perbarui" brings it at once.
    await officeDecides(env.server.db, id, {
      decision: "needs-fix",
      requirements: { "ktp-el": { status: "needs-fix", reasonCode: "blurry", reason: PRIVATE_NOTE } },
      reason: PUBLIC_NOTE,
      reasonPublic: true,
      decidedAt: new Date().toISOString(),
    });
    await page.getByRole("button", { name: "Perbarui" }).click();
    await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toBe(CITIZEN_STATUS["needs-fix"].id);
    const fixes = page.getByTestId("lacak-fixes");
    expect(await fixes.textContent()).toContain("KTP-el pemohon: Foto buram atau gelap");
    expect(await fixes.textContent()).toContain(`Catatan kantor: ${PUBLIC_NOTE}`);
    expect(await page.locator("main").textContent()).not.toContain(PRIVATE_NOTE);
    expect(await page.getByTestId("lacak-clock").textContent()).toContain("dijeda");
    expect(await page.getByTestId("lacak-clock").locator("p").textContent()).toBe(await expectedClock(number));
    await screenshot(page, "lacak-needs-fix");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "lacak-needs-fix-full", { fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Removing a number takes it off this phone.
    await page.getByRole("link", { name: "Cek nomor lain" }).click();
    await page.getByRole("button", { name: `Hapus nomor ${number} dari HP ini` }).click();
    await page.getByText(`Nomor ${number} dihapus dari HP ini.`).waitFor();
    expect(await page.getByTestId("saved-number").count()).toBe(0);
    await citizen.close();
  });

  it("names what is wrong with a number before asking the office: malformed, mistyped; then not found and too many checks", async () => {
    const citizen = await env.browser.newContext(PHONE);
    const page = await citizen.newPage();
    const asked: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/track/")) asked.push(request.url());
    });
    await page.goto(`${env.server.url}/`);
    // The way in: a tab of the header, on the home screen and every cadre screen.
    await page.locator(".guide-card, .card").first().waitFor();
    await screenshot(page, "lacak-home-link");
    await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Lacak berkas" }).click();
    await page.waitForURL(/\/lacak$/);
    const input = page.getByLabel("Nomor berkas");
    expect(await input.getAttribute("autocapitalize")).toBe("characters");
    expect(await input.getAttribute("autocomplete")).toBe("off");

    const check = async (typed: string) => {
      await input.fill(typed);
      await page.getByRole("button", { name: "Cek status" }).click();
    };
    await check("");
    expect(await problem(page).textContent()).toContain("Ketik nomor berkas dulu");
    await check("DRN-7K4MX");
    expect(await problem(page).textContent()).toContain("13 huruf dan angka");
    expect(await problem(page).textContent()).toContain("yang diketik 8");
    await check("DRN-7K4MO-2QP9A");
    expect(await problem(page).textContent()).toContain("tidak pernah memakai “O”");
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    await checkPhoneScreen(page, "lacak-malformed");

    // A real number with two neighbours swapped: the check character catches it on the phone.
    const good = newTrackingNumber("DRN", randomBytes);
    const chars = [...good];
    const at = chars.findIndex((char, i) => i > 4 && char !== "-" && chars[i + 1] !== "-" && chars[i + 1] !== char);
    [chars[at], chars[at + 1]] = [chars[at + 1] as string, chars[at] as string];
    const swapped = chars.join("");
    expect(parseTrackingNumber(swapped)).toEqual({ ok: false, code: "tracking_mistyped" });
    await check(swapped);
    expect(await problem(page).textContent()).toContain("salah ketik");
    expect(asked).toEqual([]);

    // Well formed, but no file has it: the office says so, and the number stays in the form to fix.
    await check(good.toLowerCase().replaceAll("-", " "));
    await page.waitForURL(new RegExp(`/lacak/${good}$`));
    await expect.poll(() => problem(page).textContent()).toContain("Tidak ada berkas dengan nomor ini");
    expect(await input.inputValue()).toBe(good);
    expect(asked).toHaveLength(1);
    await checkPhoneScreen(page, "lacak-not-found");

    // A link carrying a broken number shows it with what is wrong, and asks nobody.
    await page.goto(`${env.server.url}/lacak/DRN-7K4MX-2QP9`);
    await expect.poll(() => problem(page).textContent()).toContain("13 huruf dan angka");
    expect(asked).toHaveLength(1);

    // Too many checks from this address: said with the wait.
    await page.route("**/api/track/**", (route) =>
      route.fulfill({
        status: 429,
        headers: { "Content-Type": "application/json", "Retry-After": "30" },
        body: JSON.stringify({ error: { code: "rate_limited", message: "Terlalu banyak permintaan" } }),
      }),
    );
    await page.goto(`${env.server.url}/lacak/${good}`);
    await expect.poll(() => problem(page).textContent()).toContain("Tunggu 30 detik");

    // No signal and never checked here: said so, instead of a blank page.
    await citizen.setOffline(true);
    await check(newTrackingNumber("DRN", randomBytes));
    await expect
      .poll(() => page.getByTestId("lacak-problem").textContent())
      .toContain("Nomor ini belum pernah dicek di HP ini");
    await checkPhoneScreen(page, "lacak-offline-unknown");
    await citizen.close();
  });
});
