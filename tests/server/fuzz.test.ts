import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { activeDialect } from "../../server/db/dialect";
import type { Db } from "../../server/db/open";
import { rawAll, rawGet } from "../../server/db/raw";
import { storedFilePath } from "../../server/files/photo-store";
import type { AccessEntry } from "../../server/http/access-log";
import { ApiError } from "../../shared/api/errors";
import { createTestUser, sessionCookie } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import {
  type Actor,
  FuzzGenerator,
  type FuzzRequest,
  type KnownIds,
  type RouteEntry,
  routeHints,
  seededRandom,
} from "../helpers/fuzz-requests";
import { plainImage } from "../helpers/images";
import { seededDatabase } from "../helpers/temp-db";

/**
 * Thousands of malformed requests across every route of the real app, as
 * anonymous, cadre, operator and admin: none may answer 5xx, every 4xx with
 * a JSON body carries a machine-readable code, and the database and the file
 * store come out exactly as they went in.
 *
 * Replay a failure with the seed it prints: `FUZZ_SEED=123 npx vitest run tests/server/fuzz.test.ts`;
 * run longer with `FUZZ_RUNS=100000`.
 *
 * Tables allowed to change: those that only count refused sign-ins (a table
 * whose name starts with `login_`, `sign_in_` or `rate_limit`), because
 * recording a failed guess is exactly what a refusal must do. None exists yet:
 * the limiter keeps its counts in memory. Sessions do not move either: the app
 * runs on a clock fixed just after they were created, so no sliding expiry
 * is touched.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const BOOKKEEPING = /^(login_|sign_in_|rate_limit)/;

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let filesDir: string;
let ids: KnownIds;
let cookies: Record<Actor, string | null>;
const errors: { message: string; stack: string }[] = [];
/** The access log's line of the request just sent (requests go one at a time). */
const last: { entry?: AccessEntry | undefined } = {};

beforeAll(async () => {
  env = await seededDatabase();
  filesDir = join(env.dir, "files");
  const setup = createApp({ db: env.db, filesDir });
  const cadre = await createTestUser(env.db, "cadre", { kecamatanCode: "31.75.07" });
  const operator = await createTestUser(env.db, "operator", { kecamatanCode: "31.75.07" });
  const admin = await createTestUser(env.db, "admin");

  // A submitted application with its photos on disk, so real ids reach the review routes.
  const draft = readyDraft({ village: "31.75.07.1001" });
  await storeFilesOf(env.db, draft, cadre.id);
  for (const document of Object.values(draft.documents)) {
    for (const page of document.pages) {
      const path = storedFilePath(filesDir, page.sha256 ?? "");
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, await plainImage(1200, 900, "webp"));
    }
  }
  const push = await setup.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
    body: JSON.stringify({ clientId: uuidv7(), mutations: [mutation(1, "submitApplication", { draft })] }),
  });
  expect(push.status).toBe(200);
  await sessionCookie(env.db, cadre.id, "second phone");
  const first = await rawGet<{ id: string }>(
    env.db,
    sql`SELECT id FROM sessions WHERE user_id = ${cadre.id} ORDER BY created_at LIMIT 1`,
  );
  const sessionId = first?.id ?? "";

  ids = {
    applicationId: draft.id,
    userId: cadre.id,
    sessionId,
    guideId: "surat-keterangan-domisili",
    sha256: draft.documents["ktp-el"]?.pages[0]?.sha256 ?? "",
    username: cadre.username,
  };
  cookies = { anonymous: null, cadre: cadre.cookie, operator: operator.cookie, admin: admin.cookie };

  // Fixed just after the sessions were made: no request may slide a session's expiry (a write).
  const fixed = new Date();
  app = createApp({
    db: env.db,
    filesDir,
    auth: { now: () => fixed },
    logError: (message, error) =>
      errors.push({ message, stack: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    logRequest: (entry) => {
      last.entry = entry;
    },
  });
});
afterAll(() => env?.cleanup());

