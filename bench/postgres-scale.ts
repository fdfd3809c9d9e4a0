/**
 * Issue 16's benchmark: the real server (server/main.ts, `node --import tsx`) on SQLite with one process, beside
 * PostgreSQL with 1, 2 and 4 processes sharing one throw-away cluster (tests/helpers/postgres.ts: fsync off,
 * synchronous_commit off) and one photo folder, on the same machine in the same run. No proxy in front: the load
 * generator (this process) spreads requests round-robin over the processes' ports.
 *
 * Both databases hold the same office: bench/console.ts's 1,000,000 files (BENCH_FILES) with their findings and
 * rollups, built once on SQLite and copied into PostgreSQL with its rollup rows, triggers off during the copy
 * (bench/postgres-scale-seed.ts; the dashboards of both are compared before any push), plus BENCH_CADRES (200)
 * cadres who push. Per configuration:
 * - the dashboard (admin: every file; one operator: a kecamatan), p50 of BENCH_DASHBOARD_RUNS after an untimed one;
 * - push: every cadre pushes BENCH_DRAFTS_PER_PUSH (5) new drafts, each its putDraft then its submitApplication
 *   (10 mutations a push), sends the next push once answered (closed loop, 200 concurrent), for
 *   BENCH_PUSH_SECONDS (20); applied mutations/s and the push's p50/p99;
 * - pull: each cadre catches up (its own files, page by page), then polls from its cursor for BENCH_PULL_SECONDS
 *   (10): p50/p99 of the polls, and of the catch-up pages;
 * - CPU by party over the push phase (app servers, PostgreSQL, load generator, the rest of the machine).
 * The PostgreSQL configurations run one after another on the same database, so the 2- and 4-process runs
 * meet the files the runs before them pushed (a few tens of thousands beside the million).
 *
 * `npx tsx bench/postgres-scale.ts` (part of `npm run bench`). Quick: BENCH_FILES=100000 BENCH_CADRES=50
 * BENCH_PUSH_SECONDS=8 BENCH_PULL_SECONDS=4. BENCH_PG_PROCESSES=1,2,4 picks the PostgreSQL configurations.
 * The table is printed and the figures written to bench/results/postgres-scale.json (BENCH_RESULTS to change).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { v7 as uuidv7 } from "uuid";
import { startPostgres, type TestPostgres } from "../tests/helpers/postgres";
import { type ServerProcess, startServerProcess } from "../tests/helpers/server-process";
import {
  type Cadre,
  type CpuShare,
  cpuMeter,
  type DashboardResult,
  dashboard,
  type PullResult,
  type PushResult,
  pullLoad,
  pushLoad,
  RoundRobin,
} from "./postgres-scale-load";
import type { SeedOutput } from "./postgres-scale-seed";

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..");

function numberFrom(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const FILES = numberFrom("BENCH_FILES", 1_000_000);
const CADRES = numberFrom("BENCH_CADRES", 200);
const DRAFTS_PER_PUSH = numberFrom("BENCH_DRAFTS_PER_PUSH", 5);
const PUSH_SECONDS = numberFrom("BENCH_PUSH_SECONDS", 20);
const PULL_SECONDS = numberFrom("BENCH_PULL_SECONDS", 10);
const DASHBOARD_RUNS = numberFrom("BENCH_DASHBOARD_RUNS", 7);
const PG_PROCESSES = (process.env.BENCH_PG_PROCESSES ?? "1,2,4")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);

const began = performance.now();
function progress(what: string): void {
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  process.stderr.write(
    `[bench/postgres-scale] ${((performance.now() - began) / 1000).toFixed(0)} s (load ${load}): ${what}\n`,
  );
}

/** Runs the seed child to its end (its own process: see bench/postgres-scale-seed.ts) and reads what it wrote. */
async function seed(args: string[], env: NodeJS.ProcessEnv): Promise<SeedOutput> {
  const out = join(mkdtempSync(join(tmpdir(), "masdarin-scale-seed-")), "seed.json");
  const child = run(process.execPath, ["--import", "tsx", join(HERE, "postgres-scale-seed.ts"), ...args, out], {
    cwd: ROOT,
    env: { ...env, BENCH_FILES: String(FILES), BENCH_CADRES: String(CADRES) },
    maxBuffer: 64 * 1024 * 1024,
  });
  child.child.stderr?.pipe(process.stderr);
  await child;
  const result = JSON.parse(readFileSync(out, "utf8")) as SeedOutput;
  rmSync(dirname(out), { recursive: true, force: true });
  return result;
}

