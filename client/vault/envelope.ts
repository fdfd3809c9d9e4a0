import { gcm } from "@noble/ciphers/aes.js";
import { decodeRecord, encodeRecord } from "./record-codec";

/**
 * One record, sealed with AES-256-GCM under the profile's data key.
 *
 * - A fresh random 96-bit IV per write (crypto.getRandomValues): with random
 *   IVs one key is good for 2^32 writes, far beyond a phone's lifetime of edits.
 * - The additional data binds the ciphertext to where it lives: the profile,
 *   the table, the record's primary key and its write version. A record copied
 *   under another id, into another table or another cadre's profile, or with
 *   its version changed, fails authentication instead of decrypting.
 *
 * Synchronous on purpose (@noble/ciphers, audited): WebCrypto is asynchronous,
 * and awaiting anything but IndexedDB inside a transaction lets the
 * transaction commit under us (Dexie #374). The sealing runs inside Dexie's
 * DBCore layer, so it must finish in the same task.
 */
export interface Sealed {
  /** Envelope format. */
  f: 1;
  /** The record's write version, bound into the additional data. */
  v: number;
  iv: Uint8Array;
  ct: Uint8Array;
}

export interface RecordPlace {
  profileId: string;
  table: string;
  key: IDBValidKey;
  version: number;
}

const encoder = new TextEncoder();

export function additionalData(place: RecordPlace): Uint8Array {
  return encoder.encode(JSON.stringify(["masdarin-vault-1", place.profileId, place.table, place.key, place.version]));
}

export function sealRecord(key: Uint8Array, place: RecordPlace, value: Record<string, unknown>): Sealed {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = gcm(key, iv, additionalData(place)).encrypt(encodeRecord(value));
  return { f: 1, v: place.version, iv, ct };
}

/** Throws when the key is wrong or anything about the record or its place was changed. */
export function openRecord(
  key: Uint8Array,
  place: Omit<RecordPlace, "version">,
  sealed: Sealed,
): Record<string, unknown> {
  const plain = gcm(key, sealed.iv, additionalData({ ...place, version: sealed.v })).decrypt(sealed.ct);
  return decodeRecord(plain);
}

export function isSealed(value: unknown): value is Sealed {
  const sealed = (value as { f?: unknown; iv?: unknown; ct?: unknown } | null) ?? null;
  return sealed !== null && sealed.f === 1 && sealed.iv instanceof Uint8Array && sealed.ct instanceof Uint8Array;
}
