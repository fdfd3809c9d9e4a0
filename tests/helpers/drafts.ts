import { createHash } from "node:crypto";
import { v7 as uuidv7 } from "uuid";
import type { Db } from "../../server/db/open";
import { fileHolders, files } from "../../server/db/schema";
import { Draft } from "../../shared/draft";
import { jakartaDate } from "../../shared/jakarta-time";
import { type Mutation, type MutationResult, PushResponse } from "../../shared/sync/protocol";

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * A domisili application the pre-check calls ready, with three photographed
 * papers. The applicant lives in `village` (Gambir by default) and the file
 * goes to that kelurahan's office, which decides the kecamatan that reviews it.
 */
export function readyDraft(overrides: { id?: string; name?: string; village?: string } = {}): Draft {
  const village = overrides.village ?? "31.71.01.1001";
  const now = new Date().toISOString();
  const page = (label: string) => ({
    blobId: uuidv7(),
    sha256: sha256(label),
    mime: "image/webp" as const,
    bytes: 1000,
    // As the phone measured the photo; storeFilesOf records the same, as the upload would have.
    width: 1600,
    height: 1200,
    addedAt: now,
  });
  return Draft.parse({
    id: overrides.id ?? uuidv7(),
    guideId: "surat-keterangan-domisili",
    guideVersion: 1,
    applicant: {
      fullName: overrides.name ?? "Siti Aminah",
      nik: "3171015203900001",
      birthDate: "1990-03-12",
      sex: "female",
      phone: "081234567890",
      address: { street: "Jl. Kebon Sirih 5", rt: "3", rw: "5", villageCode: village },
    },
    answers: { pendatang: false, menumpang: false, diwakilkan: false },
    documents: {
      "pengantar-rt-rw": { pages: [page("pengantar")], issuedOn: jakartaDate(new Date()) },
      "ktp-el": { pages: [page("ktp")] },
      "kartu-keluarga": { pages: [page("kk")] },
    },
    // Picked by the cadre: the kelurahan office where the applicant lives.
    officeAreaCode: village,
    status: "ready",
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Pretends the photos were uploaded and verified (the upload path has its own
 * tests), the server having measured what the page declares: its type and,
 * for a picture, its pixel size (a submit refuses a page declared otherwise).
 */
export async function storeFilesOf(db: Db, draft: Draft, uploadedBy: string): Promise<void> {
  for (const document of Object.values(draft.documents)) {
    for (const page of document.pages) {
      if (!page.sha256) continue;
      await db
        .insert(files)
        .values({
          sha256: page.sha256,
          bytes: page.bytes,
          mime: page.mime,
          width: page.width ?? null,
          height: page.height ?? null,
          uploadedBy,
          createdAt: new Date().toISOString(),
        })
        .onConflictDoNothing();
      // An upload makes its sender a holder even of bytes already stored (server/files/possession.ts).
      await db
        .insert(fileHolders)
        .values({ sha256: page.sha256, userId: uploadedBy, at: new Date().toISOString() })
        .onConflictDoNothing();
    }
  }
}

export function mutation<N extends Mutation["name"]>(
  seq: number,
  name: N,
  args: Extract<Mutation, { name: N }>["args"],
  baseVersion = 0,
): Mutation {
  return { seq, mutationId: uuidv7(), name, args, baseVersion } as Mutation;
}

/** Pushes one mutation through the real app as `user` and answers its result (the push itself must be a 200). */
export async function pushOne(
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  user: { cookie: string },
  clientId: string,
  one: Mutation,
): Promise<MutationResult> {
  const response = await app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: user.cookie },
    body: JSON.stringify({ clientId, mutations: [one] }),
  });
  if (response.status !== 200) throw new Error(`push answered ${response.status}`);
  const result = PushResponse.parse(await response.json()).results[0];
  if (!result) throw new Error("no result");
  return result;
}
