import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../server/db/schema";
import { CalendarChangeResponse, CalendarView } from "../../shared/api/calendar";
import { auditActionLabel, auditChanges } from "../../shared/audit/describe";
import type { TestUser } from "../helpers/accounts";
import { at, file, rawComplaint, request, type World, world } from "./complaints-fixtures";

/**
 * The office's complaint standard (working days to answer a complaint) is
 * set on the work calendar's settings route: admins only, checked, audited,
 * shown by the calendar view; a complaint received after the change counts
 * with the new number, one received before keeps its own.
 */

let w: World;
beforeEach(async () => {
  w = await world({ today: "2026-12-07" }); // a Monday
});
afterEach(() => w.env.cleanup());

const put = (user: TestUser, body: unknown) => request(w, "PUT", "/api/console/calendar/settings", user, body);

async function view(user: TestUser): Promise<CalendarView> {
  const response = await request(w, "GET", "/api/console/calendar", user);
  expect(response.status).toBe(200);
  return CalendarView.parse(await response.json());
}

const settingEntries = async () =>
  (await w.env.db.select().from(auditLog)).filter((row) => row.action === "calendar.setting");

describe("PUT /api/console/calendar/settings { complaintResponseDays }", () => {
  it("an admin sets 3: the next complaint is due 3 working days out, an earlier one keeps its 5", async () => {
    expect((await view(w.operator)).complaintResponseDays).toBe(5);
    const before = await file(w);
    expect((await rawComplaint(w.env.db, before.id)).clock_deadline).toBe("2026-12-14");

    const response = await put(w.admin, { complaintResponseDays: 3 });
    expect(response.status, await response.clone().text()).toBe(200);
    const body = CalendarChangeResponse.parse(await response.json());
    expect(body.calendar.complaintResponseDays).toBe(3);
    expect(body.calendar.jointLeaveIsWorkingDay).toBe(false);
    expect(body.clocksMoved).toBe(0);
    expect((await view(w.operator)).complaintResponseDays).toBe(3);

    const after = await file(w);
    const clock = JSON.parse(String((await rawComplaint(w.env.db, after.id)).clock));
    expect(clock).toMatchObject({ days: 3, unit: "working", startedOn: "2026-12-07" });
    expect((await rawComplaint(w.env.db, after.id)).clock_deadline).toBe("2026-12-10");
    expect((await rawComplaint(w.env.db, before.id)).clock_deadline).toBe("2026-12-14");
  });

  it("counts the new standard in working days: received on Friday 18 December, 3 days skip the weekend", async () => {
    expect((await put(w.admin, { complaintResponseDays: 3 })).status).toBe(200);
    w.clock.now = at("2026-12-18");
    const sent = await file(w);
    // Mon 21, Tue 22, Wed 23.
    expect((await rawComplaint(w.env.db, sent.id)).clock_deadline).toBe("2026-12-23");
  });

  it("refuses an operator (403) and changes nothing", async () => {
    const response = await put(w.operator, { complaintResponseDays: 3 });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect((await put(w.handler, { complaintResponseDays: 3 })).status).toBe(403);
    expect((await view(w.admin)).complaintResponseDays).toBe(5);
    expect(await settingEntries()).toHaveLength(0);
  });

  it.each([
    [0, "complaintResponseDays", "complaint_days_invalid"],
    [61, "complaintResponseDays", "complaint_days_invalid"],
    [2.5, "complaintResponseDays", "complaint_days_invalid"],
    ["5", "complaintResponseDays", "complaint_days_invalid"],
    [null, "complaintResponseDays", "complaint_days_invalid"],
    [-3, "complaintResponseDays", "complaint_days_invalid"],
  ])("refuses %j with 400 naming the field (%s, %s)", async (value, field, code) => {
    const response = await put(w.admin, { complaintResponseDays: value });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { code: string; details: { field: string; issues: { code: string; message: string }[] } };
    };
    expect(error.code).toBe("calendar_day_invalid");
    expect(error.details.field).toBe(field);
    expect(error.details.issues[0]?.code).toBe(code);
    expect(error.details.issues[0]?.message).toMatch(/hari kerja, 1 sampai 60/);
    expect((await view(w.admin)).complaintResponseDays).toBe(5);
    expect(await settingEntries()).toHaveLength(0);
  });

  it.each([[{}], [{ complaintResponseDay: 3 }], [[]], ["null"]])("refuses the body %j with 400", async (body) => {
    const response = await put(w.admin, body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string } };
    expect(["calendar_day_invalid", "invalid_body"]).toContain(error.code);
    expect(await settingEntries()).toHaveLength(0);
  });

  it("keeps an audit entry with the standard before and after, in words", async () => {
    expect((await put(w.admin, { complaintResponseDays: 3 })).status).toBe(200);
    expect((await put(w.admin, { complaintResponseDays: 7, jointLeaveIsWorkingDay: true })).status).toBe(200);
    const rows = await settingEntries();
    expect(rows.map((row) => [row.targetType, row.targetId, row.actorId, row.kecamatanCode])).toEqual([
      ["calendar", "complaintResponseDays", w.admin.id, null],
      ["calendar", "settings", w.admin.id, null],
    ]);
    expect(rows[0]?.before).toEqual({ complaintResponseDays: 5 });
    expect(rows[0]?.after).toEqual({ complaintResponseDays: 3, clocksMoved: 0 });
    expect(rows[1]?.before).toEqual({ complaintResponseDays: 3, jointLeaveIsWorkingDay: false });
    expect(rows[1]?.after).toMatchObject({ complaintResponseDays: 7, jointLeaveIsWorkingDay: true });
    expect(auditActionLabel("calendar.setting", rows[0]?.after, "id")).toBe("Mengubah pengaturan kalender kerja");
    expect(auditChanges(rows[0]?.before, rows[0]?.after, "id")).toContainEqual({
      field: "Batas waktu tanggapan pengaduan (hari kerja)",
      before: "5",
      after: "3",
    });
    expect(auditChanges(rows[0]?.before, rows[0]?.after, "en")).toContainEqual({
      field: "Complaint response time (working days)",
      before: "5",
      after: "3",
    });
    const view7 = await view(w.admin);
    expect(view7).toMatchObject({ complaintResponseDays: 7, jointLeaveIsWorkingDay: true });
  });
});
