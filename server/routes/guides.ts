import { Hono } from "hono";
import { type CataloguePage, decodeCursor, encodeCursor, type GuideResponse } from "../../shared/api/catalogue";
import { Slug } from "../../shared/guide";
import type { Db } from "../db/open";
import { currentChangeSeq, getGuide, listGuides } from "../guides/repository";
import { apiError } from "../http/errors";

const ALLOWED_QUERY = new Set(["since"]);

/**
 * ETags come from the change counter, so a revalidation is answered with 304
 * before the catalogue is read or serialised. The epoch (new per process)
 * keeps a replaced database with a reused counter from matching old tags.
 */
function catalogueTag(epoch: string, head: number, scope: string): string {
  return `W/"${epoch}.${head}.${scope}"`;
}

function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  return ifNoneMatch?.split(",").some((candidate) => candidate.trim() === tag) ?? false;
}

export function guideRoutes(db: Db): Hono {
  const routes = new Hono();
  const epoch = Date.now().toString(36);

  routes.get("/", (c) => {
    const query = c.req.queries();
    for (const [name, values] of Object.entries(query)) {
      if (!ALLOWED_QUERY.has(name)) return apiError(c, 400, "invalid_query", { parameter: name });
      if (values.length > 1) return apiError(c, 400, "invalid_query", { parameter: name, reason: "repeated" });
    }
    const since = c.req.query("since");
    const head = currentChangeSeq(db);
    let sinceSeq: number | undefined;
    if (since !== undefined) {
      const decoded = decodeCursor(since);
      if (decoded === null) return apiError(c, 400, "invalid_cursor", { parameter: "since" });
      // A cursor from the future means the server's database was replaced
      // (restore, reinstall): the only safe answer is the whole catalogue.
      sinceSeq = decoded <= head ? decoded : undefined;
    }
    c.header("Cache-Control", "no-cache");
    const tag = catalogueTag(epoch, head, sinceSeq === undefined ? "all" : String(sinceSeq));
    c.header("ETag", tag);
    if (matches(c.req.header("If-None-Match"), tag)) return c.body(null, 304);
    const rows = listGuides(db, sinceSeq);
    const page: CataloguePage = {
      cursor: encodeCursor(head),
      reset: sinceSeq === undefined,
      guides: rows.filter((row) => !row.withdrawn).map((row) => row.guide),
      withdrawn: rows.filter((row) => row.withdrawn).map((row) => row.guide.id),
    };
    return c.json(page);
  });

  routes.get("/:id", (c) => {
    const id = c.req.param("id");
    if (!Slug.safeParse(id).success) return apiError(c, 400, "invalid_guide_id");
    if (Object.keys(c.req.queries()).length > 0) return apiError(c, 400, "invalid_query");
    const stored = getGuide(db, id);
    if (!stored) return apiError(c, 404, "guide_not_found", { id });
    if (stored.withdrawn) return apiError(c, 410, "guide_withdrawn", { id });
    c.header("Cache-Control", "no-cache");
    const tag = catalogueTag(epoch, stored.changeSeq, id);
    c.header("ETag", tag);
    if (matches(c.req.header("If-None-Match"), tag)) return c.body(null, 304);
    const body: GuideResponse = { guide: stored.guide };
    return c.json(body);
  });

  return routes;
}
