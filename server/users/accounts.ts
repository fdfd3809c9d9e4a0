import { eq } from "drizzle-orm";
import type { CreateUserRequest, ListUsersQuery, UpdateUserRequest } from "../../shared/api/users";
import {
  createRefusal,
  defaultKecamatan,
  mayManage,
  mayMoveKecamatan,
  placementProblems,
} from "../../shared/users/permissions";
import { type AuditRecord, recordAudit } from "../audit/log";
import {
  createUser,
  findUserById,
  listUsers,
  toManagedUser,
  type UserFilter,
  UsernameTakenError,
  type UserRow,
} from "../auth/users";
import type { Db } from "../db/open";
import { users } from "../db/schema";
import { withTransaction } from "../db/transaction";
import type { AuthUser } from "../http/env";
import { done, invalidFields, type Outcome, refused } from "./refusal";

/**
 * Creating, finding, listing and editing accounts, by the rules of
 * shared/users/permissions.ts. Every change writes its audit entry in the
 * same transaction.
 */

/** An audit entry about a user, filed under their kecamatan so its operators see it. */
export function userAudit(action: string, target: UserRow, change: { before: unknown; after: unknown }): AuditRecord {
  return { action, targetType: "user", targetId: target.id, kecamatanCode: target.kecamatanCode, ...change };
}

/**
 * The user with this id if `actor` may manage them. Anyone else answers
 * exactly like a missing user, so ids and names of other kecamatan do not leak.
 */
export async function findManageable(db: Db, actor: AuthUser, id: string): Promise<UserRow | undefined> {
  const target = await findUserById(db, id);
  return target && mayManage(actor, target) ? target : undefined;
}

export async function createAccount(
  db: Db,
  actor: AuthUser,
  input: CreateUserRequest,
  at: Date,
): Promise<Outcome<UserRow>> {
  const placement = {
    role: input.role,
    kecamatanCode: defaultKecamatan(actor, input.kecamatanCode),
    kelurahanCode: input.kelurahanCode ?? null,
  };
  const refusal = createRefusal(actor, placement);
  if (refusal) {
    const field = refusal === "role_not_allowed" ? "role" : "kecamatanCode";
    return refused({ status: 403, code: refusal, problems: [{ field, problem: refusal }] });
  }
  const problems = placementProblems(placement);
  if (problems.length > 0) return refused(invalidFields(problems));
  try {
    const row = await createUser(db, { ...input, ...placement, createdBy: actor.id }, at, async (tx, created) => {
      await recordAudit(
        tx,
        actor,
        userAudit("user.create", created, { before: null, after: toManagedUser(created) }),
        at,
      );
    });
    return done(row);
  } catch (error) {
    if (!(error instanceof UsernameTakenError)) throw error;
    return refused({
      status: 409,
      code: "username_taken",
      problems: [{ field: "username", problem: "username_taken" }],
    });
  }
}

/** The accounts `actor` manages, filtered; an operator asking outside their reach gets an empty list. */
export async function listAccounts(db: Db, actor: AuthUser, query: ListUsersQuery): Promise<UserRow[]> {
  if (actor.role === "admin") return listUsers(db, query);
  if (actor.role !== "operator" || actor.kecamatanCode === null) return [];
  const own: UserFilter = { role: "cadre", kecamatanCode: actor.kecamatanCode };
  const conflicting =
    (query.role !== undefined && query.role !== own.role) ||
    (query.kecamatanCode !== undefined && query.kecamatanCode !== own.kecamatanCode);
  return conflicting ? [] : listUsers(db, own);
}

export async function updateAccount(
  db: Db,
  actor: AuthUser,
  target: UserRow,
  change: UpdateUserRequest,
  at: Date,
): Promise<Outcome<UserRow>> {
  if (change.kecamatanCode !== undefined && !mayMoveKecamatan(actor))
    return refused({ status: 403, code: "forbidden" });
  const next = {
    displayName: change.displayName ?? target.displayName,
    kecamatanCode: change.kecamatanCode === undefined ? target.kecamatanCode : change.kecamatanCode,
    kelurahanCode: change.kelurahanCode === undefined ? target.kelurahanCode : change.kelurahanCode,
  };
  const problems = placementProblems({ role: target.role, ...next });
  if (problems.length > 0) return refused(invalidFields(problems));
  const updated = { ...target, ...next };
  await withTransaction(db, async (tx) => {
    await tx.update(users).set(next).where(eq(users.id, target.id));
    const audit = userAudit("user.update", target, { before: toManagedUser(target), after: toManagedUser(updated) });
    await recordAudit(tx, actor, audit, at);
    // Filed under the kecamatan the account left as well, so its operators see the move.
    if (updated.kecamatanCode !== target.kecamatanCode) {
      await recordAudit(tx, actor, { ...audit, kecamatanCode: updated.kecamatanCode }, at);
    }
  });
  return done(updated);
}
