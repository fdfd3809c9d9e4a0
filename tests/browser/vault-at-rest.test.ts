import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { applications } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { newUser } from "../helpers/cadre-ui";
import { dumpStorage, findBytes, findText, inventory, type RawRecord } from "../helpers/raw-idb";
import {
  distinctivePdf,
  goInApp,
  lockScreen,
  makePersonDraft,
  OTHER_PIN,
  type Person,
  PIN,
  person,
  searchDrafts,
  signInWithPin,
  typePin,
} from "../helpers/vault-ui";

/**
 * Issue 15, proof: with the app locked, no personal value is readable in the
 * raw IndexedDB records (a NIK, a name, an address, the bytes of a photo),
 * and a wrong PIN never decrypts. Read as a thief with the browser profile
 * or the developer tools would: the raw indexedDB API, every database of the
 * origin, Cache Storage and local storage too.
 */
vi.setConfig({ testTimeout: 300_000 });

const env = useAppAndBrowser();

/** Page files the server stored: byte for byte what the phone kept for those pages. */
function serverFiles(): Buffer[] {
  const files: Buffer[] = [];
  if (!existsSync(env.server.filesDir)) return files;
  for (const dir of readdirSync(env.server.filesDir)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const name of readdirSync(join(env.server.filesDir, dir)))
      files.push(readFileSync(join(env.server.filesDir, dir, name)));
  }
  return files;
}

function personalValues(who: Person): string[] {
  return [who.fullName, who.fullName.toLowerCase(), who.nik, who.kk, who.street, who.phone, who.storedPhone];
}

/** Nothing of these people, and no 32 bytes of these pages, anywhere in `dump`. */
function expectNothingReadable(dump: RawRecord[], people: Person[], pages: Buffer[], when: string): void {
  for (const who of people) {
    for (const value of personalValues(who)) expect(findText(dump, value), `${value} readable ${when}`).toEqual([]);
  }
  for (const [i, bytes] of pages.entries()) {
    expect(findBytes(dump, bytes), `page ${i} (${bytes.byteLength} bytes) readable ${when}`).toEqual([]);
  }
}