function resultsPath(): string {
  const out = process.env.BENCH_RESULTS ?? join(HERE, "results", "postgres-scale.json");
  mkdirSync(dirname(out), { recursive: true });
  return out;
}

export interface ConfigResult {
  engine: "sqlite" | "postgres";
  processes: number;
  dashboard: { admin: DashboardResult; operator: DashboardResult };
  push: PushResult;
  pushCpu: CpuShare & {
    /**
     * CPU per applied mutation (app servers; PostgreSQL): steadier than mutations/s on a shared machine, and
     * what a dedicated one would reach: cores × 1000 ÷ (app + PostgreSQL ms per mutation) mutations/s.
     */
    appMsPerMutation: number;
    postgresMsPerMutation: number;
    dedicatedTwoCoreCeilingMutationsPerSecond: number;
  };
  pull: PullResult;
  loadAverage: string;
  /** Error lines the servers logged (level 50) during the run. */
  serverErrors: number;
}

/** Starts `count` server processes on one database and photo folder, waits for each to answer /api/health. */
async function startServers(count: number, env: NodeJS.ProcessEnv, name: string): Promise<ServerProcess[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, (_, i) => startServerProcess({ name: `${name}-${i + 1}`, env })),
  );
  for (const server of servers) {
    // The access log (a line per request) is read and dropped, keeping only errors: the pipe must not fill.
    server.output.length = 0;
    server.child.stdout?.removeAllListeners("data");
    server.child.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('"level":50')) server.output.push(...text.split("\n").filter((l) => l.includes('"level":50')));
    });
  }
  return servers;
}

async function measure(
  engine: "sqlite" | "postgres",
  servers: ServerProcess[],
  seeded: SeedOutput,
  cluster?: TestPostgres,
): Promise<{ result: ConfigResult; adminBody: string }> {
  const label = `${engine} × ${servers.length}`;
  const rr = new RoundRobin(servers.map((s) => s.base));
  try {
    const admin = await dashboard(rr, seeded.adminCookie, "/api/console/dashboard", DASHBOARD_RUNS);
    const operator = await dashboard(rr, seeded.operatorCookie, "/api/console/dashboard", DASHBOARD_RUNS);
    progress(`${label}: dashboard admin p50 ${admin.result.p50Ms} ms, operator p50 ${operator.result.p50Ms} ms`);
    // A fresh install per configuration: a new clientId, seqs from 1.
    const cadres: Cadre[] = seeded.cadreCookies.map((cookie) => ({ cookie, clientId: uuidv7(), seq: 0, cursor: "" }));
    // Warm-up, untimed: one push per cadre (JIT, pools, caches; each client registered).
    await pushLoad(rr, cadres, DRAFTS_PER_PUSH, 0.001);
    const meter = cpuMeter(
      servers.map((s) => s.child.pid ?? 0),
      cluster ? join(cluster.dir, "data") : undefined,
    );
    const push = await pushLoad(rr, cadres, DRAFTS_PER_PUSH, PUSH_SECONDS);
    const share = meter();
    const per = (ms: number) => +(ms / Math.max(1, push.applied)).toFixed(2);
    const pushCpu = {
      ...share,
      appMsPerMutation: per(share.appServersMs),
      postgresMsPerMutation: per(share.postgresMs),
      dedicatedTwoCoreCeilingMutationsPerSecond: Math.round(
        2000 / Math.max(0.001, per(share.appServersMs) + per(share.postgresMs)),
      ),
    };
    progress(`${label}: push ${push.mutationsPerSecond} mut/s, p99 ${push.p99Ms} ms`);
    const pull = await pullLoad(rr, cadres, PULL_SECONDS);
    progress(`${label}: pull p50 ${pull.poll.p50Ms} ms, p99 ${pull.poll.p99Ms} ms`);
    return {
      result: {
        engine,
        processes: servers.length,
        dashboard: { admin: admin.result, operator: operator.result },
        push,
        pushCpu,
        pull,
        loadAverage: loadavg()
          .map((l) => l.toFixed(2))
          .join(" "),
        serverErrors: servers.reduce((sum, s) => sum + s.output.length, 0),
      },
      adminBody: admin.body,
    };
  } finally {
    rr.close();
  }
}

