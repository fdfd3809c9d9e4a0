import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Health } from "../../shared/api/catalogue";
import { createTestDatabase, dropTestDatabase, postgresBinaries, stopPostgres } from "../helpers/postgres";

/*
 * Issue 16, operations on PostgreSQL, end to end through the real entry
 * points as child processes (so this file runs under either vitest config):
 * DATABASE_URL=postgres://… switches the admin CLI and the server, and
 * `npm run backup`/`restore` dump and restore the database with its photos.
 */

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, "../..");
const ADMIN_CLI = join(ROOT, "server/cli/admin.ts");
const BACKUP_CLI = join(ROOT, "server/cli/backup.ts");
const MAIN = join(ROOT, "server/main.ts");
/** Trust authentication ignores it; it is here to prove it never reaches a log or a terminal. */
const PASSWORD_IN_URL = "rahasia-url-9f3k";
const ADMIN_PASSWORD = "sandi-admin-rahasia";

const installed = postgresBinaries() !== undefined;
const dirs: string[] = [];
const databases: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "masdarin-pgops-"));
  dirs.push(dir);
  return dir;
}

/** A fresh database on the test cluster, its URL carrying a password. */
async function database(): Promise<string> {
  const url = await createTestDatabase();
  databases.push(url);
  const withPassword = new URL(url);
  withPassword.password = PASSWORD_IN_URL;
  return withPassword.toString();
}

afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const url of databases.splice(0)) await dropTestDatabase(url);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
afterAll(stopPostgres);

function environment(url: string, dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, MASDARIN_ADMIN_PASSWORD: ADMIN_PASSWORD };
}

async function cli(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return run(process.execPath, ["--import", "tsx", script, ...args], { env, cwd: ROOT });
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Starts server/main.ts on a free port; resolves with its address and everything it logged so far. */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ base: string; log: string[] }> {
  // A stand-in for the built PWA: these tests speak to the API only.
  const staticDir = tempDir();
  writeFileSync(join(staticDir, "index.html"), "<!doctype html><html><body></body></html>\n");
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: { ...env, PORT: "0", HOST: "127.0.0.1", STATIC_DIR: staticDir },
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const log: string[] = [];
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((done, fail) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      log.push(line);
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === "Masdarin is running" && entry.url) done({ base: entry.url, log });
    });
    child.once("exit", (code) => fail(new Error(`the server exited (${code}): ${stderr}`)));
  });
}

async function signIn(base: string, username: string, password: string): Promise<Response> {
  return fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify({ username, password, deviceLabel: "Laptop kantor" }),
  });
}

/** A stored photo as the upload path leaves it: bytes first, then the row. */
async function storePhoto(url: string, dataDir: string, uploadedBy: string, content: string): Promise<string> {
  const sha256 = createHash("sha256").update(content).digest("hex");
  mkdirSync(join(dataDir, "files", sha256.slice(0, 2)), { recursive: true });
  writeFileSync(join(dataDir, "files", sha256.slice(0, 2), sha256), content);
  await query(url, "INSERT INTO files (sha256, bytes, mime, uploaded_by, created_at) VALUES ($1, $2, $3, $4, $5)", [
    sha256,
    content.length,
    "image/webp",
    uploadedBy,
    new Date().toISOString(),
  ]);
  return sha256;
}

