import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { scopeOf } from "../../server/console/scope";
import { activeDialect } from "../../server/db/dialect";
import { rawAll } from "../../server/db/raw";
import { applicationEvents, applications, auditLog, files, reviewFindings } from "../../server/db/schema";
import { storedFilePath } from "../../server/files/photo-store";
import { getGuideVersion } from "../../server/guides/repository";
import { decodeQueueCursor, encodeQueueCursor, partitionSql } from "../../server/review/queue";
import { recordVerdict } from "../../server/sync/applications";
import { ApplicationDetail, QueuePage, QueueQuery } from "../../shared/api/console";
import { ApiError } from "../../shared/api/errors";
import type { Draft } from "../../shared/draft";
import { sendBackFingerprints } from "../../shared/review/changes";
import { type Mutation, PullResponse, PushResponse } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, sha256, storeFilesOf } from "../helpers/drafts";
import { plainImage } from "../helpers/images";
import { planReads, postgresPlan } from "../helpers/query-plan";
import { seededDatabase } from "../helpers/temp-db";

const KEC_A = "31.75.07";
const KEC_B = "31.71.01";
/** Where each kecamatan's applicants live: a file goes to its kelurahan's office, and so to that kecamatan's queue. */
const VILLAGE_A = "31.75.07.1001";
const VILLAGE_B = "31.71.01.1001";

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let filesDir: string;
let cadreA: TestUser;
let cadreB: TestUser;
let operatorA: TestUser;
let operatorB: TestUser;
let admin: TestUser;
const clients = new Map<string, { clientId: string; seq: number }>();

beforeEach(async () => {
  env = await seededDatabase();
  filesDir = join(env.dir, "files");
  app = createApp({ db: env.db, filesDir });
  cadreA = await createTestUser(env.db, "cadre", { kecamatanCode: KEC_A });
  cadreB = await createTestUser(env.db, "cadre", { kecamatanCode: KEC_B });
  operatorA = await createTestUser(env.db, "operator", { kecamatanCode: KEC_A });
  operatorB = await createTestUser(env.db, "operator", { kecamatanCode: KEC_B });
  admin = await createTestUser(env.db, "admin");
  clients.clear();
});
afterEach(() => env.cleanup());

async function pushAs(cadre: TestUser, build: (seq: number) => Mutation[]): Promise<PushResponse> {
  const client = clients.get(cadre.id) ?? { clientId: uuidv7(), seq: 0 };
  clients.set(cadre.id, client);
  const batch = build(client.seq + 1);
  client.seq += batch.length;
  const response = await app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
    body: JSON.stringify({ clientId: client.clientId, mutations: batch }),
  });
  expect(response.status).toBe(200);
  return PushResponse.parse(await response.json());
}

/** A submitted application, through the real push (its photos "uploaded" first). */
async function submitted(
  cadre: TestUser,
  draft: Draft = readyDraft({ village: cadre === cadreB ? VILLAGE_B : VILLAGE_A }),
): Promise<Draft> {
  await storeFilesOf(env.db, draft, cadre.id);
  const result = await pushAs(cadre, (seq) => [mutation(seq, "submitApplication", { draft })]);
  expect(result.results[0]).toMatchObject({ status: "applied" });
  return draft;
}

function get(path: string, user: TestUser) {
  return app.request(`/api/console/applications${path}`, { headers: { Cookie: user.cookie } });
}

