import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { applications, files } from "../../server/db/schema";
import { publishGuide } from "../../server/guides/repository";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { newUser, openInApp, signIn } from "../helpers/cadre-ui";
import { card, makeImage, NIK, storedPages } from "../helpers/draft-ui";
import { sampleGuide } from "../helpers/sample-guide";

vi.setConfig({ testTimeout: 180_000 });

const env = useAppAndBrowser();
const text = (id: string, en: string) => ({ id, en });

/** A service with one ID card and one signed statement, published the way an office publishes a guide. */
async function publishStatementGuide(): Promise<void> {
  await publishGuide(
    env.server.db,
    sampleGuide({
      id: "surat-uji-pernyataan",
      title: text("Surat Keterangan Uji Pernyataan", "Statement test certificate"),
      questions: [],
      requirements: [
        { id: "ktp-el", kind: "document", label: text("KTP-el pemohon", "Applicant's ID card") },
        {
          id: "tangkapan-layar",
          kind: "document",
          label: text("Tangkapan layar bukti pendaftaran", "Screenshot of the registration"),
          acceptance: { form: "digital", formats: ["png", "pdf"] },
        },
        {
          id: "pernyataan-tidak-mampu",
          kind: "statement",
          label: text("Surat pernyataan tidak mampu", "Low-income statement"),
          acceptance: { stamped: true },
          statement: {
            title: text("Surat Pernyataan Tidak Mampu", "Low-Income Statement"),
            body: text(
              "menyatakan dengan sebenarnya bahwa keluarga saya, yang beralamat di {address}, termasuk keluarga tidak mampu.",
              "truthfully declare that my family, living at {address}, is a low-income family.",
            ),
          },
        },
      ],
    }),
  );
}

describe("a file the phone calls ready is a file the office accepts", () => {
  it("refuses a photo too small to read before storing it, takes the retake, and counts the statement once it is signed", async () => {
    await publishStatementGuide();
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: "31.71.01" });
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, env.server.url, cadre.username);
    await waitForServiceWorker(page);

    // Inside the running app: a page load starts it locked, and "Buat berkas" then goes to the lock screen.
    await openInApp(page, env.server.url, "/panduan/surat-uji-pernyataan");
    await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
    await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
    const id = page.url().split("/").pop() ?? "";
    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Siti Nur’aini");
    await page.getByLabel("NIK (16 angka)").fill(NIK);
    await page.getByLabel("Tanggal lahir").fill("1990-03-12");
    await page.getByRole("radio", { name: "Perempuan" }).check();
    await page.getByLabel("Nomor HP").fill("081234567890");
    await page.getByLabel("Alamat (jalan, nomor rumah)").fill("Jl. Kebon Sirih No. 5");
    await page.getByLabel("RT", { exact: true }).fill("3");
    await page.getByLabel("RW", { exact: true }).fill("5");
    await page.locator("#applicant-regency").selectOption("31.71");
    await page.locator("#applicant-district").selectOption("31.71.01");
    await page.locator("#applicant-village").selectOption("31.71.01.1001");

    // A photo too small to read: told at once, and nothing is stored.
    const ktp = card(page, "KTP-el pemohon");
    const tiny = await makeImage(page, 640, 480, "image/jpeg");
    await ktp.getByLabel(/Pilih foto\/PDF/).setInputFiles({ name: "ktp.jpg", mimeType: "image/jpeg", buffer: tiny });
    await expect.poll(() => ktp.getByRole("alert").textContent(), { timeout: 30_000 }).toContain("terlalu kecil");
    expect(await ktp.locator(".pages > li").count()).toBe(0);
    // Nothing reached IndexedDB: no page on the draft, no bytes in the blob store.
    expect(await storedPages(page, id)).toEqual({ pages: 0, blobs: 0 });
    await ktp.scrollIntoViewIfNeeded();
    await screenshot(page, "draft-photo-too-small");

    // The retake at a readable size is stored.
    const photo = await makeImage(page, 1600, 1200, "image/jpeg");
    await ktp.getByLabel(/Pilih foto\/PDF/).setInputFiles({ name: "ktp.jpg", mimeType: "image/jpeg", buffer: photo });
    await expect.poll(() => ktp.locator(".pages > li").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => ktp.getByRole("alert").count()).toBe(0);

    // A screenshot where the guide takes PNG (not photos): kept as PNG on the phone, uploaded and accepted as PNG.
    const shot = card(page, "Tangkapan layar bukti pendaftaran");
    const png = await makeImage(page, 1080, 2000, "image/png");
    await shot.getByLabel(/Pilih foto\/PDF/).setInputFiles({ name: "layar.png", mimeType: "image/png", buffer: png });
    await expect.poll(() => shot.locator(".pages > li").count(), { timeout: 30_000 }).toBe(1);
    expect(await shot.textContent()).not.toContain("harus berupa");

    // The statement: produced by the app, filled with the applicant's data.
    const statement = card(page, "Surat pernyataan tidak mampu");
    await statement.getByRole("button", { name: "Lihat surat pernyataan untuk ditandatangani" }).click();
    const sheet = page.locator(".statement-dialog");
    await expect.poll(() => sheet.textContent()).toContain("Siti Nur’aini");
    expect(await sheet.textContent()).toContain(NIK);
    expect(await sheet.textContent()).toContain("Kel. Gambir");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await sheet.locator("h2").scrollIntoViewIfNeeded();
    await screenshot(page, "draft-statement-sheet");
    await sheet.getByRole("button", { name: "Tutup" }).click();

    // A photo of the signed page alone does not count: the cadre confirms the signing.
    const signed = await makeImage(page, 1200, 1700, "image/jpeg");
    await statement
      .getByLabel(/Pilih foto\/PDF/)
      .setInputFiles({ name: "pernyataan.jpg", mimeType: "image/jpeg", buffer: signed });
    await expect.poll(() => statement.locator(".pages > li").count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => statement.textContent()).toContain("konfirmasi tanggal tanda tangan");
    expect(await page.locator(".verdict").textContent()).not.toContain("Siap diajukan");
    await statement.getByLabel("Pemohon sudah menandatangani surat pernyataan ini").check();
    await expect.poll(() => page.locator(".verdict").textContent()).toContain("Siap diajukan");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "draft-statement-signed");

    // The signed paper prints the applicant's data: a later correction voids the confirmation until it is signed again.
    const confirm = statement.getByLabel("Pemohon sudah menandatangani surat pernyataan ini");
    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Siti Nur’aini Rahma");
    await expect.poll(() => confirm.isChecked()).toBe(false);
    await expect.poll(() => page.locator(".verdict").textContent()).not.toContain("Siap diajukan");
    await confirm.check();
    await expect.poll(() => page.locator(".verdict").textContent()).toContain("Siap diajukan");

    // Sent, and the server's pre-check agrees: the file is submitted.
    await page.getByRole("button", { name: "Tandai siap diajukan" }).click();
    await expect.poll(() => page.getByTestId("draft-status").textContent(), { timeout: 60_000 }).toBe("Terkirim");
    const [row] = await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1);
    expect(row?.status).toBe("submitted");
    const uploaded = await env.server.db.select().from(files);
    // The two photos were re-encoded on the phone (WebP where the browser writes it); the screenshot stayed PNG.
    expect(uploaded.map((file) => file.mime).filter((mime) => mime === "image/png")).toHaveLength(1);
    expect(uploaded).toHaveLength(3);
    await context.close();
  });
});

