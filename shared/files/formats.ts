/**
 * One rule for file formats, from the guide down to the upload: the formats a
 * guide may list, the page types a draft may hold, and what the upload server
 * stores are all read from this table, so a format a guide accepts is never
 * refused further down.
 */

/** Formats a guide names in `acceptance.formats`, and the page types each one accepts. */
export const FORMAT_MIMES = {
  /** Photos: a phone re-encodes camera pictures as JPEG or WebP; both are "a JPG photo" to an office. */
  jpg: ["image/jpeg", "image/webp"],
  png: ["image/png"],
  pdf: ["application/pdf"],
} as const;

export type GuideFormat = keyof typeof FORMAT_MIMES;
export const GUIDE_FORMATS = Object.keys(FORMAT_MIMES) as [GuideFormat, ...GuideFormat[]];

/** Every page type a draft may hold and the upload server may store. */
export const PAGE_MIMES = ["image/jpeg", "image/webp", "image/png", "application/pdf"] as const;
export type PageMimeType = (typeof PAGE_MIMES)[number];

/** Page types that are pictures (decoded and size-checked on both sides); the rest are documents (PDF). */
export const IMAGE_MIMES: readonly PageMimeType[] = ["image/jpeg", "image/webp", "image/png"];

/** The page types that satisfy a requirement's formats (all of them when the guide names none). */
export function mimesForFormats(formats: readonly string[] | undefined): ReadonlySet<string> {
  if (!formats || formats.length === 0) return new Set(PAGE_MIMES);
  return new Set(
    formats.flatMap((format) => (Object.hasOwn(FORMAT_MIMES, format) ? FORMAT_MIMES[format as GuideFormat] : [])),
  );
}

/**
 * Readability of a photographed page: a document photo whose long edge is
 * shorter than this cannot be read at the counter. The phone refuses it before
 * storing the page; the server refuses it at upload.
 */
export const MIN_IMAGE_LONG_EDGE = 1000;
/** Pixels beyond this are a decompression bomb, not a document photo (a 50 MP camera is 8,192 × 6,144). */
export const MAX_IMAGE_PIXELS = 60_000_000;
/** The longest edge an operator's browser is ever sent; larger stored images are served scaled down. */
export const MAX_SERVED_LONG_EDGE = 2400;
