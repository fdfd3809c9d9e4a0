import { and, asc, eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { applications, auditLog, guideDrafts, guides, guideVersions } from "../../server/db/schema";
import { CataloguePage } from "../../shared/api/catalogue";
import { GuideAdminDetail, GuideAdminSummary } from "../../shared/api/console";
import { ApiError } from "../../shared/api/errors";
import { Guide, type GuideInput } from "../../shared/guide";
import { PushResponse } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { sampleGuide } from "../helpers/sample-guide";
import { seededDatabase } from "../helpers/temp-db";

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let clock: Date;
let admin: TestUser;
let operator: TestUser;
let cadre: TestUser;

const BASE = "/api/console/guides";
const SAMPLE = "surat-contoh";
const DOMISILI = "surat-keterangan-domisili";

beforeEach(async () => {
  env = await seededDatabase();
  clock = new Date("2026-05-04T03:00:00.000Z");
  app = createApp({ db: env.db, auth: { now: () => clock } });
  admin = await createTestUser(env.db, "admin", { username: "admin.pusat" });
  operator = await createTestUser(env.db, "operator", { username: "operator.durensawit" });
  cadre = await createTestUser(env.db, "cadre", { username: "kader.klender" });
});
afterEach(() => env.cleanup());

function call(method: string, path: string, as?: TestUser, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (as) headers.Cookie = as.cookie;
  if (method !== "GET") headers["Content-Type"] = "application/json";
  return Promise.resolve(
    app.request(path, {
      method,
      headers,
      body: method === "GET" ? undefined : body === undefined ? "" : JSON.stringify(body),
    }),
  );
}

async function ok<T>(response: Response, schema: { parse: (value: unknown) => T }, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return schema.parse(JSON.parse(text));
}

async function failure(response: Response, status: number) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return ApiError.parse(JSON.parse(text)).error;
}

async function catalogue(since?: string): Promise<CataloguePage> {
  const response = await app.request(`/api/guides${since ? `?since=${since}` : ""}`);
  return ok(response, CataloguePage);
}

function saveDraft(id: string, draft: unknown, as: TestUser = admin) {
  return call("PUT", `${BASE}/${id}/draft`, as, { draft });
}

function publish(
  id: string,
  expectedVersion: number | null,
  as: TestUser = admin,
  changeNote = "Sesuai SOP 2026",
  binding?: boolean,
) {
  return call("POST", `${BASE}/${id}/publish`, as, {
    changeNote,
    expectedVersion,
    ...(binding === undefined ? {} : { binding }),
  });
}

function audit() {
  return env.db.select().from(auditLog).orderBy(asc(auditLog.id));
}

function paths(issues: { path: (string | number)[] }[]): string[] {
  return issues.map((issue) => JSON.stringify(issue.path)).sort();
}

const SummaryList = {
  parse: (value: unknown) => ({ guides: GuideAdminSummary.array().parse((value as { guides: unknown }).guides) }),
};

