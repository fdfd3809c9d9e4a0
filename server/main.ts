import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "./app";
import { readConfig } from "./config";
import { openDatabase } from "./db/open";
import { seedIfEmpty } from "./seed/seed";

const config = readConfig();
const db = openDatabase(join(config.dataDir, "masdarin.sqlite"));
const seeded = seedIfEmpty(db);
if (seeded > 0) console.log(`Seeded ${seeded} guides into ${config.dataDir}`);

const app = createApp({
  db,
  staticDir: config.staticDir,
  filesDir: join(config.dataDir, "files"),
  // Only the error's name and message: request bodies may carry personal data.
  logError: (message, error) => console.error(message, error instanceof Error ? `${error.name}: ${error.message}` : ""),
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Masdarin is running at http://${config.host}:${info.port}`);
});

function shutdown(): void {
  server.close();
  db.$client.close();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
