import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { jakartaDate } from "../../shared/jakarta-time";
import type { WorkCalendar } from "../../shared/service-time/calendar";
import {
  type ClockRecord,
  pauseClock,
  type ServiceTime,
  serviceTimeOf,
  startClock,
  stopClock,
} from "../../shared/service-time/clock";
import { newTrackingNumber } from "../../shared/tracking/number";
import { trackingPrefix } from "../../shared/tracking/prefix";
import { sqliteDriver } from "../db/maintenance";
import type { Db } from "../db/open";
import { rawAll, rawGet, rawRun } from "../db/raw";
import { jsonText } from "../db/sql-fns";
import { withTransaction } from "../db/transaction";
import { getGuideVersion } from "../guides/repository";
import { pendingSeq, stampApplications } from "../sync/rows";
import { loadCalendar } from "./calendar-store";
import { clockColumns } from "./clock-writes";

/** Set once the backfill ran, so it never runs (or scans a million rows) again. */
export const BACKFILL_KEY = "trackingBackfilled";

/** Rows per transaction: short enough that a sync waiting on the lock (busy_timeout 5 s) is not refused. */
const BATCH = 5_000;

/** A receipt or a decision in the file's history (application_events), as the review code wrote it. */
interface ClockEvent {
  kind: "received" | "verdict";
  status: string | null;
  at: string;
}

interface Candidate {
  id: string;
  guideId: string;
  guideVersion: number;
  status: string;
  kecamatanCode: string | null;
  trackingNumber: string | null;
  hasClock: number;
  receivedAt: string | null;
  firstDecisionAt: string | null;
  decidedAt: string | null;
  sentBackAt: string | null;
}

export interface BackfillResult {
  numbers: number;
  clocks: number;
}

/**
 * Files submitted before migration 0010 had no tracking number and no
 * clock. Once, at start-up (openDatabase, after the calendar is seeded):
 * every submitted, not deleted file gets a number; a file the office has
 * received gets the clock it would have had, counted with today's calendar.
 * The clock is replayed from the file's history (application_events, kept
 * since the review workflow began): each receipt starts or resumes it, each
 * send-back pauses it, the final decision stops it, exactly as
 * clock-writes.ts clockAfter moves it, so a file sent back and received
 * again counts its stretches and not the time with the citizen. A file with
 * no history falls back to its row (received_at is the latest receipt):
 * - received or verified: running since the Jakarta date of its receipt;
 * - needs-fix: started at receipt, paused on the send-back's date (its verdict's decidedAt);
 * - approved or rejected: started at receipt, stopped on the decision's date;
 * - submitted again after a send-back: no clock (the send-back's date left the row with its verdict).
 * The dashboard's triggers (migration 0011) count a stopped clock on this UPDATE, as for a decision made now.
 * A file with a new number or clock gets a fresh change_seq, so the cadre's phone pulls them.
 * One transaction per batch of rows, walking the primary key: resumable, and a crash part-way
 * leaves only finished batches (the flag is written last).
 */
