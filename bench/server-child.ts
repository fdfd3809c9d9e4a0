/**
 * One server under load for bench/server.ts, in its own process so the load
 * generator's CPU is not counted as the server's. `bare`: Hono's hello world on
 * @hono/node-server (the reference). `app`: the app as server/main.ts builds it
 * (the access log on but silent, files folder set) on a copy of the seeded test
 * template, started through server/http/listen.ts with the production timeouts.
 *
 * Speaks over IPC: sends `ready` with the port (and, for the app, session cookies),
 * answers `stats` with its own CPU time and how many requests it has started and
 * finished, so the parent can wait for it to be idle and divide CPU by requests.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

export interface ChildReady {
  type: "ready";
  port: number;
  /** Cookie of the cadre whose pushes are measured closed-loop. */
  pushCookie?: string;
  /** Cookie of the cadre whose pull is measured (nothing changes for them during the run). */
  pullCookie?: string;
  /** One cookie per simulated cadre of the open-loop run. */
  cadreCookies?: string[];
}

export interface ChildStats {
  type: "stats";
  /** User + system CPU of the whole process (all threads), in ms. */
  cpuMs: number;
  started: number;
  finished: number;
  lastFinishedAt: number;
  /** Rows in the applications table: proof that pushes did real work. */
  applications: number;
}

const mode = process.argv[2];
const openLoopCadres = Number(process.argv[3] ?? 0);
if (!process.send) throw new Error("bench/server-child.ts runs under bench/server.ts (it needs an IPC channel)");
const send = process.send.bind(process);

let started = 0;
let finished = 0;
/** When the last request finished, on the clock both processes share (ms since the epoch, fractional). */
let lastFinishedAt = 0;
function count(server: Server): void {
  server.on("request", (_req, res) => {
    started++;
    // `close`, not `finish`: a request whose socket the load generator dropped still counts once done.
    res.on("close", () => {
      finished++;
      lastFinishedAt = performance.timeOrigin + performance.now();
    });
  });
}

let countApplications = () => 0;
let cleanup = async (): Promise<void> => {};
let server: Server;
const ready: ChildReady = { type: "ready", port: 0 };

if (mode === "bare") {
  const app = new Hono();
  app.get("/", (c) => c.text("Hello Hono!"));
  server = await new Promise<Server>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(s as Server)) as Server;
  });
  ready.port = (server.address() as AddressInfo).port;
} else if (mode === "app") {
  // Loaded here only: the reference process holds nothing of the app.
  const { createApp } = await import("../server/app");
  const { DEFAULT_HTTP_TIMEOUTS } = await import("../server/config");
  const { listen } = await import("../server/http/listen");
  const { createTestUser } = await import("../tests/helpers/accounts");
  const { seededDatabase } = await import("../tests/helpers/temp-db");
  const { sqliteDriver } = await import("../server/db/maintenance");
  const database = await seededDatabase();
  const filesDir = mkdtempSync(join(tmpdir(), "masdarin-bench-files-"));
  ready.pushCookie = (await createTestUser(database.db, "cadre")).cookie;
  ready.pullCookie = (await createTestUser(database.db, "cadre")).cookie;
  ready.cadreCookies = [];
  for (let i = 0; i < openLoopCadres; i++) ready.cadreCookies.push((await createTestUser(database.db, "cadre")).cookie);
  const app = createApp({
    db: database.db,
    filesDir,
    logError: () => {},
    // As in production the access-log middleware runs; its lines go nowhere.
    logRequest: () => {},
  });
  const listening = await listen(app, { host: "127.0.0.1", port: 0, timeouts: DEFAULT_HTTP_TIMEOUTS });
  server = listening.server;
  ready.port = listening.port;
  // Read on the driver, synchronously, between the load's requests (SQLite: the bench's database is a file).
  const countRows = sqliteDriver(database.db)?.prepare("SELECT count(*) AS n FROM applications");
  countApplications = () => (countRows?.get() as { n: number } | undefined)?.n ?? 0;
  cleanup = async () => {
    await database.cleanup();
    rmSync(filesDir, { recursive: true, force: true });
  };
} else {
  throw new Error(`unknown mode ${mode}: bare or app`);
}

count(server);
process.on("message", (message: { type?: string }) => {
  if (message.type !== "stats") return;
  const cpu = process.cpuUsage();
  const stats: ChildStats = {
    type: "stats",
    cpuMs: (cpu.user + cpu.system) / 1000,
    started,
    finished,
    lastFinishedAt,
    applications: countApplications(),
  };
  send(stats);
});
// The parent went away (done or crashed): close everything and leave no temp files behind.
process.on("disconnect", () => {
  server.closeAllConnections();
  server.close();
  // Exits once the database is closed and the temp files are gone, whatever happened to them.
  void cleanup().finally(() => process.exit(0));
});
send(ready);
