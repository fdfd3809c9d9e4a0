import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { applications } from "../../server/db/schema";
import { recordVerdict } from "../../server/review/verdict";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { draftReadyInApp, newUser, signIn } from "../helpers/cadre-ui";
import { card, makeImage } from "../helpers/draft-ui";

vi.setConfig({ testTimeout: 300_000 });

/**
 * A file the office sent back, on the cadre's phone: it must look sent back
 * (the office's reasons first, the flagged requirement not green), ask before
 * going back unchanged, and keep the office's note, answered, once fixed.
 */

const env = useAppAndBrowser();
const NOTE = "Foto KTP buram, ulangi di tempat terang";

async function serverRow(id: string) {
  return (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
}

/** The office sends the KTP back (blurry, with a note) and accepts the RT/RW letter, as the console does. */
async function sendBackKtp(id: string, decidedAt: string): Promise<void> {
  const given = await recordVerdict(env.server.db, id, {
    decision: "needs-fix",
    requirements: {
      "ktp-el": { status: "needs-fix", reasonCode: "blurry", reason: NOTE },
      "pengantar-rt-rw": { status: "accepted" },
    },
    decidedAt,
  });
  expect(given).toBe(true);
}

/** Opens the file on the phone (a start-up sync pulls the verdict) until the office's reasons show. */
async function openSentBack(page: Page, id: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(`${env.server.url}/berkas/${id}`);
        return page
          .getByTestId("office-reasons")
          .waitFor({ timeout: 5_000 })
          .then(() => true)
          .catch(() => false);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

const summary = (page: Page) => page.locator(".verdict");

describe("a file the office sent back, on the phone", () => {
  it("leads with the office's reason, keeps the flagged card from green until its page is replaced, asks before an unchanged resubmit, and keeps the note marked answered", async () => {
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: "31.75.07" });
    const phone = await env.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    await signIn(page, env.server.url, cadre.username);
    await phone.setOffline(true);
    const id = await draftReadyInApp(page, env.server.url, "Ratna Sari Dewi");
    await phone.setOffline(false);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");

    await sendBackKtp(id, "2026-03-02T02:00:00.000Z");
    await openSentBack(page, id);

    // The summary leads with the office's reason, not "Siap diajukan — semua syarat lengkap".
    await expect.poll(() => summary(page).textContent()).toContain("Dikembalikan kantor: 1 syarat perlu diperbaiki");
    expect(await summary(page).textContent()).not.toContain("Siap diajukan");
    expect(await summary(page).getAttribute("class")).not.toContain("ready");
    const ktp = card(page, "KTP-el pemohon");
    expect(await ktp.getAttribute("data-flag")).toBe("standing");
    expect(await ktp.locator(".status-pill").textContent()).toBe("Diminta kantor");
    expect(await ktp.getAttribute("class")).not.toContain("status-ok");
    await ktp.getByText(`Catatan kantor: ${NOTE}`).waitFor();
    // The requirement the office accepted stays complete.
    expect(await card(page, "Surat pengantar RT dan RW").locator(".status-pill").textContent()).toBe("Lengkap");

    // The reason is a link: it takes focus to the KTP's card.
    await summary(page).getByRole("link", { name: "KTP-el pemohon: Foto buram atau gelap" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("req-ktp-el");
    await screenshot(page, "draft-sent-back-card");

    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "draft-sent-back");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Nothing changed on the KTP: "Tandai siap diajukan" asks first. Batal keeps the file here.
    const dialog = page.getByTestId("resubmit-confirm");
    await page.getByRole("button", { name: "Tandai siap diajukan" }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      "Belum ada yang diubah pada syarat yang diminta kantor. Tetap ajukan ulang?",
    );
    await screenshot(page, "draft-sent-back-confirm");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Batal" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await page.getByTestId("draft-status").textContent()).toBe("Perlu diperbaiki");
    expect((await serverRow(id))?.status).toBe("needs-fix");

    // Asked again and accepted: the file goes back as it is.
    await page.getByRole("button", { name: "Tandai siap diajukan" }).click();
    await dialog.getByRole("button", { name: "Tetap ajukan ulang" }).click();
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");
    expect(await serverRow(id)).toMatchObject({ submitCount: 2, sentBackCount: 1 });

    // The office sends the same KTP back again: a fresh flag, standing although the page was never touched since.
    await sendBackKtp(id, "2026-03-03T02:00:00.000Z");
    await openSentBack(page, id);
    await expect.poll(() => card(page, "KTP-el pemohon").getAttribute("data-flag")).toBe("standing");

    // Offline, the cadre retakes the KTP page: the flag is answered, the note stays, marked as fixed.
    await phone.setOffline(true);
    const sharper = await makeImage(page, 1700, 1100, "image/jpeg");
    const chooser = page.waitForEvent("filechooser");
    await ktp.getByRole("button", { name: "Foto ulang — Halaman 1" }).click();
    await (await chooser).setFiles({ name: "ktp.jpg", mimeType: "image/jpeg", buffer: sharper });
    await expect.poll(() => ktp.getAttribute("data-flag"), { timeout: 30_000 }).toBe("answered");
    expect(await ktp.locator(".status-pill").first().textContent()).toBe("Lengkap");
    expect(await ktp.locator(".office-note").textContent()).toContain("Sudah diperbaiki");
    expect(await ktp.locator(".office-note").textContent()).toContain(`Catatan kantor: ${NOTE}`);
    const answered = summary(page).locator(".office-flags li.answered");
    expect(await answered.textContent()).toContain("Sudah diperbaiki");
    expect(await answered.textContent()).toContain("KTP-el pemohon: Foto buram atau gelap");
    await expect.poll(() => summary(page).textContent()).toContain("Siap diajukan ulang");
    await ktp.scrollIntoViewIfNeeded();
    await screenshot(page, "draft-sent-back-answered");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Something changed on what the office asked about: no question this time.
    await page.getByRole("button", { name: "Tandai siap diajukan" }).click();
    await expect.poll(() => page.getByTestId("draft-status").textContent()).toBe("Menunggu dikirim");
    expect(await dialog.isVisible()).toBe(false);
    await phone.setOffline(false);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");
    expect(await serverRow(id)).toMatchObject({ submitCount: 3, sentBackCount: 2 });
    await phone.close();
  });
});
