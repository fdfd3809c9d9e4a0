/**
 * The page side of bench/vault.ts, bundled by esbuild and run in headless
 * Chromium: the app's own DraftRepository and vault on the app's own
 * database class, sealed (`new LocalDb(name)`) beside the raw view
 * (`new LocalDb(name, { sealed: false })`, the app before issue 15) in the
 * same page. Node sets the CPU throttle between calls; this file only times.
 */

import { gcm } from "@noble/ciphers/aes.js";
import { chacha20poly1305, xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { type DraftRow, draftSearchKey, LocalDb } from "../client/db/local-db";
import { DraftRepository } from "../client/drafts/repository";
import { openRecord, sealRecord } from "../client/vault/envelope";
import { pinKey, randomBytes } from "../client/vault/kdf";
import { dropKey, installKey } from "../client/vault/keyring";
import { encodeRecord } from "../client/vault/record-codec";
import { afterPasswordSignIn, lockVault, setPin, unlockWithPin } from "../client/vault/vault";
import type { SessionUser } from "../shared/api/users";
import { DEFAULT_DEVICE_RULES } from "../shared/device/rules";
import type { Draft } from "../shared/draft";
import type { Guide } from "../shared/guide";

export type Variant = "sealed" | "raw";

export interface Stats {
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  runs: number;
}

export interface VaultBenchApi {
  seed(template: Draft, guide: Guide, drafts: number): Promise<{ sealedMs: number; rawMs: number }>;
  autosave(variant: Variant, edits: number): Promise<number[]>;
  sealOneDraft(runs: number): Promise<{ recordBytes: number; seal: Stats; open: Stats }>;
  ciphers(runs: number): Promise<Record<string, { draftSealOpenP50Ms: number; photoSealOpenP50Ms: number }>>;
  pageWrite(variant: Variant, writes: number, from: number): Promise<{ write: number[]; read: number[] }>;
  search(variant: Variant, query: string, rounds: number): Promise<{ first: number[]; next: number[]; hits: number }>;
  unlockSetup(): Promise<{ setPinMs: number }>;
  unlock(runs: number): Promise<number[]>;
  pbkdf2(iterations: number, runs: number): Promise<number[]>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    vaultBench: VaultBenchApi;
  }
}

const PROFILE = "bench-profile";
/** The bench's data key; every install gets a copy, since locking overwrites the installed bytes. */
const DATA_KEY = crypto.getRandomValues(new Uint8Array(32));
const openVault = () => installKey(PROFILE, DATA_KEY.slice());

const NAMES = ["Siti", "Budi", "Ahmad", "Dewi", "Rina", "Agus", "Wati", "Joko"];
const SURNAMES = ["Aminah", "Santoso", "Hidayat", "Lestari", "Wulandari", "Saputra", "Rahayu", "Nugroho"];
const PIN = "582914";

let dbs: Record<Variant, LocalDb> | null = null;
let repos: Record<Variant, DraftRepository> | null = null;
let ids: string[] = [];
let stamp = Date.parse("2026-12-01T00:00:00Z");
/** Every write gets a later time, as real edits do (the search refresh keys on updatedAt). */
const now = () => {
  stamp += 1000;
  return new Date(stamp);
};

function draftId(i: number): string {
  const hex = i.toString(16).padStart(12, "0");
  return `0190f5a4-7b1c-7${hex.slice(-3)}-8${hex.slice(-6, -3)}-${hex}`;
}

function draftFrom(template: Draft, i: number): DraftRow {
  const at = new Date(Date.parse("2026-01-01T00:00:00Z") + i * 60_000).toISOString();
  const draft: Draft = structuredClone(template);
  draft.id = draftId(i);
  draft.applicant.fullName = `${NAMES[i % 8]} ${SURNAMES[(i >> 3) % 8]} ${i}`;
  draft.applicant.nik = `317101${String(10 + (i % 28)).padStart(2, "0")}0390${String(i % 10_000).padStart(4, "0")}`;
  draft.createdAt = at;
  draft.updatedAt = at;
  // A worked-on draft: a few days of edits in its history.
  draft.history = Array.from({ length: 24 }, (_, n) => ({ at, action: n % 2 ? "applicant.fullName" : "answers" }));
  return { ...draft, searchKey: draftSearchKey(draft) };
}

