import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { v7 as uuidv7 } from "uuid";
import { describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { storedFilePath } from "../../server/files/photo-store";
import { readSetting, writeSetting } from "../../server/settings/office-settings";
import { createTestUser } from "../helpers/accounts";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { screenshot } from "../helpers/browser";
import { newUser, signIn } from "../helpers/cadre-ui";
import {
  closedComplaint,
  decideFile,
  LONG_AGO,
  photoHash,
  type RetentionWorld,
  submitFile,
} from "../server/retention-fixtures";

vi.setConfig({ testTimeout: 180_000 });

/**
 * Issue 15: "Privasi" in the console. An admin sets the phones' rules and the
 * server's retention, reads the dry run (tracking numbers, service, decided
 * date, photos and their size), removes the data after a dialog stating the
 * counts, and sees what was removed. Operators have no such menu.
 */

const env = useAppAndBrowser();
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;
const PHONE = { viewport: { width: 360, height: 740 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;

/** Two files decided two years ago and one closed complaint, pushed through the real sync into the server's database. */
async function oldFiles(variant = 0): Promise<{ world: RetentionWorld; tracking: string[]; ids: string[] }> {
  const db = env.server.db;
  const world = {
    env: { db } as RetentionWorld["env"],
    app: createApp({ db, filesDir: env.server.filesDir }),
    filesDir: env.server.filesDir,
    cadre: await createTestUser(db, "cadre", { kecamatanCode: "31.75.07" }),
    operator: await createTestUser(db, "operator", { kecamatanCode: "31.75.07" }),
    admin: await createTestUser(db, "admin"),
    clientId: uuidv7(),
    seq: 0,
  } satisfies RetentionWorld;
  const first = await submitFile(world, {
    name: "Sumarni Wulandari",
    nik: `317101520390${String(417 + variant).padStart(4, "0")}`,
    photos: [`b-1-${variant}`, `b-2-${variant}`, `b-3-${variant}`],
  });
  const second = await submitFile(world, {
    name: "Bambang Prakoso",
    nik: `317101520390${String(528 + variant).padStart(4, "0")}`,
    photos: [`b-4-${variant}`, `b-5-${variant}`, `b-6-${variant}`],
  });
  await decideFile(world, first.id, "approved", LONG_AGO);
  await decideFile(world, second.id, "rejected", new Date(LONG_AGO.getTime() + 86_400_000));
  await closedComplaint(world, "Hendrawan Saputra", `b-evidence-${variant}`, LONG_AGO);
  return { world, tracking: [first.trackingNumber, second.trackingNumber], ids: [first.id, second.id] };
}

async function openPrivacy(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Privasi" }).click();
  await page.waitForURL(/\/konsol\/privasi$/);
  await page.getByRole("heading", { level: 1, name: "Privasi dan masa simpan data" }).waitFor();
  await page.getByLabel("Kunci aplikasi setelah tidak dipakai (menit)").waitFor();
}

describe("privacy screen in the console", () => {
  it("lets an admin set the rules, read the dry run, and remove expired data after confirming", async () => {
    const { tracking, ids } = await oldFiles();
    const admin = await newUser(env.server.db, "admin", { displayName: "Admin Pusat" });
    const page = await (await env.browser.newContext(DESKTOP)).newPage();
    await signIn(page, env.server.url, admin.username, /\/konsol$/);
    await openPrivacy(page);
    await page.getByTestId("privacy-dry-keep").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A wrong number is named at its field, in Indonesian, before anything is sent.
    await page.getByLabel("Kunci aplikasi setelah tidak dipakai (menit)").fill("0");
    await page.getByLabel("Hapus data pribadi setelah sekian hari").check();
    await page.getByLabel("Hari setelah keputusan akhir").fill("100");
    await page.getByTestId("privacy-save").click();
    await page.getByText("Isi bilangan bulat 1–60.").waitFor();
    await page.getByText("Isi bilangan bulat 365–10.950.").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("privacy-lockMinutes");
    expect(await readSetting(env.server.db, "closedFileRetentionDays")).toBeNull();

    await page.getByLabel("Kunci aplikasi setelah tidak dipakai (menit)").fill("3");
    await page.getByLabel("Salah PIN sebelum data di HP dihapus").fill("6");
    await page.getByLabel("Data berkas yang sudah diputus tetap di HP (hari)").fill("14");
    await page.getByLabel("Hari setelah keputusan akhir").fill("365");
    await page.getByTestId("privacy-save").click();
    await page.getByText("Pengaturan privasi disimpan.").waitFor();
    expect(await readSetting(env.server.db, "phoneLockMinutes")).toBe(3);
    expect(await readSetting(env.server.db, "closedFileRetentionDays")).toBe(365);

    // The dry run: counts, tracking numbers, service, decided date, photos and their size (id-ID).
    const totals = page.getByTestId("privacy-totals");
    await totals.waitFor();
    expect(await totals.textContent()).toMatch(/^2 berkas, 1 pengaduan, 7 foto \(\d+,\d kB\)\.$/);
    const files = page.getByTestId("privacy-files");
    for (const number of tracking) await files.getByText(number).waitFor();
    expect(await files.textContent()).toContain("Surat Keterangan Domisili");
    expect(await files.textContent()).toMatch(/Disetujui|Ditolak/);
    expect(await files.textContent()).toMatch(/\d{1,2} [A-Z][a-z]+ 20\d\d/);
    expect(await page.content()).not.toContain("Sumarni");
    await screenshot(page, "console-privacy-1280", { fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The dialog states the counts; "Batal" first, then the run.
    await page.getByTestId("privacy-run").click();
    const dialog = page.getByRole("dialog", { name: "Hapus data pribadi sekarang?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Data pribadi 2 berkas dan 1 pengaduan akan dihapus, beserta 7 foto");
    await screenshot(page, "console-privacy-confirm-1280");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Batal" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(existsSync(storedFilePath(env.server.filesDir, photoHash("b-1-0")))).toBe(true);

    await page.getByTestId("privacy-run").click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, hapus", exact: true }).click();
    const result = page.getByTestId("privacy-result");
    await result.waitFor();
    expect(await result.textContent()).toContain("Data pribadi 2 berkas dan 1 pengaduan dihapus; 7 foto");
    await page.getByTestId("privacy-dry-none").waitFor();
    expect(existsSync(storedFilePath(env.server.filesDir, photoHash("b-1-0")))).toBe(false);
    await screenshot(page, "console-privacy-done-1280", { fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The scrubbed file still opens in the console (status, tracking number), without the applicant.
    await page.goto(`${env.server.url}/konsol/berkas/${ids[0]}`);
    await page
      .getByText(tracking[0] ?? "")
      .first()
      .waitFor();
    expect(await page.content()).not.toContain("Sumarni");
    expect(await page.content()).not.toContain("3171015203900417");
    await screenshot(page, "console-privacy-scrubbed-file-1280");
    await page.goto(`${env.server.url}/konsol/privasi`);
    await page.getByTestId("privacy-dry-none").waitFor();

    // English second, through the app's language setting.
    await page.evaluate(() => localStorage.setItem("masdarin.locale", "en"));
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Privacy and data retention" }).waitFor();
    await page.getByLabel("Lock the app when unused for (minutes)").waitFor();
    await page.getByText("No file or complaint is past the retention period.").waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it("fits a phone screen, and is not offered to operators", async () => {
    await oldFiles(1);
    await writeSetting(env.server.db, "closedFileRetentionDays", 365, null, new Date());
    const admin = await newUser(env.server.db, "admin");
    const page = await (await env.browser.newContext(PHONE)).newPage();
    await signIn(page, env.server.url, admin.username, /\/konsol$/);
    await page.goto(`${env.server.url}/konsol/privasi`);
    await page.getByLabel("Kunci aplikasi setelah tidak dipakai (menit)").waitFor();
    // The dry run lists the old files; its tables scroll inside their own box.
    await page.getByTestId("privacy-files").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, "console-privacy-360", { fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    const operator = await newUser(env.server.db, "operator");
    const other = await (await env.browser.newContext(DESKTOP)).newPage();
    await signIn(other, env.server.url, operator.username, /\/konsol$/);
    await other.getByRole("link", { name: "Antrean" }).waitFor();
    expect(await other.getByRole("link", { name: "Privasi" }).count()).toBe(0);
    await other.goto(`${env.server.url}/konsol/privasi`);
    await other.getByText("Halaman ini hanya untuk admin kantor.").waitFor();
  });
});
