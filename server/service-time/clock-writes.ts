import { eq } from "drizzle-orm";
import { jakartaDate } from "../../shared/jakarta-time";
import { type ClockRecord, pauseClock, serviceTimeOf, startClock, stopClock } from "../../shared/service-time/clock";
import type { ApplicationStatus } from "../../shared/sync/protocol";
import { applications } from "../db/schema";
import { getGuideVersion } from "../guides/repository";
import type { ApplicationRow, Tx } from "../sync/rows";
import { loadCalendar } from "./calendar-store";

/** The clock's columns for a record: the JSON and the two copies the queue's index reads. */
export function clockColumns(clock: ClockRecord | null) {
  return { clock, clockState: clock?.state ?? null, clockDeadline: clock?.deadline ?? null };
}

/**
 * How an office transition moves the clock, in the transaction that makes
 * it: receipt starts (or resumes) it, a send-back pauses it, a final decision
 * stops it; "verified" leaves it running. The service time is the pinned
 * guide version's, read when the clock first starts and kept on the record.
 */
export async function clockAfter(
  tx: Tx,
  row: Pick<ApplicationRow, "guideId" | "guideVersion" | "clock">,
  event: "received" | ApplicationStatus,
  now: Date,
): Promise<ClockRecord | null> {
  const today = jakartaDate(now);
  const calendar = await loadCalendar(tx);
  const current = (row.clock as ClockRecord | null) ?? null;
  switch (event) {
    case "received": {
      const guide = await getGuideVersion(tx, row.guideId, row.guideVersion);
      const service = current ?? (guide ? serviceTimeOf(guide) : { days: 0, unit: "working" as const });
      return startClock(current, service, today, calendar);
    }
    case "needs-fix":
      return pauseClock(current, today, calendar);
    case "approved":
    case "rejected":
      return stopClock(current, today, calendar);
    default:
      return current;
  }
}

/** Writes a clock on its own (the admin's calendar edit moving running deadlines). */
export async function writeClock(tx: Tx, id: string, clock: ClockRecord | null): Promise<void> {
  await tx.update(applications).set(clockColumns(clock)).where(eq(applications.id, id));
}