function need<T>(value: T | null): T {
  if (value === null) throw new Error("seed first");
  return value;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return { p50Ms: +at(0.5).toFixed(2), p95Ms: +at(0.95).toFixed(2), maxMs: +at(1).toFixed(2), runs: samples.length };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function seed(draftTemplate: Draft, guide: Guide, count: number) {
  await close();
  openVault();
  const suffix = `${count}-${Date.now()}`;
  dbs = {
    sealed: new LocalDb(`vault-bench-sealed-${suffix}`),
    raw: new LocalDb(`vault-bench-raw-${suffix}`, { sealed: false }),
  };
  repos = { sealed: new DraftRepository(dbs.sealed, now), raw: new DraftRepository(dbs.raw, now) };
  const rows = Array.from({ length: count }, (_, i) => draftFrom(draftTemplate, i));
  ids = rows.map((row) => row.id);
  const times = { sealedMs: 0, rawMs: 0 };
  for (const variant of ["sealed", "raw"] as const) {
    const db = dbs[variant];
    await db.guideVersions.put(guide);
    await db.guides.put(guide);
    const ms = await timed(async () => {
      for (let start = 0; start < rows.length; start += 500) await db.drafts.bulkAdd(rows.slice(start, start + 500));
    });
    times[variant === "sealed" ? "sealedMs" : "rawMs"] = +ms.toFixed(0);
  }
  return times;
}

/** One edit as the draft form makes it (client/drafts/use-draft.ts): a field typed, the draft saved. */
async function autosave(variant: Variant, edits: number): Promise<number[]> {
  const repo = need(repos)[variant];
  const id = ids[Math.floor(ids.length / 2)] as string;
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    samples.push(
      await timed(() =>
        repo.update(id, "applicant.fullName", (draft) => {
          draft.applicant.fullName = `Siti Aminah ${i}`;
        }),
      ),
    );
  }
  return samples;
}

/** The crypto alone for the draft the autosave writes: one seal and one open, no IndexedDB. */
async function sealOneDraft(runs: number) {
  const row = await need(dbs).sealed.drafts.get(ids[Math.floor(ids.length / 2)] as string);
  if (!row) throw new Error("no draft");
  const key = DATA_KEY.slice();
  const place = { profileId: PROFILE, table: "drafts", key: row.id };
  const seal: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const sealed = sealRecord(key, { ...place, version: i + 1 }, row as unknown as Record<string, unknown>);
    seal.push(performance.now() - t);
    t = performance.now();
    openRecord(key, place, sealed);
    open.push(performance.now() - t);
  }
  return {
    recordBytes: encodeRecord(row as unknown as Record<string, unknown>).byteLength,
    seal: stats(seal),
    open: stats(open),
  };
}

type Cipher = (
  key: Uint8Array,
  nonce: Uint8Array,
  aad: Uint8Array,
) => {
  encrypt(plain: Uint8Array): Uint8Array;
  decrypt(sealed: Uint8Array): Uint8Array;
};

/**
 * What the sealing would cost with another cipher, on the same bytes: the
 * autosaved draft as the envelope encodes it, and a 300 KB photo. Seal plus
 * open, p50. WebCrypto's AES-GCM is asynchronous (it cannot run inside an
 * IndexedDB transaction, envelope.ts): shown as the native reference only.
 */
async function ciphers(runs: number) {
  const row = await need(dbs).sealed.drafts.get(ids[Math.floor(ids.length / 2)] as string);
  const draft = encodeRecord(row as unknown as Record<string, unknown>);
  const photo = new Uint8Array(incompressible(300 * 1024));
  const key = randomBytes(32);
  const aad = new TextEncoder().encode(JSON.stringify(["masdarin-vault-1", PROFILE, "drafts", "x", 1]));
  const sync: Record<string, [Cipher, number]> = {
    "AES-256-GCM (@noble/ciphers, as sealed now)": [gcm, 12],
    "ChaCha20-Poly1305 (@noble/ciphers)": [chacha20poly1305, 12],
    "XChaCha20-Poly1305 (@noble/ciphers, 192-bit random nonce)": [xchacha20poly1305, 24],
  };
  const out: Record<string, { draftSealOpenP50Ms: number; photoSealOpenP50Ms: number }> = {};
  const time = async (bytes: Uint8Array, once: (bytes: Uint8Array) => Promise<void> | void, n: number) => {
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const start = performance.now();
      await once(bytes);
      samples.push(performance.now() - start);
    }
    return stats(samples).p50Ms;
  };
  for (const [name, [cipher, nonceLength]] of Object.entries(sync)) {
    const once = (bytes: Uint8Array) => {
      const nonce = randomBytes(nonceLength);
      cipher(key, nonce, aad).decrypt(cipher(key, nonce, aad).encrypt(bytes));
    };
    out[name] = { draftSealOpenP50Ms: await time(draft, once, runs), photoSealOpenP50Ms: await time(photo, once, 10) };
  }
  const native = await crypto.subtle.importKey("raw", key, "AES-GCM", false, ["encrypt", "decrypt"]);
  const webCrypto = async (bytes: Uint8Array) => {
    const params = { name: "AES-GCM", iv: randomBytes(12), additionalData: aad };
    await crypto.subtle.decrypt(
      params,
      native,
      await crypto.subtle.encrypt(params, native, bytes as Uint8Array<ArrayBuffer>),
    );
  };
  out["AES-256-GCM (WebCrypto, async: reference only)"] = {
    draftSealOpenP50Ms: await time(draft, webCrypto, runs),
    photoSealOpenP50Ms: await time(photo, webCrypto, 10),
  };
  return out;
}

