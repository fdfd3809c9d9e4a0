import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../server/app";
import { publishGuide } from "../server/guides/repository";
import { seedIfEmpty } from "../server/seed/seed";
import { tempDatabase } from "../tests/helpers/temp-db";
import { generateCatalogue } from "./fixtures/generate-catalogue";

function get(url: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; ms: number }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.byteLength;
      });
      res.on("end", () => done({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
    });
    req.on("error", fail);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

async function measure(url: string, headers: Record<string, string>, runs: number) {
  const times: number[] = [];
  let last = { status: 0, bytes: 0 };
  for (let i = 0; i < runs; i++) {
    const result = await get(url, headers);
    times.push(result.ms);
    last = result;
  }
  times.sort((a, b) => a - b);
  return {
    status: last.status,
    bytes: last.bytes,
    medianMs: +percentile(times, 0.5).toFixed(2),
    p95Ms: +percentile(times, 0.95).toFixed(2),
  };
}

/** Response time and bytes on the wire (gzip) over real HTTP on loopback. */
export async function benchServer(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  for (const [label, extra] of [
    ["seeded catalogue", 0],
    ["seeded + 1,000 generated guides", 1000],
  ] as const) {
    const database = tempDatabase();
    seedIfEmpty(database.db);
    for (const guide of extra ? generateCatalogue(extra) : []) publishGuide(database.db, guide);
    const app = createApp({ db: database.db });
    const server = await new Promise<ReturnType<typeof serve>>((done) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const gzip = { "Accept-Encoding": "gzip" };
    const full = await measure(`${base}/api/guides`, gzip, 30);
    const identity = await get(`${base}/api/guides`, {});
    const cursor = ((await (await fetch(`${base}/api/guides`)).json()) as { cursor: string }).cursor;
    const delta = await measure(`${base}/api/guides?since=${cursor}`, gzip, 100);
    const etag = (await fetch(`${base}/api/guides`)).headers.get("etag") ?? "";
    const notModified = await measure(`${base}/api/guides`, { ...gzip, "If-None-Match": etag }, 30);
    results[label] = {
      "full catalogue (gzip)": full,
      "full catalogue uncompressed bytes": identity.bytes,
      "empty delta (gzip)": delta,
      "304 revalidation": notModified,
    };
    await new Promise<void>((done) => server.close(() => done()));
    database.cleanup();
  }
  return results;
}
