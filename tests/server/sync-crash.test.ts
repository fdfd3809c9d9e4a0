import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { count, eq } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, describe, expect, it, vi } from "vitest";
import { activeDialect } from "../../server/db/dialect";
import { closeDatabase, openDatabase } from "../../server/db/open";
import { applicationEvents, applications, mutations, syncClients } from "../../server/db/schema";
import { PushResponse } from "../../shared/sync/protocol";
import { createTestUser } from "../helpers/accounts";
import { mutation, readyDraft } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

// A safety net for a hang, not a timing: every wait below is for an event (a line printed, an exit).
vi.setConfig({ testTimeout: 600_000 });

const SERVER = resolve(import.meta.dirname, "../helpers/push-server.ts");
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<unknown>;
  /** Resolves when the server stops inside a push, right after recording `pauseAt`'s mutation. */
  paused: Promise<void>;
}

/** One process, not a tsx wrapper: SIGKILL must hit the process that holds the database. */
function startServer(file: string, pauseAt?: number): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", SERVER], {
    env: { ...process.env, DATA_FILE: file, PAUSE_AT: String(pauseAt ?? 0) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const exited = new Promise((done) => child.once("exit", done));
  let output = "";
  let onPaused = () => {};
  const paused = new Promise<void>((done) => {
    onPaused = done;
  });
  return new Promise((done, fail) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\d+)/.exec(output);
      if (ready) done({ child, url: `http://127.0.0.1:${ready[1]}`, exited, paused });
      if (/PAUSED \d+/.test(output)) onPaused();
    });
    void exited.then(() => fail(new Error("the server exited before it was ready")));
  });
}

describe("a server killed in the middle of a push", () => {
  it("leaves every mutation fully applied or not at all, and keeps everything it acknowledged", async () => {
    const env = await seededDatabase();
    const cadre = await createTestUser(env.db, "cadre");
    // The servers below are the only ones on the SQLite file. A PostgreSQL pool stays open for env.cleanup,
    // which closes it (a pool ends once).
    if (activeDialect() === "sqlite") await closeDatabase(env.db);
    const clientId = uuidv7();
    const TOTAL = 2000;
    const BATCH = 100;
    const all = Array.from({ length: TOTAL }, (_, i) => mutation(i + 1, "putDraft", { draft: readyDraft() }));
    const batches = Array.from({ length: TOTAL / BATCH }, (_, i) =>
      JSON.stringify({ clientId, mutations: all.slice(i * BATCH, i * BATCH + BATCH) }),
    );
    const headers = { "Content-Type": "application/json", Cookie: cadre.cookie };
    /** Sends every batch in order, as the phone does after a restart; answers the highest seq acknowledged. */
    const sendAll = async (url: string, acknowledged = { seq: 0 }) => {
      for (const body of batches) {
        const response = await fetch(`${url}/api/sync/push`, { method: "POST", headers, body });
        acknowledged.seq = PushResponse.parse(await response.json()).lastAppliedSeq;
      }
      return acknowledged.seq;
    };

    // Killed inside a push: early in a batch, in its middle, and after its last mutation before the commit.
    for (const killAt of [150, 750, 1400]) {
      const { child, url, exited, paused } = await startServer(env.file, killAt);
      const acknowledged = { seq: 0 };
      const sending = sendAll(url, acknowledged).catch(() => "connection lost");
      await paused;
      child.kill("SIGKILL");
      await exited;
      expect(await sending).toBe("connection lost");

      const db = await openDatabase(env.file);
      const client = (await db.select().from(syncClients).where(eq(syncClients.clientId, clientId)))[0];
      const recorded = (await db.select({ n: count() }).from(mutations))[0]?.n ?? 0;
      const stored = (await db.select({ n: count() }).from(applications))[0]?.n ?? 0;
      const created = (
        await db.select({ n: count() }).from(applicationEvents).where(eq(applicationEvents.kind, "created"))
      )[0]?.n;
      // Every push the phone saw answered is kept; the one cut short left nothing, not even part of itself.
      const batchStart = Math.floor((killAt - 1) / BATCH) * BATCH;
      expect(acknowledged.seq).toBe(batchStart);
      expect(recorded).toBe(batchStart);
      expect(client?.lastSeq ?? 0).toBe(recorded);
      expect(stored).toBe(recorded);
      expect(created).toBe(recorded);
      await closeDatabase(db);
    }

    // After a restart the phone sends everything again: each mutation is applied exactly once.
    const { url } = await startServer(env.file);
    expect(await sendAll(url)).toBe(TOTAL);
    const db = await openDatabase(env.file);
    expect((await db.select().from(syncClients))[0]?.lastSeq).toBe(TOTAL);
    expect((await db.select({ n: count() }).from(applications))[0]?.n).toBe(TOTAL);
    expect((await db.select({ n: count() }).from(mutations))[0]?.n).toBe(TOTAL);
    expect((await db.select({ n: count() }).from(applicationEvents))[0]?.n).toBe(TOTAL);
    expect((await db.select().from(applications)).every((row) => row.version === 1)).toBe(true);
    await closeDatabase(db);
    await env.cleanup();
  });
});
