import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { dashboardFilter } from "../../server/dashboard/filter";
import { type OnTimeHistograms, onTimeSection } from "../../server/dashboard/on-time";
import { rollupOnTime } from "../../server/dashboard/on-time-rollups";
import { scanOnTime } from "../../server/dashboard/on-time-scan";
import { closeDatabase, type Db, openDatabase } from "../../server/db/open";
import { rawAll, rawGet, rawRun } from "../../server/db/raw";
import { getGuideVersion } from "../../server/guides/repository";
import { BACKFILL_KEY } from "../../server/service-time/backfill";
import type { ClockRecord } from "../../shared/service-time/clock";
import { parseTrackingNumber } from "../../shared/tracking/number";
import { trackingPrefix } from "../../shared/tracking/prefix";
import { addUser } from "../helpers/console-fixtures";
import { seededDatabase } from "../helpers/temp-db";

/**
 * Files submitted before migration 0010 (no number, no clock) get both once,
 * when the database is opened: rows are written as an old server left them,
 * the flag is taken away as on a database from before the backfill, and the
 * file is opened again.
 */

const KEC = "31.75.07";
const GUIDE = "ktp-el-baru";
/** Jakarta 09:00 on these dates (no holidays in the span: 6–31 July 2026). */
const at = (date: string) => `${date}T02:00:00.000Z`;

interface Old {
  id: string;
  status: string;
  receivedAt?: string;
  decidedAt?: string;
  sentBackAt?: string;
  deleted?: boolean;
  number?: string;
  /** Its history (application_events): receipts and decisions, as the review code recorded them. */
  events?: [kind: "received" | "verdict", status: string, at: string][];
}

let cleanups: (() => Promise<void>)[] = [];
const closed = new WeakSet<Db>();
/** Closes `db` unless already closed (the test closes a database itself before opening it again). */
async function close(db: Db): Promise<void> {
  if (closed.has(db)) return;
  closed.add(db);
  await closeDatabase(db);
}
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup();
  cleanups = [];
});

async function oldDatabase(rows: Old[]): Promise<{ file: string; reopen: () => Promise<Db> }> {
  const env = await seededDatabase();
  const cadre = (await addUser(env.db, "cadre", "Kader", KEC)).id;
  for (const [i, row] of rows.entries()) {
    for (const [kind, status, when] of row.events ?? []) {
      await rawRun(
        env.db,
        sql`INSERT INTO application_events (application_id, at, kind, actor_id, status, detail)
          VALUES (${row.id}, ${when}, ${kind}, NULL, ${status}, NULL)`,
      );
    }
    const verdict = row.sentBackAt
      ? JSON.stringify({ decision: "needs-fix", requirements: {}, decidedAt: row.sentBackAt })
      : null;
    await rawRun(
      env.db,
      sql`INSERT INTO applications (id, cadre_id, guide_id, guide_version, content, status, verdict, version,
         change_seq, submitted_at, deleted_at, created_at, updated_at, kecamatan_code, received_at, first_decision_at,
         decided_at, tracking_number, clock, clock_state, clock_deadline)
       VALUES (${row.id}, ${cadre}, ${GUIDE}, 1, '{}', ${row.status}, ${verdict}, 1, ${i + 1},
         ${row.status === "draft" ? null : at("2026-07-06")}, ${row.deleted ? at("2026-07-07") : null},
         ${at("2026-07-06")}, ${at("2026-07-06")}, ${KEC}, ${row.receivedAt ?? null},
         ${row.decidedAt ?? row.sentBackAt ?? null}, ${row.decidedAt ?? null}, ${row.number ?? null}, NULL, NULL, NULL)`,
    );
  }
  // A database from before the backfill: it never ran. Its change counter stands at its highest seq, as
  // migration 0016 seeds it (these rows were written past the counter, as no server writes them).
  await rawRun(env.db, sql`DELETE FROM office_settings WHERE key = ${BACKFILL_KEY}`);
  await rawRun(
    env.db,
    sql`UPDATE change_counters SET value = (SELECT max(change_seq) FROM applications) WHERE name = 'applications'`,
  );
  await closeDatabase(env.db);
  return {
    file: env.file,
    reopen: async () => {
      const db = await openDatabase(env.file);
      cleanups.push(() => close(db));
      return db;
    },
  };
}

