import type { Server } from "node:http";
import { connect, type Socket } from "node:net";
import { count } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, describe, expect, it, vi } from "vitest";
import { roundFetch } from "../../client/sync/round-fetch";
import { createApp } from "../../server/app";
import { readConfig } from "../../server/config";
import { applications, mutations } from "../../server/db/schema";
import { listen } from "../../server/http/listen";
import { PushResponse } from "../../shared/sync/protocol";
import { createTestUser } from "../helpers/accounts";
import { mutation, readyDraft } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

/** Node's own keep-alive timeout, which reset requests sent on a connection idle just that long. */
const NODE_DEFAULT_KEEP_ALIVE_MS = 5_000;
/** nginx's default upstream keepalive_timeout: the server must hold connections longer. */
const PROXY_IDLE_MS = 60_000;

/**
 * The idle timer the server armed on its side of a connection. Node 20 arms it at the
 * keep-alive timeout plus up to 1 s of grace (it advertises the timeout itself), so a
 * range rather than one value.
 */
async function idleTimerOf(sockets: Socket[], keepAliveMs: number): Promise<number> {
  await expect.poll(() => sockets[0]?.timeout ?? 0).toBeGreaterThanOrEqual(keepAliveMs);
  const armed = sockets[0]?.timeout ?? 0;
  expect(armed).toBeLessThanOrEqual(keepAliveMs + 1_000);
  return armed;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real server, started the way server/main.ts starts it, with the environment given. */
async function start(env: Record<string, string> = {}) {
  const data = await seededDatabase();
  const config = readConfig({ PORT: "0", HOST: "127.0.0.1", ...env });
  const { server, port } = await listen(createApp({ db: data.db }), {
    host: config.host,
    port: config.port,
    timeouts: config.http,
  });
  // Server-side sockets, to read the idle timer the server arms and to close them at the end.
  const sockets: Socket[] = [];
  server.on("connection", (socket: Socket) => sockets.push(socket));
  cleanups.push(data.cleanup);
  cleanups.push(() => stop(server, sockets));
  return { server, port, sockets, db: data.db };
}

function stop(server: Server, sockets: Socket[]): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((done) => server.close(() => done()));
}

/**
 * One raw TCP connection speaking HTTP/1.1 keep-alive by hand: no client-side pool or
 * Keep-Alive header handling in between, so what happens to the connection is the server's doing.
 */
function rawConnection(port: number) {
  const socket = connect(port, "127.0.0.1");
  let buffer = "";
  let waiting: (() => void) | null = null;
  socket.setEncoding("latin1");
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    waiting?.();
  });
  const closed = new Promise<void>((done) => socket.once("close", () => done()));
  cleanups.push(() => void socket.destroy());
  const get = (path: string) =>
    new Promise<{ status: number; headers: string }>((resolve, reject) => {
      const check = () => {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const head = buffer.slice(0, end);
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffer.length < end + 4 + length) return;
        buffer = buffer.slice(end + 4 + length);
        waiting = null;
        socket.off("close", onClose);
        resolve({ status: Number(head.split(" ")[1]), headers: head.toLowerCase() });
      };
      const onClose = () => reject(new Error("the connection was closed before an answer"));
      socket.once("close", onClose);
      waiting = check;
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`);
    });
  return { get, closed };
}

describe("the server's connection timeouts", () => {
  it("hold an idle keep-alive connection longer than a reverse proxy does, with a headers timeout longer still", async () => {
    const { server, port, sockets } = await start();
    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.headersTimeout).toBe(66_000);
    expect(server.requestTimeout).toBe(120_000);
    expect(server.keepAliveTimeout).toBeGreaterThan(PROXY_IDLE_MS);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);

    // What a client and a proxy are told, and the idle timer the server arms once the answer is out:
    // a request sent on this connection 5 s later (Node's old default) still finds it open.
    const connection = rawConnection(port);
    const answer = await connection.get("/api/health");
    expect(answer.status).toBe(200);
    expect(answer.headers).toContain("keep-alive: timeout=65");
    expect(await idleTimerOf(sockets, 65_000)).toBeGreaterThan(NODE_DEFAULT_KEEP_ALIVE_MS);
  });

  it("answer a request on a connection that sat idle, and close it only after the configured keep-alive time", async () => {
    // A short keep-alive, so the test proves in under a second that the configuration is what decides.
    const KEEP_ALIVE_MS = 400;
    const { port, sockets } = await start({ KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_MS), HEADERS_TIMEOUT_MS: "1000" });
    const connection = rawConnection(port);
    expect((await connection.get("/api/health")).status).toBe(200);
    // The server armed its idle timer from the configuration: the connection now sits idle under it.
    await idleTimerOf(sockets, KEEP_ALIVE_MS);
    expect((await connection.get("/api/health")).status).toBe(200);
    expect(sockets).toHaveLength(1); // answered on the same connection, not a new one

    // Left idle, the server itself closes it, by that same configured timer (re-armed after the answer).
    await idleTimerOf(sockets, KEEP_ALIVE_MS);
    await connection.closed;
  });

  it("refuse timeouts that would let the headers timeout cut an idle connection", () => {
    expect(() => readConfig({ KEEP_ALIVE_TIMEOUT_MS: "70000" })).toThrow(/HEADERS_TIMEOUT_MS/);
    expect(() => readConfig({ HEADERS_TIMEOUT_MS: "200000" })).toThrow(/REQUEST_TIMEOUT_MS/);
    expect(() => readConfig({ KEEP_ALIVE_TIMEOUT_MS: "soon" })).toThrow(/KEEP_ALIVE_TIMEOUT_MS/);
  });
});

describe("a push whose connection was reset after the server applied it", () => {
  it("is sent again by the phone and applied once, the retry acknowledged as a duplicate", async () => {
    const { port, db } = await start();
    const cadre = await createTestUser(db, "cadre");
    const batch = [mutation(1, "putDraft", { draft: readyDraft() })];
    const body = JSON.stringify({ clientId: uuidv7(), mutations: batch });

    // The first request reaches the server and is committed; its answer is lost to a reset.
    const realFetch = globalThis.fetch;
    let sent = 0;
    vi.stubGlobal("navigator", { onLine: true });
    vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
      sent++;
      const response = await realFetch(`http://127.0.0.1:${port}${url}`, init);
      if (sent > 1) return response;
      await response.arrayBuffer();
      throw new TypeError("Failed to fetch");
    });

    const response = await roundFetch(new AbortController().signal)("/api/sync/push", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
      body,
    });
    expect(response.status).toBe(200);
    const result = PushResponse.parse(await response.json());
    expect(sent).toBe(2);
    expect(result.results).toEqual([{ seq: 1, mutationId: batch[0]?.mutationId, status: "duplicate" }]);
    expect((await db.select({ n: count() }).from(applications))[0]?.n).toBe(1);
    expect((await db.select({ n: count() }).from(mutations))[0]?.n).toBe(1);
    expect((await db.select().from(applications).limit(1))[0]?.version).toBe(1);
  });
});

describe("the TRUST_PROXY setting", () => {
  it("is off by default, on with 1 or true, and refuses anything else", () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
    expect(readConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
    expect(() => readConfig({ TRUST_PROXY: "yes please" })).toThrow(/TRUST_PROXY/);
  });
});