/** Row count and a hash of every row of every table, and every file under the store. */
async function snapshot(db: Db, dir: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  const tables = (
    await rawAll<{ name: string }>(
      db,
      activeDialect() === "postgres"
        ? sql`SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY name`
        : sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
  ).map((row) => row.name);
  for (const table of tables) {
    if (BOOKKEEPING.test(table)) continue;
    // Rows sorted by their own text: some tables (the dashboard's rollups) are WITHOUT ROWID.
    // The name is the catalogue's own, not input.
    const rows = (await rawAll<unknown>(db, sql.raw(`SELECT * FROM "${table}"`)))
      .map((row) => JSON.stringify(row))
      .sort();
    const hash = createHash("sha256").update(rows.join("\n")).digest("hex");
    state[`table ${table}`] = `${rows.length} rows, ${hash}`;
  }
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else state[`file ${path.slice(dir.length)}`] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  // The store (verified files and uploads in progress); the database files themselves are covered by the tables.
  walk(join(dir, "files"));
  return state;
}

/** The handlers (not middleware) of the app: the routes a request can end at. */
function endpoints(): RouteEntry[] {
  return app.routes.filter((route) => route.handler.length < 2);
}

function routeKey(route: RouteEntry): string {
  return `${route.method} ${route.path}`;
}

/** The body as the client would read it: in-process there is no network layer to undo compress(). */
async function bodyText(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  const encoding = response.headers.get("content-encoding");
  if (bytes.length === 0) return "";
  if (encoding === "gzip") return gunzipSync(bytes).toString("utf8");
  if (encoding === "deflate") return inflateSync(bytes).toString("utf8");
  if (encoding === "br") return brotliDecompressSync(bytes).toString("utf8");
  return bytes.toString("utf8");
}

function describeRequest(request: FuzzRequest): string {
  const body =
    request.body === undefined
      ? ""
      : typeof request.body === "string"
        ? request.body.slice(0, 300)
        : `<${request.body.byteLength} bytes>`;
  return [
    `seed ${SEED} (replay: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npx vitest run tests/server/fuzz.test.ts)`,
    `route ${request.route} as ${request.actor}: ${request.defects.join(", ")}`,
    `${request.method} ${request.url.slice(0, 300)}`,
    `headers ${JSON.stringify(request.headers).slice(0, 500)}`,
    `body ${body}`,
  ].join("\n");
}

describe("fuzzing every route with malformed requests", () => {
  it(`answers ${RUNS} malformed requests without a 5xx, each 4xx with a code, and changes nothing`, async () => {
    const routes: RouteEntry[] = [
      ...new Map(app.routes.map((r) => [routeKey(r), { method: r.method, path: r.path }])).values(),
    ];
    const generator = new FuzzGenerator(seededRandom(SEED), ids, cookies);
    const hints = routeHints(ids);
    const before = await snapshot(env.db, env.dir);
    const sent = new Map<string, number>();
    const answeredAt = new Set<string>();
    const statuses = new Map<number, number>();
    const spent = new Map<string, number>();
    const byRoute: Record<string, Record<number, number>> = {};
    /** The first failing request of each kind (route and first problem), with how often it happened. */
    const failures = new Map<string, { count: number; example: string }>();

    for (let run = 0; run < RUNS; run++) {
      const request = generator.next(routes, hints);
      sent.set(request.route, (sent.get(request.route) ?? 0) + 1);
      last.entry = undefined;
      const started = performance.now();
      const errorsBefore = errors.length;
      const response = await app.fetch(
        new Request(request.url, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
        }),
      );
      const text = await bodyText(response);
      spent.set(request.route, (spent.get(request.route) ?? 0) + performance.now() - started);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (process.env.FUZZ_DEBUG) {
        const counts = byRoute[request.route] ?? {};
        counts[response.status] = (counts[response.status] ?? 0) + 1;
        byRoute[request.route] = counts;
      }
      const entry = last.entry as AccessEntry | undefined;
      if (entry) answeredAt.add(`${entry.method} ${entry.route}`);

      const problems: string[] = [];
      if (process.env.FUZZ_DEBUG && response.status < 300 && !["GET", "HEAD"].includes(request.method))
        console.info(`${response.status} ${describeRequest(request)}`);
      if (response.status >= 500) problems.push(`answered ${response.status}: ${text.slice(0, 300)}`);
      const isJson = response.headers.get("content-type")?.includes("json") ?? false;
      if (response.status >= 400 && response.status < 500 && isJson && request.method !== "HEAD") {
        const parsed = (() => {
          try {
            return ApiError.safeParse(JSON.parse(text)).success;
          } catch {
            return false;
          }
        })();
        if (!parsed) problems.push(`answered ${response.status} without an error code: ${text.slice(0, 300)}`);
      }
      for (const error of errors.slice(errorsBefore))
        problems.push(`logged an error: ${error.message}\n${error.stack}`);
      if (problems.length > 0) {
        const kind = `${request.route}: ${problems[0]?.split("\n")[0]?.slice(0, 40)}`;
        const seen = failures.get(kind);
        if (seen) seen.count++;
        else failures.set(kind, { count: 1, example: `${problems.join("\n")}\n${describeRequest(request)}` });
      }
    }

    console.info(
      `fuzz: seed ${SEED}, ${RUNS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    if (process.env.FUZZ_DEBUG) console.info(JSON.stringify(byRoute, null, 1));
    const slowest = [...spent].sort((a, b) => b[1] - a[1]).slice(0, 3);
    console.info(`fuzz: slowest routes ${slowest.map(([route, ms]) => `${route} ${Math.round(ms)} ms`).join("; ")}`);
    const report = [...failures].map(([kind, { count, example }]) => `${kind} (×${count})\n${example}`);
    expect(report, report.join("\n\n")).toEqual([]);

    // No state change: every table and every stored file as before.
    const after = await snapshot(env.db, env.dir);
    expect(after, `seed ${SEED}: a refused request changed state`).toEqual(before);

    // Every route was fuzzed, and every handler was reached by some request (a new route is covered automatically).
    const unsent = routes.map(routeKey).filter((key) => !sent.has(key));
    expect(unsent, `seed ${SEED}: routes no request was generated for`).toEqual([]);
    if (RUNS >= 10_000) {
      const unreached = endpoints()
        .map(routeKey)
        .filter((key) => {
          const [method, path] = key.split(" ");
          if (method === "ALL") return ![...answeredAt].some((at) => at.endsWith(` ${path}`));
          return !answeredAt.has(key) && !(method === "GET" && answeredAt.has(`HEAD ${path}`));
        });
      expect(unreached, `seed ${SEED}: handlers no request reached`).toEqual([]);
    }
  }, 300_000);
});
