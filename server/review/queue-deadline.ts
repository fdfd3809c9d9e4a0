import type { QueueSearch, ReviewStatus } from "../../shared/api/console";
import type { Db } from "../db/open";
import type { DeadlineRange } from "./queue-clock-range";
import type { QueuePosition } from "./queue-cursor";
import { commonFilters, kecamatanWhere } from "./queue-filters";

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
): { text: string; params: (string | number)[] } {
  const kecamatan = kecamatanWhere(kecamatanCode);
  const where: string[] = [kecamatan.text, "clock_state = 'running'", "clock_deadline IS NOT NULL"];
  const params: (string | number)[] = [...kecamatan.params];
  if (range && "before" in range) {
    where.push("clock_deadline < ?");
    params.push(range.before);
  } else if (range) {
    // One index range up to the later bound; each row then kept by its own unit's bound, as its badge counts.
    const { working, calendar } = range.to;
    where.push("clock_deadline BETWEEN ? AND ?");
    params.push(range.from, working > calendar ? working : calendar);
    where.push("clock_deadline <= CASE WHEN json_extract(clock, '$.unit') = 'calendar' THEN ? ELSE ? END");
    params.push(calendar, working);
  }
  if (after && "deadline" in after) {
    where.push("(clock_deadline, id) > (?, ?)");
    params.push(after.deadline, after.id);
  }
  if (statuses) {
    where.push(`status IN (${statuses.map(() => "?").join(", ")})`);
    params.push(...statuses);
  }
  const common = commonFilters(query);
  where.push(...common.where);
  params.push(...common.params, query.limit + 1);
  const text = `SELECT id, clock_deadline AS deadline FROM applications INDEXED BY applications_clock_idx
    WHERE ${where.join(" AND ")} ORDER BY clock_deadline, id LIMIT ?`;
  return { text, params };
}

function byDeadline(a: ByDeadline, b: ByDeadline): number {
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The running clocks in deadline order, across the scope's kecamatans. */
export function deadlinePositions(
  db: Db,
  codes: (string | null)[],
  range: DeadlineRange,
  statuses: readonly ReviewStatus[] | null,
  query: QueueSearch,
  after: QueuePosition | null,
): ByDeadline[] {
  const positions: ByDeadline[] = [];
  for (const code of codes) {
    const { text, params } = deadlineSql(code, range, statuses, query, after);
    positions.push(...(db.$client.prepare(text).all(...params) as ByDeadline[]));
  }
  return positions.sort(byDeadline);
}
