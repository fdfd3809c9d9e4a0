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

const TSX = resolve(import.meta.dirname, "../../node_modules/.bin/tsx");
const SERVER = resolve(import.meta.dirname, "../helpers/push-server.ts");
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

function startServer(file: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(TSX, [SERVER], {
    env: { ...process.env, DATA_FILE: file },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((done, fail) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      const match = /READY (\d+)/.exec(chunk.toString());
      if (match) done({ child, url: `http://127.0.0.1:${match[1]}` });
    });
    child.on("exit", (code) => fail(new Error(`server exited with ${code}`)));
  });
}

describe("a server killed in the middle of a push", () => {
  it("leaves every mutation fully applied or not at all, and keeps everything it acknowledged", async () => {
    const env = tempDatabase();
    seedIfEmpty(env.db);
    const cadre = createTestUser(env.db, "cadre");
    env.db.$client.close();
    const clientId = uuidv7();
    const batch = Array.from({ length: 100 }, (_, i) => mutation(i + 1, "putDraft", { draft: readyDraft() }));
    const body = JSON.stringify({ clientId, mutations: batch });
    const headers = { "Content-Type": "application/json", Cookie: cadre.cookie };

    // Kill the server at a different moment each round, while it is applying the batch.
    for (const delayMs of [5, 25, 60]) {
      const { child, url } = await startServer(env.file);
      const request = fetch(`${url}/api/sync/push`, { method: "POST", headers, body }).catch(() => null);
      await new Promise((done) => setTimeout(done, delayMs));
      child.kill("SIGKILL");
      await request;
      await new Promise((done) => child.once("exit", done));

      const db = openDatabase(env.file);
      const client = db.select().from(syncClients).where(eq(syncClients.clientId, clientId)).get();
      const recorded = db.select({ n: count() }).from(mutations).get()?.n ?? 0;
      const stored = db.select({ n: count() }).from(applications).get()?.n ?? 0;
      // The three writes of each mutation landed together or not at all.
      expect(recorded).toBe(client?.lastSeq ?? 0);
      expect(stored).toBe(recorded);
      db.$client.close();
    }

    // After a restart, the phone retries the whole batch: everything is applied exactly once.
    const { url } = await startServer(env.file);
    const response = await fetch(`${url}/api/sync/push`, { method: "POST", headers, body });
    const result = PushResponse.parse(await response.json());
    expect(result.lastAppliedSeq).toBe(100);
    const db = openDatabase(env.file);
    expect(db.select({ n: count() }).from(applications).get()?.n).toBe(100);
    expect(db.select({ n: count() }).from(mutations).get()?.n).toBe(100);
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
