/**
 * Operator console benchmark: a temp SQLite file with 100 cadres in five
 * kecamatan and 1,000,000 applications, then the dashboard's queries one by
 * one, the whole dashboard over app.request, the review queue (first and a
 * deep page) and a 100,000-row CSV export of the audit log (what an office
 * hands to an inspector), with its time and memory.
 * Every submitted file carries a tracking number (shared/tracking/number.ts, unique, in the real format)
 * and a service-time clock: running with deadlines spread around today (some late, some due soon),
 * paused while sent back, stopped on time or late; bench/tracking-clock.ts times the public lookup and
 * the queue's clock filters over it.
 * `npx tsx bench/console.ts` (BENCH_FILES=100000 for a quicker run; BENCH_CONSOLE_ROWS is the old name;
 * BENCH_DB_CACHE=/tmp/bench-1m.sqlite keeps the generated database for later runs)
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type BetterSqlite3 from "better-sqlite3";
import { v7 as uuidv7 } from "uuid";
import { createApp } from "../server/app";
import { createSession } from "../server/auth/sessions";
import { buildDashboard, RECOUNT } from "../server/dashboard/build";
import { dashboardFilter } from "../server/dashboard/filter";
import { rollupOnTime } from "../server/dashboard/on-time-rollups";
import { scanOnTime } from "../server/dashboard/on-time-scan";
import { guideTitles, topReasons } from "../server/dashboard/queries";
import { rollupFigures, rollupReasons } from "../server/dashboard/rollups";
import { scanApplications } from "../server/dashboard/scan";
import { sqliteDriver } from "../server/db/maintenance";
import { closeDatabase, type Db, openDatabase } from "../server/db/open";
import { listGuides } from "../server/guides/repository";
import { encodeQueueCursor } from "../server/review/queue";
import { seedIfEmpty } from "../server/seed/seed";
import { jakartaDate } from "../shared/jakarta-time";
import { createRegionIndex, jakartaVillages } from "../shared/regions";
import type { ClockRecord } from "../shared/service-time/clock";
import { newTrackingNumber } from "../shared/tracking/number";
import { trackingPrefix } from "../shared/tracking/prefix";
import { tempDatabase } from "../tests/helpers/temp-db";
import { measureTrackingAndClock } from "./tracking-clock";

export const ROWS = Number(process.env.BENCH_FILES ?? process.env.BENCH_CONSOLE_ROWS ?? 1_000_000);
const AUDIT_ROWS = 100_000;
export const KECAMATAN = ["31.75.01", "31.75.02", "31.75.03", "31.75.06", "31.75.07"];
const CADRES_PER_KECAMATAN = 20;
const RUNS = 5;
const HOUR = 3_600_000;
const YEAR_START = Date.parse("2025-11-24T00:00:00.000Z");
const DAYS = 365;

/** A small deterministic PRNG (mulberry32): the same database on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** Status shares of a year's files: most are done, some open, some sent back or refused. */
const STATUSES: [string, number][] = [
  ["draft", 0.05],
  ["submitted", 0.07],
  ["received", 0.06],
  ["verified", 0.12],
  ["needs-fix", 0.1],
  ["rejected", 0.05],
  ["approved", 0.55],
];
const FIX_CODES = [
  "blurry",
  "cut-off",
  "wrong-document",
  "expired",
  "data-mismatch",
  "missing-pages",
  "missing-signature",
];
const REJECT_CODES = ["not-eligible", "outside-area", "duplicate", "invalid-document", "withdrawn-by-applicant"];
const NAMES = [
  "Siti Aminah",
  "Budi Santoso",
  "Dewi Lestari",
  "Agus Salim",
  "Rina Wati",
  "Joko Widodo",
  "Ani Yudhoyono",
];

function statusOf(r: number): string {
  let sum = 0;
  for (const [status, share] of STATUSES) {
    sum += share;
    if (r < sum) return status;
  }
  return "approved";
}