describe("guide lifecycle", () => {
  it("saves an incomplete draft with its issues, publishes the fixed one, and a stale publish is refused", async () => {
    const { cursor } = await catalogue();
    const { requirements: _missing, ...incomplete } = sampleGuide();

    const saved = await ok(await saveDraft(SAMPLE, incomplete), GuideAdminDetail);
    expect(saved.published).toBeNull();
    expect(saved.draft).toEqual(incomplete);
    expect(paths(saved.draftIssues)).toEqual([JSON.stringify(["requirements"])]);

    const refused = await failure(await publish(SAMPLE, null), 400);
    expect(refused.code).toBe("guide_invalid");
    expect(paths(refused.details?.issues as { path: (string | number)[] }[])).toEqual([
      JSON.stringify(["requirements"]),
    ]);
    expect((await env.db.select().from(guides).where(eq(guides.id, SAMPLE)))[0]).toBeUndefined();

    const list = await ok(await call("GET", BASE, operator), SummaryList);
    expect(list.guides.find((guide) => guide.id === SAMPLE)).toEqual({
      id: SAMPLE,
      title: sampleGuide().title,
      publishedVersion: null,
      withdrawn: false,
      hasDraft: true,
      updatedAt: clock.toISOString(),
    });

    // The version in the draft is ignored: a new guide starts at 1.
    const fixed = await ok(await saveDraft(SAMPLE, { ...sampleGuide(), version: 99 }), GuideAdminDetail);
    expect(fixed.draftIssues).toEqual([]);
    clock = new Date(clock.getTime() + 60_000);
    const first = await ok(await publish(SAMPLE, null), GuideAdminDetail);
    expect(first.draft).toBeNull();
    expect((first.published as Guide).version).toBe(1);
    expect(first.versions).toEqual([
      {
        version: 1,
        publishedAt: clock.toISOString(),
        publishedBy: "admin.pusat",
        changeNote: "Sesuai SOP 2026",
        binding: true,
      },
    ]);
    expect(await env.db.select().from(guideDrafts)).toEqual([]);

    const delta = await catalogue(cursor);
    expect(delta.guides.map((guide) => [guide.id, guide.version])).toEqual([[SAMPLE, 1]]);
    expect(delta.withdrawn).toEqual([]);

    // An operator publishes the next version.
    await ok(await saveDraft(SAMPLE, { ...sampleGuide(), fee: { amount: 10_000 } }, operator), GuideAdminDetail);
    const second = await ok(await publish(SAMPLE, 1, operator, "Tarif baru"), GuideAdminDetail);
    expect((second.published as Guide).version).toBe(2);
    expect(second.versions.map((v) => [v.version, v.publishedBy, v.changeNote])).toEqual([
      [2, "operator.durensawit", "Tarif baru"],
      [1, "admin.pusat", "Sesuai SOP 2026"],
    ]);
    const next = await catalogue(delta.cursor);
    expect(next.guides.map((guide) => [guide.id, guide.version, guide.fee.amount])).toEqual([[SAMPLE, 2, 10_000]]);

    // An editor that started from v1 cannot overwrite v2.
    await ok(await saveDraft(SAMPLE, { ...sampleGuide(), fee: { amount: 5_000 } }), GuideAdminDetail);
    const stale = await failure(await publish(SAMPLE, 1), 409);
    expect(stale.code).toBe("version_conflict");
    expect(stale.details).toEqual({ currentVersion: 2 });
    const unchanged = await ok(await call("GET", `${BASE}/${SAMPLE}`, admin), GuideAdminDetail);
    expect((unchanged.published as Guide).fee.amount).toBe(10_000);
    expect(unchanged.draft).toMatchObject({ fee: { amount: 5_000 } });
    expect((await catalogue(next.cursor)).guides).toEqual([]);
    // A new guide's editor expects no published version: that too is a conflict now.
    expect((await failure(await publish(SAMPLE, null), 409)).code).toBe("version_conflict");
  });

  it("publishes one of several editors' publishes from the same version, whichever app connection takes them", async () => {
    await ok(await saveDraft(SAMPLE, sampleGuide()), GuideAdminDetail);
    await ok(await publish(SAMPLE, null), GuideAdminDetail);
    await ok(await saveDraft(SAMPLE, { ...sampleGuide(), fee: { amount: 10_000 } }), GuideAdminDetail);
    // At once (on PostgreSQL, each on its own pooled connection): one writes version 2, the rest find the draft
    // gone or the version moved, and none writes a version 2 of its own over it.
    const statuses = await Promise.all([1, 2, 3, 4].map(async () => (await publish(SAMPLE, 1)).status));
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    for (const status of statuses) expect([200, 404, 409]).toContain(status);
    const detail = await ok(await call("GET", `${BASE}/${SAMPLE}`, admin), GuideAdminDetail);
    expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
    const published = await env.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "guide.publish"), eq(auditLog.targetId, SAMPLE)));
    expect(published).toHaveLength(2);
  });

  it("answers per field for an invalid draft, with the exact paths", async () => {
    const broken = {
      ...sampleGuide(),
      fee: { amount: -1 },
      requirements: [{ id: "ktp", kind: "document", label: { id: "KTP-el" } }],
      unknownField: true,
    };
    const saved = await ok(await saveDraft(SAMPLE, broken), GuideAdminDetail);
    const expected = [["fee", "amount"], ["requirements", 0, "label", "en"], []].map((path) => JSON.stringify(path));
    expect(paths(saved.draftIssues)).toEqual(expected.sort());
    const refused = await failure(await publish(SAMPLE, null), 400);
    expect(refused.code).toBe("guide_invalid");
    expect(refused.details?.issues).toEqual(saved.draftIssues);
    expect(await env.db.select().from(guideVersions).where(eq(guideVersions.id, SAMPLE))).toEqual([]);
  });

  it("refuses a draft naming another guide, accepts one without an id, and limits its size", async () => {
    const other = await failure(await saveDraft(SAMPLE, { ...sampleGuide(), id: "surat-lain" }), 400);
    expect(other.code).toBe("invalid_body");
    expect(other.details?.issues).toEqual([{ path: ["draft", "id"], message: expect.any(String) }]);

    const { id: _id, ...withoutId } = sampleGuide();
    const saved = await ok(await saveDraft(SAMPLE, withoutId), GuideAdminDetail);
    expect(saved.draftIssues).toEqual([]);
    expect((await ok(await publish(SAMPLE, null), GuideAdminDetail)).published).toMatchObject({ id: SAMPLE });

    const huge = { ...sampleGuide(), summary: { id: "x".repeat(300_000), en: "x" } };
    expect((await failure(await saveDraft(SAMPLE, huge), 413)).code).toBe("body_too_large");
    expect((await failure(await saveDraft("Bukan Slug", withoutId), 400)).code).toBe("invalid_guide_id");
    expect((await failure(await call("GET", `${BASE}/tidak-ada`, admin), 404)).code).toBe("guide_not_found");
  });

  it("discards a draft, leaving the published guide as it was", async () => {
    const before = await ok(await call("GET", `${BASE}/${DOMISILI}`, operator), GuideAdminDetail);
    expect(before.versions.map((v) => [v.version, v.publishedBy, v.changeNote])).toEqual([[1, null, null]]);
    await ok(await saveDraft(DOMISILI, { ...(before.published as Guide), fee: { amount: 1 } }), GuideAdminDetail);
    expect((await call("DELETE", `${BASE}/${DOMISILI}/draft`, operator)).status).toBe(204);
    const after = await ok(await call("GET", `${BASE}/${DOMISILI}`, operator), GuideAdminDetail);
    expect(after).toEqual(before);
    expect((await failure(await call("DELETE", `${BASE}/${DOMISILI}/draft`, operator), 404)).code).toBe(
      "guide_draft_not_found",
    );
    expect((await failure(await publish(DOMISILI, 1), 404)).code).toBe("guide_draft_not_found");
  });

  it("delivers the publish's change note with the guide in the catalogue delta, never a previous version's", async () => {
    const { cursor } = await catalogue();
    const v1 = Guide.parse((await ok(await call("GET", `${BASE}/${DOMISILI}`, operator), GuideAdminDetail)).published);
    expect(v1.changeNote).toBeUndefined();
    await ok(await saveDraft(DOMISILI, { ...v1, fee: { amount: 10_000 } }, operator), GuideAdminDetail);
    const note = "Tarif baru sesuai Perda 2026; bawa uang pas.";
    const published = await ok(await publish(DOMISILI, 1, operator, `  ${note}  `), GuideAdminDetail);
    expect((published.published as Guide).changeNote).toBe(note);
    const delta = await catalogue(cursor);
    expect(delta.guides.map((guide) => [guide.id, guide.version, guide.changeNote])).toEqual([[DOMISILI, 2, note]]);

    // The editor starts v3 from v2, note included; v3 carries its own note, not v2's.
    const v2 = Guide.parse(published.published);
    await ok(await saveDraft(DOMISILI, { ...v2, fee: { amount: 5_000 } }, operator), GuideAdminDetail);
    await ok(await publish(DOMISILI, 2, operator, "Tarif diturunkan"), GuideAdminDetail);
    const next = await catalogue(delta.cursor);
    expect(next.guides.map((guide) => [guide.version, guide.changeNote])).toEqual([[3, "Tarif diturunkan"]]);

    // A note longer than the phone shows is refused with the field named.
    await ok(await saveDraft(DOMISILI, { ...v2, fee: { amount: 1 } }, operator), GuideAdminDetail);
    const tooLong = await failure(await publish(DOMISILI, 3, operator, "x".repeat(501)), 400);
    expect(tooLong.code).toBe("invalid_body");
    expect(JSON.stringify(tooLong.details)).toContain("changeNote");
  });

  it("withdraws a guide (the delta says so) and restores it", async () => {
    const { cursor } = await catalogue();
    const withdrawn = await ok(await call("POST", `${BASE}/${DOMISILI}/withdraw`, operator), GuideAdminDetail);
    expect(withdrawn.withdrawn).toBe(true);
    const delta = await catalogue(cursor);
    expect(delta.withdrawn).toEqual([DOMISILI]);
    expect(delta.guides).toEqual([]);
    expect((await catalogue()).guides.map((guide) => guide.id)).not.toContain(DOMISILI);

    // Withdrawing twice changes nothing.
    await ok(await call("POST", `${BASE}/${DOMISILI}/withdraw`, operator), GuideAdminDetail);
    expect((await catalogue(delta.cursor)).withdrawn).toEqual([]);

    const restored = await ok(await call("POST", `${BASE}/${DOMISILI}/restore`, admin), GuideAdminDetail);
    expect(restored.withdrawn).toBe(false);
    const back = await catalogue(delta.cursor);
    expect(back.guides.map((guide) => [guide.id, guide.version])).toEqual([[DOMISILI, 1]]);
    expect(back.withdrawn).toEqual([]);

    expect((await audit()).map((row) => [row.action, row.actorId, row.targetId, row.before, row.after])).toEqual([
      ["guide.withdraw", operator.id, DOMISILI, { version: 1, withdrawn: false }, { version: 1, withdrawn: true }],
      ["guide.restore", admin.id, DOMISILI, { version: 1, withdrawn: true }, { version: 1, withdrawn: false }],
    ]);
    expect((await failure(await call("POST", `${BASE}/tidak-ada/withdraw`, admin), 404)).code).toBe("guide_not_found");
  });

  it("lets a draft pinned to v1 be submitted after a non-binding v2 is published, and records the choice", async () => {
    const v1 = Guide.parse((await ok(await call("GET", `${BASE}/${DOMISILI}`, admin), GuideAdminDetail)).published);
    const extra = { id: "surat-pernyataan-baru", kind: "document", label: { id: "Pernyataan", en: "Statement" } };
    await ok(await saveDraft(DOMISILI, { ...v1, requirements: [...v1.requirements, extra] }), GuideAdminDetail);
    const published = await ok(
      await publish(DOMISILI, 1, operator, "Hanya untuk berkas baru", false),
      GuideAdminDetail,
    );
    expect((published.published as Guide).minSubmitVersion).toBeUndefined();
    expect(published.versions.map((v) => [v.version, v.binding])).toEqual([
      [2, false],
      [1, false],
    ]);
    const entry = (await audit()).find((row) => row.action === "guide.publish");
    expect(entry?.after).toMatchObject({ version: 2, binding: false, changeNote: "Hanya untuk berkas baru" });

    const pinned = readyDraft();
    expect(pinned.guideVersion).toBe(1);
    await storeFilesOf(env.db, pinned, cadre.id);
    const onNewVersion = { ...readyDraft(), guideVersion: 2 };
    await storeFilesOf(env.db, onNewVersion, cadre.id);
    const response = await call("POST", "/api/sync/push", cadre, {
      clientId: uuidv7(),
      mutations: [
        mutation(1, "submitApplication", { draft: pinned }),
        mutation(2, "submitApplication", { draft: onNewVersion }),
      ],
    });
    const result = await ok(response, PushResponse);
    expect(result.results.map((r) => r.status)).toEqual(["applied", "rejected"]);
    const [stored] = await env.db.select().from(applications).where(eq(applications.id, pinned.id));
    expect([stored?.status, stored?.guideVersion]).toEqual(["submitted", 1]);
  });
});

