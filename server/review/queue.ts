import type { ClockNow, QueueItem, QueuePage, QueueSearch, ReviewStatus } from "../../shared/api/console";
import { jakartaDate } from "../../shared/jakarta-time";
import { type SearchTerms, searchable, searchTerms } from "../../shared/review/search";
import { OPEN_STATUSES } from "../../shared/review/statuses";
import type { WorkCalendar } from "../../shared/service-time/calendar";
import { type ClockRecord, dueSoonUntil, viewClock } from "../../shared/service-time/clock";
import type { Scope } from "../console/scope";
import type { Db } from "../db/open";
import { loadCalendar } from "../service-time/calendar-store";
import { encodeQueueCursor, type QueuePosition } from "./queue-cursor";

export { decodeQueueCursor, encodeQueueCursor } from "./queue-cursor";

type Position = QueuePosition;
type ByTime = Extract<QueuePosition, { submittedAt: string }>;
type ByDeadline = Extract<QueuePosition, { deadline: string }>;

/**
 * Every kecamatan code that has applications, found by skipping through
 * applications_queue_idx (one index seek per code, not a scan of the table).
 */
function kecamatanCodes(db: Db): string[] {
  const rows = db.$client
    .prepare(
      `WITH RECURSIVE codes(code) AS (
         SELECT MIN(kecamatan_code) FROM applications
         UNION ALL
         SELECT (SELECT MIN(kecamatan_code) FROM applications WHERE kecamatan_code > codes.code)
         FROM codes WHERE codes.code IS NOT NULL
       )
       SELECT code FROM codes WHERE code IS NOT NULL`,
    )
    .all() as { code: string }[];
  return rows.map((row) => row.code);
}

interface Partition {
  /** null: applications of cadres without a kecamatan (visible to admins only). */
  kecamatanCode: string | null;
  status: ReviewStatus;
}

/** A LIKE pattern matching `text` literally (its %, _ and backslash escaped with a backslash). */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * The search box's condition: any of the applicant's name, the NIK's digits
 * (submitted content stores them canonical, server/sync/applications.ts), the
 * file id's start or the tracking number. Filters rows of a slice already narrowed by scope.
 */
function searchSql(terms: SearchTerms): { text: string; params: string[] } {
  const any: string[] = [];
  const params: string[] = [];
  if (terms.name) {
    any.push("json_extract(content, '$.applicant.fullName') LIKE ? ESCAPE '\\'");
    params.push(`%${literal(terms.name)}%`);
  }
  if (terms.nikDigits?.length === 16) {
    any.push("json_extract(content, '$.applicant.nik') = ?");
    params.push(terms.nikDigits);
  } else if (terms.nikDigits) {
    any.push("json_extract(content, '$.applicant.nik') LIKE ? ESCAPE '\\'");
    params.push(`${terms.nikDigits}%`);
  }
  if (terms.idPrefix) {
    any.push("id LIKE ? ESCAPE '\\'");
    params.push(`${literal(terms.idPrefix)}%`);
  }
  if (terms.trackingNumber) {
    any.push("tracking_number = ?");
    params.push(terms.trackingNumber);
  }
  return { text: `(${any.join(" OR ")})`, params };
}

/** The filters every slice applies on top of its index range: service, kelurahan, cadre and the search term. */
function commonFilters(query: QueueSearch): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  if (query.guideId) {
    where.push("guide_id = ?");
    params.push(query.guideId);
  }
  if (query.villageCode) {
    where.push("village_code = ?");
    params.push(query.villageCode);
  }
  if (query.cadreId) {
    where.push("cadre_id = ?");
    params.push(query.cadreId);
  }
  if (query.q) {
    const search = searchSql(searchTerms(query.q));
    where.push(search.text);
    params.push(...search.params);
  }
  return { where, params };
}