describe("people's data at rest", () => {
  it("keeps no name, NIK, KK, address, phone or page bytes readable, locked or unlocked; guides stay in the clear; a wrong PIN opens nothing", async () => {
    const cadre = await newUser(env.server.db);
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    await signInWithPin(page, env.server.url, cadre.username);

    // One file sent to the office (its pages are then on the server: the exact bytes the phone keeps)...
    const sent = person("Arumdalu", 201);
    const sentLetter = distinctivePdf("at-rest-sent");
    const sentId = await makePersonDraft(
      page,
      env.server.url,
      sent,
      { letter: sentLetter, ktp: "photo", kk: "photo" },
      { ready: true, variant: 1 },
    );
    await expect
      .poll(
        async () =>
          (await env.server.db.select().from(applications).where(eq(applications.id, sentId)).limit(1))[0]?.status,
        { timeout: 90_000 },
      )
      .toBe("submitted");
    // ...and one half-made offline, waiting in the outbox.
    await context.setOffline(true);
    const waiting = person("Kenanga", 202);
    const waitingLetter = distinctivePdf("at-rest-waiting");
    const waitingId = await makePersonDraft(
      page,
      env.server.url,
      waiting,
      { letter: waitingLetter, ktp: "photo" },
      { variant: 2 },
    );
    // Autosave landed: the list, read back from the database, shows both.
    await goInApp(page, env.server.url, "/berkas");
    await page.getByText(sent.fullName).waitFor();
    await page.getByText(waiting.fullName).waitFor();
    const pages = [...serverFiles(), waitingLetter];
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.some((bytes) => bytes.equals(sentLetter))).toBe(true);
    const people = [sent, waiting];

    // Unlocked: the records at rest are sealed all the same.
    const unlocked = await dumpStorage(page, { caches: true });
    expectNothingReadable(unlocked, people, pages, "while unlocked");
    // The dump does see the records (as ciphertext) and public data in the clear.
    const counts = inventory(unlocked);
    expect(counts["idb:masdarin/drafts"]).toBe(2);
    expect(counts["idb:masdarin/blobs"]).toBeGreaterThanOrEqual(5);
    expect(counts["idb:masdarin/outbox"]).toBeGreaterThanOrEqual(1);
    const guideTitle = findText(unlocked, "Surat Keterangan Domisili");
    expect(guideTitle.some((hit) => hit.startsWith("idb:masdarin/guides/"))).toBe(true);
    // A sanity check of the search itself: the draft ids are stored in the clear (keys), and found.
    expect(findText(unlocked, waitingId).length).toBeGreaterThan(0);

    // Locked by a reload (the key lived in memory only).
    await page.reload();
    await lockScreen(page).waitFor();
    await expect(page.getByText(sent.fullName).count()).resolves.toBe(0);
    const locked = await dumpStorage(page, { caches: true });
    expectNothingReadable(locked, people, pages, "while locked");
    expect(inventory(locked)["idb:masdarin/drafts"]).toBe(2);

    // A wrong PIN: still locked, nothing shown, nothing opened.
    await typePin(page, OTHER_PIN);
    await lockScreen(page)
      .getByText(/PIN salah/)
      .waitFor();
    await expect(page.getByText(sent.fullName).count()).resolves.toBe(0);
    await expect(page.getByText(waiting.fullName).count()).resolves.toBe(0);
    await expect(page.getByRole("heading", { name: "Berkas warga" }).count()).resolves.toBe(0);
    // Neither is a file's own address open with it.
    await goInApp(page, env.server.url, `/berkas/${waitingId}`);
    await lockScreen(page).waitFor();
    await expect(page.getByLabel("Nama lengkap (sesuai KTP)").count()).resolves.toBe(0);
    await screenshot(page, "vault-locked-wrong-pin");
    expectNothingReadable(await dumpStorage(page), people, pages, "after a wrong PIN");

    // The right PIN opens the very file that was asked for, with what was typed (it was stored).
    await typePin(page, PIN);
    await expect.poll(() => page.getByLabel("Nama lengkap (sesuai KTP)").inputValue()).toBe(waiting.fullName);
    await expect(page.getByLabel("NIK (16 angka)").inputValue()).resolves.toBe(waiting.nik);
    await expect(page.getByLabel("Nomor KK (16 angka)").inputValue()).resolves.toBe(waiting.kk);
    await expect(page.getByLabel("Alamat (jalan, nomor rumah)").inputValue()).resolves.toBe(waiting.street);
    await expect.poll(() => page.locator(".requirement-card .pages > li").count()).toBe(2);

    // Guides stay readable while locked, also offline.
    await page.reload();
    await lockScreen(page).waitFor();
    await goInApp(page, env.server.url, "/panduan/surat-keterangan-domisili");
    await page.getByRole("button", { name: "Buat berkas untuk warga" }).waitFor();
    await context.close();
  });

  it('forgets a name or NIK typed into the search box once the app locks ("Kunci sekarang")', async () => {
    const cadre = await newUser(env.server.db);
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    await signInWithPin(page, env.server.url, cadre.username);
    const who = person("Cempaka", 211);
    const id = await makePersonDraft(page, env.server.url, who, {}, { variant: 5 });
    await goInApp(page, env.server.url, "/berkas");
    // The cadre looks a neighbour up by NIK, then hands the phone over: "Kunci sekarang".
    await searchDrafts(page, who.nik);
    await page.locator(`a[href="/berkas/${id}"]`).waitFor();
    await page.getByRole("button", { name: "Kunci sekarang" }).click();
    await lockScreen(page).waitFor();
    await expect(page.getByText(who.fullName).count()).resolves.toBe(0);
    const locked = await dumpStorage(page, { caches: true });
    expect.soft(findText(locked, who.nik), "the NIK searched for, readable while locked").toEqual([]);
    // Nor does the next screen load bring it back.
    await page.reload();
    await lockScreen(page).waitFor();
    await typePin(page, PIN);
    await page.locator(`a[href="/berkas/${id}"]`).waitFor();
    expect.soft(await page.locator("#drafts-search").inputValue(), "the search typed before the lock").toBe("");
    await context.close();
  });
});
