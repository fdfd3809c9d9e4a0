import { eq, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { rawAll } from "../../server/db/raw";
import { applications, auditLog } from "../../server/db/schema";
import { calendarView } from "../../server/service-time/calendar-admin";
import { loadCalendar } from "../../server/service-time/calendar-store";
import { CalendarChangeResponse, CalendarView } from "../../shared/api/calendar";
import { ApplicationDetail, AuditPage } from "../../shared/api/console";
import { ApiError } from "../../shared/api/errors";
import { auditActionLabel, auditChanges } from "../../shared/audit/describe";
import { type ClockRecord, rescheduleClock } from "../../shared/service-time/clock";
import { PushResponse } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { seededRandom } from "../helpers/seeded-random";
import { setServiceDays } from "../helpers/service-days";
import { seededDatabase } from "../helpers/temp-db";

/**
 * The work calendar's administration (/api/console/calendar): an admin's
 * change moves the deadline of every running file in the same transaction
 * and is audited; operators read; bad input is a 400 naming its field.
 */

const KEC = "31.75.07";
const VILLAGE = "31.75.07.1001";
const SERVICE_DAYS = 3;

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;
let operator: TestUser;
let admin: TestUser;
let now: Date;
let seq = 0;
const clientId = uuidv7();

/** 10:00 in Jakarta on a date. */
const at = (date: string) => new Date(`${date}T03:00:00Z`);

beforeEach(async () => {
  env = await seededDatabase();
  now = at("2026-12-07");
  app = createApp({ db: env.db, auth: { now: () => now } });
  await setServiceDays(env.db, SERVICE_DAYS);
  cadre = await createTestUser(env.db, "cadre", { kecamatanCode: KEC });
  operator = await createTestUser(env.db, "operator", { kecamatanCode: KEC });
  admin = await createTestUser(env.db, "admin");
  seq = 0;
});
afterEach(() => env.cleanup());

function call(method: string, path: string, user: TestUser | null, body?: unknown, raw?: string) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (user) headers.Cookie = user.cookie;
  return app.request(`/api/console/calendar${path}`, {
    method,
    headers,
    ...(method === "GET"
      ? {}
      : raw !== undefined
        ? { body: raw }
        : body === undefined
          ? {}
          : { body: JSON.stringify(body) }),
  });
}

async function view(user: TestUser = admin): Promise<CalendarView> {
  const response = await call("GET", "", user);
  expect(response.status).toBe(200);
  return CalendarView.parse(await response.json());
}

async function changed(response: Response, status = 200): Promise<CalendarChangeResponse> {
  expect(response.status, await response.clone().text()).toBe(status);
  return CalendarChangeResponse.parse(await response.json());
}

async function refusal(response: Response, status: number) {
  expect(response.status).toBe(status);
  return ApiError.parse(await response.json()).error;
}

/** A file submitted by the cadre and received by the operator today: its clock runs. */
async function receivedFile(): Promise<string> {
  const draft = readyDraft({ village: VILLAGE });
  await storeFilesOf(env.db, draft, cadre.id);
  seq++;
  const push = await app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
    body: JSON.stringify({ clientId, mutations: [mutation(seq, "submitApplication", { draft })] }),
  });
  expect(PushResponse.parse(await push.json()).results[0]).toMatchObject({ status: "applied" });
  const detail = await app.request(`/api/console/applications/${draft.id}`, { headers: { Cookie: operator.cookie } });
  const { version } = ApplicationDetail.parse(await detail.json());
  const received = await app.request(`/api/console/applications/${draft.id}/receive`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: operator.cookie },
    body: JSON.stringify({ expectedVersion: version }),
  });
  expect(received.status, await received.clone().text()).toBe(200);
  return draft.id;
}

/** The stored deadline (the queue's column) and the one in the clock's record. */
async function deadlineOf(id: string): Promise<{ column: string | null; record: string | null; state: string | null }> {
  const [row] = await env.db
    .select({ clock: applications.clock, deadline: applications.clockDeadline, state: applications.clockState })
    .from(applications)
    .where(eq(applications.id, id));
  return {
    column: row?.deadline ?? null,
    record: (row?.clock as ClockRecord | null)?.deadline ?? null,
    state: row?.state ?? null,
  };
}

