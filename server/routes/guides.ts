import type { Context } from "hono";
import { Hono } from "hono";
import { decodeCursor } from "../../shared/api/catalogue";
import { Slug } from "../../shared/guide";
import type { Db } from "../db/open";
import { CatalogueCache, type EncodedBody } from "../guides/catalogue-cache";
import { COMPRESS_THRESHOLD, negotiateEncoding } from "../http/compress";
import { apiError } from "../http/errors";

const ALLOWED_QUERY = new Set(["since"]);
const OFFERED = ["br", "gzip", "identity"] as const;

function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  return ifNoneMatch?.split(",").some((candidate) => candidate.trim() === tag) ?? false;
}

/**
 * Answers from the cache: a 304 when the client's tag is current, otherwise
 * the stored bytes in the best encoding the client takes, with their length.
 * Phones revalidate (no-cache), so the tag is checked before any body is read.
 */
async function answer(c: Context, tag: string, body: () => Promise<EncodedBody>): Promise<Response> {
  c.header("Cache-Control", "no-cache");
  c.header("ETag", tag);
  c.header("Vary", "Accept-Encoding");
  if (matches(c.req.header("If-None-Match"), tag)) return c.body(null, 304);
  const encoded = await body();
  const coding =
    encoded.identity.byteLength < COMPRESS_THRESHOLD
      ? "identity"
      : negotiateEncoding(c.req.header("Accept-Encoding"), OFFERED);
  const bytes = coding === "identity" ? encoded.identity : encoded.encoded(coding);
  if (coding !== "identity") c.header("Content-Encoding", coding);
  c.header("Content-Type", "application/json");
  c.header("Content-Length", String(bytes.byteLength));
  return c.body(bytes);
}

export function guideRoutes(db: Db): Hono {
  const routes = new Hono();
  const cache = new CatalogueCache(db);

  routes.get("/", async (c) => {
    const query = c.req.queries();
    for (const [name, values] of Object.entries(query)) {
      if (!ALLOWED_QUERY.has(name)) return apiError(c, 400, "invalid_query", { parameter: name });
      if (values.length > 1) return apiError(c, 400, "invalid_query", { parameter: name, reason: "repeated" });
    }
    const since = c.req.query("since");
    const head = await cache.head();
    let sinceSeq: number | undefined;
    if (since !== undefined) {
      const decoded = decodeCursor(since);
      if (decoded === null) return apiError(c, 400, "invalid_cursor", { parameter: "since" });
      // A cursor from the future means the server's database was replaced
      // (restore, reinstall): the only safe answer is the whole catalogue.
      sinceSeq = decoded <= head.seq ? decoded : undefined;
    }
    return answer(c, cache.tagFor(head, sinceSeq), () => cache.page(head, sinceSeq));
  });

  routes.get("/:id", async (c) => {
    const id = c.req.param("id");
    if (!Slug.safeParse(id).success) return apiError(c, 400, "invalid_guide_id");
    if (Object.keys(c.req.queries()).length > 0) return apiError(c, 400, "invalid_query");
    const found = await cache.guide(id);
    if (found.status === "missing") return apiError(c, 404, "guide_not_found", { id });
    if (found.status === "withdrawn") return apiError(c, 410, "guide_withdrawn", { id });
    return answer(c, found.tag, found.body);
  });

  return routes;
}
