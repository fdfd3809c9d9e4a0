import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { rawAll, rawRun } from "../../server/db/raw";
import { storedFilePath } from "../../server/files/photo-store";
import {
  ComplaintCounts,
  ComplaintDetail,
  ComplaintListItem,
  PublicComplaintStatus,
} from "../../shared/api/complaints";
import { ApiError } from "../../shared/api/errors";
import { plainImage } from "../helpers/images";
import { at, file, KEC, OTHER_KEC, rawComplaint, request, VILLAGE, type World, world } from "./complaints-fixtures";

/**
 * The console's complaint routes (issue 14): who reads what (handlers of the
 * kecamatan; admins without the grant, only what is not confidential;
 * operators without it, counts only), the workflow through the API, version
 * checks, audit entries without any text, and the public status page.
 */

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(() => w.env.cleanup());

const Page = z.object({ items: z.array(ComplaintListItem), nextCursor: z.string().nullable() });
const consolePath = (path = "") => `/api/console/complaints${path}`;
const get = (path: string, user: World["cadre"] | null) => request(w, "GET", consolePath(path), user);
const post = (path: string, user: World["cadre"] | null, body: unknown) =>
  request(w, "POST", consolePath(path), user, body);

async function code(response: Response, status: number, expected: string) {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(ApiError.parse(await response.json()).error.code).toBe(expected);
}

async function detail(id: string, user = w.handler): Promise<ComplaintDetail> {
  const response = await get(`/${id}`, user);
  expect(response.status, await response.clone().text()).toBe(200);
  return ComplaintDetail.parse(await response.json());
}

