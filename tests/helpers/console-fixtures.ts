import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { createSession } from "../../server/auth/sessions";
import type { Db } from "../../server/db/open";
import { rawGet } from "../../server/db/raw";
import { applications, auditLog, reviewFindings, users } from "../../server/db/schema";

/**
 * Rows written straight into the console's tables, as the sync and verdict
 * code will leave them, so dashboard and audit tests need neither.
 */

export interface FixtureUser {
  id: string;
  displayName: string;
  cookie: string;
}

export async function addUser(
  db: Db,
  role: "cadre" | "operator" | "admin",
  displayName: string,
  kecamatanCode: string | null,
  kelurahanCode: string | null = null,
): Promise<FixtureUser> {
  const id = uuidv7();
  await db.insert(users).values({
    id,
    username: `${role}-${id.slice(-8)}`,
    displayName,
    role,
    passwordHash: "not-used-in-these-tests",
    kecamatanCode,
    kelurahanCode,
    createdAt: "2026-01-01T00:00:00.000Z",
  });
  const { token } = await createSession(db, id, "test browser", new Date());
  return { id, displayName, cookie: `masdarin_session=${token}` };
}

export interface ApplicationFixture {
  cadreId: string;
  guideId: string;
  kecamatanCode: string | null;
  villageCode?: string | null;
  status: "draft" | "submitted" | "received" | "verified" | "needs-fix" | "rejected" | "approved";
  draftCreatedAt?: string | null;
  firstSubmittedAt?: string | null;
  firstDecisionAt?: string | null;
  precheckFailures?: number;
  sentBackCount?: number;
  deletedAt?: string | null;
}

let changeSeq = 0;

export async function addApplication(db: Db, app: ApplicationFixture): Promise<string> {
  const id = uuidv7();
  changeSeq += 1;
  const created = app.draftCreatedAt ?? "2026-01-01T00:00:00.000Z";
  await db.insert(applications).values({
    id,
    cadreId: app.cadreId,
    guideId: app.guideId,
    guideVersion: 1,
    villageCode: app.villageCode ?? null,
    content: { id, applicant: { name: "Nama Pemohon" } },
    status: app.status,
    version: 1,
    changeSeq,
    submittedAt: app.firstSubmittedAt ?? null,
    deletedAt: app.deletedAt ?? null,
    createdAt: created,
    updatedAt: created,
    kecamatanCode: app.kecamatanCode,
    draftCreatedAt: app.draftCreatedAt ?? null,
    firstSubmittedAt: app.firstSubmittedAt ?? null,
    submitCount: app.firstSubmittedAt ? 1 + (app.sentBackCount ?? 0) : 0,
    precheckFailures: app.precheckFailures ?? 0,
    receivedAt: app.firstDecisionAt ?? null,
    firstDecisionAt: app.firstDecisionAt ?? null,
    decidedAt: app.firstDecisionAt ?? null,
    sentBackCount: app.sentBackCount ?? 0,
  });
  return id;
}

/** One reason the office gave; the denormalised columns are copied from the application. */
export async function addFinding(
  db: Db,
  applicationId: string,
  finding: { decision: "needs-fix" | "rejected"; reasonCode: string; requirementId?: string | null },
): Promise<void> {
  const app = (await rawGet<{
    guide_id: string;
    kecamatan_code: string | null;
    village_code: string | null;
    cadre_id: string;
  }>(
    db,
    sql`SELECT guide_id, kecamatan_code, village_code, cadre_id FROM applications WHERE id = ${applicationId}`,
  )) as {
    guide_id: string;
    kecamatan_code: string | null;
    village_code: string | null;
    cadre_id: string;
  };
  await db.insert(reviewFindings).values({
    applicationId,
    guideId: app.guide_id,
    kecamatanCode: app.kecamatan_code,
    villageCode: app.village_code,
    cadreId: app.cadre_id,
    decision: finding.decision,
    requirementId: finding.requirementId ?? null,
    reasonCode: finding.reasonCode,
    at: "2026-03-02T00:00:00.000Z",
  });
}

export async function addAudit(
  db: Db,
  actor: { id: string; role: "cadre" | "operator" | "admin" },
  entry: {
    at: string;
    action: string;
    targetType: string;
    targetId: string;
    kecamatanCode: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<number> {
  const [row] = await db
    .insert(auditLog)
    .values({
      at: entry.at,
      actorId: actor.id,
      actorRole: actor.role,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      kecamatanCode: entry.kecamatanCode,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .returning({ id: auditLog.id });
  if (!row) throw new Error("the audit entry was not written");
  return row.id;
}
