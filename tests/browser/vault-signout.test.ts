import { eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applications } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { newUser, TEST_PASSWORD } from "../helpers/cadre-ui";
import { horizontalOverflow, smallTapTargets } from "../helpers/small-screen";
import { choosePin, goInApp, passwordSignIn } from "../helpers/vault-ui";

/**
 * Issue 15, "Shared devices and leaving" as the cadre lives it: signing out
 * keeps the profile sealed on the phone (the sign-in screen names it and
 * what it still has to send) or erases it, and erasing with changes not yet
 * sent says exactly which files would lose what, offers to send first, and
 * loses them only when the cadre says so.
 */
vi.setConfig({ testTimeout: 300_000 });

const env = useAppAndBrowser();
const GUIDE = "/panduan/surat-keterangan-domisili";
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close().catch(() => undefined);
  context = undefined;
});

async function serverHas(id: string): Promise<boolean> {
  return (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1)).length > 0;
}

/** A new cadre with a PIN, on the drafts list, the app's screens cached for offline use. */
async function cadreOnPhone(displayName: string): Promise<{ page: Page; username: string }> {
  context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  const { username } = await newUser(env.server.db, "cadre", { displayName });
  expect(await passwordSignIn(page, env.server.url, username)).toBe("pin");
  await choosePin(page);
  await waitForServiceWorker(page);
  return { page, username };
}

/** A draft made offline (it waits in the outbox), named `name` unless null. */
async function draftOffline(page: Page, name: string | null): Promise<string> {
  await goInApp(page, env.server.url, GUIDE);
  await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
  await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
  if (name) await page.getByLabel("Nama lengkap (sesuai KTP)").fill(name);
  await expect.poll(() => page.getByTestId("draft-status").textContent()).not.toMatch(/Menyimpan/);
  return page.url().split("/").pop() ?? "";
}

async function startSignOut(page: Page): Promise<void> {
  await goInApp(page, env.server.url, "/berkas");
  await page.getByRole("button", { name: "Keluar", exact: true }).click();
}

async function expectClean(page: Page, name: string): Promise<void> {
  await screenshot(page, name, { fullPage: true });
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await smallTapTargets(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBe(0);
}

describe("signing out of a shared phone", () => {
  it("keeps the profile locked on the phone; the sign-in screen names it; signing in again opens the drafts", async () => {
    const { page, username } = await cadreOnPhone("Rina Kader Simpan");
    await context?.setOffline(true);
    const id = await draftOffline(page, "Wulan Simpan Prameswari");
    await startSignOut(page);
    await page.getByRole("button", { name: "Simpan profil terkunci di ponsel ini" }).waitFor();
    await page.getByRole("button", { name: "Hapus data saya dari ponsel ini" }).waitFor();
    await expectClean(page, "vault-signout-choices");

    await page.getByRole("button", { name: "Simpan profil terkunci di ponsel ini" }).click();
    await page.waitForURL(/\/masuk$/);
    const kept = page.getByTestId("kept-profiles");
    await kept.getByRole("button", { name: "Masuk sebagai Rina Kader Simpan" }).waitFor();
    await kept.getByText(/^\d+ perubahan belum terkirim — masuk untuk mengirimnya$/).waitFor();
    expect(await kept.textContent()).not.toContain("Wulan");
    await expectClean(page, "vault-signin-kept");

    await context?.setOffline(false);
    await kept.getByRole("button", { name: "Masuk sebagai Rina Kader Simpan" }).click();
    expect(await page.getByLabel("Nama pengguna").inputValue()).toBe(username);
    await page.getByLabel("Kata sandi").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    // The profile was kept: its key opens with the password, no new PIN.
    await page.waitForURL(/\/berkas$/);
    await page.getByText("Wulan Simpan Prameswari").waitFor();
    await expect.poll(() => serverHas(id), { timeout: 60_000 }).toBe(true);
  });

  it("refuses to erase while changes wait, lists each file, sends first, then erases", async () => {
    const { page } = await cadreOnPhone("Rina Kader Hapus");
    await context?.setOffline(true);
    const named = await draftOffline(page, "Wulan Hapus Prameswari");
    const unnamed = await draftOffline(page, null);
    await startSignOut(page);
    await page.getByRole("button", { name: "Hapus data saya dari ponsel ini" }).click();

    const list = page.getByTestId("unsent-list");
    await list.waitFor();
    const items = await list.locator("li").allTextContents();
    expect(items).toHaveLength(2);
    expect(items).toContainEqual(expect.stringMatching(/^Wulan Hapus Prameswari — .*Domisili.*: \d+ perubahan$/i));
    expect(items).toContainEqual(expect.stringMatching(/^Draf tanpa nama — .*Domisili.*: \d+ perubahan$/i));
    await page.getByRole("button", { name: "Hapus juga (hilang)" }).waitFor();
    // Nothing was erased: the cadre is still signed in, on the list.
    expect(page.url()).toMatch(/\/berkas$/);
    await expectClean(page, "vault-signout-unsent");

    await page.getByRole("button", { name: "Kirim dulu" }).click();
    await page.getByText("Tidak ada sinyal. Sambungkan ke internet lalu tekan “Kirim dulu”.").waitFor();
    await context?.setOffline(false);
    await page.getByRole("button", { name: "Kirim dulu" }).click();
    await expect
      .poll(async () => (await serverHas(named)) && (await serverHas(unnamed)), { timeout: 60_000 })
      .toBe(true);
    await page.getByRole("button", { name: "Hapus data saya dari ponsel ini" }).waitFor({ timeout: 60_000 });
    expect(await list.count()).toBe(0);

    await page.getByRole("button", { name: "Hapus data saya dari ponsel ini" }).click();
    await page.waitForURL(/\/masuk$/);
    await page.getByRole("heading", { name: "Masuk" }).waitFor();
    expect(await page.getByTestId("kept-profiles").count()).toBe(0);
  });

  it("erases anyway only when the cadre says the unsent changes may be lost", async () => {
    const { page, username } = await cadreOnPhone("Rina Kader Hilang");
    await context?.setOffline(true);
    await draftOffline(page, "Wulan Hilang Prameswari");
    await startSignOut(page);
    await page.getByRole("button", { name: "Hapus data saya dari ponsel ini" }).click();
    await page.getByTestId("unsent-list").waitFor();
    await page.getByRole("button", { name: "Hapus juga (hilang)" }).click();
    await page.waitForURL(/\/masuk$/);
    expect(await page.getByTestId("kept-profiles").count()).toBe(0);

    // Nothing of the profile is left: a new sign-in starts a new one, with a new PIN and no files.
    await context?.setOffline(false);
    expect(await passwordSignIn(page, env.server.url, username)).toBe("pin");
    await choosePin(page);
    await page.getByText("Belum ada berkas.", { exact: false }).waitFor();
  });
});
