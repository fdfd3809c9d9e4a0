/**
 * The server under load, against a reference measured in the same run: bare Hono
 * `GET /` on @hono/node-server (same Node), then the app's hot routes, each at 50
 * and 200 concurrent connections (closed loop, autocannon), then 200 cadres each
 * pushing 10 mutations every 5 s (open loop). Each server runs in its own child
 * process; the CPU per request is the child's own, all threads included.
 * `npx tsx bench/server.ts` (also part of `npm run bench`).
 * BENCH_SECONDS (closed-loop run length, default 5) and BENCH_OPEN_SECONDS
 * (open-loop length, default 30) shorten or lengthen it.
 */
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { v7 as uuidv7 } from "uuid";
import { freshPushBody, MUTATIONS_PER_PUSH, pushBody } from "./server-bodies";
import {
  type ClosedLoopResult,
  closedLoop,
  type OpenLoopResult,
  openLoop,
  progress,
  type Route,
  type ServerChild,
  startChild,
  warmUp,
} from "./server-load";

const CONNECTIONS = [50, 200] as const;
const CADRES = 200;
const PUSH_PERIOD_MS = 5000;

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export interface ServerBench {
  machine: string;
  closedLoopSeconds: number;
  /** Route label → bytes of one answer on the wire (gzip where offered) and its status. */
  answers: Record<string, { status: number; bytes: number }>;
  closedLoop: (ClosedLoopResult & {
    /** requests/s ÷ bare Hono's at the same connections (mean of its two runs). */
    ratioToBareHono: number;
    /**
     * Bare Hono's CPU per request ÷ this route's: the same ratio as the server would reach with a
     * core to itself. Steadier than requests/s when other work shares the machine.
     */
    cpuRatioToBareHono: number;
  })[];
  openLoop: OpenLoopResult & { seconds: number; periodMs: number; mutationsPerPush: number };
}

async function once(base: string, route: Route): Promise<{ status: number; bytes: number }> {
  const response = await fetch(`${base}${route.path}`, {
    method: route.method,
    headers: route.headers,
    body: route.body?.(),
    // Bytes as sent: fetch would otherwise decompress and hide the wire size.
    decompress: false,
  } as RequestInit);
  const raw = Buffer.from(await response.arrayBuffer());
  return { status: response.status, bytes: raw.byteLength };
}

