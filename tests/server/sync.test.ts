import { and, count, eq } from "drizzle-orm";
import fc from "fast-check";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { applicationEvents, applications, mutations, syncClients } from "../../server/db/schema";
import { publishGuide, withdrawGuide } from "../../server/guides/repository";
import { seedIfEmpty } from "../../server/seed/seed";
import { recordVerdict } from "../../server/sync/applications";
import { CataloguePage } from "../../shared/api/catalogue";
import { ApiError } from "../../shared/api/errors";
import type { Draft } from "../../shared/draft";
import { Guide } from "../../shared/guide";
import { type Mutation, PullResponse, PushResponse } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { tempDatabase } from "../helpers/temp-db";

let env: Awaited<ReturnType<typeof tempDatabase>>;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;
let clientId: string;

beforeEach(async () => {
  env = await tempDatabase();
  await seedIfEmpty(env.db);
  app = createApp({ db: env.db });
  cadre = await createTestUser(env.db, "cadre");
  clientId = uuidv7();
});
afterEach(() => env.cleanup());

function push(body: unknown, user: TestUser = cadre, headers: Record<string, string> = {}) {
  return app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: user.cookie, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function pushOk(mutationsToSend: Mutation[], user: TestUser = cadre, client = clientId) {
  const response = await push({ clientId: client, mutations: mutationsToSend }, user);
  expect(response.status).toBe(200);
  return PushResponse.parse(await response.json());
}

async function pull(query: string, user: TestUser = cadre) {
  const response = await app.request(`/api/sync/pull?${query}`, { headers: { Cookie: user.cookie } });
  return { response, body: (await response.json()) as unknown };
}

async function state() {
  return {
    applications: await env.db.select().from(applications),
    mutations: (await env.db.select({ n: count() }).from(mutations))[0]?.n,
    clients: await env.db.select().from(syncClients),
  };
}

describe("push", () => {
  it("applies a batch in order and acknowledges each mutation", async () => {
    const draft = readyDraft();
    const result = await pushOk([mutation(1, "putDraft", { draft }), mutation(2, "putDraft", { draft })]);
    expect(result.lastAppliedSeq).toBe(2);
    expect(result.results.map((r) => [r.seq, r.status, r.version])).toEqual([
      [1, "applied", 1],
      [2, "applied", 2],
    ]);
    expect((await state()).applications).toHaveLength(1);
  });

  it("applies a duplicate batch sent several times at once exactly once", async () => {
    const batch = [mutation(1, "putDraft", { draft: readyDraft() }), mutation(2, "putDraft", { draft: readyDraft() })];
    const responses = await Promise.all(Array.from({ length: 5 }, () => push({ clientId, mutations: batch })));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = await Promise.all(responses.map(async (r) => PushResponse.parse(await r.json())));
    expect(bodies.flatMap((b) => b.results).filter((r) => r.status === "applied")).toHaveLength(2);
    expect((await state()).applications).toHaveLength(2);
    expect((await state()).mutations).toBe(2);
  });

  it("applies a retried batch once when the first response was lost after commit", async () => {
    const draft = readyDraft();
    const batch = [mutation(1, "putDraft", { draft })];
    await push({ clientId, mutations: batch }); // the phone never saw this response
    const retry = await pushOk(batch);
    expect(retry.results).toEqual([{ seq: 1, mutationId: batch[0]?.mutationId, status: "duplicate" }]);
    expect((await state()).applications[0]?.version).toBe(1);
  });

  it("stops at a seq gap and applies nothing past it", async () => {
    await pushOk([mutation(1, "putDraft", { draft: readyDraft() })]);
    const result = await pushOk([
      mutation(3, "putDraft", { draft: readyDraft() }),
      mutation(4, "putDraft", { draft: readyDraft() }),
    ]);
    expect(result).toEqual({ lastAppliedSeq: 1, results: [], expectedSeq: 2 });
    expect((await state()).applications).toHaveLength(1);
  });

  it("records a mutation that can never succeed as rejected, visibly, without blocking the rest", async () => {
    const incomplete = { ...readyDraft(), answers: {} };
    const good = readyDraft();
    await storeFilesOf(env.db, good, cadre.id);
    const result = await pushOk([
      mutation(1, "submitApplication", { draft: incomplete }),
      mutation(2, "submitApplication", { draft: good }),
    ]);
    expect(result.results[0]).toMatchObject({ status: "rejected", code: "precheck-failed" });
    expect(result.results[0]?.reasons?.map((reason) => reason.code)).toContain("question-unanswered");
    expect(result.results[1]).toMatchObject({ status: "applied" });
    expect(result.lastAppliedSeq).toBe(2);
  });

  it("repeats a refusal when a refused mutation is sent again after a lost response", async () => {
    const batch = [mutation(1, "submitApplication", { draft: { ...readyDraft(), answers: {} } })];
    await pushOk(batch); // response lost
    const again = await pushOk(batch);
    expect(again.results).toEqual([
      { seq: 1, mutationId: batch[0]?.mutationId, status: "duplicate", code: "precheck-failed" },
    ]);
  });

  it("never accepts a submit whose photos the server does not have", async () => {
    const draft = readyDraft();
    const result = await pushOk([mutation(1, "submitApplication", { draft })]);
    expect(result.results[0]).toMatchObject({ status: "rejected", code: "file-missing" });
    expect((await state()).applications).toHaveLength(0);
    await storeFilesOf(env.db, draft, cadre.id);
    const again = await pushOk([mutation(2, "submitApplication", { draft })]);
    expect(again.results[0]).toMatchObject({ status: "applied" });
    expect((await state()).applications[0]?.status).toBe("submitted");
  });

  it("keeps saving a draft of a withdrawn service but takes no file for it", async () => {
    const draft = readyDraft();
    await storeFilesOf(env.db, draft, cadre.id);
    await withdrawGuide(env.db, draft.guideId);
    const result = await pushOk([mutation(1, "putDraft", { draft }), mutation(2, "submitApplication", { draft })]);
    expect(result.results.map((r) => [r.status, r.code])).toEqual([
      ["applied", undefined],
      ["rejected", "guide-withdrawn"],
    ]);
    expect((await state()).applications[0]?.status).toBe("draft");
  });

  it("locks a submitted application until the office asks for a fix, then lets the cadre resubmit", async () => {
    const draft = readyDraft();
    await storeFilesOf(env.db, draft, cadre.id);
    await pushOk([mutation(1, "submitApplication", { draft })]);
    const locked = await pushOk([mutation(2, "putDraft", { draft })]);
    expect(locked.results[0]).toMatchObject({ status: "rejected", code: "workflow-locked" });
    await recordVerdict(env.db, draft.id, {
      decision: "needs-fix",
      requirements: { "ktp-el": { status: "needs-fix", reason: "Foto KTP buram" } },
      decidedAt: new Date().toISOString(),
    });
    const fixed = await pushOk([mutation(3, "putDraft", { draft }), mutation(4, "submitApplication", { draft })]);
    expect(fixed.results.map((r) => r.status)).toEqual(["applied", "applied"]);
    expect((await state()).applications[0]?.status).toBe("submitted");
  });

  it("refuses another cadre's clientId and another cadre's application, leaking nothing", async () => {
    const other = await createTestUser(env.db, "cadre");
    const draft = readyDraft({ name: "Rahasia Orang Lain" });
    const otherClient = uuidv7();
    await pushOk([mutation(1, "putDraft", { draft })], other, otherClient);
    // Same application id from a different cadre.
    const result = await pushOk([
      mutation(1, "putDraft", { draft: { ...draft, applicant: { ...draft.applicant, fullName: "Penyusup" } } }),
    ]);
    expect(result.results[0]).toMatchObject({ status: "rejected", code: "not-owner" });
    expect(JSON.stringify(result)).not.toContain("Rahasia");
    // Another cadre's clientId.
    const response = await push({
      clientId: otherClient,
      mutations: [mutation(2, "putDraft", { draft: readyDraft() })],
    });
    expect(response.status).toBe(403);
    expect(ApiError.parse(await response.json()).error.code).toBe("client_not_owned");
    const pulled = await pull(`clientId=${otherClient}`);
    expect(pulled.response.status).toBe(403);
    // Nothing of the other cadre's appears in this cadre's pull.
    const mine = PullResponse.parse((await pull("")).body);
    expect(JSON.stringify(mine)).not.toContain(draft.id);
  });

  it("requires a signed-in cadre", async () => {
    const anonymous = await app.request("/api/sync/push", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ clientId, mutations: [mutation(1, "putDraft", { draft: readyDraft() })] }),
    });
    expect(anonymous.status).toBe(401);
    const operator = await createTestUser(env.db, "operator");
    expect(
      (await push({ clientId, mutations: [mutation(1, "putDraft", { draft: readyDraft() })] }, operator)).status,
    ).toBe(403);
    expect((await state()).applications).toHaveLength(0);
  });

  it.each([
    ["malformed JSON", "{not json", 400, "invalid_json"],
    ["an empty batch", { clientId: uuidv7(), mutations: [] }, 400, "invalid_body"],
    [
      "a negative seq",
      { clientId: uuidv7(), mutations: [{ ...mutation(1, "deleteDraft", { id: uuidv7() }), seq: -1 }] },
      400,
      "invalid_body",
    ],
    [
      "a huge seq",
      { clientId: uuidv7(), mutations: [{ ...mutation(1, "deleteDraft", { id: uuidv7() }), seq: 1e300 }] },
      400,
      "invalid_body",
    ],
    [
      "a mutation without a mutation id",
      { clientId: uuidv7(), mutations: [{ ...mutation(1, "deleteDraft", { id: uuidv7() }), mutationId: "x" }] },
      400,
      "invalid_body",
    ],
    [
      "a mutation whose name is not a string",
      { clientId: uuidv7(), mutations: [{ ...mutation(1, "deleteDraft", { id: uuidv7() }), name: 7 }] },
      400,
      "invalid_body",
    ],
    ["a __proto__ key", `{"clientId":"${uuidv7()}","mutations":[],"__proto__":{"admin":true}}`, 400, "invalid_body"],
  ])("refuses %s with a 4xx code and changes nothing", async (_name, body, status, code) => {
    const before = await state();
    const response = await push(body);
    expect(response.status).toBe(status);
    expect(ApiError.parse(await response.json()).error.code).toBe(code);
    expect(await state()).toEqual(before);
  });

  it("refuses an oversized body with 413", async () => {
    const response = await push(JSON.stringify({ clientId, mutations: [], padding: "x".repeat(3_000_000) }));
    expect(response.status).toBe(413);
    expect((await state()).applications).toHaveLength(0);
  });

  it("never crashes or changes state on arbitrary JSON", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const response = await push(JSON.stringify(value));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
        expect((await state()).applications).toHaveLength(0);
      }),
      { numRuns: 200, seed: 20261123 },
    );
  });
});

