import type { Page } from "playwright-core";
import { expect } from "vitest";
import { createUser } from "../../server/auth/users";
import type { Db } from "../../server/db/open";
import { answerNoToAll, card, makeImage, NIK } from "./draft-ui";

export const TEST_PASSWORD = "kata-sandi-kader-1";
let counter = 0;

/** A user created the way the admin CLI and the console do (real password hash). */
export async function newUser(
  db: Db,
  role: "cadre" | "operator" | "admin" = "cadre",
  options: { kecamatanCode?: string | null; displayName?: string } = {},
): Promise<{ id: string; username: string }> {
  const username = `${role === "cadre" ? "kader" : role}${counter++}${Date.now() % 100000}`;
  const row = await createUser(
    db,
    {
      username,
      displayName: options.displayName ?? (role === "cadre" ? "Kader Duren Sawit" : "Petugas PTSP"),
      role,
      password: TEST_PASSWORD,
      kecamatanCode: role === "admin" ? null : (options.kecamatanCode ?? "31.75.07"),
      createdBy: null,
    },
    new Date(),
  );
  return { id: row.id, username };
}

/** The PIN every cadre in these tests chooses at their first sign-in on a page (issue 15). */
export const TEST_PIN = "280419";

/**
 * Signs in through the login screen and waits for the page the role lands on.
 * A cadre new to the phone chooses the PIN first (/pin). A page load starts
 * the app locked, and these tests are about other things than the lock
 * (tests/browser/vault-lock.test.ts is about the lock): the page types the
 * cadre's PIN whenever the lock screen appears, as the cadre would.
 */
export async function signIn(page: Page, baseUrl: string, username: string, landing = /\/berkas$/): Promise<void> {
  await page.goto(`${baseUrl}/masuk`);
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.waitForURL((url) => landing.test(url.href) || url.pathname === "/pin");
  if (new URL(page.url()).pathname !== "/pin") return;
  await page.getByLabel("PIN (6 angka)").fill(TEST_PIN);
  await page.getByLabel("Ulangi PIN").fill(TEST_PIN);
  await page.getByRole("button", { name: "Simpan PIN" }).click();
  await page.waitForURL(landing, { timeout: 60_000 });
  await unlockWheneverLocked(page);
}

const unlockers = new WeakSet<Page>();

/** Types the cadre's PIN whenever the lock screen appears on this page, now and after every load. */
export async function unlockWheneverLocked(page: Page, pin = TEST_PIN): Promise<void> {
  if (unlockers.has(page)) return;
  unlockers.add(page);
  const script = (value: string) => {
    let tried: Element | null = null;
    const unlock = () => {
      const screen = document.querySelector('[data-testid="lock-screen"]');
      const input = screen?.querySelector<HTMLInputElement>("input");
      const form = screen?.querySelector("form");
      if (!screen || !input || !form || input.disabled || tried === input) return;
      tried = input;
      input.value = value;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      // After the app has taken the value (its next render), as a tap on "Buka" would.
      requestAnimationFrame(() => form.requestSubmit());
    };
    new MutationObserver(unlock).observe(document, { subtree: true, childList: true });
  };
  await page.addInitScript(script, pin);
  await page.evaluate(script, pin);
}

/** A complete domisili file with three photographed papers, made ready; works offline. */
export function draftReadyOffline(page: Page, baseUrl: string, name: string, variant = 0): Promise<string> {
  // Inside the running app (a page load starts a cadre's app locked): the same steps as draftReadyInApp.
  return draftReadyInApp(page, baseUrl, name, variant);
}

/**
 * Moves to `path` inside the running app (the router follows popstate), so
 * an open vault stays open: a full page load starts the app locked, and
 * "Buat berkas untuk warga" on a locked app goes to the lock screen instead
 * of a new file (client/screens/GuideScreen.tsx). Loads the page only when
 * the app is not open yet.
 */
export async function openInApp(page: Page, baseUrl: string, path: string): Promise<void> {
  if (!page.url().startsWith(baseUrl)) {
    await page.goto(`${baseUrl}${path}`);
    return;
  }
  await page.evaluate((to) => {
    history.pushState(null, "", to);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
  await page.waitForURL(`${baseUrl}${path}`);
}

/**
 * draftReadyOffline for an app already open and unlocked: reaches the guide
 * inside the running app instead of loading it (which would lock the app),
 * then makes the same complete domisili file ready. Works offline.
 */
export async function draftReadyInApp(page: Page, baseUrl: string, name: string, variant = 0): Promise<string> {
  await openInApp(page, baseUrl, "/panduan/surat-keterangan-domisili");
  await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
  await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop() ?? "";
  await fillReadyDomisili(page, name, variant);
  return id;
}

/** The open new draft filled as draftReadyOffline fills it, with three photos, and marked ready. */
async function fillReadyDomisili(page: Page, name: string, variant: number): Promise<void> {
  await page.getByLabel("Nama lengkap (sesuai KTP)").fill(name);
  await page.getByLabel("NIK (16 angka)").fill(NIK);
  await page.getByLabel("Tanggal lahir").fill("1990-03-12");
  await page.getByRole("radio", { name: "Perempuan" }).check();
  await page.getByLabel("Nomor HP").fill("081234567890");
  await page.getByLabel("RT", { exact: true }).fill("3");
  await page.getByLabel("RW", { exact: true }).fill("5");
  await page.locator("#applicant-regency").selectOption("31.75");
  await page.locator("#applicant-district").selectOption("31.75.07");
  const home = "31.75.07.1001";
  await page.locator("#applicant-village").selectOption(home);
  await page.getByLabel("Kecamatan kantor").selectOption("31.75.07");
  await page.getByLabel("Kelurahan kantor").selectOption(home);
  await answerNoToAll(page);
  for (const [label, width] of [
    ["Surat pengantar RT dan RW", 1400],
    ["KTP-el pemohon", 1600],
    ["Kartu Keluarga (KK) pemohon", 1500],
  ] as const) {
    const photo = await makeImage(page, width + variant, 1000, "image/jpeg");
    await card(page, label)
      .getByLabel(/Pilih foto\/PDF/)
      .setInputFiles({ name: "foto.jpg", mimeType: "image/jpeg", buffer: photo });
    await expect.poll(() => card(page, label).locator(".pages > li").count(), { timeout: 30_000 }).toBe(1);
  }
  const today = await page.evaluate(() => new Date().toLocaleDateString("en-CA"));
  await card(page, "Surat pengantar RT dan RW").getByLabel("Tanggal pada surat").fill(today);
  await page.locator(".verdict").getByText("Siap diajukan").waitFor();
  await page.getByRole("button", { name: "Tandai siap diajukan" }).click();
  await expect.poll(() => page.getByTestId("draft-status").textContent()).toBe("Menunggu dikirim");
}