function incompressible(bytes: number): ArrayBuffer {
  const out = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += 65_536) crypto.getRandomValues(out.subarray(at, Math.min(bytes, at + 65_536)));
  return out.buffer;
}

/** A 300 KB photo page and its 12 KB thumbnail, added to draft `from + i` (a fresh draft each write). */
async function pageWrite(variant: Variant, writes: number, from: number) {
  const repo = need(repos)[variant];
  const write: number[] = [];
  const read: number[] = [];
  for (let i = 0; i < writes; i++) {
    const page = {
      data: incompressible(300 * 1024),
      mime: "image/jpeg" as const,
      width: 1600,
      height: 1200,
      thumbnail: { data: incompressible(12 * 1024), mime: "image/jpeg" },
    };
    const id = ids[from + i] as string;
    let row: DraftRow | undefined;
    write.push(
      await timed(async () => {
        row = await repo.addPage(id, "bench-photo", page);
      }),
    );
    const blobId = row?.documents["bench-photo"]?.pages.at(-1)?.blobId as string;
    read.push(
      await timed(async () => {
        const blob = await repo.pageData(blobId);
        if (blob?.data.byteLength !== 300 * 1024) throw new Error("page bytes lost");
      }),
    );
  }
  return { write, read };
}

/**
 * The drafts list's search (repository.list with a query). `first` right
 * after the vault opened (every draft is opened to build the in-memory search
 * keys); `next` after one draft changed (only that one is opened again).
 */
async function search(variant: Variant, query: string, rounds: number) {
  const repo = need(repos)[variant];
  const first: number[] = [];
  const next: number[] = [];
  let hits = 0;
  for (let round = 0; round < rounds; round++) {
    // Locking forgets the search keys (client/drafts/search-keys.ts): the next search starts cold.
    dropKey();
    openVault();
    first.push(
      await timed(async () => {
        hits = (await repo.list(query)).length;
      }),
    );
    for (let edit = 0; edit < 3; edit++) {
      await repo.update(ids[(round * 3 + edit) % ids.length] as string, "answers", () => {});
      next.push(await timed(() => repo.list(query)));
    }
  }
  return { first, next, hits };
}

let unlockDb: LocalDb | null = null;

/** A cadre's first sign-in on this phone: the password's secrets, then a PIN (client/vault/vault.ts). */
async function unlockSetup() {
  unlockDb = new LocalDb(`vault-bench-unlock-${Date.now()}`);
  const user: SessionUser = {
    id: "bench-user",
    username: "kader.bench",
    displayName: "Kader Bench",
    role: "cadre",
    kecamatanCode: "31.71.01",
    kelurahanCode: "31.71.01.1002",
  };
  const secret = () =>
    btoa(String.fromCharCode(...randomBytes(32)))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  const signedIn = await afterPasswordSignIn(
    unlockDb,
    user,
    { unlockSecret: secret(), recoverySecret: secret() },
    DEFAULT_DEVICE_RULES,
  );
  if (!signedIn.ok || signedIn.next !== "set-pin") throw new Error("sign-in did not ask for a PIN");
  const setPinMs = await timed(() => setPin(unlockDb as LocalDb, PIN));
  await lockVault(unlockDb);
  return { setPinMs: +setPinMs.toFixed(0) };
}

/** The lock screen's path: unwrap the unlock secret, PBKDF2 600,000 + HKDF, unwrap the data key. */
async function unlock(runs: number): Promise<number[]> {
  const db = need(unlockDb);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    let result: Awaited<ReturnType<typeof unlockWithPin>> | undefined;
    samples.push(
      await timed(async () => {
        result = await unlockWithPin(db, PIN);
      }),
    );
    if (!result?.ok) throw new Error("the right PIN did not unlock");
    await lockVault(db);
  }
  openVault();
  return samples;
}

/** pinKey alone (PBKDF2-SHA-256 + HKDF), at a chosen iteration count. */
async function pbkdf2(iterations: number, runs: number): Promise<number[]> {
  const salt = randomBytes(16);
  const unlockSecret = randomBytes(32);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timed(() => pinKey(PIN, salt, iterations, unlockSecret)));
  return samples;
}

async function close(): Promise<void> {
  if (dbs) for (const db of Object.values(dbs)) db.close();
  dbs = null;
  repos = null;
}

window.vaultBench = { seed, autosave, sealOneDraft, ciphers, pageWrite, search, unlockSetup, unlock, pbkdf2, close };
