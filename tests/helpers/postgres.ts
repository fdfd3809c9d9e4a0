import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./free-port";

/**
 * A throw-away PostgreSQL 15 cluster for tests: initdb into a temporary
 * folder, started on a free port of 127.0.0.1 (socket in the same folder),
 * trust authentication, no locale (text compares byte by byte, as SQLite's
 * does), durability off. Stopped (pg_ctl stop -m fast) and removed by `stop`,
 * or at the latest when the process exits.
 *
 * In a test file: `createTestDatabase()` per test (the first call starts
 * this process's cluster) and `afterAll(stopPostgres)`; `startPostgres()`
 * gives a cluster of one's own (pass its `url` to createTestDatabase).
 * As a vitest globalSetup (one cluster for the whole run), point
 * `globalSetup` at this file: `setup` starts the cluster and publishes its
 * admin URL in MASDARIN_TEST_POSTGRES_URL (and `provide("postgresUrl")`),
 * which `createTestDatabase` then uses; `teardown` stops it.
 */

const run = promisify(execFile);
const POSTGRES_BIN = "/usr/lib/postgresql/15/bin";
const URL_VARIABLE = "MASDARIN_TEST_POSTGRES_URL";

export interface TestPostgres {
  /** The admin URL: superuser `postgres`, database `postgres`. */
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
}

/** Where initdb and pg_ctl are, or undefined when PostgreSQL is not installed. */
export function postgresBinaries(): string | undefined {
  if (existsSync(join(POSTGRES_BIN, "initdb"))) return POSTGRES_BIN;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) return dir;
  }
  return undefined;
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user. */
export function asOwner(command: string, args: string[]): [string, string[]] {
  return userInfo().uid === 0 ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

function ownerIds(): { uid: number; gid: number } {
  const line = execFileSync("id", ["postgres"], { encoding: "utf8" });
  const uid = /uid=(\d+)/.exec(line)?.[1];
  const gid = /gid=(\d+)/.exec(line)?.[1];
  if (!uid || !gid) throw new Error(`cannot read the postgres user's ids from: ${line}`);
  return { uid: Number(uid), gid: Number(gid) };
}

/** Starts a fresh cluster; see the module comment. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new Error(`PostgreSQL 15 is not installed (no initdb in ${POSTGRES_BIN} or on PATH)`);
  const dir = mkdtempSync(join(tmpdir(), "masdarin-pg-"));
  if (userInfo().uid === 0) {
    const { uid, gid } = ownerIds();
    chownSync(dir, uid, gid);
  }
  const data = join(dir, "data");
  const pgCtl = join(bin, "pg_ctl");
  const port = await freePort();
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", stopNow);
    try {
      const [command, args] = asOwner(pgCtl, ["-D", data, "stop", "-m", "fast", "-w"]);
      execFileSync(command, args, { stdio: "ignore" });
    } catch {
      // Not running (start failed), or already gone.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stopNow);
  try {
    const [initCommand, initArgs] = asOwner(join(bin, "initdb"), [
      "-D",
      data,
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--no-locale",
      "--no-sync",
    ]);
    await run(initCommand, initArgs);
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=100",
    ].join(" ");
    // -l: the server's output goes to a file, so pg_ctl's own output pipe closes when it returns.
    const [startCommand, startArgs] = asOwner(pgCtl, [
      "-D",
      data,
      "-l",
      join(dir, "server.log"),
      "-o",
      options,
      "start",
      "-w",
    ]);
    await run(startCommand, startArgs);
  } catch (error) {
    stopNow();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop: async () => stopNow(),
  };
}

let shared: Promise<TestPostgres> | undefined;

/** The run's cluster (globalSetup's), or one started for this process on first use. */
export async function adminUrl(): Promise<string> {
  const published = process.env[URL_VARIABLE];
  if (published) return published;
  shared ??= startPostgres();
  return (await shared).url;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Stops the cluster adminUrl started for this process, if it did (a test file's afterAll). */
export async function stopPostgres(): Promise<void> {
  const cluster = shared;
  shared = undefined;
  await (await cluster)?.stop();
}

let created = 0;

/**
 * A new, empty database on the test cluster (a copy of `templateName`, which
 * nobody may be connected to, when given): its URL. Names are unique per
 * process, so test files running side by side never meet.
 */
export async function createTestDatabase(templateName?: string, admin?: string): Promise<string> {
  admin ??= await adminUrl();
  created += 1;
  const name = `test_${process.pid}_${created}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const template = templateName ? ` TEMPLATE ${quoted(templateName)}` : "";
    await client.query(`CREATE DATABASE ${quoted(name)}${template}`);
  } finally {
    await client.end();
  }
  return withDatabase(admin, name);
}

/** Drops a database made by createTestDatabase, closing whatever is still connected to it. */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

let globalCluster: TestPostgres | undefined;

/** vitest globalSetup: one cluster for the whole run. */
export async function setup(project?: { provide?: (key: string, value: unknown) => void }): Promise<void> {
  globalCluster = await startPostgres();
  process.env[URL_VARIABLE] = globalCluster.url;
  project?.provide?.("postgresUrl", globalCluster.url);
}

/** vitest globalSetup's end. */
export async function teardown(): Promise<void> {
  await globalCluster?.stop();
  globalCluster = undefined;
  delete process.env[URL_VARIABLE];
}
