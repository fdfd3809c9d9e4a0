import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { count, eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../server/db/open";
import { applications, mutations, syncClients } from "../../server/db/schema";
import { seedIfEmpty } from "../../server/seed/seed";
import { PushResponse } from "../../shared/sync/protocol";
import { createTestUser } from "../helpers/accounts";
import { mutation, readyDraft } from "../helpers/drafts";
import { tempDatabase } from "../helpers/temp-db";

vi.setConfig({ testTimeout: 60_000 });

const SERVER = resolve(import.meta.dirname, "../helpers/push-server.ts");
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** One process, not a tsx wrapper: SIGKILL must hit the process that holds the database. */
function startServer(file: string): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
    env: { ...process.env, DATA_FILE: file },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const exited = new Promise((done) => child.once("exit", done));
  return new Promise((done, fail) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (match) done({ child, url: `http://127.0.0.1:${match[1]}`, exited });
    });
    void exited.then(() => fail(new Error("the server exited before it was ready")));
  });
}

describe("a server killed in the middle of a push", () => {
  it("leaves every mutation fully applied or not at all, and keeps everything it acknowledged", async () => {
    const env = tempDatabase();
    seedIfEmpty(env.db);
    const cadre = createTestUser(env.db, "cadre");
    env.db.$client.close();
    const clientId = uuidv7();
    const TOTAL = 2000;
    const all = Array.from({ length: TOTAL }, (_, i) => mutation(i + 1, "putDraft", { draft: readyDraft() }));
    const batches = Array.from({ length: TOTAL / 100 }, (_, i) =>
      JSON.stringify({ clientId, mutations: all.slice(i * 100, i * 100 + 100) }),
    );
    const headers = { "Content-Type": "application/json", Cookie: cadre.cookie };
    const sendAll = async (url: string) => {
      for (const body of batches) {
        const response = await fetch(`${url}/api/sync/push`, { method: "POST", headers, body });
        PushResponse.parse(await response.json());
      }
    };

    // Kill the server while it is applying the pushes, at a different point each round.
    for (const killAt of [150, 700, 1400]) {
      const { child, url, exited } = await startServer(env.file);
      const watcher = openDatabase(env.file);
      const sending = sendAll(url).catch(() => "connection lost");
      while ((watcher.select({ n: count() }).from(mutations).get()?.n ?? 0) < killAt) {
        await new Promise((done) => setTimeout(done, 1));
      }
      child.kill("SIGKILL");
      await exited;
      await sending;
      watcher.$client.close();

      const db = openDatabase(env.file);
      const client = db.select().from(syncClients).where(eq(syncClients.clientId, clientId)).get();
      const recorded = db.select({ n: count() }).from(mutations).get()?.n ?? 0;
      const stored = db.select({ n: count() }).from(applications).get()?.n ?? 0;
      // Killed part-way, and the three writes of each mutation landed together or not at all.
      expect(recorded).toBeGreaterThanOrEqual(killAt);
      expect(recorded).toBeLessThan(TOTAL);
      expect(client?.lastSeq).toBe(recorded);
      expect(stored).toBe(recorded);
      db.$client.close();
    }

    // After a restart the phone sends everything again: each mutation is applied exactly once.
    const { url } = await startServer(env.file);
    await sendAll(url);
    const db = openDatabase(env.file);
    expect(db.select().from(syncClients).get()?.lastSeq).toBe(TOTAL);
    expect(db.select({ n: count() }).from(applications).get()?.n).toBe(TOTAL);
    expect(db.select({ n: count() }).from(mutations).get()?.n).toBe(TOTAL);
    expect(
      db
        .select()
        .from(applications)
        .all()
        .every((row) => row.version === 1),
    ).toBe(true);
    db.$client.close();
    env.cleanup();
  });
});
