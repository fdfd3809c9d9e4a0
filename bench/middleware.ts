/**
 * CPU per request of the app's middleware chain, route by route, in process
 * (app.request: no sockets), beside a bare `new Hono().get("/")` measured in
 * the same run. For each route it prints:
 * - `cpuUsPerRequest`: median over rounds of process.cpuUsage (user + system)
 *   per request on the uninstrumented app, the body read to its end (lazy
 *   compression streams run then);
 * - `selfUs`: from a second, instrumented run (process.cpuUsage around each
 *   handler), the CPU spent in each middleware's own code (time inside its
 *   `next()` excluded), in the route's handler, in reading the answer's body,
 *   and the rest (Hono's dispatch, Request/Response objects). The probes cost
 *   about a µs each, so small figures are upper bounds; `total` is above
 *   `cpuUsPerRequest` by the probes' cost.
 *
 * The instrumentation wraps the handlers the router matches, so it needs no
 * knowledge of which middleware the app mounts and runs unchanged on older
 * commits (for before/after figures).
 *
 * `npx tsx bench/middleware.ts [requests per round=100] [rounds=5] [generated guides=1000]`
 */
import { Hono } from "hono";
import { v7 as uuidv7 } from "uuid";
import { createApp } from "../server/app";
import { publishGuide } from "../server/guides/repository";
import { seedIfEmpty } from "../server/seed/seed";
import { createTestUser } from "../tests/helpers/accounts";
import { mutation, readyDraft } from "../tests/helpers/drafts";
import { tempDatabase } from "../tests/helpers/temp-db";
import { generateCatalogue } from "./fixtures/generate-catalogue";

type Requester = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };
type Call = (i: number) => Promise<void>;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function cpuPerRequest(call: Call, count: number, rounds: number, warmUp = 50): Promise<number> {
  const perRound: number[] = [];
  let i = 0;
  for (let warm = 0; warm < warmUp; warm++) await call(i++);
  for (let round = 0; round < rounds; round++) {
    const before = process.cpuUsage();
    for (let n = 0; n < count; n++) await call(i++);
    const used = process.cpuUsage(before);
    perRound.push((used.user + used.system) / count);
  }
  return Math.round(median(perRound) * 10) / 10;
}

/** The process's CPU time so far, µs (user + system, every thread: zlib and hashing on the pool count). */
function cpuNow(): number {
  const used = process.cpuUsage();
  return used.user + used.system;
}

/** Self CPU per label, accumulated by the wrapped handlers. */
const selfTime = new Map<string, number>();

function addSelf(label: string, ms: number): void {
  selfTime.set(label, (selfTime.get(label) ?? 0) + ms);
}

type Handler = (c: unknown, next: () => Promise<void>) => unknown;
type RouteData = { method: string; path: string };
type Matched = [[Handler, RouteData], unknown];

/**
 * Wraps every handler the router matches so that each one's own time (its
 * `next()` excluded) is added up under its name (or its route and position).
 */
function instrument(app: Hono<never>): void {
  const router = app.router as unknown as { match: (method: string, path: string) => [Matched[], ...unknown[]] };
  const original = router.match.bind(router);
  router.match = (method, path) => {
    const [handlers, ...rest] = original(method, path);
    const wrapped = handlers.map(([[fn, data], params], index): Matched => {
      const label = fn.name || `${data.method} ${data.path}${data.method === "ALL" ? ` #${index}` : ""}`;
      const timed: Handler = async (c, next) => {
        const started = cpuNow();
        let inner = 0;
        const result = await fn(c, async () => {
          const entered = cpuNow();
          await next();
          inner += cpuNow() - entered;
        });
        addSelf(label, cpuNow() - started - inner);
        return result;
      };
      return [[timed, data], params];
    });
    return [wrapped, ...rest];
  };
}

async function selfBreakdown(
  app: Requester,
  call: (requester: Requester, i: number) => Promise<Response>,
  count: number,
): Promise<Record<string, number>> {
  // Warm: this app's caches (the catalogue's bodies) fill on its first requests.
  for (let i = 0; i < 20; i++) await (await call(app, i)).arrayBuffer();
  selfTime.clear();
  let total = 0;
  let body = 0;
  for (let i = 0; i < count; i++) {
    const started = cpuNow();
    const response = await call(app, i);
    const read = cpuNow();
    await response.arrayBuffer();
    body += cpuNow() - read;
    total += cpuNow() - started;
  }
  const perRequest = (us: number) => Math.round((us / count) * 10) / 10;
  const out: Record<string, number> = {};
  let attributed = body;
  for (const [label, us] of selfTime) {
    out[label] = perRequest(us);
    attributed += us;
  }
  out["body read (lazy compression)"] = perRequest(body);
  out["rest (dispatch, Request/Response)"] = perRequest(total - attributed);
  out.total = perRequest(total);
  return out;
}