describe.skipIf(!installed)("PostgreSQL operations (DATABASE_URL=postgres://…)", () => {
  beforeAll(async () => {
    // The cluster starts under the hook timeout, not the first test's.
    const url = await createTestDatabase();
    await dropTestDatabase(url);
  });

  it("the admin CLI and the server run on it: create-admin, sign in, /api/health", async () => {
    const url = await database();
    const dataDir = tempDir();
    const env = environment(url, dataDir);
    const created = await cli(ADMIN_CLI, ["create-admin", "--username", "budi", "--name", "Budi Admin"], env);
    expect(created.stdout).toContain('Created admin "budi"');
    expect(created.stdout).toContain("postgres://");
    const listed = await cli(ADMIN_CLI, ["list-users"], env);
    expect(listed.stdout).toMatch(/^budi\tadmin\t-\tactive\t/m);
    for (const output of [created, listed]) expect(output.stdout + output.stderr).not.toContain(PASSWORD_IN_URL);
    // Nothing went to a SQLite file in DATA_DIR.
    expect(existsSync(join(dataDir, "masdarin.sqlite"))).toBe(false);
    expect((await query<{ n: number }>(url, "SELECT count(*)::int AS n FROM users"))[0]?.n).toBe(1);

    const { base, log } = await startServer(env);
    expect((await signIn(base, "budi", ADMIN_PASSWORD)).status).toBe(200);
    expect((await signIn(base, "budi", "salah-sandi-sekali")).status).toBe(401);
    const answer = await fetch(`${base}/api/health`);
    expect(answer.status).toBe(200);
    const health = Health.parse(await answer.json());
    expect(health).toMatchObject({ status: "ok", database: "ok", engine: "postgres" });
    expect(health.replication).toEqual({ role: "primary", replicas: [] });
    // The log says which engine, never the password.
    const opened = log.map((line) => JSON.parse(line) as Record<string, unknown>).find((e) => e.engine);
    expect(opened).toMatchObject({ engine: "postgres", msg: "opening the database" });
    expect(String(opened?.database)).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/test_/);
    expect(log.join("\n")).not.toContain(PASSWORD_IN_URL);
  }, 120_000);

  it("npm run backup / restore: pg_dump and pg_restore with the photos, data back as it was", async () => {
    const url = await database();
    const dataDir = tempDir();
    const env = environment(url, dataDir);
    await cli(ADMIN_CLI, ["create-admin", "--username", "budi", "--name", "Budi Admin"], env);
    const budi = (await query<{ id: string }>(url, "SELECT id FROM users WHERE username = 'budi'"))[0]?.id ?? "";
    const kept = await storePhoto(url, dataDir, budi, "foto pertama");
    const before = await query(url, "SELECT id, username, display_name, password_hash FROM users ORDER BY id");

    const destination = join(tempDir(), "cadangan");
    const made = await cli(BACKUP_CLI, ["backup", "--to", destination], env);
    expect(made.stdout).toContain("Backup of postgres://");
    expect(made.stdout).toContain("(1 photos)");
    expect(made.stdout + made.stderr).not.toContain(PASSWORD_IN_URL);
    expect(existsSync(join(destination, "masdarin.pgdump"))).toBe(true);
    expect(readFileSync(join(destination, "masdarin.pgdump")).subarray(0, 5).toString()).toBe("PGDMP");
    expect(existsSync(join(destination, "files", kept.slice(0, 2), kept))).toBe(true);

    // Change everything the backup holds: a new account, a renamed one, a new photo, the old photo lost.
    await cli(ADMIN_CLI, ["create-admin", "--username", "sari", "--name", "Sari Admin"], env);
    await query(url, "UPDATE users SET display_name = 'Diganti' WHERE username = 'budi'");
    await storePhoto(url, dataDir, budi, "foto kedua");
    await query(url, "DELETE FROM files WHERE sha256 = $1", [kept]);
    rmSync(join(dataDir, "files", kept.slice(0, 2), kept));

    const back = await cli(BACKUP_CLI, ["restore", "--from", destination], env);
    expect(back.stdout).toContain("Restored");
    expect(back.stdout + back.stderr).not.toContain(PASSWORD_IN_URL);
    expect(await query(url, "SELECT id, username, display_name, password_hash FROM users ORDER BY id")).toEqual(before);
    expect(await query(url, "SELECT sha256 FROM files")).toEqual([{ sha256: kept }]);
    const bytes = readFileSync(join(dataDir, "files", kept.slice(0, 2), kept));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(kept);

    // The restored database serves: the admin signs in with the password of the backup's time.
    const { base } = await startServer(env);
    expect((await signIn(base, "budi", ADMIN_PASSWORD)).status).toBe(200);
    expect((await signIn(base, "sari", ADMIN_PASSWORD)).status).toBe(401);
  }, 180_000);

  it("refuses a restore from a folder that holds no dump, and a SQLite backup, before touching the database", async () => {
    const url = await database();
    const dataDir = tempDir();
    const env = environment(url, dataDir);
    await expect(cli(BACKUP_CLI, ["restore", "--from", tempDir()], env)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not a Masdarin PostgreSQL backup/),
    });
    const sqliteBackup = tempDir();
    writeFileSync(join(sqliteBackup, "masdarin.sqlite"), "");
    await expect(cli(BACKUP_CLI, ["restore", "--from", sqliteBackup], env)).rejects.toMatchObject({
      stderr: expect.stringMatching(/SQLite backup/),
    });
    const damaged = tempDir();
    writeFileSync(join(damaged, "masdarin.pgdump"), "PGDMP but not really");
    await expect(cli(BACKUP_CLI, ["restore", "--from", damaged], env)).rejects.toMatchObject({
      stderr: expect.stringMatching(/pg_restore --list/),
    });
  }, 120_000);
});