describe("a malformed mutation", () => {
  /** A page the phone declared with 0 bytes and a type the server does not take. */
  function brokenPage(draft: Draft): unknown {
    const page = draft.documents["ktp-el"]?.pages[0];
    return {
      ...draft,
      documents: { ...draft.documents, "ktp-el": { pages: [{ ...page, bytes: 0, mime: "image/gif" }], issuedOn: "" } },
    };
  }

  it("is refused on its own with the failing paths; the rest applies and the seq moves past it", async () => {
    const first = readyDraft();
    const last = readyDraft();
    const bad = { ...mutation(2, "putDraft", { draft: readyDraft() }), args: { draft: brokenPage(readyDraft()) } };
    const batch = [mutation(1, "putDraft", { draft: first }), bad, mutation(3, "putDraft", { draft: last })];
    const result = await pushOk(batch as Mutation[]);
    expect(result.lastAppliedSeq).toBe(3);
    expect(result.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, "applied", undefined],
      [2, "rejected", "invalid-mutation"],
      [3, "applied", undefined],
    ]);
    const paths = result.results[1]?.issues?.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["args", "draft", "documents", "ktp-el", "pages", 0, "bytes"],
        ["args", "draft", "documents", "ktp-el", "pages", 0, "mime"],
      ]),
    );
    expect((await state()).applications.map((row) => row.id).sort()).toEqual([first.id, last.id].sort());
    const recorded = (
      await env.db
        .select()
        .from(mutations)
        .where(and(eq(mutations.clientId, clientId), eq(mutations.seq, 2)))
    )[0];
    expect(recorded).toMatchObject({ mutationId: bad.mutationId, name: "putDraft", status: "rejected" });
    expect(recorded?.errorCode).toBe("invalid-mutation");
    expect((await state()).clients[0]?.lastSeq).toBe(3);

    // The phone never saw that answer and sends the same batch: acknowledged, nothing applied twice.
    const again = await pushOk(batch as Mutation[]);
    expect(again.lastAppliedSeq).toBe(3);
    expect(again.results.map((r) => [r.status, r.code])).toEqual([
      ["duplicate", undefined],
      ["duplicate", "invalid-mutation"],
      ["duplicate", undefined],
    ]);
    expect((await state()).applications.map((row) => row.version)).toEqual([1, 1]);
  });

  it.each([
    ["an unknown mutation", (m: Mutation) => ({ ...m, name: "dropTables" })],
    ["a string where a draft belongs", (m: Mutation) => ({ ...m, args: { draft: "x" } })],
    ["a missing baseVersion", ({ baseVersion: _b, ...m }: Mutation) => m],
    [
      "a path trick in a blob id",
      (m: Mutation) => {
        const draft = readyDraft();
        const page = {
          blobId: "../../etc/passwd",
          sha256: "../x",
          mime: "image/webp",
          bytes: 1,
          addedAt: draft.createdAt,
        };
        return { ...m, args: { draft: { ...draft, documents: { x: { pages: [page], issuedOn: "" } } } } };
      },
    ],
  ])("%s is recorded as rejected and never blocks the outbox", async (_name, spoil) => {
    const good = mutation(2, "putDraft", { draft: readyDraft() });
    const response = await push({
      clientId,
      mutations: [spoil(mutation(1, "putDraft", { draft: readyDraft() })), good],
    });
    expect(response.status).toBe(200);
    const result = PushResponse.parse(await response.json());
    expect(result.lastAppliedSeq).toBe(2);
    expect(result.results[0]).toMatchObject({ status: "rejected", code: "invalid-mutation" });
    expect(result.results[0]?.issues?.length).toBeGreaterThan(0);
    expect(result.results[1]).toMatchObject({ status: "applied" });
    expect((await state()).applications).toHaveLength(1);
  });
});

