import { execFileSync, execSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "../../server/app";
import { seedIfEmpty } from "../../server/seed/seed";
import { tempDatabase } from "./temp-db";

/** The last version that stored people's data in the clear (the commit before issue 15). */
export const PLAINTEXT_COMMIT = "9f3f603";

const REPO = resolve(import.meta.dirname, "../..");

/**
 * The PWA as an older commit built it, for upgrade tests: the commit's files
 * (git archive, no worktree to clean up) with this checkout's node_modules
 * linked in (an `npm ci` per run is too slow), built by Vite into a folder
 * cached by commit in the temp dir. Returns the folder to serve.
 */
export function buildOldVersion(commit = PLAINTEXT_COMMIT): string {
  const full = execFileSync("git", ["rev-parse", `${commit}^{commit}`], { cwd: REPO, encoding: "utf8" }).trim();
  const home = join(tmpdir(), `masdarin-old-${full.slice(0, 12)}`);
  const dist = join(home, "dist");
  if (existsSync(join(dist, "index.html")) && existsSync(join(dist, "sw.js"))) return dist;

  const source = join(home, `src-${process.pid}`);
  rmSync(source, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  execSync(`git archive ${full} | tar -x -C ${JSON.stringify(source)}`, { cwd: REPO, stdio: "pipe" });
  symlinkSync(join(REPO, "node_modules"), join(source, "node_modules"), "dir");
  // Built next to the final folder, then renamed: a half-built folder is never taken for a cached build.
  const building = join(home, `dist-${process.pid}`);
  execFileSync("npx", ["vite", "build", "--outDir", building, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: source,
    stdio: "pipe",
    env: { ...process.env, NODE_ENV: "production" },
  });
  rmSync(dist, { recursive: true, force: true });
  renameSync(building, dist);
  rmSync(source, { recursive: true, force: true });
  return dist;
}

/**
 * One server (one database, one files folder) that can be stopped and
 * started again on the same loopback port with another build of the PWA:
 * the browser sees the same origin, so its IndexedDB carries over, as on a
 * phone whose app is updated.
 */
export async function startSwitchableServer(staticDir: string) {
  const database = await tempDatabase();
  await seedIfEmpty(database.db);
  const filesDir = join(database.dir, "files");
  const listen = (dir: string, port: number) =>
    new Promise<ReturnType<typeof serve>>((done) => {
      const app = createApp({ db: database.db, staticDir: dir, filesDir });
      const started = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, () => done(started));
    });
  const close = (running: ReturnType<typeof serve>) =>
    new Promise<void>((done) => {
      running.close(() => done());
      // Idle keep-alive sockets of the browser would hold the port: they carry nothing in flight here.
      (running as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
  let server: ReturnType<typeof serve> | null = await listen(staticDir, 0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db: database.db,
    filesDir,
    /** Stops the server, then serves `dir` on the same port. */
    async switchTo(dir: string) {
      if (server) await close(server);
      server = null;
      server = await listen(dir, port);
    },
    async stop() {
      if (server) await close(server);
      server = null;
      await database.cleanup();
    },
  };
}
