/**
 * CPU per sync request, in process (app.request: no sockets), so the figure is
 * the server's own work: a push of 10 putDraft of ~1.4 KB, a pull with nothing
 * changed, and GET /api/auth/me (the session lookup plus the middleware chain).
 * Prints the median over rounds of CPU ms per request (process.cpuUsage, user +
 * system) and the wall ms per request.
 *
 * `npx tsx bench/push-cpu.ts [requests per round=200] [rounds=5]`
 * With PROFILE_DIR=<folder>, each section's measured loop is also written there
 * as a .cpuprofile (Chrome DevTools) and summarised by bench/profile-summary.ts.
 */
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { v7 as uuidv7 } from "uuid";
import { createApp } from "../server/app";
import { seedIfEmpty } from "../server/seed/seed";
import { createTestUser } from "../tests/helpers/accounts";
import { mutation, readyDraft } from "../tests/helpers/drafts";
import { tempDatabase } from "../tests/helpers/temp-db";

const PER_PUSH = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const PROFILE_DIR = process.env.PROFILE_DIR;
const inspector = PROFILE_DIR ? new Session() : undefined;
inspector?.connect();

async function measure(count: number, rounds: number, one: (i: number) => Promise<void>, name = "") {
  const cpu: number[] = [];
  const wall: number[] = [];
  let next = 0;
  for (let warm = 0; warm < Math.min(20, count); warm++) await one(next++);
  if (inspector) {
    await inspector.post("Profiler.enable");
    await inspector.post("Profiler.setSamplingInterval", { interval: 100 });
    await inspector.post("Profiler.start");
  }
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const before = process.cpuUsage();
    for (let i = 0; i < count; i++) await one(next++);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000 / count);
    wall.push((performance.now() - started) / count);
  }
  if (inspector && PROFILE_DIR) {
    const { profile } = await inspector.post("Profiler.stop");
    writeFileSync(join(PROFILE_DIR, `${name.replace(/\W+/g, "-")}.cpuprofile`), JSON.stringify(profile));
  }
  return { cpuMsPerRequest: +median(cpu).toFixed(3), wallMsPerRequest: +median(wall).toFixed(3) };
}

export async function benchPushCpu(count = 200, rounds = 5): Promise<Record<string, unknown>> {
  const database = await tempDatabase();
  await seedIfEmpty(database.db);
  const app = createApp({ db: database.db });
  const cadre = await createTestUser(database.db, "cadre");
  const clientId = uuidv7();
  let seq = 0;
  const total = (Math.min(20, count) + count * rounds) * 2 + 1;
  // Bodies built before the clock starts: the figure is the server's, not the bench's.
  const bodies = Array.from({ length: total }, () =>
    JSON.stringify({
      clientId,
      mutations: Array.from({ length: PER_PUSH }, () => mutation(++seq, "putDraft", { draft: readyDraft() })),
    }),
  );
  const draftBytes = Buffer.byteLength(JSON.stringify(readyDraft()));
  const push = (body: string | Uint8Array<ArrayBuffer>, encoding?: string) => async () => {
    const response = await app.request("/api/sync/push", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Cookie: cadre.cookie,
        ...(encoding ? { "Content-Encoding": encoding } : {}),
      },
      body,
    });
    if (response.status !== 200) throw new Error(`push answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };
  try {
    let at = 0;
    const plain = await measure(count, rounds, () => push(bodies[at++] as string)(), "push");
    const cursor = await (async () => {
      const response = await app.request(`/api/sync/pull?clientId=${clientId}&limit=100&cursor=c1.0`, {
        headers: { Cookie: cadre.cookie },
      });
      let body = (await response.json()) as { cursor: string; hasMore: boolean };
      for (;;) {
        if (!body.hasMore) return body.cursor;
        const next = await app.request(`/api/sync/pull?clientId=${clientId}&limit=1000&cursor=${body.cursor}`, {
          headers: { Cookie: cadre.cookie },
        });
        body = (await next.json()) as { cursor: string; hasMore: boolean };
      }
    })();
    const pull = await measure(
      count,
      rounds,
      async () => {
        const response = await app.request(`/api/sync/pull?clientId=${clientId}&cursor=${cursor}`, {
          headers: { Cookie: cadre.cookie },
        });
        if (response.status !== 200) throw new Error(`pull answered ${response.status}`);
        await response.arrayBuffer();
      },
      "pull",
    );
    const me = await measure(
      count,
      rounds,
      async () => {
        const response = await app.request("/api/auth/me", { headers: { Cookie: cadre.cookie } });
        if (response.status !== 200) throw new Error(`me answered ${response.status}`);
        await response.arrayBuffer();
      },
      "me",
    );
    // Gzipped pushes (the phone's since issue 12); a server without gzip support answers 415 and is skipped.
    const zipped = bodies.slice(at).map((body) => new Uint8Array(gzipSync(body)));
    let z = 0;
    const probe = await app.request("/api/sync/push", {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cadre.cookie, "Content-Encoding": "gzip" },
      body: zipped[z++],
    });
    const gzip =
      probe.status === 200
        ? await measure(count, rounds, () => push(zipped[z++] as Uint8Array<ArrayBuffer>, "gzip")(), "push-gzip")
        : `not accepted (${probe.status})`;
    return {
      machine: "shared 2-core box; other work running: compare figures from one run only",
      requestsPerRound: count,
      rounds,
      draftJsonBytes: draftBytes,
      [`push of ${PER_PUSH} putDraft`]: plain,
      [`push of ${PER_PUSH} putDraft, gzip body`]: gzip,
      "pull, nothing changed": pull,
      "GET /api/auth/me (session lookup)": me,
    };
  } finally {
    await database.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, rounds] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await benchPushCpu(count || undefined, rounds || undefined), null, 2));
}