async function detailDeadline(id: string): Promise<string | null | undefined> {
  const response = await app.request(`/api/console/applications/${id}`, { headers: { Cookie: operator.cookie } });
  return ApplicationDetail.parse(await response.json()).clock?.deadline;
}

const closure = (date: string) => ({
  date,
  kind: "closure",
  name: "Kantor tutup: pemadaman listrik",
  source: "SK Camat Nomor 12 Tahun 2026",
});

describe("reading the calendar", () => {
  it("lists each year's days with kind, name and source, this year and the next always, and flags 2027", async () => {
    const calendar = await view(operator);
    expect(calendar.today).toBe("2026-12-07");
    expect(calendar.jointLeaveIsWorkingDay).toBe(false);
    const years = calendar.years.map((year) => year.year);
    expect(years).toEqual([2026, 2027]);
    const [y2026, y2027] = calendar.years;
    expect(y2026?.complete).toBe(true);
    expect(y2026?.days).toHaveLength(25);
    expect(y2026?.days.find((day) => day.date === "2026-12-24")).toMatchObject({
      kind: "joint-leave",
      name: "Cuti bersama Kelahiran Yesus Kristus",
      edited: false,
    });
    expect(y2026?.days.every((day) => day.source.includes("1497"))).toBe(true);
    expect(y2027?.complete).toBe(false);
  });

  it("shows the next year as missing when it has no days at all", async () => {
    const calendar = await calendarView(env.db, at("2027-06-01"));
    expect(calendar.years.map((year) => [year.year, year.complete, year.days.length])).toEqual([
      [2026, true, 25],
      [2027, false, 8],
      [2028, false, 0],
    ]);
  });

  it("counts 2027 complete once an admin enters a decree day, not for an office closure", async () => {
    await changed(await call("POST", "/days", admin, closure("2027-02-01")), 201);
    expect((await view()).years.find((year) => year.year === 2027)?.complete).toBe(false);
    const day = { date: "2027-03-09", kind: "joint-leave", name: "Cuti bersama Idulfitri 1448 H", source: "SKB 2027" };
    await changed(await call("POST", "/days", admin, day), 201);
    expect((await view()).years.find((year) => year.year === 2027)?.complete).toBe(true);
    // A past year with only an office closure is history, not a missing decree.
    await changed(await call("POST", "/days", admin, closure("2025-12-01")), 201);
    expect((await view()).years.map((year) => [year.year, year.complete])).toEqual([
      [2025, true],
      [2026, true],
      [2027, true],
    ]);
  });
});

