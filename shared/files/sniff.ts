/**
 * Content sniffing for uploaded pages. The phone (client/photos) and the server
 * both decide what a file is from its first bytes, never from its name or its
 * declared MIME type: a renamed text file is not a JPEG, and a HEIC photo named
 * `.jpg` is still a HEIC photo.
 *
 * Pure and total: any byte array (empty, truncated, random) gives an answer,
 * never an exception. 16 bytes are enough for every format recognised here.
 */

export type SniffedType = "image/jpeg" | "image/png" | "image/webp" | "image/heic" | "application/pdf";

/** How many leading bytes `sniffFileType` looks at; reading more changes nothing. */
export const SNIFF_BYTES = 16;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/**
 * HEIF major brands of still photos (and sequences) as phones write them:
 * iPhones write `heic`, some Android phones `heix` or the generic `mif1`.
 */
const HEIF_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

function hasBytes(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  if (bytes.length < offset + expected.length) return false;
  return expected.every((value, index) => bytes[offset + index] === value);
}

function hasAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let index = 0; index < text.length; index++) {
    if (bytes[offset + index] !== text.charCodeAt(index)) return false;
  }
  return true;
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  let text = "";
  for (let index = offset; index < offset + length && index < bytes.length; index++) {
    text += String.fromCharCode(bytes[index] as number);
  }
  return text;
}

/** The real type of a file from its first bytes, or null when it is none of the accepted formats. */
export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  if (hasBytes(bytes, 0, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (hasBytes(bytes, 0, PNG_SIGNATURE)) return "image/png";
  if (hasAscii(bytes, 0, "RIFF") && hasAscii(bytes, 8, "WEBP")) return "image/webp";
  if (hasAscii(bytes, 0, "%PDF-")) return "application/pdf";
  // ISO base media file: a 4-byte box size, then `ftyp` and the major brand.
  if (hasAscii(bytes, 4, "ftyp") && bytes.length >= 12 && HEIF_BRANDS.has(ascii(bytes, 8, 4))) return "image/heic";
  return null;
}
