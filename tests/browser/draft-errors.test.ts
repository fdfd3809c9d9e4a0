import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot } from "../helpers/browser";
import { newUser, openInApp, signIn } from "../helpers/cadre-ui";
import { NIK } from "../helpers/draft-ui";

vi.setConfig({ testTimeout: 180_000 });

/**
 * Errors that take the cadre there: a field's error appears once the cadre
 * leaves it (or at "Tandai siap diajukan"), never from the first digit; the
 * summary a blocked submit focuses lists every problem as a link.
 */

const env = useAppAndBrowser();

async function newDraft(page: Page): Promise<void> {
  // Inside the running app: a page load starts it locked, and "Buat berkas" then goes to the lock screen.
  await openInApp(page, env.server.url, "/panduan/surat-keterangan-domisili");
  await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
  await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
  await page.getByLabel("NIK (16 angka)").waitFor();
}

async function signedInPhone(): Promise<Page> {
  const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: "31.75.07" });
  const page = await (await env.browser.newContext(PHONE)).newPage();
  await signIn(page, env.server.url, cadre.username);
  return page;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

describe("errors that take the cadre to the field", () => {
  it("shows a field's error when the cadre leaves it, not while typing, marked aria-invalid and never as an alert", async () => {
    const page = await signedInPhone();
    await newDraft(page);
    const nik = page.getByLabel("NIK (16 angka)");
    const summary = page.locator(".verdict");

    // Digit by digit: the summary follows (so the form has re-rendered), the field stays quiet.
    await nik.click();
    for (const digit of "31710152") {
      await page.keyboard.type(digit);
      await expect.poll(async () => (await nik.inputValue()).length).toBeGreaterThan(0);
    }
    await expect.poll(() => summary.textContent()).toContain("NIK harus 16 angka");
    expect(await nik.getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator("#applicant-nik-error").count()).toBe(0);

    // Leaving the field: marked invalid, described by the message under it, and no alert in the form.
    await nik.blur();
    await expect.poll(() => nik.getAttribute("aria-invalid")).toBe("true");
    expect(await nik.getAttribute("aria-describedby")).toBe("applicant-nik-error");
    expect(await page.locator("#applicant-nik-error").textContent()).toContain("NIK harus 16 angka");
    expect(await page.locator("#applicant-title ~ * [role=alert], .card [role=alert]").count()).toBe(0);

    // Typing again in a field already left hides its error until the cadre leaves it again.
    await nik.click();
    await page.keyboard.type("9");
    await expect.poll(() => nik.inputValue()).toBe("317101529");
    await expect.poll(() => summary.textContent()).toContain("NIK harus 16 angka");
    expect(await nik.getAttribute("aria-invalid")).toBeNull();
    await nik.blur();
    await expect.poll(() => nik.getAttribute("aria-invalid")).toBe("true");
    await nik.fill(NIK);
    await nik.blur();
    await expect.poll(() => nik.getAttribute("aria-invalid")).toBeNull();

    // A birth date in the future, once left, is invalid too; not before (the summary shows the
    // form has re-rendered with the date before the field is read).
    const birth = page.getByLabel("Tanggal lahir");
    await birth.fill("2099-01-01");
    await expect.poll(() => summary.textContent()).toContain("01-01-2099");
    expect(await birth.getAttribute("aria-invalid")).toBeNull();
    await birth.blur();
    await expect.poll(() => birth.getAttribute("aria-invalid")).toBe("true");
    await birth.fill("1990-03-12");
    await expect.poll(() => birth.getAttribute("aria-invalid")).toBeNull();

    // The NIK says female (day 52 = 12 + 40): "Laki-laki" is shown wrong at the sex field itself.
    await page.getByRole("radio", { name: "Laki-laki" }).check();
    const sexError = page.locator("#applicant-sex-error");
    await expect.poll(() => sexError.textContent()).toContain("Menurut NIK, pemiliknya perempuan");
    expect(await page.getByRole("radio", { name: "Laki-laki" }).getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByRole("radio", { name: "Laki-laki" }).getAttribute("aria-describedby")).toBe(
      "applicant-sex-error",
    );
    await page.locator("#applicant-sex").scrollIntoViewIfNeeded();
    await screenshot(page, "draft-sex-contradicts-nik");
    await page.getByRole("radio", { name: "Perempuan" }).check();
    await expect.poll(() => sexError.count()).toBe(0);
    await page.context().close();
  });

  it("moves focus to a summary listing every problem as a link when a file that is not ready is marked ready", async () => {
    const page = await signedInPhone();
    await newDraft(page);
    const markReady = page.getByRole("button", { name: "Tandai siap diajukan" });
    // Not disabled for being incomplete; only until the phone knows the office takes this guide version.
    await expect.poll(() => markReady.getAttribute("aria-disabled")).toBe("false");
    await markReady.click();

    const summary = page.locator("#precheck-summary");
    await expect.poll(() => activeId(page)).toBe("precheck-summary");
    expect(await summary.getByRole("alert").textContent()).toContain("Berkas belum bisa diajukan");
    expect(await summary.getAttribute("aria-labelledby")).toBe("verdict-title");

    // Every problem, not the first eight: one link per problem the heading counts.
    const heading = (await page.locator("#verdict-title").textContent()) ?? "";
    const count = Number(/(\d+) hal/.exec(heading)?.[1]);
    expect(count).toBeGreaterThan(8);
    const links = summary.locator(".to-fix a");
    expect(await links.count()).toBe(count);
    expect(await summary.textContent()).not.toContain("…");

    // At submit, every field in error is marked, empty ones included.
    for (const label of ["Nama lengkap (sesuai KTP)", "NIK (16 angka)", "Nomor HP", "RT"]) {
      expect(await page.getByLabel(label, { exact: true }).getAttribute("aria-invalid")).toBe("true");
    }

    await screenshot(page, "draft-error-summary");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // An item takes focus to its field…
    await links.filter({ hasText: "Nomor HP" }).first().click();
    await expect.poll(() => activeId(page)).toBe("applicant-phone");
    // …a requirement's item to its card…
    await links.filter({ hasText: "KTP-el pemohon belum difoto" }).first().click();
    await expect.poll(() => activeId(page)).toBe("req-ktp-el");
    // …and an unanswered question to its choices.
    await links
      .filter({ hasText: /pendatang/i })
      .first()
      .click();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name))
      .toBe("q-pendatang");
    await page.context().close();
  });
});
