/**
 * The driver's error inside whatever wrapped it (drizzle puts the driver's error in `cause`): the first
 * object on the cause chain with a `code`, SQLite's (`SQLITE_CONSTRAINT_UNIQUE`) or PostgreSQL's SQLSTATE.
 */
export function databaseError(error: unknown): { code: string; constraint?: unknown } | undefined {
  for (let inner = error, depth = 0; typeof inner === "object" && inner !== null && depth < 5; depth++) {
    if ("code" in inner)
      return { ...(inner as { constraint?: unknown }), code: String((inner as { code: unknown }).code) };
    inner = (inner as { cause?: unknown }).cause;
  }
  return undefined;
}
