import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { applications } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot } from "../helpers/browser";
import { newUser, signIn } from "../helpers/cadre-ui";
import { addApplication, addAudit } from "../helpers/console-fixtures";

vi.setConfig({ testTimeout: 180_000 });

/**
 * Issue 10, point 14: the dashboard and the audit log read plainly — rates
 * with what they are rates of, a column per status, actions and changes in
 * words, targets in full — and every table downloads as a semicolon CSV that
 * Excel under Indonesian settings opens in columns.
 */

const env = useAppAndBrowser();
/** One kecamatan per test, so neither sees the other's files and entries. */
const GAMBIR = "31.71.01";
const SAWAH_BESAR = "31.71.02";
const DOMISILI = "surat-keterangan-domisili";
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;

/**
 * Four files of Gambir: approved, sent back (failed its first pre-check),
 * submitted and verified; a verdict on the sent-back one in the audit log as
 * the server writes it. Answers the ids the tests look for.
 */
async function officeWithFiles(kecamatanCode: string) {
  const db = env.server.db;
  const operator = await newUser(db, "operator", { kecamatanCode, displayName: "Petugas Gambir" });
  const cadre = await newUser(db, "cadre", { kecamatanCode, displayName: "Kader Gambir Satu" });
  const file = (status: "approved" | "needs-fix" | "submitted" | "verified", extra = {}) =>
    addApplication(db, {
      cadreId: cadre.id,
      guideId: DOMISILI,
      kecamatanCode,
      status,
      draftCreatedAt: "2026-03-01T00:00:00.000Z",
      firstSubmittedAt: "2026-03-01T03:00:00.000Z",
      ...extra,
    });
  await file("approved");
  const sentBack = await file("needs-fix", { precheckFailures: 1, sentBackCount: 1 });
  await file("submitted");
  await file("verified");
  await db
    .update(applications)
    .set({ content: { id: sentBack, applicant: { fullName: "Siti Aminah", nik: "3171015203900001" } } })
    .where(eq(applications.id, sentBack));
  await addAudit(
    db,
    { id: operator.id, role: "operator" },
    {
      at: "2026-03-02T03:00:00.000Z",
      action: "application.verdict",
      targetType: "application",
      targetId: sentBack,
      kecamatanCode,
      before: { status: "submitted", verdict: null },
      after: {
        status: "needs-fix",
        verdict: {
          decision: "needs-fix",
          reason: "Foto KTP buram",
          requirements: { "ktp-el": { status: "needs-fix", reasonCode: "blurry" } },
        },
      },
    },
  );
  return { operator, cadre, sentBack };
}

/** Clicks a download link and answers the file's text, BOM included. */
async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  const path = await file.path();
  return readFileSync(path, "utf8");
}

