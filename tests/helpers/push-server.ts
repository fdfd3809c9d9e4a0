/**
 * The real server as a separate process, for tests that kill it mid-request
 * (SIGKILL): DATA_FILE names the SQLite file, or the PostgreSQL database's
 * URL; prints "READY <port>".
 *
 * With PAUSE_AT=<seq>, the process stops dead inside the push transaction
 * right after it records that seq's mutation (a TEMP trigger, so only this
 * connection has it and the file stays as production writes it), prints
 * "PAUSED <seq>" and waits to be killed: the test kills at a known point
 * of a push, on an event rather than after a guessed delay. On PostgreSQL
 * (no functions of ours inside the server) the process stops the same way
 * once the database has answered that mutation's INSERT, its transaction
 * still open on the connection.
 */
import { writeSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import pg from "pg";
import { createApp } from "../../server/app";
import { sqliteDriver } from "../../server/db/maintenance";
import { openDatabase } from "../../server/db/open";
import { seedIfEmpty } from "../../server/seed/seed";

const file = process.env.DATA_FILE;
if (!file) throw new Error("DATA_FILE is required");
const db = await openDatabase(file);
await seedIfEmpty(db);
const pauseAt = Number(process.env.PAUSE_AT);
const sqlite = sqliteDriver(db);
const forever = new Int32Array(new SharedArrayBuffer(4));
if (pauseAt > 0 && !sqlite) {
  // Every query of the pool goes through Client.prototype.query; the one recording seq `pauseAt` stops here.
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof config === "string" ? config : (config?.text ?? "");
    const values = ((typeof config === "string" ? undefined : config?.values) ?? args[1]) as unknown[] | undefined;
    const insert = /^\s*INSERT INTO mutations\s*\(([^)]*)\)/i.exec(text);
    const result = query.apply(this, args);
    const at =
      insert?.[1]
        ?.split(",")
        .map((column) => column.trim())
        .indexOf("seq") ?? -1;
    if (at < 0 || Number(values?.[at]) !== pauseAt || !(result instanceof Promise)) return result;
    return result.then((answer) => {
      writeSync(1, `PAUSED ${pauseAt}\n`);
      // Blocks the only thread, its transaction open, until SIGKILL.
      Atomics.wait(forever, 0, 0);
      return answer;
    });
  } as typeof pg.Client.prototype.query;
}
if (pauseAt > 0 && sqlite) {
  sqlite.function("pause_point", (seq) => {
    if (seq === pauseAt) {
      writeSync(1, `PAUSED ${seq}\n`);
      // Blocks the only thread, inside the transaction, until SIGKILL.
      Atomics.wait(forever, 0, 0);
    }
    return null;
  });
  sqlite.exec(
    "CREATE TEMP TRIGGER pause_after_mutation AFTER INSERT ON main.mutations BEGIN SELECT pause_point(NEW.seq); END",
  );
}
const app = createApp({ db });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => {
  process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`);
});
