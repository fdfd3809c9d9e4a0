import jsQR from "jsqr";
import sharp from "sharp";

/**
 * What a phone camera reads from a screenshot of a QR code: the PNG decoded
 * to raw RGBA with sharp, then jsQR. A white margin is added, as paper has,
 * so the code's own quiet zone is not the only one.
 */
export async function decodeQr(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png)
    .extend({ top: 16, bottom: 16, left: 16, right: 16, background: "#ffffff" })
    .flatten({ background: "#ffffff" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const found = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
  return found?.data ?? null;
}
