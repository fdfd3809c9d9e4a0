import { readFileSync } from "node:fs";
import { type SQL, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { type DashboardFilter, dashboardFilter } from "../../server/dashboard/filter";
import { type Histogram, type OnTimeHistograms, onTimeSection, summarise } from "../../server/dashboard/on-time";
import { onTimeSql, rollupOnTime } from "../../server/dashboard/on-time-rollups";
import { scanOnTime } from "../../server/dashboard/on-time-scan";
import { activeDialect } from "../../server/db/dialect";
import { sqliteDriver } from "../../server/db/maintenance";
import type { Db } from "../../server/db/open";
import { rawAll, rawGet, rawRun } from "../../server/db/raw";
import type { AuthUser } from "../../server/http/env";
import { decide, receive } from "../../server/review/verdict";
import { Dashboard } from "../../shared/api/console";
import { addUser } from "../helpers/console-fixtures";
import { planReads, postgresPlan } from "../helpers/query-plan";
import { seededDatabase } from "../helpers/temp-db";

/**
 * The on-time figures (issue 13) come from dashboard_clock, kept by the
 * triggers of migration 0011. These tests hold it to the recount over the
 * applications table (on-time-scan.ts) after random workflows written by the
 * real review code (receive, decide with an injected `now`) and the columns
 * the sync writes (submit, resubmit, tombstone), for every scope and filter.
 */

const KEC_A = "31.75.07";
const KEC_B = "31.75.06";
/** Two seeded services (working days) and one not in the catalogue (a 0-day clock). */
const GUIDES = ["ktp-el-baru", "pembetulan-akta", "layanan-lama"];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 80 days over three month ends and the Idul Fitri 2026 closures. */
const START = Date.parse("2026-01-20T02:00:00.000Z");
const SPAN = 80 * DAY;

/**
 * Each run makes a database: a file copy on SQLite, CREATE DATABASE … TEMPLATE (slower) on PostgreSQL; on
 * a machine shared with other work the default 20 s is too tight for forty of them.
 */
const PROPERTY_TIMEOUT = activeDialect() === "postgres" ? 300_000 : 120_000;

let cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
}
afterEach(cleanUp);

type Step =
  | { kind: "create"; cadre: number; guide: number; at: number }
  | { kind: "submit"; app: number; after: number; moveOffice: boolean }
  | { kind: "receive"; app: number; after: number }
  | { kind: "decide"; app: number; after: number; decision: "verified" | "needs-fix" | "rejected" | "approved" }
  | { kind: "delete"; app: number; after: number; hard: boolean }
  | { kind: "move"; app: number }
  | { kind: "calendar-stop"; app: number; after: number; used: number; onTime: boolean }
  /** The file's next natural step: submit, receive, verify, then approve, reject or send back (0, 1, 2). */
  | { kind: "advance"; app: number; after: number; choice: number };

/** Hours (mostly within the service time) or days (often past it) since the file's last change. */
const after = fc
  .oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 8 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 * 24 }) },
  )
  .map((hours) => hours * HOUR);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      app: fc.nat({ max: 7 }),
      after,
      choice: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      cadre: fc.nat(),
      guide: fc.nat(),
      at: fc.integer({ min: 0, max: SPAN }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("submit" as const),
      app: fc.nat({ max: 7 }),
      after,
      moveOffice: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("receive" as const), app: fc.nat({ max: 7 }), after }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("decide" as const),
      app: fc.nat({ max: 7 }),
      after,
      decision: fc.constantFrom("verified" as const, "needs-fix" as const, "rejected" as const, "approved" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("delete" as const), app: fc.nat({ max: 7 }), after, hard: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("move" as const), app: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("calendar-stop" as const),
      app: fc.nat({ max: 7 }),
      after,
      used: fc.integer({ min: 0, max: 30 }),
      onTime: fc.boolean(),
    }),
  },
);

interface World {
  db: Db;
  cadres: { id: string; kecamatan: string }[];
  apps: string[];
  operator: AuthUser;
}

