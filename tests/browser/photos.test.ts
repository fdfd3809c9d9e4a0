import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeDocumentPhoto, openPhotoPage, type PhotoWindow, prepareFixture } from "../../bench/photos";
import { sniffFileType } from "../../shared/files/sniff";
import { startAppServer } from "../helpers/app-server";
import { launchChromium, PHONE, screenshot } from "../helpers/browser";
import { makeImage, storedPages } from "../helpers/draft-ui";

vi.setConfig({ testTimeout: 60_000 });

const MB = 1024 * 1024;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await openPhotoPage(browser);
  await makeDocumentPhoto(page, "photo-12mp", { width: 4000, height: 3000 });
  await addSmallFixtures(page);
});
afterAll(async () => {
  await browser?.close();
});

/** Everything but the 12 MP photo: small images, a PDF and bad inputs, drawn or assembled in the page. */
function addSmallFixtures(target: Page): Promise<void> {
  return target.evaluate(async (mb) => {
    const fixtures = (window as unknown as PhotoWindow).fixtures;
    const drawn = async (
      width: number,
      height: number,
      type: string,
      paint: (c: OffscreenCanvasRenderingContext2D) => void,
    ) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2D context");
      paint(context);
      return canvas.convertToBlob({ type, quality: 0.9 });
    };
    const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

    // A screenshot-like PNG, partly transparent, smaller than the output limit (and than the legible floor).
    fixtures.png = await drawn(1100, 825, "image/png", (c) => {
      c.fillStyle = "rgba(20, 90, 160, 0.5)";
      c.fillRect(0, 0, 1100, 400);
      c.fillStyle = "#222";
      c.font = "44px sans-serif";
      c.fillText("SURAT KETERANGAN DOMISILI", 50, 550);
    });
    // A scan saved as PNG, larger than the output limit.
    fixtures.bigPng = await drawn(2600, 1400, "image/png", (c) => {
      c.fillStyle = "#fff";
      c.fillRect(0, 0, 2600, 1400);
      c.fillStyle = "#000";
      c.font = "80px serif";
      c.fillText("SURAT PERNYATAAN", 100, 700);
    });
    fixtures.webp = await drawn(2600, 1000, "image/webp", (c) => {
      c.fillStyle = "#ddd";
      c.fillRect(0, 0, 2600, 1000);
      c.fillStyle = "#000";
      c.font = "80px serif";
      c.fillText("KARTU KELUARGA", 100, 500);
    });

    // A JPEG stored landscape (1200x600, top-left quarter red) with EXIF orientation 6:
    // viewers rotate it 90° clockwise, so it is seen portrait with the red in the top-right.
    const landscape = await drawn(1200, 600, "image/jpeg", (c) => {
      c.fillStyle = "#fff";
      c.fillRect(0, 0, 1200, 600);
      c.fillStyle = "#f00";
      c.fillRect(0, 0, 600, 300);
    });
    const jpeg = new Uint8Array(await landscape.arrayBuffer());
    const exif = Uint8Array.from([
      ...[0xff, 0xe1, 0x00, 0x22], // APP1, length 34
      ...ascii("Exif\0\0"),
      ...ascii("MM\0*"),
      ...[0, 0, 0, 8], // first IFD at offset 8
      ...[0, 1], // one entry
      ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0], // Orientation (SHORT) = 6
      ...[0, 0, 0, 0], // no next IFD
    ]);
    fixtures.rotated = new Blob([jpeg.subarray(0, 2), exif, jpeg.subarray(2)], { type: "image/jpeg" });

    const pdf = [
      "%PDF-1.4",
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj",
      "trailer << /Root 1 0 R >>",
      "%%EOF",
      "",
    ].join("\n");
    // Named and declared as a JPEG: the bytes decide.
    fixtures.pdf = new File([pdf], "ktp.jpg", { type: "image/jpeg" });

    const garbage = new Uint8Array(4096);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
    fixtures.corrupt = new File(
      [Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), ascii("JFIF\0"), garbage],
      "kk.jpg",
      {
        type: "image/jpeg",
      },
    );
    fixtures.text = new File(["Nama: Budi\nNIK: 3174000000000000\n"], "ktp.jpg", { type: "image/jpeg" });
    fixtures.heic = new File(
      [Uint8Array.from([0, 0, 0, 0x18]), ascii("ftypheic\0\0\0\0mif1heic"), garbage],
      "IMG_0001.HEIC",
      {
        type: "image/heic",
      },
    );
    fixtures.empty = new File([], "empty.jpg", { type: "image/jpeg" });
    fixtures.oversize = new Blob([Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), new Uint8Array(25 * mb)], {
      type: "image/jpeg",
    });
    fixtures.oversizePdf = new Blob([ascii("%PDF-1.7\n"), new Uint8Array(5 * mb)], { type: "application/pdf" });
  }, MB);
}

