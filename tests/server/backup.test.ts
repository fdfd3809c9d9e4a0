import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { count } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { sqliteDriver } from "../../server/db/maintenance";
import { closeDatabase, type Db, openDatabase } from "../../server/db/open";
import { applications, files, mutations, syncClients } from "../../server/db/schema";
import { backup, DB_FILE, restore } from "../../server/ops/backup";
import { seedIfEmpty } from "../../server/seed/seed";
import { createTestUser } from "../helpers/accounts";
import { mutation, readyDraft } from "../helpers/drafts";

vi.setConfig({ testTimeout: 60_000 });

const run = promisify(execFile);
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "masdarin-backup-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stored photo, as the upload path leaves it: bytes on disk first, then the row. */
async function storePhoto(db: Db, dataDir: string, userId: string, content: string): Promise<void> {
  const sha256 = createHash("sha256").update(content).digest("hex");
  mkdirSync(join(dataDir, "files", sha256.slice(0, 2)), { recursive: true });
  writeFileSync(join(dataDir, "files", sha256.slice(0, 2), sha256), content);
  await db.insert(files).values({
    sha256,
    bytes: content.length,
    mime: "image/webp",
    uploadedBy: userId,
    createdAt: new Date().toISOString(),
  });
}

describe("backup and restore", () => {
  it("takes a consistent backup while writes go on, and restores it", async () => {
    const dataDir = tempDir();
    const db = await openDatabase(join(dataDir, DB_FILE));
    await seedIfEmpty(db);
    const cadre = await createTestUser(db, "cadre");
    const app = createApp({ db });
    const clientId = uuidv7();
    let seq = 0;
    let writing = true;
    const writer = (async () => {
      let photo = 0;
      while (writing) {
        const batch = Array.from({ length: 20 }, () => mutation(++seq, "putDraft", { draft: readyDraft() }));
        await app.request("/api/sync/push", {
          method: "POST",
          headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
          body: JSON.stringify({ clientId, mutations: batch }),
        });
        await storePhoto(db, dataDir, cadre.id, `photo ${photo++}`);
        await new Promise((done) => setImmediate(done));
      }
    })();
    await new Promise((done) => setTimeout(done, 150));
    const destination = join(tempDir(), "backup");
    const result = await backup(dataDir, destination);
    writing = false;
    await writer;
    await closeDatabase(db);

    const restoredDir = tempDir();
    const restored = await restore(destination, restoredDir);
    expect(restored.files).toBe(result.files);
    const copy = await openDatabase(join(restoredDir, DB_FILE));
    expect(sqliteDriver(copy)?.pragma("integrity_check", { simple: true })).toBe("ok");
    // The snapshot is one moment: every mutation with its effect and its seq, every photo row with its bytes.
    const recorded = (await copy.select({ n: count() }).from(mutations))[0]?.n ?? 0;
    expect(recorded).toBeGreaterThan(0);
    expect((await copy.select().from(syncClients).limit(1))[0]?.lastSeq).toBe(recorded);
    expect((await copy.select({ n: count() }).from(applications))[0]?.n).toBe(recorded);
    const rows = await copy.select().from(files);
    expect(rows.length).toBe(result.files);
    for (const row of rows) {
      const bytes = readFileSync(join(restoredDir, "files", row.sha256.slice(0, 2), row.sha256));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(row.sha256);
    }
    await closeDatabase(copy);
  });

  it("refuses to restore something that is not a backup", async () => {
    await expect(restore(tempDir(), tempDir())).rejects.toThrow(/not a Masdarin backup/);
  });

  it("works from the command line (npm run backup / restore)", async () => {
    const dataDir = tempDir();
    const db = await openDatabase(join(dataDir, DB_FILE));
    await seedIfEmpty(db);
    await closeDatabase(db);
    const cli = resolve(import.meta.dirname, "../../server/cli/backup.ts");
    const env = { ...process.env, DATA_DIR: dataDir };
    const destination = join(tempDir(), "copy");
    const made = await run(process.execPath, ["--import", "tsx", cli, "backup", "--to", destination], { env });
    expect(made.stdout).toContain("Backup written");
    expect(existsSync(join(destination, DB_FILE))).toBe(true);
    const target = tempDir();
    const back = await run(process.execPath, ["--import", "tsx", cli, "restore", "--from", destination], {
      env: { ...process.env, DATA_DIR: target },
    });
    expect(back.stdout).toContain("Restored");
    await expect(run(process.execPath, ["--import", "tsx", cli, "backup"], { env })).rejects.toMatchObject({ code: 2 });
  });
});
