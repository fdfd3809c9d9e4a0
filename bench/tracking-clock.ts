/**
 * Tracking numbers and the service-time clock over the console benchmark's database (bench/console.ts:
 * 1,000,000 files by default, every submitted one with a number and a clock):
 * (a) the public lookup, GET /api/track/:number over app.request and lookupTracking() called directly,
 *     found and not-found numbers, p50 and p99, beside the same row read by its primary key (the reference);
 * (b) the review queue with the clock: 'lewat batas waktu', 'hampir lewat' and the deadline order, first
 *     page and a later keyset page (the cursor after 20 pages), operator and admin, beside the plain queue.
 * `npx tsx bench/tracking-clock.ts` (BENCH_FILES=100000 for a quicker run)
 */
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { createApp } from "../server/app";
import { sqliteDriver } from "../server/db/maintenance";
import { LOOKUP_SQL, lookupTracking } from "../server/tracking/lookup";
import { createRegionIndex } from "../shared/regions";
import { newTrackingNumber, parseTrackingNumber, type TrackingNumber } from "../shared/tracking/number";
import { trackingPrefix } from "../shared/tracking/prefix";
import { type Built, build, KECAMATAN, ROWS } from "./console";

const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1_000);
const PAGE_RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 40);
const LATER_PAGE = 20;

type App = ReturnType<typeof createApp>;

function percentiles(times: number[]): { p50: number; p99: number; n: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => +(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0).toFixed(3);
  return { p50: at(0.5), p99: at(0.99), n: sorted.length };
}

async function timeEach<T>(inputs: T[], run: (input: T) => unknown): Promise<ReturnType<typeof percentiles>> {
  const times: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    times.push(performance.now() - started);
  }
  return percentiles(times);
}

async function timeRequests(app: App, paths: string[], cookie?: string, expectStatus = 200) {
  const times: number[] = [];
  let bytes = 0;
  for (const path of paths) {
    const started = performance.now();
    const res = await app.request(path, cookie ? { headers: { Cookie: cookie } } : {});
    bytes = (await res.arrayBuffer()).byteLength;
    times.push(performance.now() - started);
    if (res.status !== expectStatus) throw new Error(`${path}: ${res.status}, expected ${expectStatus}`);
  }
  return { ...percentiles(times), bytes };
}

/** The SQLite driver under `built.db`: this bench reads the file directly. */
function driverOf(built: Built) {
  const driver = sqliteDriver(built.db);
  if (!driver) throw new Error("bench/tracking-clock.ts runs on SQLite");
  return driver;
}

/** Well-formed numbers (right check character, a real office prefix) that no file holds. */
function unknownNumbers(built: Built, count: number): string[] {
  const has = driverOf(built).prepare("SELECT 1 FROM applications WHERE tracking_number = ?");
  const numbers: string[] = [];
  while (numbers.length < count) {
    const number = newTrackingNumber(trackingPrefix(KECAMATAN[numbers.length % KECAMATAN.length]), randomBytes);
    if (!has.get(number)) numbers.push(number);
  }
  return numbers;
}

async function lookupFigures(built: Built) {
  const { db } = built;
  const driver = driverOf(built);
  const regions = createRegionIndex();
  const now = new Date();
  // Only numbers still public: a file decided over a year ago answers tracking_expired (server/tracking/lookup.ts).
  const sample: Built["sample"] = [];
  for (const s of built.sample) {
    if (sample.length >= LOOKUPS) break;
    if ((await lookupTracking(db, s.number as TrackingNumber, { regions, now })).ok) sample.push(s);
  }
  const found = sample.map((s) => s.number as TrackingNumber);
  const unknown = unknownNumbers(built, LOOKUPS) as TrackingNumber[];
  const byNumber = driver.prepare(LOOKUP_SQL.file);
  // The reference: the same columns of the same rows, read by the primary key.
  const byId = driver.prepare(LOOKUP_SQL.file.replace(/WHERE tracking_number = \?/, "WHERE id = ?"));
  for (const number of found.slice(0, 50)) await lookupTracking(db, number, { regions, now });
  const plan = (driver.prepare(`EXPLAIN QUERY PLAN ${LOOKUP_SQL.file}`).all("X") as { detail: string }[])
    .map((row) => row.detail)
    .join("; ");
  return {
    plan,
    found,
    unknown,
    direct: {
      "lookupTracking(), found (row, its events, guide facts), ms": await timeEach(found, (n) =>
        lookupTracking(db, n, { regions, now }),
      ),
      "lookupTracking(), not found, ms": await timeEach(unknown, (n) => lookupTracking(db, n, { regions, now })),
      "the file's row by tracking number (LOOKUP_SQL.file), ms": await timeEach(found, (n) => byNumber.get(n)),
      "reference: the same row by primary key id, ms": await timeEach(sample, (s) => byId.get(s.id)),
      "parseTrackingNumber() alone, ms": await timeEach(found, (n) => parseTrackingNumber(n)),
    },
  };
}

