import { eq } from "drizzle-orm";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { guideDrafts, guides } from "../../server/db/schema";
import type { Guide } from "../../shared/guide";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { newUser, openInApp, signIn } from "../helpers/cadre-ui";

vi.setConfig({ testTimeout: 300_000 });

/**
 * Issue 10, point 13: office staff edit a guide in sections, pick conditions
 * from the guide's own questions (never JSON), and publish with a note; the
 * cadre's phone then says what changed, with the values, and shows the note.
 */

const env = useAppAndBrowser();
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;
const GUIDE = "surat-keterangan-domisili";
const NOTE = "Surat pengantar RT/RW kini berlaku 14 hari, sesuai SOP kelurahan 2026.";
const PENDATANG = "Apakah KTP-el pemohon dari luar alamat ini (pendatang)?";

async function stored(): Promise<{ version: number; guide: Guide } | undefined> {
  const [row] = await env.server.db.select().from(guides).where(eq(guides.id, GUIDE)).limit(1);
  return row ? { version: row.version, guide: row.data as Guide } : undefined;
}

/** One requirement of the editor's list, found by its name in the item's heading. */
function requirementItem(page: Page, name: string): Locator {
  return page
    .locator("#sec-requirements .list-item")
    .filter({ has: page.locator(".list-item-head strong", { hasText: name }) })
    .first();
}