export async function benchMiddleware(count = 100, rounds = 5, generated = 1000): Promise<Record<string, unknown>> {
  const database = await tempDatabase();
  await seedIfEmpty(database.db);
  for (const guide of generated ? generateCatalogue(generated) : []) await publishGuide(database.db, guide);
  const options = { db: database.db, logRequest: () => {} };
  const app = createApp(options);
  const instrumented = createApp(options);
  // Hono's SmartRouter replaces its own `match` on the first request: instrument after one.
  await (await instrumented.request("/api/health")).arrayBuffer();
  instrument(instrumented as unknown as Hono<never>);
  const cadre = await createTestUser(database.db, "cadre");
  const clientId = uuidv7();

  const bare = new Hono();
  bare.get("/", (c) => c.text("Hello Hono!"));

  const catalogue = (await (await app.request("/api/guides")).json()) as { cursor: string; guides: unknown[] };
  const fullTag = (await app.request("/api/guides")).headers.get("ETag") ?? "";

  // Push bodies built before any clock starts: each push is 10 new drafts.
  let seq = 0;
  const pushBodies = Array.from({ length: (50 + count * rounds) * 2 + count + 200 }, () =>
    JSON.stringify({
      clientId,
      mutations: Array.from({ length: 10 }, () => mutation(++seq, "putDraft", { draft: readyDraft() })),
    }),
  );
  let nextPush = 0;
  const first = await app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
    body: pushBodies[nextPush++],
  });
  if (first.status !== 200) throw new Error(`push answered ${first.status}`);
  // The pull's cursor: the head after every push of the bench (pushes come later, so
  // read it as "everything": a pull from the head after each push still returns nothing new).
  const pullHead = async () => {
    let cursor = "c1.0";
    for (;;) {
      const response = await app.request(`/api/sync/pull?clientId=${clientId}&limit=1000&cursor=${cursor}`, {
        headers: { Cookie: cadre.cookie },
      });
      const body = (await response.json()) as { cursor: string; hasMore: boolean };
      cursor = body.cursor;
      if (!body.hasMore) return cursor;
    }
  };
  let pullCursor = await pullHead();

  const routes: Record<string, (requester: Requester, i: number) => Promise<Response>> = {
    "GET /api/health": async (r) => r.request("/api/health", { headers: { "Accept-Encoding": "gzip" } }),
    "GET /api/guides (full, gzip)": async (r) => r.request("/api/guides", { headers: { "Accept-Encoding": "gzip" } }),
    "GET /api/guides (full, br)": async (r) =>
      r.request("/api/guides", { headers: { "Accept-Encoding": "gzip, deflate, br" } }),
    "GET /api/guides (304)": async (r) =>
      r.request("/api/guides", { headers: { "Accept-Encoding": "gzip", "If-None-Match": fullTag } }),
    "GET /api/guides?since=head (empty delta, gzip)": async (r) =>
      r.request(`/api/guides?since=${catalogue.cursor}`, { headers: { "Accept-Encoding": "gzip" } }),
    "GET /api/sync/pull (nothing changed)": async (r) =>
      r.request(`/api/sync/pull?clientId=${clientId}&cursor=${pullCursor}`, {
        headers: { Cookie: cadre.cookie, "Accept-Encoding": "gzip" },
      }),
    "POST /api/sync/push (10 putDraft)": async (r) =>
      r.request("/api/sync/push", {
        method: "POST",
        headers: { "Content-Type": "application/json", Cookie: cadre.cookie, "Accept-Encoding": "gzip" },
        body: pushBodies[nextPush++],
      }),
  };

  const results: Record<string, unknown> = {
    machine: "shared 2-core box with other work running: compare figures from one run only",
    requestsPerRound: count,
    rounds,
    guides: catalogue.guides.length,
  };
  // Every route warmed on both apps first, so the first one measured does not pay for the JIT.
  for (const call of Object.values(routes)) {
    for (let i = 0; i < 30; i++) {
      await (await call(app, i)).arrayBuffer();
      await (await call(instrumented, i)).arrayBuffer();
    }
  }
  // The warm-up pushed drafts: the pull starts from the head again ("nothing changed").
  pullCursor = await pullHead();
  const bareCall = async () => {
    await (await bare.request("/")).arrayBuffer();
  };
  // The reference gets a long warm-up too (the app's routes had theirs above), and is measured again at the end.
  const bareCpu = await cpuPerRequest(bareCall, count, rounds, 2000);
  results['bare Hono GET "/" (reference)'] = { cpuUsPerRequest: bareCpu };
  console.error(JSON.stringify({ bareCpuUsPerRequest: bareCpu }));
  for (const [label, call] of Object.entries(routes)) {
    const sample = await call(app, 0);
    const status = sample.status;
    const encoding = sample.headers.get("Content-Encoding");
    const bytes = (await sample.arrayBuffer()).byteLength;
    const cpu = await cpuPerRequest(
      async (i) => {
        const response = await call(app, i);
        await response.arrayBuffer();
      },
      count,
      rounds,
    );
    const result = {
      status,
      encoding,
      bytes,
      cpuUsPerRequest: cpu,
      timesBare: Math.round((cpu / bareCpu) * 10) / 10,
      selfUs: await selfBreakdown(instrumented, call, count),
    };
    results[label] = result;
    // Progress on stderr: a long run on a busy machine still leaves its finished routes behind.
    console.error(JSON.stringify({ [label]: result }));
  }
  results['bare Hono GET "/" (reference, again at the end)'] = {
    cpuUsPerRequest: await cpuPerRequest(bareCall, count, rounds),
  };
  await database.cleanup();
  return results;
}

if (process.argv[1]?.endsWith("middleware.ts")) {
  const [count, rounds, generated] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await benchMiddleware(count || undefined, rounds || undefined, generated), null, 2));
}