/** The app's routes, with a pull cursor at "nothing changed" for the pull cadre. */
async function appRoutes(app: ServerChild): Promise<Route[]> {
  const gzip = { "Accept-Encoding": "gzip" };
  const json = { "Content-Type": "application/json" };
  const { pushCookie = "", pullCookie = "" } = app.ready;
  // The pull cadre has one draft on the server and has pulled it: every measured pull finds nothing new.
  const clientId = uuidv7();
  const seeded = await fetch(`${app.base}/api/sync/push`, {
    method: "POST",
    headers: { ...json, Cookie: pullCookie },
    body: pushBody(clientId, 1, 1),
  });
  if (seeded.status !== 200) throw new Error(`the pull cadre's push answered ${seeded.status}`);
  let cursor = "";
  for (;;) {
    const query = cursor ? `cursor=${cursor}&clientId=${clientId}` : `clientId=${clientId}`;
    const page = (await (
      await fetch(`${app.base}/api/sync/pull?${query}`, { headers: { Cookie: pullCookie } })
    ).json()) as {
      cursor: string;
      hasMore: boolean;
    };
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return [
    { label: "GET /api/health", method: "GET", path: "/api/health", headers: gzip },
    { label: "GET /api/guides (full, gzip)", method: "GET", path: "/api/guides", headers: gzip },
    {
      label: "GET /api/sync/pull (nothing new)",
      method: "GET",
      path: `/api/sync/pull?cursor=${cursor}&clientId=${clientId}`,
      headers: { ...gzip, Cookie: pullCookie },
    },
    {
      label: `POST /api/sync/push (${MUTATIONS_PER_PUSH} putDraft)`,
      method: "POST",
      path: "/api/sync/push",
      headers: { ...gzip, ...json, Cookie: pushCookie },
      body: freshPushBody,
    },
  ];
}

async function measureRoutes(child: ServerChild, routes: Route[], runSeconds: number): Promise<ClosedLoopResult[]> {
  const results: ClosedLoopResult[] = [];
  for (const route of routes) {
    await warmUp(child, route);
    for (const connections of CONNECTIONS) results.push(await closedLoop(child, route, connections, runSeconds));
  }
  return results;
}

export async function benchServer(): Promise<ServerBench> {
  const runSeconds = seconds("BENCH_SECONDS", 5);
  const openSeconds = seconds("BENCH_OPEN_SECONDS", 30);
  const answers: ServerBench["answers"] = {};

  const bareRoute: Route = {
    label: "bare Hono GET /",
    method: "GET",
    path: "/",
    headers: { "Accept-Encoding": "gzip" },
  };
  // The reference is measured first and again last, the app in between: on a machine shared with
  // other work the two show how much the available CPU drifted; ratios use their mean.
  const bare = await startChild("bare");
  let reference: ClosedLoopResult[] = [];
  let referenceAgain: ClosedLoopResult[] = [];
  let measured: ClosedLoopResult[] = [];
  let open: OpenLoopResult;
  try {
    answers[bareRoute.label] = await once(bare.base, bareRoute);
    reference = await measureRoutes(bare, [bareRoute], runSeconds);
    const app = await startChild("app", CADRES);
    progress("app started on a seeded database");
    try {
      const routes = await appRoutes(app);
      for (const route of routes) {
        const answer = await once(app.base, route);
        answers[route.label] = answer;
        if (answer.status !== 200) throw new Error(`${route.label} answered ${answer.status} before the load`);
      }
      measured = await measureRoutes(app, routes, runSeconds);
      open = await openLoop(app, {
        cookies: app.ready.cadreCookies ?? [],
        periodMs: PUSH_PERIOD_MS,
        seconds: openSeconds,
        // Each push under a fresh clientId (seqs 1–10). A phone sends its next push only once the last is
        // answered; pushes sent on schedule regardless would meet seq gaps whenever the server fell behind
        // and count as failures of the bench, not of the server. Registering a new client costs one insert.
        body: freshPushBody,
        mutationsPerPush: MUTATIONS_PER_PUSH,
      });
    } finally {
      await app.stop();
    }
    referenceAgain = (await measureRoutes(bare, [bareRoute], runSeconds)).map((r) => ({
      ...r,
      route: `${bareRoute.label} (again, last)`,
    }));
  } finally {
    await bare.stop();
  }

  const bareMean = (connections: number, field: "requestsPerSecond" | "cpuMsPerRequest") => {
    const runs = [...reference, ...referenceAgain].filter((r) => r.connections === connections);
    return runs.reduce((sum, r) => sum + r[field], 0) / runs.length;
  };
  return {
    machine: `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the end`,
    closedLoopSeconds: runSeconds,
    answers,
    closedLoop: [...reference, ...measured, ...referenceAgain].map((r) => ({
      ...r,
      ratioToBareHono: +(r.requestsPerSecond / bareMean(r.connections, "requestsPerSecond")).toFixed(4),
      cpuRatioToBareHono: +(bareMean(r.connections, "cpuMsPerRequest") / r.cpuMsPerRequest).toFixed(4),
    })),
    openLoop: { ...open, seconds: openSeconds, periodMs: PUSH_PERIOD_MS, mutationsPerPush: MUTATIONS_PER_PUSH },
  };
}

/** The figures as a plain-text table, for reading beside the JSON. */
export function serverTable(bench: ServerBench): string {
  const header = [
    "route",
    "conns",
    "req/s",
    "× bare",
    "p50 ms",
    "p99 ms",
    "errors",
    "non-2xx",
    "CPU ms/req",
    "× bare by CPU",
  ];
  const rows = bench.closedLoop.map((r) => [
    r.route,
    String(r.connections),
    String(r.requestsPerSecond),
    `${(r.ratioToBareHono * 100).toFixed(1)} %`,
    String(r.p50Ms ?? "–"),
    String(r.p99Ms ?? "–"),
    String(r.errors),
    String(r.non2xx),
    r.cpuMsPerRequest.toFixed(3),
    `${(r.cpuRatioToBareHono * 100).toFixed(1)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  const o = bench.openLoop;
  return [
    line(header),
    ...rows.map(line),
    "",
    `open loop: ${o.cadres} cadres × ${o.mutationsPerPush} mutations every ${o.periodMs / 1000} s for ${o.seconds} s ` +
      `(${o.offeredPerSecond} pushes/s offered): p50 ${o.p50Ms} ms, p99 ${o.p99Ms} ms, max ${o.maxMs} ms, ` +
      `${o.ok}/${o.sent} ok, ${o.failures} failures (${o.timeouts} timeouts, ${o.errors} errors, ${o.non200} non-200, ` +
      `${o.notApplied} not applied), ${o.servedPerSecond} pushes/s served, CPU ${o.cpuMsPerRequest} ms/request, ` +
      `sender late p99 ${o.senderLateP99Ms} ms`,
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bench = await benchServer();
  console.log(JSON.stringify(bench, null, 2));
  console.log(serverTable(bench));
}
