/**
 * The SKM index over 100,000 responses (issue 14), in a temporary SQLite file:
 * 100,000 survey responses in one half-year spread over five kecamatan, and
 * 100,000 decided files (the population served), each with a realistic content
 * blob. Measured, p50 and p95 of RUNS runs, beside a naive reference in the same
 * run (every matching response loaded into JavaScript, parsed and summed, the
 * same population count):
 * - skmResults() for one kecamatan (20,000 responses) and Jakarta-wide (100,000);
 * - GET /api/skm/results and GET /api/console/skm (operator, admin) over app.request;
 * - the responses' CSV of one kecamatan, whole.
 * `npx tsx bench/skm.ts` (BENCH_SKM_RESPONSES=20000 for a quicker run)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { createApp } from "../server/app";
import { createSession } from "../server/auth/sessions";
import { sqliteDriver } from "../server/db/maintenance";
import { closeDatabase, type Db, openDatabase } from "../server/db/open";
import { decidedFiles, responseFilter, type SkmSelection, skmResults, tallyResponses } from "../server/skm/results";
import { jakartaDate } from "../shared/jakarta-time";
import { skmIndex, sumAnswers } from "../shared/skm/ikm";
import { parseSkmPeriod } from "../shared/skm/period";
import { SKM_QUESTIONNAIRE } from "../shared/skm/questionnaire";

const RESPONSES = Number(process.env.BENCH_SKM_RESPONSES ?? 100_000);
const FILES = Number(process.env.BENCH_SKM_FILES ?? RESPONSES);
const RUNS = Number(process.env.BENCH_SKM_RUNS ?? 20);
const KECAMATAN = ["31.75.01", "31.75.02", "31.75.03", "31.75.06", "31.75.07"];
const GUIDES = ["surat-keterangan-domisili", "akta-kelahiran", "sktm", "pbg", "nib"];
const PERIOD = "2026-S2";
const HALF_YEAR_START = Date.parse("2026-07-01T00:00:00.000Z");
const HALF_YEAR_MS = 183 * 24 * 3_600_000;

/** A small deterministic generator: the same database every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The SQLite driver: the bench writes its figures straight into the file and reads SQLite's query plans. */
function sqliteOf(db: Db) {
  const driver = sqliteDriver(db);
  if (!driver) throw new Error("bench/skm.ts measures a SQLite file");
  return driver;
}

