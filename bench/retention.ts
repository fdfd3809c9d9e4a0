/**
 * Server retention of closed files (issue 15) over a realistic office, in a
 * temporary SQLite file and photo folder: FILES files decided two years ago
 * (past a 365-day retention) and as many decided last week (kept), each with
 * a full applicant, three page photos on disk (rows in files and
 * file_holders), a verdict event with a note and an audit entry; every tenth
 * old file shares a photo with a kept one (that photo must stay). Measured:
 * - the dry run (GET /api/console/privacy/retention's work), whole list;
 * - the run: batched transactions (RETENTION_BATCH), secure_delete, photo rows and
 *   bytes deleted, then VACUUM and the WAL truncated; the VACUUM's share printed;
 * - a naive reference on a sample: one transaction per file (batch of 1), each
 *   with its own reference scan, as a first version would do it.
 * `npx tsx bench/retention.ts` (BENCH_RETENTION_FILES=5000 for a quicker run)
 */

import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { sqliteDriver } from "../server/db/maintenance";
import { closeDatabase, type Db, openDatabase } from "../server/db/open";
import { rawAll } from "../server/db/raw";
import { withTransaction } from "../server/db/transaction";
import { diskPhotoStore, storedFilePath } from "../server/files/photo-store";
import { expiredFiles, retentionCutoff } from "../server/retention/candidates";
import { forgetPhotos, removeStoredPhotos } from "../server/retention/photos";
import { retentionDryRun } from "../server/retention/report";
import { RETENTION_BATCH, runRetention } from "../server/retention/run";
import { scrubFile, scrubNotes } from "../server/retention/scrub-rows";
import { seedIfEmpty } from "../server/seed/seed";
import { writeSetting } from "../server/settings/office-settings";

const FILES = Number(process.env.BENCH_RETENTION_FILES ?? 20_000);
const NAIVE_SAMPLE = Number(process.env.BENCH_RETENTION_NAIVE ?? 1_000);
const DAY = 86_400_000;

function contentOf(id: string, i: number, pages: string[]): string {
  const at = new Date().toISOString();
  return JSON.stringify({
    id,
    guideId: "surat-keterangan-domisili",
    guideVersion: 1,
    applicant: {
      fullName: `Warga Contoh ${i}`,
      nik: `3175075203${String(900000 + (i % 100000)).padStart(6, "0")}`,
      kk: `317507150320${String(i % 10000).padStart(4, "0")}`,
      birthDate: "1990-03-12",
      sex: "female",
      phone: "081234567890",
      address: { street: `Jl. Contoh No. ${i}`, rt: "3", rw: "5", villageCode: "31.75.07.1001" },
    },
    answers: { pendatang: false, menumpang: false, alasan: "pindah kerja" },
    data: { pekerjaan: "Karyawan swasta" },
    documents: Object.fromEntries(
      pages.map((sha256, index) => [
        `doc-${index}`,
        { pages: [{ blobId: uuidv7(), sha256, mime: "image/webp", bytes: 1000, addedAt: at }], issuedOn: "" },
      ]),
    ),
    officeAreaCode: "31.75.07.1001",
    status: "ready",
    createdAt: at,
    updatedAt: at,
    history: [],
  });
}

/** The SQLite driver: the office is written straight into the file, as fast as the driver goes. */
function sqliteOf(db: Db) {
  const driver = sqliteDriver(db);
  if (!driver) throw new Error("bench/retention.ts measures a SQLite file");
  return driver;
}

