import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import sharp from "sharp";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { applications, users } from "../../server/db/schema";
import { getGuide, publishGuide } from "../../server/guides/repository";
import { seedCatalogue } from "../../server/seed/catalogue";
import type { Draft } from "../../shared/draft";
import { Guide } from "../../shared/guide";
import { mustMoveBeforeSubmit } from "../../shared/guide-changes";
import { jakartaDate } from "../../shared/jakarta-time";
import { type PrecheckResult, precheck } from "../../shared/precheck";
import { createRegionIndex } from "../../shared/regions";
import type { MutationResult } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, pushOne, storeFilesOf } from "../helpers/drafts";
import { filledDraftFor, labelSha } from "../helpers/filled-draft";
import { seededDatabase } from "../helpers/temp-db";
import { sha256Hex, tusUpload } from "../helpers/tus-client";

/**
 * The promise: a file the phone calls ready is accepted by the server, and a
 * file the server refuses was never called ready on the phone, for the same
 * reasons, named by requirement and field. Driven through the real Hono app
 * over a real SQLite copy of the seeded catalogue.
 */
const regions = createRegionIndex();
const CIDENG = "31.71.01.1002";
const GAMBIR = "31.71.01.1001";
const PASAR_BARU = "31.71.02.1001";
const guides = seedCatalogue.map((input) => Guide.parse(input));

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;
let clientId: string;
let seq: number;

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db, filesDir: join(env.dir, "files") });
  cadre = await createTestUser(env.db, "cadre", { kecamatanCode: "31.71.01" });
  // The cadre's own kelurahan: the office a file goes to when none is picked.
  await env.db.update(users).set({ kelurahanCode: CIDENG }).where(eq(users.id, cadre.id));
  clientId = randomUUID();
  seq = 0;
});
afterEach(() => env.cleanup());

async function submit(draft: Draft): Promise<MutationResult> {
  seq += 1;
  return pushOne(app, cadre, clientId, mutation(seq, "submitApplication", { draft }));
}

function phoneVerdict(guide: Guide, draft: Draft): PrecheckResult {
  return precheck(guide, draft, { today: jakartaDate(new Date()), regions, homeOffice: CIDENG });
}

const where = (r: { code: string; requirementId?: string | undefined; field?: string | undefined }) =>
  `${r.code}|${r.requirementId ?? ""}|${r.field ?? ""}`;

function expectSameVerdict(phone: PrecheckResult, server: MutationResult): void {
  if (phone.verdict === "ready") {
    expect(server.status, JSON.stringify(server)).toBe("applied");
    return;
  }
  expect(server.status).toBe("rejected");
  expect(server.code).toBe("precheck-failed");
  const named = (server.reasons ?? []).map((r) => where(r as Parameters<typeof where>[0]));
  expect(named).toEqual(phone.toFix.map(where));
}

/** Near-valid drafts: a careful cadre's file with a few things changed, so both verdicts occur. */
function perturbed(guide: Guide): fc.Arbitrary<Draft> {
  const paper = guide.requirements.filter((r) => r.kind !== "data").map((r) => r.id);
  const today = jakartaDate(new Date());
  const changes = fc.record(
    {
      dropPageOf: fc.constantFrom(...paper),
      unsign: fc.constantFrom(...paper),
      tinyPageOf: fc.constantFrom(...paper),
      pngPageOf: fc.constantFrom(...paper),
      countPages: fc.tuple(fc.constantFrom(...paper), fc.integer({ min: 1, max: 6 })),
      answers: fc.dictionary(
        fc.constantFrom(...(guide.questions.length ? guide.questions.map((q) => q.id) : ["tidak-ada"])),
        fc.boolean(),
      ),
      name: fc.constantFrom("Siti Nur’aini", "José\u00a0Ramos", "Budi123", "", "Ni Luh Putu Ayu"),
      nik: fc.constantFrom("3171015203900001", "3201011203900001", "3171011203900009", "1234"),
      phone: fc.constantFrom("0812-3456-7890", "+6281234567890", "12"),
      village: fc.constantFrom(CIDENG, GAMBIR, PASAR_BARU),
      office: fc.constantFrom("", CIDENG, PASAR_BARU, "31.71.01"),
      issuedOn: fc.constantFrom(today, "2020-01-01", "2099-01-01", ""),
    },
    { requiredKeys: [] },
  );
  return changes.map((c) => {
    const draft = filledDraftFor(guide, { id: uuidv7(), today, pageSha256: labelSha("page") });
    const doc = (id: string | undefined) => (id ? draft.documents[id] : undefined);
    doc(c.dropPageOf)?.pages.pop();
    const unsigned = doc(c.unsign);
    if (unsigned) delete unsigned.signedOn;
    const tiny = doc(c.tinyPageOf)?.pages[0];
    if (tiny && tiny.mime !== "application/pdf") Object.assign(tiny, { width: 640, height: 480 });
    const png = doc(c.pngPageOf)?.pages[0];
    if (png) png.mime = "image/png";
    if (c.countPages) {
      const counted = doc(c.countPages[0]);
      if (counted) counted.pagesWithEntries = c.countPages[1];
    }
    for (const [id, value] of Object.entries(c.answers ?? {})) {
      const question = guide.questions.find((q) => q.id === id);
      if (question?.kind === "yes-no") draft.answers[id] = value;
    }
    if (c.name !== undefined) draft.applicant.fullName = c.name;
    if (c.nik !== undefined) draft.applicant.nik = c.nik;
    if (c.phone !== undefined) draft.applicant.phone = c.phone;
    if (c.village !== undefined) draft.applicant.address.villageCode = c.village;
    if (c.office !== undefined) draft.officeAreaCode = c.office;
    if (c.issuedOn !== undefined) for (const d of Object.values(draft.documents)) d.issuedOn = c.issuedOn;
    // The same bytes are always the same type and size: one hash per stored file (the server refuses a page
    // declared otherwise than its stored file, page-mismatch, before its pre-check ever runs).
    for (const d of Object.values(draft.documents)) {
      for (const page of d.pages) {
        page.sha256 = labelSha(`page ${page.mime} ${page.width ?? "-"}x${page.height ?? "-"}`);
      }
    }
    return draft;
  });
}

