import { once } from "node:events";
import { promisify } from "node:util";
import { createGunzip, gunzip } from "node:zlib";
import type { Context } from "hono";
import type { z } from "zod";
import { isReservedKey } from "../../shared/reserved-keys";
import { apiError } from "./errors";

/**
 * How many arrays and objects a body may nest. The deepest real body, a guide
 * whose conditions nest `all`/`any`/`not`, is about 15 levels; a recursive
 * schema (the guide's `Condition`) overflows the stack at a few thousand.
 */
export const MAX_JSON_DEPTH = 64;

const gunzipAsync = promisify(gunzip);

/** Where in a body: keys and indexes from the root ([] for the root itself). */
export type JsonPath = (string | number)[];

export interface ReadJsonOptions {
  /**
   * A top-level array whose items are judged one by one (a batch of changes):
   * an item holding a key that could reach a prototype is replaced by its
   * `keep` fields (primitive values only) and reported in `setAside` with the
   * key's path inside the item, so the caller refuses that item alone and the
   * rest of the batch still counts. Anywhere else such a key refuses the body.
   */
  setAsideItemsOf?: { array: string; keep: readonly string[] };
}

export type JsonResult<T> =
  | { ok: true; value: T; setAside: ReadonlyMap<number, Forbidden> }
  | { ok: false; response: Response };

/** What a refusal says about a key that could reach an object's prototype (shared/reserved-keys.ts). */
export const RESERVED_KEY_MESSAGE = "This key is not allowed";
/** What a refusal says about a key or text holding U+0000, which no text column can store on PostgreSQL. */
export const NUL_MESSAGE = "Text must not contain the NUL character (U+0000)";

/** Where a body holds what no request may (a reserved key, a NUL), and what to say. */
export interface Forbidden {
  path: JsonPath;
  message: string;
}

/**
 * Reads a JSON request body of at most `maxBytes` and validates it with
 * `schema`. Answers (as `response`):
 * - 413 body_too_large: Content-Length or the bytes actually sent exceed the
 *   limit; for a gzip body, the bytes sent or the bytes it inflates to (read
 *   as a stream, or whole when its length is declared, and inflated only up to
 *   the limit either way: a zip bomb is never inflated whole)
 * - 415 unsupported_content_encoding: a Content-Encoding other than gzip or identity
 * - 400 invalid_gzip: a gzip body that is corrupt or cut short
 * - 400 invalid_json: empty, not UTF-8 or not JSON
 * - 400 body_too_deep: arrays and objects nested more than MAX_JSON_DEPTH levels
 *   (`details.maxDepth`), refused before the schema sees the value
 * - 400 invalid_body: a `__proto__`/`constructor`/`prototype` key, or a key or text holding U+0000, anywhere
 *   (but inside an item `options.setAsideItemsOf` names), or the schema
 *   refuses it, with `details.issues` = [{ path, message }]
 *   (`path` is an array of keys and indexes, [] for the root)
 *
 * The Content-Type check is the CSRF middleware's job (server/auth/middleware.ts).
 */
export async function readJson<T>(
  c: Context,
  schema: z.ZodType<T>,
  maxBytes: number,
  options: ReadJsonOptions = {},
): Promise<JsonResult<T>> {
  const fail = (response: Response): JsonResult<T> => ({ ok: false, response });

  const declared = c.req.header("content-length");
  if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    return fail(apiError(c, 413, "body_too_large", { maxBytes }));
  }
  const encoding = contentEncoding(c.req.header("content-encoding"));
  if (!encoding) return fail(apiError(c, 415, "unsupported_content_encoding", { accepted: ["gzip", "identity"] }));
  const bytes = await readLimited(c.req.raw, maxBytes, encoding, declared !== undefined && /^\d+$/.test(declared));
  if (bytes === "too_large") return fail(apiError(c, 413, "body_too_large", { maxBytes }));
  if (bytes === "corrupt") return fail(apiError(c, 400, "invalid_gzip"));

  let parsed: unknown;
  // JSON text can only carry U+0000 escaped: without "\u0000" in it, no string needs searching.
  let mayHoldNul = false;
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    mayHoldNul = text.includes("\\u0000");
    parsed = JSON.parse(text);
  } catch {
    return fail(apiError(c, 400, "invalid_json"));
  }

  // Before the check below and before the schema: nothing of a set-aside item is read again.
  const setAside = options.setAsideItemsOf
    ? setAsideItems(parsed, options.setAsideItemsOf, mayHoldNul)
    : new Map<number, Forbidden>();
  // The set-aside array's items were each searched just above (and those holding a key replaced by
  // primitives only): the search of the whole body does not walk them a second time.
  const forbidden = findForbidden(
    parsed,
    options.setAsideItemsOf ? itemsOf(parsed, options.setAsideItemsOf.array) : null,
    mayHoldNul,
  );
  if (forbidden) {
    const issues = [{ path: shorten(forbidden.path), message: forbidden.message }];
    return fail(apiError(c, 400, "invalid_body", { issues }));
  }

  // Before the schema: zod's lazy schemas recurse and overflow the stack a few thousand levels down.
  // (The walks above are iterative: a deep body is safe there.)
  if (deeperThan(parsed, MAX_JSON_DEPTH)) return fail(apiError(c, 400, "body_too_deep", { maxDepth: MAX_JSON_DEPTH }));

  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)),
      message: issue.message,
    }));
    return fail(apiError(c, 400, "invalid_body", { issues }));
  }
  return { ok: true, value: result.data, setAside };
}