/** An office with `files` old and `files` recent decided files, photos on disk. */
async function build(files: number): Promise<{ db: Db; dir: string; filesDir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "masdarin-bench-retention-"));
  const filesDir = join(dir, "files");
  const db = await openDatabase(join(dir, "masdarin.sqlite"));
  await seedIfEmpty(db);
  const client = sqliteOf(db);
  const cadre = uuidv7();
  const now = new Date();
  client
    .prepare(
      "INSERT INTO users (id, username, display_name, role, password_hash, kecamatan_code, created_at) VALUES (?, 'kader', 'Kader', 'cadre', 'x', '31.75.07', ?)",
    )
    .run(cadre, now.toISOString());
  const app = client.prepare(
    `INSERT INTO applications (id, cadre_id, guide_id, guide_version, content, status, verdict, version, change_seq,
       created_at, updated_at, kecamatan_code, village_code, first_submitted_at, decided_at, first_decision_at, tracking_number)
     VALUES (?, ?, 'surat-keterangan-domisili', 1, ?, 'approved', ?, 4, ?, ?, ?, '31.75.07', '31.75.07.1001', ?, ?, ?, ?)`,
  );
  const file = client.prepare(
    "INSERT OR IGNORE INTO files (sha256, bytes, mime, uploaded_by, created_at) VALUES (?, 1000, 'image/webp', ?, ?)",
  );
  const holder = client.prepare("INSERT OR IGNORE INTO file_holders (sha256, user_id, at) VALUES (?, ?, ?)");
  const event = client.prepare(
    "INSERT INTO application_events (application_id, at, kind, actor_id, status, detail) VALUES (?, ?, 'verdict', NULL, 'approved', ?)",
  );
  const audit = client.prepare(
    `INSERT INTO audit_log (at, actor_id, actor_role, action, target_type, target_id, kecamatan_code, before, after)
     VALUES (?, ?, 'operator', 'application.verdict', 'application', ?, '31.75.07', '{}', ?)`,
  );
  const bytes = Buffer.alloc(1000, 7);
  let seq = 0;
  client.transaction(() => {
    for (let i = 0; i < files * 2; i++) {
      const old = i < files;
      const decided = new Date(now.getTime() - (old ? 730 : 7) * DAY).toISOString();
      const hash = (n: number) => createHash("sha256").update(`${i}-${n}`).digest("hex");
      // Every tenth old file shares its third photo with the kept file after it.
      const pages = [
        hash(0),
        hash(1),
        old && i % 10 === 0
          ? createHash("sha256")
              .update(`${i + files}-2`)
              .digest("hex")
          : hash(2),
      ];
      for (const sha of pages) {
        file.run(sha, cadre, decided);
        holder.run(sha, cadre, decided);
        const path = storedFilePath(filesDir, sha);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, bytes);
      }
      const id = uuidv7();
      const verdict = JSON.stringify({
        decision: "approved",
        reason: `Catatan untuk warga ${i}`,
        requirements: {},
        decidedAt: decided,
      });
      app.run(
        id,
        cadre,
        contentOf(id, i, pages),
        verdict,
        ++seq,
        decided,
        decided,
        decided,
        decided,
        decided,
        `DRN-B${String(i).padStart(6, "0")}`,
      );
      event.run(
        id,
        decided,
        JSON.stringify({ decision: "approved", note: `Catatan untuk warga ${i}`, requirements: [] }),
      );
      audit.run(decided, cadre, id, JSON.stringify({ status: "approved", verdict: JSON.parse(verdict) }));
    }
  })();
  await writeSetting(db, "closedFileRetentionDays", 365, null, now);
  client.pragma("wal_checkpoint(TRUNCATE)");
  return { db, dir, filesDir };
}

/**
 * The naive reference: one transaction per file, and for each its own scan of
 * every file's content for other references to its photos (as a first
 * version would do it). Files only (the complaints' part is the same).
 */
