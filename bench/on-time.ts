/**
 * The dashboard's on-time figures (issue 13) over the console benchmark's database: the rollup the
 * console reads (dashboard_clock, migration 0011) beside the recount over every stopped clock, one
 * operator and the admin, all time and a month, and GET /api/console/dashboard whole.
 * `npx tsx bench/on-time.ts` (BENCH_FILES=100000 for a quicker run; BENCH_DB_CACHE=<file> reuses a build)
 */
import { fileURLToPath } from "node:url";
import { createApp } from "../server/app";
import { buildDashboard, onTimeFigures, RECOUNT } from "../server/dashboard/build";
import { dashboardFilter } from "../server/dashboard/filter";
import { rollupOnTime } from "../server/dashboard/on-time-rollups";
import { scanOnTime } from "../server/dashboard/on-time-scan";
import { createRegionIndex } from "../shared/regions";
import { type Built, build, KECAMATAN, ROWS, sqliteOf } from "./console";

const RUNS = 7;

async function medianMs(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return +(times[RUNS >> 1] ?? 0).toFixed(2);
}

/**
 * What dashboard_clock costs a decision: stopping running clocks (status, decided_at and the clock's
 * columns, as decide() writes them), one transaction each, with the 0011 triggers, then on other files
 * with them dropped (this runs last, on the throw-away copy).
 */
function measureStopCost(built: Built): Record<string, number> {
  const sqlite = sqliteOf(built.db);
  const N = 2_000;
  const rows = sqlite
    .prepare("SELECT id, clock FROM applications WHERE clock_state = 'running' AND deleted_at IS NULL LIMIT ?")
    .all(2 * N) as { id: string; clock: string }[];
  const stop = sqlite.prepare(
    `UPDATE applications SET status = 'approved', decided_at = @at, clock = @clock, clock_state = 'stopped',
       clock_deadline = NULL WHERE id = @id`,
  );
  const time = (slice: typeof rows) => {
    const started = performance.now();
    for (const row of slice) {
      const clock = { ...JSON.parse(row.clock), state: "stopped", used: 2, onTime: true, deadline: null };
      sqlite.transaction(() =>
        stop.run({ id: row.id, at: "2026-11-30T03:00:00.000Z", clock: JSON.stringify(clock) }),
      )();
    }
    return +(((performance.now() - started) / slice.length) * 1000).toFixed(0);
  };
  const withTriggers = time(rows.slice(0, N));
  for (const name of ["insert", "delete", "update"]) sqlite.exec(`DROP TRIGGER applications_dashboard_clock_${name}`);
  const without = time(rows.slice(N));
  return {
    "µs per clock stop, own transaction, with every trigger": withTriggers,
    "µs per clock stop, own transaction, the 0011 triggers dropped": without,
  };
}

export async function measureOnTime(built: Built): Promise<Record<string, unknown>> {
  const { db } = built;
  const labels = { locale: "id" as const, regions: createRegionIndex() };
  const operator = { kind: "kecamatan", code: KECAMATAN[4] ?? "" } as const;
  const filters = {
    operator: dashboardFilter(operator, {}),
    "operator, November 2026": dashboardFilter(operator, { from: "2026-11-01", to: "2026-11-30" }),
    admin: dashboardFilter({ kind: "all" }, {}),
    "admin, one service": dashboardFilter({ kind: "all" }, { guideId: "akta-kelahiran" }),
    "admin, 2026-10-15..2026-11-20": dashboardFilter({ kind: "all" }, { from: "2026-10-15", to: "2026-11-20" }),
  };
  const parts: Record<string, unknown> = {};
  for (const [name, filter] of Object.entries(filters)) {
    const section = await onTimeFigures(db, filter, labels);
    parts[`${name} (${section.decided} decided, ${section.rows.length} rows)`] = {
      "rollup (dashboard_clock), ms": await medianMs(() => rollupOnTime(db, filter)),
      "recount over the files (reference), ms": await medianMs(() => scanOnTime(db, filter)),
      "whole section from the rollup, labelled, ms": await medianMs(() => onTimeFigures(db, filter, labels)),
    };
  }
  const app = createApp({ db });
  const request = async (path: string, cookie: string) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const res = await app.request(path, { headers: { Cookie: cookie } });
      await res.arrayBuffer();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return +(times[RUNS >> 1] ?? 0).toFixed(1);
  };
  return {
    "dashboard_clock rows": (sqliteOf(db).prepare("SELECT count(*) AS n FROM dashboard_clock").get() as { n: number })
      .n,
    [`on-time figures, median of ${RUNS}`]: parts,
    "buildDashboard() whole, rollups vs recount (reference), ms": {
      admin: await medianMs(() => buildDashboard(db, filters.admin, labels)),
      "admin, recount": await medianMs(() => buildDashboard(db, filters.admin, labels, RECOUNT)),
    },
    "GET /api/console/dashboard (app.request), median ms": {
      operator: await request("/api/console/dashboard", built.operatorCookies[4] ?? ""),
      admin: await request("/api/console/dashboard", built.adminCookie),
      "CSV on-time, admin": await request("/api/console/dashboard/on-time.csv", built.adminCookie),
    },
    "cost to writers": measureStopCost(built),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await build();
  try {
    console.log(
      JSON.stringify(
        {
          database: { applications: ROWS, buildSeconds: +(built.buildMs / 1000).toFixed(1) },
          ...(await measureOnTime(built)),
        },
        null,
        2,
      ),
    );
  } finally {
    await built.cleanup();
  }
}
