import { sql } from "drizzle-orm";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import type { AuthUser } from "../http/env";

/** A complaint handler the caller may assign a complaint to. */
export interface ComplaintHandler {
  id: string;
  displayName: string;
  role: "operator" | "admin";
  kecamatanCode: string | null;
}

/**
 * The handlers of the caller's office, for the assign menu: an operator's
 * kecamatan's handlers and the admin handlers (who read every complaint);
 * for an admin, every handler. Disabled accounts are left out.
 */
export async function complaintHandlers(db: Db, user: AuthUser): Promise<ComplaintHandler[]> {
  const all = user.role === "admin";
  return rawAll<ComplaintHandler>(
    db,
    sql`SELECT id, display_name AS "displayName", role, kecamatan_code AS "kecamatanCode" FROM users
     WHERE handles_complaints = TRUE AND disabled_at IS NULL AND role IN ('operator', 'admin')
       AND (${all ? 1 : 0} = 1 OR role = 'admin' OR kecamatan_code = ${user.kecamatanCode ?? ""})
     ORDER BY display_name, id`,
  );
}
