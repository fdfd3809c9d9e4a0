import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { openInApp, TEST_PASSWORD } from "./cadre-ui";
import { answerNoToAll, card, makeImage } from "./draft-ui";

/**
 * Helpers for the vault's browser proofs (issue 15): neighbours with
 * values found nowhere else on the phone, drafts made of them through the
 * real screens, and the password / PIN / lock steps.
 */
export interface Person {
  fullName: string;
  /** Valid for the birth date and sex below (Duren Sawit, 31.75.07). */
  nik: string;
  kk: string;
  phone: string;
  /** As the app stores it once the field is left (+62). */
  storedPhone: string;
  street: string;
  birthDate: string;
  sex: "Perempuan" | "Laki-laki";
}

/** A woman born 12-03-1990: day + 40 = 52. Distinctive digits so a hit cannot be a coincidence. */
export function person(tag: string, serial: number): Person {
  const four = String(serial).padStart(4, "0");
  return {
    fullName: `Wulan ${tag} Prameswari`,
    nik: `317507520390${four}`,
    kk: `317507080619${four}`,
    phone: `0813${String(77_000_000 + serial).slice(0, 8)}`,
    storedPhone: `+62813${String(77_000_000 + serial).slice(0, 8)}`,
    street: `Jl. Kembang ${tag} Gang Melati No. ${40 + serial}`,
    birthDate: "1990-03-12",
    sex: "Perempuan",
  };
}

export const PIN = "280419";
export const OTHER_PIN = "730162";

/**
 * A PDF kept byte for byte by the app (only images are re-encoded): its
 * bytes are what the phone stores, so the test knows exactly what to look
 * for. Seeded noise makes every window of it unique.
 */
export function distinctivePdf(seed: string, size = 24_000): Buffer {
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%RAHASIA\n")];
  let block = createHash("sha256").update(seed).digest();
  let length = chunks[0]?.byteLength ?? 0;
  while (length < size) {
    block = createHash("sha256").update(block).digest();
    chunks.push(block);
    length += block.byteLength;
  }
  chunks.push(Buffer.from("\n%%EOF\n"));
  return Buffer.concat(chunks);
}

/** The same move as openInApp: the vault tests call it goInApp. */
export const goInApp = openInApp;

/** The password sign-in; resolves with where the app went (the PIN screen for a new profile). */
export async function passwordSignIn(page: Page, baseUrl: string, username: string): Promise<"pin" | "berkas"> {
  if (!/\/masuk$/.test(page.url())) await page.goto(`${baseUrl}/masuk`);
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  // The sign-in may refuse (the alert says why): fail with its words, not with a timeout.
  const refused = page.locator("p.field-error[role=alert]").first();
  const outcome = await Promise.race([
    page.waitForURL(/\/(pin|berkas)$/, { timeout: 90_000 }).then(() => "signed-in" as const),
    refused.waitFor({ timeout: 90_000 }).then(() => "refused" as const),
  ]);
  if (outcome === "refused" && !/\/(pin|berkas)$/.test(page.url())) {
    throw new Error(`sign-in refused: ${await refused.innerText()}`);
  }
  await page.waitForURL(/\/(pin|berkas)$/, { timeout: 90_000 });
  return page.url().endsWith("/pin") ? "pin" : "berkas";
}

/** Chooses the PIN after a first password sign-in and waits for the drafts list. */
export async function choosePin(page: Page, pin = PIN): Promise<void> {
  await page.getByLabel("PIN (6 angka)").fill(pin);
  await page.getByLabel("Ulangi PIN").fill(pin);
  await page.getByRole("button", { name: "Simpan PIN" }).click();
  await page.waitForURL(/\/berkas$/, { timeout: 60_000 });
  await page.getByRole("heading", { name: "Berkas warga" }).waitFor();
}

/** A new cadre's first sign-in on this phone: password, then a PIN. */
export async function signInWithPin(page: Page, baseUrl: string, username: string, pin = PIN): Promise<void> {
  expect(await passwordSignIn(page, baseUrl, username)).toBe("pin");
  await choosePin(page, pin);
}

export function lockScreen(page: Page) {
  return page.getByTestId("lock-screen");
}

/**
 * Types a PIN on the lock screen (right or wrong) and waits until the try is over: the button says
 * "Buka" again (exactly: while the key is tried it says "Membuka…", which a substring match would take
 * for the end), or the lock screen is gone (the screen it covered is back).
 */
