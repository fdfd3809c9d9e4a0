import { sql } from "drizzle-orm";
import type { PublicComplaintStatus } from "../../shared/api/complaints";
import { COMPLAINT_STATUS_LABELS, type ComplaintStatus } from "../../shared/complaints/workflow";
import { jakartaDate } from "../../shared/jakarta-time";
import type { RegionIndex } from "../../shared/regions";
import { type ClockRecord, viewClock } from "../../shared/service-time/clock";
import type { Db } from "../db/open";
import { rawAll, rawGet } from "../db/raw";
import { closedDates } from "../tracking/closed-dates";
import { officeAreaName } from "../tracking/office-area";

/**
 * A complaint's public status by its number (GET /api/track/ADU-…), for the
 * reporter, no account. Only the status, its steps, the office's public
 * answer and referral and the response clock are read: the description, the
 * reporter, the evidence, the kelurahan and the amounts never leave the
 * database here, so they cannot reach the answer.
 */

interface Row {
  id: string;
  category: PublicComplaintStatus["category"];
  kecamatanCode: string;
  status: ComplaintStatus;
  answer: string | null;
  referral: string | null;
  clock: string | null;
  closedAt: string | null;
}

const rowSql = (number: string) => sql`SELECT id, category, kecamatan_code AS "kecamatanCode", status, answer,
    referral, clock, closed_at AS "closedAt"
  FROM complaints WHERE number = ${number}`;
const stepsSql = (id: string) => sql`SELECT status, at FROM complaint_events
  WHERE complaint_id = ${id} AND kind IN ('received', 'status') AND status IS NOT NULL ORDER BY id`;

const OFFICE_NAME = { id: "Kantor Kecamatan (PTSP)", en: "Kecamatan office (one-stop service)" };
/** Closed complaints stay public as long as decided files do (server/tracking/lookup.ts). */
const PUBLIC_FOR_MS = 365 * 86_400_000;

export type ComplaintLookup =
  | { ok: true; status: PublicComplaintStatus }
  | { ok: false; code: "tracking_not_found" | "tracking_expired" };

export async function publicComplaintStatus(
  db: Db,
  number: string,
  options: { regions: RegionIndex; now: Date },
): Promise<ComplaintLookup> {
  const row = await rawGet<Row>(db, rowSql(number));
  if (!row) return { ok: false, code: "tracking_not_found" };
  if (row.closedAt && options.now.getTime() - Date.parse(row.closedAt) > PUBLIC_FOR_MS) {
    return { ok: false, code: "tracking_expired" };
  }
  const steps = await rawAll<{ status: ComplaintStatus; at: string }>(db, stepsSql(row.id));
  const dates = await closedDates(db);
  const clock = row.clock ? (JSON.parse(row.clock) as ClockRecord) : null;
  return {
    ok: true,
    status: {
      kind: "complaint",
      number,
      category: row.category,
      office: { name: OFFICE_NAME, area: officeAreaName(row.kecamatanCode, "kecamatan", options.regions) },
      status: row.status,
      statusText: COMPLAINT_STATUS_LABELS[row.status],
      steps: steps.slice(-50),
      answer: row.answer,
      referral: row.referral,
      clock,
      clockNow: clock ? viewClock(clock, jakartaDate(options.now), { closed: new Set(dates) }) : null,
      closedDates: [...dates],
      asOf: options.now.toISOString(),
    },
  };
}
