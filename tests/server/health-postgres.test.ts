import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { closeDatabase, type Db, registerConnection } from "../../server/db/connection";
import { activeDialect } from "../../server/db/dialect";
import { openPostgres } from "../../server/db/postgres";
import { postgresReplication } from "../../server/routes/health";
import { Health } from "../../shared/api/catalogue";
import { freePort } from "../helpers/free-port";
import { asOwner, postgresBinaries, startPostgres, type TestPostgres } from "../helpers/postgres";
import { tempDatabase } from "../helpers/temp-db";

/*
 * Issue 16: /api/health names the database engine and, on PostgreSQL, the
 * server's role and its replication lag. The first part runs on whichever
 * dialect the run uses; the second starts a primary and a real streaming
 * replica (pg_basebackup -R) of its own.
 */

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("GET /api/health names the engine", () => {
  it("reports the engine, and on PostgreSQL a primary without replicas", async () => {
    const env = await tempDatabase();
    cleanups.push(env.cleanup);
    const response = await createApp({ db: env.db }).request("/api/health");
    expect(response.status).toBe(200);
    const health = Health.parse(await response.json());
    expect(health).toMatchObject({ status: "ok", database: "ok", engine: activeDialect() });
    if (activeDialect() === "postgres") expect(health.replication).toEqual({ role: "primary", replicas: [] });
    else expect(health.replication).toBeUndefined();
  });
});

/** A Db over a hot standby, for the raw health queries only: openPostgres would try to migrate it. */
function standbyDb(url: string): { db: Db; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: url });
  const db = drizzle({ client: pool });
  registerConnection(db as unknown as Db, {
    dialect: "postgres",
    all: async (_on, query: SQL) => (await db.execute(query)).rows,
    run: async (_on, query: SQL) => (await db.execute(query)).rowCount ?? 0,
    close: () => pool.end(),
  });
  return { db: db as unknown as Db, close: () => pool.end() };
}

describe.skipIf(postgresBinaries() === undefined)("replication on a real streaming replica", () => {
  let primary: TestPostgres | undefined;
  afterAll(async () => primary?.stop());

  it("the primary lists its streaming replica with the lag; the replica says it is one, with its lag", async () => {
    const bin = postgresBinaries() ?? "";
    primary = await startPostgres();
    const replicaData = join(primary.dir, "replica");
    const replicaPort = await freePort();
    // initdb's trust rules admit replication connections from 127.0.0.1; -R writes standby.signal and primary_conninfo.
    const [backup, backupArgs] = asOwner(join(bin, "pg_basebackup"), [
      "-h",
      "127.0.0.1",
      "-p",
      String(primary.port),
      "-U",
      "postgres",
      "-D",
      replicaData,
      "-R",
      "-X",
      "stream",
      "--no-sync",
    ]);
    await run(backup, backupArgs);
    const options = `-p ${replicaPort} -k ${primary.dir} -c listen_addresses=127.0.0.1 -c hot_standby=on`;
    const [start, startArgs] = asOwner(join(bin, "pg_ctl"), [
      "-D",
      replicaData,
      "-l",
      join(primary.dir, "replica.log"),
      "-o",
      options,
      "start",
      "-w",
    ]);
    await run(start, startArgs);
    // Stopped before the primary's cluster folder (which holds it) is removed.
    cleanups.push(async () => {
      const [stop, stopArgs] = asOwner(join(bin, "pg_ctl"), ["-D", replicaData, "stop", "-m", "immediate", "-w"]);
      await run(stop, stopArgs).catch(() => undefined);
    });

    // The primary through the server's own opener (migrated), the replica raw.
    const primaryDb = await openPostgres(primary.url);
    cleanups.push(() => closeDatabase(primaryDb));
    const replicaUrl = primary.url.replace(`:${primary.port}/`, `:${replicaPort}/`);
    const replica = standbyDb(replicaUrl);
    cleanups.push(replica.close);

    // A write on the primary, replayed on the replica: the replica then has a last replayed commit.
    const client = new pg.Client({ connectionString: primary.url });
    await client.connect();
    try {
      await client.query("CREATE TABLE replicated (n int)");
      await client.query("INSERT INTO replicated VALUES (1)");
    } finally {
      await client.end();
    }
    // Until the primary reports the replica streaming (a state, not a time).
    const primaryView = await vi.waitFor(
      async () => {
        const view = await postgresReplication(primaryDb);
        if (view.replicas?.[0]?.state !== "streaming") throw new Error("the replica is not streaming yet");
        return view;
      },
      { timeout: 90_000, interval: 100 },
    );
    expect(primaryView.role).toBe("primary");
    expect(primaryView.replicas).toHaveLength(1);
    expect(primaryView.replicas?.[0]?.state).toBe("streaming");
    expect(primaryView.replicas?.[0]?.replayLagBytes).toBeGreaterThanOrEqual(0);

    const replicaView = await vi.waitFor(
      async () => {
        const view = await postgresReplication(replica.db);
        if (view.lagSeconds == null) throw new Error("the replica has replayed nothing yet");
        return view;
      },
      { timeout: 90_000, interval: 100 },
    );
    expect(replicaView.role).toBe("replica");
    expect(replicaView.replicas).toBeUndefined();
    expect(replicaView.lagSeconds).toBeGreaterThanOrEqual(0);
    expect(replicaView.lagSeconds).toBeLessThan(60);
    expect(replicaView.lagBytes).toBeGreaterThanOrEqual(0);

    // docs/DEPLOY.md: an app server cannot be pointed at the replica (it migrates at start; a standby refuses).
    await expect(openPostgres(replicaUrl)).rejects.toThrow(/CREATE SCHEMA/);
  }, 120_000);
});
