import { PREFIX_LENGTH, parseTrackingNumber, RANDOM_CHARS, TRACKING_ALPHABET } from "../tracking/number";

/**
 * How the queue's search box reads what the operator typed: a name, a NIK
 * (typed with spaces, dots or dashes as it is printed, searched by its
 * canonical digits, as submitted files store it), a tracking number (whole,
 * in any case, with or without its dashes: shared/tracking/number.ts; or
 * without its office prefix, as read off a phone: "7K4MX-2QP9A") or the file
 * id's first characters.
 */
export interface SearchTerms {
  /** A fragment of the applicant's name, spaces collapsed; null when the term cannot be a name (digits only). */
  name: string | null;
  /** The NIK's digits, whole (16) or its start; null when the term is not digits. */
  nikDigits: string | null;
  /** The start of a file id, lower case; null when the term is not one. */
  idPrefix: string | null;
  /** A tracking number in its canonical form ("DRS-7K4MX-2QP9A"); null unless the term is one, check character and all. */
  trackingNumber: string | null;
  /**
   * A tracking number without its office prefix: the nine random characters
   * and the check character, upper case, no dashes ("7K4MX2QP9A"); null unless
   * the term is exactly ten characters of the numbers' alphabet.
   */
  trackingBody: string | null;
}

const BODY_LENGTH = RANDOM_CHARS + 1;
const BODY = new RegExp(`^[${TRACKING_ALPHABET}]{${BODY_LENGTH}}$`);
/** What people type between a number's groups (as parseTrackingNumber drops them). */
const SEPARATORS = /[\s.\-‐‑‒–—]/g;

/** Shortest NIK start or id prefix worth searching: fewer digits would match half the queue. */
export const MIN_NUMBER_LENGTH = 4;
export const MAX_SEARCH_LENGTH = 100;

export function searchTerms(raw: string): SearchTerms {
  const text = raw.normalize("NFKC").trim().replace(/\s+/g, " ");
  const numeric = /^[\d\s.-]+$/.test(text);
  const digits = numeric ? text.replace(/\D/g, "") : "";
  const compact = text.toLowerCase().replace(/\s/g, "");
  const tracking = parseTrackingNumber(text);
  const body = text.toUpperCase().replace(SEPARATORS, "");
  return {
    name: numeric || text.length < 2 ? null : text,
    nikDigits: digits.length >= MIN_NUMBER_LENGTH && digits.length <= 16 ? digits : null,
    idPrefix: /^[0-9a-f-]+$/.test(compact) && compact.replace(/-/g, "").length >= MIN_NUMBER_LENGTH ? compact : null,
    trackingNumber: tracking.ok ? tracking.number : null,
    trackingBody: BODY.test(body) ? body : null,
  };
}

/**
 * The whole numbers the term can be: the number typed whole, and a typed
 * body under each office prefix for which the check character holds (the
 * check character covers the prefix, so a body fits its own and about one
 * in 31 of the others: two or three of the 45 to compare exactly). Scope is
 * the caller's to keep (the server's slice conditions).
 */
export function trackingCandidates(terms: SearchTerms, prefixes: Iterable<string>): string[] {
  const out = new Set<string>();
  if (terms.trackingNumber) out.add(terms.trackingNumber);
  if (terms.trackingBody) {
    for (const prefix of prefixes) {
      if (prefix.length !== PREFIX_LENGTH) continue;
      const parsed = parseTrackingNumber(prefix + terms.trackingBody);
      if (parsed.ok) out.add(parsed.number);
    }
  }
  return [...out];
}

/** Whether the term can match anything at all (a lone letter or two digits cannot). */
export function searchable(terms: SearchTerms): boolean {
  return (
    terms.name !== null ||
    terms.nikDigits !== null ||
    terms.idPrefix !== null ||
    terms.trackingNumber !== null ||
    terms.trackingBody !== null
  );
}
