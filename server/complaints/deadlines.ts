import { and, eq, gte, isNull } from "drizzle-orm";
import { type ClockRecord, rescheduleClock } from "../../shared/service-time/clock";
import { complaints } from "../db/schema";
import { loadCalendar } from "../service-time/calendar-store";
import { clockColumns } from "../service-time/clock-writes";
import type { Tx } from "./store";

/**
 * After an admin changed the work calendar: the running complaint clocks'
 * deadlines counted again, as server/service-time/calendar-admin.ts does for
 * files, so the queue's overdue and due-soon filters (which compare the
 * stored deadline) stay right. Reads the running rows due on or after `from`
 * (a few hundred open complaints at most); writes only those that moved,
 * and only while the clock is still the one read: a handler's action that
 * paused or stopped it meanwhile (another connection, on PostgreSQL) keeps it.
 */
export async function moveRunningComplaintDeadlines(tx: Tx, from: string): Promise<number> {
  const calendar = await loadCalendar(tx);
  const running = await tx
    .select({ id: complaints.id, clock: complaints.clock })
    .from(complaints)
    .where(and(eq(complaints.clockState, "running"), gte(complaints.clockDeadline, from)));
  let moved = 0;
  for (const row of running) {
    const clock = row.clock as ClockRecord | null;
    if (!clock) continue;
    const next = rescheduleClock(clock, calendar);
    if (next.deadline === clock.deadline) continue;
    const written = await tx
      .update(complaints)
      .set(clockColumns(next))
      .where(
        and(
          eq(complaints.id, row.id),
          eq(complaints.clockState, "running"),
          clock.deadline === null ? isNull(complaints.clockDeadline) : eq(complaints.clockDeadline, clock.deadline),
        ),
      )
      .returning({ id: complaints.id });
    if (written.length > 0) moved++;
  }
  return moved;
}
