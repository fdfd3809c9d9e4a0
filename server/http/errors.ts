import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorCode, errorBody } from "../../shared/api/errors";
import type { Locale } from "../../shared/text";

/** Indonesian unless the client prefers English: the app's users are Indonesian first. */
export function requestLocale(c: Context): Locale {
  const header = c.req.header("accept-language") ?? "";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "id";
}

export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  details?: Record<string, unknown>,
): Response {
  c.header("Cache-Control", "no-store");
  return c.json(errorBody(code, requestLocale(c), details), status);
}
