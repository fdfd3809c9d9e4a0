import { sql } from "drizzle-orm";
import type { ComplaintDetail, ComplaintEvent } from "../../shared/api/complaints";
import { mayReadComplaint } from "../../shared/complaints/access";
import { jakartaDate } from "../../shared/jakarta-time";
import type { ClockRecord } from "../../shared/service-time/clock";
import type { Db } from "../db/open";
import { rawAll, rawGet } from "../db/raw";
import type { AuthUser } from "../http/env";
import { loadCalendar } from "../service-time/calendar-store";
import { readerOf } from "./reach";
import { LIST_COLUMNS, type ListRow, toListItem } from "./rows";

/**
 * One complaint as a handler reads it (GET /api/console/complaints/:id).
 * Anonymous: the reporter is null because nothing was stored. A complaint
 * out of the reader's reach answers as a missing one (null here, 404).
 */

interface DetailRow extends ListRow {
  description: string;
  happenedOn: string;
  placeKind: "office" | "kelurahan";
  evidence: string;
  reporterUserId: string | null;
  reporterName: string | null;
  reporterContact: string | null;
  reporterCadre: string | null;
  answer: string | null;
  referral: string | null;
  trackingNumber: string | null;
}

const detailSql = (id: string) => sql`SELECT ${LIST_COLUMNS}, c.description, c.happened_on AS "happenedOn",
    c.place_kind AS "placeKind", c.evidence, c.reporter_user_id AS "reporterUserId",
    c.reporter_name AS "reporterName", c.reporter_contact AS "reporterContact", r.display_name AS "reporterCadre",
    c.answer, c.referral, f.tracking_number AS "trackingNumber"
  FROM complaints c
  LEFT JOIN users a ON a.id = c.assignee_id
  LEFT JOIN users r ON r.id = c.reporter_user_id
  LEFT JOIN applications f ON f.id = c.application_id
  WHERE c.id = ${id}`;

const eventsSql = (id: string) => sql`SELECT e.kind, e.at, e.actor_id AS "actorId", u.display_name AS "actorName",
    e.status, e.text
  FROM complaint_events e LEFT JOIN users u ON u.id = e.actor_id
  WHERE e.complaint_id = ${id} ORDER BY e.id`;

interface EventRow {
  kind: ComplaintEvent["kind"];
  at: string;
  actorId: string | null;
  actorName: string | null;
  status: ComplaintEvent["status"];
  text: string | null;
}

/** Where a complaint sits and whether it is confidential: what the reach rules read. */
export async function complaintPlace(
  db: Db,
  id: string,
): Promise<{ kecamatanCode: string; confidential: boolean } | undefined> {
  const row = await rawGet<{ kecamatanCode: string; confidential: number | boolean }>(
    db,
    sql`SELECT kecamatan_code AS "kecamatanCode", confidential FROM complaints WHERE id = ${id}`,
  );
  return row ? { kecamatanCode: row.kecamatanCode, confidential: Boolean(row.confidential) } : undefined;
}

export async function complaintDetail(db: Db, user: AuthUser, id: string, now: Date): Promise<ComplaintDetail | null> {
  const place = await complaintPlace(db, id);
  if (!place || !mayReadComplaint(readerOf(user), place)) return null;
  const row = await rawGet<DetailRow>(db, detailSql(id));
  if (!row) return null;
  const calendar = await loadCalendar(db);
  const events = (await rawAll<EventRow>(db, eventsSql(id))).map(
    (event): ComplaintEvent => ({
      kind: event.kind,
      at: event.at,
      actor: event.actorId ? { id: event.actorId, displayName: event.actorName ?? "" } : null,
      status: event.status,
      text: event.text,
    }),
  );
  const identified = row.reporterName !== null || row.reporterContact !== null || row.reporterUserId !== null;
  return {
    ...toListItem(row, jakartaDate(now), calendar),
    description: row.description,
    happenedOn: row.happenedOn,
    place:
      row.placeKind === "kelurahan" && row.kelurahanCode
        ? { kind: "kelurahan", kelurahanCode: row.kelurahanCode }
        : { kind: "office", kecamatanCode: row.kecamatanCode },
    // Anonymous: the file is not kept (it would lead back to the applicant); null even if a row were edited by hand.
    trackingNumber: row.anonymous ? null : row.trackingNumber,
    evidence: JSON.parse(row.evidence) as ComplaintDetail["evidence"],
    // Anonymous: nothing was stored; the check keeps it null even if a row were edited by hand.
    reporter:
      row.anonymous || !identified
        ? null
        : { name: row.reporterName, contact: row.reporterContact, cadre: row.reporterCadre },
    answer: row.answer,
    referral: row.referral,
    events,
    clock: row.clock ? (JSON.parse(row.clock) as ClockRecord) : null,
  };
}

/** Whether `sha256` is one of the evidence photos of a complaint the user may read. */
export async function holdsEvidence(db: Db, user: AuthUser, id: string, sha256: string): Promise<boolean> {
  const place = await complaintPlace(db, id);
  if (!place || !mayReadComplaint(readerOf(user), place)) return false;
  // A handful of photos at most: read the one row's list (as text on both engines) and look here.
  const row = await rawGet<{ evidence: string }>(db, sql`SELECT evidence FROM complaints WHERE id = ${id}`);
  const evidence = row ? (JSON.parse(row.evidence) as { sha256?: unknown }[]) : [];
  return evidence.some((photo) => photo.sha256 === sha256);
}
