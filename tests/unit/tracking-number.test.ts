import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { JAKARTA_DISTRICTS } from "../../shared/regions/data/jakarta";
import {
  checkCharacter,
  newTrackingNumber,
  parseTrackingNumber,
  RANDOM_BITS,
  RANDOM_CHARS,
  TRACKING_ALPHABET,
  trackingPath,
} from "../../shared/tracking/number";
import { allTrackingPrefixes, FALLBACK_PREFIX, trackingPrefix } from "../../shared/tracking/prefix";
import { seededRandom } from "../helpers/seeded-random";

const AMBIGUOUS = ["0", "O", "1", "I", "L"];
const PREFIXES = [...allTrackingPrefixes().values(), FALLBACK_PREFIX];
const SHAPE = /^[A-Z]{3}-[2-9A-Z]{5}-[2-9A-Z]{5}$/;

/** Random bytes from a seed: the same numbers on every run. */
function seededBytes(seed: number): (n: number) => Uint8Array {
  const random = seededRandom(seed);
  return (n) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
}

/** Numbers over every office prefix, from seeded bytes. */
function sampleNumbers(count: number, seed: number): string[] {
  const bytes = seededBytes(seed);
  return Array.from({ length: count }, (_, i) => newTrackingNumber(PREFIXES[i % PREFIXES.length] as string, bytes));
}

const compact = (number: string) => number.replaceAll("-", "");
const withChar = (text: string, at: number, char: string) => text.slice(0, at) + char + text.slice(at + 1);

