import "fake-indexeddb/auto";
import Dexie from "dexie";
import { afterEach, describe, expect, it, vi } from "vitest";
import { failureText } from "../../client/tracking/failure-text";
import { lookUp } from "../../client/tracking/lookup";
import { REFRESH_AT_ONCE, refreshStale } from "../../client/tracking/refresh-stale";
import {
  listSaved,
  MAX_SAVED,
  overflowOf,
  removeSaved,
  type SavedLookup,
  saveLookup,
  TrackingDb,
} from "../../client/tracking/store";
import { clockViewOf, numberProblem, stepTime, stepWord } from "../../client/tracking/view";
import type { PublicStatus } from "../../shared/api/tracking";
import { buildCalendar } from "../../shared/service-time/calendar";
import { startClock } from "../../shared/service-time/clock";
import { newTrackingNumber, type TrackingNumber } from "../../shared/tracking/number";

let counter = 0;
const numberOf = (i: number) => newTrackingNumber("DRN", (n) => new Uint8Array(n).map((_, k) => (i * 7 + k * 3) % 31));

function answer(number: string, overrides: Partial<PublicStatus> = {}): PublicStatus {
  return {
    number,
    service: { id: "surat-keterangan-domisili", title: { id: "Surat Keterangan Domisili", en: "Domicile letter" } },
    office: { name: { id: "Kantor Kelurahan", en: "Village office" }, area: "Kelurahan Duren Sawit" },
    status: "received",
    applicantInitials: "S. W.",
    steps: [
      { kind: "submitted", at: "2026-03-02T02:00:00.000Z" },
      { kind: "received", at: "2026-03-02T03:00:00.000Z" },
    ],
    fixes: [],
    officeNote: null,
    clock: null,
    closedDates: [],
    asOf: "2026-03-02T03:00:00.000Z",
    ...overrides,
  };
}