/** A deep path cut short (keeping the offending key), so the answer stays small. */
function shorten(path: JsonPath): JsonPath {
  return path.length > 32 ? [...path.slice(0, 31), path.at(-1) ?? ""] : path;
}

/**
 * Replaces, in `root[array]`, every item holding a reserved key by a fresh
 * object with only the item's `keep` fields whose values are primitives.
 * Returns each replaced item's index with the key's path inside the item.
 */
function setAsideItems(
  root: unknown,
  { array, keep }: { array: string; keep: readonly string[] },
  mayHoldNul: boolean,
) {
  const found = new Map<number, Forbidden>();
  const items = itemsOf(root, array);
  if (!items) return found;
  for (let index = 0; index < items.length; index++) {
    const item: unknown = items[index];
    const forbidden = findForbidden(item, null, mayHoldNul);
    if (!forbidden) continue;
    const kept: Record<string, unknown> = {};
    if (item !== null && typeof item === "object" && !Array.isArray(item)) {
      for (const key of keep) {
        const value: unknown = Object.hasOwn(item, key) ? (item as Record<string, unknown>)[key] : undefined;
        const keptValue = value === null || (value !== undefined && typeof value !== "object");
        if (keptValue && !(typeof value === "string" && value.includes("\u0000"))) kept[key] = value;
      }
    }
    items[index] = kept;
    found.set(index, { path: shorten(forbidden.path), message: forbidden.message });
  }
  return found;
}

/** `root[array]` when root is an object whose own `array` key holds an array. */
function itemsOf(root: unknown, array: string): unknown[] | null {
  if (root === null || typeof root !== "object" || Array.isArray(root) || !Object.hasOwn(root, array)) return null;
  const items = (root as Record<string, unknown>)[array];
  return Array.isArray(items) ? items : null;
}

type Encoding = "identity" | "gzip";

/**
 * The body's coding, or null for one this server does not read. The phone
 * gzips its pushes (client/sync/engine.ts); x-gzip is gzip's old name (RFC 9110).
 */
function contentEncoding(header: string | undefined): Encoding | null {
  const value = header?.trim().toLowerCase() ?? "";
  if (value === "" || value === "identity") return "identity";
  return value === "gzip" || value === "x-gzip" ? "gzip" : null;
}

type Read = Uint8Array | "too_large" | "corrupt";

/**
 * The body's bytes, decoded, or "too_large" as soon as more than `maxBytes`
 * arrive or inflate (the rest is neither read nor inflated), or "corrupt" for
 * a gzip stream that does not decode.
 */