/** The dashboard's JSON with the moment it was made left out: equal on both engines when the data is. */
function comparable(body: string): string {
  return JSON.stringify(JSON.parse(body), (key, value) =>
    /^(generatedAt|asOf|now|computedAt)$/.test(key) ? undefined : value,
  );
}

export interface ScaleBench {
  machine: string;
  command: string;
  files: number;
  cadres: number;
  mutationsPerPush: number;
  pushSeconds: number;
  pullSeconds: number;
  seedSeconds: { sqlite: number; postgres: number };
  postgres: string;
  /** The admin dashboard over the same rows answered the same on PostgreSQL as on SQLite (before any push). */
  dashboardSameOnBothEngines: boolean;
  results: ConfigResult[];
  loadAverageAtStart: string;
  loadAverageAtEnd: string;
}

export async function benchPostgresScale(): Promise<ScaleBench> {
  const loadAverageAtStart = loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
  const work = mkdtempSync(join(tmpdir(), "masdarin-scale-"));
  const sqliteDir = join(work, "sqlite");
  const pgDir = join(work, "postgres");
  mkdirSync(sqliteDir);
  mkdirSync(pgDir);
  const baseEnv: NodeJS.ProcessEnv = { ...process.env };
  delete baseEnv.DATABASE_URL;
  // `npm run bench` builds the PWA first; run alone without a build, the servers get a stand-in page.
  if (!existsSync(join(ROOT, "dist", "index.html")) && !baseEnv.STATIC_DIR) {
    const stand = join(work, "static");
    mkdirSync(stand);
    writeFileSync(join(stand, "index.html"), "<!doctype html><html><head></head><body></body></html>\n");
    baseEnv.STATIC_DIR = stand;
  }
  let cluster: TestPostgres | undefined;
  const results: ConfigResult[] = [];
  try {
    progress(`building the SQLite office: ${FILES} files (bench/console.ts)`);
    const sqliteSeed = await seed(["sqlite", sqliteDir], baseEnv);
    progress(`SQLite office built in ${sqliteSeed.seconds} s; starting PostgreSQL`);
    cluster = await startPostgres();
    const admin = new URL(cluster.url);
    const pgClient = new (await import("pg")).default.Client({ connectionString: cluster.url });
    await pgClient.connect();
    await pgClient.query("CREATE DATABASE masdarin");
    await pgClient.end();
    admin.pathname = "/masdarin";
    const databaseUrl = admin.toString();
    // Copied before the SQLite server writes anything, so both start from the same rows.
    const pgSeed = await seed(["postgres", join(sqliteDir, "masdarin.sqlite")], {
      ...baseEnv,
      DATABASE_URL: databaseUrl,
    });
    progress(`PostgreSQL office copied in ${pgSeed.seconds} s`);

    // Each configuration's figures are written as soon as they are measured: a later failure keeps them.
    const keep = () =>
      writeFileSync(
        resultsPath(),
        `${JSON.stringify({ partial: true, files: FILES, cadres: CADRES, results }, null, 2)}\n`,
      );
    const sqliteServers = await startServers(1, { ...baseEnv, DATA_DIR: sqliteDir }, "sqlite");
    let sqliteAdmin = "";
    try {
      const measured = await measure("sqlite", sqliteServers, sqliteSeed);
      results.push(measured.result);
      keep();
      sqliteAdmin = measured.adminBody;
    } finally {
      await Promise.all(sqliteServers.map((s) => s.stop()));
    }
    let same = false;
    for (const count of PG_PROCESSES) {
      // One photo folder (DATA_DIR/files) for all the processes of a configuration, as on a shared volume.
      const servers = await startServers(count, { ...baseEnv, DATA_DIR: pgDir, DATABASE_URL: databaseUrl }, "pg");
      try {
        const measured = await measure("postgres", servers, pgSeed, cluster);
        results.push(measured.result);
        keep();
        if (results.filter((r) => r.engine === "postgres").length === 1) {
          same = comparable(measured.adminBody) === comparable(sqliteAdmin);
        }
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }
    return {
      machine: `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}), shared with other work`,
      command: "npx tsx bench/postgres-scale.ts",
      files: FILES,
      cadres: CADRES,
      mutationsPerPush: DRAFTS_PER_PUSH * 2,
      pushSeconds: PUSH_SECONDS,
      pullSeconds: PULL_SECONDS,
      seedSeconds: { sqlite: sqliteSeed.seconds, postgres: pgSeed.seconds },
      postgres: "PostgreSQL 15, throw-away cluster (tests/helpers/postgres.ts): fsync, synchronous_commit off",
      dashboardSameOnBothEngines: same,
      results,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg()
        .map((l) => l.toFixed(2))
        .join(" "),
    };
  } finally {
    await cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

/** engine, processes, push mut/s, push p99, pull p50/p99, dashboard p50, as a plain-text table. */
export function scaleTable(bench: ScaleBench): string {
  const header = [
    "engine",
    "procs",
    "push mut/s",
    "push p50 ms",
    "push p99 ms",
    "pull p50 ms",
    "pull p99 ms",
    "dash admin p50 ms",
    "dash operator p50 ms",
    "CPU ms/mut app+pg",
    "CPU app/pg/loadgen/other/idle %",
  ];
  const rows = bench.results.map((r) => [
    r.engine,
    String(r.processes),
    String(r.push.mutationsPerSecond),
    String(r.push.p50Ms),
    String(r.push.p99Ms),
    String(r.pull.poll.p50Ms),
    String(r.pull.poll.p99Ms),
    String(r.dashboard.admin.p50Ms),
    String(r.dashboard.operator.p50Ms),
    `${r.pushCpu.appMsPerMutation}+${r.pushCpu.postgresMsPerMutation}`,
    [r.pushCpu.appServersPct, r.pushCpu.postgresPct, r.pushCpu.loadGeneratorPct, r.pushCpu.otherPct, r.pushCpu.idlePct]
      .map((v) => v.toFixed(0))
      .join("/"),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i < 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  return [
    `${bench.files} files, ${bench.cadres} cadres pushing ${bench.mutationsPerPush} mutations a push (closed loop, ` +
      `${bench.pushSeconds} s), round-robin over the processes' ports, no proxy; load average ${bench.loadAverageAtStart} ` +
      `at start, ${bench.loadAverageAtEnd} at end`,
    line(header),
    ...rows.map(line),
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bench = await benchPostgresScale();
  const out = resultsPath();
  writeFileSync(out, `${JSON.stringify(bench, null, 2)}\n`);
  console.log(`\n## PostgreSQL with 1, 2 and 4 app servers beside SQLite with one\n$ ${bench.command}`);
  console.log(JSON.stringify(bench, null, 2));
  console.log(scaleTable(bench));
  console.log(`(written to ${out})`);
}
