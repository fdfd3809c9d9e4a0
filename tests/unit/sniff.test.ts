import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SNIFF_BYTES, sniffFileType } from "../../shared/files/sniff";

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));
const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === "string" ? ascii(part) : part)));

/** The leading bytes of real files, followed by a little body. */
const SAMPLES = {
  "image/jpeg": bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF", [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  "image/png": bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], "IHDR", [0, 0, 1, 0]),
  "image/webp": bytes("RIFF", [0x24, 0x10, 0, 0], "WEBPVP8 ", [0x18, 0x10, 0, 0]),
  "application/pdf": bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
  "image/heic": bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic"),
} as const;

describe("sniffFileType", () => {
  it.each(Object.entries(SAMPLES))("recognises %s by its magic bytes", (type, sample) => {
    expect(sniffFileType(sample)).toBe(type);
  });

  it.each(["heix", "mif1", "hevc", "msf1"])("recognises the HEIF brand %s as image/heic", (brand) => {
    expect(sniffFileType(bytes([0, 0, 0, 0x1c], `ftyp${brand}`, [0, 0, 0, 0]))).toBe("image/heic");
  });

  it("does not take other ISO media (MP4, AVIF, QuickTime) for HEIC", () => {
    for (const brand of ["isom", "mp42", "avif", "qt  ", "M4A "]) {
      expect(sniffFileType(bytes([0, 0, 0, 0x18], `ftyp${brand}`, [0, 0, 0, 0]))).toBeNull();
    }
  });

  it("needs no more than SNIFF_BYTES bytes", () => {
    for (const [type, sample] of Object.entries(SAMPLES)) {
      expect(sniffFileType(sample.slice(0, SNIFF_BYTES))).toBe(type);
    }
  });

  it("answers null for every truncated signature instead of guessing or throwing", () => {
    const minimal: Record<string, number> = {
      "image/jpeg": 3,
      "image/png": 8,
      "image/webp": 12,
      "application/pdf": 5,
      "image/heic": 12,
    };
    for (const [type, sample] of Object.entries(SAMPLES)) {
      const needed = minimal[type] ?? 0;
      for (let length = 0; length < needed; length++) {
        expect(sniffFileType(sample.slice(0, length)), `${type} cut to ${length} bytes`).toBeNull();
      }
      expect(sniffFileType(sample.slice(0, needed))).toBe(type);
    }
  });

  it("ignores names and declared types: text, HTML, SVG, ZIP, GIF, BMP, a RIFF WAVE are all unknown", () => {
    const others = [
      bytes("hello, this is not a photo"),
      bytes("<!doctype html><html>"),
      bytes('<svg xmlns="http://www.w3.org/2000/svg">'),
      bytes("PK", [3, 4, 20, 0, 0, 0]),
      bytes("GIF89a", [1, 0, 1, 0]),
      bytes("BM", [0x3a, 0, 0, 0, 0, 0]),
      bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "),
      bytes([0xff, 0xd8]),
      bytes([0x00, 0xff, 0xd8, 0xff]),
      bytes(" %PDF-1.4"),
      new Uint8Array(0),
    ];
    for (const sample of others) expect(sniffFileType(sample)).toBeNull();
  });

  it("never throws and only ever answers a known type or null", () => {
    const known = new Set<string | null>([...Object.keys(SAMPLES), null]);
    const prefixes = fc.constantFrom(...Object.values(SAMPLES).map((sample) => Array.from(sample.slice(0, 8))), []);
    fc.assert(
      fc.property(prefixes, fc.uint8Array({ maxLength: 64 }), fc.nat(80), (prefix, tail, cut) => {
        const input = new Uint8Array([...prefix, ...tail]).subarray(0, cut);
        expect(known.has(sniffFileType(input))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads a view into a larger buffer at its own offset", () => {
    const buffer = new Uint8Array([0, 0, 0, ...SAMPLES["image/png"]]);
    expect(sniffFileType(buffer.subarray(3))).toBe("image/png");
    expect(sniffFileType(buffer)).toBeNull();
  });
});