describe("tracking numbers", () => {
  it("are grouped, typeable and parse back to themselves", () => {
    for (const number of sampleNumbers(500, 1)) {
      expect(number).toMatch(SHAPE);
      expect(parseTrackingNumber(number)).toEqual({ ok: true, number });
      expect(trackingPath(number)).toBe(`/lacak/${number}`);
    }
  });

  it("never use an ambiguous character (0, O, 1, I, L), in the alphabet or in 10,000 numbers", {
    timeout: 60_000,
  }, () => {
    for (const char of AMBIGUOUS) expect(TRACKING_ALPHABET).not.toContain(char);
    expect(new Set(TRACKING_ALPHABET).size).toBe(31);
    for (let i = 0; i < 10_000; i++) {
      const number = newTrackingNumber(PREFIXES[i % PREFIXES.length] as string, (n) => randomBytes(n));
      for (const char of AMBIGUOUS) expect(number).not.toContain(char);
      expect(number).toMatch(SHAPE);
    }
  });

  it("carry at least 40 random bits, each character uniform over the alphabet", { timeout: 60_000 }, () => {
    expect(RANDOM_CHARS).toBe(9);
    expect(RANDOM_BITS).toBeGreaterThanOrEqual(40);
    expect(RANDOM_BITS).toBeCloseTo(9 * Math.log2(31), 6);
    // Chi-square over 90,000 drawn characters (30 degrees of freedom): a plain `byte % 31` without
    // redrawing the top of the byte range would favour 8 characters by 1/8 and score in the hundreds.
    const counts = new Map<string, number>();
    for (const number of sampleNumbers(10_000, 2)) {
      for (const char of compact(number).slice(3, 3 + RANDOM_CHARS)) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    expect(counts.size).toBe(31);
    const expected = 90_000 / 31;
    const chiSquare = [...counts.values()].reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(80);
  });

  it("catch every single substituted character: all 13 positions × all 30 other characters", {
    timeout: 60_000,
  }, () => {
    let tried = 0;
    for (const number of sampleNumbers(300, 3)) {
      const text = compact(number);
      for (let at = 0; at < text.length; at++) {
        for (const char of TRACKING_ALPHABET) {
          if (char === text[at]) continue;
          const parsed = parseTrackingNumber(withChar(text, at, char));
          tried++;
          // A digit in the office prefix is not a number's shape at all; anywhere else the check character speaks.
          expect(parsed).toEqual({
            ok: false,
            code: at < 3 && /\d/.test(char) ? "tracking_malformed" : "tracking_mistyped",
          });
        }
      }
    }
    expect(tried).toBe(300 * 13 * 30);
  });

  it("catch every swap of two neighbouring different characters, across the dashes too", { timeout: 60_000 }, () => {
    let tried = 0;
    for (const number of sampleNumbers(2_000, 4)) {
      const text = compact(number);
      for (let at = 0; at + 1 < text.length; at++) {
        const [a, b] = [text[at] as string, text[at + 1] as string];
        if (a === b) continue;
        const swapped = text.slice(0, at) + b + a + text.slice(at + 2);
        // Typed back with the dashes where the reader expects them.
        const grouped = `${swapped.slice(0, 3)}-${swapped.slice(3, 8)}-${swapped.slice(8)}`;
        const parsed = parseTrackingNumber(grouped);
        tried++;
        expect(parsed.ok).toBe(false);
        if (!/\d/.test(swapped.slice(0, 3))) expect(parsed).toEqual({ ok: false, code: "tracking_mistyped" });
      }
    }
    expect(tried).toBeGreaterThan(2_000 * 11);
  });

  it("the check character is the only one that completes a number", () => {
    for (const number of sampleNumbers(200, 5)) {
      const text = compact(number);
      const body = text.slice(0, -1);
      expect(checkCharacter(body)).toBe(text.at(-1));
      const completing = [...TRACKING_ALPHABET].filter((char) => parseTrackingNumber(body + char).ok);
      expect(completing).toEqual([text.at(-1)]);
    }
  });

  it("read lowercase, spaces, dots, other dashes and missing dashes as the same number", () => {
    for (const number of sampleNumbers(50, 6)) {
      const text = compact(number);
      for (const typed of [
        number.toLowerCase(),
        text,
        text.toLowerCase(),
        ` ${number.replaceAll("-", " ")} `,
        number.replaceAll("-", "."),
        number.replaceAll("-", "–"),
        `${text.slice(0, 3)} ${text.slice(3, 8)}-${text.slice(8).toLowerCase()}`,
        // Full-width letters from some phone keyboards (NFKC folds them).
        [...number]
          .map((char) => (char === "-" ? char : String.fromCodePoint((char.codePointAt(0) ?? 0) + 0xfee0)))
          .join(""),
      ]) {
        expect(parseTrackingNumber(typed)).toEqual({ ok: true, number });
      }
    }
  });

  it("refuse the wrong length or characters as malformed, never guessing a character", () => {
    const [number] = sampleNumbers(1, 7);
    const text = compact(number as string);
    const malformed = [
      "",
      " ",
      "-",
      text.slice(0, -1),
      `${text}2`,
      `${text}${text}`,
      text.slice(3),
      "DRS",
      // Letters and digits a number never uses: an O is not silently a 0.
      ...AMBIGUOUS.map((char) => withChar(text, 6, char)),
      withChar(text, 6, "o"),
      withChar(text, 6, "l"),
      withChar(text, 4, "#"),
      withChar(text, 4, "é"),
      withChar(text, 4, "😀"),
      withChar(text, 4, "\u0000"),
      `${text.slice(0, 5)}/${text.slice(5)}`,
      "X".repeat(10_000),
      // A prefix is three letters.
      `2${text.slice(1)}`,
    ];
    for (const typed of malformed)
      expect(parseTrackingNumber(typed), JSON.stringify(typed)).toEqual({
        ok: false,
        code: "tracking_malformed",
      });
  });

  it("refuse a prefix that is not three letters of the alphabet when making one", () => {
    for (const prefix of ["", "DR", "DRSX", "DR0", "DRO", "dr s", "123"]) {
      expect(() => newTrackingNumber(prefix, (n) => randomBytes(n))).toThrow();
    }
  });
});

describe("office prefixes", () => {
  it("give every Jakarta kecamatan its own three letters from the alphabet", () => {
    const prefixes = allTrackingPrefixes();
    expect(prefixes.size).toBe(JAKARTA_DISTRICTS.length);
    for (const [code] of JAKARTA_DISTRICTS) expect(prefixes.has(code)).toBe(true);
    const letters = new Set([...TRACKING_ALPHABET].filter((char) => /[A-Z]/.test(char)));
    for (const prefix of prefixes.values()) {
      expect(prefix).toMatch(/^[A-Z]{3}$/);
      for (const char of prefix) expect(letters.has(char)).toBe(true);
      expect(prefix).not.toBe(FALLBACK_PREFIX);
    }
    expect(new Set(prefixes.values()).size).toBe(prefixes.size);
  });

  it("name the kecamatan (its first letter) and fall back for an unknown office", () => {
    for (const [code, name] of JAKARTA_DISTRICTS) {
      const prefix = trackingPrefix(code);
      expect(prefix).toBe(allTrackingPrefixes().get(code));
      const first = [...name.toUpperCase()].find((char) => /[A-Z]/.test(char) && TRACKING_ALPHABET.includes(char));
      expect(prefix[0]).toBe(first);
    }
    for (const unknown of [null, undefined, "", "31.99.99", "32.01.01"])
      expect(trackingPrefix(unknown)).toBe(FALLBACK_PREFIX);
  });

  it("start the numbers of their office", () => {
    for (const [code] of JAKARTA_DISTRICTS) {
      expect(newTrackingNumber(trackingPrefix(code), (n) => randomBytes(n)).slice(0, 3)).toBe(trackingPrefix(code));
    }
  });
});
