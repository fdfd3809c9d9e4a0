import { type SQL, sql } from "drizzle-orm";
import type { QueueSearch, ReviewStatus } from "../../shared/api/console";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { indexedBy, jsonText } from "../db/sql-fns";
import type { DeadlineRange } from "./queue-clock-range";
import type { QueuePosition } from "./queue-cursor";
import { allOf, commonFilters, kecamatanWhere, nullSliceOrder } from "./queue-filters";

/** The queue by service-time deadline: clock filters and the deadline order, over applications_clock_idx. */

type ByDeadline = Extract<QueuePosition, { deadline: string }>;

export type { DeadlineRange } from "./queue-clock-range";

/**
 * The next positions of one kecamatan's running clocks by deadline: a range
 * of applications_clock_idx (kecamatan, clock_state, clock_deadline, id), so
 * "lewat batas waktu", "hampir lewat" and the deadline order cost index
 * seeks, like the queue. Status (and, for "hampir lewat", the clock's day
 * unit: queue-clock-range.ts) is checked on the rows the range finds.
 */
export function deadlineSql(
  kecamatanCode: string | null,
  range: DeadlineRange,
  statuses: readonly ReviewStatus[] | null,
  query: QueueSearch,
  after: QueuePosition | null,
): SQL {
  const where: SQL[] = [kecamatanWhere(kecamatanCode), sql`clock_state = 'running'`, sql`clock_deadline IS NOT NULL`];
  if (range && "before" in range) {
    where.push(sql`clock_deadline < ${range.before}`);
  } else if (range) {
    // One index range up to the later bound; each row then kept by its own unit's bound, as its badge counts.
    const { working, calendar } = range.to;
    where.push(sql`clock_deadline BETWEEN ${range.from} AND ${working > calendar ? working : calendar}`);
    where.push(
      sql`clock_deadline <= CASE WHEN ${jsonText(sql`clock`, ["unit"])} = 'calendar' THEN ${calendar} ELSE ${working} END`,
    );
  }
  if (after && "deadline" in after) {
    where.push(sql`(clock_deadline, id) > (${after.deadline}, ${after.id})`);
  }
  if (statuses) {
    where.push(
      sql`status IN (${sql.join(
        statuses.map((status) => sql`${status}`),
        sql`, `,
      )})`,
    );
  }
  where.push(...commonFilters(query));
  return sql`SELECT id, clock_deadline AS deadline FROM ${indexedBy("applications", "applications_clock_idx")}
    WHERE ${allOf(where)} ORDER BY ${nullSliceOrder(kecamatanCode)}clock_deadline, id LIMIT ${query.limit + 1}`;
}

function byDeadline(a: ByDeadline, b: ByDeadline): number {
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The running clocks in deadline order, across the scope's kecamatans. */
export async function deadlinePositions(
  db: Db,
  codes: (string | null)[],
  range: DeadlineRange,
  statuses: readonly ReviewStatus[] | null,
  query: QueueSearch,
  after: QueuePosition | null,
): Promise<ByDeadline[]> {
  const positions: ByDeadline[] = [];
  for (const code of codes) {
    positions.push(...(await rawAll<ByDeadline>(db, deadlineSql(code, range, statuses, query, after))));
  }
  return positions.sort(byDeadline);
}