function kecamatanWhere(code: string | null): { text: string; params: string[] } {
  return code === null
    ? { text: "kecamatan_code IS NULL", params: [] }
    : { text: "kecamatan_code = ?", params: [code] };
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
): { text: string; params: (string | number)[] } {
  const kecamatan = kecamatanWhere(partition.kecamatanCode);
  const where: string[] = [kecamatan.text, "status = ?", "submitted_at IS NOT NULL"];
  const params: (string | number)[] = [...kecamatan.params, partition.status];
  if (after && "submittedAt" in after) {
    where.push("(submitted_at, id) > (?, ?)");
    params.push(after.submittedAt, after.id);
  }
  if (notRunning) where.push("(clock_state IS NULL OR clock_state <> 'running')");
  const common = commonFilters(query);
  where.push(...common.where);
  params.push(...common.params, query.limit + 1);
  const text = `SELECT id, submitted_at AS submittedAt FROM applications INDEXED BY applications_queue_idx
    WHERE ${where.join(" AND ")} ORDER BY submitted_at, id LIMIT ?`;
  return { text, params };
}

/** Which running clocks a deadline slice holds: a clock filter's dates, or every running one (deadline order). */
export type DeadlineRange = { before: string } | { from: string; to: string } | null;

/**
 * The next positions of one kecamatan's running clocks by deadline: a range
 * of applications_clock_idx (kecamatan, clock_state, clock_deadline, id), so
 * "lewat batas waktu", "hampir lewat" and the deadline order cost index
 * seeks, like the queue. Status is checked on the rows the range finds.
 */
