import { promisify } from "node:util";
import { gzip, gzipSync } from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";

/** Below this many bytes a gzip header and a CPU pass cost more than they save (an MTU holds ~1,400). */
export const COMPRESS_THRESHOLD = 1024;

/** Above this, gzip runs on libuv's pool so a large console list does not hold the event loop. */
const ASYNC_ABOVE = 64 * 1024;

const gzipAsync = promisify(gzip);

export type Encoding = "br" | "gzip" | "identity";

/**
 * The best of `offered` that the client accepts (RFC 9110 §12.5.3): the
 * highest q-value wins, `offered`'s order breaks ties, a missing header means
 * identity. Identity is the fallback even when the client refuses it: a body
 * it can read late beats a 406 it cannot act on.
 */
export function negotiateEncoding(acceptEncoding: string | undefined, offered: readonly Encoding[]): Encoding {
  if (!acceptEncoding) return "identity";
  let wildcard: number | undefined;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [rawName, ...params] = part.split(";");
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split("=");
      if (key?.trim().toLowerCase() === "q") q = Number(value?.trim() ?? "1");
    }
    if (!Number.isFinite(q)) q = 0;
    if (name === "*") wildcard = q;
    else weights.set(name, q);
  }
  let best: Encoding = "identity";
  let bestQ = 0;
  for (const encoding of offered) {
    const q = weights.get(encoding) ?? (encoding === "identity" ? 1 : (wildcard ?? 0));
    if (q > bestQ) {
      best = encoding;
      bestQ = q;
    }
  }
  return best;
}

function isJson(type: string | null): boolean {
  return type?.startsWith("application/json") ?? false;
}

function addVary(headers: Headers): void {
  const vary = headers.get("Vary");
  if (!vary) headers.set("Vary", "Accept-Encoding");
  else if (vary !== "*" && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) {
    headers.set("Vary", `${vary}, Accept-Encoding`);
  }
}

type JsonArgs = [arg?: unknown, headers?: unknown];
type BodyFn = (data: string | Uint8Array<ArrayBuffer>, ...rest: JsonArgs) => Response;

/**
 * Compression for the API's JSON answers, which are always built whole by
 * c.json: the middleware replaces c.json for the request so the text is
 * measured as it is made, never read back from the Response (reading a body
 * back costs more than building it). Small answers go out as they are with
 * their Content-Length (hono/compress only skips small bodies whose length it
 * knows, and c.json sets none, so it gzipped a 75-byte health answer); larger
 * ones are gzipped in one call with their compressed length; the largest are
 * gzipped on libuv's pool after the handler. Answers that set their own
 * Content-Encoding or Content-Length (the catalogue, health, errors), and
 * anything not JSON (streams, files), pass through for hono/compress to judge.
 * No API answer asks for no-transform, so Cache-Control is not consulted.
 */
export function compressJson(threshold = COMPRESS_THRESHOLD): MiddlewareHandler {
  return async function compressJson(c, next) {
    const body = c.body as unknown as BodyFn;
    const json = (object: unknown, ...rest: JsonArgs): Response => {
      const text = JSON.stringify(object);
      const length = Buffer.byteLength(text);
      c.header("Content-Type", "application/json");
      // Set afresh on every call: a second answer must not inherit the first one's length or encoding.
      c.header("Content-Encoding", undefined);
      if (length < threshold) {
        c.header("Content-Length", String(length));
        return body(text, ...rest);
      }
      c.header("Vary", "Accept-Encoding");
      if (length > ASYNC_ABOVE) {
        c.header("Content-Length", undefined);
        return body(text, ...rest);
      }
      const encoding =
        c.req.method === "HEAD" ? "identity" : negotiateEncoding(c.req.header("Accept-Encoding"), OFFERED);
      const bytes = encoding === "identity" ? Buffer.from(text) : gzipSync(text);
      if (encoding !== "identity") c.header("Content-Encoding", encoding);
      c.header("Content-Length", String(bytes.byteLength));
      return body(bytes, ...rest);
    };
    c.json = json as unknown as typeof c.json;
    await next();
    await compressLarge(c.req.method, c.req.header("Accept-Encoding"), c);
  };
}

const OFFERED: readonly Encoding[] = ["gzip", "identity"];

/** The largest JSON answers, left by c.json without a length: gzipped off the event loop. */
async function compressLarge(method: string, acceptEncoding: string | undefined, c: Context): Promise<void> {
  const res = c.res;
  const headers = res.headers;
  if (
    method === "HEAD" ||
    res.status === 204 ||
    res.status === 304 ||
    !res.body ||
    headers.has("Content-Encoding") ||
    headers.has("Content-Length") ||
    !isJson(headers.get("Content-Type"))
  ) {
    return;
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const encoding = bytes.byteLength < COMPRESS_THRESHOLD ? "identity" : negotiateEncoding(acceptEncoding, OFFERED);
  const out = encoding === "identity" ? bytes : await gzipAsync(bytes);
  c.res = new Response(out, res);
  c.res.headers.set("Content-Length", String(out.byteLength));
  if (bytes.byteLength >= COMPRESS_THRESHOLD) addVary(c.res.headers);
  if (encoding !== "identity") c.res.headers.set("Content-Encoding", encoding);
}
