/**
 * The header on every answer to a session the office cut off but that may
 * still push what it holds for a while (server/auth/farewell.ts): the phone
 * reads it as "send everything, then erase" (client/vault/revocation.ts).
 */
export const FAREWELL_HEADER = "Masdarin-Session";
export const FAREWELL_HEADER_VALUE = "farewell";

/** The 401 codes that mean the office cut the session off (not one that merely expired). */
export const CUT_OFF_CODES: ReadonlySet<string> = new Set(["session_revoked", "account_disabled"]);
