import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { applications, files } from "../../server/db/schema";
import type { DocumentPage, Draft } from "../../shared/draft";
import { jakartaDate } from "../../shared/jakarta-time";
import { precheck } from "../../shared/precheck";
import { createRegionIndex } from "../../shared/regions";
import type { MutationResult } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, pushOne, readyDraft } from "../helpers/drafts";
import { documentImage, plainImage } from "../helpers/images";
import { domisiliGuide } from "../helpers/sync-harness";
import { seededDatabase } from "../helpers/temp-db";
import { sha256Hex, tusUpload } from "../helpers/tus-client";

/**
 * A submit is judged on what the server measured, not on what the phone says
 * (server/sync/pages.ts): every page's declared type and pixel size must be
 * the stored file's, and every page must be stored, or the submit is refused
 * naming the requirement and the page.
 */

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;
let clientId: string;
let seq: number;
let photo: Uint8Array;
let pdf: Uint8Array;

beforeAll(async () => {
  photo = await documentImage(1200, 900);
  pdf = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
});

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db, filesDir: join(env.dir, "files") });
  cadre = await createTestUser(env.db, "cadre");
  clientId = uuidv7();
  seq = 0;
});
afterEach(() => env.cleanup());

async function submit(draft: Draft): Promise<MutationResult> {
  seq += 1;
  return pushOne(app, cadre, clientId, mutation(seq, "submitApplication", { draft }));
}

async function uploaded(data: Uint8Array, mime: string): Promise<string> {
  const response = await tusUpload(app, cadre, data, mime);
  expect(response.status, await response.clone().text()).toBe(204);
  return sha256Hex(data);
}

/** readyDraft with every page pointing at the real uploaded 1200 × 900 photo, declared truthfully. */
async function truthfulDraft(): Promise<Draft> {
  const hash = await uploaded(photo, "image/jpeg");
  const draft = readyDraft();
  for (const document of Object.values(draft.documents)) {
    for (const page of document.pages) {
      Object.assign(page, { sha256: hash, mime: "image/jpeg", bytes: photo.byteLength, width: 1200, height: 900 });
    }
  }
  return draft;
}

function firstPage(draft: Draft, requirementId: string): DocumentPage {
  const page = draft.documents[requirementId]?.pages[0];
  if (!page) throw new Error(`no page in ${requirementId}`);
  return page;
}

/** A files row as the server would have written it after measuring the bytes (no upload path can store 640 × 480 now). */
async function storeMeasured(hash: string, mime: string, width: number | null, height: number | null): Promise<void> {
  await env.db.insert(files).values({
    sha256: hash,
    bytes: 40_000,
    mime,
    width,
    height,
    uploadedBy: cadre.id,
    createdAt: new Date().toISOString(),
  });
}

describe("pages declared otherwise than stored", () => {
  it("accepts a draft whose every page is declared as the server measured it (photo and PDF)", async () => {
    const draft = await truthfulDraft();
    const pdfHash = await uploaded(pdf, "application/pdf");
    Object.assign(firstPage(draft, "pengantar-rt-rw"), {
      sha256: pdfHash,
      mime: "application/pdf",
      bytes: pdf.byteLength,
    });
    delete firstPage(draft, "pengantar-rt-rw").width;
    delete firstPage(draft, "pengantar-rt-rw").height;
    expect(await submit(draft)).toMatchObject({ status: "applied" });
  });

  it("refuses a page declared as a 1600 × 1200 PDF whose stored file is a 640 × 480 JPEG (page-mismatch)", async () => {
    const draft = await truthfulDraft();
    const small = sha256Hex(await plainImage(640, 480));
    await storeMeasured(small, "image/jpeg", 640, 480);
    Object.assign(firstPage(draft, "ktp-el"), { sha256: small, mime: "application/pdf", width: 1600, height: 1200 });
    // The phone's pre-check believes the declaration: a PDF is never too small to read.
    const phone = precheck(await domisiliGuide(env), draft, {
      today: jakartaDate(new Date()),
      regions: createRegionIndex(),
    });
    expect(phone.verdict).toBe("ready");

    const result = await submit(draft);
    expect(result).toMatchObject({
      status: "rejected",
      code: "page-mismatch",
      reasons: [{ code: "page-mismatch", requirementId: "ktp-el", field: "documents.ktp-el.pages.0" }],
    });
    expect(result.reasons?.[0]?.message?.id).toMatch(/Halaman 1 dari KTP-el pemohon.*Foto ulang halaman 1/);
  });

  it("refuses a photo declared larger than it was measured, and takes the measured size where none is declared", async () => {
    const draft = await truthfulDraft();
    Object.assign(firstPage(draft, "kartu-keluarga"), { width: 1600, height: 1200 });
    expect(await submit(draft)).toMatchObject({
      status: "rejected",
      code: "page-mismatch",
      reasons: [{ requirementId: "kartu-keluarga", field: "documents.kartu-keluarga.pages.0" }],
    });

    // Width and height are optional in a draft: the server judges, and stores, the size it measured.
    const unsized = await truthfulDraft();
    const { width, height } = firstPage(unsized, "ktp-el");
    delete firstPage(unsized, "ktp-el").width;
    delete firstPage(unsized, "ktp-el").height;
    expect(await submit(unsized)).toMatchObject({ status: "applied" });
    const stored = (await env.db.select().from(applications).where(eq(applications.id, unsized.id)))[0];
    expect(firstPage(stored?.content as Draft, "ktp-el")).toMatchObject({ width, height });
  });

  it("refuses a page declared as another picture type than the bytes are (a JPEG declared WebP)", async () => {
    const draft = await truthfulDraft();
    firstPage(draft, "ktp-el").mime = "image/webp";
    expect(await submit(draft)).toMatchObject({ status: "rejected", code: "page-mismatch" });
  });

  it("judges true declarations with the shared pre-check, as the phone does: a 640 × 480 photo is too small", async () => {
    const draft = await truthfulDraft();
    const small = sha256Hex(await plainImage(640, 480));
    await storeMeasured(small, "image/jpeg", 640, 480);
    Object.assign(firstPage(draft, "ktp-el"), { sha256: small, mime: "image/jpeg", width: 640, height: 480 });
    const result = await submit(draft);
    expect(result).toMatchObject({ status: "rejected", code: "precheck-failed" });
    expect(result.reasons).toContainEqual(
      expect.objectContaining({ code: "document-page-too-small", requirementId: "ktp-el" }),
    );
  });

  it("does not judge pages left in a requirement the answers made unnecessary", async () => {
    const draft = await truthfulDraft();
    // `pendatang: false`: the letter from the village of origin does not apply; a stale page stays in its slot.
    draft.documents["keterangan-daerah-asal"] = {
      pages: [{ ...firstPage(draft, "ktp-el"), blobId: uuidv7(), mime: "application/pdf" }],
      issuedOn: "",
    };
    expect(await submit(draft)).toMatchObject({ status: "applied" });
  });
});

