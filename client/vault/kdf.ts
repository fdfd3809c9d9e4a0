import type { Wrapped } from "../db/local-db";

/**
 * The key hierarchy, all WebCrypto (these run outside IndexedDB transactions,
 * at sign-in and unlock, so being asynchronous costs nothing):
 *
 *   PIN ──PBKDF2-SHA-256, 600,000 rounds, per-profile salt──┐
 *                                                           ├─HKDF─▶ PIN key ──wraps──▶ data key
 *   unlock secret (from the server at sign-in) ─────────────┘
 *   recovery secret (from the server at each password sign-in) ─HKDF─▶ recovery key ──wraps──▶ data key
 *   device key (non-extractable, stays in IndexedDB) ──wraps──▶ unlock secret
 *
 * Every derived and device key is created non-extractable: script on the page
 * can use it but never read it out. The data key itself must be bytes in
 * memory while unlocked (envelope.ts says why) and is never stored unwrapped.
 */
export const PIN_ITERATIONS = 600_000;

const encoder = new TextEncoder();

function bytes(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(view);
}

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function hkdfKey(material: Uint8Array, salt: Uint8Array, info: string): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey("raw", bytes(material), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    { name: "HKDF", hash: "SHA-256", salt: bytes(salt), info: encoder.encode(info) },
    base,
    { name: "AES-GCM", length: 256 },
    false,
    ["encrypt", "decrypt"],
  );
}

/** The key that wraps the data key for PIN unlocks: needs both the PIN and the server's unlock secret. */
export async function pinKey(
  pin: string,
  salt: Uint8Array,
  iterations: number,
  unlockSecret: Uint8Array,
): Promise<CryptoKey> {
  const pinMaterial = await crypto.subtle.importKey("raw", encoder.encode(pin), "PBKDF2", false, ["deriveBits"]);
  const stretched = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: bytes(salt), iterations },
      pinMaterial,
      256,
    ),
  );
  const joined = new Uint8Array(stretched.length + unlockSecret.length);
  joined.set(stretched);
  joined.set(unlockSecret, stretched.length);
  try {
    return await hkdfKey(joined, salt, "masdarin pin key v1");
  } finally {
    stretched.fill(0);
    joined.fill(0);
  }
}

/** The key that wraps the data key for a password sign-in (the recovery secret is never stored). */
export function recoveryKey(recoverySecret: Uint8Array, salt: Uint8Array): Promise<CryptoKey> {
  return hkdfKey(recoverySecret, salt, "masdarin recovery key v1");
}

export function newDeviceKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

/** Wraps secret bytes under `key`; `purpose` (profile id and role) is authenticated, so wraps cannot be swapped. */
export async function wrap(key: CryptoKey, secret: Uint8Array, purpose: string): Promise<Wrapped> {
  const iv = randomBytes(12);
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(purpose) }, key, bytes(secret)),
  );
  return { iv, ct };
}

/** Unwraps, or null when the key is wrong (a wrong PIN) or the wrap was altered. */
export async function unwrap(key: CryptoKey, wrapped: Wrapped, purpose: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: bytes(wrapped.iv), additionalData: encoder.encode(purpose) },
        key,
        bytes(wrapped.ct),
      ),
    );
  } catch {
    return null;
  }
}
