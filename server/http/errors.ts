import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ErrorCode, errorBody } from "../../shared/api/errors";
import type { Locale } from "../../shared/text";
import { COMPRESS_THRESHOLD } from "./compress";

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
  const text = JSON.stringify(errorBody(code, requestLocale(c), details));
  // With its length the answer passes the compression middleware untouched (almost every error is
  // a couple of hundred bytes); a large one (a list of issues) is left for it to gzip.
  // An answer begun before a failure must not lend the error its length or encoding.
  c.header("Content-Encoding", undefined);
  c.header("Content-Length", text.length < COMPRESS_THRESHOLD / 3 ? String(Buffer.byteLength(text)) : undefined);
  return c.body(text, status, { "Content-Type": "application/json" });
}
