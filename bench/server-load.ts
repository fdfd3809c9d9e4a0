/**
 * Load for bench/server.ts: a server child process it can ask for its CPU time,
 * a closed-loop run with autocannon (each connection sends its next request when
 * the previous one is answered) and an open-loop run (requests leave on schedule
 * whether or not earlier ones came back, as phones do).
 */
import { type ChildProcess, fork } from "node:child_process";
import { Agent, request } from "node:http";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import autocannon from "autocannon";
import type { ChildReady, ChildStats } from "./server-child";

const began = performance.now();

/** One line on stderr per finished run, so a long bench shows it is moving. */
export function progress(what: string): void {
  process.stderr.write(`[bench/server] ${((performance.now() - began) / 1000).toFixed(1)} s: ${what}\n`);
}

export interface ServerChild {
  ready: ChildReady;
  base: string;
  pid: number;
  stats: () => Promise<ChildStats>;
  /** Resolves once every request the server started has finished and its CPU has gone quiet. */
  idle: () => Promise<ChildStats>;
  stop: () => Promise<void>;
}

const CHILD = fileURLToPath(new URL("./server-child.ts", import.meta.url));

export async function startChild(mode: "bare" | "app", openLoopCadres = 0): Promise<ServerChild> {
  const child: ChildProcess = fork(CHILD, [mode, String(openLoopCadres)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<ChildReady>((done, fail) => {
    const onExit = (code: number | null) => fail(new Error(`server child (${mode}) exited with ${code}`));
    child.once("exit", onExit);
    child.once("message", (message: ChildReady) => {
      child.off("exit", onExit);
      done(message);
    });
  });
  const stats = () =>
    new Promise<ChildStats>((done) => {
      const onMessage = (message: ChildStats) => {
        if (message.type !== "stats") return;
        child.off("message", onMessage);
        done(message);
      };
      child.on("message", onMessage);
      child.send({ type: "stats" });
    });
  const idle = async () => {
    let last = await stats();
    for (let waited = 0; waited < 120_000; waited += 100) {
      await new Promise((done) => setTimeout(done, 100));
      const now = await stats();
      // Quiet: nothing in flight, no new request, and under 2 ms of CPU in the last 100 ms.
      if (now.started === now.finished && now.started === last.started && now.cpuMs - last.cpuMs < 2) return now;
      last = now;
    }
    throw new Error(`server child (${mode}) still busy after 120 s`);
  };
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once("exit", () => done());
      child.disconnect();
    });
  return { ready, base: `http://127.0.0.1:${ready.port}`, pid: child.pid ?? 0, stats, idle, stop };
}

export interface Route {
  label: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  /** A new body for every request (a push must never repeat one). */
  body?: () => string;
}

export interface ClosedLoopResult {
  route: string;
  connections: number;
  /**
   * Requests the server handled over the time it was busy with them: from the start of the
   * run until it finished the last one, in-flight requests at the stop included. On a slow
   * route at 200 connections a 5 s run may see few answers while the server is still working.
   */
  requestsPerSecond: number;
  /** Answers the load generator received before the run stopped. */
  answeredInRun: number;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Connection errors and timeouts seen by the load generator. */
  errors: number;
  non2xx: number;
  /** Server CPU (user + system, all threads) per request it handled, in ms. */
  cpuMsPerRequest: number;
  /** Requests the server handled, counting those still in flight when the run stopped. */
  served: number;
  /** Rows the run added to `applications` per request: 10 for a push that did its work. */
  applicationsPerRequest: number;
}

function autocannonRun(base: string, route: Route, connections: number, seconds: number) {
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    // A slow route at 200 connections queues for seconds; past 10 s it counts as an error (a timeout).
    timeout: 10,
    requests: [
      {
        method: route.method,
        path: route.path,
        headers: route.headers,
        ...(route.body
          ? { setupRequest: (req: autocannon.Request): autocannon.Request => ({ ...req, body: route.body?.() }) }
          : {}),
      },
    ],
  });
}

/** A short unmeasured run so the JIT and SQLite's page cache are warm for the measured one. */
export async function warmUp(child: ServerChild, route: Route, seconds = 1): Promise<void> {
  await autocannonRun(child.base, route, 10, seconds);
  await child.idle();
}

export async function closedLoop(
  child: ServerChild,
  route: Route,
  connections: number,
  seconds: number,
): Promise<ClosedLoopResult> {
  const before = await child.idle();
  const startedAt = performance.timeOrigin + performance.now();
  const result = await autocannonRun(child.base, route, connections, seconds);
  const after = await child.idle();
  const served = after.started - before.started;
  const answered = result.requests.total > 0;
  progress(`${route.label} at ${connections} connections`);
  return {
    route: route.label,
    connections,
    requestsPerSecond: Math.round(served / ((after.lastFinishedAt - startedAt) / 1000)),
    answeredInRun: result.requests.total,
    // No answer at all within the run: no latency to report, rather than autocannon's 0.
    p50Ms: answered ? result.latency.p50 : null,
    p99Ms: answered ? result.latency.p99 : null,
    errors: result.errors,
    non2xx: result.non2xx,
    cpuMsPerRequest: +((after.cpuMs - before.cpuMs) / Math.max(1, served)).toFixed(3),
    served,
    applicationsPerRequest: +((after.applications - before.applications) / Math.max(1, served)).toFixed(2),
  };
}

