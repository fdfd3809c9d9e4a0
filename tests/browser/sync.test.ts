import { count, eq } from "drizzle-orm";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { applications, files, mutations, sessions } from "../../server/db/schema";
import { recordVerdict } from "../../server/sync/applications";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { draftReadyInApp, newUser, signIn, unlockWheneverLocked } from "../helpers/cadre-ui";
import { card } from "../helpers/draft-ui";
import { readRows } from "../helpers/raw-idb";

vi.setConfig({ testTimeout: 180_000 });

const env = useAppAndBrowser();
/** Signed in and installed online; the drafting then happens offline. */
async function setUp(): Promise<{ context: BrowserContext; page: Page; cadre: { id: string; username: string } }> {
  const cadre = await newUser(env.server.db);
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  await page.getByTestId("updated-at").waitFor();
  await signIn(page, env.server.url, cadre.username);
  return { context, page, cadre };
}

/** Made inside the running app: a page load starts the app locked (issue 15), and a locked app starts no file. */
function draftReadyOffline(page: Page, name: string, variant = 0): Promise<string> {
  return draftReadyInApp(page, env.server.url, name, variant);
}

async function serverRow(id: string) {
  return (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
}

describe("sync in Chromium", () => {
  it("sends a draft made offline once the signal returns, and brings the office's verdict back for offline reading", async () => {
    const { context, page } = await setUp();
    await context.setOffline(true);
    const id = await draftReadyOffline(page, "Siti Aminah");
    await expect.poll(() => page.getByTestId("draft-status").textContent()).toBe("Menunggu dikirim");
    expect(await serverRow(id)).toBeUndefined();

    await context.setOffline(false);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");

    expect((await env.server.db.select({ n: count() }).from(files))[0]?.n).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId("draft-status").textContent(), { timeout: 30_000 }).toBe("Terkirim");

    await recordVerdict(env.server.db, id, {
      decision: "needs-fix",
      requirements: { "ktp-el": { status: "needs-fix", reason: "Foto KTP buram, ulangi" } },
      decidedAt: new Date().toISOString(),
    });
    await page.goto(`${env.server.url}/berkas`);
    await page.getByRole("button", { name: "Sinkronkan sekarang" }).click();
    await page.getByText("Perlu diperbaiki").first().waitFor({ timeout: 30_000 });
    // The office has the file: the phone offers no delete, and says why (moved here from photo-check, whose
    // hand-written office row can no longer be sealed with the phone's key).
    const entry = page.locator(".draft-card").filter({ hasText: "Siti Aminah" });
    await expect.poll(() => entry.locator(".not-deletable").textContent()).toMatch(/tidak bisa dihapus dari HP/);
    expect(await entry.getByRole("button", { name: /^Hapus/ }).count()).toBe(0);

    // Offline, the cadre reads the office's reason beside the requirement and can fix it.
    await context.setOffline(true);
    await page.goto(`${env.server.url}/berkas/${id}`);
    await card(page, "KTP-el pemohon").getByText("Catatan kantor: Foto KTP buram, ulangi").waitFor();
    await expect(page.getByLabel("Nama lengkap (sesuai KTP)").isEnabled()).resolves.toBe(true);
    await screenshot(page, "draft-needs-fix");
    await context.close();
  });

  it("keeps work through a session revoked while offline, then sends everything after signing in again", async () => {
    const { context, page, cadre } = await setUp();
    await context.setOffline(true);
    const id = await draftReadyOffline(page, "Budi Santoso");
    // Revoked not by the office but by a new sign-in ("replaced", server/routes/auth.ts): such a session may not
    // drain (server/auth/farewell.ts), so the work waits, sealed, for the cadre's password. (An office revocation
    // pushes, then erases: tests/browser/vault-revocation.test.ts.)
    await env.server.db
      .update(sessions)
      .set({ revokedAt: new Date().toISOString(), revokeReason: "replaced" })
      .where(eq(sessions.userId, cadre.id));
    await context.setOffline(false);
    await page.goto(`${env.server.url}/berkas`);
    // The sync on start meets the revoked session: the bar says so and offers "Masuk".
    await page.getByText(/Sesi berakhir/).waitFor({ timeout: 30_000 });
    expect(await serverRow(id)).toBeUndefined();
    await page.getByText("1 berkas menunggu dikirim").waitFor();

    await page.getByRole("link", { name: "Masuk" }).click();
    await signIn(page, env.server.url, cadre.username);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");
    await page.getByText("Semua sudah terkirim").waitFor({ timeout: 30_000 });
    await context.close();
  });

  it("lets only one tab sync at a time, and a tab closed mid-sync loses and duplicates nothing", async () => {
    const { context, page } = await setUp();
    await context.setOffline(true);
    const id = await draftReadyOffline(page, "Dewi Lestari");
    const second = await context.newPage();
    // A new tab starts locked; both tabs must be open to race for the push (a locked tab pushes nothing).
    await unlockWheneverLocked(second);
    await second.goto(`${env.server.url}/berkas`);
    await second.getByRole("heading", { name: "Berkas warga" }).waitFor();
    // Count pushes inside each tab (requests that pass through the service worker do not all
    // reach Playwright's request events).
    for (const tab of [page, second]) {
      await tab.evaluate(() => {
        const original = window.fetch.bind(window);
        const counter = window as unknown as { pushes: number };
        counter.pushes = 0;
        window.fetch = (input, init) => {
          if (String(input).endsWith("/api/sync/push")) counter.pushes++;
          return original(input, init);
        };
      });
    }
    const pushesIn = (tab: Page) => tab.evaluate(() => (window as unknown as { pushes: number }).pushes);
    // Both tabs hear "online" and try at once; the Web Lock lets one through.
    await context.setOffline(false);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");
    expect((await pushesIn(page)) + (await pushesIn(second))).toBe(1);

    // Another file; the tab is closed while it is being sent, then the app is opened again.
    await context.setOffline(true);
    const other = await draftReadyOffline(page, "Rina Wati", 7);
    const fileCount = async () => (await env.server.db.select({ n: count() }).from(files))[0]?.n ?? 0;
    const filesBefore = await fileCount();
    await context.setOffline(false);
    // Close every tab as soon as the first photo of this file has arrived: mid-sync.
    await expect.poll(fileCount, { timeout: 30_000, interval: 20 }).toBeGreaterThan(filesBefore);
    await page.close();
    await second.close();
    const reopened = await context.newPage();
    await unlockWheneverLocked(reopened);
    await reopened.goto(`${env.server.url}/berkas`);
    await expect.poll(async () => (await serverRow(other))?.status, { timeout: 60_000 }).toBe("submitted");
    const applied = (
      await env.server.db.select({ n: count() }).from(mutations).where(eq(mutations.status, "applied"))
    )[0]?.n;
    const rows = (await env.server.db.select().from(applications)).filter((row) => [id, other].includes(row.id));
    expect(rows).toHaveLength(2);
    expect(applied).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it("refuses to sign out over unsent work until confirmed, then leaves no applicant data on the phone", async () => {
    const { context, page, cadre } = await setUp();
    await context.setOffline(true);
    await draftReadyOffline(page, "Agus Salim");
    await page.goto(`${env.server.url}/berkas`);
    // Signing out offers to keep the profile sealed or to erase it (issue 15); erasing over unsent work is refused
    // until confirmed: the phone names the file that would be lost.
    await page.getByRole("button", { name: "Keluar", exact: true }).click();
    await page.getByRole("button", { name: "Hapus data saya dari ponsel ini" }).click();
    await expect
      .poll(() => page.getByTestId("unsent-list").locator("li").allTextContents())
      .toEqual([expect.stringMatching(/^Agus Salim — .*: \d+ perubahan$/)]);
    // Still signed in, nothing deleted, until the cadre confirms.
    await page.getByRole("button", { name: "Batal" }).click();
    await page.getByText("Agus Salim").waitFor();
    await page.getByRole("button", { name: "Keluar", exact: true }).click();
    await page.getByRole("button", { name: "Hapus data saya dari ponsel ini" }).click();
    await page.getByRole("button", { name: "Hapus juga (hilang)" }).click();
    await page.waitForURL(/\/masuk$/);
    await page.getByLabel("Nama pengguna").waitFor();
    const left = await page.evaluate(async () => {
      const open = indexedDB.open("masdarin");
      const db = await new Promise<IDBDatabase>((done) => {
        open.onsuccess = () => done(open.result);
      });
      const countIn = (store: string) =>
        new Promise<number>((done) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => done(request.result);
        });
      const counts = {
        drafts: await countIn("drafts"),
        blobs: await countIn("blobs"),
        outbox: await countIn("outbox"),
        guides: await countIn("guides"),
      };
      db.close();
      return counts;
    });
    expect(left).toMatchObject({ drafts: 0, blobs: 0, outbox: 0 });
    expect(left.guides).toBeGreaterThanOrEqual(30);
    // Erased, not kept: no sealed profile of the cadre stays on the phone either.
    expect((await readRows(page, "profiles")).map((row) => row.userId)).not.toContain(cadre.id);
    expect(await page.content()).not.toContain("Agus Salim");

    // Another cadre on the same phone starts clean and never sends the first cadre's work.
    await context.setOffline(false);
    const other = await newUser(env.server.db);
    await signIn(page, env.server.url, other.username);
    await page.getByText(/Belum ada berkas/).waitFor();
    expect((await env.server.db.select().from(applications)).some((row) => row.cadreId === cadre.id)).toBe(false);
    await context.close();
  });
});
