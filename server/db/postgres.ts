import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SQL } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { type Connection, type Db, registerConnection } from "./connection";
import * as schema from "./schema-pg";

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "migrations-pg");

/** Any number; held while migrating and seeding, so app servers starting at once prepare the database one after another. */
const MIGRATION_LOCK = 0x6d61_7364;

type PgDb = NodePgDatabase<typeof schema>;

/**
 * Values read back as the SQLite side reads them. Process-wide on purpose:
 * drizzle passes its own per-query parsers that fall back to pg's global
 * registry, so a pool's `types` option would not reach them.
 * - int8 (bigint columns, count(*), sum of integers) and numeric (sum of
 *   bigints, avg) → number, as SQLite returns them; exact below 2^53.
 * - jsonb and json → their text, as a SQLite JSON column reads through raw SQL
 *   (callers JSON.parse it); drizzle's json(b) columns parse the text themselves.
 */
function installTypeParsers(): void {
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));
  pg.types.setTypeParser(pg.types.builtins.JSONB, (value: string) => value);
  pg.types.setTypeParser(pg.types.builtins.JSON, (value: string) => value);
}

/**
 * Opens a PostgreSQL database (DATABASE_URL=postgres://…) behind the same
 * `Db` interface as SQLite and brings its schema up to date with the
 * committed server/migrations-pg (drizzle-kit generate --config
 * drizzle.pg.config.ts). The tables are schema-pg.ts; repository code reaches
 * them through ./schema, which picks them when DATABASE_URL names PostgreSQL.
 */
export async function openPostgres(url: string): Promise<Db> {
  installTypeParsers();
  const pool = new pg.Pool({ connectionString: url });
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  const db = drizzle({ client: pool, schema });
  try {
    await migrateLocked(pool, db);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const connection: Connection = {
    dialect: "postgres",
    async all(on, query: SQL) {
      return (await (on as unknown as PgDb).execute(query)).rows;
    },
    async run(on, query: SQL) {
      return (await (on as unknown as PgDb).execute(query)).rowCount ?? 0;
    },
    prepareExclusively: (work) => holdingPreparationLock(pool, work),
    async close() {
      await pool.end();
    },
  };
  // A transaction runs on a client of its own, under a session of its own:
  // register that too, so rawAll(tx, …) and withTransaction(tx, …) find it.
  // Savepoints share their transaction's session.
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) =>
    transaction((tx) => {
      registerConnection(tx as unknown as Db, connection);
      return work(tx);
    }, config)) as typeof db.transaction;

  registerConnection(db as unknown as Db, connection);
  return db as unknown as Db;
}

/** Runs `work` holding the preparation lock on a connection of its own (session-level advisory lock). */
async function holdingPreparationLock<T>(pool: pg.Pool, work: () => Promise<T>): Promise<T> {
  const lock = await pool.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      return await work();
    } finally {
      await lock.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    lock.release();
  }
}

async function migrateLocked(pool: pg.Pool, db: PgDb): Promise<void> {
  await holdingPreparationLock(pool, () => migrate(db, { migrationsFolder: MIGRATIONS_DIR }));
}
