import jsQR from "jsqr";
import type { Locator } from "playwright-core";
import sharp from "sharp";

/**
 * Screenshots a QR code element as the page draws it now (call
 * `page.emulateMedia({ media: "print" })` first to read the printed one) and
 * decodes it with jsQR from the raw RGBA pixels. Null when nothing decodes.
 */
export async function decodeQr(element: Locator): Promise<string | null> {
  const png = await element.screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
  return jsQR(pixels, info.width, info.height)?.data ?? null;
}
