import { mkdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { v4 as uuidv4 } from "uuid";
import { describe, expect, it, vi } from "vitest";
import { rawGet, rawRun } from "../../server/db/raw";
import type { ComplaintAccepted } from "../../shared/api/complaints";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { newUser, signIn } from "../helpers/cadre-ui";

vi.setConfig({ testTimeout: 240_000 });

/**
 * The office's complaint screens (issue 14): a handler sees a complaint,
 * assigns it, answers and closes it; an operator without the grant sees the
 * counts but not the contents; the dashboard counts them with the
 * unofficial fees asked; an admin grants the handler role on the people screen.
 */
const env = useAppAndBrowser();
const SHOTS = process.env.MASDARIN_SHOTS ?? "/tmp/shots-d";
mkdirSync(SHOTS, { recursive: true });
const KECAMATAN = "31.71.01";
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;

async function report(body: Record<string, unknown>): Promise<ComplaintAccepted> {
  const response = await fetch(`${env.server.url}/api/complaints`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: env.server.url },
    body: JSON.stringify({
      id: uuidv4(),
      channel: "citizen-phone",
      happenedOn: "2026-11-20",
      evidence: [],
      reportedAt: new Date().toISOString(),
      ...body,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as ComplaintAccepted;
}

const grant = (id: string) => rawRun(env.server.db, sql`UPDATE users SET handles_complaints = 1 WHERE id = ${id}`);

async function axe(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe("the console's complaints", () => {
  it("a handler assigns, answers and closes a complaint; the dashboard counts it with the fees asked", async () => {
    const fee = await report({
      category: "biaya",
      description: "Petugas loket meminta Rp 150.000 supaya surat cepat selesai.",
      place: { kind: "office", kecamatanCode: KECAMATAN },
      guideId: "surat-keterangan-domisili",
      amountAsked: 150_000,
      anonymous: true,
      confidential: false,
    });
    const late = await report({
      category: "waktu",
      description: "Surat belum jadi setelah dua minggu.",
      place: { kind: "kelurahan", kelurahanCode: "31.71.01.1002" },
      anonymous: false,
      confidential: true,
      reporter: { name: "Rahmat Hidayat", contact: "0812 3456 7890" },
    });
    const handler = await newUser(env.server.db, "operator", { kecamatanCode: KECAMATAN, displayName: "Sri Wahyuni" });
    await grant(handler.id);

    const context = await env.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, env.server.url, handler.username, /\/konsol$/);
    await page.goto(`${env.server.url}/konsol/pengaduan`);
    await page.getByRole("heading", { level: 1, name: "Pengaduan" }).waitFor();
    await expect.poll(() => page.getByTestId("complaint-row").count()).toBe(2);
    await expect.poll(() => page.getByTestId("clock-badge").first().textContent()).toMatch(/hari kerja/);
    await page.screenshot({ path: `${SHOTS}/complaints-queue.png`, fullPage: true });
    await axe(page);

    // The category filter narrows the queue.
    await page.getByLabel("Kategori").selectOption("biaya");
    await expect.poll(() => page.getByTestId("complaint-row").count()).toBe(1);
    await page.getByTestId("complaint-tab-done").click();
    await expect.poll(() => page.getByTestId("complaint-row").count()).toBe(0);
    await page.getByTestId("complaint-tab-all").click();
    await page.getByRole("link", { name: new RegExp(fee.number) }).click();

    await page.getByRole("heading", { level: 1, name: `Pengaduan ${fee.number}` }).waitFor();
    expect(await page.getByTestId("complaint-reporter").textContent()).toContain("Anonim");
    expect(await page.getByTestId("complaint-amount").textContent()).toMatch(/Rp\s150\.000.*Tarif resmi: Gratis/);
    expect(await page.getByTestId("handover-text").inputValue()).toContain(`Nomor pengaduan: ${fee.number}`);

    await page.getByLabel("Petugas penanganan").selectOption({ label: "Sri Wahyuni" });
    await page.getByRole("button", { name: "Tugaskan", exact: true }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toBe("Penugasan disimpan.");

    await page.getByLabel("Catatan baru (tidak terlihat oleh pelapor)").fill("Sudah ditanyakan ke kepala loket.");
    await page.getByRole("button", { name: "Tambah catatan" }).click();
    await expect.poll(() => page.getByTestId("complaint-history").textContent()).toContain("Sudah ditanyakan");

    // Closing without an answer is refused in words, before anything is sent.
    await page.getByLabel("Status baru").selectOption("done");
    await page.getByRole("button", { name: "Simpan status" }).click();
    await expect
      .poll(() => page.locator("#complaint-answer-help").textContent())
      .toBe("Tulis jawaban untuk pelapor sebelum menutup pengaduan.");
    await page
      .getByLabel("Jawaban untuk pelapor (terlihat di halaman lacak)")
      .fill("Petugas yang bersangkutan sudah ditegur; layanan ini gratis.");
    await page.getByRole("button", { name: "Simpan status" }).click();
    await expect.poll(() => page.getByTestId("complaint-status").textContent()).toBe("Selesai");
    expect(await page.getByTestId("complaint-answer-shown").textContent()).toContain("sudah ditegur");
    // "Jawab pelapor": the closed complaint's answer is corrected without a status change.
    await page.getByLabel("Jawaban terbaru untuk pelapor").fill("");
    await page.getByRole("button", { name: "Kirim jawaban" }).click();
    await expect.poll(() => page.locator("#complaint-reply-help").textContent()).toBe("Tulis jawabannya dulu.");
    await page
      .getByLabel("Jawaban terbaru untuk pelapor")
      .fill("Petugas yang bersangkutan sudah ditegur dan uangnya dikembalikan; layanan ini gratis.");
    await page.getByRole("button", { name: "Kirim jawaban" }).click();
    await expect.poll(() => page.getByTestId("complaint-answer-shown").textContent()).toContain("uangnya dikembalikan");
    expect(await page.getByTestId("complaint-status").textContent()).toBe("Selesai");
    await page.screenshot({ path: `${SHOTS}/complaint-detail.png`, fullPage: true });
    await axe(page);

    // The public status answers the reporter with the latest answer.
    const lookup = await fetch(`${env.server.url}/api/track/${fee.number}`);
    expect(((await lookup.json()) as { answer: string }).answer).toContain("uangnya dikembalikan");

    // The confidential one is not this office's: the answer and where to go instead, both required.
    await page.goto(`${env.server.url}/konsol/pengaduan`);
    await page.getByRole("link", { name: new RegExp(late.number) }).click();
    await page.getByRole("heading", { level: 1, name: `Pengaduan ${late.number}` }).waitFor();
    expect(await page.locator(".complaint-tags").textContent()).toContain("Rahasia");
    expect(await page.getByTestId("complaint-reporter").textContent()).toContain("Rahmat Hidayat");
    expect(await page.getByTestId("handover-text").inputValue()).toContain("dirahasiakan");
    await page.getByLabel("Status baru").selectOption("not-authority");
    await page
      .getByLabel("Jawaban untuk pelapor (terlihat di halaman lacak)")
      .fill("Surat pengantar RT/RW diurus di kelurahan, bukan di kantor kecamatan.");
    await page.getByRole("button", { name: "Simpan status" }).click();
    await expect
      .poll(() => page.locator("#complaint-referral-error").textContent())
      .toBe("Tulis ke mana pelapor sebaiknya melapor.");
    await page.getByLabel("Ke mana pelapor sebaiknya melapor").fill("JakLapor di aplikasi JAKI");
    await page.getByRole("button", { name: "Simpan status" }).click();
    await expect.poll(() => page.getByTestId("complaint-status").textContent()).toBe("Bukan wewenang");
    expect(await page.getByTestId("complaint-answer-shown").textContent()).toContain("JakLapor di aplikasi JAKI");
    await axe(page);

    // The dashboard: counts per category and the unofficial fee asked.
    await page.goto(`${env.server.url}/konsol/dasbor`);
    const section = page.getByTestId("dash-complaints");
    await section.getByTestId("complaint-counts").waitFor();
    const byCategory = await section.getByTestId("table-complaints-by-category").textContent();
    expect(byCategory).toContain("Biaya/pungutan di luar tarif resmi1");
    expect(byCategory).toContain("Waktu pelayanan1");
    expect(await section.getByTestId("fees-total").textContent()).toMatch(/^Rp\s150\.000$/);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/dashboard-complaints.png`, fullPage: true });
    await axe(page);
    await context.close();
  });

  it("an operator without the grant sees the counts, not the contents", async () => {
    const operator = await newUser(env.server.db, "operator", { kecamatanCode: KECAMATAN });
    const context = await env.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, env.server.url, operator.username, /\/konsol$/);
    await page.goto(`${env.server.url}/konsol/pengaduan`);
    await page.getByTestId("complaints-not-handler").waitFor();
    expect(await page.getByTestId("complaints-not-handler").textContent()).toContain(
      "Isi pengaduan hanya untuk petugas penanganan pengaduan.",
    );
    await page.getByTestId("complaint-counts").waitFor();
    expect(await page.getByTestId("complaint-row").count()).toBe(0);
    expect(await page.locator("body").textContent()).not.toContain("Petugas loket meminta");
    await page.screenshot({ path: `${SHOTS}/complaints-not-handler.png`, fullPage: true });
    await axe(page);
    await context.close();
  });

  it("an admin grants the complaint-handler role on the people screen", async () => {
    const admin = await newUser(env.server.db, "admin", { kecamatanCode: null, displayName: "Admin Kota" });
    const operator = await newUser(env.server.db, "operator", {
      kecamatanCode: KECAMATAN,
      displayName: "Budi Operator",
    });
    const context = await env.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, env.server.url, admin.username, /\/konsol$/);
    await page.goto(`${env.server.url}/konsol/akun`);
    const row = page.locator(`[data-username="${operator.username}"]`);
    await row.waitFor();
    await row.getByRole("button", { name: /Budi Operator/ }).click();
    const toggle = page.locator(`#handler-${operator.id}`);
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect
      .poll(() => rawGet(env.server.db, sql`SELECT handles_complaints AS h FROM users WHERE id = ${operator.id}`))
      .toEqual({ h: 1 });
    await page.screenshot({ path: `${SHOTS}/people-handler-grant.png`, fullPage: true });
    await axe(page);
    await context.close();
  });
});
