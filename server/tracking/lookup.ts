import { type SQL, sql } from "drizzle-orm";
import type { PublicComplaintStatus } from "../../shared/api/complaints";
import type { PublicStatus } from "../../shared/api/tracking";
import { jakartaDate } from "../../shared/jakarta-time";
import type { RegionIndex } from "../../shared/regions";
import { type ClockRecord, viewClock } from "../../shared/service-time/clock";
import { CITIZEN_STATUS, initialsOf } from "../../shared/service-time/words";
import type { Verdict } from "../../shared/sync/protocol";
import type { TrackingNumber } from "../../shared/tracking/number";
import { isComplaintNumber } from "../../shared/tracking/prefix";
import { publicComplaintStatus } from "../complaints/public-status";
import type { Db } from "../db/open";
import { rawAll, rawGet } from "../db/raw";
import { jsonTextOfColumn } from "../db/sql-fns";
import { closedDates } from "./closed-dates";
import { publicFixes } from "./fixes";
import { guideFacts } from "./guide-facts";
import { officeAreaName } from "./office-area";
import { type StepEvent, stepsOf } from "./steps";

/**
 * The public status of a file by its tracking number (`GET /api/track/:number`,
 * anyone who holds the number, no account). Two indexed reads: the row by the
 * unique applications_tracking_idx, its history by application_events_app_idx;
 * the guide's words and the closed dates come from caches (guide-facts.ts,
 * closed-dates.ts).
 *
 * Of the content only two values are read, inside SQL: the office's area code
 * and the applicant's name, which leaves this module as initials. The NIK, KK,
 * birth date, address, phone, photos and the cadre never reach it, so they
 * cannot reach the answer.
 */

interface FileRow {
  id: string;
  guideId: string;
  guideVersion: number;
  status: PublicStatus["status"];
  verdict: string | null;
  decidedAt: string | null;
  clock: string | null;
  officeAreaCode: string | null;
  fullName: string | null;
}

/**
 * The two reads, exported for the test that holds them to their indexes (a million files, bench/). Texts in
 * the active dialect's spelling (the JSON reads differ).
 */
export const LOOKUP_SQL = {
  // Drafts are the cadre's alone and deleted files are gone: neither has a public status.
  get file(): string {
    return `SELECT id, guide_id AS "guideId", guide_version AS "guideVersion", status, verdict, clock,
      decided_at AS "decidedAt", ${jsonTextOfColumn("content", ["officeAreaCode"])} AS "officeAreaCode",
      ${jsonTextOfColumn("content", ["applicant", "fullName"])} AS "fullName"
    FROM applications
    WHERE tracking_number = ? AND deleted_at IS NULL AND status <> 'draft'`;
  },
  events: `SELECT kind, status, at FROM application_events
    WHERE application_id = ? AND kind IN ('submitted', 'received', 'verdict')
    ORDER BY id`,
} as const;

/** One of LOOKUP_SQL's texts with its one `?` bound to `value`: the same SQL text on every call. */
function bound(text: string, value: string): SQL {
  const [before, after, ...rest] = text.split("?");
  if (before === undefined || after === undefined || rest.length > 0) throw new Error("expected one parameter");
  return sql`${sql.raw(before)}${value}${sql.raw(after)}`;
}

const UNKNOWN_OFFICE = { id: "Kantor layanan", en: "Service office" };

/** Initials fit the answer's bound whatever the name's letters (some upper-case to two). */
function initials(fullName: string | null): string {
  const text = initialsOf(typeof fullName === "string" ? fullName : "");
  return text.length <= 12 ? text : text.slice(0, 12).trimEnd();
}

export interface LookupOptions {
  regions: RegionIndex;
  now: Date;
}

/** How long a decided file stays public: a year after its final decision. */
export const PUBLIC_FOR_DAYS = 365;
const DAY_MS = 86_400_000;

export type LookupResult =
  | { ok: true; status: PublicStatus | PublicComplaintStatus }
  | { ok: false; code: "tracking_not_found" | "tracking_expired" };

/** A final decision more than PUBLIC_FOR_DAYS ago: the file's status is no longer public. */
function expired(row: FileRow, now: Date): boolean {
  if (row.status !== "approved" && row.status !== "rejected") return false;
  const decided = row.decidedAt ? Date.parse(row.decidedAt) : Number.NaN;
  return Number.isFinite(decided) && now.getTime() - decided > PUBLIC_FOR_DAYS * DAY_MS;
}

/**
 * The file's public status. Not found: no such number, a draft or a deleted
 * file (all the same to the caller); expired: decided over a year ago.
 * A complaint number answers the complaint's public status instead.
 */
export async function lookupTracking(db: Db, number: TrackingNumber, options: LookupOptions): Promise<LookupResult> {
  // A complaint number (ADU-…) shares the format, the page and the route's limits, not the table.
  if (isComplaintNumber(number)) return publicComplaintStatus(db, number, options);
  const row = await rawGet<FileRow>(db, bound(LOOKUP_SQL.file, number));
  if (!row) return { ok: false, code: "tracking_not_found" };
  if (expired(row, options.now)) return { ok: false, code: "tracking_expired" };
  const dates = await closedDates(db);
  const guide = await guideFacts(db, row.guideId, row.guideVersion);
  const events = await rawAll<StepEvent>(db, bound(LOOKUP_SQL.events, row.id));
  const verdict = row.verdict ? (JSON.parse(row.verdict) as Verdict) : null;
  const clock = row.clock ? (JSON.parse(row.clock) as ClockRecord) : null;
  const status: PublicStatus = {
    number,
    service: { id: row.guideId, title: guide?.title ?? { id: row.guideId, en: row.guideId } },
    office: {
      name: guide?.officeName ?? UNKNOWN_OFFICE,
      area: officeAreaName(row.officeAreaCode, guide?.officeLevel, options.regions),
    },
    status: row.status,
    statusText: CITIZEN_STATUS[row.status],
    applicantInitials: initials(row.fullName),
    steps: stepsOf(events),
    fixes: row.status === "needs-fix" || row.status === "rejected" ? publicFixes(verdict, guide) : [],
    officeNote: verdict?.reasonPublic === true && verdict.reason ? verdict.reason : null,
    clock,
    // The same view the phone computes from `clock` and `closedDates`, on the server's Jakarta today.
    clockNow: clock ? viewClock(clock, jakartaDate(options.now), { closed: new Set(dates) }) : null,
    closedDates: [...dates],
    asOf: options.now.toISOString(),
  };
  return { ok: true, status };
}
