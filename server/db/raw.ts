import type { SQL } from "drizzle-orm";
import { connectionOf, type Db } from "./connection";

/**
 * Hand-written SQL for the hot paths and reports, on either dialect: write it
 * with drizzle's `sql` template (parameters bound, placeholders per dialect)
 * and only in SQL both engines speak, or pick per dialect with
 * `dialectOf(db)`. Rows come back as objects keyed by the column aliases
 * (quote camelCase aliases, `AS "userId"`: PostgreSQL folds unquoted names to
 * lower case).
 */
export async function rawAll<T>(db: Db, query: SQL): Promise<T[]> {
  return (await connectionOf(db).all(db, query)) as T[];
}

export async function rawGet<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rawAll<T>(db, query))[0];
}

/** Runs a statement; resolves with the number of rows it changed. */
export async function rawRun(db: Db, query: SQL): Promise<number> {
  return connectionOf(db).run(db, query);
}
