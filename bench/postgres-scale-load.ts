/**
 * Load for bench/postgres-scale.ts against one or more real server processes (server/main.ts), requests
 * spread round-robin over their ports by the load generator itself (no proxy in front): cadres pushing
 * putDraft + submitApplication in batches (closed loop: a phone sends its next push once the last is
 * answered), cadres pulling, the dashboard. Also the CPU each party used (/proc), to say where the limit is.
 */
import { readdirSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { v7 as uuidv7 } from "uuid";
import { readyDraft } from "../tests/helpers/drafts";

export interface Cadre {
  cookie: string;
  clientId: string;
  seq: number;
  cursor: string;
}

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** Requests spread over the servers' ports in turn, one keep-alive agent per port. */
export class RoundRobin {
  private next = 0;
  private readonly agents: Agent[];
  constructor(readonly bases: string[]) {
    this.agents = bases.map(() => new Agent({ keepAlive: true, maxSockets: 1024 }));
  }
  send(method: "GET" | "POST", path: string, cookie: string, body?: string): Promise<Answer> {
    const at = this.next++ % this.bases.length;
    const started = performance.now();
    return new Promise((done) => {
      const req = request(
        `${this.bases[at]}${path}`,
        {
          method,
          agent: this.agents[at],
          headers: {
            Cookie: cookie,
            "Accept-Encoding": "gzip",
            ...(body ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", () => done({ status: 0, body: "", ms: performance.now() - started }));
          res.on("end", () => {
            const raw = Buffer.concat(chunks);
            let text = "";
            try {
              text = res.headers["content-encoding"] === "gzip" ? gunzipSync(raw).toString() : raw.toString();
            } catch {
              text = "";
            }
            done({ status: res.statusCode ?? 0, body: text, ms: performance.now() - started });
          });
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error("timeout")));
      req.on("error", () => done({ status: 0, body: "", ms: performance.now() - started }));
      req.end(body);
    });
  }
  close(): void {
    for (const agent of this.agents) agent.destroy();
  }
}

export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return +(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(1);
}

/** The serialised ready draft after its `id` field, for splicing fresh ids in cheaply. */
let draftTail: string | undefined;
function draftJson(id: string): string {
  if (draftTail === undefined) {
    const { id: _id, ...rest } = readyDraft();
    draftTail = JSON.stringify(rest).slice(1);
  }
  return `{"id":"${id}",${draftTail}`;
}

/** One push as the phone sends its outbox: per new draft its last save (putDraft), then its submitApplication. */
export function pushBody(cadre: Cadre, drafts: number): string {
  const parts: string[] = [];
  for (let i = 0; i < drafts; i++) {
    const draft = draftJson(uuidv7());
    for (const name of ["putDraft", "submitApplication"]) {
      cadre.seq += 1;
      parts.push(
        `{"seq":${cadre.seq},"mutationId":"${uuidv7()}","name":"${name}","args":{"draft":${draft}},"baseVersion":0}`,
      );
    }
  }
  return `{"clientId":"${cadre.clientId}","mutations":[${parts.join(",")}]}`;
}

export interface PushResult {
  seconds: number;
  pushes: number;
  /** Mutations answered `applied` (putDraft and submitApplication alike), per second of the run. */
  mutationsPerSecond: number;
  submitsPerSecond: number;
  applied: number;
  /** Anything not `applied`: status → count (a rejected submit says why: its code). */
  notApplied: Record<string, number>;
  non200: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

/** Every cadre pushes, waits for the answer, pushes again, until `seconds` have passed; then the last answers. */
export async function pushLoad(rr: RoundRobin, cadres: Cadre[], drafts: number, seconds: number): Promise<PushResult> {
  const latencies: number[] = [];
  const notApplied: Record<string, number> = {};
  let applied = 0;
  let submits = 0;
  let non200 = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    cadres.map(async (cadre) => {
      while (performance.now() < until) {
        const answer = await rr.send("POST", "/api/sync/push", cadre.cookie, pushBody(cadre, drafts));
        latencies.push(answer.ms);
        if (answer.status !== 200) {
          non200 += 1;
          notApplied[`HTTP ${answer.status}`] = (notApplied[`HTTP ${answer.status}`] ?? 0) + 1;
          // The phone would send the same mutations again; the bench takes up after the server's last seq.
          cadre.seq = await lastSeq(rr, cadre);
          continue;
        }
        const parsed = JSON.parse(answer.body) as {
          lastAppliedSeq: number;
          results: { seq: number; status: string; code?: string }[];
        };
        for (const result of parsed.results) {
          if (result.status === "applied") {
            applied += 1;
            if (result.seq % 2 === 0) submits += 1;
          } else {
            const key = `${result.status}${result.code ? `: ${result.code}` : ""}`;
            notApplied[key] = (notApplied[key] ?? 0) + 1;
          }
        }
        cadre.seq = parsed.lastAppliedSeq;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    seconds: +elapsed.toFixed(1),
    pushes: latencies.length,
    mutationsPerSecond: +(applied / elapsed).toFixed(0),
    submitsPerSecond: +(submits / elapsed).toFixed(0),
    applied,
    notApplied,
    non200,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: percentile(latencies, 1),
  };
}

/** The server's last seq for the cadre's client: an empty-handed push is not allowed, so a replay of seq 1 asks. */
async function lastSeq(rr: RoundRobin, cadre: Cadre): Promise<number> {
  const body = `{"clientId":"${cadre.clientId}","mutations":[{"seq":1,"mutationId":"${uuidv7()}","name":"deleteDraft","args":{"id":"${uuidv7()}"},"baseVersion":0}]}`;
  const answer = await rr.send("POST", "/api/sync/push", cadre.cookie, body);
  if (answer.status !== 200) return cadre.seq;
  return (JSON.parse(answer.body) as { lastAppliedSeq: number }).lastAppliedSeq;
}

export interface PullResult {
  /** `failed`: cadres whose catch-up met a non-200 or no answer in 60 s (they poll from where they got to). */
  catchUp: { pulls: number; p50Ms: number | null; p99Ms: number | null; changes: number; failed: number };
  poll: {
    seconds: number;
    pulls: number;
    perSecond: number;
    p50Ms: number | null;
    p99Ms: number | null;
    non200: number;
  };
}

/**
 * Each cadre first pulls everything it has not seen (its own pushed files, page by page: the catch-up), then
 * polls from its cursor, closed loop, for `seconds` (a phone's pull when nothing changed, the common case).
 */
export async function pullLoad(rr: RoundRobin, cadres: Cadre[], seconds: number): Promise<PullResult> {
  const catchUp: number[] = [];
  let changes = 0;
  let failed = 0;
  const pull = (cadre: Cadre) =>
    rr.send(
      "GET",
      `/api/sync/pull?clientId=${cadre.clientId}${cadre.cursor ? `&cursor=${cadre.cursor}` : ""}`,
      cadre.cookie,
    );
  await Promise.all(
    cadres.map(async (cadre) => {
      for (;;) {
        const answer = await pull(cadre);
        catchUp.push(answer.ms);
        if (answer.status !== 200) {
          // Unanswered in 60 s (pushes given up by the load generator may still hold the server) or refused.
          failed += 1;
          break;
        }
        const page = JSON.parse(answer.body) as { cursor: string; hasMore: boolean; changes?: unknown[] };
        changes += page.changes?.length ?? 0;
        cadre.cursor = page.cursor;
        if (!page.hasMore) break;
      }
    }),
  );
  const polls: number[] = [];
  let non200 = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    cadres.map(async (cadre) => {
      while (performance.now() < until) {
        const answer = await pull(cadre);
        polls.push(answer.ms);
        if (answer.status !== 200) non200 += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    catchUp: {
      pulls: catchUp.length,
      p50Ms: percentile(catchUp, 0.5),
      p99Ms: percentile(catchUp, 0.99),
      changes,
      failed,
    },
    poll: {
      seconds: +elapsed.toFixed(1),
      pulls: polls.length,
      perSecond: +(polls.length / elapsed).toFixed(0),
      p50Ms: percentile(polls, 0.5),
      p99Ms: percentile(polls, 0.99),
      non200,
    },
  };
}

export interface DashboardResult {
  path: string;
  runs: number;
  firstMs: number;
  p50Ms: number | null;
  bytes: number;
  status: number;
}

/** The dashboard asked `runs` times one after another (after one untimed call), round-robin over the servers. */
export async function dashboard(rr: RoundRobin, cookie: string, path: string, runs: number) {
  const first = await rr.send("GET", path, cookie);
  if (first.status !== 200) throw new Error(`${path} answered ${first.status}: ${first.body.slice(0, 200)}`);
  const times: number[] = [];
  let last = first;
  for (let i = 0; i < runs; i++) {
    last = await rr.send("GET", path, cookie);
    times.push(last.ms);
  }
  const result: DashboardResult = {
    path,
    runs,
    firstMs: +first.ms.toFixed(1),
    p50Ms: percentile(times, 0.5),
    bytes: last.body.length,
    status: last.status,
  };
  return { result, body: first.body };
}

const TICK = 100; // USER_HZ on Linux

/** utime + stime of a process, in ms (0 when it is gone). */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICK;
  } catch {
    return 0;
  }
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return -1;
  }
}

/** The postmaster's pid and its children's (the backends, walwriter, autovacuum…). */
export function postgresPids(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
  const pids = [postmaster];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (Number.isInteger(pid) && parentOf(pid) === postmaster) pids.push(pid);
  }
  return pids;
}

/** Whole-machine busy and total CPU from /proc/stat, in ms summed over cores. */
function machineMs(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((a, b) => a + b, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: ((total - idle) * 1000) / TICK, total: (total * 1000) / TICK };
}

export interface CpuShare {
  /** Share of the machine's CPU (all cores = 100 %) over the phase, by whom. */
  appServersPct: number;
  postgresPct: number;
  loadGeneratorPct: number;
  /** Everything else on the machine (the other work sharing it). */
  otherPct: number;
  idlePct: number;
  /** CPU ms the app servers and PostgreSQL used over the phase (all their processes). */
  appServersMs: number;
  postgresMs: number;
}

/** Samples CPU of the app servers, PostgreSQL (pids found at the start and end) and this process over a phase. */
export function cpuMeter(serverPids: number[], postgresDataDir?: string) {
  const pgPids = () => (postgresDataDir ? postgresPids(postgresDataDir) : []);
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + cpuMsOf(pid), 0);
  const pgAtStart = new Map(pgPids().map((pid) => [pid, cpuMsOf(pid)]));
  const serversAtStart = sum(serverPids);
  const self = process.cpuUsage();
  const machine = machineMs();
  return (): CpuShare => {
    let pgUsed = 0;
    // A backend that started during the phase counts from zero; one that ended is lost (backends here are pooled).
    for (const pid of new Set([...pgAtStart.keys(), ...pgPids()])) {
      const now = cpuMsOf(pid);
      if (now > 0) pgUsed += now - (pgAtStart.get(pid) ?? 0);
    }
    const servers = sum(serverPids) - serversAtStart;
    const mine = process.cpuUsage(self);
    const loadGen = (mine.user + mine.system) / 1000;
    const end = machineMs();
    const total = end.total - machine.total;
    const busy = end.busy - machine.busy;
    const pct = (ms: number) => +((ms / total) * 100).toFixed(1);
    return {
      appServersPct: pct(servers),
      postgresPct: pct(pgUsed),
      loadGeneratorPct: pct(loadGen),
      otherPct: pct(Math.max(0, busy - servers - pgUsed - loadGen)),
      idlePct: pct(total - busy),
      appServersMs: Math.round(servers),
      postgresMs: Math.round(pgUsed),
    };
  };
}