async function readLimited(request: Request, maxBytes: number, encoding: Encoding, sized: boolean): Promise<Read> {
  if (sized) {
    // A body whose Content-Length is within the limit (checked by the caller): Node's HTTP parser reads
    // exactly that many bytes, so reading it whole is bounded, and @hono/node-server's arrayBuffer() takes
    // it straight from the socket, without building a web Request and stream around it (issue 12).
    // The length is measured again for requests made in process, whose header the body need not match.
    const whole = new Uint8Array(await request.arrayBuffer());
    if (whole.byteLength > maxBytes) return "too_large";
    if (encoding === "identity" || whole.byteLength === 0) return whole;
    return inflateWhole(whole, maxBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  if (encoding === "gzip") return inflateLimited(reader, maxBytes);
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
  return concat(chunks, total);
}

/**
 * Inflates the body as it arrives, stopping at the first output byte past
 * `maxBytes`: a zip bomb costs at most the limit's worth of inflating, and
 * the bytes not yet sent are never read (zlib's buffer holds the reading back).
 * The compressed bytes are held to the limit too: gzip never makes JSON
 * bigger, and a stream of empty gzip members, which inflates to nothing, must
 * not be read forever.
 */
function inflateLimited(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<Read> {
  const gunzip = createGunzip();
  const chunks: Uint8Array[] = [];
  let inflated = 0;
  let sent = 0;
  return new Promise<Read>((resolve) => {
    let finished = false;
    const finish = (result: Read) => {
      if (finished) return;
      finished = true;
      gunzip.destroy();
      if (result === "too_large" || result === "corrupt") reader.cancel().catch(() => {});
      resolve(result);
    };
    const stopped = new Promise<void>((done) => gunzip.once("close", done));
    gunzip.on("data", (chunk: Buffer) => {
      inflated += chunk.byteLength;
      if (inflated > maxBytes) finish("too_large");
      else chunks.push(chunk);
    });
    gunzip.once("error", () => finish("corrupt"));
    gunzip.once("end", () => finish(concat(chunks, inflated)));
    void (async () => {
      try {
        while (!finished) {
          const { done, value } = await reader.read();
          if (done) {
            gunzip.end();
            return;
          }
          sent += value.byteLength;
          if (sent > maxBytes) return finish("too_large");
          if (!gunzip.write(value)) await Promise.race([once(gunzip, "drain"), stopped]);
        }
      } catch {
        // The client went away mid-body: what arrived cannot be a whole gzip stream.
        finish("corrupt");
      }
    })();
  });
}

/**
 * Inflates a gzip body read whole, off the event loop, stopping at the first
 * output byte past `maxBytes` (zlib's maxOutputLength ends the inflating
 * there: a zip bomb is never inflated whole). Its compressed size is already
 * within the limit, so a stream of empty members ends too.
 */
async function inflateWhole(compressed: Uint8Array, maxBytes: number): Promise<Read> {
  try {
    return new Uint8Array(await gunzipAsync(compressed, { maxOutputLength: maxBytes }));
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "too_large" : "corrupt";
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]?.byteLength === total) return chunks[0];
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

function pathOf(visit: Visit | null, last: string | number): JsonPath {
  const reversed: JsonPath = [last];
  for (let at = visit; at?.parent; at = at.parent) reversed.push(at.key);
  return reversed.reverse();
}

/**
 * The first forbidden key (a reserved one; with `nul`, one holding U+0000) or,
 * with `nul`, text holding U+0000, not looking inside `skip` (an array already
 * searched item by item). Iterative, with parent links rather than copied
 * paths, so a deeply nested body costs linear time and no stack. Only arrays
 * and objects are stacked: scalars are looked at only when `nul` asks.
 */
function findForbidden(root: unknown, skip: unknown, nul: boolean): Forbidden | null {
  if (root === null || typeof root !== "object" || root === skip) return null;
  const stack: Visit[] = [{ value: root, key: "", parent: null }];
  const nulIn = (child: unknown) => nul && typeof child === "string" && child.includes("\u0000");
  for (;;) {
    const visit = stack.pop();
    if (!visit) return null;
    const { value } = visit;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const child: unknown = value[index];
        if (nulIn(child)) return { path: pathOf(visit, index), message: NUL_MESSAGE };
        if (child !== null && typeof child === "object" && child !== skip)
          stack.push({ value: child, key: index, parent: visit });
      }
    } else {
      for (const key of Object.keys(value as object)) {
        if (isReservedKey(key)) return { path: pathOf(visit, key), message: RESERVED_KEY_MESSAGE };
        const child: unknown = (value as Record<string, unknown>)[key];
        if (nulIn(key) || nulIn(child)) return { path: pathOf(visit, key), message: NUL_MESSAGE };
        if (child !== null && typeof child === "object" && child !== skip)
          stack.push({ value: child, key, parent: visit });
      }
    }
  }
}

/**
 * Whether arrays and objects nest more than `max` levels (a scalar is 0, `[]`
 * and `{}` are 1). Iterative, so a million-level body costs no stack, and it
 * stops at the first value past the limit.
 */
export function deeperThan(root: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  for (;;) {
    const next = stack.pop();
    if (!next) return false;
    const { value, depth } = next;
    if (value === null || typeof value !== "object") continue;
    if (depth + 1 > max) return true;
    const children = Array.isArray(value) ? value : Object.values(value);
    // Scalars add no depth: only arrays and objects are stacked.
    for (const child of children)
      if (child !== null && typeof child === "object") stack.push({ value: child, depth: depth + 1 });
  }
}
