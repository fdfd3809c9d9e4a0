import { eq } from "drizzle-orm";
import type { UpdateUserRequest } from "../../shared/api/users";
import { mayGrantComplaintHandling } from "../../shared/complaints/access";
import { recordAudit } from "../audit/log";
import type { UserRow } from "../auth/users";
import type { Db } from "../db/open";
import { users } from "../db/schema";
import { withTransaction } from "../db/transaction";
import type { AuthUser } from "../http/env";
import { updateAccount, userAudit } from "./accounts";
import { done, type Outcome, refused } from "./refusal";

/**
 * The complaint-handler grant (issue 14): only an admin gives or withdraws
 * it, and only to operators and admins (shared/complaints/access.ts). Each
 * change is audited under the account's kecamatan, so its operators see who
 * may read the office's complaints.
 */

/** Whether a change asks for the grant at all: anyone but an admin is refused before the account is looked up. */
export function asksGrant(change: UpdateUserRequest): boolean {
  return change.handlesComplaints !== undefined;
}

export function mayChangeGrants(actor: AuthUser): boolean {
  return actor.role === "admin";
}

/** A grant to a cadre: refused before anything is written. */
function grantRefusal(actor: AuthUser, target: UserRow, grant: boolean | undefined): Outcome<never> | null {
  if (grant !== true || mayGrantComplaintHandling(actor, target)) return null;
  return refused({
    status: 400,
    code: "role_not_allowed",
    problems: [{ field: "handlesComplaints", problem: "role_not_allowed" }],
  });
}

/** Writes the grant with its audit entry; withdrawing from an account that never had it changes nothing. */
async function setComplaintHandling(
  db: Db,
  actor: AuthUser,
  target: UserRow,
  grant: boolean,
  at: Date,
): Promise<UserRow> {
  if (target.handlesComplaints === grant) return target;
  await withTransaction(db, async (tx) => {
    await tx.update(users).set({ handlesComplaints: grant }).where(eq(users.id, target.id));
    const change = { before: { handlesComplaints: target.handlesComplaints }, after: { handlesComplaints: grant } };
    await recordAudit(
      tx,
      actor,
      userAudit(grant ? "user.grant-complaints" : "user.withdraw-complaints", target, change),
      at,
    );
  });
  return { ...target, handlesComplaints: grant };
}

/**
 * PATCH /api/users/:id: the account's fields (server/users/accounts.ts) and
 * the grant, in one transaction. Every refusal comes before any write.
 */
export async function patchAccount(
  db: Db,
  actor: AuthUser,
  target: UserRow,
  change: UpdateUserRequest,
  at: Date,
): Promise<Outcome<UserRow>> {
  const { handlesComplaints, ...fields } = change;
  const refusal = grantRefusal(actor, target, handlesComplaints);
  if (refusal) return refusal;
  return withTransaction(db, async (tx): Promise<Outcome<UserRow>> => {
    const updated = Object.keys(fields).length > 0 ? await updateAccount(tx, actor, target, fields, at) : done(target);
    if (!updated.ok || handlesComplaints === undefined) return updated;
    return done(await setComplaintHandling(tx, actor, updated.value, handlesComplaints, at));
  });
}