function post(path: string, user: TestUser, body: unknown) {
  return app.request(`/api/console/applications${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: user.cookie },
    body: JSON.stringify(body),
  });
}

async function queue(user: TestUser, query = "") {
  const response = await get(query ? `?${query}` : "", user);
  expect(response.status).toBe(200);
  return QueuePage.parse(await response.json());
}

async function detail(id: string, user: TestUser = operatorA) {
  const response = await get(`/${id}`, user);
  expect(response.status).toBe(200);
  return ApplicationDetail.parse(await response.json());
}

async function errorOf(response: Response, status: number) {
  expect(response.status).toBe(status);
  return ApiError.parse(await response.json()).error;
}

async function row(id: string) {
  const [found] = await env.db.select().from(applications).where(eq(applications.id, id));
  if (!found) throw new Error("no row");
  return found;
}

async function pull(cadre: TestUser) {
  const client = clients.get(cadre.id);
  const response = await app.request(`/api/sync/pull?clientId=${client?.clientId}`, {
    headers: { Cookie: cadre.cookie },
  });
  expect(response.status).toBe(200);
  return PullResponse.parse(await response.json());
}

/** Queue order: oldest submission first, ties by id. */
async function inQueueOrder(ids: string[]): Promise<string[]> {
  const rows = await Promise.all(ids.map((id) => row(id)));
  return rows
    .sort((a, b) =>
      a.submittedAt === b.submittedAt ? (a.id < b.id ? -1 : 1) : (a.submittedAt ?? "") < (b.submittedAt ?? "") ? -1 : 1,
    )
    .map((r) => r.id);
}

describe("the review queue", () => {
  it("lists the open work of the caller's kecamatan, oldest first, and admins see every kecamatan", async () => {
    const a1 = await submitted(cadreA, readyDraft({ name: "Siti Aminah", village: VILLAGE_A }));
    const b1 = await submitted(cadreB, readyDraft({ name: "Budi Santoso", village: VILLAGE_B }));
    const a2 = await submitted(cadreA);
    // A draft never reaches the queue.
    await pushAs(cadreA, (seq) => [mutation(seq, "putDraft", { draft: readyDraft() })]);

    const pageA = await queue(operatorA);
    expect(pageA.items.map((item) => item.id)).toEqual(await inQueueOrder([a1.id, a2.id]));
    expect(pageA.items[0]).toMatchObject({
      id: a1.id,
      guideId: "surat-keterangan-domisili",
      status: "submitted",
      applicantName: "Siti Aminah",
      villageCode: VILLAGE_A,
      cadreId: cadreA.id,
      cadreName: cadreA.username,
      version: 1,
    });
    expect(pageA.items[0]?.guideTitle).toMatch(/Domisili/i);
    expect(pageA.nextCursor).toBeNull();

    const pageB = await queue(operatorB);
    expect(pageB.items.map((item) => item.id)).toEqual([b1.id]);
    expect(JSON.stringify(pageB)).not.toContain("Siti Aminah");

    const all = await queue(admin);
    expect(all.items.map((item) => item.id)).toEqual(await inQueueOrder([a1.id, a2.id, b1.id]));
  });

  it("pages with an opaque cursor without skipping or repeating, and refuses a bad cursor", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await submitted(i % 2 ? cadreA : cadreB)).id);
    for (const user of [admin, operatorA]) {
      const mine: string[] = [];
      for (const id of ids) if (user === admin || (await row(id)).kecamatanCode === KEC_A) mine.push(id);
      const expected = await inQueueOrder(mine);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: QueuePage = await queue(user, `limit=3${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
    for (const bad of ["nope!", Buffer.from('{"s":1}').toString("base64url"), "e30"]) {
      const error = await errorOf(await get(`?cursor=${bad}`, operatorA), 400);
      expect(error.code).toBe("invalid_cursor_value");
    }
    const first = await row(ids[0] ?? "");
    expect(decodeQueueCursor(encodeQueueCursor({ submittedAt: first.submittedAt ?? "", id: first.id }))).toEqual({
      submittedAt: first.submittedAt,
      id: first.id,
    });
  });

  it("filters by status, service, kelurahan and cadre", async () => {
    const other = await createTestUser(env.db, "cadre", { kecamatanCode: KEC_A });
    const mine = await submitted(cadreA);
    const theirs = await submitted(other);
    await recordVerdict(env.db, mine.id, {
      decision: "verified",
      requirements: {},
      decidedAt: new Date().toISOString(),
    });

    expect((await queue(operatorA)).items.map((item) => item.id)).toEqual([theirs.id]);
    expect((await queue(operatorA, "status=verified")).items.map((item) => item.id)).toEqual([mine.id]);
    expect((await queue(operatorA, `cadreId=${other.id}`)).items.map((item) => item.id)).toEqual([theirs.id]);
    expect((await queue(operatorA, `cadreId=${cadreA.id}`)).items).toEqual([]);
    expect((await queue(operatorA, "guideId=surat-keterangan-domisili")).items).toHaveLength(1);
    expect((await queue(operatorA, "guideId=izin-lain")).items).toEqual([]);
    expect((await queue(operatorA, `villageCode=${VILLAGE_A}`)).items).toHaveLength(1);
    expect((await queue(operatorA, "villageCode=31.75.07.1002")).items).toEqual([]);
    expect((await errorOf(await get("?status=draft", operatorA), 400)).code).toBe("invalid_query");
  });

  it("reads each slice of the queue in index order, never sorting the table", async () => {
    const query = QueueQuery.parse({ cadreId: uuidv7(), guideId: "izin-lain", villageCode: "31.71.01.1001" });
    const after = { submittedAt: new Date().toISOString(), id: uuidv7() };
    for (const kecamatanCode of [KEC_A, null]) {
      const slice = partitionSql({ kecamatanCode, status: "submitted" }, query, after);
      if (activeDialect() === "postgres") {
        // PostgreSQL has no INDEXED BY: the index must serve the slice's range in its order (no Sort).
        const nodes = await postgresPlan(env.db, slice);
        const scan = nodes.find((node) => node["Index Name"] === "applications_queue_idx");
        expect(scan?.["Index Cond"]).toMatch(/submitted_at/);
        expect(planReads(nodes).nodeTypes).not.toContain("Sort");
        expect(planReads(nodes).nodeTypes).not.toContain("Seq Scan");
        continue;
      }
      const plan = (await rawAll<{ detail: string }>(env.db, sql`EXPLAIN QUERY PLAN ${slice}`))
        .map((step) => step.detail)
        .join("\n");
      expect(plan).toContain("applications_queue_idx");
      expect(plan).toMatch(/submitted_at>\?|\(submitted_at,id\)>/);
      expect(plan).not.toContain("TEMP B-TREE");
    }
    // An operator with no kecamatan sees nothing rather than everything.
    expect(scopeOf({ ...operatorLike(), kecamatanCode: null })).toEqual({ kind: "none" });
  });
});