async function build(): Promise<{ db: Db; dir: string; operatorCookie: string; adminCookie: string; buildMs: number }> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "masdarin-bench-skm-"));
  const db = await openDatabase(join(dir, "masdarin.sqlite"));
  const client = sqliteOf(db);
  const at = new Date("2026-12-02T03:00:00.000Z").toISOString();
  const user = client.prepare(
    `INSERT INTO users (id, username, display_name, role, password_hash, kecamatan_code, created_at)
     VALUES (?, ?, ?, ?, 'x', ?, ?)`,
  );
  const cadreId = uuidv7();
  const operatorId = uuidv7();
  const adminId = uuidv7();
  user.run(cadreId, "cadre", "cadre", "cadre", KECAMATAN[0], at);
  user.run(operatorId, "operator", "operator", "operator", KECAMATAN[0], at);
  user.run(adminId, "admin", "admin", "admin", null, at);
  const next = random(14);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  // A file's content: the applicant and a few documents, as a real row carries (about 1.5 KB).
  const content = JSON.stringify({
    applicant: { name: "Nama Pemohon Contoh", nik: "3175010101900001", address: { street: "Jl. Contoh No. 1" } },
    documents: Object.fromEntries(
      Array.from({ length: 6 }, (_, i) => [`doc${i}`, { pages: [{ sha256: "a".repeat(64), blobId: uuidv7() }] }]),
    ),
    answers: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`q${i}`, "jawaban contoh"])),
  });
  const file = client.prepare(
    `INSERT INTO applications (id, cadre_id, guide_id, guide_version, content, status, version, change_seq,
       created_at, updated_at, kecamatan_code, decided_at)
     VALUES (?, ?, ?, 1, ?, ?, 3, ?, ?, ?, ?, ?)`,
  );
  const response = client.prepare(
    `INSERT INTO skm_responses (id, questionnaire, channel, application_id, kecamatan_code, guide_id, answers,
       profile, suggestion, answered_on, received_at, content_hash, seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM skm_responses))`,
  );
  const elements = SKM_QUESTIONNAIRE.elements.map((element) => element.id);
  client.transaction(() => {
    const fileIds: string[] = [];
    for (let i = 0; i < FILES; i++) {
      const id = uuidv7();
      const decidedAt = new Date(HALF_YEAR_START + next() * HALF_YEAR_MS).toISOString();
      file.run(
        id,
        cadreId,
        pick(GUIDES),
        content,
        next() < 0.9 ? "approved" : "rejected",
        i + 1,
        decidedAt,
        decidedAt,
        KECAMATAN[i % KECAMATAN.length],
        decidedAt,
      );
      fileIds.push(id);
    }
    for (let i = 0; i < RESPONSES; i++) {
      const answeredAt = new Date(HALF_YEAR_START + next() * HALF_YEAR_MS);
      const answers = Object.fromEntries(elements.map((id) => [id, 1 + Math.floor(next() * 4)]));
      // Half answer for a file, half at the office.
      const fileId = i % 2 === 0 ? (fileIds[i] ?? null) : null;
      response.run(
        uuidv4(),
        SKM_QUESTIONNAIRE.id,
        pick(["cadre-phone", "citizen-phone", "office"]),
        fileId,
        KECAMATAN[i % KECAMATAN.length],
        pick(GUIDES),
        JSON.stringify(answers),
        JSON.stringify({ ageBand: "30-39", sex: pick(["L", "P"]) }),
        next() < 0.2 ? "Antrean di loket terlalu lama, mohon ditambah petugas pada jam sibuk." : null,
        jakartaDate(answeredAt),
        answeredAt.toISOString(),
        "0".repeat(64),
      );
    }
  })();
  client.pragma("optimize");
  const cookie = async (userId: string) =>
    `masdarin_session=${(await createSession(db, userId, "bench", new Date())).token}`;
  return {
    db,
    dir,
    operatorCookie: await cookie(operatorId),
    adminCookie: await cookie(adminId),
    buildMs: Math.round(performance.now() - started),
  };
}

let added = 0;
/** One more response at the first office, as arriving between two reads of the figures. */
function addResponse(db: Db): void {
  added += 1;
  const answers = Object.fromEntries(SKM_QUESTIONNAIRE.elements.map((element) => [element.id, 1 + (added % 4)]));
  sqliteOf(db)
    .prepare(
      `INSERT INTO skm_responses (id, questionnaire, channel, kecamatan_code, guide_id, answers, profile, answered_on,
         received_at, content_hash, seq) VALUES (?, ?, 'office', ?, NULL, ?, '{}', '2026-12-02', ?, ?,
         (SELECT coalesce(max(seq), 0) + 1 FROM skm_responses))`,
    )
    .run(
      uuidv4(),
      SKM_QUESTIONNAIRE.id,
      KECAMATAN[0],
      JSON.stringify(answers),
      new Date().toISOString(),
      "0".repeat(64),
    );
}

function percentiles(times: number[]): { p50: number; p95: number; n: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => +(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0).toFixed(2);
  return { p50: at(0.5), p95: at(0.95), n: sorted.length };
}

/** `before` runs outside the timing, before each run. */
async function time(run: () => unknown, before?: () => void): Promise<ReturnType<typeof percentiles>> {
  await run(); // warm the page cache and the statements
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return percentiles(times);
}

/** The reference: every matching response into JavaScript, parsed and summed; the same population count. */
async function naiveResults(db: Db, selection: SkmSelection) {
  const { where, params } = responseFilter(selection);
  const rows = sqliteOf(db)
    .prepare(`SELECT answers FROM skm_responses WHERE ${where}`)
    .all(...params) as {
    answers: string;
  }[];
  const { respondents, sums } = sumAnswers(rows.map((row) => JSON.parse(row.answers) as Record<string, number>));
  return { index: skmIndex(respondents, sums), population: await decidedFiles(db, selection) };
}