async function track(number: string): Promise<PublicComplaintStatus> {
  const response = await w.app.request(`/api/track/${number}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return PublicComplaintStatus.parse(await response.json());
}

describe("the authorisation matrix", () => {
  it("answers each route by role and grant", async () => {
    const { id } = await file(w);
    const routes: [string, string, unknown?][] = [
      ["GET", ""],
      ["GET", `/${id}`],
      ["GET", "/handlers"],
      ["POST", `/${id}/assign`, { version: 1, assigneeId: null }],
      ["POST", `/${id}/move`, { version: 1, status: "in-progress" }],
      ["POST", `/${id}/notes`, { version: 1, text: "Cek CCTV loket." }],
      ["POST", `/${id}/answer`, { version: 1, answer: "Sedang kami periksa." }],
    ];
    for (const [method, path, body] of routes) {
      // Signed out, a cadre, an operator without the grant.
      await code(await request(w, method, consolePath(path), null, body), 401, "session_required");
      await code(await request(w, method, consolePath(path), w.cadre, body), 403, "forbidden");
      await code(await request(w, method, consolePath(path), w.operator, body), 403, "complaint_handler_required");
    }
    // Counts: any operator or admin, never a cadre or someone signed out.
    await code(await get("/counts", null), 401, "session_required");
    await code(await get("/counts", w.cadre), 403, "forbidden");
    for (const user of [w.operator, w.handler, w.admin, w.adminHandler]) {
      expect((await get("/counts", user)).status).toBe(200);
    }
    // The actions, by a handler of the complaint's kecamatan, in order.
    expect((await post(`/${id}/notes`, w.handler, { version: 1, text: "Cek CCTV loket." })).status).toBe(200);
    expect((await post(`/${id}/assign`, w.handler, { version: 2, assigneeId: w.handler.id })).status).toBe(200);
    expect((await post(`/${id}/move`, w.handler, { version: 3, status: "in-progress" })).status).toBe(200);
  });

  it("hides a complaint from a handler of another kecamatan (404, and not in their queue)", async () => {
    const { id } = await file(w);
    await code(await get(`/${id}`, w.otherHandler), 404, "complaint_not_found");
    await code(
      await post(`/${id}/move`, w.otherHandler, { version: 1, status: "in-progress" }),
      404,
      "complaint_not_found",
    );
    await code(await post(`/${id}/notes`, w.otherHandler, { version: 1, text: "x" }), 404, "complaint_not_found");
    const page = Page.parse(await (await get("", w.otherHandler)).json());
    expect(page.items.map((item) => item.id)).not.toContain(id);
  });

  it("hides a confidential complaint from an admin without the grant, shows it to the kecamatan's handler", async () => {
    const secret = await file(w, { confidential: true });
    const open = await file(w);
    await code(await get(`/${secret.id}`, w.admin), 404, "complaint_not_found");
    expect((await detail(open.id, w.admin)).id).toBe(open.id);
    const adminQueue = Page.parse(await (await get("", w.admin)).json()).items.map((item) => item.id);
    expect(adminQueue).toContain(open.id);
    expect(adminQueue).not.toContain(secret.id);
    expect((await detail(secret.id, w.handler)).confidential).toBe(true);
    expect((await detail(secret.id, w.adminHandler)).confidential).toBe(true);
    // An admin without the grant reads but does not act.
    await code(await post(`/${open.id}/notes`, w.admin, { version: 1, text: "x" }), 403, "complaint_handler_required");
  });

  it("answers 404 for an unknown or malformed id", async () => {
    await code(await get("/00000000-0000-4000-8000-000000000000", w.handler), 404, "complaint_not_found");
    await code(await get("/nope", w.handler), 404, "complaint_not_found");
  });
});

describe("evidence photos", () => {
  it("serves a complaint's photo to whoever reads the complaint, and nothing else", async () => {
    const bytes = await plainImage(800, 600, "webp");
    const sha = createHash("sha256").update(bytes).digest("hex");
    const path = storedFilePath(join(w.env.dir, "files"), sha);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    const at = new Date().toISOString();
    await rawRun(
      w.env.db,
      sql`INSERT INTO files (sha256, bytes, mime, width, height, uploaded_by, created_at)
        VALUES (${sha}, ${bytes.byteLength}, 'image/webp', 800, 600, ${w.cadre.id}, ${at})`,
    );
    const photo = { sha256: sha, mime: "image/webp" as const, bytes: bytes.byteLength };
    // Evidence comes with a complaint that is not anonymous (an anonymous one may carry none).
    const { id } = await file(w, { evidence: [photo], channel: "cadre-phone" }, w.cadre);
    const served = await get(`/${id}/evidence/${sha}`, w.handler);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    await code(await get(`/${id}/evidence/${sha}`, w.otherHandler), 404, "file_not_found");
    await code(await get(`/${id}/evidence/${sha}`, w.operator), 403, "complaint_handler_required");
    await code(await get(`/${id}/evidence/${"0".repeat(64)}`, w.handler), 404, "file_not_found");
    await code(await get(`/${id}/evidence/nope`, w.handler), 400, "invalid_file_hash");
    // The photo of another complaint is not this one's.
    const other = await file(w);
    await code(await get(`/${other.id}/evidence/${sha}`, w.handler), 404, "file_not_found");
  });
});

describe("anonymous complaints in the console and on the public page", () => {
  it("never show an identity", async () => {
    const { id, number } = await file(w, { anonymous: true, reporter: undefined, channel: "cadre-phone" }, w.cadre);
    const read = await detail(id);
    expect(read.reporter).toBeNull();
    expect(JSON.stringify(read)).not.toContain(w.cadre.id);
    expect(JSON.stringify(read)).not.toContain(w.cadre.username);
    const status = await track(number);
    expect(JSON.stringify(status)).not.toContain("membentak");
  });

  it("show the reporter of a complaint that is not anonymous, with the cadre who sent it", async () => {
    const { id } = await file(w, { channel: "cadre-phone" }, w.cadre);
    expect((await detail(id)).reporter).toEqual({
      name: "Budi Santoso",
      contact: "081299990000",
      cadre: w.cadre.username,
    });
  });
});

describe("the public status of a complaint", () => {
  it("shows status, steps, clock and office, never the report, reporter, evidence, kelurahan or amounts", async () => {
    const { number } = await file(w, {
      category: "biaya",
      amountAsked: 175_000,
      guideId: "surat-keterangan-domisili",
      place: { kind: "kelurahan", kelurahanCode: VILLAGE },
    });
    const status = await track(number);
    expect(status).toMatchObject({
      kind: "complaint",
      number,
      category: "biaya",
      status: "received",
      statusText: { id: "Diterima" },
      answer: null,
      referral: null,
    });
    expect(status.steps.map((step) => step.status)).toEqual(["received"]);
    expect(status.clockNow?.state).toBe("running");
    expect(status.office.area).toMatch(/^Kecamatan /);
    const text = JSON.stringify(status);
    for (const secret of ["membentak", "Budi", "0812", "175000", VILLAGE, "1001"]) expect(text).not.toContain(secret);
  });

  it("counts complaint lookups under the tracking page's limits", async () => {
    await w.env.cleanup();
    w = await world({ trackPerMinute: 2 });
    const { number } = await file(w);
    const unknown = `ADU-${number.slice(4, -1)}${number.endsWith("A") ? "B" : "A"}`;
    for (let i = 0; i < 2; i++)
      expect((await w.app.request(`/api/track/${unknown}`)).status).toBeGreaterThanOrEqual(400);
    const refused = await w.app.request(`/api/track/${number}`);
    await code(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("answers 404 for an unknown complaint number", async () => {
    const { number } = await file(w);
    await rawRun(w.env.db, sql`DELETE FROM complaint_events`);
    await rawRun(w.env.db, sql`DELETE FROM complaints`);
    const response = await w.app.request(`/api/track/${number}`);
    await code(response, 404, "tracking_not_found");
  });
});

describe("the workflow through the API", () => {
  it("assigns, moves to in progress, closes with an answer; the reporter reads it", async () => {
    const { id, number } = await file(w);
    let version = 1;
    const act = async (path: string, body: object, status = 200) => {
      const response = await post(`/${id}${path}`, w.handler, { version, ...body });
      expect(response.status, await response.clone().text()).toBe(status);
      if (status === 200) version = ComplaintDetail.parse(await response.json()).version;
      return response;
    };
    await act("/assign", { assigneeId: w.handler.id });
    expect((await detail(id)).status).toBe("received");
    await act("/move", { status: "in-progress" });
    await code(await act("/move", { status: "done" }, 400), 400, "complaint_answer_required");
    await act("/notes", { text: "Sudah bicara dengan kepala seksi." });
    const answer = "Petugas sudah ditegur dan loket diawasi. Terima kasih atas laporan Anda.";
    await act("/move", { status: "done", answer });
    const done = await detail(id);
    expect(done).toMatchObject({ status: "done", answer, assignee: { id: w.handler.id } });
    expect(done.clock?.state).toBe("stopped");
    expect(done.events.map((event) => event.kind)).toEqual([
      "received",
      "assigned",
      "status",
      "note",
      "status",
      "answered",
    ]);
    expect((await rawComplaint(w.env.db, id)).closed_at).not.toBeNull();
    // A closed complaint moves no more, takes no assignment, still takes notes.
    await code(await act("/move", { status: "in-progress" }, 409), 409, "complaint_transition_not_allowed");
    await code(await act("/assign", { assigneeId: null }, 409), 409, "complaint_transition_not_allowed");
    await act("/notes", { text: "Arsip." });
    // The reporter reads the answer and the steps; the notes stay inside.
    const status = await track(number);
    expect(status).toMatchObject({ status: "done", answer, statusText: { id: "Selesai" } });
    expect(status.steps.map((step) => step.status)).toEqual(["received", "in-progress", "done"]);
    expect(JSON.stringify(status)).not.toContain("kepala seksi");
    expect(status.clockNow?.state).toBe("stopped");
  });

  it("needs an answer and a referral for not-authority, then shows where to go", async () => {
    const { id, number } = await file(w);
    await code(
      await post(`/${id}/move`, w.handler, { version: 1, status: "not-authority" }),
      400,
      "complaint_answer_required",
    );
    const response = await post(`/${id}/move`, w.handler, {
      version: 1,
      status: "not-authority",
      answer: "Laporan ini tentang sekolah, bukan layanan kecamatan.",
    });
    await code(response, 400, "complaint_answer_required");
    const referral = "Laporkan ke SP4N-LAPOR! (www.lapor.go.id) atau JakLapor di aplikasi JAKI.";
    const moved = await post(`/${id}/move`, w.handler, {
      version: 1,
      status: "not-authority",
      answer: "Laporan ini tentang sekolah, bukan layanan kecamatan.",
      referral,
    });
    expect(moved.status).toBe(200);
    expect((await track(number)).referral).toBe(referral);
  });

  it("answers the reporter without closing, and corrects the answer of a closed complaint", async () => {
    const { id, number } = await file(w);
    const interim = "Laporan Anda sedang kami periksa; jawaban lengkap menyusul.";
    // An admin without the grant reads the complaint but may not answer it.
    await code(
      await post(`/${id}/answer`, w.admin, { version: 1, answer: interim }),
      403,
      "complaint_handler_required",
    );
    const first = await post(`/${id}/answer`, w.handler, { version: 1, answer: interim });
    expect(first.status, await first.clone().text()).toBe(200);
    expect(ComplaintDetail.parse(await first.json())).toMatchObject({
      status: "received",
      answer: interim,
      version: 2,
    });
    expect(await track(number)).toMatchObject({ status: "received", answer: interim });
    // The same version again: someone answered in between.
    await code(await post(`/${id}/answer`, w.handler, { version: 1, answer: "x" }), 409, "version_conflict");
    // Closing keeps the interim answer when no new one is given; then the closed complaint's answer is corrected.
    expect((await post(`/${id}/move`, w.handler, { version: 2, status: "done" })).status).toBe(200);
    const corrected = "Petugas sudah ditegur. Mohon maaf atas kekeliruan jawaban sebelumnya.";
    const again = await post(`/${id}/answer`, w.handler, { version: 3, answer: corrected });
    expect(again.status, await again.clone().text()).toBe(200);
    const done = ComplaintDetail.parse(await again.json());
    expect(done).toMatchObject({ status: "done", answer: corrected, version: 4 });
    expect(done.clock?.state).toBe("stopped");
    expect(done.events.filter((event) => event.kind === "answered").map((event) => event.text)).toEqual([
      interim,
      corrected,
    ]);
    expect(await track(number)).toMatchObject({ status: "done", answer: corrected });
    // The audit entry holds no text.
    const audits = await rawAll<{ action: string; after: string }>(
      w.env.db,
      sql`SELECT action, after FROM audit_log WHERE target_id = ${id} AND action = 'complaint.answer' ORDER BY id`,
    );
    expect(audits).toHaveLength(2);
    expect(JSON.parse(audits[1]?.after ?? "null")).toEqual({
      status: "done",
      assigneeId: null,
      version: 4,
      answered: true,
    });
    expect(JSON.stringify(audits)).not.toContain("ditegur");
    expect(JSON.stringify(audits)).not.toContain("diperiksa");
  });

  it("refuses an empty or oversize answer with invalid_body", async () => {
    const { id } = await file(w);
    for (const answer of ["", "   ", "a".repeat(4001)]) {
      await code(await post(`/${id}/answer`, w.handler, { version: 1, answer }), 400, "invalid_body");
    }
    await code(await post(`/${id}/answer`, w.handler, { version: 1 }), 400, "invalid_body");
    await code(await post(`/${id}/answer`, w.otherHandler, { version: 1, answer: "x" }), 404, "complaint_not_found");
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const { id } = await file(w);
    expect((await post(`/${id}/notes`, w.handler, { version: 1, text: "satu" })).status).toBe(200);
    await code(await post(`/${id}/move`, w.handler, { version: 1, status: "in-progress" }), 409, "version_conflict");
    expect(await rawComplaint(w.env.db, id)).toMatchObject({ status: "received", version: 2 });
  });

  it("refuses an assignee who is not a handler able to read it", async () => {
    const { id } = await file(w);
    for (const assignee of [w.operator, w.cadre, w.otherHandler]) {
      await code(
        await post(`/${id}/assign`, w.handler, { version: 1, assigneeId: assignee.id }),
        400,
        "complaint_assignee_invalid",
      );
    }
    expect((await post(`/${id}/assign`, w.handler, { version: 1, assigneeId: w.adminHandler.id })).status).toBe(200);
  });

  it("refuses malformed actions with invalid_body", async () => {
    const { id } = await file(w);
    await code(await post(`/${id}/move`, w.handler, { version: 1, status: "closed" }), 400, "invalid_body");
    await code(await post(`/${id}/notes`, w.handler, { version: 1, text: "a".repeat(4001) }), 400, "invalid_body");
    await code(await post(`/${id}/notes`, w.handler, { version: 0, text: "x" }), 400, "invalid_body");
    await code(await post(`/${id}/assign`, w.handler, { version: 1, assigneeId: "x" }), 400, "invalid_body");
  });

  it("writes an audit entry per action, filed under the kecamatan, without any text", async () => {
    const { id, number } = await file(w, { description: "Rahasia-deskripsi", reporter: { name: "Nama-pelapor" } });
    await post(`/${id}/assign`, w.handler, { version: 1, assigneeId: w.handler.id });
    await post(`/${id}/notes`, w.handler, { version: 2, text: "Catatan-internal" });
    await post(`/${id}/move`, w.handler, { version: 3, status: "done", answer: "Jawaban-publik" });
    const entries = await rawAll<{
      action: string;
      targetType: string;
      kecamatanCode: string;
      before: string;
      after: string;
    }>(
      w.env.db,
      sql`SELECT action, target_type AS "targetType", kecamatan_code AS "kecamatanCode", before, after
        FROM audit_log WHERE target_id = ${id} ORDER BY id`,
    );
    expect(entries.map((entry) => entry.action)).toEqual(["complaint.assign", "complaint.note", "complaint.move"]);
    for (const entry of entries) expect(entry).toMatchObject({ targetType: "complaint", kecamatanCode: KEC });
    expect(JSON.parse(entries[2]?.after ?? "null")).toEqual({
      status: "done",
      assigneeId: w.handler.id,
      version: 4,
      answered: true,
    });
    const text = JSON.stringify(entries);
    for (const secret of ["Rahasia-deskripsi", "Nama-pelapor", "Catatan-internal", "Jawaban-publik", "0812"]) {
      expect(text).not.toContain(secret);
    }

    // The operator without the grant reads the kecamatan's audit log: the complaint is named there by an
    // internal reference, never by the number that opens its public status.
    for (const path of ["/api/console/audit", "/api/console/audit/export.csv"]) {
      const response = await request(w, "GET", path, w.operator);
      expect(response.status).toBe(200);
      const listed = await response.text();
      expect(listed).toContain(`#${id.slice(-8).toUpperCase()}`);
      expect(listed).not.toContain(number);
    }
  });
});