async function world(): Promise<World> {
  const env = await seededDatabase();
  cleanups.push(env.cleanup);
  const cadres: World["cadres"] = [];
  for (const c of [
    { kecamatan: KEC_A, name: "Kader A1" },
    { kecamatan: KEC_B, name: "Kader B1" },
  ]) {
    cadres.push({ id: (await addUser(env.db, "cadre", c.name, c.kecamatan)).id, kecamatan: c.kecamatan });
  }
  const admin = await addUser(env.db, "admin", "Admin", null);
  const operator = { id: admin.id, role: "admin", kecamatanCode: null, displayName: "Admin" } as unknown as AuthUser;
  return { db: env.db, cadres, apps: [], operator };
}

interface Row {
  status: string;
  kecamatan_code: string | null;
  deleted_at: string | null;
  updated_at: string;
}

/** The SQLite driver, for the SQLite migration's backfill. */
function driverOf(db: Db) {
  const driver = sqliteDriver(db);
  if (!driver) throw new Error("this test runs the SQLite migration's backfill");
  return driver;
}

async function apply(w: World, s: Step): Promise<void> {
  // The fixture's own statements (what the sync writes), in SQL both engines speak.
  const run = (query: SQL) => rawRun(w.db, query);
  if (s.kind === "create") {
    const cadre = w.cadres[s.cadre % w.cadres.length];
    if (!cadre) return;
    const id = `app-${w.apps.length}`;
    const at = new Date(START + s.at).toISOString();
    const content = JSON.stringify({
      id,
      applicant: { fullName: "Nama Pemohon" },
      answers: {},
      documents: {},
      data: {},
    });
    await run(
      sql`INSERT INTO applications (id, cadre_id, guide_id, guide_version, content, status, version, change_seq,
         created_at, updated_at, kecamatan_code, draft_created_at)
       VALUES (${id}, ${cadre.id}, ${GUIDES[s.guide % GUIDES.length]}, 1, ${content}, 'draft', 1, ${w.apps.length + 1},
         ${at}, ${at}, ${cadre.kecamatan}, ${at})`,
    );
    w.apps.push(id);
    return;
  }
  const id = w.apps.length === 0 ? undefined : w.apps[s.app % w.apps.length];
  if (id === undefined) return;
  const row = await rawGet<Row>(w.db, sql`SELECT * FROM applications WHERE id = ${id}`);
  if (!row || row.deleted_at !== null) return;
  const now = new Date(Date.parse(row.updated_at) + ("after" in s ? s.after : 0));
  const when = now.toISOString();
  if (s.kind === "advance") {
    const next: Record<string, Step | undefined> = {
      draft: { kind: "submit", app: s.app, after: s.after, moveOffice: false },
      "needs-fix": { kind: "submit", app: s.app, after: s.after, moveOffice: false },
      submitted: { kind: "receive", app: s.app, after: s.after },
      received: { kind: "decide", app: s.app, after: s.after, decision: "verified" },
      verified: {
        kind: "decide",
        app: s.app,
        after: s.after,
        decision: (["approved", "rejected", "needs-fix"] as const)[s.choice] ?? "approved",
      },
    };
    const then = next[row.status];
    if (then) await apply(w, then);
    return;
  }
  switch (s.kind) {
    case "submit":
      if (row.status !== "draft" && row.status !== "needs-fix") return;
      // As saveContent: the first submit and a resubmission after a fix; the office may be another kecamatan.
      await run(
        sql`UPDATE applications SET status = 'submitted', submitted_at = ${when}, updated_at = ${when},
           submit_count = submit_count + 1, first_submitted_at = coalesce(first_submitted_at, ${when}),
           kecamatan_code = ${s.moveOffice ? (row.kecamatan_code === KEC_A ? KEC_B : KEC_A) : row.kecamatan_code}
           WHERE id = ${id}`,
      );
      return;
    case "receive":
      await receive(w.db, { id, actor: w.operator, now });
      return;
    case "decide":
      await decide(w.db, {
        id,
        actor: null,
        now,
        verdict: { decision: s.decision, requirements: {}, decidedAt: when },
      });
      return;
    case "delete":
      if (s.hard) await run(sql`DELETE FROM applications WHERE id = ${id}`);
      else await run(sql`UPDATE applications SET deleted_at = ${when}, updated_at = ${when} WHERE id = ${id}`);
      return;
    case "move":
      // An admin's correction of the office: the file's figures follow it.
      await run(
        sql`UPDATE applications SET kecamatan_code = ${row.kecamatan_code === KEC_A ? KEC_B : KEC_A} WHERE id = ${id}`,
      );
      return;
    case "calendar-stop": {
      // An imported file of a calendar-day service, decided elsewhere: its clock arrives stopped.
      if (row.status === "approved" || row.status === "rejected" || row.status === "draft") return;
      const clock = {
        days: 14,
        unit: "calendar",
        state: "stopped",
        startedOn: when.slice(0, 10),
        segmentStart: null,
        usedBefore: 0,
        deadline: null,
        used: s.used,
        onTime: s.onTime,
      };
      await run(
        sql`UPDATE applications SET status = 'approved', decided_at = ${when}, updated_at = ${when},
           clock = ${JSON.stringify(clock)}, clock_state = 'stopped', clock_deadline = NULL WHERE id = ${id}`,
      );
      return;
    }
  }
}