export async function benchSkm() {
  const built = await build();
  const { db } = built;
  try {
    const now = () => new Date("2026-12-02T03:00:00.000Z");
    const app = createApp({ db, auth: { now } });
    const period = parseSkmPeriod(PERIOD);
    if (!period) throw new Error("period");
    const office: SkmSelection = { period, kecamatanCode: KECAMATAN[0] ?? null, guideId: null };
    const jakarta: SkmSelection = { period, kecamatanCode: null, guideId: null };
    // The same figures both ways, or the comparison means nothing.
    for (const selection of [office, jakarta]) {
      const fast = await skmResults(db, selection, now());
      const naive = await naiveResults(db, selection);
      if (fast.ikm !== naive.index.ikm || fast.respondents !== naive.index.respondents) {
        throw new Error(`SQL and reference disagree: ${fast.ikm} vs ${naive.index.ikm}`);
      }
    }
    const get = (path: string, cookie?: string) => async () => {
      const res = await app.request(path, cookie ? { headers: { Cookie: cookie } } : {});
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    };
    const plan = (sql: string, params: unknown[]) =>
      (
        sqliteOf(db)
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...params) as { detail: string }[]
      ).map((row) => row.detail);
    const officeFilter = responseFilter(office);
    const sample = await skmResults(db, office, now());
    return {
      command: "npx tsx bench/skm.ts",
      responses: RESPONSES,
      decidedFiles: FILES,
      kecamatan: KECAMATAN.length,
      runs: RUNS,
      buildMs: built.buildMs,
      officeFigures: { respondents: sample.respondents, population: sample.population, ikm: sample.ikm },
      ms: {
        "SQL tally (json_extract sums, no cache), one kecamatan": await time(() => tallyResponses(db, office)),
        "SQL tally (json_extract sums, no cache), Jakarta-wide": await time(() => tallyResponses(db, jakarta)),
        "population count, one kecamatan": await time(() => decidedFiles(db, office)),
        "population count, Jakarta-wide": await time(() => decidedFiles(db, jakarta)),
        "naive reference (load, parse, sum in JS + population), one kecamatan": await time(() =>
          naiveResults(db, office),
        ),
        "naive reference (load, parse, sum in JS + population), Jakarta-wide": await time(() =>
          naiveResults(db, jakarta),
        ),
        "skmResults() steady state (cached tally), one kecamatan": await time(() => skmResults(db, office, now())),
        "skmResults() steady state (cached tally), Jakarta-wide": await time(() => skmResults(db, jakarta, now())),
        "skmResults() with a new response before each run (top-up), one kecamatan": await time(
          () => skmResults(db, office, now()),
          () => addResponse(db),
        ),
        "skmResults() with a new response before each run (top-up), Jakarta-wide": await time(
          () => skmResults(db, jakarta, now()),
          () => addResponse(db),
        ),
        "GET /api/skm/results?kecamatan": await time(
          get(`/api/skm/results?period=${PERIOD}&kecamatan=${KECAMATAN[0]}`),
        ),
        "GET /api/skm/results (Jakarta-wide)": await time(get(`/api/skm/results?period=${PERIOD}`)),
        "GET /api/console/skm (operator)": await time(get(`/api/console/skm?period=${PERIOD}`, built.operatorCookie)),
        "GET /api/console/skm (admin, Jakarta-wide)": await time(
          get(`/api/console/skm?period=${PERIOD}`, built.adminCookie),
        ),
        "GET /api/console/skm/responses.csv (operator, whole file)": await time(
          get(`/api/console/skm/responses.csv?period=${PERIOD}`, built.operatorCookie),
        ),
      },
      plans: {
        tally: plan(`SELECT count(*) FROM skm_responses WHERE ${officeFilter.where}`, officeFilter.params),
        population: plan(
          "SELECT count(*) FROM applications WHERE status IN ('approved', 'rejected') AND decided_at >= ? AND decided_at < ? AND deleted_at IS NULL AND kecamatan_code = ?",
          ["2026-06-30T17:00:00.000Z", "2026-12-31T17:00:00.000Z", KECAMATAN[0]],
        ),
      },
    };
  } finally {
    await closeDatabase(db);
    rmSync(built.dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`\n## SKM index over ${RESPONSES.toLocaleString("en")} responses\n$ npx tsx bench/skm.ts`);
  console.log(JSON.stringify(await benchSkm(), null, 2));
}
