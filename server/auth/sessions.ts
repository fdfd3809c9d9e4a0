import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import type { SessionUser } from "../../shared/api/users";
import type { Db } from "../db/open";
import { rawGet, rawRun } from "../db/raw";
import { sessions, type users } from "../db/schema";
import type { Auth } from "../http/env";
import { mayDrain, type RevokeReason } from "./farewell";

/**
 * Sessions, one per signed-in device. The token (32 random bytes,
 * base64url) goes to the device once; the database keeps only its SHA-256,
 * so a copy of the database cannot be used to sign in.
 *
 * Expiry slides: 30 days after the last use, because cadres work offline for
 * weeks. Each use moves `expiresAt` forward, but at most once per hour, so
 * that busy devices do not turn every read into a write.
 */

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_TOUCH_INTERVAL_MS = 60 * 60 * 1000;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type SessionRow = typeof sessions.$inferSelect;
type UserRow = typeof users.$inferSelect;

export type SessionFailure = "session_required" | "session_expired" | "session_revoked" | "account_disabled";

/**
 * A failure may carry `farewell`: the session is revoked or its account
 * disabled, but it may still drain its outbox and uploads (server/auth/farewell.ts).
 */
export type ResolvedSession =
  | { ok: true; auth: Auth; expiresAt: Date; extended: boolean }
  | { ok: false; code: SessionFailure; farewell?: Auth };

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function createSession(
  db: Db,
  userId: string,
  deviceLabel: string,
  now: Date,
): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const sessionId = uuidv7();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  await db.insert(sessions).values({
    id: sessionId,
    tokenHash: hashToken(token),
    userId,
    deviceLabel,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    revokedAt: null,
  });
  return { token, sessionId, expiresAt };
}

/** What a session lookup reads: the session's dates and the user's own columns, nothing else. */
interface SessionLookup {
  sessionId: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  id: string;
  username: string;
  displayName: string;
  role: UserRow["role"];
  kecamatanCode: string | null;
  kelurahanCode: string | null;
  handlesComplaints: number;
  disabledAt: string | null;
}

function authOf(found: SessionLookup): Auth {
  const user: SessionUser = {
    id: found.id,
    username: found.username,
    displayName: found.displayName,
    role: found.role,
    kecamatanCode: found.kecamatanCode,
    kelurahanCode: found.kelurahanCode,
    handlesComplaints: Number(found.handlesComplaints) === 1,
  };
  return { user, sessionId: found.sessionId };
}

/** A session cut off by the office: why, and whether it may still drain. */
function cutOff(code: "account_disabled" | "session_revoked", found: SessionLookup, now: Date): ResolvedSession {
  return mayDrain(found, now) ? { ok: false, code, farewell: authOf(found) } : { ok: false, code };
}

/**
 * Who holds `token`, or why nobody does. A disabled account wins over every
 * other reason, so its devices can tell the cadre to contact the office.
 * One indexed read (one hash of the token); a write at most once an hour.
 */
export async function resolveSession(db: Db, token: string | undefined, now: Date): Promise<ResolvedSession> {
  if (!token || !TOKEN_SHAPE.test(token)) return { ok: false, code: "session_required" };
  // Hand-written (issue 12: building the drizzle join cost more than the request's own work).
  const found = await rawGet<SessionLookup>(
    db,
    sql`SELECT s.id AS "sessionId", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt", s.revoked_at AS "revokedAt",
           s.revoke_reason AS "revokeReason", u.id, u.username, u.display_name AS "displayName", u.role, u.kecamatan_code AS "kecamatanCode",
           u.kelurahan_code AS "kelurahanCode", u.handles_complaints AS "handlesComplaints", u.disabled_at AS "disabledAt"
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = ${hashToken(token)}`,
  );
  if (!found) return { ok: false, code: "session_required" };
  if (found.disabledAt !== null) return cutOff("account_disabled", found, now);
  if (found.revokedAt !== null) return cutOff("session_revoked", found, now);
  const at = now.getTime();
  let expiresAt = Date.parse(found.expiresAt);
  if (at >= expiresAt) return { ok: false, code: "session_expired" };

  let extended = false;
  if (at - Date.parse(found.lastSeenAt) >= SESSION_TOUCH_INTERVAL_MS) {
    expiresAt = at + SESSION_LIFETIME_MS;
    await rawRun(
      db,
      sql`UPDATE sessions SET last_seen_at = ${now.toISOString()}, expires_at = ${new Date(expiresAt).toISOString()} WHERE id = ${found.sessionId}`,
    );
    extended = true;
  }
  return { ok: true, auth: authOf(found), expiresAt: new Date(expiresAt), extended };
}

/**
 * Revokes one session; with `userId`, only if it belongs to that user.
 * Returns false when there was no such (live) session. The reason decides
 * whether the device may still drain its outbox (server/auth/farewell.ts):
 * by default it may (the office, or the owner from another device, cut it off).
 */
export async function revokeSession(
  db: Db,
  sessionId: string,
  now: Date,
  userId?: string,
  reason: RevokeReason = "revoked",
): Promise<boolean> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now.toISOString(), revokeReason: reason })
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        userId === undefined ? undefined : eq(sessions.userId, userId),
      ),
    )
    .returning({ id: sessions.id });
  return revoked.length > 0;
}

/**
 * Revokes every live session of a user, except `keep` (the caller's own). Returns how many.
 * The office did it (disabling, a new password): each device may still drain its outbox.
 */
export async function revokeUserSessions(db: Db, userId: string, now: Date, keep?: string): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now.toISOString(), revokeReason: "revoked" })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keep === undefined ? undefined : ne(sessions.id, keep),
      ),
    )
    .returning({ id: sessions.id });
  return revoked.length;
}

/** The user's sessions that still work (neither revoked nor expired), most recently used first. */
export async function listSessions(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now.toISOString())))
    .orderBy(desc(sessions.lastSeenAt));
}
