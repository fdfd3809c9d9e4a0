import { describe, expect, it } from "vitest";
import { isSealed, openRecord, type RecordPlace, type Sealed, sealRecord } from "../../client/vault/envelope";

/**
 * The sealed-record envelope (client/vault/envelope.ts) on its own: AES-256-GCM
 * with the record's place (profile, table, primary key, version) as
 * additional data. Anything changed about the record or where it lives must
 * fail to open, never open to something else.
 */
const key = () => crypto.getRandomValues(new Uint8Array(32));
const KEY = key();
const PLACE: RecordPlace = {
  profileId: "profile-a",
  table: "drafts",
  key: "0190f5a4-7b1c-7000-8000-000000000001",
  version: 7,
};
const { version: _version, ...WHERE } = PLACE;
const RECORD = {
  id: PLACE.key,
  guideId: "akta-kelahiran",
  applicant: { fullName: "Siti Aminah", nik: "3171011203900001", address: { street: "Jl. Kebon Kelapa No. 7" } },
  answers: { menikah: true, anak: "2" },
  history: [{ at: "2026-12-01T03:00:00.000Z", action: "created" }],
};

function randomBuffer(bytes: number): ArrayBuffer {
  const out = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += 65_536) crypto.getRandomValues(out.subarray(at, at + 65_536));
  return out.buffer;
}

function flipped(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

describe("sealRecord / openRecord", () => {
  it("opens what it sealed, at the same place, with the same key", () => {
    const sealed = sealRecord(KEY, PLACE, RECORD);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed.v).toBe(7);
    expect(sealed.iv.byteLength).toBe(12);
    expect(openRecord(KEY, WHERE, sealed)).toEqual(RECORD);
  });

  it("keeps no plaintext: neither the name, the NIK nor the street is in the sealed bytes", () => {
    const sealed = sealRecord(KEY, PLACE, RECORD);
    const text = new TextDecoder("latin1").decode(sealed.ct);
    for (const secret of ["Siti", "Aminah", "3171011203900001", "Kebon Kelapa", "akta-kelahiran"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("fails when any byte of the ciphertext, its tag or the IV was changed", () => {
    const sealed = sealRecord(KEY, PLACE, RECORD);
    for (const at of [0, Math.floor(sealed.ct.byteLength / 2), sealed.ct.byteLength - 1]) {
      expect(() => openRecord(KEY, WHERE, { ...sealed, ct: flipped(sealed.ct, at) })).toThrow();
    }
    expect(() => openRecord(KEY, WHERE, { ...sealed, iv: flipped(sealed.iv, 0) })).toThrow();
    expect(() => openRecord(KEY, WHERE, { ...sealed, ct: sealed.ct.subarray(0, sealed.ct.byteLength - 1) })).toThrow();
  });

  it("fails under another primary key: a record copied under another id does not open", () => {
    const sealed = sealRecord(KEY, PLACE, RECORD);
    expect(() => openRecord(KEY, { ...WHERE, key: "0190f5a4-7b1c-7000-8000-000000000002" }, sealed)).toThrow();
    // The key's type is part of it too: 1 and "1" are different rows in IndexedDB.
    const numbered = sealRecord(KEY, { ...PLACE, key: 1 }, RECORD);
    expect(openRecord(KEY, { ...WHERE, key: 1 }, numbered)).toEqual(RECORD);
    expect(() => openRecord(KEY, { ...WHERE, key: "1" }, numbered)).toThrow();
  });

  it("fails with its version changed: an older copy cannot pose as a newer write, nor the reverse", () => {
    const sealed = sealRecord(KEY, PLACE, RECORD);
    expect(() => openRecord(KEY, WHERE, { ...sealed, v: 8 })).toThrow();
    expect(() => openRecord(KEY, WHERE, { ...sealed, v: 6 })).toThrow();
    // Two writes of the same record: each opens only with its own version.
    const older = sealRecord(KEY, { ...PLACE, version: 3 }, { ...RECORD, answers: {} });
    expect(() => openRecord(KEY, WHERE, { ...older, v: sealed.v })).toThrow();
  });

  it("fails in another table or another cadre's profile", () => {
    const sealed = sealRecord(KEY, PLACE, RECORD);
    expect(() => openRecord(KEY, { ...WHERE, table: "remote" }, sealed)).toThrow();
    expect(() => openRecord(KEY, { ...WHERE, profileId: "profile-b" }, sealed)).toThrow();
  });

  it("fails with a wrong key, even one differing in a single bit", () => {
    const sealed = sealRecord(KEY, PLACE, RECORD);
    expect(() => openRecord(key(), WHERE, sealed)).toThrow();
    expect(() => openRecord(flipped(KEY, 31), WHERE, sealed)).toThrow();
  });

  it("never repeats an IV: 10,000 seals of the same record at the same place, all distinct", () => {
    const ivs = new Set<string>();
    const cts = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const sealed = sealRecord(KEY, PLACE, { n: 1 });
      ivs.add(Buffer.from(sealed.iv).toString("hex"));
      cts.add(Buffer.from(sealed.ct).toString("hex"));
    }
    expect(ivs.size).toBe(10_000);
    expect(cts.size).toBe(10_000);
  });

  it("round-trips top-level binary fields exactly, as ArrayBuffers, beside the JSON fields", () => {
    const photo = randomBuffer(300 * 1024);
    const thumb = crypto.getRandomValues(new Uint8Array(100));
    // A view into a larger buffer: only its own bytes are sealed.
    const window = new Uint8Array(thumb.buffer, 10, 50);
    const empty = new ArrayBuffer(0);
    const record = { id: "b1", draftId: "d1", mime: "image/jpeg", data: photo, part: window, nothing: empty };
    const opened = openRecord(
      KEY,
      { ...WHERE, table: "blobs", key: "b1" },
      sealRecord(KEY, { ...PLACE, table: "blobs", key: "b1" }, record),
    );
    expect(opened.data).toBeInstanceOf(ArrayBuffer);
    expect(new Uint8Array(opened.data as ArrayBuffer)).toEqual(new Uint8Array(photo));
    expect(new Uint8Array(opened.part as ArrayBuffer)).toEqual(thumb.subarray(10, 60));
    expect((opened.nothing as ArrayBuffer).byteLength).toBe(0);
    expect(opened).toMatchObject({ id: "b1", draftId: "d1", mime: "image/jpeg" });
  });

  it("seals the bytes of a binary field: a run of the photo is not in the ciphertext", () => {
    const photo = new Uint8Array(4096).fill(0x41); // "AAAA…": easy to spot if it leaked
    const sealed = sealRecord(KEY, { ...PLACE, table: "blobs" }, { id: "b1", data: photo.buffer });
    expect(new TextDecoder("latin1").decode(sealed.ct)).not.toContain("A".repeat(32));
  });

  it("refuses a nested binary field rather than storing it as {}", () => {
    expect(() => sealRecord(KEY, PLACE, { id: "x", pages: [{ data: new ArrayBuffer(4) }] })).toThrow(TypeError);
    expect(() => sealRecord(KEY, PLACE, { id: "x", nested: { bytes: new Uint8Array(4) } })).toThrow(TypeError);
  });

  it("tells a sealed envelope from a plain row", () => {
    const sealed: Sealed = sealRecord(KEY, PLACE, RECORD);
    expect(isSealed(sealed)).toBe(true);
    expect(isSealed(RECORD)).toBe(false);
    expect(isSealed(null)).toBe(false);
    expect(isSealed({ f: 1, iv: [1, 2], ct: "x" })).toBe(false);
  });
});