describe("export and import", () => {
  function importBody(list: unknown[], changeNote = "Impor katalog kantor") {
    return { guides: list, changeNote };
  }

  it("exports the published catalogue as a file, and importing it again changes nothing", async () => {
    await call("POST", `${BASE}/${DOMISILI}/withdraw`, admin);
    const response = await call("GET", `${BASE}/export`, operator);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="masdarin-katalog-2026-05-04.json"');
    const exported = (await response.json()) as { exportedAt: string; guides: Guide[] };
    expect(exported.exportedAt).toBe(clock.toISOString());
    const published = await catalogue();
    expect(exported.guides).toEqual(published.guides);
    expect(exported.guides.map((guide) => guide.id)).not.toContain(DOMISILI);

    const result = await call("POST", `${BASE}/import`, admin, importBody(exported.guides));
    expect(await ok(result, { parse: (value) => value })).toEqual({
      published: [],
      unchanged: exported.guides.map((guide) => guide.id),
    });
    expect(await catalogue(published.cursor)).toMatchObject({ guides: [], withdrawn: [] });

    // One changed guide and one new: only those become new versions.
    const [first, ...rest] = exported.guides as [Guide, ...Guide[]];
    const changed = { ...first, fee: { amount: 2_500 } };
    const fresh = sampleGuide();
    const second = await ok(await call("POST", `${BASE}/import`, admin, importBody([changed, ...rest, fresh])), {
      parse: (value) => value as { published: string[]; unchanged: string[] },
    });
    expect(second.published).toEqual([first.id, SAMPLE]);
    expect(second.unchanged).toHaveLength(rest.length);
    const delta = await catalogue(published.cursor);
    expect(delta.guides.map((guide) => [guide.id, guide.version])).toEqual([
      [first.id, first.version + 1],
      [SAMPLE, 1],
    ]);
    const history = await ok(await call("GET", `${BASE}/${first.id}`, admin), GuideAdminDetail);
    expect(history.versions[0]).toMatchObject({ version: first.version + 1, publishedBy: "admin.pusat" });
    expect(history.versions[0]?.changeNote).toBe("Impor katalog kantor");

    const imports = (await audit()).filter((row) => row.action === "catalogue.import");
    expect(imports.map((row) => row.after)).toEqual([
      { changeNote: "Impor katalog kantor", published: [], unchanged: exported.guides.map((guide) => guide.id) },
      { changeNote: "Impor katalog kantor", published: [first.id, SAMPLE], unchanged: rest.map((g) => g.id) },
    ]);
  });

  it("never binds: an import keeps the oldest version the office takes, whatever the file says", async () => {
    const v1 = Guide.parse((await ok(await call("GET", `${BASE}/${DOMISILI}`, admin), GuideAdminDetail)).published);
    await ok(await saveDraft(DOMISILI, { ...v1, fee: { amount: 1_000 }, minSubmitVersion: 1 }), GuideAdminDetail);
    const v2 = Guide.parse((await ok(await publish(DOMISILI, 1), GuideAdminDetail)).published);
    expect(v2).toMatchObject({ version: 2, minSubmitVersion: 2 });

    const again = await call("POST", `${BASE}/import`, admin, importBody([{ ...v2, minSubmitVersion: 1 }]));
    expect(await ok(again, { parse: (value) => value })).toEqual({ published: [], unchanged: [DOMISILI] });
    const changed = await call("POST", `${BASE}/import`, admin, importBody([{ ...v2, fee: { amount: 2_000 } }]));
    expect(await ok(changed, { parse: (value) => value })).toEqual({ published: [DOMISILI], unchanged: [] });
    const v3 = Guide.parse((await ok(await call("GET", `${BASE}/${DOMISILI}`, admin), GuideAdminDetail)).published);
    expect(v3).toMatchObject({ version: 3, minSubmitVersion: 2, fee: { amount: 2_000 } });
  });

  it("publishes the import's own note, never the file's, and a guide differing only in its note is unchanged", async () => {
    const v1 = Guide.parse((await ok(await call("GET", `${BASE}/${DOMISILI}`, admin), GuideAdminDetail)).published);
    await ok(await saveDraft(DOMISILI, { ...v1, fee: { amount: 1_000 } }), GuideAdminDetail);
    await ok(await publish(DOMISILI, 1, admin, "Tarif baru"), GuideAdminDetail);
    const exported = (await (await call("GET", `${BASE}/export`, admin)).json()) as { guides: Guide[] };
    const v2 = exported.guides.find((guide) => guide.id === DOMISILI) as Guide;
    expect(v2).toMatchObject({ version: 2, changeNote: "Tarif baru" });
    const { cursor } = await catalogue();

    const noteOnly = await call("POST", `${BASE}/import`, admin, importBody([{ ...v2, changeNote: "Catatan lain" }]));
    expect(await ok(noteOnly, { parse: (value) => value })).toEqual({ published: [], unchanged: [DOMISILI] });
    expect(await catalogue(cursor)).toMatchObject({ guides: [], withdrawn: [] });

    const fromFile = { ...v2, fee: { amount: 3_000 }, changeNote: "Catatan lama dari kantor lain" };
    const changed = await call("POST", `${BASE}/import`, admin, importBody([fromFile], "Impor SOP Juni"));
    expect(await ok(changed, { parse: (value) => value })).toEqual({ published: [DOMISILI], unchanged: [] });
    // What phones receive, and what the console's history lists, both carry the import's note.
    const delta = await catalogue(cursor);
    expect(delta.guides.map((guide) => [guide.id, guide.version, guide.changeNote])).toEqual([
      [DOMISILI, 3, "Impor SOP Juni"],
    ]);
    const stored = await env.db.select().from(guideVersions).where(eq(guideVersions.id, DOMISILI));
    expect(stored.find((row) => row.version === 3)).toMatchObject({
      changeNote: "Impor SOP Juni",
      data: expect.objectContaining({ changeNote: "Impor SOP Juni" }),
    });
  });

  it("refuses the whole import when one guide is invalid, naming its index, id and field", async () => {
    const { cursor } = await catalogue();
    const valid = (await catalogue()).guides.slice(0, 3).map((guide) => ({ ...guide, fee: { amount: 777 } }));
    const broken: GuideInput = sampleGuide({
      requirements: [
        { id: "ktp", kind: "document", label: { id: "KTP", en: "ID card" } },
        { id: "kartu-keluarga", kind: "document", label: { id: "KK", en: "Family card" } },
        { id: "akta", kind: "document", label: { en: "Birth certificate" } as { id: string; en: string } },
      ],
    });
    const duplicate = { ...valid[0] };
    const response = await call("POST", `${BASE}/import`, admin, {
      guides: [...valid, broken, duplicate, "bukan panduan"],
      changeNote: "Impor gagal",
    });
    const error = await failure(response, 400);
    expect(error.code).toBe("guide_invalid");
    const issues = error.details?.issues as { path: (string | number)[]; guideId?: string }[];
    expect(issues).toEqual([
      { path: [3, "requirements", 2, "label", "id"], message: expect.any(String), guideId: SAMPLE },
      { path: [4, "id"], message: expect.stringContaining("index 0"), guideId: valid[0]?.id },
      { path: [5], message: expect.any(String) },
    ]);
    expect(error.details?.totalIssues).toBe(3);

    expect(await catalogue(cursor)).toMatchObject({ guides: [], withdrawn: [] });
    expect((await env.db.select().from(guides).where(eq(guides.id, SAMPLE)))[0]).toBeUndefined();
    expect(await audit()).toEqual([]);
  });

  it("is for admins only; operators may export", async () => {
    const exported = (await (await call("GET", `${BASE}/export`, operator)).json()) as { guides: Guide[] };
    const body = { guides: exported.guides, changeNote: "Impor oleh operator" };
    expect((await failure(await call("POST", `${BASE}/import`, operator, body), 403)).code).toBe("forbidden");
    expect(await audit()).toEqual([]);
  });
});

