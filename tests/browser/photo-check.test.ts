import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot } from "../helpers/browser";
import { card, storedPages } from "../helpers/draft-ui";

vi.setConfig({ testTimeout: 180_000 });

const env = useAppAndBrowser();
const KTP = "KTP-el pemohon";
/** Preparing a photo takes a few seconds on a shared test machine: polls that wait for one get room. */
const WAIT = { timeout: 30_000 };

async function phone(init?: () => void): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext(PHONE);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  return { context, page };
}

async function startDraft(page: Page, name: string): Promise<string> {
  await page.goto(`${env.server.url}/panduan/surat-keterangan-domisili`);
  await page.getByRole("button", { name: "Buat berkas untuk warga" }).click();
  await page.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
  await page.getByLabel("Nama lengkap (sesuai KTP)").fill(name);
  return page.url().split("/").pop() ?? "";
}

/**
 * A photographed card made by Chromium in `maker` (a page with OffscreenCanvas):
 * print-like lines on a pale card, then, as the camera saw it, out of focus
 * (`blur`, CSS px at full size) or underexposed (`light`, 1 = as lit).
 */
async function cardPhoto(
  maker: Page,
  { width, height, blur = 0, light = 1 }: { width: number; height: number; blur?: number; light?: number },
): Promise<Buffer> {
  const base64 = await maker.evaluate(
    async ({ width, height, blur, light }) => {
      const sharp = new OffscreenCanvas(width, height);
      const ctx = sharp.getContext("2d");
      if (!ctx) throw new Error("no 2d context");
      ctx.fillStyle = "#dfe9f2";
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = "#2f5d8a";
      ctx.fillRect(0, 0, width, height / 9);
      ctx.fillStyle = "#7b8794";
      ctx.fillRect(width * 0.72, height * 0.25, width * 0.2, height * 0.45);
      ctx.fillStyle = "#111";
      ctx.font = `${Math.round(height / 26)}px sans-serif`;
      for (let line = 0; line < 14; line++) {
        ctx.fillText("NIK 3171015203900001 RT/RW 003/005 KEL GAMBIR", width * 0.04, height * (0.2 + line * 0.055));
      }
      const seen = new OffscreenCanvas(width, height);
      const out = seen.getContext("2d");
      if (!out) throw new Error("no 2d context");
      out.filter = `${blur > 0 ? `blur(${blur}px) ` : ""}brightness(${light})`;
      out.drawImage(sharp, 0, 0);
      const blob = await seen.convertToBlob({ type: "image/jpeg", quality: 0.92 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { width, height, blur, light },
  );
  return Buffer.from(base64, "base64");
}

function pick(page: Page, label: string) {
  return card(page, label).getByLabel(/Pilih foto\/PDF/);
}

describe("photos the cadre can check", () => {
  it("shows a landscape KTP whole, opens it full size with zoom, and warns about a blurry or dark photo while keeping it", async () => {
    const { context, page } = await phone();
    try {
      await startDraft(page, "Siti Aminah");
      const ktp = card(page, KTP);
      await pick(page, KTP).setInputFiles({
        name: "ktp.jpg",
        mimeType: "image/jpeg",
        buffer: await cardPhoto(page, { width: 1600, height: 1000 }),
      });
      const thumb = ktp.getByRole("button", { name: "Lihat Halaman 1 ukuran penuh" });
      await thumb.locator("img").waitFor();
      // The whole landscape card inside the portrait tile: contained, not cropped.
      const shown = await thumb.locator("img").evaluate((img: HTMLImageElement) => ({
        fit: getComputedStyle(img).objectFit,
        landscape: img.naturalWidth > img.naturalHeight,
      }));
      expect(shown).toEqual({ fit: "contain", landscape: true });
      expect(await ktp.getByRole("alert").count()).toBe(0);
      await ktp.scrollIntoViewIfNeeded();
      await screenshot(page, "photo-landscape-ktp-thumb");
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Full size: the stored page (1600 px), not the 240 px thumbnail; zoom makes it larger; Escape closes.
      await thumb.click();
      const viewer = page.getByRole("dialog", { name: `Halaman 1 — ${KTP}` });
      const full = viewer.getByRole("img", { name: `Halaman 1 — ${KTP}` });
      await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth), WAIT).toBe(1600);
      const fitted = (await full.boundingBox())?.width ?? 0;
      expect(fitted).toBeGreaterThan(300);
      expect(fitted).toBeLessThanOrEqual(360);
      const close = viewer.getByRole("button", { name: "Tutup" });
      const closeBox = await close.boundingBox();
      expect(Math.min(closeBox?.width ?? 0, closeBox?.height ?? 0)).toBeGreaterThanOrEqual(44);
      await screenshot(page, "photo-viewer");
      expect(await seriousA11yViolations(page)).toEqual([]);
      await viewer.getByRole("button", { name: "Perbesar" }).click();
      await viewer.getByRole("button", { name: "Perbesar" }).click();
      await expect.poll(async () => (await full.boundingBox())?.width ?? 0, WAIT).toBeGreaterThan(fitted * 2);
      await screenshot(page, "photo-viewer-zoomed");
      await page.keyboard.press("Escape");
      await expect.poll(() => viewer.count()).toBe(0);
      await expect.poll(() => thumb.evaluate((button) => button === document.activeElement)).toBe(true);

      // Out of focus: kept, but said at once, with a retake beside the words.
      await pick(page, KTP).setInputFiles({
        name: "ktp-blur.jpg",
        mimeType: "image/jpeg",
        buffer: await cardPhoto(page, { width: 1600, height: 1000, blur: 9 }),
      });
      await expect
        .poll(() => ktp.getByRole("alert").textContent(), WAIT)
        .toBe("Halaman 2: Foto tampak buram — ulangi dengan HP diam dan fokus.");
      expect(await ktp.locator(".pages > li").count()).toBe(2);
      await ktp.getByRole("alert").scrollIntoViewIfNeeded();
      await screenshot(page, "photo-blur-warning");
      expect(await seriousA11yViolations(page)).toEqual([]);

      // The retake offered by the warning replaces page 2 with a sharp photo: the warning goes.
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser"),
        ktp.getByRole("button", { name: "Ulangi foto — Halaman 2" }).click(),
      ]);
      await chooser.setFiles({
        name: "ulang.jpg",
        mimeType: "image/jpeg",
        buffer: await cardPhoto(page, { width: 1600, height: 1000 }),
      });
      await expect.poll(() => ktp.getByRole("alert").count(), WAIT).toBe(0);
      expect(await ktp.locator(".pages > li").count()).toBe(2);

      // Under a dim lamp: asked for light.
      await pick(page, KTP).setInputFiles({
        name: "ktp-gelap.jpg",
        mimeType: "image/jpeg",
        buffer: await cardPhoto(page, { width: 1600, height: 1000, light: 0.2 }),
      });
      await expect
        .poll(() => ktp.getByRole("alert").textContent(), WAIT)
        .toBe("Halaman 3: Foto terlalu gelap — cari tempat lebih terang.");
      expect(await ktp.locator(".pages > li").count()).toBe(3);
    } finally {
      await context.close();
    }
  });
});

