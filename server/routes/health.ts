import { Hono } from "hono";
import { encodeCursor, type Health } from "../../shared/api/catalogue";
import type { Db } from "../db/open";
import { countPublished, currentChangeSeq } from "../guides/repository";

export function healthRoutes(db: Db): Hono {
  const routes = new Hono();
  routes.get("/", (c) => {
    c.header("Cache-Control", "no-store");
    try {
      const body: Health = {
        status: "ok",
        database: "ok",
        guides: countPublished(db),
        cursor: encodeCursor(currentChangeSeq(db)),
      };
      return c.json(body);
    } catch {
      const body: Health = { status: "degraded", database: "error", guides: 0, cursor: encodeCursor(0) };
      return c.json(body, 503);
    }
  });
  return routes;
}
