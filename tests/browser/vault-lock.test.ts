import { eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applications } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { newUser, TEST_PASSWORD } from "../helpers/cadre-ui";
import { horizontalOverflow, smallTapTargets } from "../helpers/small-screen";
import { choosePin, goInApp, lockScreen, PIN, passwordSignIn, typePin } from "../helpers/vault-ui";

/**
 * Issue 15, "Lock" as the cadre lives it: a PIN chosen at the first sign-in,
 * the lock after five minutes without a touch or in the background, the PIN
 * that opens offline and brings back the screen the cadre was on, wrong PINs
 * that never open and make the cadre wait, and the erase after ten of them
 * that keeps what was not sent. The clock is Playwright's, installed before
 * the app loads, so no test waits five real minutes.
 */
vi.setConfig({ testTimeout: 300_000 });

const env = useAppAndBrowser();
const GUIDE = "/panduan/surat-keterangan-domisili";
const WRONG = "918273";
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close().catch(() => undefined);
  context = undefined;
});

async function phone(): Promise<Page> {
  context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.clock.install();
  return page;
}

/** A new cadre signed in with the password, PIN chosen, on the drafts list. */
async function cadreWithPin(page: Page): Promise<string> {
  const { username } = await newUser(env.server.db, "cadre", { displayName: "Siti Kader Kunci" });
  expect(await passwordSignIn(page, env.server.url, username)).toBe("pin");
  await choosePin(page);
  return username;
}

async function lockNow(page: Page): Promise<void> {
  await goInApp(page, env.server.url, "/berkas");
  await page.getByRole("button", { name: "Kunci sekarang" }).click();
  await lockScreen(page).waitFor();
}