describe("a change moves running deadlines in the same transaction", () => {
  it("a closure on a running file's path moves its deadline a working day; removing it moves it back", async () => {
    const id = await receivedFile(); // Monday 7 December, 3 working days: Thursday 10
    expect(await deadlineOf(id)).toEqual({ column: "2026-12-10", record: "2026-12-10", state: "running" });

    const added = await changed(await call("POST", "/days", admin, closure("2026-12-09")), 201);
    expect(added.clocksMoved).toBe(1);
    expect(await deadlineOf(id)).toEqual({ column: "2026-12-11", record: "2026-12-11", state: "running" });
    expect(await detailDeadline(id)).toBe("2026-12-11");
    expect(added.calendar.years[0]?.days.find((day) => day.date === "2026-12-09")).toMatchObject({
      kind: "closure",
      edited: true,
    });

    // A day off its path moves nothing.
    expect((await changed(await call("POST", "/days", admin, closure("2027-02-01")), 201)).clocksMoved).toBe(0);

    const removed = await changed(await call("DELETE", "/days/2026-12-09", admin));
    expect(removed.clocksMoved).toBe(1);
    expect((await deadlineOf(id)).column).toBe("2026-12-10");
    expect(await detailDeadline(id)).toBe("2026-12-10");
  });

  it("the cuti bersama setting moves the deadlines of files spanning a cuti bersama day, and only those", async () => {
    now = at("2026-12-22");
    const spanning = await receivedFile(); // Tue 22: Wed 23, Mon 28, Tue 29 (24 cuti, 25 Natal)
    now = at("2026-12-28");
    const after = await receivedFile(); // Mon 28: Tue 29, Wed 30, Thu 31
    expect((await deadlineOf(spanning)).column).toBe("2026-12-29");
    expect((await deadlineOf(after)).column).toBe("2026-12-31");

    const on = await changed(await call("PUT", "/settings", admin, { jointLeaveIsWorkingDay: true }));
    expect(on.calendar.jointLeaveIsWorkingDay).toBe(true);
    expect(on.clocksMoved).toBe(1);
    expect((await deadlineOf(spanning)).column).toBe("2026-12-28");
    expect((await deadlineOf(after)).column).toBe("2026-12-31");
    // The pull's closed dates follow the setting.
    const pull = await app.request("/api/sync/pull", { headers: { Cookie: cadre.cookie } });
    const closed = ((await pull.json()) as { closedDates: string[] }).closedDates;
    expect(closed).toContain("2026-12-25");
    expect(closed).not.toContain("2026-12-24");

    const off = await changed(await call("PUT", "/settings", admin, { jointLeaveIsWorkingDay: false }));
    expect(off.clocksMoved).toBe(1);
    expect((await deadlineOf(spanning)).column).toBe("2026-12-29");
  });

  it("changing a day's kind counts with the setting: cuti bersama made a holiday closes it even when cuti counts", async () => {
    now = at("2026-12-22");
    const id = await receivedFile();
    await changed(await call("PUT", "/settings", admin, { jointLeaveIsWorkingDay: true }));
    expect((await deadlineOf(id)).column).toBe("2026-12-28");
    const edit = { kind: "holiday", name: "Libur Natal (contoh)", source: "Keppres contoh" };
    const result = await changed(await call("PUT", "/days/2026-12-24", admin, edit));
    expect(result.clocksMoved).toBe(1);
    expect((await deadlineOf(id)).column).toBe("2026-12-29");
    expect(result.calendar.years[0]?.days.find((day) => day.date === "2026-12-24")).toMatchObject({
      ...edit,
      edited: true,
    });
  });

  it("after every change each running deadline equals a full recount with the new calendar", async () => {
    const ids: string[] = [];
    for (const day of ["2026-12-01", "2026-12-07", "2026-12-18", "2026-12-22", "2026-12-28"]) {
      now = at(day);
      ids.push(await receivedFile());
    }
    now = at("2026-12-28");
    const fullRecount = async () => {
      const calendar = await loadCalendar(env.db);
      for (const id of ids) {
        const [row] = await env.db.select().from(applications).where(eq(applications.id, id));
        const clock = row?.clock as ClockRecord;
        expect(row?.clockDeadline, id).toBe(rescheduleClock(clock, calendar).deadline);
        expect(clock.deadline).toBe(row?.clockDeadline);
      }
    };
    const steps: [string, string, unknown][] = [
      ["POST", "/days", closure("2026-12-29")],
      ["PUT", "/settings", { jointLeaveIsWorkingDay: true }],
      ["PUT", "/days/2026-12-24", { kind: "closure", name: "Tutup", source: "SK" }],
      ["POST", "/days", closure("2026-12-03")],
      ["DELETE", "/days/2026-12-25", undefined],
      ["PUT", "/settings", { jointLeaveIsWorkingDay: false }],
      ["DELETE", "/days/2026-12-29", undefined],
    ];
    let moved = 0;
    for (const [method, path, body] of steps) {
      const response = await call(method, path, admin, body);
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      moved += CalendarChangeResponse.parse(await response.json()).clocksMoved;
      await fullRecount();
    }
    expect(moved).toBeGreaterThan(5);
  });

  it("leaves paused and stopped clocks and the change counter alone", async () => {
    const running = await receivedFile();
    const paused = await receivedFile();
    const [pausing] = await env.db
      .select({ clock: applications.clock })
      .from(applications)
      .where(eq(applications.id, paused));
    const clock = { ...(pausing?.clock as ClockRecord), state: "paused", used: 1, deadline: null, segmentStart: null };
    await env.db
      .update(applications)
      .set({ clock: clock as ClockRecord, clockState: "paused", clockDeadline: null })
      .where(eq(applications.id, paused));
    type Row = { id: string; change_seq: number; version: number; clock: string };
    const before = await rawAll<Row>(env.db, sql`SELECT id, change_seq, version, clock FROM applications ORDER BY id`);
    const result = await changed(await call("POST", "/days", admin, closure("2026-12-08")), 201);
    expect(result.clocksMoved).toBe(1);
    const afterRows = await rawAll<Row>(
      env.db,
      sql`SELECT id, change_seq, version, clock FROM applications ORDER BY id`,
    );
    for (const [index, row] of afterRows.entries()) {
      const was = before[index] as typeof row;
      expect([row.change_seq, row.version]).toEqual([was.change_seq, was.version]);
      if (row.id !== running) expect(row.clock).toBe(was.clock);
    }
    expect(await deadlineOf(paused)).toEqual({ column: null, record: null, state: "paused" });
  });
});

