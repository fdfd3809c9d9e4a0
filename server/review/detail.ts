import { asc, eq } from "drizzle-orm";
import type { ApplicationDetail, ApplicationEvent, ServerPrecheck } from "../../shared/api/console";
import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import { jakartaDate } from "../../shared/jakarta-time";
import { precheck } from "../../shared/precheck";
import { homeOfficeOf } from "../../shared/precheck/home-office";
import type { RegionIndex } from "../../shared/regions";
import { type ClockRecord, viewClock } from "../../shared/service-time/clock";
import type { Verdict } from "../../shared/sync/protocol";
import { inScope, type Scope } from "../console/scope";
import type { Db } from "../db/open";
import { applicationEvents, users } from "../db/schema";
import { getGuideVersion } from "../guides/repository";
import { loadCalendar } from "../service-time/calendar-store";
import { type ApplicationRow, getApplication } from "../sync/rows";
import { resubmissionOf } from "./resubmission";

/**
 * The application an operator may see: a missing, deleted, draft or
 * out-of-scope one is the same "not found", so scope leaks nothing.
 */
export async function visibleApplication(db: Db, scope: Scope, id: string): Promise<ApplicationRow | undefined> {
  const row = await getApplication(db, id);
  if (!row || row.deletedAt || row.status === "draft" || !inScope(scope, row.kecamatanCode)) return undefined;
  return row;
}

/** The pinned guide version the application was written against. */
export function pinnedGuide(db: Db, row: ApplicationRow): Promise<Guide | undefined> {
  return getGuideVersion(db, row.guideId, row.guideVersion);
}

function serverPrecheck(
  guide: Guide | undefined,
  draft: Draft,
  regions: RegionIndex,
  now: Date,
  homeOffice: string,
): ServerPrecheck {
  // A pinned version is stored before any submit is accepted; without it there is nothing to check against.
  if (!guide) return { verdict: "not-ready", requirements: [], applicant: [] };
  const result = precheck(guide, draft, { today: jakartaDate(now), regions, homeOffice });
  const plain = (reason: { code: string; message: { id: string; en: string } }) => ({
    code: reason.code,
    message: { id: reason.message.id, en: reason.message.en },
  });
  return {
    verdict: result.verdict,
    requirements: result.requirements.map((verdict) => ({
      requirementId: verdict.requirementId,
      status: verdict.status,
      reasons: verdict.reasons.map(plain),
    })),
    applicant: result.applicant.map(plain),
  };
}

async function history(db: Db, id: string): Promise<ApplicationEvent[]> {
  const events = await db
    .select({
      at: applicationEvents.at,
      kind: applicationEvents.kind,
      actorName: users.displayName,
      status: applicationEvents.status,
      detail: applicationEvents.detail,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorId))
    .where(eq(applicationEvents.applicationId, id))
    .orderBy(asc(applicationEvents.id));
  return events.map((event) => ({
    at: event.at,
    kind: event.kind,
    actorName: event.actorName ?? null,
    status: (event.status as ApplicationEvent["status"]) ?? null,
    detail: withoutDigests(event.detail as Record<string, unknown> | null),
  }));
}

/** The send-back's fingerprints are for the server's comparison; the history shows codes. */
function withoutDigests(detail: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!detail || !("fingerprints" in detail)) return detail ?? null;
  const { fingerprints: _digests, salt: _salt, ...rest } = detail;
  return rest;
}

/** Everything the review screen shows about one application, with the server's own pre-check. */
export async function applicationDetail(
  db: Db,
  row: ApplicationRow,
  regions: RegionIndex,
  now: Date,
): Promise<ApplicationDetail> {
  const draft = row.content as Draft;
  const [cadre] = await db
    .select({ name: users.displayName, kecamatanCode: users.kecamatanCode, kelurahanCode: users.kelurahanCode })
    .from(users)
    .where(eq(users.id, row.cadreId));
  const guide = row.scrubbedAt ? undefined : await pinnedGuide(db, row);
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    guideId: row.guideId,
    guideVersion: row.guideVersion,
    cadre: { id: row.cadreId, name: cadre?.name ?? "" },
    content: draft,
    verdict: (row.verdict as Verdict | null) ?? null,
    // The check as it ran when the file was submitted: that day's rules and ages, the office it was sent to
    // (recorded in the content), so a cadre who moved or a child who turned 17 since changes nothing.
    // A file past retention has no applicant data left to check (server/retention/): no findings to show.
    precheck: serverPrecheck(
      guide,
      draft,
      regions,
      row.submittedAt ? new Date(row.submittedAt) : now,
      homeOfficeOf(cadre),
    ),
    history: await history(db, row.id),
    submittedAt: row.submittedAt,
    resubmission: await resubmissionOf(db, row),
    trackingNumber: row.trackingNumber ?? null,
    clock: row.clock ? viewClock(row.clock as ClockRecord, jakartaDate(now), await loadCalendar(db)) : null,
  };
}