export interface OpenLoopOptions {
  cookies: string[];
  /** Each cadre pushes once per period. */
  periodMs: number;
  seconds: number;
  /** The body of a cadre's push, built when it is sent. */
  body: () => string;
  mutationsPerPush: number;
}

export interface OpenLoopResult {
  cadres: number;
  offeredPerSecond: number;
  sent: number;
  /** Answered 200 with every mutation applied. */
  ok: number;
  /** Everything else: the four kinds below. */
  failures: number;
  /** No answer 10 s after it was due (counted in the latencies at the moment it was given up). */
  timeouts: number;
  /** Connection errors. */
  errors: number;
  non200: number;
  /** A 200 whose results were not all `applied`. */
  notApplied: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** ok pushes over the time from the first scheduled send to the last answer. */
  servedPerSecond: number;
  /** How late the load generator itself sent (it shares the machine): p99 of send time − scheduled time. */
  senderLateP99Ms: number;
  /** Server CPU over the run per request it started (a request given up before its body arrived costs little). */
  cpuMsPerRequest: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN).toFixed(1);
}

/**
 * Each of N cadres pushes every `periodMs`, the cadres spread evenly over the
 * period. Latency runs from the scheduled moment, not the moment the busy load
 * generator got round to sending, so a late sender cannot hide a slow server.
 */
export async function openLoop(child: ServerChild, options: OpenLoopOptions): Promise<OpenLoopResult> {
  const { cookies, periodMs, seconds, mutationsPerPush } = options;
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  const schedule: { at: number; cadre: number; round: number }[] = [];
  const rounds = Math.floor((seconds * 1000) / periodMs);
  for (let round = 0; round < rounds; round++) {
    for (let cadre = 0; cadre < cookies.length; cadre++) {
      schedule.push({ at: round * periodMs + (cadre * periodMs) / cookies.length, cadre, round });
    }
  }
  schedule.sort((a, b) => a.at - b.at);
  const before = await child.idle();
  const latencies: number[] = [];
  const late: number[] = [];
  const outcomes = { ok: 0, timeouts: 0, errors: 0, non200: 0, notApplied: 0 };
  let lastAnswer = 0;
  const pending: Promise<void>[] = [];
  const start = performance.now() + 50;

  const sendOne = (item: (typeof schedule)[number]) => {
    const scheduled = start + item.at;
    late.push(performance.now() - scheduled);
    const body = options.body();
    return new Promise<void>((done) => {
      let settled = false;
      // Unanswered 10 s after it was due is a failure (the goal is a p99 of 50 ms); a hard deadline, not
      // the socket's idle timeout, so a connection stuck in the accept queue is given up on too.
      const deadline = setTimeout(
        () => req.destroy(new Error("timeout")),
        Math.max(0, scheduled + 10_000 - performance.now()),
      );
      const settle = (outcome: keyof typeof outcomes) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        outcomes[outcome]++;
        lastAnswer = performance.now();
        latencies.push(lastAnswer - scheduled);
        done();
      };
      const fail = (error: Error) => settle(error.message === "timeout" ? "timeouts" : "errors");
      const req = request(
        `${child.base}/api/sync/push`,
        {
          method: "POST",
          agent,
          headers: {
            "Content-Type": "application/json",
            "Accept-Encoding": "gzip",
            Cookie: cookies[item.cadre] ?? "",
            "Content-Length": Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", fail);
          res.on("end", () => {
            if (res.statusCode !== 200) return settle("non200");
            const applied = appliedCount(Buffer.concat(chunks), res.headers["content-encoding"]);
            settle(applied === mutationsPerPush ? "ok" : "notApplied");
          });
        },
      );
      req.on("error", fail);
      req.end(body);
    });
  };

  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (next < schedule.length && start + (schedule[next]?.at ?? 0) <= now) {
        const item = schedule[next++];
        if (item) pending.push(sendOne(item));
      }
      if (next >= schedule.length) done();
      else setTimeout(tick, 2);
    };
    setTimeout(tick, 50);
  });
  await Promise.all(pending);
  agent.destroy();
  const after = await child.idle();
  progress("open loop");
  return {
    cadres: cookies.length,
    offeredPerSecond: +((cookies.length * 1000) / periodMs).toFixed(1),
    sent: schedule.length,
    ...outcomes,
    failures: schedule.length - outcomes.ok,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: percentile(latencies, 1),
    servedPerSecond: +(outcomes.ok / ((lastAnswer - start) / 1000)).toFixed(1),
    senderLateP99Ms: percentile(late, 0.99),
    cpuMsPerRequest: +((after.cpuMs - before.cpuMs) / Math.max(1, after.started - before.started)).toFixed(3),
  };
}

/** How many results of a push answer say `applied` (0 if it cannot be read). */
function appliedCount(raw: Buffer, encoding: string | undefined): number {
  try {
    const text = encoding === "gzip" ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
    const body = JSON.parse(text) as { results?: { status: string }[] };
    return (body.results ?? []).filter((result) => result.status === "applied").length;
  } catch {
    return 0;
  }
}
