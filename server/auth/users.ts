import { and, asc, eq, type SQL } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { ManagedUser, Role, SessionUser } from "../../shared/api/users";
import type { Db } from "../db/open";
import { users } from "../db/schema";
import { withTransaction } from "../db/transaction";
import { uniqueViolation } from "../http/refusal";
import { hashPassword } from "./password";

export type UserRow = typeof users.$inferSelect;

/** Shapes sent to clients: never the password hash, never the vault secrets (only a sign-in sends those). */
export function toSessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    kecamatanCode: row.kecamatanCode,
    kelurahanCode: row.kelurahanCode,
    handlesComplaints: row.handlesComplaints,
  };
}

export function toManagedUser(row: UserRow): ManagedUser {
  return { ...toSessionUser(row), disabledAt: row.disabledAt, createdAt: row.createdAt };
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.id, id)))[0];
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  // No stored name holds a NUL, and PostgreSQL refuses one in a text value: such a name is nobody's.
  if (username.includes("\u0000")) return undefined;
  return (await db.select().from(users).where(eq(users.username, username.toLowerCase())).limit(1))[0];
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  kecamatanCode?: string | null | undefined;
  kelurahanCode?: string | null | undefined;
  createdBy: string | null;
}

export class UsernameTakenError extends Error {
  override name = "UsernameTakenError";
}

function isUniqueViolation(error: unknown): boolean {
  // A username taken between the check and the insert, on either engine.
  return uniqueViolation(error) === "unique";
}

/**
 * Hashes the password and inserts the user. Throws UsernameTakenError for a
 * taken username and PasswordPolicyError for a password the policy refuses.
 * `alsoInTransaction` runs in the insert's transaction (an audit entry that
 * must commit with the user or not at all).
 */
export async function createUser(
  db: Db,
  input: NewUser,
  now: Date,
  alsoInTransaction?: (tx: Db, row: UserRow) => Promise<void>,
): Promise<UserRow> {
  const username = input.username.toLowerCase();
  if (await findUserByUsername(db, username)) throw new UsernameTakenError();
  const passwordHash = await hashPassword(input.password);
  const row: UserRow = {
    id: uuidv7(),
    username,
    displayName: input.displayName,
    role: input.role,
    passwordHash,
    kecamatanCode: input.kecamatanCode ?? null,
    kelurahanCode: input.kelurahanCode ?? null,
    disabledAt: null,
    handlesComplaints: false,
    // Made at the first password sign-in (server/auth/vault-secrets.ts), not before anyone needs them.
    vaultUnlockSecret: null,
    vaultRecoverySecret: null,
    createdBy: input.createdBy,
    createdAt: now.toISOString(),
  };
  try {
    await withTransaction(db, async (tx) => {
      await tx.insert(users).values(row);
      await alsoInTransaction?.(tx, row);
    });
  } catch (error) {
    // Two creations of one username raced past the check above.
    if (isUniqueViolation(error)) throw new UsernameTakenError();
    throw error;
  }
  return row;
}

export interface UserFilter {
  role?: Role | undefined;
  kecamatanCode?: string | undefined;
}

export async function listUsers(db: Db, filter: UserFilter = {}): Promise<UserRow[]> {
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.kecamatanCode) conditions.push(eq(users.kecamatanCode, filter.kecamatanCode));
  return db
    .select()
    .from(users)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(users.username));
}
