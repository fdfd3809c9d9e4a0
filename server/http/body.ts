import type { Context } from "hono";
import type { z } from "zod";
import { apiError } from "./errors";

/** Keys that could reach an object's prototype if a body were ever merged into another object. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export type JsonResult<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Reads a JSON request body of at most `maxBytes` and validates it with
 * `schema`. Answers (as `response`):
 * - 413 body_too_large: Content-Length or the bytes actually sent exceed the limit
 * - 400 invalid_json: empty, not UTF-8 or not JSON
 * - 400 invalid_body: a `__proto__`/`constructor`/`prototype` key anywhere, or
 *   the schema refuses it, with `details.issues` = [{ path, message }]
 *   (`path` is an array of keys and indexes, [] for the root)
 *
 * The Content-Type check is the CSRF middleware's job (server/auth/middleware.ts).
 */
export async function readJson<T>(c: Context, schema: z.ZodType<T>, maxBytes: number): Promise<JsonResult<T>> {
  const fail = (response: Response): JsonResult<T> => ({ ok: false, response });

  const declared = c.req.header("content-length");
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    return fail(apiError(c, 413, "body_too_large", { maxBytes }));
  }
  const bytes = await readLimited(c.req.raw, maxBytes);
  if (bytes === "too_large") return fail(apiError(c, 413, "body_too_large", { maxBytes }));

  let parsed: unknown;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    parsed = JSON.parse(text);
  } catch {
    return fail(apiError(c, 400, "invalid_json"));
  }

  const forbidden = findForbiddenKey(parsed);
  if (forbidden) {
    // A deep path is cut short (keeping the offending key) so the answer stays small.
    const path = forbidden.length > 32 ? [...forbidden.slice(0, 31), forbidden.at(-1) ?? ""] : forbidden;
    return fail(apiError(c, 400, "invalid_body", { issues: [{ path, message: "This key is not allowed" }] }));
  }

  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
      message: issue.message,
    }));
    return fail(apiError(c, 400, "invalid_body", { issues }));
  }
  return { ok: true, value: result.data };
}

/** The body's bytes, or "too_large" as soon as more than `maxBytes` arrive (the rest is not read). */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | "too_large"> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return "too_large";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

interface Visit {
  value: unknown;
  key: string | number;
  parent: Visit | null;
}

function pathOf(visit: Visit | null, last: string): (string | number)[] {
  const reversed: (string | number)[] = [last];
  for (let at = visit; at?.parent; at = at.parent) reversed.push(at.key);
  return reversed.reverse();
}

/**
 * The path to the first forbidden key. Iterative, with parent links rather
 * than copied paths, so a deeply nested body costs linear time and no stack.
 */
function findForbiddenKey(root: unknown): (string | number)[] | null {
  const stack: Visit[] = [{ value: root, key: "", parent: null }];
  for (;;) {
    const visit = stack.pop();
    if (!visit) return null;
    const { value } = visit;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        stack.push({ value: value[index], key: index, parent: visit });
      }
    } else if (value !== null && typeof value === "object") {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) return pathOf(visit, key);
        stack.push({ value: (value as Record<string, unknown>)[key], key, parent: visit });
      }
    }
  }
}