describe("deletions the cadre can take back", () => {
  // "Offers none once the office has it" is pinned with a file the office really received:
  // tests/browser/sync.test.ts (a hand-written office row cannot be sealed with the phone's key).
  it("undoes a removed page with its photo, keeps ✕ apart from retake, and confirms a file's delete by name", async () => {
    const { context, page } = await phone();
    try {
      const draftId = await startDraft(page, "Budi Santoso");
      const ktp = card(page, KTP);
      const tiles = ktp.locator(".pages > li");
      await pick(page, KTP).setInputFiles([
        { name: "depan.jpg", mimeType: "image/jpeg", buffer: await cardPhoto(page, { width: 1600, height: 1000 }) },
        { name: "belakang.jpg", mimeType: "image/jpeg", buffer: await cardPhoto(page, { width: 1500, height: 1000 }) },
      ]);
      await expect.poll(() => tiles.locator("img").count(), WAIT).toBe(2);

      // A thumb-sized target, set apart from "Foto ulang".
      const remove = ktp.getByRole("button", { name: "Hapus halaman — Halaman 1" });
      const retake = ktp.getByRole("button", { name: "Foto ulang — Halaman 1" });
      const [removeBox, retakeBox] = [await remove.boundingBox(), await retake.boundingBox()];
      if (!removeBox || !retakeBox) throw new Error("page actions not laid out");
      expect(Math.min(removeBox.width, removeBox.height)).toBeGreaterThanOrEqual(44);
      const apart = removeBox.y - (retakeBox.y + retakeBox.height);
      expect(apart).toBeGreaterThanOrEqual(12);

      await tiles.nth(0).locator("img").waitFor();
      await remove.click();
      await expect.poll(() => tiles.count()).toBe(1);
      expect(await storedPages(page, draftId)).toEqual({ pages: 1, blobs: 2 });
      const snackbar = page.getByRole("status").filter({ hasText: "Halaman 1 dihapus." });
      await snackbar.waitFor();
      // Focus moved to the undo (the pressed button is gone with its page).
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Urungkan");
      await screenshot(page, "photo-undo-snackbar");
      expect(await seriousA11yViolations(page)).toEqual([]);
      await snackbar.getByRole("button", { name: "Urungkan" }).click();
      // Back in first place, bytes and thumbnail included, and it survives a reload.
      await expect.poll(() => tiles.count(), WAIT).toBe(2);
      expect(await storedPages(page, draftId)).toEqual({ pages: 2, blobs: 4 });
      await page.reload();
      await expect.poll(() => card(page, KTP).locator(".pages > li img").count(), WAIT).toBe(2);
      await card(page, KTP).getByRole("button", { name: "Lihat Halaman 1 ukuran penuh" }).click();
      await expect
        .poll(
          () =>
            page
              .getByRole("dialog")
              .getByRole("img")
              .evaluate((img: HTMLImageElement) => img.naturalWidth),
          WAIT,
        )
        .toBe(1600);
      await page.keyboard.press("Escape");

      // Deleting the whole file asks first, naming the applicant; "Batal" deletes nothing.
      await page.getByRole("link", { name: "Berkas", exact: true }).click();
      const entry = page.locator(".draft-card").filter({ hasText: "Budi Santoso" });
      await entry.getByRole("button", { name: /^Hapus/ }).click();
      const confirm = page.getByRole("dialog", { name: "Hapus berkas Budi Santoso?" });
      await confirm.waitFor();
      await screenshot(page, "draft-delete-confirm");
      expect(await seriousA11yViolations(page)).toEqual([]);
      await confirm.getByRole("button", { name: "Batal" }).click();
      await expect.poll(() => confirm.count()).toBe(0);
      expect(await entry.count()).toBe(1);
      await entry.getByRole("button", { name: /^Hapus/ }).click();
      await confirm.getByRole("button", { name: "Ya, hapus berkas" }).click();
      await expect.poll(() => entry.count()).toBe(0);
      await page.getByRole("button", { name: "Urungkan" }).click();
      await entry.waitFor();
    } finally {
      await context.close();
    }
  });
});