async function naiveRun(db: Db, filesDir: string, now: Date): Promise<{ files: number; photos: number }> {
  const cutoff = retentionCutoff(365, now);
  const at = now.toISOString();
  let photos = 0;
  const files = await expiredFiles(db, cutoff, Number.MAX_SAFE_INTEGER);
  const named = (tx: Db, hashes: string[]) =>
    rawAll<{ sha256: string }>(
      tx,
      sql`SELECT DISTINCT json_extract(p.value, '$.sha256') AS sha256 FROM applications a,
         json_each(a.content, '$.documents') d, json_each(d.value, '$.pages') p
       WHERE json_extract(p.value, '$.sha256') IN (SELECT value FROM json_each(${JSON.stringify(hashes)}))`,
    );
  for (const file of files) {
    const gone = await withTransaction(db, async (tx) => {
      await scrubFile(tx, file.id, at);
      await scrubNotes(tx, [file.id]);
      const hashes = file.photos.map((photo) => photo.sha256);
      const kept = new Set((await named(tx, hashes)).map((row) => row.sha256));
      const unneeded = hashes.filter((hash) => !kept.has(hash));
      await forgetPhotos(tx, unneeded);
      return unneeded;
    });
    await removeStoredPhotos(diskPhotoStore(filesDir), gone);
    photos += gone.length;
  }
  return { files: files.length, photos };
}

const count = (dir: string) =>
  readdirSync(dir)
    .filter((name) => /^[0-9a-f]{2}$/.test(name))
    .reduce((n, prefix) => n + readdirSync(join(dir, prefix)).length, 0);
const ms = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e6;
const fmt = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 1 });

async function main(): Promise<void> {
  console.log(
    `Retention bench: ${fmt(FILES)} files past retention, ${fmt(FILES)} kept, 3 photos each (batch ${RETENTION_BATCH})`,
  );
  let t = process.hrtime.bigint();
  const office = await build(FILES);
  console.log(
    `  built in ${fmt(ms(t))} ms; database ${fmt(statSync(join(office.dir, "masdarin.sqlite")).size / 1e6)} MB, ${fmt(count(office.filesDir))} photos on disk`,
  );

  t = process.hrtime.bigint();
  const dry = await retentionDryRun(office.db, new Date(), "id");
  console.log(
    `  dry run: ${fmt(ms(t))} ms — ${fmt(dry.totals.files)} files, ${fmt(dry.totals.photos)} photos, ${fmt(dry.totals.bytes / 1e6)} MB listed`,
  );

  // The VACUUM alone, measured on a copy of the work: run it once more after the run (nothing to free by then
  // but the same rewrite of the whole file).
  t = process.hrtime.bigint();
  const { report, undeleted } = await runRetention(office.db, {
    now: new Date(),
    photos: diskPhotoStore(office.filesDir),
  });
  const runMs = ms(t);
  t = process.hrtime.bigint();
  sqliteOf(office.db).exec("VACUUM");
  const vacuumMs = ms(t);
  console.log(
    `  run: ${fmt(runMs)} ms (${fmt((runMs / report.totals.files) * 1000)} µs per file) — ${fmt(report.totals.files)} files scrubbed, ${fmt(report.totals.photos)} photos deleted (${fmt(report.totals.bytes / 1e6)} MB), ${undeleted} left on disk; a VACUUM of the result alone takes ${fmt(vacuumMs)} ms`,
  );
  console.log(
    `  after: ${fmt(count(office.filesDir))} photos on disk (expected ${fmt(FILES * 3 + 0)}), database ${fmt(statSync(join(office.dir, "masdarin.sqlite")).size / 1e6)} MB`,
  );
  t = process.hrtime.bigint();
  const again = await retentionDryRun(office.db, new Date(), "id");
  console.log(`  dry run after: ${fmt(ms(t))} ms — ${again.totals.files} files`);
  await closeDatabase(office.db);
  rmSync(office.dir, { recursive: true, force: true });

  const sample = await build(NAIVE_SAMPLE);
  t = process.hrtime.bigint();
  const naive = await naiveRun(sample.db, sample.filesDir, new Date());
  const naiveMs = ms(t);
  console.log(
    `  naive reference (one transaction and one reference scan per file) over ${fmt(naive.files)} of ${fmt(NAIVE_SAMPLE * 2)} files: ${fmt(naiveMs)} ms (${fmt((naiveMs / naive.files) * 1000)} µs per file, ${fmt(naive.photos)} photos; grows with the office's size)`,
  );
  await closeDatabase(sample.db);
  rmSync(sample.dir, { recursive: true, force: true });
}

await main();