describe("a key that could reach an object's prototype", () => {
  it.each([
    ["constructor", (body: string) => body.replace('"answers":{', '"answers":{"constructor":{"x":1},')],
    ["__proto__", (body: string) => body.replace('"answers":{', '"answers":{"__proto__":{"admin":true},')],
    ["prototype", (body: string) => body.replace('"args":{', '"prototype":1,"args":{')],
  ])("inside one mutation (%s) refuses that mutation only, naming the path; the rest applies", async (key, spoil) => {
    const [first, second, spoilt] = [readyDraft(), readyDraft(), readyDraft()];
    const raw = JSON.stringify({
      clientId,
      mutations: [1, 2, 3].map((seq, i) => mutation(seq, "putDraft", { draft: [first, second, spoilt][i] as Draft })),
    });
    // The key goes into the last mutation only.
    const parts = raw.split(/(?=\{"seq":)/);
    const response = await push(parts.slice(0, -1).join("") + spoil(parts.at(-1) ?? ""));
    expect(response.status).toBe(200);
    const result = PushResponse.parse(await response.json());
    expect(result.lastAppliedSeq).toBe(3);
    expect(result.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, "applied", undefined],
      [2, "applied", undefined],
      [3, "rejected", "invalid-mutation"],
    ]);
    const path = key === "prototype" ? [key] : ["args", "draft", "answers", key];
    expect(result.results[2]?.issues).toEqual([{ path, message: expect.any(String) }]);
    expect((await state()).applications.map((row) => row.id).sort()).toEqual([first.id, second.id].sort());
    expect((await state()).clients[0]?.lastSeq).toBe(3);
    // Nothing reached a prototype.
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("outside any mutation, or in one that cannot be recorded, still refuses the whole push", async () => {
    const noSeq = JSON.stringify({
      clientId,
      mutations: [{ ...mutation(1, "deleteDraft", { id: uuidv7() }), seq: "one", args: { constructor: 1 } }],
    });
    const envelope = `{"clientId":"${clientId}","constructor":1,"mutations":[${JSON.stringify(mutation(1, "deleteDraft", { id: uuidv7() }))}]}`;
    for (const body of [noSeq, envelope]) {
      const before = await state();
      const response = await push(body);
      expect(response.status).toBe(400);
      expect(ApiError.parse(await response.json()).error.code).toBe("invalid_body");
      expect(await state()).toEqual(before);
    }
  });
});

describe("text holding the NUL character (U+0000), which PostgreSQL cannot store", () => {
  it("inside one mutation refuses that mutation only, naming the field; the rest applies, on either engine", async () => {
    const [first, spoilt] = [readyDraft(), readyDraft()];
    const nul = { ...spoilt, applicant: { ...spoilt.applicant, fullName: "Wulan\u0000Sari" } };
    const result = await pushOk([mutation(1, "putDraft", { draft: first }), mutation(2, "putDraft", { draft: nul })]);
    expect(result.results.map((r) => [r.seq, r.status, r.code])).toEqual([
      [1, "applied", undefined],
      [2, "rejected", "invalid-mutation"],
    ]);
    expect(result.results[1]?.issues).toEqual([
      { path: ["args", "draft", "applicant", "fullName"], message: expect.stringContaining("U+0000") },
    ]);
    expect((await state()).applications.map((row) => row.id)).toEqual([first.id]);
  });

  it("in a key, or outside any mutation, refuses the whole push with 400 invalid_body", async () => {
    const inKey = JSON.stringify({
      clientId,
      mutations: [mutation(1, "deleteDraft", { id: uuidv7() })],
      "x\u0000": 1,
    });
    const before = await state();
    const response = await push(inKey);
    expect(response.status).toBe(400);
    expect(ApiError.parse(await response.json()).error.code).toBe("invalid_body");
    expect(await state()).toEqual(before);
  });
});

describe("a refused submit", () => {
  it("names, for every reason, the requirement and the field it concerns", async () => {
    const draft = readyDraft();
    const refused = {
      ...draft,
      applicant: { ...draft.applicant, nik: "" },
      documents: { ...draft.documents, "ktp-el": { pages: [], issuedOn: "" } },
    };
    const result = await pushOk([mutation(1, "submitApplication", { draft: refused })]);
    expect(result.results[0]).toMatchObject({ status: "rejected", code: "precheck-failed" });
    const reasons = result.results[0]?.reasons ?? [];
    const words = { id: expect.any(String), en: expect.any(String) };
    expect(reasons).toContainEqual({
      code: "document-missing",
      requirementId: "ktp-el",
      field: "documents.ktp-el.pages",
      message: words,
    });
    expect(reasons.find((reason) => reason.field === "applicant.nik")).toMatchObject({ message: words });
    // Every reason points somewhere: a requirement, a field, or both.
    for (const reason of reasons) expect(reason.requirementId ?? reason.field).toBeTruthy();
    // The history keeps the codes only, for the dashboard.
    const event = (
      await env.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, draft.id))
    )[0];
    expect(event?.detail).toEqual({ reasons: reasons.map((reason) => reason.code) });
  });
});