/** A draft's content of a realistic size (~1.3 KB): applicant, answers and page references. */
function content(id: string, name: string, villageCode: string, rand: () => number): string {
  const pages = Array.from({ length: 3 }, (_, i) => ({
    blobId: `${id}-p${i}`,
    sha256: (Math.floor(rand() * 2 ** 48).toString(16) + "0".repeat(64)).slice(0, 64),
    mime: "image/webp",
    bytes: 150_000 + Math.floor(rand() * 150_000),
    width: 1600,
    height: 2200,
    addedAt: "2026-03-01T08:00:00.000Z",
  }));
  return JSON.stringify({
    id,
    applicant: {
      fullName: name,
      nik: "3175074101900001",
      kk: "3175070101090001",
      birthDate: "1990-01-01",
      sex: "F",
      phone: "081234567890",
      address: { street: "Jl. Raya Bekasi Km. 17 No. 5", rt: "003", rw: "007", villageCode },
    },
    answers: { diwakilkan: false, "status-kawin": "kawin" },
    documents: { ktp: { pages: [pages[0]] }, kk: { pages: [pages[1]] }, "surat-pengantar": { pages: [pages[2]] } },
    data: {},
  });
}

export interface Built {
  db: Db;
  cleanup: () => Promise<void>;
  operatorCookies: string[];
  adminCookie: string;
  buildMs: number;
  backfillMs: number;
  findings: number;
  fileBytes: number;
  /** Submitted files' tracking numbers and ids, every 97th (a sample to look up). */
  sample: { number: string; id: string }[];
}

/**
 * The rollup triggers of migration 0009, and its backfill of existing rows. A million files loaded through
 * the triggers take hours on a busy machine, so the bench loads with them dropped and builds the rollups
 * as the migration does for an existing database (timed); measureTriggerCost times the triggers themselves.
 */
function rollupMigration(): { triggers: string[]; backfill: string[] } {
  const read = (name: string) =>
    readFileSync(new URL(`../server/migrations/${name}`, import.meta.url), "utf8").split("--> statement-breakpoint");
  const groups = read("0009_dashboard_rollups.sql");
  const clock = read("0011_dashboard_clock.sql");
  const start = groups.findIndex((statement) => statement.includes("-- Existing files and findings, once"));
  return {
    triggers: [...groups, ...clock].filter((statement) => statement.includes("CREATE TRIGGER")),
    backfill: [...groups.slice(start), ...clock.filter((statement) => statement.includes("-- Existing files, once"))],
  };
}

