import "fake-indexeddb/auto";
import { createHash } from "node:crypto";
import { LocalDb } from "../../client/db/local-db";
import { DraftRepository } from "../../client/drafts/repository";
import type { SyncDeps, UploadRequest } from "../../client/sync/engine";
import { createApp } from "../../server/app";
import { files } from "../../server/db/schema";
import { getGuide } from "../../server/guides/repository";
import { Guide } from "../../shared/guide";
import { jakartaDate } from "../../shared/jakarta-time";
import type { TestUser } from "./accounts";
import { imageSize, padded, plainImage } from "./images";
import type { tempDatabase } from "./temp-db";
import { unlockTestVault } from "./test-vault";

// People's records are sealed: these tests work as a cadre whose vault is open.
unlockTestVault();

type Env = Awaited<ReturnType<typeof tempDatabase>>;

/** A phone (its own IndexedDB) signed in as `user`, talking to the real app through `app.request`. */
export async function makeDevice(user: TestUser, name: string) {
  const db = new LocalDb(name);
  await db.meta.put({ key: "account", value: JSON.stringify({ id: user.id, username: user.username }) });
  return { db, repo: new DraftRepository(db) };
}

export type Network = (url: string, init?: RequestInit) => Promise<Response>;

/** The server as the phone sees it: a fresh app over the same SQLite file can stand for a restart. */
export function serverNetwork(env: Env, user: TestUser): { fetch: Network; restart: () => void } {
  let app = createApp({ db: env.db });
  return {
    fetch: (url, init = {}) =>
      Promise.resolve(
        app.request(url, { ...init, headers: { ...(init.headers as Record<string, string>), Cookie: user.cookie } }),
      ),
    restart: () => {
      app = createApp({ db: env.db });
    },
  };
}

/**
 * Stands in for the resumable upload (tested on its own): verifies the hash,
 * measures a picture's size from its header as the server does, then stores
 * the file row.
 */
export function verifiedUpload(env: Env, user: TestUser): (page: UploadRequest) => Promise<void> {
  return async ({ data, mime, sha256 }) => {
    const bytes = new Uint8Array(data);
    const actual = createHash("sha256").update(bytes).digest("hex");
    if (actual !== sha256) throw new Error("hash mismatch");
    const size = mime === "application/pdf" ? null : await imageSize(bytes);
    await env.db
      .insert(files)
      .values({
        sha256,
        bytes: data.byteLength,
        mime,
        width: size?.width ?? null,
        height: size?.height ?? null,
        uploadedBy: user.id,
        createdAt: new Date().toISOString(),
      })
      .onConflictDoNothing();
  };
}

export function deps(db: LocalDb, fetch: Network, upload: SyncDeps["upload"]): SyncDeps {
  return { db, fetch, upload };
}

export async function domisiliGuide(env: Env): Promise<Guide> {
  const stored = await getGuide(env.db, "surat-keterangan-domisili");
  if (!stored) throw new Error("seed missing");
  return Guide.parse(stored.guide);
}

/** One real 1600 × 1200 photo; each page is it plus random trailing bytes (its own hash, the same picture). */
let photo: Promise<Uint8Array> | undefined;

/** Fills a draft until the pre-check calls it ready (three photographed papers). */
export async function fillReady(repo: DraftRepository, id: string, name: string): Promise<void> {
  await repo.update(id, "applicant", (d) => {
    d.applicant = {
      fullName: name,
      nik: "3171015203900001",
      kk: "",
      birthDate: "1990-03-12",
      sex: "female",
      phone: "+6281234567890",
      address: { street: "Jl. Kebon Sirih 5", rt: "3", rw: "5", villageCode: "31.71.01.1001" },
    };
    d.answers = { pendatang: false, menumpang: false, diwakilkan: false };
    // The office is picked: the harness's cadres belong to another kecamatan than the applicant.
    d.officeAreaCode = "31.71.01.1001";
  });
  photo ??= plainImage(1600, 1200, "jpeg");
  const image = await photo;
  for (const requirement of ["pengantar-rt-rw", "ktp-el", "kartu-keluarga"]) {
    const bytes = padded(image, image.byteLength + 16);
    await repo.addPage(id, requirement, { data: bytes.buffer, mime: "image/jpeg", width: 1600, height: 1200 });
  }
  await repo.update(id, "documents.pengantar-rt-rw.issuedOn", (d) => {
    const letter = d.documents["pengantar-rt-rw"];
    if (letter) letter.issuedOn = jakartaDate(new Date());
  });
}