describe("photo preparation off the main thread", () => {
  it("prepares 12 MP photos in a worker under a 4× slower CPU, saying which photo of how many, while typing stays responsive", async () => {
    const { context, page } = await phone(() => {
      // Every picture the page's own main thread decodes, by its size: a 12 MP decode here is what blocks typing.
      const decoded: number[] = [];
      (window as unknown as { decodedOnPage: number[] }).decodedOnPage = decoded;
      const original = window.createImageBitmap.bind(window) as (...args: unknown[]) => Promise<ImageBitmap>;
      (window as unknown as { createImageBitmap: unknown }).createImageBitmap = async (...args: unknown[]) => {
        const bitmap = await original(...args);
        decoded.push(bitmap.width * bitmap.height);
        return bitmap;
      };
    });
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    try {
      await startDraft(page, "Dewi");
      // Handed over as files on disk: buffers would be decoded from base64 on the page's own main thread.
      const dir = await mkdtemp(join(tmpdir(), "masdarin-photos-"));
      const photos = [join(dir, "a.jpg"), join(dir, "b.jpg")];
      for (const path of photos) await writeFile(path, await cardPhoto(page, { width: 4000, height: 3000 }));
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await pick(page, KTP).setInputFiles(photos);
      const progress = card(page, KTP).getByRole("status");
      await expect.poll(() => progress.textContent(), { timeout: 60_000 }).toBe("Menyiapkan foto 1 dari 2…");
      // The cadre types while the photos are prepared; each key lands.
      const field = page.getByLabel("Nomor HP");
      await field.click();
      await page.keyboard.type("0812345", { delay: 20 });
      await expect.poll(() => field.inputValue(), WAIT).toBe("0812345");
      await expect.poll(() => progress.textContent(), { timeout: 90_000 }).toBe("Menyiapkan foto 2 dari 2…");
      await expect.poll(() => card(page, KTP).locator(".pages > li img").count(), { timeout: 90_000 }).toBe(2);
      await expect.poll(() => progress.textContent(), WAIT).toBe("");
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

      expect(workers.some((url) => /prepare-worker/.test(url))).toBe(true);
      // Decoding and scaling a 12 MP photo on the main thread blocks it for seconds at 4×: none happened there.
      // (How long the page's own tasks took is a timing, reported by `npm run bench`, not asserted here.)
      const decodedOnPage = await page.evaluate(() => (window as unknown as { decodedOnPage: number[] }).decodedOnPage);
      expect(decodedOnPage.filter((pixels) => pixels >= 4000 * 3000)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("still prepares a photo on the main thread where the browser has no OffscreenCanvas", async () => {
    const { context, page } = await phone(() => {
      // An older phone browser: no OffscreenCanvas, so no worker either.
      delete (window as unknown as { OffscreenCanvas?: unknown }).OffscreenCanvas;
    });
    const maker = await env.browser.newPage();
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    try {
      const buffer = await cardPhoto(maker, { width: 1600, height: 1000, blur: 9 });
      await startDraft(page, "Rina");
      await pick(page, KTP).setInputFiles({ name: "ktp.jpg", mimeType: "image/jpeg", buffer });
      await expect.poll(() => card(page, KTP).locator(".pages > li img").count(), { timeout: 60_000 }).toBe(1);
      // The same check on the main thread: the blur is still caught.
      await expect
        .poll(() => card(page, KTP).getByRole("alert").textContent(), WAIT)
        .toBe("Halaman 1: Foto tampak buram — ulangi dengan HP diam dan fokus.");
      expect(workers.filter((url) => /prepare-worker/.test(url))).toEqual([]);
    } finally {
      await maker.close();
      await context.close();
    }
  });
});
