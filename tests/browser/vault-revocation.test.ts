import { eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applications, sessions } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { newUser, TEST_PASSWORD } from "../helpers/cadre-ui";
import { dumpStorage, findText, inventory, readRows } from "../helpers/raw-idb";
import { goInApp, lockScreen, makePersonDraft, PIN, person, signInWithPin, typePin } from "../helpers/vault-ui";

/**
 * Issue 15, "revocation erases after the outbox is empty": the office cuts a
 * cadre's phone off while it holds files made offline; at its next contact
 * the phone pushes everything (the server still takes a revoked session's
 * push and pages for a while, saying `Masdarin-Session: farewell`), and only
 * then erases the cadre's data and profile. Read back from the raw
 * IndexedDB, without Dexie and without a key.
 */
vi.setConfig({ testTimeout: 300_000 });

const env = useAppAndBrowser();
const ERASED_WORDS =
  "Sesi ponsel ini dicabut kantor. Semua berkas sudah terkirim, lalu data pemohon dihapus dari ponsel ini.";
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close().catch(() => undefined);
  context = undefined;
});

/** The office's admin, over the real API: signs in with the password and revokes the cadre's phone session. */
async function revokeAsAdmin(cadreId: string): Promise<void> {
  const admin = await newUser(env.server.db, "admin");
  const login = await fetch(`${env.server.url}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username: admin.username, password: TEST_PASSWORD, deviceLabel: "Kantor" }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const headers = { Cookie: cookie, "Content-Type": "application/json" };
  const listed = await fetch(`${env.server.url}/api/users/${cadreId}/sessions`, { headers });
  expect(listed.status).toBe(200);
  const { sessions: live } = (await listed.json()) as { sessions: { id: string }[] };
  expect(live).toHaveLength(1);
  const revoked = await fetch(`${env.server.url}/api/users/${cadreId}/sessions/${live[0]?.id}`, {
    method: "DELETE",
    headers,
  });
  expect(revoked.status).toBe(204);
}

async function serverRow(id: string) {
  return (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
}

async function nameOnServer(id: string): Promise<string | undefined> {
  return ((await serverRow(id))?.content as { applicant?: { fullName?: string } } | undefined)?.applicant?.fullName;
}

async function rowCount(page: Page, store: string): Promise<number> {
  return (await readRows(page, store)).length;
}

/** Profiles of a cadre: once nobody is signed in, a guest profile (no user, no records) takes over. */
async function cadreProfiles(page: Page): Promise<number> {
  return (await readRows(page, "profiles")).filter((row) => row.userId !== "").length;
}

describe("the office revokes a cadre's phone", () => {
  it("pushes the files made offline with their photos, then erases the cadre's data and profile", async () => {
    const cadre = await newUser(env.server.db, "cadre", { displayName: "Siti Kader Dicabut" });
    context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    await signInWithPin(page, env.server.url, cadre.username);

    // In the field, without signal: one file ready with its three photos, one half-made.
    await context.setOffline(true);
    const ready = person("Cabut", 1);
    const unfinished = person("Pergi", 2);
    const readyId = await makePersonDraft(
      page,
      env.server.url,
      ready,
      { letter: "photo", ktp: "photo", kk: "photo" },
      { ready: true },
    );
    const unfinishedId = await makePersonDraft(page, env.server.url, unfinished, { ktp: "photo" }, { variant: 7 });
    expect(await rowCount(page, "drafts")).toBe(2);
    expect(await rowCount(page, "outbox")).toBeGreaterThan(0);
    const profiles = await readRows(page, "profiles");
    expect(profiles.map((row) => row.userId)).toEqual([cadre.id]);

    await revokeAsAdmin(cadre.id);
    expect(
      (await env.server.db.select().from(sessions).where(eq(sessions.userId, cadre.id)).limit(1))[0]?.revokedAt,
    ).toBeTruthy();

    // The signal returns: the phone syncs at once (the "online" event), as it does every time.
    await context.setOffline(false);
    await expect.poll(async () => (await serverRow(readyId))?.status, { timeout: 120_000 }).toBe("submitted");
    await expect.poll(() => cadreProfiles(page), { timeout: 60_000 }).toBe(0);

    // The office has both files whole, photos and all.
    expect(await nameOnServer(readyId)).toBe(ready.fullName);
    expect(await nameOnServer(unfinishedId)).toBe(unfinished.fullName);
    const content = (await serverRow(readyId))?.content as
      | { documents?: Record<string, { pages: unknown[] }> }
      | undefined;
    expect(Object.values(content?.documents ?? {}).flatMap((document) => document.pages)).toHaveLength(3);

    // And the phone holds nothing of the cadre: no record, no parked record, no profile, no account.
    for (const store of ["drafts", "blobs", "outbox", "remote", "attention", "parked"]) {
      expect(await rowCount(page, store), store).toBe(0);
    }
    expect(await cadreProfiles(page)).toBe(0);
    const meta = (await readRows(page, "meta")).map((row) => row.key);
    expect(meta).not.toContain("account");
    expect(meta).not.toContain("clientId");
    const records = await dumpStorage(page, { caches: true });
    for (const value of [ready.fullName, ready.nik, unfinished.fullName, unfinished.nik, ready.street]) {
      expect(findText(records, value), `${value} in ${JSON.stringify(inventory(records))}`).toEqual([]);
    }

    // The next screen's news (client/vault/revocation.ts): said, never with a name or a number of a file.
    const notice = await page.evaluate(() => localStorage.getItem("masdarin.farewell"));
    expect(JSON.parse(notice ?? "null")).toMatchObject({ kind: "erased" });

    // The app is back to "nobody signed in" (a guest may start files again at /berkas), and the sign-in screen says why.
    await page.goto(`${env.server.url}/masuk`);
    await page.getByLabel("Nama pengguna").waitFor();
    await page.getByTestId("farewell-erased").getByText(ERASED_WORDS).waitFor();
    await screenshot(page, "vault-revocation-after");
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("keeps a locked phone's waiting changes sealed and says so, then sends them and erases after the PIN", async () => {
    const cadre = await newUser(env.server.db, "cadre", { displayName: "Rina Kader Terkunci" });
    context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    await signInWithPin(page, env.server.url, cadre.username);
    await context.setOffline(true);
    const who = person("Kunci", 4);
    const id = await makePersonDraft(
      page,
      env.server.url,
      who,
      { letter: "photo", ktp: "photo", kk: "photo" },
      {
        ready: true,
        variant: 11,
      },
    );
    await goInApp(page, env.server.url, "/berkas");
    await page.getByRole("button", { name: "Kunci sekarang" }).click();
    await lockScreen(page).waitFor();
    await revokeAsAdmin(cadre.id);

    // Back online while locked: the phone learns it was cut off, but nothing is sent or erased without the PIN.
    await context.setOffline(false);
    const waiting = lockScreen(page).getByTestId("farewell-waiting");
    await waiting.waitFor({ timeout: 60_000 });
    expect(await waiting.textContent()).toMatch(/^Sesi ponsel ini dicabut kantor\. \d+ perubahan menunggu dikirim/);
    expect(await serverRow(id)).toBeUndefined();
    expect(await rowCount(page, "drafts")).toBe(1);
    expect(await cadreProfiles(page)).toBe(1);
    await screenshot(page, "vault-revocation-waiting");
    expect(await seriousA11yViolations(page)).toEqual([]);

    await typePin(page, PIN);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 120_000 }).toBe("submitted");
    await expect.poll(() => cadreProfiles(page), { timeout: 60_000 }).toBe(0);
    expect(await nameOnServer(id)).toBe(who.fullName);
    for (const store of ["drafts", "blobs", "outbox", "remote", "attention", "parked"]) {
      expect(await rowCount(page, store), store).toBe(0);
    }
    // Straight to the sign-in screen, which says what happened.
    await page.getByTestId("farewell-erased").getByText(ERASED_WORDS).waitFor({ timeout: 30_000 });
  });
});