describe("audit", () => {
  it("keeps an entry for every change, with before, after and the deadlines moved, in words", async () => {
    await receivedFile();
    await changed(await call("POST", "/days", admin, closure("2026-12-09")), 201);
    await changed(await call("PUT", "/days/2026-12-09", admin, { ...closure("2026-12-09"), name: "Rapat kerja" }));
    await changed(await call("DELETE", "/days/2026-12-09", admin));
    await changed(await call("PUT", "/settings", admin, { jointLeaveIsWorkingDay: true }));
    const rows = (await env.db.select().from(auditLog)).filter((row) => row.targetType === "calendar");
    expect(rows.map((row) => [row.action, row.targetId, row.actorId, row.kecamatanCode])).toEqual([
      ["calendar.add-day", "2026-12-09", admin.id, null],
      ["calendar.change-day", "2026-12-09", admin.id, null],
      ["calendar.remove-day", "2026-12-09", admin.id, null],
      ["calendar.setting", "jointLeaveIsWorkingDay", admin.id, null],
    ]);
    expect(rows[0]?.after).toMatchObject({ date: "2026-12-09", kind: "closure", clocksMoved: 1 });
    expect(rows[1]?.before).toMatchObject({ name: "Kantor tutup: pemadaman listrik" });
    expect(rows[1]?.after).toMatchObject({ name: "Rapat kerja", clocksMoved: 0 });
    expect(rows[3]?.before).toEqual({ jointLeaveIsWorkingDay: false });

    expect(auditActionLabel("calendar.add-day", rows[0]?.after, "id")).toBe("Menambah hari libur di kalender kerja");
    expect(auditChanges(rows[0]?.before, rows[0]?.after, "id")).toEqual([
      { field: "Tanggal", before: null, after: "Rabu, 9 Desember 2026" },
      { field: "Jenis hari", before: null, after: "Kantor tutup" },
      { field: "Nama hari", before: null, after: "Kantor tutup: pemadaman listrik" },
      { field: "Dasar penetapan", before: null, after: "SK Camat Nomor 12 Tahun 2026" },
      { field: "Batas waktu berkas yang bergeser", before: null, after: "1" },
    ]);
    expect(auditChanges(rows[3]?.before, rows[3]?.after, "id")).toContainEqual({
      field: "Cuti bersama dihitung hari kerja",
      before: "Tidak",
      after: "Ya",
    });

    const page = await app.request("/api/console/audit", { headers: { Cookie: admin.cookie } });
    const entries = AuditPage.parse(await page.json()).entries;
    const calendarEntries = entries.filter((entry) => entry.targetType === "calendar");
    expect(calendarEntries).toHaveLength(4);
    // Named in words: the date, or the rule; never "(sasaran sudah tidak ada)".
    expect(new Set(calendarEntries.map((entry) => entry.targetName))).toEqual(
      new Set(["Rabu, 9 Desember 2026", "Aturan cuti bersama"]),
    );
    // Operators read them too: a calendar change moves their files' deadlines.
    const operatorPage = await app.request("/api/console/audit", { headers: { Cookie: operator.cookie } });
    const seen = AuditPage.parse(await operatorPage.json()).entries.filter((entry) => entry.targetType === "calendar");
    expect(seen).toHaveLength(4);
  });

  it("a refused change leaves no entry and no trace", async () => {
    await call("POST", "/days", admin, { ...closure("2026-12-24") });
    await call("DELETE", "/days/2026-12-09", admin);
    await call("POST", "/days", operator, closure("2026-12-09"));
    expect((await env.db.select().from(auditLog)).filter((row) => row.targetType === "calendar")).toEqual([]);
  });
});

