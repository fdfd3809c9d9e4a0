import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/log";
import { hashPassword } from "../auth/password";
import { revokeSession, revokeUserSessions } from "../auth/sessions";
import { toManagedUser, type UserRow } from "../auth/users";
import type { Db } from "../db/open";
import { sessions, users } from "../db/schema";
import { withTransaction } from "../db/transaction";
import type { AuthUser } from "../http/env";
import { userAudit } from "./accounts";
import { done, type Outcome, refused } from "./refusal";

/** Disabling, enabling, passwords and sessions of an account the caller manages (see findManageable). */

/** Disables the account and signs it out everywhere. Nobody disables themselves (an office without admin). */
export async function disableAccount(db: Db, actor: AuthUser, target: UserRow, at: Date): Promise<Outcome<UserRow>> {
  if (target.id === actor.id) return refused({ status: 403, code: "cannot_disable_self" });
  const disabledAt = target.disabledAt ?? at.toISOString();
  const disabled = { ...target, disabledAt };
  await withTransaction(db, async (tx) => {
    await tx.update(users).set({ disabledAt }).where(eq(users.id, target.id));
    const sessionsRevoked = await revokeUserSessions(tx, target.id, at);
    const after = { ...toManagedUser(disabled), sessionsRevoked };
    await recordAudit(tx, actor, userAudit("user.disable", target, { before: toManagedUser(target), after }), at);
  });
  return done(disabled);
}

/** Enables the account again; its old sessions stay revoked. */
export async function enableAccount(db: Db, actor: AuthUser, target: UserRow, at: Date): Promise<UserRow> {
  const enabled = { ...target, disabledAt: null };
  await withTransaction(db, async (tx) => {
    await tx.update(users).set({ disabledAt: null }).where(eq(users.id, target.id));
    const change = { before: toManagedUser(target), after: toManagedUser(enabled) };
    await recordAudit(tx, actor, userAudit("user.enable", target, change), at);
  });
  return enabled;
}

/** Sets a new password and signs the account out everywhere but `keepSession` (the caller's own device). */
export async function resetPassword(
  db: Db,
  actor: AuthUser,
  target: UserRow,
  password: string,
  at: Date,
  keepSession: string | undefined,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  await withTransaction(db, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, target.id));
    const sessionsRevoked = await revokeUserSessions(tx, target.id, at, keepSession);
    // That it happened and its effect; never the password or its hash.
    const change = { before: null, after: { sessionsRevoked } };
    await recordAudit(tx, actor, userAudit("user.reset-password", target, change), at);
  });
}

/** Signs one of the account's devices out; false when the session is not a live one of this account. */
export async function revokeAccountSession(
  db: Db,
  actor: AuthUser,
  target: UserRow,
  sessionId: string,
  at: Date,
): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId));
    if (!session || !(await revokeSession(tx, sessionId, at, target.id))) return false;
    const device = { userId: target.id, deviceLabel: session.deviceLabel };
    await recordAudit(
      tx,
      actor,
      {
        action: "session.revoke",
        targetType: "session",
        targetId: sessionId,
        kecamatanCode: target.kecamatanCode,
        before: { ...device, revokedAt: null },
        after: { ...device, revokedAt: at.toISOString() },
      },
      at,
    );
    return true;
  });
}
