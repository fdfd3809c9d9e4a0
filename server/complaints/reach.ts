import { type SQL, sql } from "drizzle-orm";
import { type ComplaintReader, isComplaintHandler, mayOpenComplaints } from "../../shared/complaints/access";
import type { AuthUser } from "../http/env";

/**
 * Which complaints a console user's queue and detail may show, as SQL and as
 * a refusal (shared/complaints/access.ts is the rule; this is its query form).
 * An operator without the handler grant sees counts only: the queue and a
 * complaint's contents answer 403 complaint_handler_required.
 */
export type QueueReach =
  | { kind: "all" }
  | { kind: "kecamatan"; code: string }
  /** An admin without the grant: every complaint not marked confidential. */
  | { kind: "open" }
  | { kind: "none" };

export function readerOf(user: AuthUser): ComplaintReader {
  return { role: user.role, kecamatanCode: user.kecamatanCode, handlesComplaints: user.handlesComplaints === true };
}

/** The user's reach, or null when they may not open complaints at all. */
export function queueReach(user: AuthUser): QueueReach | null {
  const reader = readerOf(user);
  if (!mayOpenComplaints(reader)) return null;
  if (isComplaintHandler(reader)) {
    if (reader.role === "admin") return { kind: "all" };
    return reader.kecamatanCode ? { kind: "kecamatan", code: reader.kecamatanCode } : { kind: "none" };
  }
  // Not a handler but allowed in: an admin, who reads what is not confidential (mayReadComplaint).
  return { kind: "open" };
}

/** The reach as a WHERE condition on `c` (complaints), its values bound. */
export function reachSql(reach: QueueReach): SQL {
  switch (reach.kind) {
    case "all":
      return sql`1 = 1`;
    case "kecamatan":
      return sql`c.kecamatan_code = ${reach.code}`;
    case "open":
      return sql`c.confidential = FALSE`;
    case "none":
      return sql`0 = 1`;
  }
}