describe("who may change it", () => {
  it("refuses operators (403), cadres (403) and anonymous callers (401), and changes nothing", async () => {
    const writes: [string, string, unknown][] = [
      ["POST", "/days", closure("2026-12-09")],
      ["PUT", "/days/2026-12-24", { kind: "holiday", name: "X", source: "Y" }],
      ["DELETE", "/days/2026-12-24", undefined],
      ["PUT", "/settings", { jointLeaveIsWorkingDay: true }],
    ];
    for (const [method, path, body] of writes) {
      expect((await refusal(await call(method, path, operator, body), 403)).code).toBe("forbidden");
      expect((await refusal(await call(method, path, cadre, body), 403)).code).toBe("forbidden");
      expect((await refusal(await call(method, path, null, body), 401)).code).toBe("session_required");
    }
    expect((await refusal(await call("GET", "", cadre), 403)).code).toBe("forbidden");
    const calendar = await view();
    expect(calendar.jointLeaveIsWorkingDay).toBe(false);
    expect(calendar.years[0]?.days).toHaveLength(25);
    expect(calendar.years[0]?.days.find((day) => day.date === "2026-12-24")?.kind).toBe("joint-leave");
  });
});

describe("bad input", () => {
  const valid = closure("2027-02-01");
  const cases: [string, unknown, string, string][] = [
    ["no date", { ...valid, date: undefined }, "date", "date_invalid"],
    ["30 February", { ...valid, date: "2027-02-30" }, "date", "date_invalid"],
    ["month 13", { ...valid, date: "2027-13-01" }, "date", "date_invalid"],
    ["a date with a time", { ...valid, date: "2027-02-01T00:00:00Z" }, "date", "date_invalid"],
    ["a number for a date", { ...valid, date: 20270201 }, "date", "date_invalid"],
    ["a year long gone", { ...valid, date: "1999-12-31" }, "date", "date_out_of_range"],
    ["a typo far ahead", { ...valid, date: "2206-02-01" }, "date", "date_out_of_range"],
    ["an unknown kind", { ...valid, kind: "libur" }, "kind", "kind_invalid"],
    ["no kind", { ...valid, kind: undefined }, "kind", "kind_invalid"],
    ["an empty name", { ...valid, name: "   " }, "name", "name_required"],
    ["a name too long", { ...valid, name: "x".repeat(121) }, "name", "name_too_long"],
    ["a name over two lines", { ...valid, name: "Libur\nkantor" }, "name", "text_invalid"],
    ["no source", { ...valid, source: undefined }, "source", "source_required"],
    ["a source too long", { ...valid, source: "s".repeat(301) }, "source", "source_too_long"],
    ["an array", [valid], "body", "body_invalid"],
    ["null", null, "body", "body_invalid"],
    ["a string", "2027-02-01", "body", "body_invalid"],
  ];
  for (const [name, body, field, code] of cases) {
    it(`refuses ${name} with 400 calendar_day_invalid naming ${field}`, async () => {
      const error = await refusal(await call("POST", "/days", admin, body), 400);
      expect(error.code).toBe("calendar_day_invalid");
      expect(error.details?.field).toBe(field);
      const issues = error.details?.issues as { path: string[]; code: string; message: string }[];
      expect(issues[0]).toMatchObject({ path: [field], code });
      expect(issues[0]?.message.length).toBeGreaterThan(10);
    });
  }

  it("names every wrong field, in form order, in the caller's language", async () => {
    const response = await app.request("/api/console/calendar/days", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: admin.cookie, "Accept-Language": "en" },
      body: JSON.stringify({ date: "2027-02-30", kind: "x", name: "", source: "" }),
    });
    const error = await refusal(response, 400);
    const issues = error.details?.issues as { path: string[]; message: string }[];
    expect(issues.map((issue) => issue.path[0])).toEqual(["date", "kind", "name", "source"]);
    expect(issues[0]?.message).toBe("Enter a real date.");
  });

  it("refuses a date already in the calendar with 409 naming the date", async () => {
    const error = await refusal(await call("POST", "/days", admin, closure("2026-12-25")), 409);
    expect(error.code).toBe("calendar_day_invalid");
    expect(error.details).toMatchObject({ field: "date", issues: [{ path: ["date"], code: "date_taken" }] });
    expect((await view()).years[0]?.days.find((day) => day.date === "2026-12-25")?.kind).toBe("holiday");
  });

  it("answers 404 calendar_day_not_found for a date not in the calendar, 400 for a date that is not one", async () => {
    const edit = { kind: "holiday", name: "Hari baru", source: "Keppres" };
    for (const response of [
      await call("PUT", "/days/2026-12-09", admin, edit),
      await call("DELETE", "/days/2026-12-09", admin),
    ]) {
      expect((await refusal(response, 404)).code).toBe("calendar_day_not_found");
    }
    for (const path of ["/days/2026-2-1", "/days/2026-02-30", "/days/natal", "/days/%00"]) {
      const error = await refusal(await call("DELETE", path, admin), 400);
      expect(error).toMatchObject({ code: "calendar_day_invalid", details: { field: "date" } });
    }
    // The change's body is checked too, the date coming from the address.
    const error = await refusal(
      await call("PUT", "/days/2026-12-25", admin, { kind: "holiday", name: "", source: "x" }),
      400,
    );
    expect(error.details?.field).toBe("name");
  });

  it("refuses a setting that is not a yes or no", async () => {
    for (const body of [{ jointLeaveIsWorkingDay: "ya" }, { jointLeaveIsWorkingDay: null }, null]) {
      const error = await refusal(await call("PUT", "/settings", admin, body), 400);
      expect(error).toMatchObject({ code: "calendar_day_invalid", details: { field: "jointLeaveIsWorkingDay" } });
    }
    // No setting at all, or an unknown one (a typo must not read as "nothing to change").
    for (const body of [{}, { jointLeaveIsWorkingDay: true, extra: 1 }]) {
      const error = await refusal(await call("PUT", "/settings", admin, body), 400);
      expect(error).toMatchObject({
        code: "calendar_day_invalid",
        details: { field: "body", issues: [{ code: "setting_missing" }] },
      });
    }
    expect((await view()).jointLeaveIsWorkingDay).toBe(false);
  });

  it("never answers 5xx to junk", async () => {
    const random = seededRandom(1307);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const values = [null, true, 0, -1, 1.5, "", "2027-02-01", "x".repeat(5000), [], {}, { a: 1 }, "__proto__"];
    const keys = ["date", "kind", "name", "source", "jointLeaveIsWorkingDay", "constructor", "__proto__"];
    const paths = [
      "/days",
      "/days/2026-12-25",
      "/days/2027-02-01",
      "/days/",
      "/days/..%2F..",
      "/settings",
      "/days/9999-99-99",
    ];
    for (let i = 0; i < 150; i++) {
      const body: Record<string, unknown> = {};
      for (let k = 0; k < 1 + Math.floor(random() * 4); k++) body[pick(keys)] = pick(values);
      const raw = pick([JSON.stringify(body), "{", "", "[1,2", "1e309", JSON.stringify(pick(values)), "\u0000"]);
      const response = await call(pick(["POST", "PUT", "DELETE", "PATCH", "GET"]), pick(paths), admin, undefined, raw);
      expect(response.status, `${raw.slice(0, 60)}`).toBeLessThan(500);
    }
  });
});