describe("the queue", () => {
  it("sorts by deadline then receipt, filters, pages, and shows the clock", async () => {
    w.clock.now = at("2026-12-01");
    const oldest = await file(w);
    w.clock.now = at("2026-12-03");
    const biaya = await file(w, { category: "biaya", amountAsked: 50_000 });
    w.clock.now = at("2026-12-07");
    const newest = await file(w);
    const page = Page.parse(await (await get("", w.handler)).json());
    expect(page.items.map((item) => item.id)).toEqual([oldest.id, biaya.id, newest.id]);
    // 1 Dec + 5 working days = 8 Dec: on the 7th it is due soon; on the 9th overdue.
    expect(page.items[0]?.clockNow).toMatchObject({ deadline: "2026-12-08", urgency: "due-soon" });
    const ids = async (query: string, user = w.handler) =>
      Page.parse(await (await get(query, user)).json()).items.map((item) => item.id);
    expect(await ids("?category=biaya")).toEqual([biaya.id]);
    expect(await ids("?clock=due-soon")).toEqual([oldest.id]);
    w.clock.now = at("2026-12-09");
    expect(await ids("?clock=overdue")).toEqual([oldest.id]);
    await post(`/${newest.id}/assign`, w.handler, { version: 1, assigneeId: w.handler.id });
    expect(await ids("?assignee=me")).toEqual([newest.id]);
    expect(await ids("?assignee=none")).toEqual([oldest.id, biaya.id]);
    await post(`/${biaya.id}/move`, w.handler, { version: 1, status: "done", answer: "Sudah ditindak." });
    expect(await ids("?status=done")).toEqual([biaya.id]);
    // Closed ones go after the open ones.
    expect(await ids("")).toEqual([oldest.id, newest.id, biaya.id]);
    const first = Page.parse(await (await get("?limit=2", w.handler)).json());
    expect(first.items).toHaveLength(2);
    const second = Page.parse(await (await get(`?limit=2&cursor=${first.nextCursor}`, w.handler)).json());
    expect(second.items.map((item) => item.id)).toEqual([biaya.id]);
    expect(second.nextCursor).toBeNull();
    await code(await get("?clock=late", w.handler), 400, "invalid_query");
    await code(await get("?limit=0", w.handler), 400, "invalid_query");
  });

  it("lists the handlers of the caller's office", async () => {
    const response = await get("/handlers", w.handler);
    const { handlers } = (await response.json()) as { handlers: { id: string }[] };
    const ids = handlers.map((handler) => handler.id);
    expect(ids).toContain(w.handler.id);
    expect(ids).toContain(w.adminHandler.id);
    expect(ids).not.toContain(w.otherHandler.id);
    expect(ids).not.toContain(w.operator.id);
  });
});