async function prepared(name: string, options?: Parameters<typeof prepareFixture>[2], on: Page = page) {
  const outcome = await prepareFixture(on, name, options);
  if (!outcome.ok) throw new Error(`${name}: ${outcome.name} ${outcome.code} ${outcome.message}`);
  return outcome;
}

describe("preparePage in Chromium", () => {
  it("compresses a 12-megapixel photo to a legible page under 300 KB, with a thumbnail", async () => {
    const result = await prepared("photo-12mp");
    expect(result.inputBytes).toBeGreaterThan(2 * MB);
    expect(Math.max(result.width ?? 0, result.height ?? 0)).toBe(2000);
    expect(result).toMatchObject({ width: 2000, height: 1500, decoded: { width: 2000, height: 1500 } });
    expect(result.bytes).toBeLessThanOrEqual(300_000);
    expect(result.bytes).toBe(result.blobSize);
    expect(["image/webp", "image/jpeg"]).toContain(result.mime);
    expect(result.blobType).toBe(result.mime);
    expect(sniffFileType(new Uint8Array(result.head))).toBe(result.mime);
    expect(result.thumbnail).toMatchObject({ type: "image/jpeg", width: 240, height: 180 });
    expect(result.thumbnail?.bytes).toBeLessThan(30_000);
  });

  it("converts a PNG without enlarging it, and re-encodes a large WebP down to the long-edge limit", async () => {
    const png = await prepared("png");
    expect(["image/webp", "image/jpeg"]).toContain(png.mime);
    expect(sniffFileType(new Uint8Array(png.head))).toBe(png.mime);
    expect(png).toMatchObject({ width: 1100, height: 825 });
    expect(png.thumbnail).toMatchObject({ width: 240, height: 180 });

    const webp = await prepared("webp");
    expect(webp).toMatchObject({ width: 2000, height: 769 });
    expect(sniffFileType(new Uint8Array(webp.head))).toBe(webp.mime);
  });

  it("honours the EXIF orientation", async () => {
    const result = await prepared("rotated");
    expect(result).toMatchObject({ width: 600, height: 1200, decoded: { width: 600, height: 1200 } });
    const corners = await page.evaluate(async () => {
      const photos = window as unknown as PhotoWindow;
      const { blob } = await photos.preparePage(photos.fixtures.rotated as Blob);
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no 2D context");
      context.drawImage(bitmap, 0, 0);
      const red = (x: number, y: number) => {
        const [r = 0, g = 0] = context.getImageData(x, y, 1, 1).data;
        return r > 200 && g < 80;
      };
      return { topRight: red(450, 150), topLeft: red(150, 150), bottomLeft: red(150, 1050) };
    });
    expect(corners).toEqual({ topRight: true, topLeft: false, bottomLeft: false });
  });

  it("keeps a PDF byte for byte whatever its name says, without a thumbnail", async () => {
    const result = await prepared("pdf");
    const original = await page.evaluate(() => (window as unknown as PhotoWindow).fixtures.pdf?.size);
    expect(result).toMatchObject({ mime: "application/pdf", blobType: "application/pdf", bytes: original });
    expect(result.thumbnail).toBeNull();
    expect(result.width).toBeUndefined();
    expect(sniffFileType(new Uint8Array(result.head))).toBe("application/pdf");
  });

  it.each([
    ["corrupt", "corrupt", "a JPEG header followed by garbage"],
    ["text", "not-supported", "a text file named .jpg"],
    ["heic", "not-supported", "a HEIC photo"],
    ["empty", "empty", "an empty file"],
    ["oversize", "too-large", "a file above 25 MB"],
    ["oversizePdf", "too-large", "a PDF above 5 MB"],
  ])("refuses %s with PageError %s (%s)", async (name, code) => {
    const outcome = await prepareFixture(page, name);
    expect(outcome).toMatchObject({ ok: false, isPageError: true, name: "PageError", code });
    if (!outcome.ok) expect(outcome.message).not.toMatch(/\.jpg|\.HEIC|Budi|3174/);
  });

  it("refuses a 640 × 480 photo as too small to read, naming the minimum, and prepares a 1600 × 1200 one", async () => {
    await makeDocumentPhoto(page, "photo-640", { width: 640, height: 480 });
    const refused = await prepareFixture(page, "photo-640");
    expect(refused).toMatchObject({ ok: false, isPageError: true, code: "too-small", minLongEdge: 1000 });
    // Turned to portrait, the long edge is what counts: 480 × 640 is as unreadable.
    await makeDocumentPhoto(page, "photo-480", { width: 480, height: 640 });
    expect(await prepareFixture(page, "photo-480")).toMatchObject({ ok: false, code: "too-small" });
    // Exactly the minimum is readable.
    await makeDocumentPhoto(page, "photo-1000", { width: 1000, height: 750 });
    expect(await prepared("photo-1000")).toMatchObject({ width: 1000, height: 750 });

    await makeDocumentPhoto(page, "photo-2mp", { width: 1600, height: 1200 });
    const accepted = await prepared("photo-2mp");
    expect(accepted).toMatchObject({ width: 1600, height: 1200 });
    expect(["image/webp", "image/jpeg"]).toContain(accepted.mime);
  });

  it("keeps a picked PNG as PNG when the requirement takes PNG but not photos, and converts it otherwise", async () => {
    const original = await page.evaluate(async () => {
      const png = (window as unknown as PhotoWindow).fixtures.png as Blob;
      return Array.from(new Uint8Array(await png.arrayBuffer()));
    });
    const kept = await prepared("png", { accept: ["image/png"] });
    expect(kept).toMatchObject({ mime: "image/png", blobType: "image/png", width: 1100, height: 825 });
    expect(kept.bytes).toBe(original.length);
    expect(kept.head).toEqual(original.slice(0, 16));
    expect(kept.thumbnail).toMatchObject({ type: "image/jpeg", width: 240, height: 180 });

    // Above the output limit: scaled down, still lossless PNG.
    const scaled = await prepared("bigPng", { accept: ["image/png", "application/pdf"] });
    expect(scaled).toMatchObject({
      mime: "image/png",
      width: 2000,
      height: 1077,
      decoded: { width: 2000, height: 1077 },
    });
    expect(sniffFileType(new Uint8Array(scaled.head))).toBe("image/png");

    // A requirement that also takes photos gets the smaller photo encoding; a camera JPEG never becomes PNG.
    const converted = await prepared("png", { accept: ["image/jpeg", "image/webp", "image/png"] });
    expect(["image/webp", "image/jpeg"]).toContain(converted.mime);
    const camera = await prepared("photo-12mp", { accept: ["image/png"] });
    expect(["image/webp", "image/jpeg"]).toContain(camera.mime);
  });

  it("scales a busy photo further down to meet the target, but not below a legible 1200 px", async () => {
    await makeDocumentPhoto(page, "busy", { width: 2400, height: 1800, noise: 70, seed: 3 });
    const busy = await prepared("busy");
    expect(busy.bytes).toBeLessThanOrEqual(300_000);
    expect(busy.width).toBeLessThan(2000);
    expect(busy.width).toBeGreaterThanOrEqual(1200);

    const floor = await prepared("busy", { targetBytes: 20_000 });
    expect(floor).toMatchObject({ width: 1200, height: 900 });
    expect(floor.bytes).toBeGreaterThan(20_000);

    // A page already smaller than the floor is neither enlarged nor shrunk.
    const small = await prepared("png", { targetBytes: 1_000 });
    expect(small).toMatchObject({ width: 1100, height: 825 });
  });

  it("falls back to JPEG on a <canvas> when the browser answers a WebP request with PNG", async () => {
    const legacy = await openPhotoPage(browser);
    try {
      await makeDocumentPhoto(legacy, "photo", { width: 3000, height: 2000 });
      await addSmallFixtures(legacy);
      await legacy.evaluate(() => {
        // No OffscreenCanvas, and a toBlob that ignores WebP, as older Safari does.
        Reflect.deleteProperty(window, "OffscreenCanvas");
        const toBlob = HTMLCanvasElement.prototype.toBlob;
        HTMLCanvasElement.prototype.toBlob = function (callback, type, quality) {
          toBlob.call(this, callback, type === "image/webp" ? "image/png" : type, quality);
        };
      });
      for (const name of ["photo", "png"]) {
        const result = await prepared(name, undefined, legacy);
        expect(result.mime).toBe("image/jpeg");
        expect(result.blobType).toBe("image/jpeg");
        expect(sniffFileType(new Uint8Array(result.head))).toBe("image/jpeg");
        expect(result.thumbnail?.type).toBe("image/jpeg");
      }
      expect(await prepared("photo", undefined, legacy)).toMatchObject({ width: 2000, height: 1333 });
    } finally {
      await legacy.close();
    }
  });
});

