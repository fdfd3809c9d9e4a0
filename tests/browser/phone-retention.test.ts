import { eq } from "drizzle-orm";
import type { BrowserContext } from "playwright-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { applications } from "../../server/db/schema";
import { recordVerdict } from "../../server/sync/applications";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { newUser } from "../helpers/cadre-ui";
import { readRows } from "../helpers/raw-idb";
import { horizontalOverflow, smallTapTargets } from "../helpers/small-screen";
import { goInApp, makePersonDraft, person, signInWithPin } from "../helpers/vault-ui";

/**
 * Issue 15, "keeping no longer than needed" on the phone: a set time after
 * the office's final decision (30 days by default) the phone removes the
 * file's applicant data and photos; the drafts list and the file's page keep
 * the service, the status and the tracking number, and say what went.
 */
vi.setConfig({ testTimeout: 300_000 });

const env = useAppAndBrowser();
const DAY = 24 * 60 * 60 * 1000;
const SERVICE = "Surat Keterangan Domisili (Tempat Tinggal)";
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close().catch(() => undefined);
  context = undefined;
});

async function serverRow(id: string) {
  return (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
}

describe("phone retention in Chromium", () => {
  it("removes a file's applicant data and photos 30 days after approval, keeping service, status and number", async () => {
    const cadre = await newUser(env.server.db, "cadre", { displayName: "Siti Kader Simpan" });
    context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    await signInWithPin(page, env.server.url, cadre.username);

    const who = person("Simpan", 3);
    const id = await makePersonDraft(
      page,
      env.server.url,
      who,
      { letter: "photo", ktp: "photo", kk: "photo" },
      {
        ready: true,
      },
    );
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 120_000 }).toBe("submitted");
    const number = (await serverRow(id))?.trackingNumber ?? "";
    expect(number).not.toBe("");
    expect((await readRows(page, "blobs")).length).toBeGreaterThan(0);

    const decidedAt = new Date(Date.now() - 31 * DAY).toISOString();
    expect(await recordVerdict(env.server.db, id, { decision: "verified", requirements: {}, decidedAt })).toBe(true);
    expect(await recordVerdict(env.server.db, id, { decision: "approved", requirements: {}, decidedAt })).toBe(true);

    await goInApp(page, env.server.url, "/berkas");
    await page.getByRole("button", { name: "Sinkronkan sekarang" }).click();
    const note = page.getByTestId("scrubbed-note");
    await note.waitFor({ timeout: 60_000 });
    expect(await note.textContent()).toBe("Data pemohon dihapus dari ponsel ini (31 hari setelah keputusan)");
    const card = page.locator(".draft-card").filter({ has: note });
    expect(await card.locator(".draft-name").textContent()).toBe(SERVICE);
    expect(await card.locator(".tracking-number").textContent()).toBe(number);
    expect(await card.getByText(who.fullName).count()).toBe(0);
    expect(await card.getByRole("button", { name: /Pakai data pemohon/ }).count()).toBe(0);
    // The photos are gone from the phone; the office keeps its copy, untouched.
    expect(await readRows(page, "blobs")).toEqual([]);
    expect(
      ((await serverRow(id))?.content as { applicant?: { fullName?: string } } | undefined)?.applicant?.fullName,
    ).toBe(who.fullName);
    expect(await readRows(page, "outbox")).toEqual([]);
    await screenshot(page, "phone-retention-list");
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);

    await card.getByRole("link").first().click();
    await page.waitForURL(new RegExp(`/berkas/${id}$`));
    await page.getByRole("heading", { level: 1, name: SERVICE }).waitFor();
    await page.getByTestId("scrubbed-note").waitFor();
    expect(await page.getByLabel("Nama lengkap (sesuai KTP)").count()).toBe(0);
    await page.getByText(number).first().waitFor();
    await screenshot(page, "phone-retention-file");
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await smallTapTargets(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBe(0);
  });
});