function operatorLike() {
  return {
    id: operatorA.id,
    username: operatorA.username,
    displayName: operatorA.username,
    role: "operator" as const,
    kecamatanCode: KEC_A,
    kelurahanCode: null,
  };
}

describe("one application", () => {
  it("shows the content, the server's own pre-check against the pinned version and the history", async () => {
    const draft = await submitted(cadreA);
    const body = await detail(draft.id);
    expect(body).toMatchObject({
      id: draft.id,
      status: "submitted",
      version: 1,
      guideId: draft.guideId,
      guideVersion: 1,
      cadre: { id: cadreA.id, name: cadreA.username },
      verdict: null,
      precheck: { verdict: "ready" },
    });
    expect(body.content.applicant.fullName).toBe("Siti Aminah");
    expect(body.precheck.requirements.map((r) => r.requirementId)).toContain("ktp-el");
    expect(body.history.map((event) => [event.kind, event.actorName])).toEqual([
      ["created", cadreA.username],
      ["submitted", cadreA.username],
    ]);
    // History entries hold codes, never content.
    expect(JSON.stringify(body.history)).not.toContain("Siti");
  });

  it("answers an application out of scope, a draft, a missing id and a malformed id alike", async () => {
    const draft = await submitted(cadreA);
    const onlyDraft = readyDraft();
    await pushAs(cadreA, (seq) => [mutation(seq, "putDraft", { draft: onlyDraft })]);
    const refusals = [
      await get(`/${draft.id}`, operatorB),
      await get(`/${onlyDraft.id}`, operatorA),
      await get(`/${uuidv7()}`, operatorA),
      await get("/not-a-uuid", operatorA),
      await post(`/${draft.id}/receive`, operatorB, { expectedVersion: 1 }),
      await post(`/${draft.id}/verdict`, operatorB, { expectedVersion: 1, decision: "verified" }),
      await post(`/${onlyDraft.id}/receive`, operatorA, { expectedVersion: 1 }),
    ];
    const bodies = await Promise.all(refusals.map((r) => r.text()));
    expect(refusals.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    expect(new Set(bodies.map((b) => JSON.parse(b).error.code))).toEqual(new Set(["application_not_found"]));
    expect(bodies.join("")).not.toContain("Siti");
    expect((await detail(draft.id, admin)).id).toBe(draft.id);
  });
});

describe("the office's decisions", () => {
  it("receives, sends back per requirement with reasons the cadre pulls, and takes the resubmission back into the queue", async () => {
    const draft = await submitted(cadreA);
    const received = await post(`/${draft.id}/receive`, operatorA, { expectedVersion: 1 });
    expect(received.status).toBe(200);
    expect(ApplicationDetail.parse(await received.json())).toMatchObject({ status: "received", version: 2 });
    expect((await pull(cadreA)).changes.at(-1)).toMatchObject({ id: draft.id, status: "received" });
    expect((await errorOf(await post(`/${draft.id}/receive`, operatorA, { expectedVersion: 2 }), 409)).code).toBe(
      "invalid_transition",
    );

    const sentBack = await post(`/${draft.id}/verdict`, operatorA, {
      expectedVersion: 2,
      decision: "needs-fix",
      note: "Mohon foto ulang",
      requirements: {
        "ktp-el": { status: "needs-fix", reasonCode: "blurry", note: "Foto KTP buram" },
        "kartu-keluarga": { status: "needs-fix", reasonCode: "cut-off" },
        "pengantar-rt-rw": { status: "accepted" },
      },
    });
    expect(sentBack.status).toBe(200);
    const afterVerdict = ApplicationDetail.parse(await sentBack.json());
    expect(afterVerdict).toMatchObject({ status: "needs-fix", version: 3 });
    expect(afterVerdict.history.at(-1)).toMatchObject({
      kind: "verdict",
      actorName: operatorA.username,
      status: "needs-fix",
      detail: { decision: "needs-fix" },
    });

    // The cadre's phone brings the decision and its reason codes back.
    const change = (await pull(cadreA)).changes.find((c) => c.id === draft.id);
    expect(change).toMatchObject({
      status: "needs-fix",
      verdict: {
        decision: "needs-fix",
        reason: "Mohon foto ulang",
        requirements: {
          "ktp-el": { status: "needs-fix", reasonCode: "blurry", reason: "Foto KTP buram" },
          "kartu-keluarga": { status: "needs-fix", reasonCode: "cut-off" },
          "pengantar-rt-rw": { status: "accepted" },
        },
      },
    });
    expect((await queue(operatorA)).items).toEqual([]);

    const findings = await env.db.select().from(reviewFindings);
    expect(findings.map((f) => [f.requirementId, f.reasonCode, f.decision, f.kecamatanCode]).sort()).toEqual([
      ["kartu-keluarga", "cut-off", "needs-fix", KEC_A],
      ["ktp-el", "blurry", "needs-fix", KEC_A],
    ]);

    // The cadre fixes and resubmits: back in the queue, verdict cleared.
    await pushAs(cadreA, (seq) => [
      mutation(seq, "putDraft", { draft }),
      mutation(seq + 1, "submitApplication", { draft }),
    ]);
    expect((await queue(operatorA)).items.map((item) => item.id)).toEqual([draft.id]);
    const resubmitted = await detail(draft.id);
    expect(resubmitted).toMatchObject({ status: "submitted", verdict: null });

    const verified = await post(`/${draft.id}/verdict`, operatorA, {
      expectedVersion: resubmitted.version,
      decision: "verified",
      requirements: { "ktp-el": { status: "accepted" } },
    });
    expect(verified.status).toBe(200);
    const approved = await post(`/${draft.id}/verdict`, admin, {
      expectedVersion: resubmitted.version + 1,
      decision: "approved",
    });
    expect(ApplicationDetail.parse(await approved.json()).status).toBe("approved");

    const final = await row(draft.id);
    expect(final).toMatchObject({ submitCount: 2, sentBackCount: 1, precheckFailures: 0, status: "approved" });
    expect(final.firstSubmittedAt).not.toBeNull();
    expect(final.submittedAt && final.firstSubmittedAt && final.submittedAt > final.firstSubmittedAt).toBe(true);
    expect(final.firstDecisionAt).toBe(afterVerdict.verdict?.decidedAt);
    expect(final.decidedAt && final.decidedAt >= (final.firstDecisionAt ?? "")).toBe(true);
    expect(final.receivedAt).not.toBeNull();

    const audit = await env.db.select().from(auditLog).where(eq(auditLog.targetId, draft.id));
    // The resubmission was decided while still "submitted": received in the same action, both recorded.
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.kecamatanCode])).toEqual([
      ["application.receive", operatorA.id, KEC_A],
      ["application.verdict", operatorA.id, KEC_A],
      ["application.receive", operatorA.id, KEC_A],
      ["application.verdict", operatorA.id, KEC_A],
      ["application.verdict", admin.id, KEC_A],
    ]);
    expect(audit[1]?.before).toMatchObject({ status: "received", verdict: null });
    expect(audit[1]?.after).toMatchObject({ status: "needs-fix", verdict: { decision: "needs-fix" } });

    const kinds = (
      await env.db
        .select({ kind: applicationEvents.kind })
        .from(applicationEvents)
        .where(eq(applicationEvents.applicationId, draft.id))
    ).map((event) => event.kind);
    expect(kinds).toEqual([
      "created",
      "submitted",
      "received",
      "verdict",
      "submitted",
      "received",
      "verdict",
      "verdict",
    ]);
  });

  it("refuses transitions the workflow does not allow, leaving the row untouched", async () => {
    const draft = await submitted(cadreA);
    expect(
      (await errorOf(await post(`/${draft.id}/verdict`, operatorA, { expectedVersion: 1, decision: "approved" }), 409))
        .code,
    ).toBe("invalid_transition");
    const rejected = await post(`/${draft.id}/verdict`, operatorA, {
      expectedVersion: 1,
      decision: "rejected",
      reasonCode: "outside-area",
    });
    expect(rejected.status).toBe(200);
    for (const decision of ["verified", "needs-fix", "approved"]) {
      const error = await errorOf(
        await post(`/${draft.id}/verdict`, operatorA, {
          expectedVersion: 2,
          decision,
          ...(decision === "needs-fix" ? { reasonCode: "other" } : {}),
        }),
        409,
      );
      expect(error.code).toBe("invalid_transition");
    }
    expect(await row(draft.id)).toMatchObject({ status: "rejected", version: 2 });
    expect(
      (await env.db.select().from(reviewFindings)).map((f) => [f.decision, f.requirementId, f.reasonCode]),
    ).toEqual([["rejected", null, "outside-area"]]);
    // A send-back waits for the cadre: the office cannot decide again before the resubmission.
    const other = await submitted(cadreA);
    await recordVerdict(env.db, other.id, {
      decision: "needs-fix",
      requirements: {},
      decidedAt: new Date().toISOString(),
    });
    const error = await errorOf(
      await post(`/${other.id}/verdict`, operatorA, { expectedVersion: 2, decision: "verified" }),
      409,
    );
    expect(error.code).toBe("invalid_transition");
  });

  it("refuses a stale version and a requirement the pinned guide does not have", async () => {
    const draft = await submitted(cadreA);
    await post(`/${draft.id}/receive`, operatorA, { expectedVersion: 1 });
    const stale = await post(`/${draft.id}/verdict`, operatorA, { expectedVersion: 1, decision: "verified" });
    expect((await errorOf(stale, 409)).code).toBe("version_conflict");
    const staleReceive = await post(`/${draft.id}/receive`, operatorA, { expectedVersion: 1 });
    expect((await errorOf(staleReceive, 409)).code).toBe("version_conflict");

    const unknown = await post(`/${draft.id}/verdict`, operatorA, {
      expectedVersion: 2,
      decision: "needs-fix",
      requirements: { "paspor-asing": { status: "needs-fix", reasonCode: "blurry" } },
    });
    const error = await errorOf(unknown, 400);
    expect(error.code).toBe("invalid_body");
    expect(error.details?.issues).toEqual([{ path: ["requirements", "paspor-asing"], message: expect.any(String) }]);

    const badReason = await post(`/${draft.id}/verdict`, operatorA, {
      expectedVersion: 2,
      decision: "rejected",
      reasonCode: "blurry",
    });
    expect((await errorOf(badReason, 400)).code).toBe("invalid_body");
    expect(await row(draft.id)).toMatchObject({ status: "received", version: 2, sentBackCount: 0 });
    expect(await env.db.select().from(auditLog).where(eq(auditLog.action, "application.verdict"))).toEqual([]);
  });
});

