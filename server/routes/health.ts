import { accessSync, constants, mkdirSync } from "node:fs";
import { Hono } from "hono";
import { encodeCursor, type Health } from "../../shared/api/catalogue";
import type { Db } from "../db/open";
import { countPublished, currentChangeSeq } from "../guides/repository";

function storageStatus(filesDir: string | undefined): Health["storage"] {
  if (!filesDir) return "not-configured";
  try {
    mkdirSync(filesDir, { recursive: true });
    accessSync(filesDir, constants.W_OK);
    return "ok";
  } catch {
    return "error";
  }
}

export function healthRoutes(db: Db, filesDir?: string): Hono {
  const routes = new Hono();
  routes.get("/", (c) => {
    c.header("Cache-Control", "no-store");
    const storage = storageStatus(filesDir);
    try {
      const body: Health = {
        status: storage === "error" ? "degraded" : "ok",
        database: "ok",
        storage,
        guides: countPublished(db),
        cursor: encodeCursor(currentChangeSeq(db)),
      };
      return c.json(body, storage === "error" ? 503 : 200);
    } catch {
      const body: Health = { status: "degraded", database: "error", storage, guides: 0, cursor: encodeCursor(0) };
      return c.json(body, 503);
    }
  });
  return routes;
}
