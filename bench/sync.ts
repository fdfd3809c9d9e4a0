/**
 * Sync benchmark over real HTTP on 127.0.0.1: a push of 1,000 mutations, a
 * pull of 10,000 changes, and many cadres pushing at once.
 * `npx tsx bench/sync.ts`
 */
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { v7 as uuidv7 } from "uuid";
import { createApp } from "../server/app";
import { seedIfEmpty } from "../server/seed/seed";
import { createTestUser } from "../tests/helpers/accounts";
import { mutation, readyDraft } from "../tests/helpers/drafts";
import { tempDatabase } from "../tests/helpers/temp-db";

interface Timed {
  status: number;
  ms: number;
  sent: number;
  received: number;
}

function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<Timed> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let received = 0;
      res.on("data", (chunk: Buffer) => {
        received += chunk.byteLength;
      });
      res.on("end", () =>
        done({
          status: res.statusCode ?? 0,
          ms: performance.now() - started,
          sent: body ? Buffer.byteLength(body) : 0,
          received,
        }),
      );
    });
    req.on("error", fail);
    if (body) req.write(body);
    req.end();
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN).toFixed(2);
}

export async function benchSync(): Promise<Record<string, unknown>> {
  const database = await tempDatabase();
  await seedIfEmpty(database.db);
  const app = createApp({ db: database.db });
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // 1. One cadre pushes 1,000 mutations (10 batches of 100 realistic drafts).
    const cadre = await createTestUser(database.db, "cadre");
    const headers = { "Content-Type": "application/json", Cookie: cadre.cookie, "Accept-Encoding": "gzip" };
    const clientId = uuidv7();
    const batches = Array.from({ length: 10 }, (_, b) =>
      JSON.stringify({
        clientId,
        mutations: Array.from({ length: 100 }, (_, i) =>
          mutation(b * 100 + i + 1, "putDraft", { draft: readyDraft() }),
        ),
      }),
    );
    const started = performance.now();
    const pushes: Timed[] = [];
    for (const body of batches) pushes.push(await send(`${base}/api/sync/push`, "POST", headers, body));
    const push = {
      mutations: 1000,
      totalMs: +(performance.now() - started).toFixed(1),
      perBatchMedianMs: percentile(
        pushes.map((p) => p.ms),
        0.5,
      ),
      requestBytes: pushes.reduce((sum, p) => sum + p.sent, 0),
      responseBytes: pushes.reduce((sum, p) => sum + p.received, 0),
      statuses: [...new Set(pushes.map((p) => p.status))],
    };

    // 2. Pull 10,000 changes: 9,000 more drafts, then page through them all.
    for (let b = 10; b < 100; b++) {
      const body = JSON.stringify({
        clientId,
        mutations: Array.from({ length: 100 }, (_, i) =>
          mutation(b * 100 + i + 1, "putDraft", { draft: readyDraft() }),
        ),
      });
      await send(`${base}/api/sync/push`, "POST", headers, body);
    }
    let cursor = "c1.0";
    let pages = 0;
    let changes = 0;
    let bytes = 0;
    const pullStarted = performance.now();
    for (;;) {
      const res = await fetch(`${base}/api/sync/pull?cursor=${cursor}&limit=500`, {
        headers: { Cookie: cadre.cookie },
      });
      const text = await res.text();
      const body = JSON.parse(text) as { cursor: string; changes: unknown[]; hasMore: boolean };
      const wire = await send(`${base}/api/sync/pull?cursor=${cursor}&limit=500`, "GET", {
        Cookie: cadre.cookie,
        "Accept-Encoding": "gzip",
      });
      bytes += wire.received;
      pages++;
      changes += body.changes.length;
      cursor = body.cursor;
      if (!body.hasMore) break;
    }
    const pull = { changes, pages, totalMs: +(performance.now() - pullStarted).toFixed(1), gzipBytesOnWire: bytes };

    // 3. Many cadres at once: 50 cadres, each sending 10 pushes of 10 mutations, all concurrently.
    const cadres: { user: Awaited<ReturnType<typeof createTestUser>>; clientId: string }[] = [];
    for (let c = 0; c < 50; c++) cadres.push({ user: await createTestUser(database.db, "cadre"), clientId: uuidv7() });
    const latencies: number[] = [];
    const loadStarted = performance.now();
    await Promise.all(
      cadres.map(async ({ user, clientId: id }) => {
        for (let b = 0; b < 10; b++) {
          const body = JSON.stringify({
            clientId: id,
            mutations: Array.from({ length: 10 }, (_, i) =>
              mutation(b * 10 + i + 1, "putDraft", { draft: readyDraft() }),
            ),
          });
          const result = await send(
            `${base}/api/sync/push`,
            "POST",
            { "Content-Type": "application/json", Cookie: user.cookie },
            body,
          );
          if (result.status !== 200) throw new Error(`push failed with ${result.status}`);
          latencies.push(result.ms);
        }
      }),
    );
    const seconds = (performance.now() - loadStarted) / 1000;
    const load = {
      cadres: 50,
      requests: latencies.length,
      mutations: latencies.length * 10,
      requestsPerSecond: +(latencies.length / seconds).toFixed(1),
      mutationsPerSecond: +((latencies.length * 10) / seconds).toFixed(1),
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
    };
    return { "push 1,000 mutations": push, "pull 10,000 changes": pull, "50 cadres pushing at once": load };
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
    await database.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchSync(), null, 2));
}
