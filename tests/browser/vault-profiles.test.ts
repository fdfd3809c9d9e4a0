import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { applications } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { newUser } from "../helpers/cadre-ui";
import { dumpStorage, findText, readRows } from "../helpers/raw-idb";
import {
  choosePin,
  distinctivePdf,
  goInApp,
  lockScreen,
  makePersonDraft,
  type Person,
  PIN,
  passwordSignIn,
  person,
  searchDrafts,
  signInWithPin,
  signOutKeeping,
  typePin,
} from "../helpers/vault-ui";

/**
 * Issue 15, proof: two cadres on one browser profile cannot see each
 * other's files: each has their own key; the one not signed in is parked,
 * sealed, out of the live tables; neither the screens nor the developer
 * tools show one's neighbours to the other.
 */
vi.setConfig({ testTimeout: 300_000 });

const env = useAppAndBrowser();
const B_PIN = "591734";

async function serverRow(id: string) {
  return (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
}

function personal(who: Person): string[] {
  return [who.fullName, who.nik, who.kk, who.street, who.storedPhone];
}

/** The drafts list's text once it shows the files `ids` (or says it is empty). */
async function listShows(page: Page, baseUrl: string, ids: string[]): Promise<string> {
  await goInApp(page, baseUrl, "/berkas");
  await page.getByRole("heading", { name: "Berkas warga" }).waitFor();
  if (ids.length === 0) await page.getByText(/Belum ada berkas|Tidak ada berkas yang cocok/).waitFor();
  for (const id of ids) await page.locator(`a[href="/berkas/${id}"]`).first().waitFor();
  return (await page.locator("main").textContent()) ?? "";
}

describe("two cadres on one phone", () => {
  it("keeps each cadre's files to their own profile, sealed with their own key, through sign-out, another sign-in and back", async () => {
    const anggrek = await newUser(env.server.db, "cadre", { displayName: "Kader Anggrek" });
    const bougenvil = await newUser(env.server.db, "cadre", { displayName: "Kader Bougenvil" });
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();

    // Cadre A: one file sent, one left waiting offline.
    await signInWithPin(page, env.server.url, anggrek.username, PIN);
    const aSent = person("Anggrek", 301);
    const aSentId = await makePersonDraft(
      page,
      env.server.url,
      aSent,
      { letter: distinctivePdf("profiles-a-sent"), ktp: "photo", kk: "photo" },
      { ready: true, variant: 1 },
    );
    await expect.poll(async () => (await serverRow(aSentId))?.status, { timeout: 90_000 }).toBe("submitted");
    await context.setOffline(true);
    const aWaiting = person("Asoka", 302);
    const aWaitingId = await makePersonDraft(page, env.server.url, aWaiting, { ktp: "photo" }, { variant: 2 });
    const aIds = [aSentId, aWaitingId].sort();
    let shown = await listShows(page, env.server.url, aIds);
    expect(shown).toContain(aSent.fullName);
    expect(shown).toContain(aWaiting.fullName);
    // A looks a neighbour up by name (a search box remembers what was typed).
    await searchDrafts(page, aWaiting.fullName);
    await page.locator(`a[href="/berkas/${aWaitingId}"]`).waitFor();

    // A leaves, keeping the profile (offline: the waiting change stays parked with it).
    await signOutKeeping(page, env.server.url);
    await page.getByTestId("kept-profiles").getByText("Kader Anggrek").waitFor();
    await expect(page.getByText(aWaiting.fullName).count()).resolves.toBe(0);

    // Cadre B on the same phone: a PIN of their own, and none of A's files, by list or by search.
    await context.setOffline(false);
    expect(await passwordSignIn(page, env.server.url, bougenvil.username)).toBe("pin");
    await choosePin(page, B_PIN);
    shown = await listShows(page, env.server.url, []);
    for (const value of [...personal(aSent), ...personal(aWaiting)]) expect(shown).not.toContain(value);
    // The search box does not hand A's query over to B (soft: the rest of the proof still runs).
    expect.soft(await page.locator("#drafts-search").inputValue(), "A's search shown to B").toBe("");
    for (const query of [aSent.fullName, aWaiting.nik, "Anggrek"]) {
      await searchDrafts(page, query);
      await page
        .getByText("Tidak ada berkas yang cocok.")
        .or(page.getByText(/Belum ada berkas/))
        .waitFor();
      for (const id of aIds) await expect(page.locator(`a[href="/berkas/${id}"]`).count()).resolves.toBe(0);
    }
    await searchDrafts(page, "");
    // A's file's address opens nothing for B.
    await goInApp(page, env.server.url, `/berkas/${aWaitingId}`);
    await page.getByText("Berkas ini tidak ada di HP ini.").waitFor();
    await expect(page.getByLabel("Nama lengkap (sesuai KTP)").count()).resolves.toBe(0);

    const bPerson = person("Bougenvil", 303);
    const bId = await makePersonDraft(page, env.server.url, bPerson, { ktp: "photo" }, { variant: 3 });
    shown = await listShows(page, env.server.url, [bId]);
    expect(shown).toContain(bPerson.fullName);

    // The developer tools' view: live tables hold B's ids only; A's records are parked, sealed, under A's profile.
    const profiles = await readRows(page, "profiles");
    expect(profiles).toHaveLength(2);
    const aProfile = profiles.find((row) => row.userId === anggrek.id);
    const bProfile = profiles.find((row) => row.userId === bougenvil.id);
    expect(aProfile?.active).toBe(false);
    expect(bProfile?.active).toBe(true);
    expect((await readRows(page, "drafts")).map((row) => row.id)).toEqual([bId]);
    for (const store of ["blobs", "outbox", "attention"]) {
      for (const row of await readRows(page, store)) expect(row.draftId).toBe(bId);
    }
    for (const row of await readRows(page, "remote")) expect(row.id).toBe(bId);
    const parked = await readRows(page, "parked");
    const parkedDrafts = parked.filter((row) => row.table === "drafts");
    expect(parkedDrafts.map((row) => row.key).sort()).toEqual(aIds);
    expect(parked.filter((row) => row.table === "outbox").length).toBeGreaterThanOrEqual(1);
    for (const row of parked) {
      expect(row.profileId).toBe(aProfile?.id);
      if (row.table !== "meta") expect(Object.keys(row.value as object)).toContain("$sealed");
    }
    // Nothing of A's neighbours, nor B's, readable anywhere (IndexedDB, Cache Storage, local/session storage).
    const dump = await dumpStorage(page, { caches: true });
    for (const value of [...personal(aSent), ...personal(aWaiting), ...personal(bPerson)]) {
      expect.soft(findText(dump, value), `${value} readable`).toEqual([]);
    }

    // B's key does not open A's records: one of A's sealed drafts slipped into the live table (as a
    // developer-tools user could) is not shown to B, even after B unlocks.
    await page.evaluate(
      async (record) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open("masdarin");
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(["parked", "drafts"], "readwrite");
          const get = tx.objectStore("parked").get(record);
          get.onsuccess = () => tx.objectStore("drafts").put((get.result as { value: unknown }).value);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      [aProfile?.id as string, "drafts", aWaitingId],
    );
    await page.reload();
    await lockScreen(page).waitFor();
    await typePin(page, B_PIN);
    await page.getByRole("heading", { name: "Berkas warga" }).waitFor();
    const bLink = page.locator(`a[href="/berkas/${bId}"]`);
    // One record B's key cannot open must not hide B's own files (soft: reported, the proof goes on).
    const listed = await bLink.waitFor({ timeout: 20_000 }).then(
      () => true,
      () => false,
    );
    await screenshot(page, "vault-profiles-foreign-record");
    expect.soft(listed, "B's own file listed beside a record B's key cannot open").toBe(true);
    await expect(page.getByText(aWaiting.fullName).count()).resolves.toBe(0);
    await goInApp(page, env.server.url, `/berkas/${aWaitingId}`);
    // The file's own address: never A's data; and the cadre should be told something (soft).
    const told = await page
      .getByText("Berkas ini tidak ada di HP ini.")
      .or(page.getByRole("alert"))
      .first()
      .waitFor({ timeout: 20_000 })
      .then(
        () => true,
        () => false,
      );
    expect.soft(told, "a file B's key cannot open says so").toBe(true);
    await expect(page.getByLabel("Nama lengkap (sesuai KTP)").count()).resolves.toBe(0);
    await expect(page.getByText(aWaiting.fullName).count()).resolves.toBe(0);
    await page.evaluate(async (key) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open("masdarin");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction("drafts", "readwrite");
        tx.objectStore("drafts").delete(key);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, aWaitingId);

    // B leaves keeping the profile; A comes back with the password: exactly A's files, and A's waiting change goes out.
    await page.reload();
    await lockScreen(page)
      .or(page.getByRole("heading", { name: "Berkas warga" }))
      .waitFor();
    if (await lockScreen(page).isVisible()) await typePin(page, B_PIN);
    await signOutKeeping(page, env.server.url);
    expect(await passwordSignIn(page, env.server.url, anggrek.username)).toBe("berkas");
    shown = await listShows(page, env.server.url, aIds);
    expect(shown).toContain(aSent.fullName);
    expect(shown).toContain(aWaiting.fullName);
    for (const value of personal(bPerson)) expect(shown).not.toContain(value);
    expect((await readRows(page, "drafts")).map((row) => row.id).sort()).toEqual(aIds);
    const parkedNow = await readRows(page, "parked");
    expect(parkedNow.filter((row) => row.table === "drafts").map((row) => row.key)).toEqual([bId]);
    // Parked: B's records, and at most the sync state of the guest the app may have become between B's
    // sign-out and A's sign-in (a guest has no PIN; its drafts would show in the list above, and none is
    // parked: asserted above). Never anything of A's.
    const guests = new Set(
      (await readRows(page, "profiles")).filter((row) => row.userId === "").map((row) => row.id as string),
    );
    for (const row of parkedNow) {
      expect(
        row.profileId === bProfile?.id || guests.has(row.profileId as string),
        `parked ${String(row.table)} ${String(row.key)} of profile ${String(row.profileId)}`,
      ).toBe(true);
    }
    expect(parkedNow.filter((row) => row.profileId === aProfile?.id)).toEqual([]);
    await expect.poll(async () => (await serverRow(aWaitingId))?.cadreId, { timeout: 60_000 }).toBe(anggrek.id);
    // B's file went to the server as B's, never as A's.
    expect((await serverRow(bId))?.cadreId ?? bougenvil.id).toBe(bougenvil.id);

    // A's own PIN still opens A's profile after a reload; B's does not.
    await page.reload();
    await lockScreen(page).waitFor();
    await typePin(page, B_PIN);
    await lockScreen(page)
      .getByText(/PIN salah/)
      .waitFor();
    await typePin(page, PIN);
    await page.locator(`a[href="/berkas/${aSentId}"]`).waitFor();
    await context.close();
  });

  it("closes a second tab's vault when the cadre leaves in the first: the next cadre finds nothing open, and nothing is filed under the wrong account", async () => {
    const anggrek = await newUser(env.server.db, "cadre", { displayName: "Kader Anggrek" });
    const bougenvil = await newUser(env.server.db, "cadre", { displayName: "Kader Bougenvil" });
    const context = await env.browser.newContext(PHONE);
    const first = await context.newPage();
    await first.goto(env.server.url);
    await waitForServiceWorker(first);
    await first.getByTestId("updated-at").waitFor();
    await signInWithPin(first, env.server.url, anggrek.username, PIN);
    const aPerson = person("Tabsatu", 311);
    const aId = await makePersonDraft(first, env.server.url, aPerson, {}, {});
    await listShows(first, env.server.url, [aId]);

    // The same cadre's second tab (or the installed app beside the browser), opened with the PIN.
    const second = await context.newPage();
    await second.goto(`${env.server.url}/berkas`);
    await lockScreen(second).waitFor();
    await typePin(second, PIN);
    await second.locator(`a[href="/berkas/${aId}"]`).waitFor();

    // A leaves in the first tab; B signs in there.
    await first.bringToFront();
    await signOutKeeping(first, env.server.url);
    expect(await passwordSignIn(first, env.server.url, bougenvil.username)).toBe("pin");
    await choosePin(first, B_PIN);

    // The second tab must not stay open on A's key: it locks (or asks for a sign-in) and shows no file of A's.
    await second.bringToFront();
    const closed = await lockScreen(second)
      .or(second.getByLabel("Nama pengguna"))
      .first()
      .waitFor({ timeout: 20_000 })
      .then(
        () => true,
        () => false,
      );
    await screenshot(second, "vault-second-tab-after-sign-out");
    expect.soft(closed, "the second tab locked when the profile changed").toBe(true);
    expect.soft(await second.getByText(aPerson.fullName).count(), "A's file still shown in the second tab").toBe(0);

    if (!closed) {
      // Still open on A's key: a file started there is sealed under A's profile into B's live tables...
      const mixed = person("Campur", 312);
      const mixedId = await makePersonDraft(second, env.server.url, mixed, {}, {});
      await first.bringToFront();
      await listShows(first, env.server.url, []).catch(() => "");
      // ...and must never reach the server as B's file.
      await first
        .getByRole("button", { name: "Sinkronkan sekarang" })
        .click()
        .catch(() => undefined);
      await second
        .getByRole("button", { name: "Sinkronkan sekarang" })
        .click()
        .catch(() => undefined);
      const row = await expect
        .poll(async () => (await serverRow(mixedId))?.cadreId ?? null, { timeout: 15_000 })
        .not.toBeNull()
        .then(
          () => serverRow(mixedId),
          () => undefined,
        );
      expect.soft(row?.cadreId ?? null, "A's new file filed on the server under B's account").not.toBe(bougenvil.id);
    }
    await context.close();
  });
});