describe("dashboard and audit log in words", () => {
  it("shows each rate with its counts, a column per status, and offers a semicolon CSV for Excel", async () => {
    const { operator } = await officeWithFiles(GAMBIR);
    const context = await env.browser.newContext({ ...DESKTOP, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, operator.username, /\/konsol$/);
    await page.goto(`${env.server.url}/konsol/dasbor`);
    await page.getByTestId("dash-first-pass-basis").waitFor();

    // 3 of the 4 files passed their first pre-check; 1 was sent back.
    expect(await page.getByTestId("dash-first-pass").textContent()).toBe("75%");
    expect(await page.getByTestId("dash-first-pass-basis").textContent()).toBe(" (3 dari 4 berkas yang diajukan)");
    expect(await page.getByTestId("dash-sent-back-basis").textContent()).toBe(" (1 dari 4 berkas yang diajukan)");

    const byService = page.getByTestId("table-by-service");
    const headers = await byService.locator("thead th").allTextContents();
    for (const status of ["Diajukan", "Diterima kantor", "Diverifikasi", "Disetujui", "Perlu diperbaiki", "Ditolak"]) {
      expect(headers).toContain(status);
    }
    const row = byService.locator("tbody tr").first();
    const counts = Object.fromEntries(
      await row
        .locator("td[data-status]")
        .evaluateAll((cells) => cells.map((cell) => [cell.getAttribute("data-status"), cell.textContent])),
    );
    expect(counts).toEqual({
      submitted: "1",
      received: "0",
      verified: "1",
      approved: "1",
      "needs-fix": "1",
      rejected: "0",
    });
    // Every percentage on the page has its "x dari y" beside it.
    const percentCells = await page
      .locator(".figure dd, .group-table td")
      .evaluateAll((cells) => cells.map((cell) => cell.textContent ?? "").filter((text) => text.includes("%")));
    expect(percentCells.length).toBeGreaterThan(4);
    for (const text of percentCells) expect(text).toMatch(/\d+ dari \d+/);

    const comma = await download(page, "by-service-csv");
    expect(comma.split("\r\n")[1]).toMatch(/,4,3,75,1,25,1,0,1,1,1,0$/);
    const excel = await download(page, "by-service-csv-excel");
    expect(excel.startsWith("\uFEFFLayanan;Kode layanan;Berkas diajukan;")).toBe(true);
    expect(excel.split("\r\n")[1]).toMatch(new RegExp(`^[^,]*;${DOMISILI};4;3;75;1;25;1;0;1;1;1;0$`));

    await page.getByTestId("table-by-service").scrollIntoViewIfNeeded();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "console-reports-dashboard-1280", { fullPage: true });
    await page.setViewportSize(PHONE.viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "console-reports-dashboard-360", { fullPage: true });
    await context.close();
  });

  it("names actions in words, lists before → after in words, and names targets in full", async () => {
    const { operator, cadre, sentBack } = await officeWithFiles(SAWAH_BESAR);
    const context = await env.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, env.server.url, operator.username, /\/konsol$/);
    // A real action through the API: the operator disables the cadre's account.
    const status = await page.evaluate(async (id) => {
      const res = await fetch(`/api/users/${id}/disable`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      });
      return res.status;
    }, cadre.id);
    expect(status).toBe(200);

    await page.goto(`${env.server.url}/konsol/audit`);
    const verdict = page.locator('[data-testid="audit-row"][data-action="application.verdict"]');
    await verdict.waitFor();
    await verdict.getByText("Mengirim balik berkas").waitFor();
    const changes = await verdict.locator(".audit-changes li").allTextContents();
    expect(changes[0]?.replace(/\s+/g, " ")).toBe("Status: Diajukan → menjadi Perlu diperbaiki");
    expect(await verdict.locator(".audit-changes").textContent()).toContain("ktp-el (Foto buram atau gelap)");
    const target = (await verdict.locator(".audit-target").textContent()) ?? "";
    expect(target).toContain("S.A.");
    expect(target).toContain(sentBack);
    expect(await verdict.textContent()).not.toContain("Siti Aminah");
    expect(await verdict.textContent()).not.toContain("Foto KTP buram");

    const disabled = page.locator('[data-testid="audit-row"][data-action="user.disable"]');
    await disabled.getByText("Menonaktifkan akun").waitFor();
    expect(await disabled.locator(".audit-target").textContent()).toContain(`Kader Gambir Satu · ${cadre.username}`);
    expect((await disabled.locator(".audit-changes").textContent())?.replace(/\s+/g, " ")).toContain(
      "Akun: Aktif → menjadi Nonaktif",
    );

    // The action filter offers names, not codes.
    await page.getByLabel("Tindakan").selectOption({ label: "Menonaktifkan akun" });
    await page.getByRole("button", { name: "Terapkan" }).click();
    await expect.poll(() => page.getByTestId("audit-row").count()).toBe(1);
    await page.getByLabel("Tindakan").selectOption("");
    await page.getByRole("button", { name: "Terapkan" }).click();
    await verdict.waitFor();

    const href = await page.getByTestId("audit-csv-excel").getAttribute("href");
    expect(href).toBe("/api/console/audit/export.csv?sep=semicolon");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "console-reports-audit-1280");
    await page.setViewportSize(PHONE.viewport);
    // Wide tables scroll inside their box; the page itself never pans sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "console-reports-audit-360", { fullPage: true });
    await context.close();
  });
});
