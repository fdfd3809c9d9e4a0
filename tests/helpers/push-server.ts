/**
 * The real server as a separate process, for tests that kill it mid-request
 * (SIGKILL): DATA_FILE names the SQLite file; prints "READY <port>".
 */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../../server/app";
import { openDatabase } from "../../server/db/open";
import { seedIfEmpty } from "../../server/seed/seed";

const file = process.env.DATA_FILE;
if (!file) throw new Error("DATA_FILE is required");
const db = openDatabase(file);
seedIfEmpty(db);
const app = createApp({ db });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => {
  process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`);
});
