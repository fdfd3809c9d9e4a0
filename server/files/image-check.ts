/**
 * Decoding uploaded pictures on the server (sharp/libvips), so that what is
 * stored and forwarded to an office is an image someone can read:
 *
 * - the header is read first, never the pixels: its real format must be the
 *   one sniffed and declared, and its size (as seen, EXIF orientation applied)
 *   must be neither a decompression bomb (more than MAX_IMAGE_PIXELS, refused
 *   before a single pixel is decoded) nor too small to read (long edge under
 *   MIN_IMAGE_LONG_EDGE);
 * - only then is every row decoded, under libvips's own pixel limit and
 *   failing on decoder warnings, so a truncated or damaged file, or one whose
 *   header claims more pixels than its data holds, is refused instead of being
 *   stored with a size it does not have. Rows are decoded one strip at a time
 *   up to the last one (sequential read), so no full-size bitmap is held.
 *   Not shrunk on load: a scaled decode stops short of the last rows, where a
 *   lie about the size shows. The phone re-encodes every photo, so a decoder
 *   warning means the file is damaged, never a quirk of a camera.
 *
 * Nothing here logs; errors from libvips (which may name paths) are turned
 * into result codes.
 */
import sharp from "sharp";
import { IMAGE_MIMES, MAX_IMAGE_PIXELS, MIN_IMAGE_LONG_EDGE, type PageMimeType } from "../../shared/files/formats";

export type ImageMime = "image/jpeg" | "image/png" | "image/webp";

/** Why a picture is refused; the codes are the API's (shared/api/errors.ts). */
export type ImageRefusalCode = "image_too_small" | "image_too_large" | "image_unreadable" | "type_mismatch";

export interface ImageSize {
  /** As the image is seen: EXIF orientation 5–8 swaps the stored width and height. */
  width: number;
  height: number;
}

export type ImageCheck = ({ ok: true } & ImageSize) | { ok: false; code: ImageRefusalCode };

// No libvips operation cache: every upload is decoded once, and a cache would keep files open (and
// their disk space held) after an upload is moved or deleted, and hold decoded pixels in memory.
sharp.cache(false);

const SHARP_FORMATS: Readonly<Record<string, ImageMime>> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };

export function isImageMime(mime: string): mime is ImageMime {
  return (IMAGE_MIMES as readonly string[]).includes(mime);
}

export interface ImageHeader extends ImageSize {
  /** The format libvips recognised, or null when it is none of the page formats (GIF, HEIF, SVG...). */
  mime: ImageMime | null;
  /** As the pixels are stored, before EXIF orientation: what a decode reads row by row. */
  stored: ImageSize;
}

/**
 * Format and size from the file's header alone, or null when the header cannot
 * be read. No pixel limit here: a bomb must be measured to be refused as one.
 */
export async function readImageHeader(path: string): Promise<ImageHeader | null> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(path, { limitInputPixels: false }).metadata();
  } catch {
    return null;
  }
  const stored = { width: metadata.width, height: metadata.height };
  const width = metadata.autoOrient?.width ?? stored.width;
  const height = metadata.autoOrient?.height ?? stored.height;
  if (![width, height, stored.width, stored.height].every((n) => Number.isInteger(n) && n >= 1)) return null;
  return { mime: SHARP_FORMATS[metadata.format] ?? null, width, height, stored };
}

/** Whether an image of this size may be decoded at all. */
export function isBomb({ width, height }: ImageSize): boolean {
  return width * height > MAX_IMAGE_PIXELS;
}

/**
 * Checks a complete upload whose first bytes were sniffed as `expected` (an
 * image type): the verdict, and the size to record when it is accepted.
 */
export async function checkImage(path: string, expected: PageMimeType): Promise<ImageCheck> {
  const header = await readImageHeader(path);
  if (!header) return { ok: false, code: "image_unreadable" };
  if (header.mime !== expected) return { ok: false, code: "type_mismatch" };
  if (isBomb(header)) return { ok: false, code: "image_too_large" };
  if (Math.max(header.width, header.height) < MIN_IMAGE_LONG_EDGE) return { ok: false, code: "image_too_small" };
  try {
    // Only the last row is kept, but reaching it decodes every row before it.
    const { width, height } = header.stored;
    await sharp(path, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "warning", sequentialRead: true })
      .extract({ left: 0, top: height - 1, width, height: 1 })
      .raw()
      .toBuffer();
  } catch {
    // Truncated data, a broken stream ("premature end of data"), or a header that lied about the size.
    return { ok: false, code: "image_unreadable" };
  }
  return { ok: true, width: header.width, height: header.height };
}