/** Histograms without empty entries, as sorted plain data. */
function plain(histograms: OnTimeHistograms) {
  return [...histograms]
    .map(([key, histogram]) => [key, [...histogram].filter(([, [files]]) => files !== 0).sort(([a], [b]) => a - b)])
    .filter(([, entries]) => (entries as unknown[]).length > 0)
    .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1));
}

const day = (offset: number) => new Date(START + offset * DAY + 7 * HOUR).toISOString().slice(0, 10);

function filters(w: World, from: number, length: number): DashboardFilter[] {
  const range = { from: day(from), to: day(from + length) };
  return [
    dashboardFilter({ kind: "all" }, {}),
    dashboardFilter({ kind: "all" }, { kecamatanCode: KEC_B }),
    dashboardFilter({ kind: "kecamatan", code: KEC_A }, {}),
    dashboardFilter({ kind: "kecamatan", code: KEC_A }, range),
    dashboardFilter({ kind: "all" }, { ...range, guideId: GUIDES[0] }),
    dashboardFilter({ kind: "all" }, { from: range.from }),
    dashboardFilter({ kind: "kecamatan", code: KEC_B }, { to: range.to, guideId: GUIDES[1] }),
    dashboardFilter({ kind: "none" }, {}),
  ].filter(() => w.db !== undefined);
}

/** Clocks the review code stopped, on time and late: the property must not be vacuous. */
async function stoppedFiles(db: Db): Promise<{ onTime: number; late: number }> {
  const rows = await rawAll<{ clock: string }>(
    db,
    sql`SELECT clock FROM applications WHERE clock_state = 'stopped' AND clock IS NOT NULL`,
  );
  const clocks = rows.map((row) => JSON.parse(row.clock) as { unit?: string; onTime?: boolean });
  const working = clocks.filter((clock) => clock.unit === "working");
  return {
    onTime: working.filter((clock) => clock.onTime === true).length,
    late: working.filter((clock) => clock.onTime === false).length,
  };
}