/** The cursor after `pages` pages of `path`, as a client paging through holds it. */
async function laterCursor(app: App, path: string, cookie: string, pages: number): Promise<string | null> {
  let cursor: string | null = null;
  for (let page = 0; page < pages; page++) {
    const res = await app.request(`${path}${cursor ? `&cursor=${cursor}` : ""}`, { headers: { Cookie: cookie } });
    const body = (await res.json()) as { nextCursor: string | null };
    if (!body.nextCursor) return cursor;
    cursor = body.nextCursor;
  }
  return cursor;
}

async function queueFigures(app: App, who: string, cookie: string) {
  const variants: [string, string][] = [
    ["reference: plain queue (submitted and received, oldest first)", "/api/console/applications?limit=50"],
    ["clock=overdue (lewat batas waktu)", "/api/console/applications?limit=50&clock=overdue"],
    ["clock=due-soon (hampir lewat)", "/api/console/applications?limit=50&clock=due-soon"],
    ["sort=deadline (nearest deadline first)", "/api/console/applications?limit=50&sort=deadline"],
  ];
  const out: Record<string, unknown> = {};
  for (const [name, path] of variants) {
    const first = await timeRequests(app, Array(PAGE_RUNS).fill(path), cookie);
    const cursor = await laterCursor(app, path, cookie, LATER_PAGE);
    const later = cursor
      ? await timeRequests(app, Array(PAGE_RUNS).fill(`${path}&cursor=${cursor}`), cookie)
      : "fewer than 21 pages";
    out[name] = { "first page": first, [`page ${LATER_PAGE + 1} (keyset cursor)`]: later };
  }
  return { [who]: out };
}

export async function measureTrackingAndClock(built: Built): Promise<Record<string, unknown>> {
  const { db } = built;
  // The lookup's per-address limit is the limiter's job, not what is measured here.
  const app = createApp({ db, trackLimit: { perMinute: 1e9, burst: 1e9 } });
  const lookups = await lookupFigures(built);
  const http = {
    "found (200)": await timeRequests(
      app,
      lookups.found.map((n) => `/api/track/${n}`),
    ),
    "not found (404 tracking_not_found)": await timeRequests(
      app,
      lookups.unknown.map((n) => `/api/track/${n}`),
      undefined,
      404,
    ),
    "reference: mistyped, refused before any read (400 tracking_mistyped)": await timeRequests(
      app,
      lookups.found.map((n) => `/api/track/${n.slice(0, -1)}${n.endsWith("2") ? "3" : "2"}`),
      undefined,
      400,
    ),
  };
  const count = (sql: string) => (driverOf(built).prepare(sql).get() as { n: number }).n;
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return {
    "files with a tracking number": count("SELECT count(*) AS n FROM applications WHERE tracking_number IS NOT NULL"),
    clocks: {
      running: count("SELECT count(*) AS n FROM applications WHERE clock_state = 'running'"),
      "running, past the deadline": count(
        `SELECT count(*) AS n FROM applications WHERE clock_state = 'running' AND clock_deadline < '${today}'`,
      ),
      paused: count("SELECT count(*) AS n FROM applications WHERE clock_state = 'paused'"),
      stopped: count("SELECT count(*) AS n FROM applications WHERE clock_state = 'stopped'"),
      "stopped on time": count(
        "SELECT count(*) AS n FROM applications WHERE clock_state = 'stopped' AND clock ->> '$.onTime' = 1",
      ),
    },
    "public lookup: query plan of the row read": lookups.plan,
    [`public lookup, ${lookups.found.length} numbers each, called directly (p50/p99 ms)`]: lookups.direct,
    "GET /api/track/:number (app.request, p50/p99 ms)": http,
    [`GET /api/console/applications with the clock (app.request, ${PAGE_RUNS} runs, p50/p99 ms)`]: {
      ...(await queueFigures(app, `operator (${KECAMATAN[4]})`, built.operatorCookies[4] ?? "")),
      ...(await queueFigures(app, "admin (every kecamatan)", built.adminCookie)),
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const built = await build();
  try {
    console.log(
      JSON.stringify(
        {
          database: {
            applications: ROWS,
            buildSeconds: +(built.buildMs / 1000).toFixed(1),
            fileMB: +(built.fileBytes / 1024 / 1024).toFixed(0),
          },
          ...(await measureTrackingAndClock(built)),
        },
        null,
        2,
      ),
    );
  } finally {
    await built.cleanup();
  }
}
