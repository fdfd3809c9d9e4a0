/** Who is calling, as the auth middleware resolved it. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: "cadre" | "operator" | "admin";
  kecamatanCode: string | null;
  kelurahanCode: string | null;
  /** The complaint-handler grant (shared/complaints/access.ts); absent reads as not granted. */
  handlesComplaints?: boolean;
}

export interface Auth {
  user: AuthUser;
  sessionId: string;
}

/** Hono's environment for this app: every route can read `c.var.auth` (null when signed out). */
export interface AppEnv {
  Variables: { auth: Auth | null; requestId: string };
}
