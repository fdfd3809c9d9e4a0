import { promisify } from "node:util";
import { gzip, gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";

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

/**
 * Compression for the API's JSON answers, which are always built whole (c.json):
 * small ones go out as they are with their Content-Length (hono/compress only
 * skips small bodies whose length it knows, and c.json sets none, so it
 * gzipped a 75-byte health answer); larger ones are gzipped in one call with
 * their compressed length. Answers that set their own Content-Encoding (the
 * catalogue, compressed once per change) or Content-Length, and anything not
 * JSON (streams, files), pass through untouched for hono/compress to judge.
 */
export function compressJson(threshold = COMPRESS_THRESHOLD): MiddlewareHandler {
  return async function compressJson(c, next) {
    await next();
    const res = c.res;
    const headers = res.headers;
    if (
      c.req.method === "HEAD" ||
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
    const encoding =
      bytes.byteLength < threshold || /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(headers.get("Cache-Control") ?? "")
        ? "identity"
        : negotiateEncoding(c.req.header("Accept-Encoding"), ["gzip", "identity"]);
    const body =
      encoding === "identity" ? bytes : bytes.byteLength > ASYNC_ABOVE ? await gzipAsync(bytes) : gzipSync(bytes);
    c.res = new Response(body, res);
    const out = c.res.headers;
    out.set("Content-Length", String(body.byteLength));
    if (bytes.byteLength >= threshold) addVary(out);
    if (encoding !== "identity") out.set("Content-Encoding", encoding);
  };
}
