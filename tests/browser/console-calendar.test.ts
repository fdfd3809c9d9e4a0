import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { calendarDays } from "../../server/db/schema";
import { readSetting } from "../../server/settings/office-settings";
import { jakartaDate } from "../../shared/jakarta-time";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { screenshot } from "../helpers/browser";
import { newUser, signIn } from "../helpers/cadre-ui";

vi.setConfig({ testTimeout: 180_000 });

/**
 * Issue 13: the work calendar in the console ("Kalender kerja"). An admin
 * enters the next year's decree day and an office closure; both show in
 * the year's list with weekday, kind, name and source, the warning about
 * the missing decree goes away, and an operator reads the same calendar
 * without the means to change it.
 */

const env = useAppAndBrowser();
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;
const PHONE = { viewport: { width: 360, height: 740 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;

/** The year after the Jakarta date today: its decree is never in the shipped table (2027 partial, later none). */
const NEXT_YEAR = Number(jakartaDate(new Date()).slice(0, 4)) + 1;
const WEEKDAYS_ID = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

function weekdayOf(date: string): string {
  return WEEKDAYS_ID[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? "";
}

async function openCalendar(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Kalender kerja" }).click();
  await page.waitForURL(/\/konsol\/kalender$/);
  await page.getByRole("heading", { level: 1, name: "Kalender kerja" }).waitFor();
  await page.getByRole("tablist", { name: "Tahun" }).waitFor();
}

async function addDay(page: Page, day: { date: string; kind: string; name: string; source: string }) {
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Tambah tanggal" }) });
  await form.getByLabel("Tanggal", { exact: true }).fill(day.date);
  await form.getByLabel("Jenis").selectOption({ label: day.kind });
  await form.getByLabel("Nama hari").fill(day.name);
  await form.getByLabel("Dasar penetapan").fill(day.source);
  await form.getByTestId("calendar-submit").click();
}

describe("work calendar in the console", () => {
  it("lets an admin add the next year's decree day and an office closure, which then show", async () => {
    const admin = await newUser(env.server.db, "admin", { displayName: "Admin Pusat" });
    const page = await (await env.browser.newContext(DESKTOP)).newPage();
    await signIn(page, env.server.url, admin.username, /\/konsol$/);
    await openCalendar(page);

    const warning = page.getByTestId("calendar-incomplete");
    await warning.getByText(`SKB 3 Menteri tahun ${NEXT_YEAR} belum dimasukkan`).waitFor();
    await page.getByRole("tab", { name: `${NEXT_YEAR} (belum lengkap)` }).waitFor();
    // The current year's tab is open on the shipped days, each with its weekday.
    const firstRow = page.getByTestId("calendar-day").first();
    await firstRow.waitFor();
    const firstDate = (await firstRow.getAttribute("data-date")) ?? "";
    expect(await firstRow.locator("time").textContent()).toMatch(new RegExp(`^${weekdayOf(firstDate)}, `));
    await screenshot(page, "console-calendar-1280");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // An empty form is refused at its fields, in Indonesian, before anything is sent.
    await page.getByTestId("calendar-submit").click();
    const dateField = page.getByLabel("Tanggal", { exact: true });
    await expect.poll(() => dateField.getAttribute("aria-invalid")).toBe("true");
    await page.getByText("Isi tanggal yang benar.").waitFor();
    await page.getByText("Isi nama hari, misalnya “Idulfitri 1448 H”.").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("calendar-day-date");
    await screenshot(page, "console-calendar-errors-1280");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The next year's decree: a cuti bersama day.
    const decreeDate = `${NEXT_YEAR}-03-10`;
    const decree = `SKB 3 Menteri Nomor 1 Tahun ${NEXT_YEAR - 1}`;
    await addDay(page, { date: decreeDate, kind: "Cuti bersama", name: "Cuti bersama Idulfitri", source: decree });
    await page
      .getByRole("status")
      .getByText(/ditambahkan\./)
      .waitFor();
    const decreeRow = page.locator(`[data-testid="calendar-day"][data-date="${decreeDate}"]`);
    await decreeRow.waitFor();
    expect(await page.getByRole("tab", { selected: true }).textContent()).toBe(String(NEXT_YEAR));
    await expect.poll(() => decreeRow.textContent()).toContain("Cuti bersama Idulfitri");
    expect(await decreeRow.locator("time").textContent()).toMatch(new RegExp(`^${weekdayOf(decreeDate)}, 10 Maret`));
    expect(await decreeRow.getAttribute("data-kind")).toBe("joint-leave");
    await expect.poll(() => warning.count()).toBe(0);

    // Changed in place: the form takes the day, its date stays.
    await decreeRow.getByRole("button", { name: /^Ubah / }).click();
    const editForm = page.locator("form", { has: page.getByRole("heading", { name: /^Ubah / }) });
    expect(await editForm.getByLabel("Tanggal", { exact: true }).inputValue()).toBe(decreeDate);
    await editForm.getByLabel("Nama hari").fill("Cuti bersama Idulfitri 1448 H");
    await editForm.getByRole("button", { name: "Simpan" }).click();
    await page
      .getByRole("status")
      .getByText(/diubah\./)
      .waitFor();
    await expect.poll(() => decreeRow.textContent()).toContain("Cuti bersama Idulfitri 1448 H");

    // An office closure of the same year, with its own source.
    const closureDate = `${NEXT_YEAR}-04-20`;
    await addDay(page, {
      date: closureDate,
      kind: "Kantor tutup",
      name: "Kantor tutup: perbaikan listrik",
      source: "Surat Keputusan Camat Nomor 7",
    });
    const closureRow = page.locator(`[data-testid="calendar-day"][data-date="${closureDate}"]`);
    await closureRow.waitFor();
    await expect.poll(() => closureRow.textContent()).toContain("Kantor tutup: perbaikan listrik");
    expect(await closureRow.textContent()).toContain("Surat Keputusan Camat Nomor 7");
    await screenshot(page, "console-calendar-added-1280");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Adding the same date again is refused at the date field.
    await addDay(page, { date: closureDate, kind: "Kantor tutup", name: "Lagi", source: "SK" });
    await page.getByText("Tanggal ini sudah ada di kalender. Ubah atau hapus yang sudah ada.").waitFor();

    // Stored as entered, by the admin.
    const [stored] = await env.server.db.select().from(calendarDays).where(eq(calendarDays.date, closureDate)).limit(1);
    expect(stored).toMatchObject({ kind: "closure", name: "Kantor tutup: perbaikan listrik", updatedBy: admin.id });

    // Removing asks first, then the row goes.
    await closureRow.getByRole("button", { name: /^Hapus / }).click();
    await page.getByRole("button", { name: "Ya, hapus" }).click();
    await closureRow.waitFor({ state: "detached" });
    await page
      .getByRole("status")
      .getByText(/dihapus dari kalender\./)
      .waitFor();

    // The cuti bersama setting, said in words with what it changes.
    const setting = page.getByLabel("Hitung cuti bersama sebagai hari kerja");
    expect(await setting.isChecked()).toBe(false);
    await setting.check();
    await page
      .getByRole("status")
      .getByText(/Cuti bersama dihitung sebagai hari kerja\./)
      .waitFor();
    await setting.uncheck();
    await page
      .getByRole("status")
      .getByText(/tidak dihitung sebagai hari kerja/)
      .waitFor();

    // On a phone-sized window the screen still fits (the table scrolls sideways on its own).
    await page.setViewportSize(PHONE.viewport);
    await screenshot(page, "console-calendar-360");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("lets an admin change the complaint standard beside the cuti bersama rule, checked before sending", async () => {
    const admin = await newUser(env.server.db, "admin", { displayName: "Admin Pengaduan" });
    const page = await (await env.browser.newContext(DESKTOP)).newPage();
    await signIn(page, env.server.url, admin.username, /\/konsol$/);
    await openCalendar(page);
    const days = page.getByLabel("Batas waktu tanggapan pengaduan (hari kerja)");
    await expect.poll(() => days.inputValue()).toBe("5");

    // Out of range: refused at the field, in Indonesian, and nothing is stored.
    await days.fill("61");
    await page.getByTestId("complaint-days-save").click();
    await page.getByText("Isi bilangan bulat hari kerja, 1 sampai 60.").waitFor();
    expect(await days.getAttribute("aria-invalid")).toBe("true");
    expect(await readSetting(env.server.db, "complaintResponseDays")).toBe(5);

    await days.fill("3");
    await page.getByTestId("complaint-days-save").click();
    await page.getByRole("status").getByText("Batas waktu tanggapan pengaduan sekarang 3 hari kerja.").waitFor();
    await expect.poll(() => days.getAttribute("aria-invalid")).toBe(null);
    expect(await readSetting(env.server.db, "complaintResponseDays")).toBe(3);
    await page.getByRole("heading", { name: "Standar pengaduan" }).scrollIntoViewIfNeeded();
    await screenshot(page, "console-calendar-complaint-standard-1280");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Read again after a reload: the screen shows what the server keeps.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Kalender kerja" }).waitFor();
    await expect.poll(() => page.getByLabel("Batas waktu tanggapan pengaduan (hari kerja)").inputValue()).toBe("3");
    await page.context().close();
  });

  it("shows an operator the same calendar without the means to change it", async () => {
    const operator = await newUser(env.server.db, "operator");
    const page = await (await env.browser.newContext(DESKTOP)).newPage();
    await signIn(page, env.server.url, operator.username, /\/konsol$/);
    await openCalendar(page);
    await page.getByTestId("calendar-day").first().waitFor();
    await page.getByText("Hanya admin yang dapat mengubah kalender kerja.").waitFor();
    expect(await page.getByRole("heading", { name: "Tambah tanggal" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Hapus / }).count()).toBe(0);
    expect(await page.getByRole("checkbox").count()).toBe(0);
    // The complaint standard is read, not edited.
    // (The tests share one server: the admin's test may have changed it.)
    const standard = await readSetting(env.server.db, "complaintResponseDays");
    await page.getByText(`${standard} hari kerja`, { exact: true }).waitFor();
    expect(await page.getByRole("spinbutton").count()).toBe(0);
    // The year tabs follow the keyboard.
    await page.getByRole("tab", { selected: true }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.getByRole("tab", { selected: true }).textContent()).toContain(String(NEXT_YEAR));
    await screenshot(page, "console-calendar-operator-1280");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