export async function typePin(page: Page, pin: string): Promise<void> {
  const screen = lockScreen(page);
  const button = screen.getByRole("button", { name: "Buka", exact: true });
  await screen.getByLabel("PIN (6 angka)").fill(pin);
  await button.click();
  // The loser of the race rejects later, handled by the race itself.
  await Promise.race([button.waitFor(), screen.waitFor({ state: "detached" })]);
}

/**
 * A domisili file for `who` through the real screens: the applicant's data
 * and address, and the given papers (photos re-encoded by the app, PDFs
 * kept as they are). With `ready`, all three papers are expected and the
 * file is marked ready (it waits in the outbox). Returns the draft id.
 */
export async function makePersonDraft(
  page: Page,
  baseUrl: string,
  who: Person,
  papers: { ktp?: Buffer | "photo"; kk?: Buffer | "photo"; letter?: Buffer | "photo" },
  { ready = false, variant = 0 } = {},
): Promise<string> {
  await goInApp(page, baseUrl, "/panduan/surat-keterangan-domisili");
  await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
  await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop() ?? "";
  await page.getByLabel("Nama lengkap (sesuai KTP)").fill(who.fullName);
  await page.getByLabel("NIK (16 angka)").fill(who.nik);
  await page.getByLabel("Nomor KK (16 angka)").fill(who.kk);
  await page.getByLabel("Tanggal lahir").fill(who.birthDate);
  await page.getByRole("radio", { name: who.sex }).check();
  await page.getByLabel("Nomor HP").fill(who.phone);
  await page.getByLabel("Nomor HP").blur();
  await page.getByLabel("Alamat (jalan, nomor rumah)").fill(who.street);
  await page.getByLabel("RT", { exact: true }).fill("3");
  await page.getByLabel("RW", { exact: true }).fill("5");
  await page.locator("#applicant-regency").selectOption("31.75");
  await page.locator("#applicant-district").selectOption("31.75.07");
  const home = "31.75.07.1001";
  await page.locator("#applicant-village").selectOption(home);
  await page.getByLabel("Kecamatan kantor").selectOption("31.75.07");
  await page.getByLabel("Kelurahan kantor").selectOption(home);
  await answerNoToAll(page);
  const labels = {
    letter: "Surat pengantar RT dan RW",
    ktp: "KTP-el pemohon",
    kk: "Kartu Keluarga (KK) pemohon",
  } as const;
  let width = 1400 + variant;
  for (const which of ["letter", "ktp", "kk"] as const) {
    const paper = papers[which];
    if (!paper) continue;
    const label = labels[which];
    const file =
      paper === "photo"
        ? { name: "foto.jpg", mimeType: "image/jpeg", buffer: await makeImage(page, width++, 1000, "image/jpeg") }
        : { name: "surat.pdf", mimeType: "application/pdf", buffer: paper };
    await card(page, label)
      .getByLabel(/Pilih foto\/PDF/)
      .setInputFiles(file);
    await expect.poll(() => card(page, label).locator(".pages > li").count(), { timeout: 30_000 }).toBe(1);
  }
  if (papers.letter) {
    const today = await page.evaluate(() => new Date().toLocaleDateString("en-CA"));
    await card(page, labels.letter).getByLabel("Tanggal pada surat").fill(today);
  }
  if (ready) {
    await page.locator(".verdict").getByText("Siap diajukan").waitFor();
    await page.getByRole("button", { name: "Tandai siap diajukan" }).click();
    await expect
      .poll(() => page.getByTestId("draft-status").textContent())
      .toMatch(/Menunggu dikirim|Sedang dikirim|Terkirim/);
  } else {
    // Autosave landed: the page says so once the last edit is stored.
    await expect
      .poll(() => page.getByTestId("draft-status").textContent(), { timeout: 30_000 })
      .not.toMatch(/Menyimpan/);
  }
  return id;
}

/** "Keluar", keeping the profile sealed on the phone; waits for the sign-in screen. */
export async function signOutKeeping(page: Page, baseUrl: string): Promise<void> {
  await goInApp(page, baseUrl, "/berkas");
  await page.getByRole("button", { name: "Keluar", exact: true }).click();
  await page.getByRole("button", { name: /Simpan profil terkunci/ }).click();
  await page.waitForURL(/\/masuk$/);
}

/** Types into the drafts list's search box (the list is already shown). */
export async function searchDrafts(page: Page, text: string): Promise<void> {
  await page.locator("#drafts-search").fill(text);
}
