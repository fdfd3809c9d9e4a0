import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { answerNoToAll, card, MINIMAL_PDF, makeImage, NIK, pagesThroughViewer } from "../helpers/draft-ui";

vi.setConfig({ testTimeout: 120_000 });

const env = useAppAndBrowser();

/** One online visit installs the app and the catalogue; everything after runs offline. */
async function installThenGoOffline(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForServiceWorker(page);
  await page.getByTestId("updated-at").waitFor();
  await context.setOffline(true);
  return { context, page };
}

async function startDomisiliDraft(page: Page): Promise<string> {
  await page.goto(`${env.server.url}/panduan/surat-keterangan-domisili`);
  await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
  await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
  await page.getByLabel("Nama lengkap (sesuai KTP)").waitFor();
  return page.url();
}

describe("application drafts, offline", () => {
  it("drafts a complete application offline, with photos and a PDF, and loses nothing on reload or reopen", async () => {
    const { context, page } = await installThenGoOffline();
    const draftUrl = await startDomisiliDraft(page);
    const summary = page.locator(".verdict");
    await expect(summary.textContent()).resolves.toContain("Belum siap");

    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Siti Aminah");
    await page.getByLabel("NIK (16 angka)").fill(NIK);
    await page.getByLabel("Tanggal lahir").fill("1990-03-12");
    await page.getByRole("radio", { name: "Perempuan" }).check();
    await page.getByLabel("Nomor HP").fill("0812-3456-7890");
    await page.getByLabel("Nomor HP").blur();
    // Stored in one canonical form: +62.
    await expect.poll(() => page.getByLabel("Nomor HP").inputValue()).toBe("+6281234567890");
    await page.getByLabel("Alamat (jalan, nomor rumah)").fill("Jl. Kebon Sirih No. 5");
    await page.getByLabel("RT", { exact: true }).fill("3");
    await page.getByLabel("RW", { exact: true }).fill("5");
    await page.locator("#applicant-regency").selectOption("31.71");
    await page.locator("#applicant-district").selectOption("31.71.01");
    await page.locator("#applicant-village").selectOption({ index: 1 });
    // The kelurahan only serves its own residents: another kelurahan's office is refused by the pre-check.
    const home = await page.locator("#applicant-village").inputValue();
    await page.getByLabel("Kecamatan kantor").selectOption("31.71.02");
    await page.getByLabel("Kelurahan kantor").selectOption({ index: 1 });
    await expect.poll(() => summary.textContent()).toContain("di luar wilayah kantor ini");
    await page.getByLabel("Kecamatan kantor").selectOption("31.71.01");
    await page.getByLabel("Kelurahan kantor").selectOption(home);
    await answerNoToAll(page);
    // Only the three unconditional papers are left.
    await expect.poll(() => summary.textContent()).toContain("0 dari 3 syarat lengkap");

    const photo12mp = await makeImage(page, 4000, 3000, "image/jpeg");
    expect(photo12mp.byteLength).toBeGreaterThan(1_000_000);
    await card(page, "KTP-el pemohon")
      .getByLabel(/Pilih foto\/PDF/)
      .setInputFiles({
        name: "ktp.jpg",
        mimeType: "image/jpeg",
        buffer: photo12mp,
      });
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain("1 dari 3 syarat lengkap");

    const png = await makeImage(page, 1200, 800, "image/png");
    await card(page, "Kartu Keluarga (KK) pemohon")
      .getByLabel(/Ambil foto/)
      .setInputFiles({
        name: "kk.png",
        mimeType: "image/png",
        buffer: png,
      });
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain("2 dari 3 syarat lengkap");

    const letter = card(page, "Surat pengantar RT dan RW");
    await letter.getByLabel(/Pilih foto\/PDF/).setInputFiles({
      name: "pengantar.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(MINIMAL_PDF),
    });
    await letter.getByText("PDF", { exact: true }).waitFor();
    // The letter's date decides whether it is still valid (30 days).
    await expect.poll(() => letter.textContent()).toMatch(/tanggal/i);
    const today = await page.evaluate(() => new Date().toLocaleDateString("en-CA"));
    await letter.getByLabel("Tanggal pada surat").fill(today);
    await expect.poll(() => summary.textContent()).toContain("Siap diajukan");

    // The stored photo was compressed on the device (rows sealed at rest: read through the app's photo viewer).
    const stored = (await pagesThroughViewer(page, ["KTP-el pemohon", "Kartu Keluarga (KK) pemohon"])).map((photo) => ({
      mime: photo.mime,
      bytes: Buffer.from(photo.base64, "base64").byteLength,
    }));
    for (const photo of stored) {
      expect(["image/webp", "image/jpeg"]).toContain(photo.mime);
      expect(photo.bytes).toBeLessThanOrEqual(300_000);
    }
    // Three pages and the two photos' thumbnails on the device (a count reads no sealed value).
    const rows = await page.evaluate(async () => {
      const open = indexedDB.open("masdarin");
      const db = await new Promise<IDBDatabase>((done) => {
        open.onsuccess = () => done(open.result);
      });
      const count = await new Promise<number>((done) => {
        const request = db.transaction("blobs").objectStore("blobs").count();
        request.onsuccess = () => done(request.result);
      });
      db.close();
      return count;
    });
    expect(rows).toBe(5);

    await page.getByRole("button", { name: "Tandai siap diajukan" }).click();
    await page.getByText("Berkas ditandai siap diajukan.").waitFor();
    await screenshot(page, "draft-ready");

    // The summary the resident keeps: shared as text (here the clipboard fallback) and printed.
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.evaluate(() => Object.defineProperty(navigator, "share", { value: undefined, configurable: true }));
    await page.getByRole("button", { name: "Bagikan ringkasan" }).click();
    await page.getByText("Ringkasan disalin").waitFor();
    const summaryText = await page.evaluate(() => navigator.clipboard.readText());
    expect(summaryText).toContain("Siti Aminah");
    expect(summaryText).toMatch(/Sudah lengkap:\n✔ Surat pengantar RT dan RW/);
    expect(summaryText).toContain("Biaya resmi: Gratis");
    expect(summaryText).toContain("Jam layanan: Senin–Jumat 08.00–15.00");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".handover-print").textContent()).resolves.toContain("Biaya resmi: Gratis");
    await expect(page.locator(".handover-print").isVisible()).resolves.toBe(true);
    await expect(page.locator(".requirement-cards").isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: "screen" });

    // Reload, then close the page and open a new one: everything is still there, offline.
    await page.reload();
    await page.getByText("Berkas ditandai siap diajukan.").waitFor();
    await expect(page.getByLabel("NIK (16 angka)").inputValue()).resolves.toBe(NIK);
    await page.close();
    const again = await context.newPage();
    await again.goto(draftUrl);
    await again.getByText("Berkas ditandai siap diajukan.").waitFor();
    await expect(again.getByLabel("Nama lengkap (sesuai KTP)").inputValue()).resolves.toBe("Siti Aminah");
    expect(await again.locator(".pages > li").count()).toBe(3);

    // The drafts list finds it by name and by NIK, with its progress.
    await again.goto(`${env.server.url}/berkas`);
    await again.getByRole("searchbox").fill("siti");
    await again.getByText("3 dari 3 syarat lengkap").waitFor();
    await again.getByRole("searchbox").fill("3171015");
    await again.getByText("Siti Aminah").waitFor();
    await screenshot(again, "drafts");
    await context.close();
  });

  it("says exactly what is wrong at the field, and never half-writes a draft", async () => {
    const { context, page } = await installThenGoOffline();
    await startDomisiliDraft(page);
    // "Siap diajukan" is refused while anything is missing, and every missing field is then named.
    await page.getByRole("button", { name: "Tandai siap diajukan" }).click({ force: true }); // aria-disabled: Playwright only clicks it when forced; a finger does not care.
    await page
      .locator("#applicant-phone-error")
      .getByText(/belum diisi/)
      .waitFor();
    await expect(page.locator(".draft .status-pill").first().textContent()).resolves.toBe("Draf");
    const nik = page.getByLabel("NIK (16 angka)");
    await nik.fill("317101520390000");
    const nikError = page.locator("#applicant-nik-error");
    await nikError.getByText("NIK harus 16 angka, yang diketik 15.").waitFor();
    await nik.fill("31710152039000011");
    await nikError.getByText("NIK harus 16 angka, yang diketik 17.").waitFor();
    // Digits 7-12 "720390": day 72 - 40 = 32, an impossible date.
    await nik.fill("3171017203900001");
    await nikError.getByText(/720390 bukan tanggal yang ada/).waitFor();
    await nik.fill(NIK);
    await page.getByLabel("Tanggal lahir").fill("1991-03-12");
    await nikError.getByText(/Tanggal lahir di NIK/).waitFor();
    await page.getByLabel("Nomor HP").fill("0812abc");
    await page
      .locator("#applicant-phone-error")
      .getByText(/Nomor HP hanya boleh berisi angka/)
      .waitFor();

    const ktp = card(page, "KTP-el pemohon");
    const pick = ktp.getByLabel(/Pilih foto\/PDF/);
    await pick.setInputFiles({ name: "ktp.jpg", mimeType: "image/jpeg", buffer: Buffer.from("this is not a photo") });
    await ktp.getByText(/bukan foto atau PDF/).waitFor();
    const corrupt = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 7)]);
    await pick.setInputFiles({ name: "rusak.jpg", mimeType: "image/jpeg", buffer: corrupt });
    await ktp.getByText(/rusak atau tidak bisa dibuka/).waitFor();
    // 6 MB: over the 5 MB PDF limit (the 25 MB photo limit is covered in photos.test.ts).
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(6 * 1024 * 1024, 32)]);
    await pick.setInputFiles({ name: "besar.pdf", mimeType: "application/pdf", buffer: big });
    await ktp.getByText(/terlalu besar \(lebih dari 5 MB\)/).waitFor();
    expect(await ktp.locator(".pages > li").count()).toBe(0);

    // A full disk: the write fails whole, the draft stays as it was, and the cadre is told why.
    // Chromium's CDP quota override is not enforced for IndexedDB here, so the failure is
    // injected where the browser raises it: IndexedDB's add(), with the real error name.
    await page.evaluate(() => {
      const original = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["add"]>) {
        if (this.name === "blobs") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        return original.apply(this, args);
      };
    });
    const photo = await makeImage(page, 1600, 1200, "image/jpeg");
    await pick.setInputFiles({ name: "ktp.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByText(/Memori HP penuh/).waitFor({ timeout: 30_000 });
    expect(await ktp.locator(".pages > li").count()).toBe(0);
    await page.reload();
    await page.getByLabel("NIK (16 angka)").waitFor();
    await expect(page.getByLabel("NIK (16 angka)").inputValue()).resolves.toBe(NIK);
    expect(await card(page, "KTP-el pemohon").locator(".pages > li").count()).toBe(0);
    await context.close();
  });

  it("reorders, retakes and deletes pages; deletes a draft with undo; reuses the applicant for another service", async () => {
    const { context, page } = await installThenGoOffline();
    await startDomisiliDraft(page);
    await page.getByLabel("Nama lengkap (sesuai KTP)").fill("Budi Santoso");
    await page.getByLabel("NIK (16 angka)").fill("3171011203850002");
    const ktp = card(page, "KTP-el pemohon");
    const front = await makeImage(page, 1200, 900, "image/jpeg");
    await ktp.getByLabel(/Pilih foto\/PDF/).setInputFiles([
      { name: "depan.jpg", mimeType: "image/jpeg", buffer: front },
      { name: "belakang.pdf", mimeType: "application/pdf", buffer: Buffer.from(MINIMAL_PDF) },
    ]);
    const tiles = ktp.locator(".pages > li");
    // Preparing and sealing the photo takes a few seconds on a busy test machine.
    await expect.poll(() => tiles.count(), { timeout: 30_000 }).toBe(2);
    // The PDF is second; move it up, then retake the photo (now second) and delete the PDF.
    await expect(tiles.nth(1).getByText("PDF").count()).resolves.toBe(1);
    await ktp.getByRole("button", { name: "Geser ke atas — Halaman 2" }).click();
    await expect.poll(() => tiles.nth(0).getByText("PDF").count()).toBe(1);
    const [chooser] = await Promise.all([
      page.waitForEvent("filechooser"),
      ktp.getByRole("button", { name: "Foto ulang — Halaman 2" }).click(),
    ]);
    await chooser.setFiles({
      name: "ulang.jpg",
      mimeType: "image/jpeg",
      buffer: await makeImage(page, 1300, 1000, "image/jpeg"),
    });
    await expect.poll(() => tiles.nth(1).locator("img").count()).toBe(1);
    await ktp.getByRole("button", { name: "Hapus halaman — Halaman 1" }).click();
    await expect.poll(() => tiles.count()).toBe(1);
    await expect(tiles.getByText("PDF").count()).resolves.toBe(0);
    await page.reload();
    await expect.poll(() => card(page, "KTP-el pemohon").locator(".pages > li").count()).toBe(1);

    // Still incomplete: the printed summary says what is missing and where to get it.
    await expect(page.locator(".handover-print").textContent()).resolves.toMatch(
      /Masih kurang:[\s\S]*Surat pengantar RT dan RW[\s\S]*Didapat di: Ketua RT/,
    );

    await page.getByRole("link", { name: "Berkas", exact: true }).click();
    const entry = page.locator(".draft-card").filter({ hasText: "Budi Santoso" });
    await entry.waitFor();
    await entry.getByRole("button", { name: /^Hapus/ }).click();
    await page
      .getByRole("dialog", { name: "Hapus berkas Budi Santoso?" })
      .getByRole("button", { name: "Ya, hapus berkas" })
      .click();
    await expect.poll(() => page.locator(".draft-card").filter({ hasText: "Budi Santoso" }).count()).toBe(0);
    await page.getByRole("button", { name: "Urungkan" }).click();
    await page.locator(".draft-card").filter({ hasText: "Budi Santoso" }).waitFor();

    await entry.getByRole("button", { name: "Pakai data pemohon untuk layanan lain" }).click();
    await page.getByLabel("Pilih layanan").selectOption("surat-keterangan-tidak-mampu");
    await page.getByRole("button", { name: "Buat berkas baru" }).click();
    await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: /Tidak Mampu/ }).waitFor();
    await expect(page.getByLabel("Nama lengkap (sesuai KTP)").inputValue()).resolves.toBe("Budi Santoso");
    await expect(page.getByLabel("NIK (16 angka)").inputValue()).resolves.toBe("3171011203850002");
    await context.close();
  });

  it("keeps a draft on its guide version until the cadre moves it, showing what changed", async () => {
    const { context, page } = await installThenGoOffline();
    const draftUrl = await startDomisiliDraft(page);
    const { getGuide, publishGuide } = await import("../../server/guides/repository");
    const stored = await getGuide(env.server.db, "surat-keterangan-domisili");
    if (!stored) throw new Error("guide missing");
    try {
      await publishGuide(env.server.db, {
        ...stored.guide,
        version: stored.guide.version + 1,
        requirements: [
          ...stored.guide.requirements,
          { id: "foto-rumah", kind: "document", label: { id: "Foto rumah tampak depan", en: "Photo of the house" } },
        ],
      });
      await context.setOffline(false);
      await page.goto(`${env.server.url}/`);
      await page.getByTestId("updated-at").waitFor();
      await page.goto(draftUrl);
      await page.getByText("Panduan layanan ini sudah diperbarui (versi 2).").waitFor();
      await page.getByText("Syarat baru: Foto rumah tampak depan").waitFor();
      await expect(page.getByText("Memakai panduan versi 1").count()).resolves.toBe(1);
      await expect(card(page, "Foto rumah tampak depan").count()).resolves.toBe(0);
      await page.getByRole("button", { name: "Pakai versi terbaru" }).click();
      await page.getByText("Memakai panduan versi 2").waitFor();
      await card(page, "Foto rumah tampak depan").waitFor();
      await page.reload();
      await page.getByText("Memakai panduan versi 2").waitFor();
    } finally {
      await publishGuide(env.server.db, stored.guide);
      await context.close();
    }
  });

  it("upgrades a database left by the previous app version without losing a draft", async () => {
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    // Same origin, no app code: create the database exactly as schema version 2 left it.
    await page.goto(`${env.server.url}/manifest.webmanifest`);
    const guide = (await (await fetch(`${env.server.url}/api/guides/surat-keterangan-domisili`)).json()) as {
      guide: unknown;
    };
    await page.evaluate(async (pinned) => {
      const request = indexedDB.open("masdarin", 20);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore("guides", { keyPath: "id" }).createIndex("category", "category");
        db.createObjectStore("meta", { keyPath: "key" });
        db.createObjectStore("selfChecks", { keyPath: "guideId" });
        const drafts = db.createObjectStore("drafts", { keyPath: "id" });
        drafts.createIndex("guideId", "guideId");
        drafts.createIndex("updatedAt", "updatedAt");
        db.createObjectStore("blobs", { keyPath: "id" }).createIndex("draftId", "draftId");
        db.createObjectStore("guideVersions", { keyPath: ["id", "version"] }).createIndex("id", "id");
      };
      const db = await new Promise<IDBDatabase>((done) => {
        request.onsuccess = () => done(request.result);
      });
      const tx = db.transaction(["drafts", "guideVersions"], "readwrite");
      tx.objectStore("guideVersions").put(pinned);
      tx.objectStore("drafts").put({
        id: "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f",
        guideId: "surat-keterangan-domisili",
        guideVersion: 1,
        applicant: {
          fullName: "Budi Santoso",
          nik: "3171011203850002",
          kk: "",
          birthDate: "",
          phone: "",
          address: { street: "", rt: "", rw: "", villageCode: "" },
        },
        answers: {},
        data: {},
        documents: {},
        officeAreaCode: "",
        status: "draft",
        createdAt: "2026-11-01T00:00:00.000Z",
        updatedAt: "2026-11-01T00:00:00.000Z",
        history: [],
      });
      await new Promise((done) => {
        tx.oncomplete = done;
      });
      db.close();
    }, guide.guide);

    await page.goto(`${env.server.url}/berkas`);
    await page.getByText("Budi Santoso").waitFor();
    await page.getByRole("searchbox").fill("budi");
    await page.getByText("Budi Santoso").waitFor();
    const version = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const request = indexedDB.open("masdarin");
          request.onsuccess = () => {
            done(request.result.version);
            request.result.close();
          };
        }),
    );
    expect(version).toBe(60); // Dexie version 6, times 10
    // The previous version's plaintext row was sealed in place at the first start (issue 15):
    // the app read it above, and the row on the device no longer holds the name or the NIK in the clear.
    const raw = await page.evaluate(
      () =>
        new Promise<string>((done) => {
          const request = indexedDB.open("masdarin");
          request.onsuccess = () => {
            const db = request.result;
            const read = db.transaction("drafts").objectStore("drafts").get("0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f");
            read.onsuccess = () => {
              const row = read.result as Record<string, unknown>;
              done(JSON.stringify({ fields: Object.keys(row).sort(), text: JSON.stringify(row) }));
              db.close();
            };
          };
        }),
    );
    expect(raw).toContain("$sealed");
    expect(raw).not.toContain("Budi");
    expect(raw).not.toContain("3171011203850002");
    await page.getByText("Budi Santoso").click();
    await expect(page.getByLabel("NIK (16 angka)").inputValue()).resolves.toBe("3171011203850002");
    await context.close();
  });
});
