import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/**
 * The server's repository code runs unchanged on SQLite and PostgreSQL
 * (issue 16): only server/db/ knows a driver. These are the forms that work
 * on one dialect only: drizzle's synchronous SQLite executors, the
 * better-sqlite3 handle, and its synchronous transactions.
 */
const SQLITE_ONLY: Array<[RegExp, string]> = [
  [/\.(get|all|run)\(\s*\)/, "a synchronous SQLite executor (await the query instead)"],
  [/\$client/, "the driver handle (use server/db/raw.ts or sqliteDriver for maintenance)"],
  [/from "better-sqlite3"/, "the SQLite driver"],
  [/\.transaction\(/, "a driver transaction (use withTransaction)"],
];

/** They work on a SQLite backup file itself (copy, check, read its settings): PostgreSQL's backups are pg_dump's. */
const SQLITE_FILE_TOOLS = new Set(["server/ops/backup.ts", "server/retention/on-file.ts"]);

describe("the server's data access is the same on SQLite and PostgreSQL", () => {
  const files = sources("server").filter(
    (file) => !file.startsWith("server/db/") && !file.includes("/migrations") && !SQLITE_FILE_TOOLS.has(file),
  );

  it("uses no SQLite-only query form outside server/db", () => {
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(join(root, file), "utf8").split("\n");
      lines.forEach((line, index) => {
        if (line.trimStart().startsWith("//") || line.trimStart().startsWith("*")) return;
        for (const [pattern, what] of SQLITE_ONLY) {
          // Map#get()/Set, Promise.all([...]) and friends take arguments; the executors take none.
          if (pattern.test(line)) found.push(`${file}:${index + 1} ${what}: ${line.trim()}`);
        }
      });
    }
    expect(found).toEqual([]);
  });

  it("finds the forms it forbids (the scan is not vacuous)", () => {
    const sample = 'db.select().from(users).get(); db.$client.prepare("x"); db.transaction((tx) => 1);';
    const hits = SQLITE_ONLY.filter(([pattern]) => pattern.test(sample)).length;
    expect(hits).toBe(3);
    expect(files.length).toBeGreaterThan(100);
  });
});