describe("workflow facts kept by sync", () => {
  it("counts submissions and server pre-check refusals and records the kecamatan and draft creation", async () => {
    const draft = readyDraft({ village: VILLAGE_A });
    await pushAs(cadreA, (seq) => [mutation(seq, "putDraft", { draft })]);
    const saved = await row(draft.id);
    expect(saved).toMatchObject({
      kecamatanCode: KEC_A,
      draftCreatedAt: draft.createdAt,
      submitCount: 0,
      firstSubmittedAt: null,
    });

    const incomplete = { ...draft, answers: {} };
    const refused = await pushAs(cadreA, (seq) => [mutation(seq, "submitApplication", { draft: incomplete })]);
    expect(refused.results[0]).toMatchObject({ status: "rejected", code: "precheck-failed" });
    expect(await row(draft.id)).toMatchObject({ precheckFailures: 1, version: 1, status: "draft" });

    // A refused first submit of an application the server never saw still leaves a trace.
    const unseen = { ...readyDraft(), answers: {} };
    await pushAs(cadreA, (seq) => [mutation(seq, "submitApplication", { draft: unseen })]);
    const trace = await env.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, unseen.id));
    expect(trace).toMatchObject([{ kind: "precheck-failed", actorId: cadreA.id, status: null }]);
    expect((trace[0]?.detail as { reasons?: string[] } | undefined)?.reasons).toContain("question-unanswered");

    await submitted(cadreA, draft);
    expect(await row(draft.id)).toMatchObject({ submitCount: 1, precheckFailures: 1, kecamatanCode: KEC_A });
    expect((await row(draft.id)).firstSubmittedAt).toBe((await row(draft.id)).submittedAt);

    // A file sent to another kecamatan's kelurahan office goes to that kecamatan's queue, and records the office.
    const elsewhere = readyDraft({ village: VILLAGE_B });
    await submitted(cadreA, elsewhere);
    expect(await row(elsewhere.id)).toMatchObject({ kecamatanCode: KEC_B });
    expect(((await row(elsewhere.id)).content as Draft).officeAreaCode).toBe(VILLAGE_B);
    expect((await queue(operatorB)).items.map((item) => item.id)).toContain(elsewhere.id);
    expect((await queue(operatorA)).items.map((item) => item.id)).not.toContain(elsewhere.id);

    const deleted = readyDraft();
    await pushAs(cadreA, (seq) => [
      mutation(seq, "putDraft", { draft: deleted }),
      mutation(seq + 1, "deleteDraft", { id: deleted.id }),
    ]);
    const kinds = (id: string) =>
      env.db
        .select({ kind: applicationEvents.kind, actorId: applicationEvents.actorId })
        .from(applicationEvents)
        .where(eq(applicationEvents.applicationId, id));
    expect(await kinds(deleted.id)).toEqual([
      { kind: "created", actorId: cadreA.id },
      { kind: "deleted", actorId: cadreA.id },
    ]);
    expect((await kinds(draft.id)).map((event) => event.kind)).toEqual(["created", "precheck-failed", "submitted"]);
  });
});