async function expectClean(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await smallTapTargets(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBe(0);
}

function setHidden(page: Page, hidden: boolean): Promise<void> {
  return page.evaluate((hidden) => {
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => (hidden ? "hidden" : "visible"),
    });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

describe("the cadre's PIN and lock", () => {
  it("asks for a 6-digit PIN at the first sign-in, in words, and opens the files with it", async () => {
    const page = await phone();
    const { username } = await newUser(env.server.db, "cadre", { displayName: "Siti Kader Baru" });
    expect(await passwordSignIn(page, env.server.url, username)).toBe("pin");
    await page.getByRole("heading", { name: "Buat PIN 6 angka" }).waitFor();
    await expect.poll(() => page.getByText("Untuk Siti Kader Baru").count()).toBe(1);
    const field = page.getByLabel("PIN (6 angka)");
    expect(await field.getAttribute("inputmode")).toBe("numeric");
    expect(await field.getAttribute("autocomplete")).toBe("off");
    await expectClean(page, "vault-pin-setup");

    await field.fill("123456");
    await page.getByLabel("Ulangi PIN").fill("123456");
    await page.getByRole("button", { name: "Simpan PIN" }).click();
    await page.getByText("PIN ini terlalu mudah ditebak").waitFor();
    await field.fill("12345");
    await page.getByRole("button", { name: "Simpan PIN" }).click();
    await page.getByText("PIN harus tepat 6 angka.").waitFor();
    await field.fill(PIN);
    await page.getByLabel("Ulangi PIN").fill("280418");
    await page.getByRole("button", { name: "Simpan PIN" }).click();
    await page.getByText("Kedua PIN tidak sama. Ketik ulang.").waitFor();
    await screenshot(page, "vault-pin-mismatch");
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(page.url()).toMatch(/\/pin$/);

    await choosePin(page);
    await page.getByRole("button", { name: "Kunci sekarang" }).waitFor();
  });

  it("locks after five minutes without a touch; guides stay open; the PIN brings back the same file", async () => {
    const page = await phone();
    await cadreWithPin(page);
    await goInApp(page, env.server.url, GUIDE);
    await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
    await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
    const draftUrl = page.url();
    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Wulan Kunci Prameswari");
    await expect.poll(() => page.getByTestId("draft-status").textContent()).not.toMatch(/Menyimpan/);

    // Four minutes: still open.
    await page.clock.fastForward("04:00");
    expect(await lockScreen(page).count()).toBe(0);
    await page.getByLabel("Nama lengkap (sesuai KTP)").waitFor();

    await page.clock.fastForward("02:00");
    await lockScreen(page).waitFor();
    expect(page.url()).toBe(draftUrl);
    expect(await page.getByLabel("Nama lengkap (sesuai KTP)").count()).toBe(0);
    expect(await lockScreen(page).textContent()).not.toContain("Wulan");
    await lockScreen(page).getByText("Milik Siti Kader Kunci").waitFor();
    await expectClean(page, "vault-locked");

    // People's data is locked; guides, the self-check and the status page are not.
    await goInApp(page, env.server.url, GUIDE);
    await page.getByRole("heading", { level: 1, name: /Domisili/i }).waitFor();
    await page.getByRole("heading", { name: "Cek untuk kasus Anda" }).waitFor();
    expect(await lockScreen(page).count()).toBe(0);
    await goInApp(page, env.server.url, "/lacak");
    await page.locator("h1").first().waitFor();
    expect(await lockScreen(page).count()).toBe(0);
    await goInApp(page, env.server.url, "/berkas");
    await lockScreen(page).waitFor();

    await page.goBack();
    await page.goBack();
    await page.goBack();
    await page.waitForURL(draftUrl);
    await lockScreen(page).waitFor();
    await lockScreen(page).getByLabel("PIN (6 angka)").fill(PIN);
    await lockScreen(page).getByRole("button", { name: "Buka", exact: true }).click();
    await expect.poll(() => page.getByLabel("Nama lengkap (sesuai KTP)").inputValue()).toBe("Wulan Kunci Prameswari");
    expect(page.url()).toBe(draftUrl);
  });

  it("locks when the app comes back from the background after more than five minutes, not after one", async () => {
    const page = await phone();
    await cadreWithPin(page);
    const now = () => page.evaluate(() => Date.now());

    await setHidden(page, true);
    await page.clock.setSystemTime((await now()) + 60_000);
    await setHidden(page, false);
    expect(await lockScreen(page).count()).toBe(0);
    await page.getByRole("heading", { name: "Berkas warga" }).waitFor();

    // Timers sleep in the background: only the clock moves, and the return itself locks.
    await setHidden(page, true);
    await page.clock.setSystemTime((await now()) + 5 * 60_000 + 1_000);
    await setHidden(page, false);
    await lockScreen(page).waitFor();
  });

  it("never opens with a wrong PIN: counts the tries, then makes the cadre wait with a live countdown", async () => {
    const page = await phone();
    await cadreWithPin(page);
    await lockNow(page);
    const screen = lockScreen(page);
    await typePin(page, WRONG);
    await screen.getByText("PIN salah. 9 percobaan lagi.").waitFor();
    for (let i = 0; i < 4; i++) await typePin(page, WRONG);
    await screen.getByText("PIN salah. 5 percobaan lagi.").waitFor();
    // 15 s from the wrong try; the key derivation itself may take a second or two of it on a busy machine.
    await screen.getByText(/^Coba lagi dalam 0:1\d$/).waitFor();
    expect(await screen.getByRole("button", { name: "Buka", exact: true }).isDisabled()).toBe(true);
    expect(await screen.getByLabel("PIN (6 angka)").isDisabled()).toBe(true);
    expect(await page.getByRole("heading", { name: "Berkas warga" }).count()).toBe(0);
    await expectClean(page, "vault-wrong-pin-wait");

    // The wait counts down on screen (how far depends on how long the checks above took)…
    await page.clock.fastForward("00:05");
    await expect.poll(() => screen.getByRole("timer").textContent()).toMatch(/^Coba lagi dalam 0:(0\d|10)$|^$/);
    // …and once over, the PIN can be tried again.
    await page.clock.fastForward("00:16");
    await expect.poll(() => screen.getByRole("button", { name: "Buka", exact: true }).isDisabled()).toBe(false);
    expect(await screen.getByText(/Coba lagi dalam/).count()).toBe(0);

    await typePin(page, PIN);
    await page.getByRole("heading", { name: "Berkas warga" }).waitFor();
    // A right PIN starts the count again.
    await lockNow(page);
    expect(await screen.getByText(/percobaan lagi/).count()).toBe(0);
  });

  it("unlocks offline", async () => {
    const page = await phone();
    await cadreWithPin(page);
    await lockNow(page);
    await context?.setOffline(true);
    await typePin(page, PIN);
    await page.getByRole("heading", { name: "Berkas warga" }).waitFor();
  });

  it("'Bukan Anda?' leads to the sign-in, where another cadre's sign-in parks the locked profile, named as kept", async () => {
    const page = await phone();
    await cadreWithPin(page);
    await lockNow(page);
    await lockScreen(page).getByRole("link", { name: "Bukan Anda? Masuk dengan akun lain" }).click();
    await page.waitForURL(/\/masuk$/);
    await page.getByTestId("kept-profiles").getByRole("button", { name: "Masuk sebagai Siti Kader Kunci" }).waitFor();
    const other = await newUser(env.server.db, "cadre", { displayName: "Dewi Kader Lain" });
    expect(await passwordSignIn(page, env.server.url, other.username)).toBe("pin");
    await choosePin(page, "730162");
    await page.getByText("Belum ada berkas.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Kunci sekarang" }).click();
    await lockScreen(page).getByText("Milik Dewi Kader Lain").waitFor();
  });

  it("'Kunci sekarang' locks the app's other tabs too", async () => {
    const page = await phone();
    await cadreWithPin(page);
    const second = await (context as BrowserContext).newPage();
    await second.goto(`${env.server.url}/berkas`);
    // A new tab holds no key: it opens with the PIN.
    await typePin(second, PIN);
    await second.getByRole("heading", { name: "Berkas warga" }).waitFor();
    await lockNow(page);
    await lockScreen(second).waitFor();
    expect(await second.getByRole("heading", { name: "Berkas warga" }).count()).toBe(0);
  });

  it("after ten wrong PINs erases the synced data but keeps the unsent draft, which the password sends", async () => {
    const page = await phone();
    const username = await cadreWithPin(page);
    // The app's screens come from the service worker offline.
    await waitForServiceWorker(page);
    await context?.setOffline(true);
    await goInApp(page, env.server.url, GUIDE);
    await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
    await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
    const draftId = page.url().split("/").pop() ?? "";
    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Wulan Tertahan Prameswari");
    await expect.poll(() => page.getByTestId("draft-status").textContent()).not.toMatch(/Menyimpan/);
    await lockNow(page);
    // Counts work while locked: the lock screen says something waits to be sent.
    await lockScreen(page)
      .getByText(/^\d+ perubahan menunggu dikirim\.$/)
      .waitFor();

    for (let i = 0; i < 9; i++) {
      await typePin(page, WRONG);
      // The longest wait (after the ninth) is four minutes.
      await page.clock.fastForward("04:05");
    }
    await lockScreen(page).getByText("PIN salah. 1 percobaan lagi.").waitFor();
    await lockScreen(page).getByLabel("PIN (6 angka)").fill(WRONG);
    await lockScreen(page).getByRole("button", { name: "Buka", exact: true }).click();

    const erased = page.getByTestId("vault-erased");
    await erased.getByRole("heading", { name: "Data dihapus dari ponsel ini" }).waitFor();
    await erased.getByText(/PIN salah terlalu banyak/).waitFor();
    await erased.getByText(/^\d+ perubahan yang belum terkirim tetap disimpan, terkunci\./).waitFor();
    expect(await page.getByLabel("Nama pengguna").inputValue()).toBe(username);
    await expectClean(page, "vault-erased");

    await context?.setOffline(false);
    await page.getByLabel("Kata sandi").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.waitForURL(/\/pin$/);
    await choosePin(page);
    await page.getByText("Wulan Tertahan Prameswari").waitFor();
    await expect
      .poll(
        async () =>
          (await env.server.db.select().from(applications).where(eq(applications.id, draftId)).limit(1))[0]?.id,
        { timeout: 60_000 },
      )
      .toBe(draftId);
  });
});
