import { randomBytes } from "node:crypto";
import sharp from "sharp";

/**
 * Real images for server tests and benchmarks, encoded by sharp: the server
 * decodes every uploaded picture, so random bytes behind a magic number are
 * no longer a photo.
 */

export type ImageFormat = "jpeg" | "png" | "webp";
type Bytes = Uint8Array<ArrayBuffer>;

/**
 * A document-like picture: pale paper with dark strokes like lines of print
 * and a little grain, drawn in JS (fast, deterministic) and encoded by sharp.
 * `grain` is peak-to-peak noise in 8-bit levels: more grain, bigger files.
 */
export async function documentImage(
  width: number,
  height: number,
  format: ImageFormat = "jpeg",
  { quality = 85, grain = 12, seed = 1 }: { quality?: number; grain?: number; seed?: number } = {},
): Promise<Bytes> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed >>> 0 || 1;
  const lineHeight = Math.max(4, Math.round(height / 60));
  for (let y = 0; y < height; y++) {
    const printed = y % lineHeight < lineHeight / 3 && y > height / 10;
    for (let x = 0; x < width; x++) {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      const noise = ((state >>> 24) / 255 - 0.5) * grain;
      const ink = printed && (x * 7 + y * 3) % 23 < 12 && x > width / 12 && x < width - width / 12;
      const level = (ink ? 40 : 232 - (40 * (x + y)) / (width + height)) + noise;
      const at = (y * width + x) * 3;
      pixels[at] = level;
      pixels[at + 1] = level - 4;
      pixels[at + 2] = level - 14;
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  const encoded =
    format === "jpeg"
      ? image.jpeg({ quality })
      : format === "webp"
        ? image.webp({ quality })
        : image.png({ compressionLevel: 6 });
  return new Uint8Array(await encoded.toBuffer());
}

/** A flat picture: tiny files (a 1000 × 750 JPEG is under 5 KB). */
export async function plainImage(width: number, height: number, format: ImageFormat = "jpeg"): Promise<Bytes> {
  const image = sharp({ create: { width, height, channels: 3, background: "#e8e2d0" } });
  const encoded = format === "jpeg" ? image.jpeg({ quality: 30 }) : format === "webp" ? image.webp() : image.png();
  return new Uint8Array(await encoded.toBuffer());
}

/**
 * `image` followed by random bytes up to `size`: still the same picture (a
 * decoder stops at its end marker, as it does for the trailers some cameras
 * append), but every call gives different content, so a different hash.
 */
export function padded(image: Uint8Array, size: number): Bytes {
  if (size < image.byteLength) throw new Error(`the image alone has ${image.byteLength} bytes`);
  const out = new Uint8Array(size);
  out.set(image, 0);
  out.set(randomBytes(size - image.byteLength), image.byteLength);
  return out;
}

/** A JPEG with its EXIF orientation set (6: seen turned 90° clockwise, so width and height swap). */
export async function withOrientation(jpeg: Uint8Array, orientation: number): Promise<Bytes> {
  return new Uint8Array(await sharp(jpeg).jpeg().withMetadata({ orientation }).toBuffer());
}

/**
 * A decompression bomb: a small real JPEG whose frame header (SOF0–SOF3)
 * claims `width` × `height`. Its few bytes could never fill that, but a
 * decoder that trusts the header allocates for it.
 */
export function jpegDeclaring(jpeg: Uint8Array, width: number, height: number): Bytes {
  const out = new Uint8Array(jpeg);
  const view = new DataView(out.buffer);
  let at = 2;
  while (at + 9 < out.byteLength && out[at] === 0xff) {
    const marker = out[at + 1] as number;
    if (marker >= 0xc0 && marker <= 0xc3) {
      // FF Cx, length (2), precision (1), height (2), width (2).
      view.setUint16(at + 5, height);
      view.setUint16(at + 7, width);
      return out;
    }
    at += 2 + view.getUint16(at + 2);
  }
  throw new Error("no SOF segment found");
}

/** The first `share` of a file: a photo whose upload was cut off, then sent as if complete. */
export function truncated(data: Uint8Array, share = 0.6): Bytes {
  return new Uint8Array(data.subarray(0, Math.floor(data.byteLength * share)));
}

/** Width and height of an encoded image as sharp reads them (EXIF orientation applied). */
export async function imageSize(data: Uint8Array): Promise<{ width: number; height: number; format: string }> {
  const metadata = await sharp(data, { limitInputPixels: false }).metadata();
  return {
    width: metadata.autoOrient?.width ?? metadata.width,
    height: metadata.autoOrient?.height ?? metadata.height,
    format: metadata.format,
  };
}
