import { mkdirSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { createApp } from "./app";
import { databaseOf, describeDatabase, readConfig } from "./config";
import { closeDatabase, openDatabase, whilePreparing } from "./db/open";
import { configuredStores } from "./files/configured-store";
import { scheduleSweep } from "./files/expiry";
import { listen } from "./http/listen";
import { seedIfEmpty } from "./seed/seed";

// JSON lines on stdout. Only route patterns, codes and error names are logged: never bodies,
// queries or concrete paths, so no NIK, name or photo can reach the log.
const log = pino({ base: { service: "masdarin" } });
const config = readConfig();
// DATABASE_URL=postgres://… runs on PostgreSQL (migrated at start under an advisory lock), else DATA_DIR's SQLite file.
const target = databaseOf(config);
log.info(describeDatabase(target), "opening the database");
log.info({ photoStore: config.photoStore.kind }, "photo store");
const db = await openDatabase(target);
// Under the preparation lock: app servers starting at once seed the catalogue once.
const seeded = await whilePreparing(db, () => seedIfEmpty(db));
if (seeded > 0) log.info({ guides: seeded }, "seeded the guide catalogue");

// PHOTO_STORE: DATA_DIR/files (default), or an S3-compatible bucket for the photos and the uploads in progress.
const filesDir = join(config.dataDir, "files");
// @tus/s3-store gathers each PATCH's bytes (photos of ID cards) in os.tmpdir() before sending them on:
// in the work folder instead, where a start after a crash deletes what was left (s3-photo-store.ts).
if (config.photoStore.kind === "s3") {
  process.env.TMPDIR = join(filesDir, "tmp");
  mkdirSync(process.env.TMPDIR, { recursive: true });
}
const stores = await configuredStores(config.photoStore, filesDir);
const app = createApp({
  db,
  staticDir: config.staticDir,
  filesDir,
  ...stores,
  // The error's name only: messages can quote the data being processed.
  logError: (message, error) => log.error({ error: error instanceof Error ? error.name : typeof error }, message),
  logRequest: (entry) => log.info(entry, "request"),
  auth: { trustProxy: config.trustProxy },
  trackLimit: { perMinute: config.trackLookupsPerMinute, burst: config.trackLookupsPerMinute },
  // Hourly, unfinished uploads idle past UPLOAD_EXPIRY_HOURS are deleted (server/files/expiry.ts).
  uploadExpiry: {
    maxIdleMs: config.uploadMaxIdleMs,
    onSweep: (sweep) =>
      scheduleSweep(sweep, {
        onReport: (report) => {
          if (report.expired + report.finished > 0) log.info(report, "swept idle uploads");
        },
        onError: (error) =>
          log.error({ error: error instanceof Error ? error.name : typeof error }, "upload sweep failed"),
      }),
  },
});

const { server, port } = await listen(app, { host: config.host, port: config.port, timeouts: config.http });
log.info({ url: `http://${config.host}:${port}`, ...config.http }, "Masdarin is running");

async function shutdown(): Promise<void> {
  server.close();
  await closeDatabase(db);
  process.exit(0);
}
// A failed close still exits: the process is going away either way.
const stop = () => void shutdown().catch(() => process.exit(1));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
