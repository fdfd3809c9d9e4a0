import { JAKARTA_DISTRICTS } from "../regions/data/jakarta";
import { isPrefix, TRACKING_ALPHABET } from "./number";

/** The prefix of a file whose office is not a known Jakarta kecamatan. */
export const FALLBACK_PREFIX = "MSD";
/** Complaint numbers (pengaduan) share the tracking number's format and page, under their own prefix. */
export const COMPLAINT_PREFIX = "ADU";

const LETTERS = new Set([...TRACKING_ALPHABET].filter((char) => /[A-Z]/.test(char)));
const VOWELS = new Set(["A", "E", "U"]);

/**
 * Three-letter candidates for a name, best first: its first letter, then its
 * consonants in order ("Duren Sawit" → DRN, DRS…), then any letters. Letters
 * the alphabet lacks (I, L, O) are skipped, so a prefix is typed like the rest.
 */
function candidates(name: string): string[] {
  const letters = [...name.toUpperCase()].filter((char) => LETTERS.has(char));
  const first = letters[0];
  if (!first) return [];
  const rest = letters.slice(1);
  const consonants = rest.filter((char) => !VOWELS.has(char));
  const out: string[] = [];
  for (const pool of [consonants, rest]) {
    for (let i = 0; i < pool.length; i++) {
      for (let j = i + 1; j < pool.length; j++) out.push(first + pool[i] + pool[j]);
    }
  }
  return out;
}

/**
 * One prefix per Jakarta kecamatan, unique, assigned in code order from the
 * official list (shared/regions): the same on every machine, so a number read
 * on the phone names the same office the server gave it.
 */
const PREFIXES: ReadonlyMap<string, string> = (() => {
  const taken = new Set([FALLBACK_PREFIX, COMPLAINT_PREFIX]);
  const byCode = new Map<string, string>();
  const sorted = [...JAKARTA_DISTRICTS].sort(([a], [b]) => a.localeCompare(b));
  for (const [code, name] of sorted) {
    const prefix = candidates(name).find((candidate) => isPrefix(candidate) && !taken.has(candidate));
    if (!prefix) throw new Error(`no tracking prefix for ${name}`);
    taken.add(prefix);
    byCode.set(code, prefix);
  }
  return byCode;
})();

/** The office prefix of a file's kecamatan ("31.75.07" → e.g. "DRN"). */
export function trackingPrefix(kecamatanCode: string | null | undefined): string {
  return (kecamatanCode && PREFIXES.get(kecamatanCode)) || FALLBACK_PREFIX;
}

/** Every kecamatan's prefix, for the tests that hold them unique and typeable. */
export function allTrackingPrefixes(): ReadonlyMap<string, string> {
  return PREFIXES;
}

/** Whether a parsed number is a complaint's (it is looked up among complaints, not files). */
export function isComplaintNumber(number: string): boolean {
  return number.startsWith(`${COMPLAINT_PREFIX}-`);
}
