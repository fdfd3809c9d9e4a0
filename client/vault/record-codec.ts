/**
 * A stored record as one byte string to encrypt. JSON carries the record;
 * top-level binary fields (a page's bytes) travel after it as raw bytes, so a
 * 300 KB photo is not base64-inflated or walked by JSON.stringify.
 *
 * Layout: [4-byte big-endian JSON length][JSON][binary fields in the order
 * the JSON's `$bin` lists them]. Only top-level ArrayBuffer / Uint8Array
 * fields are binary: that is all the device's tables hold (BlobRow.data), and
 * a nested one is refused rather than silently turned into `{}`.
 */

const BIN = "$bin";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeRecord(value: Record<string, unknown>): Uint8Array {
  const plain: Record<string, unknown> = {};
  const binaries: [string, Uint8Array][] = [];
  for (const [field, item] of Object.entries(value)) {
    if (item instanceof ArrayBuffer) binaries.push([field, new Uint8Array(item)]);
    else if (item instanceof Uint8Array) binaries.push([field, item]);
    else plain[field] = item;
  }
  if (binaries.length > 0) plain[BIN] = binaries.map(([field, bytes]) => [field, bytes.byteLength]);
  const json = encoder.encode(JSON.stringify(plain, refuseNestedBinary));
  const total = 4 + json.byteLength + binaries.reduce((sum, [, bytes]) => sum + bytes.byteLength, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, json.byteLength);
  out.set(json, 4);
  let offset = 4 + json.byteLength;
  for (const [, bytes] of binaries) {
    out.set(bytes, offset);
    offset += bytes.byteLength;
  }
  return out;
}

export function decodeRecord(bytes: Uint8Array): Record<string, unknown> {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const value = JSON.parse(decoder.decode(bytes.subarray(4, 4 + length))) as Record<string, unknown>;
  const layout = value[BIN] as [string, number][] | undefined;
  if (layout) {
    delete value[BIN];
    let offset = 4 + length;
    for (const [field, size] of layout) {
      // A fresh ArrayBuffer per field: callers get the type they stored (BlobRow.data is an ArrayBuffer).
      value[field] = bytes.slice(offset, offset + size).buffer;
      offset += size;
    }
  }
  return value;
}

function refuseNestedBinary(this: unknown, _key: string, item: unknown): unknown {
  if (item instanceof ArrayBuffer || ArrayBuffer.isView(item)) {
    throw new TypeError("Only top-level binary fields can be stored encrypted");
  }
  return item;
}
