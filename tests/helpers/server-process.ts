import { type ChildProcess, execFile, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port";

export { freePort };

/**
 * The real server (server/main.ts) as a child process of its own, for tests
 * that need several app servers or kill one (SIGKILL): started with
 * `node --import tsx`, so the child's pid is the server itself and a signal
 * reaches it, not a wrapper. Readiness is an event: GET /api/health is tried
 * until it answers 200 (a refused connection means "not listening yet"); the
 * start fails at once if the process exits first.
 */

export const ROOT = resolve(import.meta.dirname, "../..");
const MAIN = join(ROOT, "server/main.ts");
const run = promisify(execFile);

export interface ServerProcess {
  name: string;
  port: number;
  /** http://127.0.0.1:<port> */
  base: string;
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr, as lines (JSON log lines from pino). */
  output: string[];
  /** Settles when the process has exited, with how. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True until the process exits. */
  readonly alive: boolean;
  /** SIGKILL, and waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (the server's own shutdown), SIGKILL if it is still there after `graceMs`; waits for the exit. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  name: string;
  /** The whole environment of the child (PORT and HOST are set here). */
  env: NodeJS.ProcessEnv;
  /** Gives up waiting for readiness after this long (a safety net: readiness itself is an event). */
  readyTimeoutMs?: number;
}

function spawnServer(name: string, port: number, env: NodeJS.ProcessEnv): ServerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim() !== "") output.push(line);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let alive = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.once("exit", (code, signal) => {
      alive = false;
      done({ code, signal });
    });
  });
  const process_: ServerProcess = {
    name,
    port,
    base: `http://127.0.0.1:${port}`,
    child,
    output,
    exited,
    get alive() {
      return alive;
    },
    async kill() {
      if (alive) child.kill("SIGKILL");
      await exited;
    },
    async stop(graceMs = 10_000) {
      if (!alive) return;
      child.kill("SIGTERM");
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((done) => {
        timer = setTimeout(() => done("late"), graceMs);
      });
      if ((await Promise.race([exited, late])) === "late") child.kill("SIGKILL");
      clearTimeout(timer);
      await exited;
    },
  };
  return process_;
}

/** Answers once /api/health says 200, or throws when the process exits or the safety net runs out. */
async function untilReady(server: ServerProcess, deadline: number): Promise<void> {
  let exitedEarly = false;
  void server.exited.then(() => {
    exitedEarly = true;
  });
  for (;;) {
    if (exitedEarly) throw new Error(`${server.name} exited before it was ready`);
    try {
      const response = await fetch(`${server.base}/api/health`);
      const text = await response.text();
      if (response.status === 200) return;
      // 503: up, but the database or the store is not ready yet; ask again.
      if (response.status !== 503) throw new Error(`${server.name}: /api/health answered ${response.status}: ${text}`);
    } catch (error) {
      // A refused connection: not listening yet. Anything else is a real failure.
      if (!(error instanceof TypeError)) throw error;
    }
    if (Date.now() > deadline) throw new Error(`${server.name} was not ready in time`);
    // Between two attempts only: each attempt is the event being waited for.
    await new Promise((done) => setTimeout(done, 100));
  }
}

/**
 * Starts server/main.ts on a free loopback port and resolves once it answers
 * /api/health. A port taken in the moment between picking and listening
 * (EADDRINUSE) is picked again.
 */
export async function startServerProcess({
  name,
  env,
  readyTimeoutMs = 120_000,
}: StartOptions): Promise<ServerProcess> {
  const deadline = Date.now() + readyTimeoutMs;
  for (let attempt = 1; ; attempt++) {
    const server = spawnServer(name, await freePort(), env);
    try {
      await untilReady(server, deadline);
      return server;
    } catch (error) {
      await server.kill();
      const inUse = server.output.some((line) => line.includes("EADDRINUSE"));
      if (inUse && attempt < 3) continue;
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${server.output.join("\n")}`);
    }
  }
}

/** Runs one of the server's command-line tools (server/cli/*.ts) to its end. */
export async function runCli(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return run(process.execPath, ["--import", "tsx", join(ROOT, script), ...args], { env, cwd: ROOT });
}

function sessionCookieOf(response: Response): string {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    if (pair?.startsWith("masdarin_session=")) return pair;
  }
  throw new Error("no session cookie");
}

/** Signs in through a server process's HTTP API, as a phone does; answers the session cookie. */
export async function signIn(server: ServerProcess, username: string, password: string): Promise<string> {
  const response = await fetch(`${server.base}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ username, password, deviceLabel: `Ponsel ${username}` }),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${await response.text()}`);
  return sessionCookieOf(response);
}
