import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { applications, guides } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { draftReadyInApp, newUser, openInApp, signIn } from "../helpers/cadre-ui";
import { card, makeImage } from "../helpers/draft-ui";

vi.setConfig({ testTimeout: 300_000 });

/**
 * Both sides of the loop in one Chromium: a cadre's phone (offline, then
 * back) and an operator's desktop console, with only the real server between
 * them — the office's reason reaches the phone, the fix comes back, and the
 * dashboard follows.
 */

const env = useAppAndBrowser();
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;
const NOTE = "Foto KTP buram, ulangi di tempat terang";

async function serverRow(id: string) {
  return (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
}

async function statusCounts(console: Page): Promise<Record<string, string>> {
  await console.goto(`${env.server.url}/konsol/dasbor`);
  await console.getByTestId("table-by-status").waitFor();
  const counts: Record<string, string> = {};
  for (const status of ["submitted", "received", "needs-fix", "verified"]) {
    counts[status] = (await console.getByTestId(`dash-status-${status}`).textContent()) ?? "";
  }
  counts.submittedTotal = (await console.getByTestId("dash-submitted").textContent()) ?? "";
  return counts;
}

async function openFromQueue(console: Page, id: string): Promise<void> {
  await console.goto(`${env.server.url}/konsol`);
  const row = console.locator(`[data-testid="queue-row"][data-id="${id}"]`);
  await row.waitFor({ timeout: 30_000 });
  await row.getByRole("link").first().click();
  await console.waitForURL(new RegExp(`/konsol/berkas/${id}$`));
  await console.getByTestId("application-status").waitFor();
}

/** A cadre and an operator of the same kecamatan, with real passwords. */
async function cadreAndOperator() {
  return {
    cadre: await newUser(env.server.db, "cadre", { kecamatanCode: "31.75.07" }),
    operator: await newUser(env.server.db, "operator", { kecamatanCode: "31.75.07" }),
  };
}

/** The cadre's phone: the app installed with signal, the catalogue stored, signed in. */
async function cadrePhone(username: string) {
  const phone = await env.browser.newContext(PHONE);
  const cadrePage = await phone.newPage();
  await cadrePage.goto(env.server.url);
  await waitForServiceWorker(cadrePage);
  await cadrePage.getByTestId("updated-at").waitFor();
  await signIn(cadrePage, env.server.url, username);
  return { phone, cadrePage };
}

/** The operator at an office PC, signed in and in the console. */
async function operatorDesk(username: string) {
  const desk = await env.browser.newContext(DESKTOP);
  const consolePage = await desk.newPage();
  await signIn(consolePage, env.server.url, username, /\/konsol$/);
  return { desk, consolePage };
}

describe("cadre and office, end to end", () => {
  it("sends a file back for one requirement, brings the reason to the phone offline, takes the fix and verifies it", async () => {
    const { cadre, operator } = await cadreAndOperator();

    // The cadre drafts with no signal, then the phone finds a network and sends it.
    const { phone, cadrePage } = await cadrePhone(cadre.username);
    await phone.setOffline(true);
    const id = await draftReadyInApp(cadrePage, env.server.url, "Ratna Sari Dewi");
    expect(await serverRow(id)).toBeUndefined();
    await phone.setOffline(false);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");

    // The operator signs in on a desktop and lands in the console.
    const desk = await env.browser.newContext(DESKTOP);
    const consolePage = await desk.newPage();
    const violations: string[] = [];
    await consolePage.exposeFunction("reportViolation", (text: string) => violations.push(text));
    await consolePage.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window as unknown as { reportViolation: (t: string) => void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        );
      });
    });
    await signIn(consolePage, env.server.url, operator.username, /\/konsol$/);
    const before = await statusCounts(consolePage);
    expect(before).toMatchObject({ submitted: "1", verified: "0", "needs-fix": "0", submittedTotal: "1" });

    // In the queue; receive it, look at the photo, send the KTP back with a reason from the list.
    await openFromQueue(consolePage, id);
    await consolePage.getByTestId("receive-button").click();
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 15_000 }).toBe("received");
    // Received on the same screen: the decision panel is still there, nothing reloaded the page.
    await consolePage.getByTestId("application-status").getByText("Diterima kantor").waitFor();
    await consolePage.getByTestId("req-fix-ktp-el").waitFor();
    const photo = consolePage.getByTestId("photo-ktp-el-0").locator("img");
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await consolePage.getByTestId("req-accept-pengantar-rt-rw").check();
    await consolePage.getByTestId("req-fix-ktp-el").check();
    await consolePage.getByTestId("req-reason-ktp-el").selectOption("blurry");
    await consolePage.getByTestId("req-note-ktp-el").fill(NOTE);
    await consolePage.getByTestId("decision-needs-fix").check();
    await screenshot(consolePage, "console-review-needs-fix", { fullPage: true });
    await consolePage.getByTestId("submit-verdict").click();
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 15_000 }).toBe("needs-fix");

    // The phone syncs, then reads the reason offline beside that requirement.
    await cadrePage.goto(`${env.server.url}/berkas`);
    await cadrePage.getByRole("button", { name: "Sinkronkan sekarang" }).click();
    await cadrePage.getByText("Perlu diperbaiki").first().waitFor({ timeout: 30_000 });
    await phone.setOffline(true);
    await cadrePage.goto(`${env.server.url}/berkas/${id}`);
    const ktp = card(cadrePage, "KTP-el pemohon");
    await ktp.getByText("Alasan kantor: Foto buram atau gelap").waitFor();
    await ktp.getByText(`Catatan kantor: ${NOTE}`).waitFor();
    await expect(
      card(cadrePage, "Surat pengantar RT dan RW")
        .getByText(/Alasan kantor/)
        .count(),
    ).resolves.toBe(0);
    await screenshot(cadrePage, "draft-office-reason");

    // Still offline: a sharper photo replaces the blurred one, and the file is ready again.
    await ktp.getByRole("button", { name: "Hapus halaman — Halaman 1" }).click();
    await expect.poll(() => ktp.locator(".pages > li").count()).toBe(0);
    const sharper = await makeImage(cadrePage, 1700, 1100, "image/jpeg");
    await ktp.getByLabel(/Pilih foto\/PDF/).setInputFiles({ name: "ktp.jpg", mimeType: "image/jpeg", buffer: sharper });
    await expect.poll(() => ktp.locator(".pages > li").count(), { timeout: 30_000 }).toBe(1);
    await cadrePage.locator(".verdict").getByText("Siap diajukan").waitFor();
    await cadrePage.getByRole("button", { name: "Tandai siap diajukan" }).click();
    await expect.poll(() => cadrePage.getByTestId("draft-status").textContent()).toBe("Menunggu dikirim");
    await phone.setOffline(false);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");
    expect(await serverRow(id)).toMatchObject({ submitCount: 2, sentBackCount: 1 });

    // Back in the operator's queue; verified this time.
    // Deciding on the resubmitted file receives it in the same step.
    await openFromQueue(consolePage, id);
    // The office sees exactly what the phone changed, and the paper it accepted before stays accepted.
    const changes = consolePage.getByTestId("changes");
    await changes.getByText("Diganti: foto KTP-el pemohon").waitFor();
    await expect(changes.locator("li").count()).resolves.toBe(1);
    await expect(consolePage.getByTestId("req-accept-pengantar-rt-rw").isChecked()).resolves.toBe(true);
    await consolePage.getByTestId("decision-verified").check();
    await consolePage.getByTestId("submit-verdict").click();
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 15_000 }).toBe("verified");

    const after = await statusCounts(consolePage);
    expect(after).toMatchObject({ submitted: "0", "needs-fix": "0", verified: "1", submittedTotal: "1" });
    await consolePage.getByTestId("table-reasons").getByText("Foto buram atau gelap").waitFor();
    await screenshot(consolePage, "console-dashboard-after");
    expect(violations).toEqual([]);

    // The verdict reaches the phone too.
    await cadrePage.goto(`${env.server.url}/berkas`);
    await cadrePage.getByRole("button", { name: "Sinkronkan sekarang" }).click();
    await cadrePage.getByText("Diverifikasi kantor").first().waitFor({ timeout: 30_000 });
    await desk.close();
    await phone.close();
  });

  it("publishes a guide edited in the console, binding by default: the cadre's draft on the old version moves to it and says why", async () => {
    const { cadre, operator } = await cadreAndOperator();
    const guideId = "surat-keterangan-domisili";
    const versionOf = async () =>
      (await env.server.db.select().from(guides).where(eq(guides.id, guideId)).limit(1))[0]?.version;
    const before = (await versionOf()) ?? 0;

    const { phone, cadrePage } = await cadrePhone(cadre.username);
    // Inside the running app: a page load starts it locked, and "Buat berkas" then goes to the lock screen.
    await openInApp(cadrePage, env.server.url, `/panduan/${guideId}`);
    await cadrePage.getByRole("button", { name: "Buat berkas untuk warga" }).click();
    await cadrePage.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
    const draftUrl = cadrePage.url();
    await cadrePage.getByLabel("Nama lengkap (sesuai KTP)").fill("Agus Salim");

    const { desk, consolePage } = await operatorDesk(operator.username);
    await consolePage.goto(`${env.server.url}/konsol/panduan/${guideId}`);
    await consolePage.locator("#g-title-id").fill("Surat Keterangan Domisili Warga");
    await consolePage.getByLabel("Catatan perubahan (tampil di HP kader)").fill("Judul diperjelas");
    await consolePage.getByTestId("publish").click();
    await expect.poll(versionOf, { timeout: 15_000 }).toBe(before + 1);

    // The phone's next start pulls the delta. The publish binds files not yet submitted (the default),
    // so the draft has moved to the new version by itself and says the office changed the requirements.
    await cadrePage.goto(`${env.server.url}/panduan/${guideId}`);
    await cadrePage.getByRole("heading", { name: "Surat Keterangan Domisili Warga" }).waitFor({ timeout: 30_000 });
    await cadrePage.goto(draftUrl);
    await cadrePage
      .getByText(`Kantor mengubah persyaratan layanan ini (versi ${before + 1}).`, { exact: false })
      .waitFor();
    await cadrePage.getByText(`Memakai panduan versi ${before + 1}`).waitFor();
    await expect(cadrePage.getByLabel("Nama lengkap (sesuai KTP)").inputValue()).resolves.toBe("Agus Salim");
    await cadrePage.getByRole("button", { name: "Mengerti" }).click();
    await cadrePage.getByTestId("office-changed").waitFor({ state: "detached" });
    await cadrePage.reload();
    await cadrePage.getByText(`Memakai panduan versi ${before + 1}`).waitFor();
    await expect(cadrePage.getByTestId("office-changed").count()).resolves.toBe(0);
    await desk.close();
    await phone.close();
  });

  it("withdraws a service in the console: a cadre's ready file for it is refused in words, and kept", async () => {
    const { cadre, operator } = await cadreAndOperator();
    const { phone, cadrePage } = await cadrePhone(cadre.username);
    await phone.setOffline(true);
    const id = await draftReadyInApp(cadrePage, env.server.url, "Wahyu Hidayat", 3);

    const { desk, consolePage } = await operatorDesk(operator.username);
    await consolePage.goto(`${env.server.url}/konsol/panduan/surat-keterangan-domisili`);
    // Withdrawing asks first; dismissing changes nothing.
    consolePage.once("dialog", (dialog) => void dialog.dismiss());
    await consolePage.getByRole("button", { name: "Tarik", exact: true }).click();
    await consolePage.getByRole("button", { name: "Tarik", exact: true }).waitFor();
    expect(
      (await env.server.db.select().from(guides).where(eq(guides.id, "surat-keterangan-domisili")).limit(1))[0]
        ?.withdrawnAt,
    ).toBeNull();
    let asked = "";
    consolePage.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await consolePage.getByRole("button", { name: "Tarik", exact: true }).click();
    await consolePage.getByText("Panduan ditarik dari katalog.").waitFor();
    expect(asked).toContain("HP kader akan menghapusnya");

    await phone.setOffline(false);
    await cadrePage.goto(`${env.server.url}/berkas`);
    await cadrePage.getByRole("button", { name: "Sinkronkan sekarang" }).click();
    await cadrePage
      .getByText("Wahyu Hidayat: layanan ini sudah ditarik kantor; berkas tidak bisa diajukan.")
      .waitFor({ timeout: 60_000 });
    // Refused for submission, but the cadre's data reached the server and stays a draft.
    expect((await serverRow(id))?.status).toBe("draft");
    await screenshot(cadrePage, "drafts-refused-withdrawn");

    await consolePage.getByRole("button", { name: "Terbitkan kembali" }).click();
    await consolePage.getByText("ditarik", { exact: true }).waitFor({ state: "detached" });
    await desk.close();
    await phone.close();
  });
});