describe("pages the server does not hold", () => {
  it("names every missing page, its requirement and its place, and tells the cadre to retake it", async () => {
    const draft = await truthfulDraft();
    // The upload of this photo was refused (too small to read): the server deleted it.
    const tiny = await documentImage(200, 150);
    const refused = await tusUpload(app, cadre, tiny, "image/jpeg");
    expect(refused.status).toBe(422);
    Object.assign(firstPage(draft, "ktp-el"), { sha256: sha256Hex(tiny), width: 1200, height: 900 });
    // A second page of the KK that was never sent.
    const kk = draft.documents["kartu-keluarga"];
    kk?.pages.push({ ...firstPage(draft, "kartu-keluarga"), blobId: uuidv7(), sha256: "f".repeat(64) });

    const result = await submit(draft);
    expect(result).toMatchObject({
      status: "rejected",
      code: "file-missing",
      reasons: [
        { code: "file-missing", requirementId: "ktp-el", field: "documents.ktp-el.pages.0" },
        { code: "file-missing", requirementId: "kartu-keluarga", field: "documents.kartu-keluarga.pages.1" },
      ],
    });
    const [ktp, second] = result.reasons ?? [];
    expect(ktp?.message?.id).toMatch(/Foto ulang halaman 1 dari KTP-el pemohon/);
    expect(ktp?.message?.en).toMatch(/Retake page 1 of Applicant's electronic ID card/);
    expect(second?.message?.id).toMatch(/Foto ulang halaman 2 dari Kartu Keluarga/);
    expect(JSON.stringify(result)).not.toMatch(/[Ss]inkronkan lagi/);
  });

  it("counts a picture stored before uploads were decoded as not held, until the phone sends it again", async () => {
    const draft = await truthfulDraft();
    const old = await documentImage(1600, 1200, "jpeg", { seed: 7 });
    const hash = sha256Hex(old);
    // Written and recorded as the server did before it decoded uploads: no width, no height.
    const folder = join(env.dir, "files", hash.slice(0, 2));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, hash), old);
    await storeMeasured(hash, "image/jpeg", null, null);
    Object.assign(firstPage(draft, "ktp-el"), { sha256: hash, bytes: old.byteLength, width: 1600, height: 1200 });

    expect(await submit(draft)).toMatchObject({
      status: "rejected",
      code: "file-missing",
      reasons: [{ requirementId: "ktp-el", field: "documents.ktp-el.pages.0" }],
    });
    // The phone asks before sending: "not held", so it sends the bytes, and the upload measures them.
    const asked = await app.request(`/api/files/sha256/${hash}`, { method: "HEAD", headers: { Cookie: cadre.cookie } });
    expect(asked.status).toBe(404);
    await uploaded(old, "image/jpeg");
    expect((await env.db.select().from(files).where(eq(files.sha256, hash)))[0]).toMatchObject({
      width: 1600,
      height: 1200,
    });
    expect(await submit(draft)).toMatchObject({ status: "applied" });
  });
});
