import { sql } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { encodeCursor, type Health } from "../../shared/api/catalogue";
import { dialectOf } from "../db/connection";
import type { Db } from "../db/open";
import { rawAll, rawGet } from "../db/raw";
import type { PhotoStore } from "../files/photo-store";
import { catalogueHead, countPublished } from "../guides/repository";

/** How long a good storage check holds: monitors poll every few seconds, and a syscall pair per poll adds up. */
export const STORAGE_CHECK_MS = 5_000;

export interface HealthOptions {
  /** Where page files are kept (server/files/photo-store.ts); "not-configured" without it. */
  photos?: PhotoStore | undefined;
  /** The clock for the storage check's interval; tests inject a fake one. */
  now?: () => Date;
}

/**
 * The storage check (a writable folder, or a bucket that answers), remembered
 * for STORAGE_CHECK_MS when it passed. A failure is never remembered: every
 * request re-checks until the store is back, so recovery shows at once and a
 * failure shows within the interval.
 */
function storageProbe(photos: PhotoStore | undefined, now: () => Date): () => Promise<Health["storage"]> {
  if (!photos) return async () => "not-configured";
  let goodUntil = Number.NEGATIVE_INFINITY;
  return async () => {
    const at = now().getTime();
    if (at < goodUntil) return "ok";
    const status = (await photos.check()) ? "ok" : "error";
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

type Replication = NonNullable<Health["replication"]>;

/** A number from PostgreSQL (float8, or text from a type without a parser), or null. */
function numberOrNull(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * PostgreSQL's replication as /api/health shows it (issue 16): the role, and
 * the lag where the server can measure it. On a replica (pg_is_in_recovery()):
 * now() - pg_last_xact_replay_timestamp() and the WAL received but not yet
 * replayed. On a primary: pg_stat_replication's replay_lag and the bytes not
 * yet replayed per streaming replica (empty without replicas; the lag columns
 * are null for a role without pg_monitor or pg_read_all_stats, and replay_lag
 * turns null a while after an idle replica caught up). No names, addresses or
 * settings: nothing a caller could use against the database.
 */
export async function postgresReplication(db: Db): Promise<Replication> {
  const self = await rawGet<{ inRecovery: boolean; lagSeconds: unknown; lagBytes: unknown }>(
    db,
    sql`SELECT pg_is_in_recovery() AS "inRecovery",
      CASE WHEN pg_is_in_recovery()
        THEN EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 END AS "lagSeconds",
      CASE WHEN pg_is_in_recovery()
        THEN pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::float8 END AS "lagBytes"`,
  );
  if (self?.inRecovery) {
    return {
      role: "replica",
      lagSeconds: numberOrNull(self.lagSeconds),
      lagBytes: numberOrNull(self.lagBytes),
    };
  }
  const replicas = await rawAll<{ state: unknown; replayLagSeconds: unknown; replayLagBytes: unknown }>(
    db,
    sql`SELECT state,
      EXTRACT(EPOCH FROM replay_lag)::float8 AS "replayLagSeconds",
      pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 AS "replayLagBytes"
      FROM pg_stat_replication ORDER BY pid`,
  );
  return {
    role: "primary",
    replicas: replicas.map((row) => ({
      state: typeof row.state === "string" ? row.state : "unknown",
      replayLagSeconds: numberOrNull(row.replayLagSeconds),
      replayLagBytes: numberOrNull(row.replayLagBytes),
    })),
  };
}

/** The replication, or undefined when it cannot be read: a monitor still gets the rest of the answer. */
async function replicationOrNothing(db: Db): Promise<Replication | undefined> {
  try {
    return await postgresReplication(db);
  } catch {
    return undefined;
  }
}

export function healthRoutes(db: Db, { photos, now = () => new Date() }: HealthOptions = {}): Hono {
  const routes = new Hono();
  const storageStatus = storageProbe(photos, now);
  // The published count only changes when the catalogue head moves: counted once per change.
  let counted: { key: string; guides: number } | undefined;
  const engine = dialectOf(db);
  routes.get("/", async (c) => {
    const storage = await storageStatus();
    try {
      const head = await catalogueHead(db);
      const key = `${head.seq}.${head.stamp}`;
      if (counted?.key !== key) counted = { key, guides: await countPublished(db) };
      const replication = engine === "postgres" ? await replicationOrNothing(db) : undefined;
      return healthAnswer(
        c,
        {
          status: storage === "error" ? "degraded" : "ok",
          database: "ok",
          storage,
          guides: counted.guides,
          cursor: encodeCursor(head.seq),
          engine,
          ...(replication ? { replication } : {}),
        },
        storage === "error" ? 503 : 200,
      );
    } catch {
      return healthAnswer(
        c,
        { status: "degraded", database: "error", storage, guides: 0, cursor: encodeCursor(0), engine },
        503,
      );
    }
  });
  return routes;
}