/** Jakarta dates from `from` days before today to `to` days after. */
function datesAroundToday(today: string, from: number, to: number): string[] {
  const base = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: to + from + 1 }, (_, i) =>
    new Date(base + (i - from) * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * A realistic clock for a generated file: none before receipt; running with a deadline spread around today
 * (about a fifth late, a sixth due within a day); paused while sent back; stopped, four in five on time.
 */
function clockOf(
  rand: () => number,
  status: string,
  service: { days: number; unit: "working" | "calendar" },
  receivedOn: string,
  around: string[],
): ClockRecord | null {
  if (status === "draft" || status === "submitted") return null;
  const base = { ...service, startedOn: receivedOn, usedBefore: 0 };
  if (status === "received" || status === "verified") {
    const r = rand();
    const offset =
      r < 0.2 ? -1 - Math.floor(rand() * 20) : r < 0.36 ? Math.floor(rand() * 2) : 2 + Math.floor(rand() * 9);
    const deadline = around[20 + offset] ?? receivedOn;
    return { ...base, state: "running", segmentStart: receivedOn, deadline, used: null, onTime: null };
  }
  const used = Math.floor(rand() * (service.days + 1));
  if (status === "needs-fix")
    return { ...base, state: "paused", segmentStart: null, deadline: null, used, onTime: null };
  const onTime = rand() < 0.8;
  const late = service.days + 1 + Math.floor(rand() ** 2 * 2 * (service.days + 2));
  return { ...base, state: "stopped", segmentStart: null, deadline: null, used: onTime ? used : late, onTime };
}

/** The SQLite driver: the office is generated straight into the file, and the bench reads SQLite's own figures. */
export function sqliteOf(db: Db): BetterSqlite3.Database {
  const driver = sqliteDriver(db);
  if (!driver) throw new Error("bench/console.ts builds a SQLite file");
  return driver;
}

/**
 * BENCH_DB_CACHE=<file>: keep the generated database there (once built, for this BENCH_FILES) and start
 * later runs from a copy of it, so a million-file run pays the build once. The copy is thrown away.
 */
async function fromCache(file: string): Promise<Built | null> {
  if (!existsSync(file)) return null;
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "masdarin-bench-"));
  const copy = join(dir, "masdarin.sqlite");
  copyFileSync(file, copy);
  const db = await openDatabase(copy);
  const sqlite = sqliteOf(db);
  const cleanup = async () => {
    await closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  };
  const files = (sqlite.prepare("SELECT count(*) AS n FROM applications").get() as { n: number }).n;
  if (files !== ROWS) {
    await cleanup();
    return null;
  }
  const now = new Date();
  const idOf = (username: string) =>
    (sqlite.prepare("SELECT id FROM users WHERE username = ?").get(username) as { id: string }).id;
  const cookie = async (id: string) => `masdarin_session=${(await createSession(db, id, "bench", now)).token}`;
  const operatorCookies: string[] = [];
  for (const kecamatan of KECAMATAN) operatorCookies.push(await cookie(idOf(`op-${kecamatan}`)));
  const pageCount = sqlite.pragma("page_count", { simple: true }) as number;
  const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
  return {
    db,
    cleanup,
    operatorCookies,
    adminCookie: await cookie(idOf("admin")),
    buildMs: performance.now() - started,
    backfillMs: 0,
    findings: (sqlite.prepare("SELECT count(*) AS n FROM review_findings").get() as { n: number }).n,
    fileBytes: pageCount * pageSize,
    sample: sqlite
      .prepare(
        "SELECT tracking_number AS number, id FROM applications WHERE tracking_number IS NOT NULL AND rowid % 97 = 1",
      )
      .all() as { number: string; id: string }[],
  };
}