describe("page files", () => {
  /** A real WebP stored under the hash the draft's page names (readyDraft hashes a label, not the image). */
  async function storeImage(label: string): Promise<{ hash: string; bytes: Buffer }> {
    const hash = sha256(label);
    const path = storedFilePath(filesDir, hash);
    const bytes = Buffer.from(await plainImage(1200, 900, "webp"));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    return { hash, bytes };
  }

  it("serves a page the application uses, to its office only, and nothing else", async () => {
    const draft = await submitted(cadreA);
    const { hash: ktp, bytes } = await storeImage("ktp");
    const response = await get(`/${draft.id}/files/${ktp}`, operatorA);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe("inline");
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await get(`/${draft.id}/files/${ktp}`, admin)).status).toBe(200);

    // Stored and recorded, but not a page of this application.
    const { hash: loose } = await storeImage("someone else's page");
    await env.db.insert(files).values({
      sha256: loose,
      bytes: 19,
      mime: "image/webp",
      uploadedBy: cadreB.id,
      createdAt: new Date().toISOString(),
    });
    expect((await errorOf(await get(`/${draft.id}/files/${loose}`, operatorA), 404)).code).toBe("file_not_found");
    // Cross-kecamatan: the application uses this very file, but it is not the caller's.
    const stranger = await submitted(cadreB);
    expect((await get(`/${stranger.id}/files/${ktp}`, operatorB)).status).toBe(200);
    expect((await errorOf(await get(`/${stranger.id}/files/${ktp}`, operatorA), 404)).code).toBe("file_not_found");
    // Referenced but its bytes are gone.
    const kk = draft.documents["kartu-keluarga"]?.pages[0]?.sha256 ?? "";
    expect((await errorOf(await get(`/${draft.id}/files/${kk}`, operatorA), 404)).code).toBe("file_not_found");
    expect((await errorOf(await get(`/${draft.id}/files/XYZ`, operatorA), 400)).code).toBe("invalid_file_hash");
    expect((await errorOf(await get(`/nope/files/${ktp}`, operatorA), 404)).code).toBe("application_not_found");
  });

  it("answers 503 without file storage", async () => {
    const draft = await submitted(cadreA);
    const bare = createApp({ db: env.db });
    const response = await bare.request(`/api/console/applications/${draft.id}/files/${sha256("ktp")}`, {
      headers: { Cookie: operatorA.cookie },
    });
    expect((await errorOf(response, 503)).code).toBe("storage_unavailable");
  });
});