describe("a statement someone else makes about the applicant", () => {
  it("prints the house owner's statement with their identity left blank and the applicant named, and asks the owner's signature", async () => {
    await publishGuide(
      env.server.db,
      sampleGuide({
        id: "surat-uji-pemilik-rumah",
        title: text("Surat Keterangan Uji Pemilik Rumah", "House owner test certificate"),
        questions: [],
        requirements: [
          {
            id: "pernyataan-pemilik-rumah",
            kind: "statement",
            label: text("Surat pernyataan pemilik rumah", "House owner's statement"),
            statement: {
              title: text("Surat Pernyataan Pemilik Rumah", "Statement by the House Owner"),
              body: text(
                "selaku pemilik rumah di {address}, menyatakan bahwa {fullName} (NIK {nik}) tinggal di rumah saya.",
                "as the owner of the house at {address}, declare that {fullName} (NIK {nik}) lives in my house.",
              ),
              declarant: text("Pemilik rumah", "House owner"),
            },
          },
        ],
      }),
    );
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: "31.71.01" });
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, env.server.url, cadre.username);
    // Inside the running app: a page load starts it locked, and "Buat berkas" then goes to the lock screen.
    await openInApp(page, env.server.url, "/panduan/surat-uji-pemilik-rumah");
    await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
    await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Budi Santoso");
    await page.getByLabel("NIK (16 angka)").fill(NIK);

    const statement = card(page, "Surat pernyataan pemilik rumah");
    await expect.poll(() => statement.textContent()).toContain("minta pemilik rumah menandatanganinya");
    await statement.getByRole("button", { name: "Lihat surat pernyataan untuk ditandatangani" }).click();
    const sheet = page.locator(".statement-dialog");
    await expect.poll(() => sheet.textContent()).toContain(`Budi Santoso (NIK ${NIK}) tinggal di rumah saya`);
    // The owner writes their own name and NIK: the applicant's are not printed as the declarant's.
    expect(await sheet.locator(".statement-identity").textContent()).not.toContain("Budi Santoso");
    expect(await sheet.textContent()).toContain("Yang menyatakan, pemilik rumah");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await sheet.locator("h2").scrollIntoViewIfNeeded();
    await screenshot(page, "draft-statement-by-house-owner");
    await sheet.getByRole("button", { name: "Tutup" }).click();
    await statement
      .getByLabel("Pemilik rumah sudah mengisi identitasnya dan menandatangani surat pernyataan ini")
      .check();
    await expect.poll(() => statement.textContent()).not.toContain("minta pemilik rumah menandatanganinya");
    await context.close();
  });
});

describe("eligibility dates on the phone", () => {
  it("asks for a date an eligibility rule reads with a date picker, and refuses a birth still ahead", async () => {
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: "31.71.01" });
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await signIn(page, env.server.url, cadre.username);
    // Inside the running app: a page load starts it locked, and "Buat berkas" then goes to the lock screen.
    await openInApp(page, env.server.url, "/panduan/akta-kelahiran");
    await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
    await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
    const birth = card(page, "Tanggal lahir anak");
    const input = birth.getByLabel("Tanggal", { exact: true });
    expect(await input.getAttribute("type")).toBe("date");
    await input.fill("2099-01-01");
    await expect.poll(() => page.locator(".verdict").textContent()).toContain("Tanggal lahir anak belum tiba");
    await input.fill("2026-01-05");
    await expect.poll(() => page.locator(".verdict").textContent()).not.toContain("Tanggal lahir anak belum tiba");
    await birth.scrollIntoViewIfNeeded();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "draft-eligibility-date");
    await context.close();
  });
});
