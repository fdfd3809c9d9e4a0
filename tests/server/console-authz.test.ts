import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { storedFilePath } from "../../server/files/photo-store";
import { ApiError } from "../../shared/api/errors";
import type { Draft } from "../../shared/draft";
import { createTestUser, sessionCookie, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { plainImage } from "../helpers/images";
import { seededDatabase } from "../helpers/temp-db";

/**
 * The authorisation matrix of every console route: for each caller —
 * anonymous, a cadre, the operator of the application's kecamatan (A), the
 * operator of another kecamatan (B) and an admin — the route is allowed or
 * refused as designed, and a refusal says nothing about the data behind it.
 */

const KECAMATAN_A = "31.75.07";
const KECAMATAN_B = "31.71.01";
const APPLICANT = "Ratna Sari Dewi";

type Actor = "anonymous" | "cadre" | "operatorA" | "operatorB" | "admin";
const ACTORS: Actor[] = ["anonymous", "cadre", "operatorA", "operatorB", "admin"];

/**
 * - ok: a 2xx answer;
 * - hidden: the thing is outside the caller's reach and answers exactly like a missing one (404);
 * - ok-without-a: a 2xx list that holds nothing of kecamatan A;
 * - 401/403: refused;
 * - handler-required: 403 complaint_handler_required (complaint contents without the handler grant).
 */
type Expect = "ok" | "hidden" | "ok-without-a" | "handler-required" | 400 | 401 | 403;

interface World {
  app: ReturnType<typeof createApp>;
  cadre: TestUser;
  cookies: Record<Actor, string | null>;
  draft: Draft;
  sha: string;
  cadreSessionId: string;
  complaintId: string;
  followUpId: string;
}

interface Case {
  name: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (world: World) => string;
  body?: (world: World) => unknown;
  expect?: Partial<Record<Actor, Expect>>;
}

/** Console routes: anonymous → 401, cadre → 403 unless a case says otherwise. */
const DEFAULTS: Record<Actor, Expect> = {
  anonymous: 401,
  cadre: 403,
  operatorA: "ok",
  operatorB: "ok",
  admin: "ok",
};

const guideDraft = { draft: { id: "izin-uji-coba", title: { id: "Izin uji coba", en: "Trial permit" } } };

const CASES: Case[] = [
  // Review queue and applications.
  {
    name: "queue",
    method: "GET",
    path: () => "/api/console/applications",
    expect: { operatorB: "ok-without-a" },
  },
  {
    name: "queue search",
    method: "POST",
    path: () => "/api/console/applications/search",
    body: () => ({ q: APPLICANT }),
    expect: { operatorB: "ok-without-a" },
  },
  {
    name: "application detail",
    method: "GET",
    path: (w) => `/api/console/applications/${w.draft.id}`,
    expect: { operatorB: "hidden" },
  },
  {
    name: "receive",
    method: "POST",
    path: (w) => `/api/console/applications/${w.draft.id}/receive`,
    body: () => ({ expectedVersion: 1 }),
    expect: { operatorB: "hidden" },
  },
  {
    name: "verdict",
    method: "POST",
    path: (w) => `/api/console/applications/${w.draft.id}/verdict`,
    body: () => ({ expectedVersion: 1, decision: "verified", requirements: {} }),
    expect: { operatorB: "hidden" },
  },
  {
    name: "photo",
    method: "GET",
    path: (w) => `/api/console/applications/${w.draft.id}/files/${w.sha}`,
    expect: { operatorB: "hidden" },
  },
  // Dashboard and exports.
  { name: "dashboard", method: "GET", path: () => "/api/console/dashboard", expect: { operatorB: "ok-without-a" } },
  {
    name: "dashboard CSV",
    method: "GET",
    path: () => "/api/console/dashboard/by-cadre.csv",
    expect: { operatorB: "ok-without-a" },
  },
  { name: "audit log", method: "GET", path: () => "/api/console/audit", expect: { operatorB: "ok-without-a" } },
  {
    name: "audit CSV",
    method: "GET",
    path: () => "/api/console/audit/export.csv",
    expect: { operatorB: "ok-without-a" },
  },
  // Guides: server-wide, so both operators may edit; only admins import.
  { name: "guide list", method: "GET", path: () => "/api/console/guides" },
  { name: "guide detail", method: "GET", path: () => "/api/console/guides/surat-keterangan-domisili" },
  {
    name: "save guide draft",
    method: "PUT",
    path: () => "/api/console/guides/izin-uji-coba/draft",
    body: () => guideDraft,
  },
  {
    name: "publish guide",
    method: "POST",
    path: () => "/api/console/guides/surat-keterangan-domisili/publish",
    body: () => ({ changeNote: "Judul diperjelas", expectedVersion: 1 }),
  },
  {
    name: "discard guide draft",
    method: "DELETE",
    path: () => "/api/console/guides/surat-keterangan-domisili/draft",
  },
  {
    name: "restore guide",
    method: "POST",
    path: () => "/api/console/guides/surat-keterangan-domisili/restore",
    body: () => ({}),
  },
  {
    name: "withdraw guide",
    method: "POST",
    path: () => "/api/console/guides/surat-keterangan-domisili/withdraw",
    body: () => ({}),
  },
  { name: "export catalogue", method: "GET", path: () => "/api/console/guides/export" },
  {
    name: "import catalogue",
    method: "POST",
    path: () => "/api/console/guides/import",
    body: () => ({ guides: [{ id: "broken" }], changeNote: "Impor uji" }),
    // An admin's invalid import is refused for its content (400), so "allowed" is checked as not 401/403.
    expect: { operatorA: 403, operatorB: 403, admin: "ok" },
  },
  // Work calendar: server-wide; both operators read it, only admins change it.
  { name: "work calendar", method: "GET", path: () => "/api/console/calendar" },
  {
    name: "add calendar day",
    method: "POST",
    path: () => "/api/console/calendar/days",
    body: () => ({ date: "2027-02-01", kind: "closure", name: "Kantor tutup", source: "SK Camat" }),
    expect: { operatorA: 403, operatorB: 403 },
  },
  {
    name: "change calendar day",
    method: "PUT",
    path: () => "/api/console/calendar/days/2026-12-24",
    body: () => ({ kind: "holiday", name: "Libur Natal", source: "Keppres" }),
    expect: { operatorA: 403, operatorB: 403 },
  },
  {
    name: "remove calendar day",
    method: "DELETE",
    path: () => "/api/console/calendar/days/2026-08-25",
    expect: { operatorA: 403, operatorB: 403 },
  },
  {
    name: "cuti bersama setting",
    method: "PUT",
    path: () => "/api/console/calendar/settings",
    body: () => ({ jointLeaveIsWorkingDay: true }),
    expect: { operatorA: 403, operatorB: 403 },
  },
  // Privacy (issue 15): the office's rules and the retention of closed files, admins only.
  {
    name: "privacy settings",
    method: "GET",
    path: () => "/api/console/privacy/settings",
    expect: { operatorA: 403, operatorB: 403 },
  },
  {
    name: "change privacy settings",
    method: "PUT",
    path: () => "/api/console/privacy/settings",
    body: () => ({ lockMinutes: 5, pinAttempts: 10, phoneRetentionDays: 30, closedFileRetentionDays: null }),
    expect: { operatorA: 403, operatorB: 403 },
  },
  {
    name: "retention dry run",
    method: "GET",
    path: () => "/api/console/privacy/retention",
    expect: { operatorA: 403, operatorB: 403 },
  },
  {
    name: "retention run",
    method: "POST",
    path: () => "/api/console/privacy/retention/run",
    body: () => ({}),
    expect: { operatorA: 403, operatorB: 403 },
  },
  // Complaints: contents for complaint handlers only (no caller here holds the grant; an admin
  // without it reads those not marked confidential), counts for every operator and admin.
  {
    name: "complaint queue",
    method: "GET",
    path: () => "/api/console/complaints",
    expect: { operatorA: "handler-required", operatorB: "handler-required" },
  },
  {
    name: "complaint detail",
    method: "GET",
    path: (w) => `/api/console/complaints/${w.complaintId}`,
    expect: { operatorA: "handler-required", operatorB: "handler-required" },
  },
  ...(
    [
      ["complaint handlers", "GET", "/handlers", undefined],
      ["assign complaint", "POST", "/:id/assign", { version: 1, assigneeId: null }],
      ["move complaint", "POST", "/:id/move", { version: 1, status: "in-progress" }],
      ["note on complaint", "POST", "/:id/notes", { version: 1, text: "Cek CCTV loket." }],
      ["answer on complaint", "POST", "/:id/answer", { version: 1, answer: "Sedang kami periksa." }],
    ] as const
  ).map(
    ([name, method, path, body]): Case => ({
      name,
      method,
      path: (w) => `/api/console/complaints${path.replace(":id", w.complaintId)}`,
      ...(body ? { body: () => body } : {}),
      expect: { operatorA: "handler-required", operatorB: "handler-required", admin: "handler-required" },
    }),
  ),
  {
    // The complaint has no photos: for the admin, the hash is one this complaint does not hold.
    name: "complaint evidence",
    method: "GET",
    path: (w) => `/api/console/complaints/${w.complaintId}/evidence/${w.sha}`,
    expect: { operatorA: "handler-required", operatorB: "handler-required", admin: "hidden" },
  },
  { name: "complaint counts", method: "GET", path: () => "/api/console/complaints/counts" },
  // SKM: every operator reads and plans for their own kecamatan; a plan of kecamatan A is hidden from B.
  { name: "SKM report", method: "GET", path: () => "/api/console/skm?period=2026-S1" },
  { name: "SKM responses CSV", method: "GET", path: () => "/api/console/skm/responses.csv?period=2026-S1" },
  {
    name: "add SKM follow-up",
    method: "POST",
    path: () => "/api/console/skm/follow-ups",
    body: () => ({
      period: "2026-S1",
      elementId: "U3",
      action: "Tambah loket",
      owner: "Kasatpel PTSP",
      dueDate: "2026-08-01",
      kecamatanCode: KECAMATAN_A,
    }),
    // An operator plans for their own kecamatan only; the admin names A.
    expect: { operatorB: 403 },
  },
  {
    name: "change SKM follow-up",
    method: "PATCH",
    path: (w) => `/api/console/skm/follow-ups/${w.followUpId}`,
    body: () => ({ version: 1, done: true }),
    expect: { operatorB: "hidden" },
  },
  {
    name: "remove SKM follow-up",
    method: "DELETE",
    path: (w) => `/api/console/skm/follow-ups/${w.followUpId}`,
    expect: { operatorB: "hidden" },
  },
  // Cadre management.
  { name: "user list", method: "GET", path: () => "/api/users", expect: { operatorB: "ok-without-a" } },
  {
    name: "create cadre",
    method: "POST",
    path: () => "/api/users",
    body: () => ({
      username: `kader-${Math.random().toString(36).slice(2, 8)}`,
      displayName: "Kader Baru",
      role: "cadre",
      password: "kata-sandi-kader-1",
    }),
    // An operator's new cadre joins their own kecamatan; an admin must name one.
    expect: { admin: 400 },
  },
  { name: "user detail", method: "GET", path: (w) => `/api/users/${w.cadre.id}`, expect: { operatorB: "hidden" } },
  {
    name: "edit user",
    method: "PATCH",
    path: (w) => `/api/users/${w.cadre.id}`,
    body: () => ({ displayName: "Kader Baru" }),
    expect: { operatorB: "hidden" },
  },
  {
    // Only admins give or withdraw the complaint-handler grant (withdrawing a cadre's, which it never has, is no change).
    name: "complaint-handler grant",
    method: "PATCH",
    path: (w) => `/api/users/${w.cadre.id}`,
    body: () => ({ handlesComplaints: false }),
    expect: { operatorA: 403, operatorB: 403 },
  },
  {
    name: "disable user",
    method: "POST",
    path: (w) => `/api/users/${w.cadre.id}/disable`,
    body: () => ({}),
    expect: { operatorB: "hidden" },
  },
  {
    name: "enable user",
    method: "POST",
    path: (w) => `/api/users/${w.cadre.id}/enable`,
    body: () => ({}),
    expect: { operatorB: "hidden" },
  },
  {
    name: "reset password",
    method: "POST",
    path: (w) => `/api/users/${w.cadre.id}/password`,
    body: () => ({ password: "kata-sandi-baru-123" }),
    expect: { operatorB: "hidden" },
  },
  {
    name: "device sessions",
    method: "GET",
    path: (w) => `/api/users/${w.cadre.id}/sessions`,
    expect: { operatorB: "hidden" },
  },
  {
    name: "revoke session",
    method: "DELETE",
    path: (w) => `/api/users/${w.cadre.id}/sessions/${w.cadreSessionId}`,
    expect: { operatorB: "hidden" },
  },
  {
    name: "cadre activity",
    method: "GET",
    path: (w) => `/api/users/${w.cadre.id}/activity`,
    expect: { operatorB: "hidden" },
  },
];

let env: Awaited<ReturnType<typeof seededDatabase>>;
let world: World;

beforeEach(async () => {
  env = await seededDatabase();
  const filesDir = join(env.dir, "files");
  const app = createApp({ db: env.db, filesDir });
  const cadre = await createTestUser(env.db, "cadre", { kecamatanCode: KECAMATAN_A });
  const operatorA = await createTestUser(env.db, "operator", { kecamatanCode: KECAMATAN_A });
  const operatorB = await createTestUser(env.db, "operator", { kecamatanCode: KECAMATAN_B });
  const admin = await createTestUser(env.db, "admin");

  // A submitted application of kecamatan A, through the real push, with its photos on disk.
  const draft = readyDraft({ name: APPLICANT, village: "31.75.07.1001" });
  await storeFilesOf(env.db, draft, cadre.id);
  for (const document of Object.values(draft.documents)) {
    for (const page of document.pages) {
      const path = storedFilePath(filesDir, page.sha256 ?? "");
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, await plainImage(1200, 900, "webp"));
    }
  }
  const push = await app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
    body: JSON.stringify({ clientId: uuidv7(), mutations: [mutation(1, "submitApplication", { draft })] }),
  });
  expect(push.status).toBe(200);

  // An unpublished edit of a seeded guide, for the publish and discard routes.
  const published = (await (
    await app.request("/api/guides/surat-keterangan-domisili", { headers: { Cookie: admin.cookie } })
  ).json()) as { guide: Record<string, unknown> };
  const saved = await app.request("/api/console/guides/surat-keterangan-domisili/draft", {
    method: "PUT",
    headers: { "Content-Type": "application/json", Cookie: admin.cookie },
    body: JSON.stringify({
      draft: { ...published.guide, title: { id: "Surat Keterangan Domisili", en: "Domicile letter" } },
    }),
  });
  expect(saved.status).toBe(200);

  // A second device session of the cadre, for the revoke route.
  await sessionCookie(env.db, cadre.id, "second phone");
  const sessions = (await (
    await app.request(`/api/users/${cadre.id}/sessions`, { headers: { Cookie: admin.cookie } })
  ).json()) as { sessions: { id: string }[] };
  const cadreSessionId = sessions.sessions[0]?.id ?? "";

  // A complaint about kecamatan A's office, sent by a citizen.
  const complaint = await app.request("/api/complaints", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      id: crypto.randomUUID(),
      channel: "citizen-phone",
      category: "perilaku",
      description: "Petugas loket membentak warga.",
      happenedOn: "2026-01-05",
      place: { kind: "office", kecamatanCode: KECAMATAN_A },
      anonymous: false,
      confidential: false,
      reporter: { name: APPLICANT },
      reportedAt: new Date().toISOString(),
    }),
  });
  expect(complaint.status).toBe(201);
  const complaintId = ((await complaint.json()) as { id: string }).id;

  // A follow-up plan of kecamatan A's SKM.
  const followUp = await app.request("/api/console/skm/follow-ups", {
    method: "POST",
    headers: { Cookie: operatorA.cookie, "Content-Type": "application/json" },
    body: JSON.stringify({
      period: "2026-S1",
      elementId: "U9",
      action: "Perbaiki ruang tunggu",
      owner: "Sekretaris Kecamatan",
      dueDate: "2026-09-30",
    }),
  });
  expect(followUp.status).toBe(201);
  const followUpId = ((await followUp.json()) as { id: string }).id;

  world = {
    app,
    cadre,
    draft,
    sha: draft.documents["ktp-el"]?.pages[0]?.sha256 ?? "",
    cadreSessionId,
    complaintId,
    followUpId,
    cookies: {
      anonymous: null,
      cadre: cadre.cookie,
      operatorA: operatorA.cookie,
      operatorB: operatorB.cookie,
      admin: admin.cookie,
    },
  };
});
afterEach(() => env.cleanup());

