import { execFile } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { scrubRestored } from "../retention/on-file";
import { type BackupOptions, type BackupResult, photosOf } from "./backup";
import { exportPhoto, importPhotos } from "./photo-copies";

/**
 * `npm run backup`/`restore` when DATABASE_URL names PostgreSQL (issue 16):
 * pg_dump's custom format (-Fc) of the database plus the photos it refers
 * to, and pg_restore of such a dump followed by the photos and the retention.
 * The SQLite path is ./backup.ts; the folder layout is the same apart from
 * the database file.
 */

export const PG_DUMP_FILE = "masdarin.pgdump";

const run = promisify(execFile);
/** Debian's PostgreSQL 15 client; else pg_dump/pg_restore on PATH (PG_BIN overrides both). */
const DEBIAN_BIN = "/usr/lib/postgresql/15/bin";

/** Where pg_dump and pg_restore are: $PG_BIN, Debian's PostgreSQL 15 folder, or PATH. */
export function pgTool(name: "pg_dump" | "pg_restore", env: NodeJS.ProcessEnv = process.env): string {
  const dirs = [env.PG_BIN, DEBIAN_BIN, ...(env.PATH ?? "").split(delimiter)].filter((dir): dir is string =>
    Boolean(dir),
  );
  for (const dir of dirs) {
    if (existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(
    `${name} was not found (looked in PG_BIN, ${DEBIAN_BIN} and PATH). Install the PostgreSQL client ` +
      "(apt-get install postgresql-client-15) or set PG_BIN to its folder; it must not be older than the server.",
  );
}

/**
 * The connection for pg_dump/pg_restore without the password on their
 * command line (where `ps` shows it to every user): the URL without it, and
 * the password in PGPASSWORD.
 */
function clientArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

/** A failed pg tool's own words (its stderr), never the URL with a password. */
async function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv, what: string): Promise<void> {
  try {
    await run(tool, args, { env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const detail = typeof stderr === "string" && stderr.trim() ? stderr.trim() : (error as Error).message;
    throw new Error(`${what} failed: ${detail.replace(/postgres(ql)?:\/\/[^\s"']*/gi, "postgres://…")}`);
  }
}

/**
 * A consistent backup of a running PostgreSQL deployment into `destination`:
 * masdarin.pgdump (pg_dump -Fc) and files/ with every photo the dump lists.
 *
 * Retention: a dump cannot be scrubbed in place as SQLite's snapshot is,
 * and a backup must not change the live data behind the admin's back, so
 * the dump holds the database as it is (the admin runs the retention at
 * /konsol/privasi as before); every restore scrubs what is past the period
 * before the restored data is served (restorePostgres). `scrubbed` is
 * therefore always zero here.
 *
 * Then one REPEATABLE READ transaction exports its snapshot; pg_dump dumps
 * exactly that snapshot (--snapshot) and the photo list is read in it, so
 * the photos copied are exactly those the dump refers to. Photos are written
 * before their row commits and never change, so each one is complete.
 */
export async function backupPostgres(
  url: string,
  dataDir: string,
  destination: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const pgDump = pgTool("pg_dump");
  const photos = photosOf(dataDir, options);

  mkdirSync(join(destination, "files"), { recursive: true });
  const target = join(destination, PG_DUMP_FILE);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let copied = 0;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]?.id;
    if (!snapshot) throw new Error("PostgreSQL gave no snapshot to dump.");
    const { dbname, env } = clientArgs(url);
    await runTool(
      pgDump,
      ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${target}`, dbname],
      env,
      "pg_dump",
    );
    const hashes = await client.query<{ sha256: string }>("SELECT sha256 FROM files");
    for (const { sha256 } of hashes.rows) if (await exportPhoto(photos, sha256, join(destination, "files"))) copied++;
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  writeFileSync(
    join(destination, "BACKUP.json"),
    `${JSON.stringify({ createdAt: new Date().toISOString(), engine: "postgres", files: copied })}\n`,
  );
  return { database: target, files: copied, scrubbed: { files: 0, complaints: 0, photos: 0 } };
}

/** The office's retention in the database about to be replaced; undefined when it has none (empty, new). */
async function retentionInDatabase(url: string): Promise<number | null | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ value: unknown }>(
      "SELECT value::text AS value FROM office_settings WHERE key = 'closedFileRetentionDays'",
    );
    const raw = result.rows[0]?.value;
    const days = typeof raw === "string" ? (JSON.parse(raw) as unknown) : null;
    return typeof days === "number" ? days : null;
  } catch {
    // No office_settings table: an empty database, nothing to be stricter than.
    return undefined;
  } finally {
    await client.end();
  }
}

/**
 * Puts a PostgreSQL backup in place: pg_restore --clean --if-exists in one
 * transaction (all or nothing; the database named by DATABASE_URL must exist
 * and app servers should be stopped), then the photos into `dataDir/files`.
 *
 * Then, as the server would at its start, the schema is migrated (a backup
 * from an older version) and the retention is run on the restored database
 * with the stricter of its own period and the replaced database's, deleting
 * expired photos: an old backup must not bring back what has since expired.
 */
export async function restorePostgres(
  source: string,
  url: string,
  dataDir: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const dump = join(source, PG_DUMP_FILE);
  if (!existsSync(dump)) {
    if (existsSync(join(source, "masdarin.sqlite"))) {
      throw new Error(`${source} is a SQLite backup: restore it without DATABASE_URL, into DATA_DIR.`);
    }
    throw new Error(`No ${PG_DUMP_FILE} in ${source}: not a Masdarin PostgreSQL backup.`);
  }
  const pgRestore = pgTool("pg_restore");
  // Reads the dump's table of contents: a truncated or foreign file stops here, before anything is dropped.
  await runTool(pgRestore, ["--list", dump], process.env, "Reading the backup's dump (pg_restore --list)");
  const replaced = await retentionInDatabase(url);
  const { dbname, env } = clientArgs(url);
  await runTool(
    pgRestore,
    [
      "--clean",
      "--if-exists",
      "--single-transaction",
      "--exit-on-error",
      "--no-owner",
      "--no-privileges",
      `--dbname=${dbname}`,
      dump,
    ],
    env,
    "pg_restore",
  );

  const photos = photosOf(dataDir, options);
  mkdirSync(photos.workDir, { recursive: true });
  const copied = await importPhotos(photos, join(source, "files"));
  // scrubRestored opens its target through openDatabase: a URL works as a file does.
  const totals = (await scrubRestored(url, photos, replaced ?? null, options.now ?? new Date())).report.totals;
  return {
    database: describeUrl(url),
    files: copied,
    scrubbed: { files: totals.files, complaints: totals.complaints, photos: totals.photos },
  };
}

function describeUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
}
