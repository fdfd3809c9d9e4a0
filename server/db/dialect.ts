import type { Dialect } from "./connection";

/** True for a PostgreSQL connection string (postgres:// or postgresql://). */
export function isPostgresUrl(target: string | undefined): boolean {
  return target !== undefined && /^postgres(ql)?:\/\//i.test(target);
}

/**
 * The dialect this process runs on: PostgreSQL when DATABASE_URL names one,
 * SQLite otherwise. Read once, when server/db/schema.ts picks its tables, so
 * DATABASE_URL must be set before the server's modules load.
 */
export function activeDialect(env: NodeJS.ProcessEnv = process.env): Dialect {
  return isPostgresUrl(env.DATABASE_URL) ? "postgres" : "sqlite";
}

/**
 * What to open (server/db/open.ts openDatabase): DATABASE_URL when it names
 * PostgreSQL, else the SQLite file. `openDatabase(databaseTarget(join(config.dataDir, "masdarin.sqlite")))`.
 */
export function databaseTarget(sqliteFile: string, env: NodeJS.ProcessEnv = process.env): string {
  return isPostgresUrl(env.DATABASE_URL) && env.DATABASE_URL ? env.DATABASE_URL : sqliteFile;
}
