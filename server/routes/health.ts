import { accessSync, constants, mkdirSync } from "node:fs";
import { type Context, Hono } from "hono";
import { encodeCursor, type Health } from "../../shared/api/catalogue";
import type { Db } from "../db/open";
import { catalogueHead, countPublished } from "../guides/repository";

/** How long a good storage check holds: monitors poll every few seconds, and a syscall pair per poll adds up. */
export const STORAGE_CHECK_MS = 5_000;

export interface HealthOptions {
  /** Folder for uploaded page files; "not-configured" without it. */
  filesDir?: string;
  /** The clock for the storage check's interval; tests inject a fake one. */
  now?: () => Date;
}

function checkStorage(filesDir: string): Health["storage"] {
  try {
    mkdirSync(filesDir, { recursive: true });
    accessSync(filesDir, constants.W_OK);
    return "ok";
  } catch {
    return "error";
  }
}

/**
 * The storage check, remembered for STORAGE_CHECK_MS when it passed. A failure
 * is never remembered: every request re-checks until the folder is back, so
 * recovery shows at once and a failure shows within the interval.
 */
function storageProbe(filesDir: string | undefined, now: () => Date): () => Health["storage"] {
  if (!filesDir) return () => "not-configured";
  let goodUntil = Number.NEGATIVE_INFINITY;
  return () => {
    const at = now().getTime();
    if (at < goodUntil) return "ok";
    const status = checkStorage(filesDir);
    goodUntil = status === "ok" ? at + STORAGE_CHECK_MS : Number.NEGATIVE_INFINITY;
    return status;
  };
}

/** The answer with its length, so no compression middleware reads it back to measure it. */
function healthAnswer(c: Context, body: Health, status: 200 | 503): Response {
  const text = JSON.stringify(body);
  return c.body(text, status, {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(text)),
    "Cache-Control": "no-store",
  });
}

export function healthRoutes(db: Db, { filesDir, now = () => new Date() }: HealthOptions = {}): Hono {
  const routes = new Hono();
  const storageStatus = storageProbe(filesDir, now);
  // The published count only changes when the catalogue head moves: counted once per change.
  let counted: { key: string; guides: number } | undefined;
  routes.get("/", async (c) => {
    const storage = storageStatus();
    try {
      const head = await catalogueHead(db);
      const key = `${head.seq}.${head.stamp}`;
      if (counted?.key !== key) counted = { key, guides: await countPublished(db) };
      return healthAnswer(
        c,
        {
          status: storage === "error" ? "degraded" : "ok",
          database: "ok",
          storage,
          guides: counted.guides,
          cursor: encodeCursor(head.seq),
        },
        storage === "error" ? 503 : 200,
      );
    } catch {
      return healthAnswer(
        c,
        { status: "degraded", database: "error", storage, guides: 0, cursor: encodeCursor(0) },
        503,
      );
    }
  });
  return routes;
}