interface Stored {
  id: string;
  tracking_number: string | null;
  clock: string | null;
  clock_state: string | null;
  clock_deadline: string | null;
  change_seq: number;
}

async function stored(db: Db): Promise<Map<string, Stored>> {
  const rows = await rawAll<Stored>(
    db,
    sql`SELECT id, tracking_number, clock, clock_state, clock_deadline, change_seq FROM applications`,
  );
  return new Map(rows.map((row) => [row.id, row]));
}

const clockOf = (row: Stored | undefined): ClockRecord | null => (row?.clock ? JSON.parse(row.clock) : null);

function plain(histograms: OnTimeHistograms) {
  return [...histograms]
    .map(([key, histogram]) => [key, [...histogram].filter(([, [files]]) => files !== 0).sort(([a], [b]) => a - b)])
    .filter(([, entries]) => (entries as unknown[]).length > 0)
    .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1));
}

const OLD_ROWS: Old[] = [
  { id: "a-draft", status: "draft" },
  { id: "b-submitted", status: "submitted" },
  { id: "c-received", status: "received", receivedAt: at("2026-07-06") },
  { id: "d-verified", status: "verified", receivedAt: at("2026-07-07") },
  { id: "e-needs-fix", status: "needs-fix", receivedAt: at("2026-07-06"), sentBackAt: at("2026-07-09") },
  // Received Monday, approved Friday: 4 working days.
  { id: "f-approved", status: "approved", receivedAt: at("2026-07-06"), decidedAt: at("2026-07-10") },
  // Received 6 July, refused 31 July: 19 working days, late for any short service.
  { id: "g-rejected", status: "rejected", receivedAt: at("2026-07-06"), decidedAt: at("2026-07-31") },
  { id: "h-deleted", status: "submitted", deleted: true },
  { id: "i-numbered", status: "submitted", number: "KEEP-THIS" },
  // Received Monday 6th, sent back Thursday 9th (3 days), received again Monday 13th, verified, approved
  // Wednesday 15th (2 more): 5 days, not the 2 since the latest receipt the row alone would give.
  {
    id: "j-approved-after-fix",
    status: "approved",
    receivedAt: at("2026-07-13"),
    decidedAt: at("2026-07-15"),
    events: [
      ["received", "received", at("2026-07-06")],
      ["verdict", "needs-fix", at("2026-07-09")],
      ["received", "received", at("2026-07-13")],
      ["verdict", "verified", at("2026-07-14")],
      ["verdict", "approved", at("2026-07-15")],
    ],
  },
  // Sent back after 2 days and submitted again, not yet received: paused, the time since is the citizen's.
  {
    id: "k-resubmitted",
    status: "submitted",
    receivedAt: at("2026-07-06"),
    events: [
      ["received", "received", at("2026-07-06")],
      ["verdict", "needs-fix", at("2026-07-08")],
    ],
  },
];

