/**
 * The databases of bench/postgres-scale.ts, built in a child process of their own: server/db/schema.ts picks its
 * tables by DATABASE_URL once per process, so the SQLite office and the PostgreSQL one cannot be written from
 * the same process with the app's own functions.
 *
 * `sqlite <dataDir> <out.json>`: the 1,000,000-file office of bench/console.ts (BENCH_FILES; BENCH_DB_CACHE is
 * honoured), its rollups built as migration 0009/0011 build them for an existing database, into
 * <dataDir>/masdarin.sqlite.
 * `postgres <sqlite file> <out.json>` (DATABASE_URL set): a migrated, seeded PostgreSQL database, then the same
 * users, files, findings and dashboard rollups (dashboard_groups, _durations, _reasons, _clock) copied row for
 * row from that SQLite file (INSERT … SELECT FROM json_populate_recordset, 5,000 rows a statement), triggers off
 * while copying (see seedPostgres).
 *
 * Both then get BENCH_CADRES (200) pushing cadres, each holding the three photos of tests/helpers/drafts.ts
 * readyDraft (as if uploaded and verified), sessions for the admin and one operator, and write the cookies to
 * out.json. The files' histories (application_events) are not copied: the dashboard does not read them.
 */
import { copyFileSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { closeDatabase, type Db, openDatabase } from "../server/db/open";
import { seedIfEmpty } from "../server/seed/seed";
import { createTestUser, sessionCookie } from "../tests/helpers/accounts";
import { readyDraft, storeFilesOf } from "../tests/helpers/drafts";

export interface SeedOutput {
  files: number;
  findings: number;
  seconds: number;
  adminCookie: string;
  operatorCookie: string;
  cadreCookies: string[];
}

const CADRES = Number(process.env.BENCH_CADRES ?? 200);
/** The operator whose dashboard is timed beside the admin's (bench/console.ts's fifth kecamatan). */
const OPERATOR = "op-31.75.07";
const BATCH = 5_000;

const began = performance.now();
function log(what: string): void {
  process.stderr.write(`[bench/postgres-scale seed] ${((performance.now() - began) / 1000).toFixed(0)} s: ${what}\n`);
}

async function addCadresAndSessions(db: Db, idOf: (username: string) => Promise<string>) {
  const adminCookie = await sessionCookie(db, await idOf("admin"), "bench");
  const operatorCookie = await sessionCookie(db, await idOf(OPERATOR), "bench");
  const cadreCookies: string[] = [];
  const photos = readyDraft();
  for (let i = 0; i < CADRES; i++) {
    const cadre = await createTestUser(db, "cadre", { username: `push-cadre-${i}` });
    // The same three photos for every cadre (stored once, by hash), each cadre a holder, as its upload makes it.
    await storeFilesOf(db, photos, cadre.id);
    cadreCookies.push(cadre.cookie);
  }
  return { adminCookie, operatorCookie, cadreCookies };
}

async function seedSqlite(dataDir: string, out: string): Promise<void> {
  const started = performance.now();
  const given = process.env.BENCH_DB_CACHE;
  const cache = given ?? join(dataDir, "build-cache.sqlite");
  // build() keeps its database at BENCH_DB_CACHE (or starts from it when it already holds BENCH_FILES files).
  process.env.BENCH_DB_CACHE = cache;
  const { build } = await import("./console");
  const built = await build();
  await built.cleanup();
  const file = join(dataDir, "masdarin.sqlite");
  copyFileSync(cache, file);
  if (!given) rmSync(cache, { force: true });
  const db = await openDatabase(file);
  const driver = new Database(file, { readonly: true });
  const idOf = async (username: string) =>
    (driver.prepare("SELECT id FROM users WHERE username = ?").get(username) as { id: string }).id;
  const count = (table: string) => (driver.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  log("office built");
  const cookies = await addCadresAndSessions(db, idOf);
  const result: SeedOutput = {
    files: count("applications"),
    findings: count("review_findings"),
    seconds: +((performance.now() - started) / 1000).toFixed(1),
    ...cookies,
  };
  driver.close();
  await closeDatabase(db);
  writeFileSync(out, JSON.stringify(result));
}

/** JSON text columns of the SQLite rows that are jsonb on PostgreSQL: sent as JSON values, not as strings. */
async function pgColumns(client: pg.Client, table: string) {
  const { rows } = await client.query<{ name: string; type: string; generated: boolean }>(
    `SELECT column_name AS name, data_type AS type,
       (is_identity = 'YES' OR coalesce(column_default, '') LIKE 'nextval%') AS generated
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
    [table],
  );
  return rows;
}

/** Connections copying at once: the table's batches go out over all of them. */
const COPIERS = 3;

/**
 * Copies `table` from the SQLite file, BATCH rows a statement, COPIERS statements in flight. Its secondary
 * indexes are dropped first and built again at the end (one sort each, faster than a million inserts into
 * each); primary keys and unique constraints stay.
 */
async function copyTable(
  sqlite: Database.Database,
  clients: pg.Client[],
  table: string,
  where = "TRUE",
): Promise<number> {
  const [first] = clients;
  if (!first) throw new Error("no connection");
  const target = await pgColumns(first, table);
  const sqliteNames = new Set(
    (sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name),
  );
  const columns = target.filter((c) => !c.generated && sqliteNames.has(c.name));
  const json = new Set(columns.filter((c) => c.type === "jsonb" || c.type === "json").map((c) => c.name));
  const list = columns.map((c) => `"${c.name}"`).join(", ");
  const { rows: indexes } = await first.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  for (const index of indexes) await first.query(`DROP INDEX "${index.name}"`);
  const read = sqlite.prepare(`SELECT ${list} FROM ${table} WHERE ${where}`);
  const insert = `INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)
    ON CONFLICT DO NOTHING`;
  let copied = 0;
  let parts: string[] = [];
  let turn = 0;
  const inFlight: (Promise<unknown> | undefined)[] = clients.map(() => undefined);
  const flush = async () => {
    if (parts.length === 0) return;
    const at = turn++ % clients.length;
    await inFlight[at];
    inFlight[at] = clients[at]?.query(insert, [`[${parts.join(",")}]`]);
    copied += parts.length;
    parts = [];
    if (copied % 100_000 === 0) log(`${table}: ${copied} rows`);
  };
  // Read in one pass (the rollup tables are WITHOUT ROWID: no keyset on rowid).
  for (const row of read.iterate() as Iterable<Record<string, unknown>>) {
    // A JSON text column goes in as its JSON (spliced, not parsed): jsonb then holds the object, not a string.
    const entries = Object.entries(row).map(([key, value]) => {
      const text = json.has(key) && typeof value === "string" ? value : JSON.stringify(value ?? null);
      return `${JSON.stringify(key)}:${text}`;
    });
    parts.push(`{${entries.join(",")}}`);
    if (parts.length === BATCH) await flush();
  }
  await flush();
  await Promise.all(inFlight);
  // The indexes again, COPIERS at a time.
  const pending = [...indexes];
  await Promise.all(
    clients.map(async (client) => {
      for (let index = pending.shift(); index; index = pending.shift()) await client.query(index.definition);
    }),
  );
  log(`${table}: ${copied} rows copied, ${indexes.length} indexes built`);
  return copied;
}

async function seedPostgres(sqliteFile: string, out: string): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("postgres mode needs DATABASE_URL");
  const started = performance.now();
  const db = await openDatabase(url);
  await seedIfEmpty(db);
  const sqlite = new Database(sqliteFile, { readonly: true });
  const clients = Array.from({ length: COPIERS }, () => new pg.Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  const client = clients[0] as pg.Client;
  try {
    log("migrated and seeded the catalogue");
    // The office's people, not the SQLite run's own pushing cadres (each engine gets its own).
    await copyTable(sqlite, clients, "users", "username NOT LIKE 'push-cadre-%'");
    // Row by row through the rollup triggers a million files take hours here (each file re-updates the same few
    // rollup rows): the rows go in with triggers off (session_replication_role = replica, as pg_restore would),
    // then the rollups SQLite's migrations 0009/0011 built from the very same rows. The dashboards of the two
    // engines are compared over HTTP before any push (dashboardSameOnBothEngines); the pushes then run through
    // PostgreSQL's own triggers.
    for (const c of clients) await c.query("SET session_replication_role = replica");
    const files = await copyTable(sqlite, clients, "applications");
    const findings = await copyTable(sqlite, clients, "review_findings");
    for (const rollup of ["dashboard_groups", "dashboard_durations", "dashboard_reasons", "dashboard_clock"]) {
      await copyTable(sqlite, clients, rollup);
    }
    for (const c of clients) await c.query("SET session_replication_role = origin");
    // The counter the writers take their change_seq from starts past every copied file, as migration 0002 seeds it.
    await client.query(
      `UPDATE change_counters SET value = greatest(value, (SELECT coalesce(max(change_seq), 0) FROM applications))
       WHERE name = 'applications'`,
    );
    log("ANALYZE");
    await client.query("ANALYZE");
    const idOf = async (username: string) =>
      (await client.query<{ id: string }>("SELECT id FROM users WHERE username = $1", [username])).rows[0]?.id ?? "";
    const cookies = await addCadresAndSessions(db, idOf);
    const result: SeedOutput = {
      files,
      findings,
      seconds: +((performance.now() - started) / 1000).toFixed(1),
      ...cookies,
    };
    writeFileSync(out, JSON.stringify(result));
  } finally {
    await Promise.all(clients.map((c) => c.end()));
    sqlite.close();
    await closeDatabase(db);
  }
}

const [mode, source, out] = process.argv.slice(2);
if (!source || !out)
  throw new Error("usage: postgres-scale-seed.ts sqlite <dataDir> <out.json> | postgres <file> <out>");
if (mode === "sqlite") await seedSqlite(source, out);
else if (mode === "postgres") {
  if (!existsSync(source)) throw new Error(`no SQLite file at ${source}`);
  await seedPostgres(source, out);
} else throw new Error(`unknown mode ${mode}`);
