import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import type { ErrorCode } from "../../shared/api/errors";
import { type AccountProblem, accountIssue, accountIssueOf } from "../../shared/users/problems";
import { readJson } from "../http/body";
import { apiError, requestLocale } from "../http/errors";

/** One wrong field of an account request, before it is put in the caller's words. */
export interface FieldProblem {
  field: string;
  problem: AccountProblem;
}

/**
 * Why an account operation was refused: an HTTP status and API error code,
 * with the wrong fields when a form can show them (400, 409, and a 403 about
 * a field the caller chose, such as a role they may not create).
 */
export interface Refusal {
  status: 400 | 403 | 404 | 409;
  code: ErrorCode;
  problems?: FieldProblem[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const done = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refused = (refusal: Refusal): Outcome<never> => ({ ok: false, refusal });

/** Invalid fields as a 400 invalid_body refusal. */
export function invalidFields(problems: FieldProblem[]): Refusal {
  return { status: 400, code: "invalid_body", problems };
}

/**
 * Answers a refusal. With wrong fields, `details` holds `field` (the first
 * one, where a form puts the focus) and `issues` ([{ path, code, message }],
 * messages in the request's language).
 */
export function answerRefusal(c: Context, refusal: Refusal): Response {
  const status = refusal.status satisfies ContentfulStatusCode;
  if (!refusal.problems || refusal.problems.length === 0) return apiError(c, status, refusal.code);
  const locale = requestLocale(c);
  const issues = refusal.problems.map(({ field, problem }) => accountIssue(field, problem, locale));
  return apiError(c, status, refusal.code, { field: refusal.problems[0]?.field ?? "", issues });
}

const BODY_MAX_BYTES = 8 * 1024;

/**
 * An account request's body, checked by `schema`. Size, JSON and reserved-key
 * refusals are readJson's; the schema's issues are answered per field with a
 * problem code, so the console can show each at its field.
 */
export async function readAccountBody<T>(
  c: Context,
  schema: z.ZodType<T>,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  const raw = await readJson(c, z.unknown(), BODY_MAX_BYTES);
  if (!raw.ok) return raw;
  // reportInput tells a missing field from a wrong one; the input itself never leaves this function.
  const parsed = schema.safeParse(raw.value, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const locale = requestLocale(c);
  const issues = parsed.error.issues.slice(0, 20).map((issue) => accountIssueOf(issue, locale));
  return { ok: false, response: apiError(c, 400, "invalid_body", { field: issues[0]?.path[0] ?? "", issues }) };
}
