import { v7 as uuidv7 } from "uuid";
import { createSession } from "../../server/auth/sessions";
import type { Db } from "../../server/db/open";
import { users } from "../../server/db/schema";

export interface TestUser {
  id: string;
  username: string;
  /** The Cookie header that signs requests in as this user. */
  cookie: string;
}

/**
 * A user written straight into the database, with a real session: sync
 * tests need a signed-in cadre, not the login flow (tested on its own).
 */
export async function createTestUser(
  db: Db,
  role: "cadre" | "operator" | "admin",
  options: { username?: string; kecamatanCode?: string } = {},
): Promise<TestUser> {
  const id = uuidv7();
  const username = options.username ?? `${role}-${id.slice(-6)}`;
  await db.insert(users).values({
    id,
    username,
    displayName: username,
    role,
    passwordHash: "not-used-in-these-tests",
    kecamatanCode: options.kecamatanCode ?? "31.75.07",
    kelurahanCode: null,
    createdAt: new Date().toISOString(),
  });
  return { id, username, cookie: await sessionCookie(db, id) };
}

export async function sessionCookie(db: Db, userId: string, device = "test phone"): Promise<string> {
  const { token } = await createSession(db, userId, device, new Date());
  return `masdarin_session=${token}`;
}
