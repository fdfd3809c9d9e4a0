import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "../../server/app";
import { seedIfEmpty } from "../../server/seed/seed";
import { tempDatabase } from "./temp-db";

/** The built PWA; MASDARIN_DIST lets parallel work build and test its own copy. */
export const DIST_DIR = process.env.MASDARIN_DIST ?? resolve(import.meta.dirname, "../../dist");

/**
 * The real server (real app, real SQLite file, built PWA) on a free loopback
 * port, with page uploads stored in `filesDir` (inside the temp folder).
 */
export async function startAppServer(staticDir = DIST_DIR) {
  const database = await tempDatabase();
  await seedIfEmpty(database.db);
  const filesDir = join(database.dir, "files");
  const app = createApp({ db: database.db, staticDir, filesDir });
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db: database.db,
    filesDir,
    async stop() {
      await new Promise<void>((done) => server.close(() => done()));
      await database.cleanup();
    },
  };
}
