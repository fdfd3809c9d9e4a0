/**
 * SHA-256 of a page's bytes, as 64 lowercase hex characters: the page's
 * identity for dedup and the integrity check the server repeats before it
 * accepts an upload. Computed on the device with crypto.subtle.
 *
 * crypto.subtle exists only in secure contexts (https, localhost); a plain-http
 * LAN install falls back to @noble/hashes (audited, same result, slower),
 * loaded only in that case.
 */
export async function sha256Hex(data: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return toHex(new Uint8Array(await subtle.digest("SHA-256", bytes)));
  return toHex(await sha256Fallback(bytes));
}

/** The JavaScript SHA-256 used where crypto.subtle is missing. Exported for the tests. */
export async function sha256Fallback(message: Uint8Array): Promise<Uint8Array> {
  const { sha256 } = await import("@noble/hashes/sha2.js");
  return sha256(message);
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