describe("the draft screen in English", () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses a 640 × 480 photo where the page would appear, stores nothing, then stores a 1600 × 1200 one", async () => {
    const context = await browser.newContext({ ...PHONE, locale: "en-GB" });
    await context.addInitScript(() => localStorage.setItem("masdarin.locale", "en"));
    const screen = await context.newPage();
    try {
      await screen.goto(`${server.url}/panduan/surat-keterangan-domisili`);
      await screen.getByRole("button", { name: "Start a file for a resident" }).click();
      await screen.waitForURL(/\/berkas\/[0-9a-f-]{36}$/);
      const draftId = screen.url().split("/").pop() ?? "";
      const pick = screen.getByLabel(/Choose photo\/PDF/).first();
      const card = screen.locator(".requirement-card").filter({ has: pick });

      const small = await makeImage(screen, 640, 480, "image/jpeg");
      await pick.setInputFiles({ name: "ktp.jpg", mimeType: "image/jpeg", buffer: small });
      await expect
        .poll(() => card.getByRole("alert").textContent(), { timeout: 30_000 })
        .toContain("too small for the office to read (long edge under 1000 pixels)");
      expect(await card.locator(".pages > li").count()).toBe(0);
      expect(await storedPages(screen, draftId)).toEqual({ pages: 0, blobs: 0 });
      await card.getByRole("alert").scrollIntoViewIfNeeded();
      await screenshot(screen, "draft-photo-too-small-en");

      const readable = await makeImage(screen, 1600, 1200, "image/jpeg");
      await pick.setInputFiles({ name: "ktp.jpg", mimeType: "image/jpeg", buffer: readable });
      await expect.poll(() => card.locator(".pages > li").count(), { timeout: 30_000 }).toBe(1);
      expect(await card.getByRole("alert").count()).toBe(0);
      // The page and its thumbnail.
      expect(await storedPages(screen, draftId)).toEqual({ pages: 1, blobs: 2 });
    } finally {
      await context.close();
    }
  });
});
