import { createHash, randomBytes } from "node:crypto";
import type { RunResult } from "better-sqlite3";
import { and, desc, eq, gt, isNull, ne } from "drizzle-orm";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { v7 as uuidv7 } from "uuid";
import type { Db } from "../db/open";
import type * as schema from "../db/schema";
import { sessions, users } from "../db/schema";
import type { Auth } from "../http/env";
import { toSessionUser } from "./users";

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

/** The database or a transaction on it. */
export type DbOrTx = BaseSQLiteDatabase<"sync", RunResult, typeof schema>;

export type SessionFailure = "session_required" | "session_expired" | "session_revoked" | "account_disabled";

export type ResolvedSession =
  | { ok: true; auth: Auth; expiresAt: Date; extended: boolean }
  | { ok: false; code: SessionFailure };

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function createSession(
  db: Db,
  userId: string,
  deviceLabel: string,
  now: Date,
): { token: string; sessionId: string; expiresAt: Date } {
  const token = randomBytes(32).toString("base64url");
  const sessionId = uuidv7();
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  db.insert(sessions)
    .values({
      id: sessionId,
      tokenHash: hashToken(token),
      userId,
      deviceLabel,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      revokedAt: null,
    })
    .run();
  return { token, sessionId, expiresAt };
}

/**
 * Who holds `token`, or why nobody does. A disabled account wins over every
 * other reason, so its devices can tell the cadre to contact the office.
 */
export function resolveSession(db: Db, token: string | undefined, now: Date): ResolvedSession {
  if (!token || !TOKEN_SHAPE.test(token)) return { ok: false, code: "session_required" };
  const found = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, hashToken(token)))
    .get();
  if (!found) return { ok: false, code: "session_required" };
  const { session, user } = found;
  if (user.disabledAt !== null) return { ok: false, code: "account_disabled" };
  if (session.revokedAt !== null) return { ok: false, code: "session_revoked" };
  let expiresAt = new Date(session.expiresAt);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, code: "session_expired" };

  let extended = false;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() >= SESSION_TOUCH_INTERVAL_MS) {
    expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    db.update(sessions)
      .set({ lastSeenAt: now.toISOString(), expiresAt: expiresAt.toISOString() })
      .where(eq(sessions.id, session.id))
      .run();
    extended = true;
  }
  return { ok: true, auth: { user: toSessionUser(user), sessionId: session.id }, expiresAt, extended };
}

/**
 * Revokes one session; with `userId`, only if it belongs to that user.
 * Returns false when there was no such (live) session.
 */
export function revokeSession(db: DbOrTx, sessionId: string, now: Date, userId?: string): boolean {
  const result = db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(
      and(
        eq(sessions.id, sessionId),
        isNull(sessions.revokedAt),
        userId === undefined ? undefined : eq(sessions.userId, userId),
      ),
    )
    .run();
  return result.changes > 0;
}

/** Revokes every live session of a user, except `keep` (the caller's own). Returns how many. */
export function revokeUserSessions(db: DbOrTx, userId: string, now: Date, keep?: string): number {
  const result = db
    .update(sessions)
    .set({ revokedAt: now.toISOString() })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keep === undefined ? undefined : ne(sessions.id, keep),
      ),
    )
    .run();
  return result.changes;
}

/** The user's sessions that still work (neither revoked nor expired), most recently used first. */
export function listSessions(db: Db, userId: string, now: Date): SessionRow[] {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now.toISOString())))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
}