export async function build(): Promise<Built> {
  const cache = process.env.BENCH_DB_CACHE;
  const cached = cache ? await fromCache(cache) : null;
  if (cached) return cached;
  const started = performance.now();
  const database = await tempDatabase();
  const { db } = database;
  const sqlite = sqliteOf(db);
  await seedIfEmpty(db);
  const migration = rollupMigration();
  const triggerNames = (
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%dashboard%'").all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  for (const name of triggerNames) sqlite.exec(`DROP TRIGGER ${name}`);
  const guides = (await listGuides(db)).map((stored) => ({
    id: stored.guide.id,
    requirements: stored.guide.requirements.map((r) => r.id),
    service: {
      days: stored.guide.serviceTime.workingDays,
      unit: stored.guide.serviceTime.unit ?? ("working" as const),
    },
  }));
  const rand = random(42);
  const now = new Date();
  const insertUser = sqlite.prepare(
    `INSERT INTO users (id, username, display_name, role, password_hash, kecamatan_code, kelurahan_code, created_at)
     VALUES (?, ?, ?, ?, 'x', ?, ?, ?)`,
  );
  const cadres: { id: string; kecamatan: string; villages: string[] }[] = [];
  const operatorCookies: string[] = [];
  const adminId = uuidv7();
  insertUser.run(adminId, "admin", "Admin Pusat", "admin", null, null, now.toISOString());
  for (const kecamatan of KECAMATAN) {
    const villages = jakartaVillages(kecamatan).map((v) => v.code);
    const operatorId = uuidv7();
    insertUser.run(
      operatorId,
      `op-${kecamatan}`,
      `Operator ${kecamatan}`,
      "operator",
      kecamatan,
      null,
      now.toISOString(),
    );
    operatorCookies.push(`masdarin_session=${(await createSession(db, operatorId, "bench", now)).token}`);
    for (let i = 0; i < CADRES_PER_KECAMATAN; i++) {
      const id = uuidv7();
      const home = villages.slice(i % villages.length, (i % villages.length) + 2);
      insertUser.run(
        id,
        `kader-${kecamatan}-${i}`,
        `Kader ${i} ${kecamatan}`,
        "cadre",
        kecamatan,
        home[0],
        now.toISOString(),
      );
      cadres.push({ id, kecamatan, villages: home });
    }
  }
  const insertApplication = sqlite.prepare(
    `INSERT INTO applications (id, cadre_id, guide_id, guide_version, village_code, content, status, verdict, version,
       change_seq, submitted_at, deleted_at, created_at, updated_at, kecamatan_code, draft_created_at,
       first_submitted_at, submit_count, precheck_failures, received_at, first_decision_at, decided_at, sent_back_count,
       tracking_number, clock, clock_state, clock_deadline)
     VALUES (?, ?, ?, 1, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The public lookup reads a file's history: its submission, receipt and verdict.
  const insertEvent = sqlite.prepare(
    "INSERT INTO application_events (application_id, at, kind, status) VALUES (?, ?, ?, ?)",
  );
  const today = jakartaDate(now);
  const around = datesAroundToday(today, 20, 10);
  const numbers = new Set<string>();
  // Numbers from the seeded PRNG, so the database is the same on every run; a repeat is drawn again.
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
  const sample: { number: string; id: string }[] = [];
  const insertFinding = sqlite.prepare(
    `INSERT INTO review_findings (application_id, guide_id, kecamatan_code, village_code, cadre_id, decision,
       requirement_id, reason_code, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let findings = 0;
  const BATCH = 50_000;
  for (let start = 0; start < ROWS; start += BATCH) {
    sqlite.transaction(() => {
      for (let n = start; n < Math.min(ROWS, start + BATCH); n++) {
        const cadre = pick(rand, cadres);
        // Popular services get most files: a skewed pick over the catalogue.
        const guide = guides[Math.floor(rand() ** 2 * guides.length)] ?? guides[0];
        if (!guide) throw new Error("no guides seeded");
        const village = pick(rand, cadre.villages);
        const status = statusOf(rand());
        const id = uuidv7();
        const draftAt = YEAR_START + Math.floor(rand() * DAYS * 24 * HOUR);
        const submittedAt = draftAt + Math.floor((0.25 + rand() ** 3 * 96) * HOUR);
        const decided = !["draft", "submitted", "received"].includes(status);
        const decisionAt = submittedAt + Math.floor((1 + rand() ** 2 * 240) * HOUR);
        const precheckFailures = rand() < 0.85 ? 0 : rand() < 0.8 ? 1 : 2;
        const sentBack = status === "needs-fix" ? 1 + (rand() < 0.2 ? 1 : 0) : decided && rand() < 0.18 ? 1 : 0;
        const iso = (ms: number) => new Date(ms).toISOString();
        const submitted = status !== "draft";
        let trackingNumber: string | null = null;
        if (submitted) {
          do trackingNumber = newTrackingNumber(trackingPrefix(cadre.kecamatan), bytes);
          while (numbers.has(trackingNumber));
          numbers.add(trackingNumber);
          if (n % 97 === 0) sample.push({ number: trackingNumber, id });
        }
        const clock = clockOf(rand, status, guide.service, jakartaDate(new Date(submittedAt + HOUR)), around);
        insertApplication.run(
          id,
          cadre.id,
          guide.id,
          village,
          content(id, pick(rand, NAMES), village, rand),
          status,
          1 + sentBack * 2 + (decided ? 2 : 0),
          n + 1,
          submitted ? iso(submittedAt) : null,
          iso(draftAt),
          iso(decided ? decisionAt : submitted ? submittedAt : draftAt),
          cadre.kecamatan,
          iso(draftAt),
          submitted ? iso(submittedAt) : null,
          submitted ? 1 + sentBack : 0,
          precheckFailures,
          status === "received" || decided ? iso(submittedAt + HOUR) : null,
          decided ? iso(decisionAt) : null,
          decided ? iso(decisionAt) : null,
          sentBack,
          trackingNumber,
          clock ? JSON.stringify(clock) : null,
          clock?.state ?? null,
          clock?.deadline ?? null,
        );
        if (submitted) insertEvent.run(id, iso(submittedAt), "submitted", "submitted");
        if (status === "received" || decided) insertEvent.run(id, iso(submittedAt + HOUR), "received", "received");
        if (decided) insertEvent.run(id, iso(decisionAt), "verdict", status);
        const reasons: [string, string | null, string][] = [];
        for (let s = 0; s < sentBack; s++) {
          const count = rand() < 0.7 ? 1 : 2;
          for (let k = 0; k < count; k++)
            reasons.push(["needs-fix", pick(rand, guide.requirements), pick(rand, FIX_CODES)]);
        }
        if (status === "rejected") reasons.push(["rejected", null, pick(rand, REJECT_CODES)]);
        for (const [decision, requirementId, code] of reasons) {
          insertFinding.run(
            id,
            guide.id,
            cadre.kecamatan,
            village,
            cadre.id,
            decision,
            requirementId,
            code,
            iso(decisionAt),
          );
          findings += 1;
        }
      }
    })();
  }
  const backfillStarted = performance.now();
  sqlite.transaction(() => {
    for (const statement of [...migration.triggers, ...migration.backfill]) sqlite.exec(statement);
  })();
  const backfillMs = performance.now() - backfillStarted;
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("ANALYZE");
  if (cache) {
    // ANALYZE's statistics are in the WAL: fold them in so the copy is the whole database.
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    copyFileSync(database.file, cache);
  }
  const pageCount = sqlite.pragma("page_count", { simple: true }) as number;
  const pageSize = sqlite.pragma("page_size", { simple: true }) as number;
  return {
    db,
    cleanup: database.cleanup,
    operatorCookies,
    adminCookie: `masdarin_session=${(await createSession(db, adminId, "bench", now)).token}`,
    buildMs: performance.now() - started,
    backfillMs,
    findings,
    fileBytes: pageCount * pageSize,
    sample,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return +value.toFixed(1);
}

/** Median of RUNS calls, each awaited before the next starts. */
async function timeCalls(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function timeRequest(app: ReturnType<typeof createApp>, path: string, cookie: string) {
  const times: number[] = [];
  let status = 0;
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const res = await app.request(path, { headers: { Cookie: cookie } });
    bytes = (await res.arrayBuffer()).byteLength;
    status = res.status;
    times.push(performance.now() - started);
  }
  return { status, bytes, medianMs: median(times) };
}

function insertAudit(db: Db, count: number): void {
  const sqlite = sqliteOf(db);
  const actors = sqlite.prepare("SELECT id, role, kecamatan_code AS k FROM users WHERE role <> 'cadre'").all() as {
    id: string;
    role: string;
    k: string | null;
  }[];
  const apps = sqlite.prepare("SELECT id, kecamatan_code AS k FROM applications ORDER BY rowid LIMIT ?").all(count) as {
    id: string;
    k: string;
  }[];
  const insert = sqlite.prepare(
    `INSERT INTO audit_log (at, actor_id, actor_role, action, target_type, target_id, kecamatan_code, before, after)
     VALUES (?, ?, ?, ?, 'application', ?, ?, ?, ?)`,
  );
  const rand = random(7);
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const app = apps[i % apps.length];
      if (!app) break;
      const actor = actors.find((a) => a.k === app.k) ?? actors[0];
      if (!actor) break;
      const at = new Date(YEAR_START + i * 300_000).toISOString();
      const fix = rand() < 0.3;
      insert.run(
        at,
        actor.id,
        actor.role,
        fix ? "application.verdict" : "application.receive",
        app.id,
        app.k,
        JSON.stringify({ status: "received", version: 3 }),
        JSON.stringify(
          fix
            ? { status: "needs-fix", version: 4, verdict: { decision: "needs-fix", requirements: { ktp: "blurry" } } }
            : { status: "received", version: 3 },
        ),
      );
    }
  })();
}

/** Reads a streamed export chunk by chunk, sampling memory as it goes. */
async function measureExport(app: ReturnType<typeof createApp>, path: string, cookie: string) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const started = performance.now();
  const res = await app.request(path, { headers: { Cookie: cookie } });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  let bytes = 0;
  let lines = 0;
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
    if (++chunks % 10 === 0) {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }
  }
  const ms = performance.now() - started;
  const mb = (n: number) => +(n / 1024 / 1024).toFixed(1);
  return {
    status: res.status,
    ms: +ms.toFixed(0),
    rows: lines - 1,
    megabytes: mb(bytes),
    peakRssDeltaMB: mb(peakRss - before.rss),
    peakHeapUsedDeltaMB: mb(peakHeap - before.heapUsed),
  };
}

