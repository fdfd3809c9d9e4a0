import { sql } from "drizzle-orm";
import type { ClockNow, QueueItem } from "../../shared/api/console";
import type { WorkCalendar } from "../../shared/service-time/calendar";
import { type ClockRecord, viewClock } from "../../shared/service-time/clock";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { jsonText } from "../db/sql-fns";

/** A page's rows as the console lists them: the fields of the row, its tracking number and its clock today. */

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

export async function hydrate(
  db: Db,
  ids: string[],
  today: string,
  calendar: WorkCalendar,
): Promise<Map<string, QueueItem>> {
  if (ids.length === 0) return new Map();
  const rows = await rawAll<ItemRow>(
    db,
    sql`SELECT a.id, a.guide_id AS "guideId", ${jsonText(sql`g.data`, ["title", "id"])} AS "guideTitle", a.status,
            ${jsonText(sql`a.content`, ["applicant", "fullName"])} AS "applicantName", a.village_code AS "villageCode",
            a.cadre_id AS "cadreId", u.display_name AS "cadreName", a.submitted_at AS "submittedAt", a.version,
            a.submit_count AS "submitCount", a.tracking_number AS "trackingNumber", a.clock
     FROM applications a
     JOIN users u ON u.id = a.cadre_id
     LEFT JOIN guides g ON g.id = a.guide_id
     WHERE a.id IN (${sql.join(
       ids.map((id) => sql`${id}`),
       sql`, `,
     )})`,
  );
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