describe("a resubmitted file remembers", () => {
  /** The cadre's fix: a new KTP photo and a corrected phone number, nothing else. */
  function fixed(draft: Draft): Draft {
    const ktp = draft.documents["ktp-el"];
    if (!ktp?.pages[0]) throw new Error("no KTP page");
    return {
      ...draft,
      applicant: { ...draft.applicant, phone: "081298765432" },
      documents: {
        ...draft.documents,
        "ktp-el": { ...ktp, pages: [{ ...ktp.pages[0], sha256: sha256("ktp, sharper") }] },
      },
    };
  }

  async function sendBack(draft: Draft, expectedVersion: number) {
    const response = await post(`/${draft.id}/verdict`, operatorA, {
      expectedVersion,
      decision: "needs-fix",
      note: "Mohon foto ulang KTP",
      requirements: {
        "ktp-el": { status: "needs-fix", reasonCode: "blurry", note: "Foto KTP buram" },
        "pengantar-rt-rw": { status: "accepted" },
        "kartu-keluarga": { status: "accepted" },
      },
    });
    expect(response.status).toBe(200);
  }

  async function resubmit(draft: Draft): Promise<void> {
    await storeFilesOf(env.db, draft, cadreA.id);
    const result = await pushAs(cadreA, (seq) => [
      mutation(seq, "putDraft", { draft }),
      mutation(seq + 1, "submitApplication", { draft }),
    ]);
    expect(result.results.map((r) => r.status)).toEqual(["applied", "applied"]);
  }

  it("records which parts changed since the send-back by name, and never the NIK, the name or the new values", async () => {
    const draft = await submitted(cadreA);
    await sendBack(draft, 1);
    const fix = fixed(draft);
    await resubmit(fix);

    const events = await env.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, draft.id));
    const record = events.at(-1);
    expect(record).toMatchObject({ kind: "submitted", detail: { resubmission: true } });
    const changed = (record?.detail as { changed?: string[] } | undefined)?.changed ?? [];
    expect(changed.filter((part) => !part.startsWith("pages:")).sort()).toEqual([
      "applicant:phone",
      "requirement:ktp-el",
    ]);
    expect(changed).toContain("pages:ktp-el");
    // Digests and part names only: no value of the file, old or new, reaches the history.
    const stored = JSON.stringify(events);
    for (const value of [
      draft.applicant.nik,
      "Siti Aminah",
      draft.applicant.phone,
      fix.applicant.phone,
      "Kebon Sirih",
    ]) {
      expect(stored).not.toContain(value);
    }
  });

  it("salts the send-back's digests so a NIK cannot be found from them, and drops them once the resubmission is compared", async () => {
    const draft = await submitted(cadreA);
    await sendBack(draft, 1);
    const sendBackEvent = async () =>
      (await env.db.select().from(applicationEvents).where(eq(applicationEvents.applicationId, draft.id))).find(
        (event) => event.kind === "verdict",
      );
    const kept = (await sendBackEvent())?.detail as { fingerprints?: Record<string, string>; salt?: string };
    expect(kept.salt).toMatch(/^[\w-]{16,}$/);
    const guide = await getGuideVersion(env.db, draft.guideId, draft.guideVersion);
    if (!guide) throw new Error("no guide");
    // Unsalted, the NIK's digest would be one hash away from a guess.
    expect(kept.fingerprints?.["applicant:nik"]).not.toBe(sendBackFingerprints(guide, draft)["applicant:nik"]);

    await resubmit(fixed(draft));
    const after = (await sendBackEvent())?.detail as Record<string, unknown>;
    expect(after).not.toHaveProperty("fingerprints");
    expect(after).not.toHaveProperty("salt");
    expect(after).toMatchObject({ decision: "needs-fix" });
  });

  it("shows the earlier reasons, who sent it back and when, what changed, and keeps the verdicts on untouched requirements", async () => {
    const draft = await submitted(cadreA);
    await sendBack(draft, 1);
    await resubmit(fixed(draft));

    expect((await queue(operatorA)).items).toMatchObject([{ id: draft.id, submitCount: 2 }]);
    const body = await detail(draft.id);
    expect(body.resubmission).toMatchObject({
      times: 1,
      sentBack: {
        actorName: operatorA.username,
        note: "Mohon foto ulang KTP",
        requirements: {
          "ktp-el": { status: "needs-fix", reasonCode: "blurry", reason: "Foto KTP buram" },
          "pengantar-rt-rw": { status: "accepted" },
        },
      },
      carried: { "pengantar-rt-rw": { status: "accepted" }, "kartu-keluarga": { status: "accepted" } },
    });
    expect(body.resubmission?.sentBack.at).toBe((await row(draft.id)).firstDecisionAt);
    expect(body.resubmission?.carried["ktp-el"]).toBeUndefined();
    expect(body.resubmission?.changed).toEqual(expect.arrayContaining(["requirement:ktp-el", "applicant:phone"]));
    // The digests stay on the server.
    expect(JSON.stringify(body.history)).not.toContain("fingerprints");

    // A file submitted once has nothing to remember.
    expect((await detail((await submitted(cadreA)).id)).resubmission).toBeNull();
  });

  it("carries nothing on a requirement the cadre touched, even one the office had accepted", async () => {
    const draft = await submitted(cadreA);
    await sendBack(draft, 1);
    const kk = draft.documents["kartu-keluarga"];
    if (!kk?.pages[0]) throw new Error("no KK page");
    await resubmit({
      ...fixed(draft),
      documents: {
        ...fixed(draft).documents,
        "kartu-keluarga": { ...kk, pages: [{ ...kk.pages[0], sha256: sha256("kk, newer") }] },
      },
    });
    expect((await detail(draft.id)).resubmission?.carried).toEqual({ "pengantar-rt-rw": { status: "accepted" } });
  });
});