/** Facts of kecamatan A's data that must never appear in an answer to someone outside it. */
function secretsOfA(w: World): string[] {
  return [APPLICANT, w.draft.id, w.cadre.username, w.draft.applicant.nik, w.sha];
}

async function call(w: World, test: Case, actor: Actor): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  const cookie = w.cookies[actor];
  if (cookie) headers.Cookie = cookie;
  const body = test.body?.(w);
  const response = await w.app.request(test.path(w), {
    method: test.method,
    headers,
    ...(body === undefined || test.method === "GET" ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

function expectRefusal(text: string, code: string): void {
  const body = ApiError.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  // Nothing but the code, the message and (at most) which parameter was wrong.
  expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
}

describe("authorisation matrix of the console", () => {
  for (const test of CASES) {
    for (const actor of ACTORS) {
      const expected = test.expect?.[actor] ?? DEFAULTS[actor];
      it(`${test.method} ${test.name} as ${actor}: ${expected}`, async () => {
        const { status, text } = await call(world, test, actor);
        const leaks = secretsOfA(world).filter((secret) => text.includes(secret));
        switch (expected) {
          case 401:
            expect(status).toBe(401);
            expectRefusal(text, "session_required");
            expect(leaks).toEqual([]);
            break;
          case 400:
            expect(status).toBe(400);
            expectRefusalCode(text, "invalid_body");
            break;
          case 403:
            expect(status).toBe(403);
            expectRefusal(text, "forbidden");
            expect(leaks).toEqual([]);
            break;
          case "handler-required":
            expect(status).toBe(403);
            expectRefusal(text, "complaint_handler_required");
            expect(leaks).toEqual([]);
            break;
          case "hidden":
            expect(status).toBe(404);
            expect(leaks).toEqual([]);
            break;
          case "ok-without-a":
            expect(status).toBeGreaterThanOrEqual(200);
            expect(status).toBeLessThan(300);
            expect(leaks).toEqual([]);
            break;
          case "ok":
            if (test.name === "import catalogue") {
              // Allowed, then refused for the invalid guide it carries.
              expect(status).toBe(400);
              expectRefusalCode(text, "guide_invalid");
            } else {
              expect(status, text.slice(0, 300)).toBeGreaterThanOrEqual(200);
              expect(status).toBeLessThan(300);
            }
            break;
        }
      });
    }
  }

  it("an operator of kecamatan A sees the application that operator B cannot", async () => {
    const a = await call(world, CASES[0] as Case, "operatorA");
    expect(a.text).toContain(world.draft.id);
    const b = await call(world, CASES[0] as Case, "operatorB");
    expect(b.text).not.toContain(world.draft.id);
  });

  it("a guessed id outside the caller's kecamatan answers exactly like an id that does not exist", async () => {
    const missing = uuidv7();
    const hidden = await world.app.request(`/api/console/applications/${world.draft.id}`, {
      headers: { Cookie: world.cookies.operatorB ?? "" },
    });
    const absent = await world.app.request(`/api/console/applications/${missing}`, {
      headers: { Cookie: world.cookies.operatorB ?? "" },
    });
    expect(hidden.status).toBe(absent.status);
    expect(await hidden.text()).toBe(await absent.text());
  });
});

describe("the matrix covers every console route", () => {
  it("lists every route under /api/console and /api/users: a new route fails here until it has a row", async () => {
    // The admin passes every guard, so each row's request ends at its own handler, which the access log names.
    const reached = new Set<string>();
    const logged = createApp({
      db: env.db,
      filesDir: join(env.dir, "files"),
      logRequest: (entry) => reached.add(`${entry.method} ${entry.route}`),
    });
    for (const test of CASES) await call({ ...world, app: logged }, test, "admin");
    // Handlers take (c); middleware takes (c, next) and is not a route of its own.
    const consoleRoutes = logged.routes
      .filter((route) => /^\/api\/(console|users)(\/|$)/.test(route.path) && route.handler.length < 2)
      .map((route) => `${route.method} ${route.path}`);
    expect(consoleRoutes.length).toBeGreaterThan(20);
    expect(consoleRoutes.filter((route) => !reached.has(route))).toEqual([]);
  });
});

function expectRefusalCode(text: string, code: string): void {
  expect(ApiError.parse(JSON.parse(text)).error.code).toBe(code);
}