const opened: Dexie[] = [];
function freshDb(): TrackingDb {
  const db = new TrackingDb(`lacak-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe("numbers kept on the phone", () => {
  it("keeps at most 20, dropping the longest unopened first", async () => {
    const db = freshDb();
    const numbers = Array.from({ length: MAX_SAVED + 5 }, (_, i) => numberOf(i));
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const [i, number] of numbers.entries()) {
      await saveLookup(answer(number), new Date(Date.UTC(2026, 2, 2, 0, i)), { db });
    }
    const kept = await listSaved(db);
    expect(kept).toHaveLength(MAX_SAVED);
    // Newest first; the five opened first are gone.
    expect(kept.map((row) => row.number)).toEqual(numbers.slice(5).reverse());
  });

  it("moves a number up when opened, not when refreshed in the background", async () => {
    const db = freshDb();
    const [a, b] = [numberOf(1), numberOf(2)];
    await saveLookup(answer(a), new Date("2026-03-02T01:00:00Z"), { db });
    await saveLookup(answer(b), new Date("2026-03-02T02:00:00Z"), { db });
    await saveLookup(answer(a, { status: "verified" }), new Date("2026-03-02T03:00:00Z"), { db, opened: false });
    let rows = await listSaved(db);
    expect(rows.map((row) => row.number)).toEqual([b, a]);
    expect(rows[1]).toMatchObject({ fetchedAt: "2026-03-02T03:00:00.000Z", openedAt: "2026-03-02T01:00:00.000Z" });
    expect(rows[1]?.status.status).toBe("verified");
    await saveLookup(answer(a), new Date("2026-03-02T04:00:00Z"), { db });
    rows = await listSaved(db);
    expect(rows.map((row) => row.number)).toEqual([a, b]);
  });

  it("removes a number, and drops a stored row that no longer reads as a status", async () => {
    const db = freshDb();
    const [a, b] = [numberOf(3), numberOf(4)];
    await saveLookup(answer(a), new Date("2026-03-02T01:00:00Z"), { db });
    await db.lookups.put({
      number: b,
      status: { number: b } as unknown as PublicStatus,
      fetchedAt: "2026-03-02T02:00:00.000Z",
      openedAt: "2026-03-02T02:00:00.000Z",
    });
    expect((await listSaved(db)).map((row) => row.number)).toEqual([a]);
    await removeSaved(a, db);
    expect(await listSaved(db)).toEqual([]);
  });

  it("overflowOf names what is beyond the bound, oldest opened last", () => {
    const row = (number: string, openedAt: string): SavedLookup => ({
      number,
      status: answer(number),
      fetchedAt: openedAt,
      openedAt,
    });
    const rows = [row("A", "2026-01-03"), row("B", "2026-01-01"), row("C", "2026-01-02")];
    expect(overflowOf(rows, 2)).toEqual(["B"]);
    expect(overflowOf(rows, 3)).toEqual([]);
  });
});

describe("refreshing the saved numbers", () => {
  it("asks again only about stale answers, at most five at once, keeping the list's order, and stops at a refusal", async () => {
    const db = freshDb();
    const numbers = Array.from({ length: 8 }, (_, i) => numberOf(20 + i));
    for (const [i, number] of numbers.entries()) {
      // The last one was fetched a minute ago: fresh.
      const at = i === 7 ? new Date("2026-03-02T11:59:00Z") : new Date(Date.UTC(2026, 2, 2, 1, i));
      await saveLookup(answer(number), at, { db });
    }
    const before = await listSaved(db);
    const asked: string[] = [];
    const fetcher = (async (url: string) => {
      const number = decodeURIComponent(url.split("/").pop() ?? "");
      asked.push(number);
      return new Response(JSON.stringify(answer(number, { status: "verified" })), { status: 200 });
    }) as unknown as typeof fetch;
    const now = new Date("2026-03-02T12:00:00Z");
    expect(await refreshStale(before, now, { db, fetcher, online: () => true })).toBe(true);
    expect(asked).toHaveLength(REFRESH_AT_ONCE);
    expect(asked).not.toContain(numbers[7]);
    const after = await listSaved(db);
    expect(after.map((row) => row.number)).toEqual(before.map((row) => row.number));
    expect(after.filter((row) => row.status.status === "verified")).toHaveLength(REFRESH_AT_ONCE);

    // Too many checks: the first refusal ends the round.
    const refusals: string[] = [];
    const limited = (async (url: string) => {
      refusals.push(url);
      return new Response(JSON.stringify({ error: { code: "rate_limited", message: "…" } }), { status: 429 });
    }) as unknown as typeof fetch;
    expect(await refreshStale(after, now, { db, fetcher: limited, online: () => true })).toBe(false);
    expect(refusals).toHaveLength(1);
    // Offline: nobody is asked.
    expect(await refreshStale(after, now, { db, fetcher: limited, online: () => false })).toBe(false);
    expect(refusals).toHaveLength(1);
  });
});

describe("the clock as the phone computes it from the answer", () => {
  // Received Monday 2 March 2026, 5 working days: deadline Monday 9 March without closed dates.
  const service = { days: 5, unit: "working" as const };
  const clock = startClock(null, service, "2026-03-02", buildCalendar([], { jointLeaveIsWorkingDay: false }));

  it("skips the office's closed dates and counts on Jakarta days", () => {
    // Thursday 5 March, 20:00 UTC is Friday 6 March in Jakarta.
    const friday = new Date("2026-03-05T20:00:00Z");
    const open = clockViewOf({ clock, closedDates: [] }, friday);
    expect(open).toMatchObject({ state: "running", used: 4, left: 1, urgency: "due-soon" });
    // Wednesday 4 March closed: one day fewer used, and closedDates counts whatever its kind was.
    const closed = clockViewOf({ clock, closedDates: ["2026-03-04"] }, friday);
    expect(closed).toMatchObject({ state: "running", used: 3 });
  });

  it("is late past the deadline, frozen when paused, and absent before the office receives the file", () => {
    const late = clockViewOf({ clock, closedDates: [] }, new Date("2026-03-11T03:00:00Z"));
    expect(late).toMatchObject({ urgency: "overdue", left: -2 });
    const paused = { ...clock, state: "paused" as const, used: 2, segmentStart: null, deadline: null };
    expect(clockViewOf({ clock: paused, closedDates: [] }, new Date("2026-04-30T03:00:00Z"))).toMatchObject({
      state: "paused",
      used: 2,
      left: 3,
    });
    expect(clockViewOf({ clock: null, closedDates: [] }, new Date())).toBeNull();
  });
});

describe("words", () => {
  it("says what is wrong with a typed number, specifically", () => {
    const good = numberOf(9);
    expect(numberProblem(good)).toBeNull();
    expect(numberProblem(good.toLowerCase().replaceAll("-", " "))).toBeNull();
    expect(numberProblem("  ")).toContain("Ketik nomor berkas dulu");
    expect(numberProblem("DRN-7K4MX")).toContain("yang diketik 8");
    expect(numberProblem("DRN-7K4M0-2QP1A")).toContain("tidak pernah memakai “0”, “1”");
    expect(numberProblem("D2N-7K4MX-2QP9A")).toContain("diawali 3 huruf kode kantor");
    const swapped = `${good.slice(0, 4)}${good[5]}${good[4]}${good.slice(6)}`;
    if (swapped !== good) expect(numberProblem(swapped)).toContain("salah ketik");
  });

  it("names each failure, with and without a saved copy", () => {
    expect(failureText("offline", false)).toContain("belum pernah dicek di HP ini");
    expect(failureText("offline", true)).toContain("status terakhir yang tersimpan");
    expect(failureText("tracking_not_found", false)).toContain("Tidak ada berkas dengan nomor ini");
    expect(failureText("tracking_expired", false)).toContain("lebih dari setahun lalu");
    expect(failureText("tracking_expired", true)).toContain("Tanyakan ke kantor");
    expect(failureText("rate_limited", false, 42)).toContain("Tunggu 42 detik");
    expect(failureText("rate_limited", false)).toContain("Terlalu banyak pengecekan");
    expect(failureText("server", false)).toContain("Server sedang bermasalah");
  });

  it("writes a step's moment as Jakarta time, in Indonesian", () => {
    expect(stepTime("2026-03-02T02:05:00.000Z", "id")).toBe("Senin, 2 Maret 2026 pukul 09.05 WIB");
    expect(stepWord("sent-back")).toBe("Dikembalikan untuk diperbaiki");
    expect(stepWord("received")).toBe("Diterima kantor");
  });
});

describe("the lookup", () => {
  const number = numberOf(5) as TrackingNumber;
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    (async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { "Content-Type": "application/json", ...headers },
      })) as unknown as typeof fetch;

  it("keeps only the public fields of an answer", async () => {
    const result = await lookUp(number, json(200, { ...answer(number), nik: "3175070101900001" }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.status).not.toHaveProperty("nik");
  });

  it("reads each refusal by its code", async () => {
    const error = (code: string) => ({ error: { code, message: "…" } });
    expect(await lookUp(number, json(400, error("tracking_mistyped")))).toEqual({
      ok: false,
      failure: "tracking_mistyped",
    });
    expect(await lookUp(number, json(404, error("tracking_not_found")))).toEqual({
      ok: false,
      failure: "tracking_not_found",
    });
    expect(await lookUp(number, json(404, error("tracking_expired")))).toEqual({
      ok: false,
      failure: "tracking_expired",
    });
    expect(await lookUp(number, json(429, error("rate_limited"), { "Retry-After": "17" }))).toEqual({
      ok: false,
      failure: "rate_limited",
      retryAfter: 17,
    });
    // A 404 that is not about the number (no such endpoint) is not "no file with this number".
    expect(await lookUp(number, json(404, error("not_found")))).toEqual({ ok: false, failure: "server" });
    expect(await lookUp(number, json(500, error("internal_error")))).toEqual({ ok: false, failure: "server" });
    expect(await lookUp(number, json(200, { number }))).toEqual({ ok: false, failure: "server" });
    const down = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    expect(await lookUp(number, down)).toEqual({ ok: false, failure: "offline" });
  });
});

describe("the /lacak routes", () => {
  it("match with or without a number, keeping what the link carried for the page to judge", async () => {
    vi.stubGlobal("location", { pathname: "/" });
    vi.stubGlobal("addEventListener", () => undefined);
    const { matchRoute } = await import("../../client/router");
    expect(matchRoute("/lacak")).toEqual({ name: "track", number: null });
    expect(matchRoute("/lacak/")).toEqual({ name: "track", number: null });
    expect(matchRoute("/lacak/DRN-7K4MX-2QP9A")).toEqual({ name: "track", number: "DRN-7K4MX-2QP9A" });
    expect(matchRoute("/lacak/drn%207k4mx%202qp9a")).toEqual({ name: "track", number: "drn 7k4mx 2qp9a" });
    // A broken escape is kept as typed: the page calls it malformed instead of failing.
    expect(matchRoute("/lacak/DRN%E0%A4")).toEqual({ name: "track", number: "DRN%E0%A4" });
    expect(matchRoute("/lacak/a/b")).toEqual({ name: "not-found" });
    vi.unstubAllGlobals();
  });
});