export async function backfillTracking(db: Db, now = new Date()): Promise<BackfillResult> {
  const done = await rawGet<{ one: number }>(db, sql`SELECT 1 AS one FROM office_settings WHERE key = ${BACKFILL_KEY}`);
  const result: BackfillResult = { numbers: 0, clocks: 0 };
  if (done) return result;

  const page = (after: string) =>
    rawAll<Candidate>(
      db,
      sql`SELECT id, guide_id AS "guideId", guide_version AS "guideVersion", status, kecamatan_code AS "kecamatanCode",
         tracking_number AS "trackingNumber", clock IS NOT NULL AS "hasClock", received_at AS "receivedAt",
         first_decision_at AS "firstDecisionAt", decided_at AS "decidedAt",
         CASE WHEN status = 'needs-fix' THEN ${jsonText(sql`verdict`, ["decidedAt"])} END AS "sentBackAt"
       FROM applications
       WHERE id > ${after} AND status <> 'draft' AND deleted_at IS NULL
         AND (tracking_number IS NULL OR (clock IS NULL AND (status <> 'submitted' OR received_at IS NOT NULL)))
       ORDER BY id LIMIT ${BATCH}`,
    );
  const taken = async (tx: Db, number: string) =>
    (await rawGet(tx, sql`SELECT 1 AS one FROM applications WHERE tracking_number = ${number}`)) !== undefined;
  const history = (tx: Db, id: string) =>
    rawAll<ClockEvent>(
      tx,
      sql`SELECT kind, status, at FROM application_events
       WHERE application_id = ${id} AND kind IN ('received', 'verdict') ORDER BY id`,
    );

  const calendar = await loadCalendar(db);
  const services = new Map<string, ServiceTime>();
  const serviceOf = async (tx: Db, row: Candidate): Promise<ServiceTime> => {
    const key = `${row.guideId}@${row.guideVersion}`;
    let service = services.get(key);
    if (!service) {
      const guide = await getGuideVersion(tx, row.guideId, row.guideVersion);
      // A service no longer in the catalogue: a 0-day clock, as clockAfter starts it.
      service = guide ? serviceTimeOf(guide) : { days: 0, unit: "working" };
      services.set(key, service);
    }
    return service;
  };
  const clocks = clockMemo(calendar);
  const given = new Set<string>();
  const freshNumber = async (tx: Db, kecamatanCode: string | null): Promise<string> => {
    for (;;) {
      const number = newTrackingNumber(trackingPrefix(kecamatanCode), (n) => randomBytes(n));
      if (!given.has(number) && !(await taken(tx, number))) {
        given.add(number);
        return number;
      }
    }
  };

  // The batches rewrite rows spread over several indexes (number, clock, change_seq): a larger page cache
  // for the run keeps those index pages in memory instead of reading them again per batch (SQLite only).
  const sqlite = sqliteDriver(db);
  const cacheSize = sqlite?.pragma("cache_size", { simple: true });
  sqlite?.pragma("cache_size = -131072");
  let after = "";
  for (;;) {
    const rows = await page(after);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]?.id ?? after;
    await withTransaction(db, async (tx) => {
      for (const row of rows) {
        const number = row.trackingNumber ?? (await freshNumber(tx, row.kecamatanCode));
        const clock = row.hasClock ? undefined : clocks.of(row, await serviceOf(tx, row), await history(tx, row.id));
        if (number === row.trackingNumber && !clock) continue;
        if (number !== row.trackingNumber) result.numbers++;
        if (clock) {
          result.clocks++;
          const columns = clockColumns(clock);
          await rawRun(
            tx,
            sql`UPDATE applications SET tracking_number = ${number}, clock = ${JSON.stringify(clock)},
               clock_state = ${columns.clockState}, clock_deadline = ${columns.clockDeadline}, change_seq = ${pendingSeq(tx)}
             WHERE id = ${row.id}`,
          );
        } else {
          await rawRun(
            tx,
            sql`UPDATE applications SET tracking_number = ${number}, change_seq = ${pendingSeq(tx)} WHERE id = ${row.id}`,
          );
        }
      }
      // Last: the rows rewritten get their change seqs (server/sync/counters.ts).
      await stampApplications(tx);
    });
  }
  if (sqlite) sqlite.pragma(`cache_size = ${Number(cacheSize)}`);
  await rawRun(
    db,
    sql`INSERT INTO office_settings (key, value, updated_by, updated_at)
      VALUES (${BACKFILL_KEY}, 'true', NULL, ${now.toISOString()})`,
  );
  return result;
}

/**
 * The clock a pre-0010 file would have, or undefined when the office never
 * received it. Counting working days walks the dates one by one (about 0.2 ms
 * a clock), and a million files share far fewer (service, start, end) triples:
 * each is counted once.
 */
function clockMemo(calendar: WorkCalendar) {
  const memo = new Map<string, ClockRecord | undefined>();
  const count = (service: ServiceTime, status: string, start: string, end: string | null) => {
    const started = startClock(null, service, start, calendar);
    if (status === "received" || status === "verified") return started;
    if (!end) return undefined;
    const clock = status === "needs-fix" ? pauseClock(started, end, calendar) : stopClock(started, end, calendar);
    return clock ?? undefined;
  };
  const replay = (service: ServiceTime, events: readonly { kind: string; status: string | null; day: string }[]) => {
    let clock: ClockRecord | null = null;
    for (const event of events) {
      if (event.kind === "received") clock = startClock(clock, service, event.day, calendar);
      else if (event.status === "needs-fix") clock = pauseClock(clock, event.day, calendar);
      else if (event.status === "approved" || event.status === "rejected")
        clock = stopClock(clock, event.day, calendar);
    }
    return clock ?? undefined;
  };
  return {
    of(row: Candidate, service: ServiceTime, history: readonly ClockEvent[]): ClockRecord | undefined {
      if (history.length > 0) {
        const events = history.map((event) => ({
          kind: event.kind,
          status: event.status,
          day: jakartaDate(new Date(event.at)),
        }));
        const key = `${service.days}|${service.unit}|${events.map((e) => `${e.kind}:${e.status}:${e.day}`).join(",")}`;
        if (!memo.has(key)) memo.set(key, replay(service, events));
        return memo.get(key);
      }
      // Deciding a file straight from "submitted" starts its clock at that decision (review/verdict.ts).
      const receivedAt = row.receivedAt ?? row.firstDecisionAt;
      if (!receivedAt || !CLOCKED.has(row.status)) return undefined;
      const start = jakartaDate(new Date(receivedAt));
      const endAt = row.status === "needs-fix" ? row.sentBackAt : FINAL.has(row.status) ? row.decidedAt : null;
      // A clock cannot stop before it started.
      const end = endAt ? maxDate(jakartaDate(new Date(endAt)), start) : null;
      const key = `${service.days}|${service.unit}|${row.status}|${start}|${end}`;
      if (!memo.has(key)) memo.set(key, count(service, row.status, start, end));
      return memo.get(key);
    },
  };
}

const CLOCKED = new Set(["received", "verified", "needs-fix", "approved", "rejected"]);
const FINAL = new Set(["approved", "rejected"]);

const maxDate = (a: string, b: string) => (a < b ? b : a);
