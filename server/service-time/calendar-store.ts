import { asc, sql } from "drizzle-orm";
import { buildCalendar, type ClosedDay, type WorkCalendar } from "../../shared/service-time/calendar";
import { shippedClosedDays } from "../../shared/service-time/holidays";
import type { Db } from "../db/open";
import { rawAll, rawGet } from "../db/raw";
import { calendarDays, officeSettings } from "../db/schema";
import { withTransaction } from "../db/transaction";
import { readSetting } from "../settings/office-settings";

/** Set once the shipped table went in, so a day an admin removed is not put back at the next start. */
const SEEDED_KEY = "calendarSeeded";

/**
 * A database starts with the shipped holidays and cuti bersama
 * (shared/service-time/holidays.ts); after that the table is the admin's.
 */
export async function seedCalendar(db: Db, now = new Date()): Promise<void> {
  await withTransaction(db, async (tx) => {
    const seeded = (await tx.select().from(officeSettings)).some((row) => row.key === SEEDED_KEY);
    if (seeded) return;
    const at = now.toISOString();
    for (const day of shippedClosedDays()) {
      await tx
        .insert(calendarDays)
        .values({ ...day, updatedBy: null, updatedAt: at })
        .onConflictDoNothing();
    }
    await tx.insert(officeSettings).values({ key: SEEDED_KEY, value: true, updatedBy: null, updatedAt: at });
  });
}

export async function listClosedDays(db: Db): Promise<ClosedDay[]> {
  return db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name, source: calendarDays.source })
    .from(calendarDays)
    .orderBy(asc(calendarDays.date));
}

/** The calendar the clock counts with now: the closed days and the office's cuti bersama setting. */
export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  return buildCalendar(await listClosedDays(db), {
    jointLeaveIsWorkingDay: await readSetting(db, "jointLeaveIsWorkingDay"),
  });
}

/**
 * The calendar's closed dates, sorted, as the pull sends them to phones: the
 * same as `loadCalendar(db).closed`, in two plain statements of a fixed text
 * (the driver keeps them prepared: the pull asks for them on every call).
 */
export async function closedDatesOf(db: Db): Promise<string[]> {
  const setting = await rawGet<{ value: unknown }>(
    db,
    sql`SELECT value FROM office_settings WHERE key = 'jointLeaveIsWorkingDay'`,
  );
  // The column holds JSON: text on SQLite, a parsed value where the driver decodes it.
  const jointLeaveIsWorkingDay = setting?.value === "true" || setting?.value === true;
  const days = await rawAll<{ date: string; kind: ClosedDay["kind"] }>(
    db,
    sql`SELECT date, kind FROM calendar_days ORDER BY date`,
  );
  return [...buildCalendar(days, { jointLeaveIsWorkingDay }).closed];
}
