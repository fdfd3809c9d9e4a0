/**
 * Masks what could name a respondent in a free-text suggestion before it is
 * stored: a suggestion is read by the office and exported to CSV, and a
 * survey is anonymous. Caught: NIK/KK-like runs of 16 digits (also written
 * with spaces, dots or dashes), Indonesian phone numbers (08…, +62…, 62…)
 * and e-mail addresses. Names cannot be told from ordinary words and are left.
 */
export const REDACTED = "[disamarkan]";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** 16 digits, possibly grouped by single spaces, dots or dashes (3171 0152 0390 0001). */
const ID_NUMBER = /(?<![\p{N}])\d(?:[ .-]?\d){15}(?![\p{N}])/gu;
/** 08…, +62 8…, 62 8…, (021) … numbers: 9 to 13 digits after the prefix's first digit, loosely grouped. */
const PHONE = /(?<![\p{N}+])\(?(?:\+62|62|0)[ .-]?\(?\d{1,4}\)?(?:[ .-]?\d){6,11}(?![\p{N}])/gu;

export function redactSuggestion(text: string): string {
  return text.replace(EMAIL, REDACTED).replace(ID_NUMBER, REDACTED).replace(PHONE, REDACTED);
}
