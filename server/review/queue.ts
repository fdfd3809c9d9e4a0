import { type SQL, sql } from "drizzle-orm";
import type { QueuePage, QueueSearch, ReviewStatus } from "../../shared/api/console";
import { jakartaDate } from "../../shared/jakarta-time";
import { searchable, searchTerms } from "../../shared/review/search";
import { OPEN_STATUSES } from "../../shared/review/statuses";
import type { WorkCalendar } from "../../shared/service-time/calendar";
import type { Scope } from "../console/scope";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { indexedBy } from "../db/sql-fns";
import { withSnapshot } from "../db/transaction";
import { loadCalendar } from "../service-time/calendar-store";
import { clockFilterRange } from "./queue-clock-range";
import { encodeQueueCursor, type QueuePosition } from "./queue-cursor";
import { deadlinePositions } from "./queue-deadline";
import { allOf, commonFilters, kecamatanWhere, nullSliceOrder } from "./queue-filters";
import { hydrate } from "./queue-items";

export { decodeQueueCursor, encodeQueueCursor } from "./queue-cursor";
export { type DeadlineRange, deadlineSql } from "./queue-deadline";

type Position = QueuePosition;
type ByTime = Extract<QueuePosition, { submittedAt: string }>;

/**
 * Every kecamatan code that has applications, found by skipping through
 * applications_queue_idx (one index seek per code, not a scan of the table).
 */
async function kecamatanCodes(db: Db): Promise<string[]> {
  const rows = await rawAll<{ code: string }>(
    db,
    sql`WITH RECURSIVE codes(code) AS (
          SELECT MIN(kecamatan_code) FROM applications
          UNION ALL
          SELECT (SELECT MIN(kecamatan_code) FROM applications WHERE kecamatan_code > codes.code)
          FROM codes WHERE codes.code IS NOT NULL
        )
        SELECT code FROM codes WHERE code IS NOT NULL`,
  );
  return rows.map((row) => row.code);
}

interface Partition {
  /** null: applications of cadres without a kecamatan (visible to admins only). */
  kecamatanCode: string | null;
  status: ReviewStatus;
}

/**
 * The next `take` positions of one (kecamatan, status) slice, in queue order.
 * Each slice is a range of applications_queue_idx, so a page costs a few
 * index seeks however many rows the table holds. Tombstones are always
 * drafts, which never reach the queue, so deleted_at needs no check here.
 * `notRunning` keeps files whose clock runs out (they came first, by deadline).
 */
export function partitionSql(
  partition: Partition,
  query: QueueSearch,
  after: Position | null,
  notRunning = false,
): SQL {
  const where: SQL[] = [
    kecamatanWhere(partition.kecamatanCode),
    sql`status = ${partition.status}`,
    sql`submitted_at IS NOT NULL`,
  ];
  if (after && "submittedAt" in after) where.push(sql`(submitted_at, id) > (${after.submittedAt}, ${after.id})`);
  if (notRunning) where.push(sql`(clock_state IS NULL OR clock_state <> 'running')`);
  where.push(...commonFilters(query));
  return sql`SELECT id, submitted_at AS "submittedAt" FROM ${indexedBy("applications", "applications_queue_idx")}
    WHERE ${allOf(where)} ORDER BY ${nullSliceOrder(partition.kecamatanCode)}submitted_at, id LIMIT ${query.limit + 1}`;
}

function byTime(a: ByTime, b: ByTime): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whether a cursor belongs to this query's order (a deadline cursor on the submission order, or the reverse, does not). */
export function cursorFits(query: QueueSearch, after: Position): boolean {
  if (query.clock) return "deadline" in after;
  return query.sort === "deadline" || "submittedAt" in after;
}

/** The (kecamatan, status) slices in queue order; `notRunning` leaves out the running clocks already listed. */
async function timePositions(
  db: Db,
  codes: (string | null)[],
  statuses: readonly ReviewStatus[],
  query: QueueSearch,
  after: Position | null,
  notRunning: boolean,
): Promise<ByTime[]> {
  const positions: ByTime[] = [];
  for (const kecamatanCode of codes) {
    for (const status of statuses) {
      positions.push(...(await rawAll<ByTime>(db, partitionSql({ kecamatanCode, status }, query, after, notRunning))));
    }
  }
  return positions.sort(byTime);
}

/**
 * The positions of one page plus one (whether there is a next page), in the
 * query's order: oldest submission first; or nearest deadline first, then the
 * files without a running clock oldest first; or, with a clock filter, only
 * the running clocks it picks, by deadline.
 */
async function orderedPositions(
  db: Db,
  codes: (string | null)[],
  query: QueueSearch,
  after: Position | null,
  today: string,
  calendar: WorkCalendar,
): Promise<Position[]> {
  const statuses: readonly ReviewStatus[] = query.status ? [query.status] : OPEN_STATUSES;
  if (query.clock) {
    // Every status whose clock runs unless one is asked for: a verified file waiting for approval is late too.
    const range = clockFilterRange(query.clock, today, calendar);
    return deadlinePositions(db, codes, range, query.status ? [query.status] : null, query, after);
  }
  if (query.sort !== "deadline") return timePositions(db, codes, statuses, query, after, false);
  const running =
    after && "submittedAt" in after ? [] : await deadlinePositions(db, codes, null, statuses, query, after);
  if (running.length > query.limit) return running;
  const rest = await timePositions(db, codes, statuses, query, after && "submittedAt" in after ? after : null, true);
  return [...running, ...rest];
}

/**
 * One page of the review queue. The caller's scope picks the kecamatan
 * slices; each slice is read in index order and the slices are merged, all
 * inside one read transaction so a page is a consistent snapshot. Each row
 * carries its tracking number and its clock as it stands today (the
 * calendar read once per page).
 */
export async function queuePage(
  db: Db,
  scope: Scope,
  query: QueueSearch,
  after: Position | null,
  now = new Date(),
): Promise<QueuePage> {
  // A term that can match nothing (one letter, two digits) answers nothing rather than everything.
  if (scope.kind === "none" || (query.q && !searchable(searchTerms(query.q)))) return { items: [], nextCursor: null };
  return withSnapshot(db, async (tx): Promise<QueuePage> => {
    const codes: (string | null)[] = scope.kind === "kecamatan" ? [scope.code] : [...(await kecamatanCodes(tx)), null];
    const today = jakartaDate(now);
    const calendar = await loadCalendar(tx);
    const positions = await orderedPositions(tx, codes, query, after, today, calendar);
    const page = positions.slice(0, query.limit);
    const items = await hydrate(
      tx,
      page.map((position) => position.id),
      today,
      calendar,
    );
    const last = page.at(-1);
    return {
      items: page.flatMap((position) => items.get(position.id) ?? []),
      nextCursor: positions.length > query.limit && last ? encodeQueueCursor(last) : null,
    };
  });
}