/**
 * What the rollups cost writers: a verdict-like update (status, first decision, sent back), one transaction
 * per file as the review code does, with the triggers, then on other files of the same kind without them
 * (dropped: this runs last, on the throw-away database).
 */
function measureTriggerCost(db: Db): Record<string, number> {
  const sqlite = sqliteOf(db);
  const N = 2_000;
  const ids = (
    sqlite
      .prepare("SELECT id FROM applications WHERE status IN ('submitted', 'received') AND deleted_at IS NULL LIMIT ?")
      .all(2 * N) as { id: string }[]
  ).map((row) => row.id);
  const decide = sqlite.prepare(
    `UPDATE applications SET status = 'needs-fix', sent_back_count = sent_back_count + 1, decided_at = @at,
       first_decision_at = coalesce(first_decision_at, @at) WHERE id = @id`,
  );
  const timeUpdates = (slice: string[]) => {
    const started = performance.now();
    for (const id of slice) sqlite.transaction(() => decide.run({ id, at: "2026-11-30T03:00:00.000Z" }))();
    return +(((performance.now() - started) / slice.length) * 1000).toFixed(0);
  };
  const rows = (table: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const sizes = {
    "rollup rows: dashboard_groups": rows("dashboard_groups"),
    "rollup rows: dashboard_durations": rows("dashboard_durations"),
    "rollup rows: dashboard_reasons": rows("dashboard_reasons"),
    "rollup rows: dashboard_clock": rows("dashboard_clock"),
  };
  const withTriggers = timeUpdates(ids.slice(0, N));
  for (const { name } of sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'applications' AND name LIKE '%dashboard%'",
    )
    .all() as { name: string }[]) {
    sqlite.exec(`DROP TRIGGER ${name}`);
  }
  const withoutTriggers = timeUpdates(ids.slice(N));
  return {
    ...sizes,
    "µs per verdict-like update, own transaction, with the rollup triggers": withTriggers,
    "µs per verdict-like update, own transaction, triggers dropped": withoutTriggers,
  };
}

