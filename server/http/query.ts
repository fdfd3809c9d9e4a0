import type { Context } from "hono";
import type { z } from "zod";
import { apiError } from "./errors";

export type QueryResult<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Validates the query string with `schema`. A repeated parameter is refused
 * (400 invalid_query, details.parameter) rather than silently taking one of
 * the values; so is anything the schema refuses.
 */
export function readQuery<T>(c: Context, schema: z.ZodType<T>): QueryResult<T> {
  const raw: Record<string, string> = {};
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (values.length !== 1) {
      return { ok: false, response: apiError(c, 400, "invalid_query", { parameter: name, reason: "repeated" }) };
    }
    const value = values[0] ?? "";
    // No text holds U+0000 (PostgreSQL's text cannot store it): refused here, the same on both engines.
    if (value.includes("\u0000") || name.includes("\u0000")) {
      return { ok: false, response: apiError(c, 400, "invalid_query", { parameter: name, reason: "nul" }) };
    }
    raw[name] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const parameter = String(parsed.error.issues[0]?.path[0] ?? "");
    return { ok: false, response: apiError(c, 400, "invalid_query", { parameter }) };
  }
  return { ok: true, value: parsed.data };
}
