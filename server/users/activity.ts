import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import type { CadreActivity } from "../../shared/api/console";
import { ApplicationStatus } from "../../shared/sync/protocol";
import type { Db } from "../db/open";
import { applicationEvents, applications } from "../db/schema";

const RECENT_EVENTS = 20;

/**
 * What a cadre has done, for their page in the console: how many files they
 * submitted, where those files stand now, and the latest events on them.
 * Codes and dates only: no applicant data.
 */
export async function cadreActivity(db: Db, userId: string): Promise<CadreActivity> {
  const submittedByCadre = and(
    eq(applications.cadreId, userId),
    gt(applications.submitCount, 0),
    isNull(applications.deletedAt),
  );
  const byStatus = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(submittedByCadre)
    .groupBy(applications.status);
  const recent = await db
    .select({
      at: applicationEvents.at,
      kind: applicationEvents.kind,
      applicationId: applicationEvents.applicationId,
      guideId: applications.guideId,
      status: applicationEvents.status,
    })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .where(eq(applications.cadreId, userId))
    .orderBy(desc(applicationEvents.id))
    .limit(RECENT_EVENTS);
  return {
    userId,
    submitted: byStatus.reduce((sum, row) => sum + row.n, 0),
    verdicts: Object.fromEntries(byStatus.map((row) => [row.status, row.n])),
    recent: recent.map((event) => {
      // The column is free text; anything but a known status is shown as none.
      const status = ApplicationStatus.safeParse(event.status);
      return { ...event, status: status.success ? status.data : null };
    }),
  };
}