describe("the phone's and the server's verdicts", () => {
  it("are identical for any draft of any seeded guide", async () => {
    // Files already accepted, per service and NIK: a service filed once refuses the next one on the server
    // alone (it sees every cadre's files), which is the one difference the phone cannot know.
    const accepted = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...guides).chain((guide) => fc.tuple(fc.constant(guide), perturbed(guide))),
        async ([guide, draft]) => {
          await storeFilesOf(env.db, draft, cadre.id);
          const phone = phoneVerdict(guide, draft);
          const server = await submit(draft);
          const key = `${guide.id}|${draft.applicant.nik.replace(/\D/g, "")}`;
          if (phone.verdict === "ready" && guide.filedOnce && accepted.has(key)) {
            expect(server).toMatchObject({ status: "rejected", code: "duplicate-file" });
            return;
          }
          expectSameVerdict(phone, server);
          if (server.status === "applied") accepted.add(key);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("are identical for drafts pinned to an older version, whether the newer one binds or not", async () => {
    // Each run publishes a newer version of one guide that tightens a paper's page count or adds a paper,
    // binding files not yet submitted or only new drafts, then submits a draft pinned to the older or the
    // newer version. Phone: the pinned version's pre-check, or "move first" where the shared rule says so.
    const latest = new Map(guides.map((g) => [g.id, g]));
    const tighten = fc.record({ addPaper: fc.boolean(), binding: fc.boolean(), pinOld: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...guides).chain((g) => fc.tuple(fc.constant(g.id), tighten, perturbed(g))),
        async ([id, change, sample]) => {
          const before = latest.get(id) as Guide;
          const paper = before.requirements.find((r) => r.kind === "document");
          const requirements = change.addPaper
            ? [
                ...before.requirements,
                {
                  id: `tambahan-v${before.version + 1}`,
                  kind: "document" as const,
                  label: { id: "Surat tambahan", en: "Additional letter" },
                  acceptance: { form: "original" as const },
                  minPages: 1,
                },
              ]
            : before.requirements.map((r) => (r === paper ? { ...r, minPages: (r.minPages ?? 1) + 1 } : r));
          const version = before.version + 1;
          await publishGuide(env.db, {
            ...before,
            version,
            requirements,
            ...(change.binding ? { minSubmitVersion: version } : {}),
          });
          const after = Guide.parse((await getGuide(env.db, id))?.guide);
          latest.set(id, after);
          const pinned = change.pinOld ? before : after;
          // The perturbed draft was made for the seeded version: carry its content over to the pinned one.
          const draft = filledDraftFor(pinned, {
            id: uuidv7(),
            today: jakartaDate(new Date()),
            pageSha256: labelSha("page"),
          });
          Object.assign(draft, {
            applicant: sample.applicant,
            answers: sample.answers,
            officeAreaCode: sample.officeAreaCode,
          });
          for (const [rid, doc] of Object.entries(sample.documents))
            if (draft.documents[rid]) draft.documents[rid] = doc;
          await storeFilesOf(env.db, draft, cadre.id);
          const server = await submit(draft);
          if (mustMoveBeforeSubmit(after, draft.guideVersion, false)) {
            expect(server).toMatchObject({ status: "rejected", code: "guide-outdated", guideVersion: after.version });
            expect(server.changes?.length).toBeGreaterThan(0);
            return;
          }
          const phone = phoneVerdict(pinned, draft);
          if (phone.verdict === "ready" && pinned.filedOnce && server.code === "duplicate-file") return;
          expectSameVerdict(phone, server);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("both call a carefully prepared file of every seeded guide ready", async () => {
    for (const guide of guides) {
      const draft = filledDraftFor(guide, { id: uuidv7(), today: jakartaDate(new Date()), villageCode: CIDENG });
      await storeFilesOf(env.db, draft, cadre.id);
      const phone = phoneVerdict(guide, draft);
      expect(phone.toFix.map(where), guide.id).toEqual([]);
      expectSameVerdict(phone, await submit(draft));
    }
  });
});

describe("the office a file goes to", () => {
  it("is the cadre's own kelurahan when none is picked, recorded with the file for its review", async () => {
    const guide = guides.find((g) => g.id === "surat-keterangan-domisili");
    if (!guide) throw new Error("seed lacks domisili");
    const draft = filledDraftFor(guide, { id: uuidv7(), today: jakartaDate(new Date()), villageCode: CIDENG });
    await storeFilesOf(env.db, draft, cadre.id);
    expect(await submit(draft)).toMatchObject({ status: "applied" });
    const [row] = await env.db.select().from(applications).where(eq(applications.id, draft.id));
    if (!row) throw new Error("not stored");
    expect(row.kecamatanCode).toBe("31.71.01");
    expect((row.content as Draft).officeAreaCode).toBe(CIDENG);
  });
});

describe("the whole path over HTTP: upload, save, submit", () => {
  let photo: Uint8Array;
  let pdf: Uint8Array;
  beforeAll(async () => {
    photo = new Uint8Array(
      await sharp({ create: { width: 1600, height: 1200, channels: 3, background: "#f4efe6" } })
        .jpeg({ quality: 80 })
        .toBuffer(),
    );
    pdf = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
  });

  async function uploaded(): Promise<{ photo: string; pdf: string }> {
    for (const [bytes, mime] of [
      [photo, "image/jpeg"],
      [pdf, "application/pdf"],
    ] as const) {
      const response = await tusUpload(app, cadre, bytes, mime);
      expect(response.status, await response.clone().text()).toBe(204);
    }
    return { photo: sha256Hex(photo), pdf: sha256Hex(pdf) };
  }

  /** The draft with every page pointing at what was really uploaded: the photo, or the PDF where only PDF is accepted. */
  function withUploads(guide: Guide, hashes: { photo: string; pdf: string }): Draft {
    const draft = filledDraftFor(guide, { id: uuidv7(), today: jakartaDate(new Date()), villageCode: CIDENG });
    for (const document of Object.values(draft.documents)) {
      for (const page of document.pages) {
        if (page.mime === "application/pdf") page.sha256 = hashes.pdf;
        else Object.assign(page, { sha256: hashes.photo, mime: "image/jpeg", width: 1600, height: 1200 });
      }
    }
    return draft;
  }

  const services = guides.slice(0, 12);

  it.each(services.map((g) => [g.id, g] as const))(
    "accepts a complete %s and refuses its defective twin",
    async (_id, guide) => {
      const hashes = await uploaded();
      const valid = withUploads(guide, hashes);
      seq += 1;
      const saved = await app.request("/api/sync/push", {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
        body: JSON.stringify({ clientId, mutations: [mutation(seq, "putDraft", { draft: valid })] }),
      });
      expect(saved.status).toBe(200);
      expect((await submit(valid)).status).toBe("applied");

      // The twin: the first paper requirement that always applies loses its pages.
      const target = guide.requirements.find((r) => r.kind !== "data" && !r.when);
      if (!target) return;
      const defective = withUploads(guide, hashes);
      const document = defective.documents[target.id];
      if (document) document.pages = [];
      const refused = await submit(defective);
      expect(refused).toMatchObject({ status: "rejected", code: "precheck-failed" });
      expect(refused.reasons).toContainEqual(
        expect.objectContaining({
          code: "document-missing",
          requirementId: target.id,
          field: `documents.${target.id}.pages`,
        }),
      );
    },
  );

  it("refuses a photo too small to read at upload, with a code, and stores nothing", async () => {
    const small = new Uint8Array(
      await sharp({ create: { width: 200, height: 150, channels: 3, background: "#ffffff" } })
        .jpeg()
        .toBuffer(),
    );
    const response = await tusUpload(app, cadre, small, "image/jpeg");
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("image_too_small");
    const found = await app.request(`/api/files/sha256/${sha256Hex(small)}`, { headers: { Cookie: cadre.cookie } });
    expect(found.status).toBe(404);
  });

  it("accepts a PNG page where a guide lists PNG", async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 1200, height: 1600, channels: 3, background: "#eeeeee" } })
        .png()
        .toBuffer(),
    );
    const response = await tusUpload(app, cadre, png, "image/png");
    expect(response.status, await response.clone().text()).toBe(204);
  });
});