describe("backfill of tracking numbers and clocks (files from before migration 0010)", () => {
  it("numbers every submitted file and gives received ones the clock they would have had, once", async () => {
    const old = await oldDatabase(OLD_ROWS);
    const db = await old.reopen();
    const rows = await stored(db);
    const service = (await getGuideVersion(db, GUIDE, 1))?.serviceTime;
    expect(service).toBeDefined();
    const days = service?.workingDays ?? 0;

    // Numbers: every non-draft, non-deleted file; well-formed, the office's prefix, all different.
    for (const id of [
      "b-submitted",
      "c-received",
      "d-verified",
      "e-needs-fix",
      "f-approved",
      "g-rejected",
      "j-approved-after-fix",
      "k-resubmitted",
    ]) {
      const number = rows.get(id)?.tracking_number ?? "";
      const parsed = parseTrackingNumber(number);
      expect(parsed.ok, id).toBe(true);
      expect(number.startsWith(`${trackingPrefix(KEC)}-`), id).toBe(true);
    }
    const numbers = [...rows.values()].map((row) => row.tracking_number).filter(Boolean);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(rows.get("a-draft")?.tracking_number).toBeNull();
    expect(rows.get("h-deleted")?.tracking_number).toBeNull();
    expect(rows.get("i-numbered")?.tracking_number).toBe("KEEP-THIS");

    // Clocks.
    expect(rows.get("b-submitted")?.clock).toBeNull();
    expect(clockOf(rows.get("c-received"))).toMatchObject({ state: "running", startedOn: "2026-07-06", days });
    expect(rows.get("c-received")?.clock_state).toBe("running");
    expect(rows.get("c-received")?.clock_deadline).toBe(clockOf(rows.get("c-received"))?.deadline);
    expect(clockOf(rows.get("d-verified"))).toMatchObject({ state: "running", startedOn: "2026-07-07" });
    expect(clockOf(rows.get("e-needs-fix"))).toMatchObject({ state: "paused", used: 3, deadline: null });
    expect(rows.get("e-needs-fix")?.clock_state).toBe("paused");
    expect(clockOf(rows.get("f-approved"))).toMatchObject({ state: "stopped", used: 4, onTime: 4 <= days });
    expect(clockOf(rows.get("g-rejected"))).toMatchObject({ state: "stopped", used: 19, onTime: 19 <= days });
    expect(rows.get("g-rejected")?.clock_state).toBe("stopped");
    expect(clockOf(rows.get("j-approved-after-fix"))).toMatchObject({
      state: "stopped",
      startedOn: "2026-07-06",
      used: 5,
      onTime: 5 <= days,
    });
    expect(clockOf(rows.get("k-resubmitted"))).toMatchObject({ state: "paused", used: 2, startedOn: "2026-07-06" });

    // The cadre's phone pulls the new number and clock: every changed row has a fresh change_seq.
    const before = OLD_ROWS.length;
    for (const id of ["b-submitted", "c-received", "f-approved"]) {
      expect(rows.get(id)?.change_seq ?? 0).toBeGreaterThan(before);
    }
    expect(rows.get("a-draft")?.change_seq).toBe(1);
    expect(rows.get("i-numbered")?.change_seq).toBe(9);

    // The dashboard counts the two decided files, as the recount over the table does.
    for (const filter of [
      dashboardFilter({ kind: "all" }, {}),
      dashboardFilter({ kind: "kecamatan", code: KEC }, { from: "2026-07-01", to: "2026-07-31" }),
      dashboardFilter({ kind: "all" }, { guideId: GUIDE }),
    ]) {
      const rollup = await rollupOnTime(db, filter);
      expect(plain(rollup)).toEqual(plain(await scanOnTime(db, filter)));
      expect(onTimeSection(rollup, new Map())).toEqual(onTimeSection(await scanOnTime(db, filter), new Map()));
    }
    const counted = await rawGet<{ files: number; onTime: number }>(
      db,
      sql`SELECT sum(files) AS files, sum(on_time) AS "onTime" FROM dashboard_clock WHERE grain = 'm' AND kecamatan = '*'`,
    );
    expect(counted).toEqual({ files: 3, onTime: (4 <= days ? 1 : 0) + (19 <= days ? 1 : 0) + (5 <= days ? 1 : 0) });

    // A second open changes nothing (the flag holds, even for a row that would still qualify).
    const dashboardOf = (of: Db) => rawAll(of, sql`SELECT * FROM dashboard_clock ORDER BY 1, 2, 3, 4, 5, 6`);
    const dashboard = await dashboardOf(db);
    await rawRun(db, sql`UPDATE applications SET tracking_number = NULL WHERE id = 'b-submitted'`);
    const first = await stored(db);
    await close(db);
    const again = await old.reopen();
    expect(await stored(again)).toEqual(first);
    expect(await dashboardOf(again)).toEqual(dashboard);
  });

  it("a new database marks the backfill done at its first open", async () => {
    const env = await seededDatabase();
    cleanups.push(env.cleanup);
    const flag = await rawGet<{ value: string }>(
      env.db,
      sql`SELECT value FROM office_settings WHERE key = ${BACKFILL_KEY}`,
    );
    expect(flag?.value).toBe("true");
  });
});