describe("audit of guide edits", () => {
  it("records drafts by size and fingerprint, and a publish with the whole guide before and after", async () => {
    const v1 = Guide.parse((await ok(await call("GET", `${BASE}/${DOMISILI}`, admin), GuideAdminDetail)).published);
    const edited = { ...v1, fee: { amount: 5_000 } };
    await saveDraft(DOMISILI, edited, operator);
    await saveDraft(DOMISILI, { ...edited, keywords: [...v1.keywords, "domisili baru"] }, operator);
    await publish(DOMISILI, 1, operator, "Tambah kata kunci");
    await saveDraft(DOMISILI, v1, admin);
    await call("DELETE", `${BASE}/${DOMISILI}/draft`, admin);

    const rows = await audit();
    expect(rows.map((row) => [row.action, row.actorId, row.actorRole, row.targetType, row.targetId])).toEqual([
      ["guide.save-draft", operator.id, "operator", "guide", DOMISILI],
      ["guide.save-draft", operator.id, "operator", "guide", DOMISILI],
      ["guide.publish", operator.id, "operator", "guide", DOMISILI],
      ["guide.save-draft", admin.id, "admin", "guide", DOMISILI],
      ["guide.discard-draft", admin.id, "admin", "guide", DOMISILI],
    ]);
    expect(rows.every((row) => row.kecamatanCode === null)).toBe(true);
    const fingerprint = { bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) };
    expect(rows[0]?.before).toBeNull();
    expect(rows[0]?.after).toEqual(fingerprint);
    expect(rows[1]?.before).toEqual(rows[0]?.after);
    expect(rows[1]?.after).not.toEqual(rows[0]?.after);
    expect(rows[2]?.before).toEqual({ version: 1, withdrawn: false, data: v1 });
    expect(rows[2]?.after).toEqual({
      version: 2,
      withdrawn: false,
      changeNote: "Tambah kata kunci",
      binding: true,
      data: {
        ...edited,
        keywords: [...v1.keywords, "domisili baru"],
        version: 2,
        minSubmitVersion: 2,
        // The published guide carries its note to cadres' phones.
        changeNote: "Tambah kata kunci",
      },
    });
    expect(rows[4]?.before).toEqual(rows[3]?.after);
    expect(rows[4]?.after).toBeNull();
  });

  it("writes nothing for a refused publish", async () => {
    await saveDraft(DOMISILI, { title: { id: "Setengah", en: "Half" } });
    await publish(DOMISILI, 1);
    await publish(DOMISILI, 7);
    expect((await audit()).map((row) => row.action)).toEqual(["guide.save-draft"]);
  });
});

describe("who may use the guide console", () => {
  const routes: [string, string, unknown?][] = [
    ["GET", BASE],
    ["GET", `${BASE}/${DOMISILI}`],
    ["GET", `${BASE}/export`],
    ["PUT", `${BASE}/${DOMISILI}/draft`, { draft: {} }],
    ["DELETE", `${BASE}/${DOMISILI}/draft`],
    ["POST", `${BASE}/${DOMISILI}/publish`, { changeNote: "Catatan", expectedVersion: 1 }],
    ["POST", `${BASE}/${DOMISILI}/withdraw`],
    ["POST", `${BASE}/${DOMISILI}/restore`],
    ["POST", `${BASE}/import`, { guides: [{}], changeNote: "Catatan" }],
  ];

  it.each(routes)("%s %s: 401 signed out, 403 for a cadre, and nothing written", async (method, path, body) => {
    const anonymous = await failure(await call(method, path, undefined, body), 401);
    expect(anonymous.code).toBe("session_required");
    const asCadre = await failure(await call(method, path, cadre, body), 403);
    expect(asCadre.code).toBe("forbidden");
    expect(await audit()).toEqual([]);
    expect(await env.db.select().from(guideDrafts)).toEqual([]);
  });
});