describe("on-time rollup (dashboard_clock)", () => {
  it(
    "equals the recount after random workflows, for every scope and filter",
    async () => {
      const stopped = { onTime: 0, late: 0 };
      await fc.assert(
        fc.asyncProperty(
          fc.array(step, { minLength: 20, maxLength: 120, size: "max" }),
          fc.integer({ min: 0, max: 80 }),
          fc.integer({ min: 0, max: 60 }),
          async (steps, from, length) => {
            const w = await world();
            for (const s of steps) await apply(w, s);
            const files = await stoppedFiles(w.db);
            stopped.onTime += files.onTime;
            stopped.late += files.late;
            for (const filter of filters(w, from, length)) {
              const rollup = await rollupOnTime(w.db, filter);
              const recount = await scanOnTime(w.db, filter);
              expect(plain(rollup), JSON.stringify(filter)).toEqual(plain(recount));
              expect(onTimeSection(rollup, new Map())).toEqual(onTimeSection(recount, new Map()));
            }
            await cleanUp();
          },
        ),
        { numRuns: 40 },
      );
      // The workflows did stop clocks (the property is not vacuous).
      expect(stopped.onTime).toBeGreaterThan(10);
      expect(stopped.late).toBeGreaterThan(10);
    },
    PROPERTY_TIMEOUT,
  );

  // SQLite's migration 0011 backfilled dashboard_clock from the files a database already held; a PostgreSQL
  // database starts empty (migrations-pg/0001 has no backfill), so there is nothing to compare there.
  it.skipIf(activeDialect() === "postgres")("equals the migration's backfill of the same rows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 20, maxLength: 100, size: "max" }), async (steps) => {
        const w = await world();
        for (const s of steps) await apply(w, s);
        const rows = () =>
          rawAll<unknown>(w.db, sql`SELECT * FROM dashboard_clock WHERE files <> 0 ORDER BY 1, 2, 3, 4, 5, 6`);
        const byTriggers = await rows();
        const migration = readFileSync(
          new URL("../../server/migrations/0011_dashboard_clock.sql", import.meta.url),
          "utf8",
        );
        const backfill = migration.split("--> statement-breakpoint").at(-1) ?? "";
        driverOf(w.db).exec("DELETE FROM dashboard_clock");
        driverOf(w.db).exec(backfill);
        expect(await rows()).toEqual(byTriggers);
        await cleanUp();
      }),
      { numRuns: 10 },
    );
  });

  it("counts a file decided on time and one decided late, by the month of the decision", async () => {
    const w = await world();
    await apply(w, { kind: "create", cadre: 0, guide: 1, at: 0 });
    await apply(w, { kind: "create", cadre: 0, guide: 1, at: 0 });
    for (const app of [0, 1]) {
      await apply(w, { kind: "submit", app, after: HOUR, moveOffice: false });
      await apply(w, { kind: "receive", app, after: HOUR });
    }
    // pembetulan-akta: 3 working days. Decided the next day, and three weeks later.
    await apply(w, { kind: "decide", app: 0, after: HOUR, decision: "verified" });
    await apply(w, { kind: "decide", app: 0, after: DAY, decision: "approved" });
    await apply(w, { kind: "decide", app: 1, after: 21 * DAY, decision: "rejected" });
    const section = onTimeSection(await rollupOnTime(w.db, dashboardFilter({ kind: "all" }, {})), new Map());
    expect(section).toMatchObject({ decided: 2, onTime: 1, onTimeRate: 0.5 });
    expect(section.rows.map((r) => [r.guideId, r.month, r.decided, r.onTime])).toEqual([
      ["pembetulan-akta", "2026-01", 1, 1],
      ["pembetulan-akta", "2026-02", 1, 0],
      ["pembetulan-akta", null, 2, 1],
      [null, null, 2, 1],
    ]);
    // The operator of the other kecamatan sees none of it.
    expect((await rollupOnTime(w.db, dashboardFilter({ kind: "kecamatan", code: KEC_B }, {}))).size).toBe(0);
  });

  it("reads only the rollup, never the applications table (EXPLAIN QUERY PLAN)", async () => {
    const w = await world();
    const queries = [dashboardFilter({ kind: "all" }, {}), dashboardFilter({ kind: "all" }, { guideId: "x" })].map(
      (filter) => onTimeSql(filter),
    );
    for (const query of queries) {
      if (!query) throw new Error("the filter reads the rollup");
      if (activeDialect() === "postgres") {
        // Each segment is a range of the primary key; the files are never read.
        const reads = planReads(await postgresPlan(w.db, query));
        expect(reads.relations).not.toContain("applications");
        expect(reads.indexes).toContain("dashboard_clock_pkey");
        expect(reads.nodeTypes).not.toContain("Seq Scan");
        continue;
      }
      const plan = await rawAll<{ detail: string }>(w.db, sql`EXPLAIN QUERY PLAN ${query}`);
      const details = plan.map((row) => row.detail).join("\n");
      expect(details).not.toMatch(/\bapplications\b/);
      expect(details).toMatch(/SEARCH c USING PRIMARY KEY/);
    }
  });
});

