/** No 0/O, 1/l/I: a password read out or copied from paper must survive it. */
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** A random password of three groups of four, e.g. "k7wp-3nfa-q9xe" (60 random bits), for a first sign-in. */
export function generatePassword(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}
