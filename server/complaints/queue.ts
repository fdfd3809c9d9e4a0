import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { ComplaintCategory, type ComplaintListItem, ComplaintStatus } from "../../shared/api/complaints";
import { jakartaDate } from "../../shared/jakarta-time";
import { dueSoonUntil } from "../../shared/service-time/clock";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import type { AuthUser } from "../http/env";
import { loadCalendar } from "../service-time/calendar-store";
import { type QueueReach, reachSql } from "./reach";
import { LIST_COLUMNS, type ListRow, toListItem } from "./rows";

/** GET /api/console/complaints: the queue's filters and page. */
export const ComplaintQueueQuery = z.strictObject({
  status: ComplaintStatus.optional(),
  category: ComplaintCategory.optional(),
  clock: z.enum(["overdue", "due-soon"]).optional(),
  assignee: z.enum(["me", "none"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** An opaque cursor from a previous page's `nextCursor`. */
  cursor: z
    .string()
    .regex(/^[0-9]{1,7}$/)
    .optional(),
});
export type ComplaintQueueQuery = z.infer<typeof ComplaintQueueQuery>;

/** What the queue answers: as the file queue's page (shared/api/console.ts QueuePage). */
export interface ComplaintQueuePage {
  items: ComplaintListItem[];
  nextCursor: string | null;
}

/**
 * The complaints within the user's reach, nearest deadline first (closed
 * ones, without a deadline, after the open ones), then oldest first. The
 * clock filters compare the stored deadline, as the file queue does.
 */
export async function complaintQueue(
  db: Db,
  user: AuthUser,
  reach: QueueReach,
  query: ComplaintQueueQuery,
  now: Date,
): Promise<ComplaintQueuePage> {
  const calendar = await loadCalendar(db);
  const today = jakartaDate(now);
  const conditions: SQL[] = [reachSql(reach)];
  if (query.status) conditions.push(sql`c.status = ${query.status}`);
  if (query.category) conditions.push(sql`c.category = ${query.category}`);
  if (query.clock === "overdue") {
    conditions.push(sql`c.clock_state = 'running' AND c.clock_deadline < ${today}`);
  } else if (query.clock === "due-soon") {
    const soon = dueSoonUntil(today, "working", calendar);
    conditions.push(sql`c.clock_state = 'running' AND c.clock_deadline BETWEEN ${today} AND ${soon}`);
  }
  if (query.assignee === "me") {
    conditions.push(sql`c.assignee_id = ${user.id}`);
  } else if (query.assignee === "none") {
    conditions.push(sql`c.assignee_id IS NULL`);
  }
  const offset = query.cursor ? Number(query.cursor) : 0;
  const rows = await rawAll<ListRow>(
    db,
    sql`SELECT ${LIST_COLUMNS} FROM complaints c LEFT JOIN users a ON a.id = c.assignee_id
     WHERE ${sql.join(conditions, sql` AND `)}
     ORDER BY c.clock_deadline IS NULL, c.clock_deadline, c.received_at, c.id
     LIMIT ${query.limit + 1} OFFSET ${offset}`,
  );
  const more = rows.length > query.limit;
  return {
    items: rows.slice(0, query.limit).map((row) => toListItem(row, today, calendar)),
    nextCursor: more ? String(offset + query.limit) : null,
  };
}