describe("new guide versions", () => {
  const DOMISILI = "surat-keterangan-domisili";
  const EXTRA = { id: "surat-pernyataan-baru", kind: "document", label: { id: "Pernyataan", en: "Statement" } };

  /** The office adds a requirement to the domisili guide, as an operator would in the console. */
  async function publishV2(binding: boolean | undefined) {
    const admin = await createTestUser(env.db, "admin");
    const call = (method: string, path: string, body: unknown) =>
      app.request(path, {
        method,
        headers: { "Content-Type": "application/json", Cookie: admin.cookie },
        body: JSON.stringify(body),
      });
    const current = CataloguePage.parse(await (await app.request("/api/guides")).json()).guides.find(
      (guide) => guide.id === DOMISILI,
    );
    if (!current) throw new Error("seed missing");
    const draft = { ...current, requirements: [...current.requirements, EXTRA] };
    expect((await call("PUT", `/api/console/guides/${DOMISILI}/draft`, { draft })).status).toBe(200);
    const body = {
      changeNote: "Syarat pernyataan baru",
      expectedVersion: 1,
      ...(binding === undefined ? {} : { binding }),
    };
    expect((await call("POST", `/api/console/guides/${DOMISILI}/publish`, body)).status).toBe(200);
  }

  async function catalogueGuide(): Promise<Guide> {
    const page = CataloguePage.parse(await (await app.request("/api/guides")).json());
    return Guide.parse(page.guides.find((guide) => guide.id === DOMISILI));
  }

  it("binding (the default): an old-version submit is refused naming the new version and what changed", async () => {
    const before = readyDraft();
    const sentBack = readyDraft();
    await storeFilesOf(env.db, before, cadre.id);
    await storeFilesOf(env.db, sentBack, cadre.id);
    await pushOk([
      mutation(1, "submitApplication", { draft: before }),
      mutation(2, "submitApplication", { draft: sentBack }),
    ]);
    await recordVerdict(env.db, sentBack.id, {
      decision: "needs-fix",
      requirements: { "ktp-el": { status: "needs-fix", reason: "Foto KTP buram" } },
      decidedAt: new Date().toISOString(),
    });
    const submittedRow = (await state()).applications.find((row) => row.id === before.id);

    await publishV2(undefined);
    expect(await catalogueGuide()).toMatchObject({ version: 2, minSubmitVersion: 2 });

    const old = readyDraft();
    await storeFilesOf(env.db, old, cadre.id);
    const result = await pushOk([
      mutation(3, "putDraft", { draft: old }),
      mutation(4, "submitApplication", { draft: old }),
      mutation(5, "submitApplication", { draft: sentBack }),
    ]);
    expect(result.lastAppliedSeq).toBe(5);
    expect(result.results[0]).toMatchObject({ status: "applied" });
    expect(result.results[1]).toEqual({
      seq: 4,
      mutationId: expect.any(String),
      status: "rejected",
      code: "guide-outdated",
      guideVersion: 2,
      changes: [{ kind: "added", requirementId: EXTRA.id }],
    });
    // A file the office already had (sent back for a fix) stays on the version it was reviewed on.
    expect(result.results[2]).toMatchObject({ status: "applied" });

    const rows = new Map((await state()).applications.map((row) => [row.id, row]));
    // The content still saves; the file is not submitted.
    expect([rows.get(old.id)?.status, rows.get(old.id)?.guideVersion]).toEqual(["draft", 1]);
    // A file submitted before the publish is untouched.
    expect(rows.get(before.id)).toEqual(submittedRow);
    expect([rows.get(sentBack.id)?.status, rows.get(sentBack.id)?.guideVersion]).toEqual(["submitted", 1]);

    // Moved to version 2, the same file meets the pre-check's new requirement or not — never guide-outdated.
    const moved = await pushOk([mutation(6, "submitApplication", { draft: { ...old, guideVersion: 2 } })]);
    expect(moved.results[0]).toMatchObject({ status: "rejected", code: "precheck-failed" });
    expect(moved.results[0]?.reasons).toContainEqual(expect.objectContaining({ requirementId: EXTRA.id }));
  });

  it("names a binding change to eligibility rules, residency and questions, not just requirements", async () => {
    const current = await catalogueGuide();
    const rule = {
      id: "umur-minimal-baru",
      date: "applicant.birthDate",
      minYears: 17,
      message: { id: "Pemohon minimal 17 tahun.", en: "The applicant must be at least 17." },
    } as const;
    const question = {
      id: "punya-npwp",
      kind: "yes-no",
      text: { id: "Punya NPWP?", en: "Has a tax number?" },
    } as const;
    await publishGuide(env.db, {
      ...current,
      version: 2,
      minSubmitVersion: 2,
      residency: "kecamatan",
      eligibility: [...(current.eligibility ?? []), rule],
      questions: [...current.questions, question],
    });
    const old = readyDraft();
    await storeFilesOf(env.db, old, cadre.id);
    const result = await pushOk([mutation(1, "submitApplication", { draft: old })]);
    expect(result.results[0]).toMatchObject({ status: "rejected", code: "guide-outdated", guideVersion: 2 });
    expect(result.results[0]?.changes).toEqual([
      { kind: "added", eligibilityId: rule.id },
      { kind: "changed", residency: { from: current.residency ?? null, to: "kecamatan" } },
      { kind: "added", questionId: question.id },
    ]);
  });

  it("non-binding: an old-version submit is still accepted", async () => {
    await publishV2(false);
    const guide = await catalogueGuide();
    expect(guide.version).toBe(2);
    expect(guide.minSubmitVersion).toBeUndefined();
    const old = readyDraft();
    await storeFilesOf(env.db, old, cadre.id);
    const result = await pushOk([mutation(1, "submitApplication", { draft: old })]);
    expect(result.results[0]).toMatchObject({ status: "applied" });
    expect((await state()).applications[0]).toMatchObject({ status: "submitted", guideVersion: 1 });
  });
});