describe("median and 90th percentile from the histogram", () => {
  it("equal the sorted list's", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 200 }), (days) => {
        const histogram: Histogram = new Map();
        for (const used of days) {
          const [files, onTime] = histogram.get(used) ?? [0, 0];
          histogram.set(used, [files + 1, onTime + (used <= 5 ? 1 : 0)]);
        }
        const sorted = [...days].sort((a, b) => a - b);
        const n = sorted.length;
        const median = ((sorted[(n - 1) >> 1] ?? 0) + (sorted[n >> 1] ?? 0)) / 2;
        const p90 = sorted[Math.ceil(0.9 * n) - 1];
        expect(summarise(histogram)).toEqual({
          decided: n,
          onTime: days.filter((d) => d <= 5).length,
          onTimeRate: days.filter((d) => d <= 5).length / n,
          medianDaysUsed: median,
          p90DaysUsed: p90,
        });
      }),
    );
  });
});

describe("GET /api/console/dashboard: onTime and on-time.csv", () => {
  async function decidedWorld(): Promise<World> {
    const w = await world();
    for (const [cadre, hours] of [
      [0, 1],
      [0, 21 * 24],
      [1, 2],
    ] as const) {
      const app = w.apps.length;
      await apply(w, { kind: "create", cadre, guide: 1, at: 0 });
      await apply(w, { kind: "submit", app, after: HOUR, moveOffice: false });
      await apply(w, { kind: "receive", app, after: HOUR });
      await apply(w, { kind: "decide", app, after: HOUR, decision: "verified" });
      await apply(w, { kind: "decide", app, after: hours * HOUR, decision: "approved" });
    }
    return w;
  }

  it("gives the operator their kecamatan's share, the admin everyone's, and refuses another kecamatan", async () => {
    const w = await decidedWorld();
    const app = createApp({ db: w.db });
    const operator = await addUser(w.db, "operator", "Petugas A", KEC_A);
    const admin = await addUser(w.db, "admin", "Admin", null);
    const get = async (path: string, cookie: string) => app.request(path, { headers: { Cookie: cookie } });
    const mine = Dashboard.parse(await (await get("/api/console/dashboard", operator.cookie)).json());
    expect(mine.onTime).toMatchObject({ decided: 2, onTime: 1, onTimeRate: 0.5 });
    const all = Dashboard.parse(await (await get("/api/console/dashboard", admin.cookie)).json());
    expect(all.onTime).toMatchObject({ decided: 3, onTime: 2 });
    expect(all.onTime.rows.at(-1)).toMatchObject({ guideId: null, month: null, unit: "working", decided: 3 });
    // The date range is on the decision day: nothing was decided in 2027.
    const later = Dashboard.parse(await (await get("/api/console/dashboard?from=2027-01-01", admin.cookie)).json());
    expect(later.onTime).toEqual({ decided: 0, onTime: 0, onTimeRate: null, rows: [] });
    const other = await get(`/api/console/dashboard/on-time.csv?kecamatanCode=${KEC_B}`, operator.cookie);
    expect(other.status).toBe(403);
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  });

  it("downloads the table as CSV in the request's language, comma or semicolon", async () => {
    const w = await decidedWorld();
    const app = createApp({ db: w.db });
    const admin = await addUser(w.db, "admin", "Admin", null);
    const csv = async (query: string, language = "id") => {
      const res = await app.request(`/api/console/dashboard/on-time.csv${query}`, {
        headers: { Cookie: admin.cookie, "Accept-Language": language },
      });
      expect(res.status).toBe(200);
      return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()).replace(/^\uFEFF/, "");
    };
    const id = (await csv("")).trim().split("\r\n");
    expect(id[0]).toBe(
      "Layanan,Kode layanan,Bulan keputusan,Satuan hari,Berkas diputus,Tepat waktu,Tepat waktu (%),Median hari terpakai,Persentil ke-90 hari terpakai",
    );
    expect(id.at(-1)).toBe("Semua layanan,,Semua bulan,hari kerja,3,2,66.7,0,15");
    const en = (await csv("", "en")).trim().split("\r\n");
    expect(en[0]).toContain("Decision month,Day unit,Files decided,On time");
    expect((await csv("?sep=semicolon")).trim().split("\r\n").at(-1)).toBe(
      "Semua layanan;;Semua bulan;hari kerja;3;2;66,7;0;15",
    );
    const wrong = await app.request("/api/console/dashboard/on-time.csv?from=2026-13-01", {
      headers: { Cookie: admin.cookie },
    });
    expect(wrong.status).toBe(400);
  });
});
