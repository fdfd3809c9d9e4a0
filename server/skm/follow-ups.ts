import { and, asc, eq, isNull } from "drizzle-orm";
import { v4 as uuidv4 } from "uuid";
import type { FollowUpCreate, FollowUpUpdate, SkmFollowUp } from "../../shared/api/skm";
import { parseSkmPeriod } from "../../shared/skm/period";
import { type AuditRecord, recordAudit } from "../audit/log";
import { inScope, type Scope } from "../console/scope";
import type { Db } from "../db/open";
import { skmFollowUps } from "../db/schema";
import { withTransaction } from "../db/transaction";
import type { AuthUser } from "../http/env";
import { isJakartaKecamatan } from "./offices";
import { invalidField, refuse, type SkmRefusal } from "./refusal";

/**
 * Follow-up plans for weak elements (what, who, by when, done): the part of
 * the SKM the national evaluation (PermenPANRB 29/2022) scores as "followed
 * up". An operator plans for their own kecamatan, an admin for any or for all
 * of Jakarta (kecamatan null). Each change and its audit entry commit together.
 */

type Row = typeof skmFollowUps.$inferSelect;

const TARGET: AuditRecord["targetType"] = "skm-follow-up";

export function followUpOf(row: Row): SkmFollowUp {
  return {
    id: row.id,
    kecamatanCode: row.kecamatanCode,
    period: row.period,
    elementId: row.elementId,
    action: row.action,
    owner: row.owner,
    dueDate: row.dueDate,
    doneAt: row.doneAt,
    version: row.version,
  };
}

/** The plans of one office (null: Jakarta-wide) and period, by due date. */
export async function listFollowUps(db: Db, kecamatanCode: string | null, period: string): Promise<SkmFollowUp[]> {
  const rows = await db
    .select()
    .from(skmFollowUps)
    .where(
      and(
        kecamatanCode === null ? isNull(skmFollowUps.kecamatanCode) : eq(skmFollowUps.kecamatanCode, kecamatanCode),
        eq(skmFollowUps.period, period),
      ),
    )
    .orderBy(asc(skmFollowUps.dueDate), asc(skmFollowUps.createdAt));
  return rows.map(followUpOf);
}

/** What the audit log keeps of a plan: its own fields, nothing else. */
const audited = (plan: SkmFollowUp) => ({ ...plan });

function audit(action: string, before: SkmFollowUp | undefined, after: SkmFollowUp | undefined): AuditRecord {
  const plan = after ?? before;
  return {
    action,
    targetType: TARGET,
    targetId: plan?.id ?? "",
    kecamatanCode: plan?.kecamatanCode ?? null,
    ...(before ? { before: audited(before) } : {}),
    ...(after ? { after: audited(after) } : {}),
  };
}

export type FollowUpOutcome = { ok: true; followUp: SkmFollowUp } | SkmRefusal;

export async function createFollowUp(
  db: Db,
  actor: AuthUser,
  scope: Scope,
  input: FollowUpCreate,
  now: Date,
): Promise<FollowUpOutcome> {
  if (!parseSkmPeriod(input.period)) return refuse(400, "skm_period_invalid");
  let kecamatanCode: string | null;
  if (scope.kind === "kecamatan") {
    if (input.kecamatanCode !== undefined && input.kecamatanCode !== scope.code) return refuse(403, "forbidden");
    kecamatanCode = scope.code;
  } else if (scope.kind === "all") {
    kecamatanCode = input.kecamatanCode ?? null;
    if (kecamatanCode !== null && !isJakartaKecamatan(kecamatanCode)) {
      return invalidField(["kecamatanCode"], "Unknown kecamatan");
    }
  } else {
    return refuse(403, "forbidden");
  }
  const at = now.toISOString();
  const row: Row = {
    id: uuidv4(),
    kecamatanCode,
    period: input.period,
    elementId: input.elementId,
    action: input.action,
    owner: input.owner,
    dueDate: input.dueDate,
    doneAt: null,
    createdBy: actor.id,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return withTransaction(db, async (tx): Promise<FollowUpOutcome> => {
    await tx.insert(skmFollowUps).values(row);
    const followUp = followUpOf(row);
    await recordAudit(tx, actor, audit("skm.follow-up.create", undefined, followUp), now);
    return { ok: true, followUp };
  });
}

/** A plan the caller may touch; one outside their scope is as unknown as a missing one. */
async function findInScope(db: Db, scope: Scope, id: string): Promise<Row | undefined> {
  // No stored id holds a NUL, and PostgreSQL refuses one in a text value: such an id is no plan's.
  if (id.includes("\u0000")) return undefined;
  const [row] = await db.select().from(skmFollowUps).where(eq(skmFollowUps.id, id));
  return row && inScope(scope, row.kecamatanCode) ? row : undefined;
}

export async function updateFollowUp(
  db: Db,
  actor: AuthUser,
  scope: Scope,
  id: string,
  input: FollowUpUpdate,
  now: Date,
): Promise<FollowUpOutcome> {
  return withTransaction(db, async (tx): Promise<FollowUpOutcome> => {
    const row = await findInScope(tx, scope, id);
    if (!row) return refuse(404, "follow_up_not_found");
    if (row.version !== input.version) return refuse(409, "version_conflict", { version: row.version });
    const at = now.toISOString();
    const next: Row = {
      ...row,
      action: input.action ?? row.action,
      owner: input.owner ?? row.owner,
      dueDate: input.dueDate ?? row.dueDate,
      doneAt: input.done === undefined ? row.doneAt : input.done ? (row.doneAt ?? at) : null,
      updatedAt: at,
      version: row.version + 1,
    };
    await tx
      .update(skmFollowUps)
      .set({
        action: next.action,
        owner: next.owner,
        dueDate: next.dueDate,
        doneAt: next.doneAt,
        updatedAt: next.updatedAt,
        version: next.version,
      })
      .where(and(eq(skmFollowUps.id, id), eq(skmFollowUps.version, row.version)));
    const followUp = followUpOf(next);
    await recordAudit(tx, actor, audit("skm.follow-up.update", followUpOf(row), followUp), now);
    return { ok: true, followUp };
  });
}

export async function deleteFollowUp(
  db: Db,
  actor: AuthUser,
  scope: Scope,
  id: string,
  now: Date,
): Promise<FollowUpOutcome> {
  return withTransaction(db, async (tx): Promise<FollowUpOutcome> => {
    const row = await findInScope(tx, scope, id);
    if (!row) return refuse(404, "follow_up_not_found");
    await tx.delete(skmFollowUps).where(eq(skmFollowUps.id, id));
    const followUp = followUpOf(row);
    await recordAudit(tx, actor, audit("skm.follow-up.delete", followUp, undefined), now);
    return { ok: true, followUp };
  });
}