export async function benchConsole(): Promise<Record<string, unknown>> {
  const built = await build();
  const { db } = built;
  const sqlite = sqliteOf(db);
  try {
    const app = createApp({ db });
    const operatorCookie = built.operatorCookies[4] ?? "";
    const operator = dashboardFilter({ kind: "kecamatan", code: KECAMATAN[4] ?? "" }, {});
    const admin = dashboardFilter({ kind: "all" }, {});
    const lastMonth = dashboardFilter(
      { kind: "kecamatan", code: KECAMATAN[4] ?? "" },
      {
        from: "2026-10-24",
        to: "2026-11-23",
      },
    );
    // The dashboard reads its rollups (figures, reasons) and labels; the recount it replaced (one scan of the
    // covering index, the findings) is timed beside it in the same run, as the reference.
    const parts = async (filter: typeof operator) => ({
      "rollups: byStatus, rates, medians, byService, byKelurahan, byCadre": await timeCalls(() =>
        rollupFigures(db, filter),
      ),
      "rollups: topReasons": await timeCalls(() => rollupReasons(db, filter)),
      "rollups: on time per service and decision month (dashboard_clock)": await timeCalls(() =>
        rollupOnTime(db, filter),
      ),
      "recount (before): on time, every stopped clock read from the files": await timeCalls(() =>
        scanOnTime(db, filter),
      ),
      "recount (before): one scan of the applications index": await timeCalls(() => scanApplications(db, filter)),
      "recount (before): topReasons from the findings": await timeCalls(() => topReasons(db, filter)),
      "service titles": await timeCalls(() => guideTitles(db, "id")),
    });
    const labels = { locale: "id" as const, regions: createRegionIndex() };
    // BENCH_CONSOLE_DASHBOARD_ONLY=1: the dashboard's requests from its rollups and nothing else (no recount,
    // queue or audit log), for a quick million-file run on a busy machine.
    if (process.env.BENCH_CONSOLE_DASHBOARD_ONLY) {
      await buildDashboard(db, admin, labels);
      const requests: [string, string, string][] = [
        ["operator", "", operatorCookie],
        ["operator, last 30 days", "?from=2026-10-24&to=2026-11-23", operatorCookie],
        ["operator, one service", "?guideId=akta-kelahiran", operatorCookie],
        ["admin", "", built.adminCookie],
        ["admin, one service", "?guideId=akta-kelahiran", built.adminCookie],
        ["admin, last 30 days", "?from=2026-10-24&to=2026-11-23", built.adminCookie],
        [
          "admin, one service, last 30 days",
          "?guideId=akta-kelahiran&from=2026-10-24&to=2026-11-23",
          built.adminCookie,
        ],
        ["admin, a year (2025-12-01..2026-11-23)", "?from=2025-12-01&to=2026-11-23", built.adminCookie],
      ];
      const timings: Record<string, unknown> = {};
      for (const [name, query, cookie] of requests) {
        timings[name] = await timeRequest(app, `/api/console/dashboard${query}`, cookie);
      }
      return {
        database: {
          applications: ROWS,
          findings: built.findings,
          buildSeconds: +(built.buildMs / 1000).toFixed(1),
          "of which: rollups built from the rows, as migration 0009 does, seconds": +(built.backfillMs / 1000).toFixed(
            1,
          ),
        },
        "GET /api/console/dashboard (app.request), from the rollups, median ms": timings,
        "buildDashboard() called directly, median ms": {
          operator: await timeCalls(() => buildDashboard(db, operator, labels)),
          admin: await timeCalls(() => buildDashboard(db, admin, labels)),
        },
      };
    }
    const inScope = async (filter: typeof operator) => (await scanApplications(db, filter)).total[0];
    // One untimed pass first, so the timings are of a warm server, not of the freshly written file.
    await buildDashboard(db, admin, labels);

    const queueFirst = await timeRequest(app, "/api/console/applications?limit=50", operatorCookie);
    // A deep page: the cursor of the 50,000th open file of the kecamatan, as a client would hold it after 1,000 pages.
    const deep = sqlite
      .prepare(
        `SELECT submitted_at AS submittedAt, id FROM applications WHERE kecamatan_code = ? AND status = 'submitted'
         ORDER BY submitted_at, id LIMIT 1 OFFSET ?`,
      )
      .get(KECAMATAN[4], Math.floor((ROWS * 0.07) / KECAMATAN.length / 2)) as
      | { submittedAt: string; id: string }
      | undefined;
    const queueDeep = deep
      ? await timeRequest(app, `/api/console/applications?limit=50&cursor=${encodeQueueCursor(deep)}`, operatorCookie)
      : null;

    const auditStarted = performance.now();
    insertAudit(db, AUDIT_ROWS);
    const auditBuildMs = performance.now() - auditStarted;
    const exportAll = await measureExport(app, "/api/console/audit/export.csv", built.adminCookie);
    const auditPage = await timeRequest(app, "/api/console/audit?limit=50", operatorCookie);

    return {
      database: {
        applications: ROWS,
        findings: built.findings,
        cadres: KECAMATAN.length * CADRES_PER_KECAMATAN,
        kecamatan: KECAMATAN.length,
        fileMB: +(built.fileBytes / 1024 / 1024).toFixed(0),
        buildSeconds: +(built.buildMs / 1000).toFixed(1),
        "of which: rollups built from the rows, as migration 0009 does, seconds": +(built.backfillMs / 1000).toFixed(1),
      },
      [`dashboard parts, one operator (${await inScope(operator)} files in scope), median ms of ${RUNS}`]:
        await parts(operator),
      [`dashboard parts, admin (${await inScope(admin)} files), median ms`]: await parts(admin),
      "buildDashboard() called directly, median ms": {
        operator: await timeCalls(() => buildDashboard(db, operator, labels)),
        admin: await timeCalls(() => buildDashboard(db, admin, labels)),
        "operator, recount (before)": await timeCalls(() => buildDashboard(db, operator, labels, RECOUNT)),
        "admin, recount (before)": await timeCalls(() => buildDashboard(db, admin, labels, RECOUNT)),
      },
      "GET /api/console/dashboard (app.request), median ms": {
        operator: await timeRequest(app, "/api/console/dashboard", operatorCookie),
        [`operator, last 30 days (${await inScope(lastMonth)} files)`]: await timeRequest(
          app,
          "/api/console/dashboard?from=2026-10-24&to=2026-11-23",
          operatorCookie,
        ),
        admin: await timeRequest(app, "/api/console/dashboard", built.adminCookie),
        "admin, one service": await timeRequest(
          app,
          "/api/console/dashboard?guideId=akta-kelahiran",
          built.adminCookie,
        ),
        "admin, last 30 days": await timeRequest(
          app,
          "/api/console/dashboard?from=2026-10-24&to=2026-11-23",
          built.adminCookie,
        ),
        "admin, one service, last 30 days": await timeRequest(
          app,
          "/api/console/dashboard?guideId=akta-kelahiran&from=2026-10-24&to=2026-11-23",
          built.adminCookie,
        ),
        "operator, one service": await timeRequest(
          app,
          "/api/console/dashboard?guideId=akta-kelahiran",
          operatorCookie,
        ),
        "admin, a year (2025-12-01..2026-11-23)": await timeRequest(
          app,
          "/api/console/dashboard?from=2025-12-01&to=2026-11-23",
          built.adminCookie,
        ),
        "CSV by-cadre, admin": await timeRequest(app, "/api/console/dashboard/by-cadre.csv", built.adminCookie),
      },
      "GET /api/console/applications (review queue, operator), median ms": {
        firstPage: queueFirst,
        deepPage: queueDeep,
      },
      "tracking numbers and the service-time clock": await measureTrackingAndClock(built),
      "rollups: size and cost to writers": measureTriggerCost(db),
      [`audit log: ${AUDIT_ROWS} entries`]: {
        insertMs: +auditBuildMs.toFixed(0),
        "GET /api/console/audit first page (operator)": auditPage,
        "GET /api/console/audit/export.csv (admin, every entry, streamed)": exportAll,
      },
    };
  } finally {
    await built.cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await benchConsole(), null, 2));
}
