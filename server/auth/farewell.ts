/**
 * The farewell drain (issue 15). When the office revokes a device's session
 * (or the cadre does, from another device) or disables the cadre, the phone
 * may still hold work collected in the field. At its next contact it pushes
 * its outbox and finishes its page uploads, then erases the cadre's personal
 * data. So, for FAREWELL_WINDOW_MS after the session stopped working, that
 * session is still accepted by the push and the upload endpoints (and by
 * nothing else: every other endpoint answers 401 session_revoked or
 * account_disabled as before), and every answer to it says
 * `Masdarin-Session: farewell`.
 *
 * Not drained: a session replaced by a new sign-in on the same device (that
 * phone has a new session to push with), one signed out, one revoked before
 * the reason was recorded (migration 0015), and one that had already expired
 * when it was cut off.
 */

export const FAREWELL_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

export { FAREWELL_HEADER, FAREWELL_HEADER_VALUE } from "../../shared/api/farewell";

/** Why a session was revoked (sessions.revoke_reason). */
export type RevokeReason = "revoked" | "replaced" | "signed-out";

export interface EndedSession {
  revokedAt: string | null;
  revokeReason: string | null;
  /** The account's, when it is disabled. */
  disabledAt: string | null;
  expiresAt: string;
}

/** Until when (epoch ms) a session that no longer works may still drain, or null when it may not. */
export function farewellEndsAt(session: EndedSession): number | null {
  if (session.revokedAt !== null && session.revokeReason !== "revoked") return null;
  const cutOffs = [session.revokedAt, session.disabledAt].filter((at): at is string => at !== null).map(Date.parse);
  if (cutOffs.length === 0) return null;
  const cutOff = Math.min(...cutOffs);
  // A session that had expired on its own before it was cut off had nothing left to drain with.
  if (!(cutOff < Date.parse(session.expiresAt))) return null;
  return cutOff + FAREWELL_WINDOW_MS;
}

/** Whether `session` may still drain at `now`. */
export function mayDrain(session: EndedSession, now: Date): boolean {
  const endsAt = farewellEndsAt(session);
  return endsAt !== null && now.getTime() < endsAt;
}