/** Every form value and every visible text that looks like JSON: the editor must have none. */
function jsonLooking(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const looksLikeJson = (text: string) => /^\s*[[{]/.test(text) || /\{\s*"|"\s*:\s*[[{"\dtf]/.test(text);
    const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")]
      .map((field) => field.value)
      .filter(looksLikeJson);
    const text = looksLikeJson(document.body.innerText) ? [document.body.innerText.slice(0, 200)] : [];
    return [...values, ...text];
  });
}

describe("guide editing for office staff", () => {
  it("picks a condition from lists, shortens a validity 30 → 14 and publishes with a note the cadre's phone shows in words", async () => {
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: "31.75.07" });
    const operator = await newUser(env.server.db, "operator", { kecamatanCode: "31.75.07" });
    const before = (await stored())?.version ?? 0;

    // The cadre starts a file on the current version.
    const phone = await env.browser.newContext(PHONE);
    const cadrePage = await phone.newPage();
    await cadrePage.goto(env.server.url);
    await waitForServiceWorker(cadrePage);
    await cadrePage.getByTestId("updated-at").waitFor();
    await signIn(cadrePage, env.server.url, cadre.username);
    // Inside the running app: a page load starts it locked (issue 15).
    await openInApp(cadrePage, env.server.url, `/panduan/${GUIDE}`);
    await cadrePage.getByRole("button", { name: "Buat berkas untuk warga" }).click();
    await cadrePage.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
    const draftUrl = cadrePage.url();
    await cadrePage.getByLabel("Nama lengkap (sesuai KTP)").fill("Siti Aminah");

    // The operator opens the guide: titled by the service, in sections, no JSON anywhere.
    const desk = await env.browser.newContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, env.server.url, operator.username, /\/konsol$/);
    await page.goto(`${env.server.url}/konsol/panduan/${GUIDE}`);
    await page
      .getByRole("heading", { level: 1, name: "Ubah panduan: Surat Keterangan Domisili (Tempat Tinggal)" })
      .waitFor();
    await expect(page.locator("h1").count()).resolves.toBe(1);
    const sectionTitles = await page.locator(".editor-section > h2").allTextContents();
    expect(sectionTitles).toEqual([
      "Informasi layanan",
      "Biaya dan waktu",
      "Cara dan tempat pengajuan",
      "Pertanyaan",
      "Persyaratan",
      "Syarat pemohon dan tenggat",
      "Dasar hukum dan sumber",
      "Terbitkan versi baru",
    ]);
    expect(await jsonLooking(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    for (const id of [
      "info",
      "fee-time",
      "submission",
      "questions",
      "requirements",
      "eligibility",
      "legal",
      "publish",
    ]) {
      await page.locator(`#sec-${id}`).evaluate((section) => section.scrollIntoView({ block: "start" }));
      await screenshot(page, `guide-editor-${id}-1280`);
    }

    // The nav jumps to a section and stays in reach beside it.
    await page.getByRole("navigation", { name: "Bagian panduan" }).getByRole("link", { name: "Persyaratan" }).click();
    await page.waitForURL(/#sec-requirements$/);
    await expect(page.getByRole("navigation", { name: "Bagian panduan" }).isVisible()).resolves.toBe(true);

    // A condition on the KK, picked from the guide's own question and answers.
    const kk = requirementItem(page, "Kartu Keluarga (KK) pemohon");
    const kkCondition = kk.locator(".condition-editor");
    await kkCondition.getByText("Tanpa kondisi: syarat ini selalu diperlukan.").waitFor();
    await kkCondition.getByRole("button", { name: "Tambah kondisi" }).click();
    const row = kkCondition.getByTestId("condition-row");
    await expect(row.getByLabel("Pertanyaan").inputValue()).resolves.toBe("pendatang");
    await expect(row.getByLabel("Pembanding").locator("option").allTextContents()).resolves.toEqual([
      "adalah",
      "bukan",
    ]);
    await row.getByLabel("Jawaban").selectOption({ label: "Tidak" });
    await kkCondition.getByText(`Dibaca: “${PENDATANG}” → Tidak`).waitFor();
    // A choice question offers "salah satu dari" with its own options; the row goes back after a look.
    await row.getByLabel("Pertanyaan").selectOption({ label: "Bagaimana pemohon tinggal di rumah itu?" });
    await expect(row.getByLabel("Pembanding").locator("option").allTextContents()).resolves.toEqual([
      "adalah",
      "bukan",
      "salah satu dari",
    ]);
    await expect(row.getByLabel("Jawaban").locator("option").allTextContents()).resolves.toEqual([
      "Menyewa, mengontrak, atau kos",
      "Menumpang tanpa sewa (keluarga/kenalan)",
    ]);
    await row.getByLabel("Pertanyaan").selectOption({ label: PENDATANG });
    await row.getByLabel("Jawaban").selectOption({ label: "Tidak" });
    await kkCondition.getByText(`Dibaca: “${PENDATANG}” → Tidak`).waitFor();

    // The covering letter's validity: 30 → 14 days.
    const pengantar = requirementItem(page, "Surat pengantar RT dan RW");
    const maxAge = pengantar.getByLabel("Berlaku maks. (hari)");
    await expect(maxAge.inputValue()).resolves.toBe("30");
    await maxAge.fill("14");

    expect(await jsonLooking(page)).toEqual([]);
    await kkCondition.scrollIntoViewIfNeeded();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "guide-editor-condition-1280");

    // Publish with a note for the cadres (binding: the default).
    await page.getByLabel("Catatan perubahan (tampil di HP kader)").fill(NOTE);
    await page.locator("#sec-publish").evaluate((section) => section.scrollIntoView({ block: "start" }));
    await screenshot(page, "guide-editor-publish-filled-1280");
    await page.getByTestId("publish").click();
    await page.getByText("Panduan diterbitkan.").waitFor({ timeout: 15_000 });
    const published = await stored();
    expect(published?.version).toBe(before + 1);
    expect(published?.guide.changeNote).toBe(NOTE);
    const requirement = (id: string) => published?.guide.requirements.find((r) => r.id === id);
    expect(requirement("kartu-keluarga")?.when).toEqual({ q: "pendatang", is: false });
    expect(requirement("pengantar-rt-rw")?.acceptance.maxAgeDays).toBe(14);
    // The version list names the note too.
    await page.locator("#versions-title").scrollIntoViewIfNeeded();
    await page.getByText(NOTE, { exact: false }).first().waitFor();

    // The phone pulls the new version; the draft moved to it and says what changed, in words, with the note.
    await cadrePage.goto(`${env.server.url}/panduan/${GUIDE}`);
    await cadrePage.getByText("berlaku maks. 14 hari", { exact: false }).first().waitFor({ timeout: 30_000 });
    await cadrePage.goto(draftUrl);
    const notice = cadrePage.getByTestId("office-changed");
    await notice.waitFor();
    const lines = await notice.getByTestId("version-changes").locator("li").allTextContents();
    expect(lines).toContain("Masa berlaku Surat pengantar RT dan RW: 30 → 14 hari");
    expect(lines).toContain(`Kartu Keluarga (KK) pemohon kini hanya diperlukan jika “${PENDATANG}” → Tidak`);
    await expect(notice.getByTestId("version-change-note").textContent()).resolves.toBe(
      `Catatan perubahan dari kantor: ${NOTE}`,
    );
    await expect(cadrePage.getByLabel("Nama lengkap (sesuai KTP)").inputValue()).resolves.toBe("Siti Aminah");
    await notice.scrollIntoViewIfNeeded();
    expect(await seriousA11yViolations(cadrePage)).toEqual([]);
    await screenshot(cadrePage, "phone-version-notice-360");

    await desk.close();
    await phone.close();
  });
  it("edits eligibility rules and a statement's co-signers as forms, and saves what the rows say", async () => {
    const operator = await newUser(env.server.db, "operator", { kecamatanCode: "31.75.07" });
    const desk = await env.browser.newContext(DESKTOP);
    const page = await desk.newPage();
    await signIn(page, env.server.url, operator.username, /\/konsol$/);
    await page.goto(`${env.server.url}/konsol/panduan/kartu-identitas-anak`);
    await page.getByRole("heading", { level: 1, name: /^Ubah panduan: Kartu Identitas Anak/ }).waitFor();
    const section = page.locator("#sec-eligibility");
    const rule = (n: number) =>
      section
        .locator(".list-item")
        .filter({ has: page.locator(".list-item-head strong", { hasText: `Aturan ${n}` }) })
        .first();

    // A seeded rule reads back as a form: its condition, the date it checks, its bound.
    const photoRule = rule(2);
    await expect(photoRule.getByLabel("Kode aturan").inputValue()).resolves.toBe("foto-sejak-5-tahun");
    await expect(photoRule.getByLabel("Tanggal yang diperiksa").inputValue()).resolves.toBe("data.tanggal-lahir-anak");
    await expect(photoRule.getByLabel("Kurang dari (tahun sejak tanggal itu)").inputValue()).resolves.toBe("5");
    const photoRow = photoRule.getByTestId("condition-row");
    await expect(photoRow.getByLabel("Pertanyaan").inputValue()).resolves.toBe("usia-5-tahun");
    await expect(photoRow.getByLabel("Jawaban").locator("option:checked").textContent()).resolves.toBe("Tidak");

    // Rule 1 gets a condition of two rows, either of which suffices.
    const first = rule(1);
    const condition = first.locator(".condition-editor");
    await condition.getByRole("button", { name: "Tambah kondisi" }).click();
    await condition.getByRole("button", { name: "Tambah kondisi lain" }).click();
    const rows = condition.getByTestId("condition-row");
    await expect(rows.count()).resolves.toBe(2);
    await rows.nth(0).getByLabel("Pertanyaan").selectOption("usia-5-tahun");
    await rows.nth(1).getByLabel("Pertanyaan").selectOption("diasuh-wali");
    await condition.getByLabel("Berlaku jika").selectOption({ label: "salah satu kondisi di bawah benar" });
    await first.getByLabel("Kurang dari (tahun sejak tanggal itu)").fill("18");
    await condition.evaluate((element) => element.scrollIntoView({ block: "center" }));
    expect(await jsonLooking(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "guide-editor-eligibility-rules-1280");

    await page.getByTestId("save-draft").click();
    await page.getByText(/Rancangan tersimpan/).waitFor();
    const draft = (
      await env.server.db.select().from(guideDrafts).where(eq(guideDrafts.id, "kartu-identitas-anak")).limit(1)
    )[0]?.data as Guide | undefined;
    expect(draft?.eligibility?.[0]).toMatchObject({
      id: "anak-di-bawah-17",
      belowYears: 18,
      when: {
        any: [
          { q: "usia-5-tahun", is: true },
          { q: "diasuh-wali", is: true },
        ],
      },
    });
    // The rule not touched is stored as it was.
    expect(draft?.eligibility?.[1]?.when).toEqual({ q: "usia-5-tahun", is: false });

    // A statement's co-signers: one per role, in both languages.
    await page.goto(`${env.server.url}/konsol/panduan/${GUIDE}`);
    const kuasa = requirementItem(page, "Surat kuasa bermeterai");
    const signers = kuasa.locator(".list-editor").filter({ hasText: "Penanda tangan lain (per peran)" });
    await expect(signers.getByLabel("Peran penanda tangan 1 (Bahasa Indonesia)").inputValue()).resolves.toBe(
      "Penerima kuasa",
    );
    await signers.getByRole("button", { name: "Tambah penanda tangan" }).click();
    await signers.getByLabel("Peran penanda tangan 2 (Bahasa Indonesia)").fill("Saksi dari keluarga");
    await signers.getByLabel("Peran penanda tangan 2 (English)").fill("Family witness");
    await signers.scrollIntoViewIfNeeded();
    expect(await jsonLooking(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "guide-editor-cosigners-1280");
    await page.getByTestId("save-draft").click();
    await page.getByText(/Rancangan tersimpan/).waitFor();
    const domisili = (await env.server.db.select().from(guideDrafts).where(eq(guideDrafts.id, GUIDE)).limit(1))[0]
      ?.data as Guide | undefined;
    expect(domisili?.requirements.find((r) => r.id === "surat-kuasa")?.statement?.cosigners).toEqual([
      { id: "Penerima kuasa", en: "Attorney" },
      { id: "Saksi dari keluarga", en: "Family witness" },
    ]);
    await desk.close();
  });
});