describe("the queue as a desk", () => {
  async function search(user: TestUser, body: Record<string, unknown>) {
    const response = await post("/search", user, body);
    expect(response.status).toBe(200);
    return QueuePage.parse(await response.json()).items.map((item) => item.id);
  }

  it("finds a file by name, by NIK typed as printed, or by the start of its file number, inside the caller's kecamatan only", async () => {
    const siti = await submitted(cadreA, readyDraft({ name: "Siti Aminah", village: VILLAGE_A }));
    const second = readyDraft({ name: "Budi Santoso", village: VILLAGE_A });
    const budi = await submitted(cadreA, { ...second, applicant: { ...second.applicant, nik: "3171015203900002" } });

    expect(await search(operatorA, { q: "aminah" })).toEqual([siti.id]);
    expect(await search(operatorA, { q: "  budi   SANTOSO " })).toEqual([budi.id]);
    expect(await search(operatorA, { q: "3171 0152 0390 0002" })).toEqual([budi.id]);
    expect(await search(operatorA, { q: "3171.0152.0390.0001" })).toEqual([siti.id]);
    expect(await search(operatorA, { q: "317101520390" })).toEqual(await inQueueOrder([siti.id, budi.id]));
    expect(await search(operatorA, { q: budi.id.slice(0, 23).toUpperCase() })).toEqual([budi.id]);
    expect(await search(operatorA, { q: siti.id })).toEqual([siti.id]);
    // Filters narrow a search; LIKE's wildcards are taken literally; a lone letter finds nothing.
    expect(await search(operatorA, { q: "Siti", status: "verified" })).toEqual([]);
    expect(await search(operatorA, { q: "%" })).toEqual([]);
    expect(await search(operatorA, { q: "s" })).toEqual([]);
    // Another kecamatan's operator finds nothing of A's, by any key; an admin finds it.
    for (const q of ["Siti Aminah", "3171015203900002", siti.id]) {
      expect(await search(operatorB, { q })).toEqual([]);
    }
    expect(await search(admin, { q: "3171015203900002" })).toEqual([budi.id]);
  });

  it("never puts a search term in a URL or a log line", async () => {
    const lines: unknown[] = [];
    const logged = createApp({ db: env.db, filesDir, logRequest: (line) => lines.push(line) });
    const draft = await submitted(cadreA);
    const response = await logged.request("/api/console/applications/search", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: operatorA.cookie },
      body: JSON.stringify({ q: draft.applicant.nik }),
    });
    expect(QueuePage.parse(await response.json()).items.map((item) => item.id)).toEqual([draft.id]);
    expect(JSON.stringify(lines)).not.toContain(draft.applicant.nik);
    // The GET queue refuses a term rather than let one travel in a query string.
    expect((await errorOf(await get(`?q=${draft.applicant.nik}`, operatorA), 400)).code).toBe("invalid_query");
  });

  it("decides a submitted file in one step: received and decided in one transaction, both in the history", async () => {
    const draft = await submitted(cadreA);
    const response = await post(`/${draft.id}/verdict`, operatorA, { expectedVersion: 1, decision: "verified" });
    expect(ApplicationDetail.parse(await response.json())).toMatchObject({ status: "verified", version: 2 });
    const stored = await row(draft.id);
    expect(stored.receivedAt).toBe(stored.decidedAt);
    const history = (await detail(draft.id)).history;
    expect(history.map((event) => [event.kind, event.status, event.actorName])).toEqual([
      ["created", "submitted", cadreA.username],
      ["submitted", "submitted", cadreA.username],
      ["received", "received", operatorA.username],
      ["verdict", "verified", operatorA.username],
    ]);
    const audit = await env.db.select().from(auditLog).where(eq(auditLog.targetId, draft.id));
    expect(audit.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      ["application.receive", { status: "submitted" }, { status: "received" }],
      ["application.verdict", { status: "received", verdict: null }, expect.objectContaining({ status: "verified" })],
    ]);
  });
});
