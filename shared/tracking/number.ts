/**
 * Tracking numbers a neighbour can read aloud and type on a phone keyboard:
 * `DRS-7K4MX-2QP9A`, an office prefix, nine random characters and one check
 * character, grouped by five.
 *
 * The alphabet leaves out 0/O and 1/I/L, which people and fonts confuse. It
 * has 31 characters, a prime, so a weighted sum modulo 31 with distinct
 * non-zero weights (1, 2, 3…) catches every single substituted character and
 * every swap of two neighbours, across the dashes too: a substitution changes
 * the sum by (a−b)·w and a swap by (a−b)·(wᵢ−wᵢ₊₁) = ±(a−b), neither a multiple
 * of 31. Nine random characters are 9 × log₂31 ≈ 44.6 bits: trying numbers
 * finds nothing (and the public lookup is rate limited besides).
 */
export const TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const BASE = TRACKING_ALPHABET.length; // 31
export const RANDOM_CHARS = 9;
export const PREFIX_LENGTH = 3;
/** Bits of randomness in a number (≥ 40 by design). */
export const RANDOM_BITS = RANDOM_CHARS * Math.log2(BASE);

const VALUE = new Map([...TRACKING_ALPHABET].map((char, value) => [char, value]));

/** A canonical number, e.g. "DRS-7K4MX-2QP9A". */
export type TrackingNumber = string & { readonly __tracking: unique symbol };

export type TrackingParse =
  | { ok: true; number: TrackingNumber }
  /** malformed: not the shape of a number (length, characters); mistyped: the check character disagrees. */
  | { ok: false; code: "tracking_malformed" | "tracking_mistyped" };

function weightedSum(chars: string): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) sum += (VALUE.get(chars[i] as string) ?? 0) * (i + 1);
  return sum % BASE;
}

/** The inverse of w modulo 31 (31 is prime: w^(31−2)). */
function inverse(w: number): number {
  let result = 1;
  for (let i = 0; i < BASE - 2; i++) result = (result * w) % BASE;
  return result;
}

/** The character that makes the weighted sum of prefix + body + check a multiple of 31. */
export function checkCharacter(prefixAndBody: string): string {
  const weight = prefixAndBody.length + 1;
  const value = ((BASE - weightedSum(prefixAndBody)) * inverse(weight % BASE)) % BASE;
  return TRACKING_ALPHABET[value] as string;
}

function group(compact: string): TrackingNumber {
  const prefix = compact.slice(0, PREFIX_LENGTH);
  const rest = compact.slice(PREFIX_LENGTH);
  return `${prefix}-${rest.slice(0, 5)}-${rest.slice(5)}` as TrackingNumber;
}

/**
 * A new number for an office prefix. `randomBytes(n)` must be a
 * cryptographic source (node:crypto or crypto.getRandomValues); bytes of 248
 * and above are drawn again so each character is uniform over the 31.
 */
export function newTrackingNumber(prefix: string, randomBytes: (n: number) => Uint8Array): TrackingNumber {
  if (!isPrefix(prefix)) throw new Error(`not a tracking prefix: ${prefix}`);
  let body = "";
  while (body.length < RANDOM_CHARS) {
    for (const byte of randomBytes(16)) {
      if (byte >= BASE * 8 || body.length === RANDOM_CHARS) continue;
      body += TRACKING_ALPHABET[byte % BASE];
    }
  }
  const compact = prefix + body;
  return group(compact + checkCharacter(compact));
}

export function isPrefix(prefix: string): boolean {
  return prefix.length === PREFIX_LENGTH && [...prefix].every((char) => /[A-Z]/.test(char) && VALUE.has(char));
}

/**
 * Reads what a person typed or a QR carried: any case, with or without
 * dashes, spaces or dots between groups. Never guesses a character the
 * alphabet does not have (an O is not silently a 0): it is malformed, and the
 * page says which characters numbers never use.
 */
export function parseTrackingNumber(input: string): TrackingParse {
  const compact = input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s.\-‐‑‒–—]/g, "");
  const length = PREFIX_LENGTH + RANDOM_CHARS + 1;
  if (compact.length !== length || ![...compact].every((char) => VALUE.has(char))) {
    return { ok: false, code: "tracking_malformed" };
  }
  if (!isPrefix(compact.slice(0, PREFIX_LENGTH))) return { ok: false, code: "tracking_malformed" };
  if (weightedSum(compact) !== 0) return { ok: false, code: "tracking_mistyped" };
  return { ok: true, number: group(compact) };
}

/** The path of a number's public status page: what the QR code on the handover summary carries. */
export function trackingPath(number: TrackingNumber | string): string {
  return `/lacak/${encodeURIComponent(number)}`;
}