export function deadlineSql(
  kecamatanCode: string | null,
  range: DeadlineRange,
  statuses: readonly ReviewStatus[] | null,
  query: QueueSearch,
  after: Position | null,
): { text: string; params: (string | number)[] } {
  const kecamatan = kecamatanWhere(kecamatanCode);
  const where: string[] = [kecamatan.text, "clock_state = 'running'", "clock_deadline IS NOT NULL"];
  const params: (string | number)[] = [...kecamatan.params];
  if (range && "before" in range) {
    where.push("clock_deadline < ?");
    params.push(range.before);
  } else if (range) {
    where.push("clock_deadline BETWEEN ? AND ?");
    params.push(range.from, range.to);
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

function byTime(a: ByTime, b: ByTime): number {
  if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byDeadline(a: ByDeadline, b: ByDeadline): number {
  if (a.deadline !== b.deadline) return a.deadline < b.deadline ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface ItemRow {
  id: string;
  guideId: string;
  guideTitle: string | null;
  status: QueueItem["status"];
  applicantName: string | null;
  villageCode: string | null;
  cadreId: string;
  cadreName: string;
  submittedAt: string | null;
  version: number;
  submitCount: number;
  trackingNumber: string | null;
  clock: string | null;
}

function hydrate(db: Db, ids: string[], today: string, calendar: WorkCalendar): Map<string, QueueItem> {
  if (ids.length === 0) return new Map();
  const rows = db.$client
    .prepare(
      `SELECT a.id, a.guide_id AS guideId, json_extract(g.data, '$.title.id') AS guideTitle, a.status,
              json_extract(a.content, '$.applicant.fullName') AS applicantName, a.village_code AS villageCode,
              a.cadre_id AS cadreId, u.display_name AS cadreName, a.submitted_at AS submittedAt, a.version,
              a.submit_count AS submitCount, a.tracking_number AS trackingNumber, a.clock
       FROM applications a
       JOIN users u ON u.id = a.cadre_id
       LEFT JOIN guides g ON g.id = a.guide_id
       WHERE a.id IN (${ids.map(() => "?").join(", ")})`,
    )
    .all(...ids) as ItemRow[];
  // Files received the same day with the same service time share a clock: count its days once per page.
  const views = new Map<string, ClockNow>();
  const viewOf = (raw: string): ClockNow => {
    let view = views.get(raw);
    if (!view) {
      view = viewClock(JSON.parse(raw) as ClockRecord, today, calendar);
      views.set(raw, view);
    }
    return view;
  };
  return new Map(
    rows.map((row) => [
      row.id,
      {
        ...row,
        guideTitle: row.guideTitle ?? row.guideId,
        applicantName: row.applicantName ?? "",
        clock: row.clock ? viewOf(row.clock) : null,
      },
    ]),
  );
}

/** Whether a cursor belongs to this query's order (a deadline cursor on the submission order, or the reverse, does not). */
export function cursorFits(query: QueueSearch, after: Position): boolean {
  if (query.clock) return "deadline" in after;
  return query.sort === "deadline" || "submittedAt" in after;
}

/** The running clocks in deadline order, across the scope's kecamatans. */
function deadlinePositions(
  db: Db,
  codes: (string | null)[],
  range: DeadlineRange,
  statuses: readonly ReviewStatus[] | null,
  query: QueueSearch,
  after: Position | null,
): ByDeadline[] {
  const positions: ByDeadline[] = [];
  for (const code of codes) {
    const { text, params } = deadlineSql(code, range, statuses, query, after);
    positions.push(...(db.$client.prepare(text).all(...params) as ByDeadline[]));
  }
  return positions.sort(byDeadline);
}

/** The (kecamatan, status) slices in queue order; `notRunning` leaves out the running clocks already listed. */
function timePositions(
  db: Db,
  codes: (string | null)[],
  statuses: readonly ReviewStatus[],
  query: QueueSearch,
  after: Position | null,
  notRunning: boolean,
): ByTime[] {
  const positions: ByTime[] = [];
  for (const kecamatanCode of codes) {
    for (const status of statuses) {
      const { text, params } = partitionSql({ kecamatanCode, status }, query, after, notRunning);
      positions.push(...(db.$client.prepare(text).all(...params) as ByTime[]));
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
function orderedPositions(
  db: Db,
  codes: (string | null)[],
  query: QueueSearch,
  after: Position | null,
  today: string,
  calendar: WorkCalendar,
): Position[] {
  const statuses: readonly ReviewStatus[] = query.status ? [query.status] : OPEN_STATUSES;
  if (query.clock) {
    // Every status whose clock runs unless one is asked for: a verified file waiting for approval is late too.
    const range: DeadlineRange =
      query.clock === "overdue" ? { before: today } : { from: today, to: dueSoonUntil(today, "working", calendar) };
    return deadlinePositions(db, codes, range, query.status ? [query.status] : null, query, after);
  }
  if (query.sort !== "deadline") return timePositions(db, codes, statuses, query, after, false);
  const running = after && "submittedAt" in after ? [] : deadlinePositions(db, codes, null, statuses, query, after);
  if (running.length > query.limit) return running;
  const rest = timePositions(db, codes, statuses, query, after && "submittedAt" in after ? after : null, true);
  return [...running, ...rest];
}

/**
 * One page of the review queue. The caller's scope picks the kecamatan
 * slices; each slice is read in index order and the slices are merged, all
 * inside one read transaction so a page is a consistent snapshot. Each row
 * carries its tracking number and its clock as it stands today (the
 * calendar read once per page).
 */
export function queuePage(
  db: Db,
  scope: Scope,
  query: QueueSearch,
  after: Position | null,
  now = new Date(),
): QueuePage {
  // A term that can match nothing (one letter, two digits) answers nothing rather than everything.
  if (scope.kind === "none" || (query.q && !searchable(searchTerms(query.q)))) return { items: [], nextCursor: null };
  const read = db.$client.transaction((): QueuePage => {
    const codes: (string | null)[] = scope.kind === "kecamatan" ? [scope.code] : [...kecamatanCodes(db), null];
    const today = jakartaDate(now);
    const calendar = loadCalendar(db);
    const positions = orderedPositions(db, codes, query, after, today, calendar);
    const page = positions.slice(0, query.limit);
    const items = hydrate(
      db,
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
  return read();
}
