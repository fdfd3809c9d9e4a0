import { sql } from "drizzle-orm";
import type { ComplaintListItem } from "../../shared/api/complaints";
import type { ComplaintCategory } from "../../shared/complaints/categories";
import type { ComplaintStatus } from "../../shared/complaints/workflow";
import type { WorkCalendar } from "../../shared/service-time/calendar";
import { type ClockRecord, viewClock } from "../../shared/service-time/clock";

/** The columns of a queue row (never the description, the reporter or the answer). */
export const LIST_COLUMNS = sql`c.id, c.number, c.category, c.status, c.kecamatan_code AS "kecamatanCode",
  c.kelurahan_code AS "kelurahanCode", c.guide_id AS "guideId", c.anonymous, c.confidential,
  c.amount_asked AS "amountAsked", c.official_fee AS "officialFee", c.assignee_id AS "assigneeId",
  a.display_name AS "assigneeName", c.clock, c.received_at AS "receivedAt", c.version`;

export interface ListRow {
  id: string;
  number: string;
  category: ComplaintCategory;
  status: ComplaintStatus;
  kecamatanCode: string;
  kelurahanCode: string | null;
  guideId: string | null;
  /** 0/1 on SQLite, false/true on PostgreSQL. */
  anonymous: number | boolean;
  confidential: number | boolean;
  amountAsked: number | null;
  officialFee: number | null;
  assigneeId: string | null;
  assigneeName: string | null;
  clock: string | null;
  receivedAt: string;
  version: number;
}

export function toListItem(row: ListRow, today: string, calendar: WorkCalendar): ComplaintListItem {
  const clock = row.clock ? (JSON.parse(row.clock) as ClockRecord) : null;
  return {
    id: row.id,
    number: row.number,
    category: row.category,
    status: row.status,
    kecamatanCode: row.kecamatanCode,
    kelurahanCode: row.kelurahanCode,
    guideId: row.guideId,
    anonymous: Boolean(row.anonymous),
    confidential: Boolean(row.confidential),
    amountAsked: row.amountAsked,
    officialFee: row.officialFee,
    assignee: row.assigneeId ? { id: row.assigneeId, displayName: row.assigneeName ?? "" } : null,
    clockNow: clock ? viewClock(clock, today, calendar) : null,
    receivedAt: row.receivedAt,
    version: row.version,
  };
}