describe("pull", () => {
  it("brings the office's verdict back, with the last applied seq", async () => {
    const draft = readyDraft();
    await storeFilesOf(env.db, draft, cadre.id);
    await pushOk([mutation(1, "submitApplication", { draft })]);
    const first = PullResponse.parse((await pull(`clientId=${clientId}`)).body);
    expect(first.lastAppliedSeq).toBe(1);
    expect(first.changes).toMatchObject([{ id: draft.id, status: "submitted", verdict: null }]);
    await recordVerdict(env.db, draft.id, {
      decision: "needs-fix",
      requirements: { "ktp-el": { status: "needs-fix", reason: "Foto KTP buram" } },
      decidedAt: new Date().toISOString(),
    });
    const second = PullResponse.parse((await pull(`clientId=${clientId}&cursor=${first.cursor}`)).body);
    expect(second.changes).toHaveLength(1);
    expect(second.changes[0]).toMatchObject({
      status: "needs-fix",
      verdict: { requirements: { "ktp-el": { reason: "Foto KTP buram" } } },
    });
    const third = PullResponse.parse((await pull(`clientId=${clientId}&cursor=${second.cursor}`)).body);
    expect(third.changes).toEqual([]);
  });

  it("pages through changes while writes happen without skipping or repeating a change", async () => {
    let seq = 0;
    const drafts = Array.from({ length: 30 }, () => readyDraft());
    await pushOk(drafts.map((draft) => mutation(++seq, "putDraft", { draft })));
    const seen: string[] = [];
    let cursor = "c1.0";
    for (let page = 0; page < 50; page++) {
      const body = PullResponse.parse((await pull(`cursor=${cursor}&limit=7`)).body);
      for (const change of body.changes) seen.push(`${change.id}@${change.version}`);
      cursor = body.cursor;
      // Writes between pages: edit an early draft (already paged) and a late one.
      if (page < 3) {
        const early = drafts[page];
        const late = drafts[29 - page];
        if (early && late) {
          await pushOk([mutation(++seq, "putDraft", { draft: early }), mutation(++seq, "putDraft", { draft: late })]);
        }
      }
      if (!body.hasMore && page >= 3) break;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const latest = new Map<string, number>();
    for (const entry of seen) {
      const [id, version] = entry.split("@");
      if (id && version) latest.set(id, Math.max(latest.get(id) ?? 0, Number(version)));
    }
    const final = (await state()).applications;
    expect(latest.size).toBe(final.length);
    for (const row of final) expect(latest.get(row.id)).toBe(row.version);
  });

  it("starts over when the cursor is newer than the server (a database restored from a backup)", async () => {
    const draft = readyDraft();
    await pushOk([mutation(1, "putDraft", { draft })]);
    const body = PullResponse.parse((await pull("cursor=c1.999999")).body);
    expect(body.changes.map((change) => change.id)).toEqual([draft.id]);
    expect(body.cursor).not.toBe("c1.999999");
  });

  it.each([
    ["a malformed cursor", "cursor=abc", "invalid_cursor"],
    ["a zero limit", "limit=0", "invalid_query"],
    ["a huge limit", "limit=99999999", "invalid_query"],
    ["a bad client id", "clientId=../../x", "invalid_query"],
    ["an unknown parameter", "since=c1.0", "invalid_query"],
  ])("refuses %s", async (_name, query, code) => {
    const { response, body } = await pull(query);
    expect(response.status).toBe(400);
    expect(ApiError.parse(body).error.code).toBe(code);
  });
});