describe("the dashboard counts", () => {
  it("counts per category, kelurahan, month and status, and the unofficial fees", async () => {
    w.clock.now = new Date("2026-10-31T18:00:00Z"); // 1 Nov 01:00 in Jakarta
    await file(w, {
      category: "biaya",
      amountAsked: 100_000,
      guideId: "surat-keterangan-domisili",
      happenedOn: "2026-10-30",
    });
    w.clock.now = at("2026-12-02");
    await file(w, {
      category: "biaya",
      amountAsked: 250_000,
      guideId: "surat-keterangan-domisili",
      place: { kind: "kelurahan", kelurahanCode: VILLAGE },
    });
    await file(w, { category: "biaya", amountAsked: 20_000, confidential: true });
    await file(w, { category: "waktu" });
    await file(w, { category: "waktu", place: { kind: "office", kecamatanCode: OTHER_KEC } });
    const counts = async (user: World["cadre"], query = "?from=2026-11&to=2026-12") => {
      const response = await get(`/counts${query}`, user);
      expect(response.status, await response.clone().text()).toBe(200);
      return ComplaintCounts.parse(await response.json());
    };
    const own = await counts(w.operator);
    expect(own.byCategory).toEqual([
      { category: "biaya", count: 3 },
      { category: "waktu", count: 1 },
    ]);
    expect(own.byMonth).toEqual([
      { month: "2026-11", count: 1 },
      { month: "2026-12", count: 3 },
    ]);
    expect(own.byKelurahan).toEqual([
      { kelurahanCode: null, count: 3 },
      { kelurahanCode: VILLAGE, count: 1 },
    ]);
    expect(own.byStatus).toEqual([{ status: "received", count: 4 }]);
    expect(own.unofficialFees).toEqual({
      reports: 3,
      totalAsked: 370_000,
      largestAsked: 250_000,
      byService: [
        { guideId: "surat-keterangan-domisili", reports: 2, totalAsked: 350_000, officialFee: 0 },
        { guideId: null, reports: 1, totalAsked: 20_000, officialFee: null },
      ],
    });
    // The November one is past its five working days on 2 December.
    expect(own.overdue).toBe(1);
    // An admin counts all of Jakarta; a month range leaves the rest out.
    expect((await counts(w.admin)).byCategory).toEqual([
      { category: "biaya", count: 3 },
      { category: "waktu", count: 2 },
    ]);
    expect((await counts(w.operator, "?from=2026-12&to=2026-12")).unofficialFees.reports).toBe(2);
    // Overdue: today's state.
    w.clock.now = at("2026-12-20");
    expect((await counts(w.operator)).overdue).toBe(4);
    await code(await get("/counts?from=2026-13", w.operator), 400, "invalid_query");
    await code(await get("/counts?from=2026-12&to=2026-11", w.operator), 400, "invalid_query");
  });
});
