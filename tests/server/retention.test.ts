import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCRUBBED_ACTION as CONSOLE_SCRUBBED_ACTION, isScrubbed } from "../../client/console/privacy/scrubbed";
import { activeDialect } from "../../server/db/dialect";
import { sqliteDriver } from "../../server/db/maintenance";
import { closeDatabase } from "../../server/db/open";
import { rawAll, rawGet, rawRun } from "../../server/db/raw";
import { diskPhotoStore, storedFilePath } from "../../server/files/photo-store";
import { backup, DB_FILE, restore } from "../../server/ops/backup";
import { PhotoReferences } from "../../server/retention/references";
import { retentionDryRun } from "../../server/retention/report";
import { runRetention } from "../../server/retention/run";
import { SCRUBBED_ACTION } from "../../server/retention/scrub";
import { ApplicationDetail } from "../../shared/api/console";
import { PublicStatus } from "../../shared/api/tracking";
import { jakartaDate } from "../../shared/jakarta-time";
import { semesterOf } from "../../shared/skm/period";
import { PullResponse } from "../../shared/sync/protocol";
import { mutation, pushOne, readyDraft } from "../helpers/drafts";
import {
  call,
  closedComplaint,
  decideFile,
  LONG_AGO,
  photoHash,
  type RetentionWorld,
  retentionWorld,
  setRetention,
  submitFile,
} from "./retention-fixtures";

/**
 * Server retention of closed files (issue 15): past the admin's period, a
 * decided file loses its applicant's data and photos and a closed complaint
 * its reporter and evidence; the figures stay the same.
 */

const OLD_NAME = "Sumarni Wulandari";
const OLD_NIK = "3171015203900417";
const REJECTED_NAME = "Bambang Prakoso";
const REJECTED_NIK = "3171015203900528";
const RECENT_NAME = "Dewi Kartika";
const RECENT_NIK = "3171015203900639";
const REPORTER = "Hendrawan Saputra";

let w: RetentionWorld;
let old: { id: string; trackingNumber: string };
let rejected: { id: string; trackingNumber: string };
let recent: { id: string; trackingNumber: string };
let complaintNumber: string;

beforeEach(async () => {
  w = await retentionWorld();
  old = await submitFile(w, { name: OLD_NAME, nik: OLD_NIK, photos: ["old-1", "old-2", "shared"] });
  rejected = await submitFile(w, { name: REJECTED_NAME, nik: REJECTED_NIK, photos: ["rej-1", "rej-2", "rej-3"] });
  recent = await submitFile(w, { name: RECENT_NAME, nik: RECENT_NIK, photos: ["new-1", "new-2", "shared"] });
  await decideFile(w, old.id, "approved", LONG_AGO);
  await decideFile(w, rejected.id, "rejected", new Date(LONG_AGO.getTime() + 86_400_000));
  await decideFile(w, recent.id, "approved", new Date());
  complaintNumber = await closedComplaint(w, REPORTER, "evidence", LONG_AGO);
});
afterEach(() => w.env.cleanup());

async function contentOf(id: string): Promise<Record<string, unknown>> {
  const row = await rawGet<{ content: string }>(w.env.db, sql`SELECT content FROM applications WHERE id = ${id}`);
  return JSON.parse(row?.content ?? "null") as Record<string, unknown>;
}

/** The SQLite driver, for what only the file can tell (its bytes, pragmas). */
function sqlite(): Database.Database {
  const driver = sqliteDriver(w.env.db);
  if (!driver) throw new Error("these tests read the SQLite file");
  return driver;
}

const photoPath = (label: string) => storedFilePath(w.filesDir, photoHash(label));

/** Everything the office's figures are made of, as the console and the public page answer them. */
async function figures(): Promise<unknown> {
  const decidedPeriod = semesterOf(jakartaDate(LONG_AGO));
  const read = async (path: string) => {
    const response = await call(w, "GET", path, w.admin);
    expect(response.status, path).toBe(200);
    // The moment the figures were computed is not a figure.
    return JSON.parse(await response.text(), (key, value) => (key === "asOf" ? undefined : value));
  };
  const tracking = [];
  for (const file of [old, rejected, recent]) {
    // A file decided over a year ago is no longer public (tracking_expired): the same answer after.
    const response = await call(w, "GET", `/api/track/${file.trackingNumber}`, null);
    const body = await response.json();
    if (response.status !== 200) tracking.push({ code: response.status, body });
    else {
      const status = PublicStatus.parse(body);
      tracking.push({ status: status.status, steps: status.steps, fixes: status.fixes, clock: status.clock });
    }
  }
  return {
    dashboard: await read("/api/console/dashboard"),
    skmNow: await read("/api/console/skm"),
    skmThen: await read(`/api/console/skm?period=${decidedPeriod}`),
    tracking,
  };
}

describe("retention of closed files", () => {
  it("keeps everything while the office keeps closed files (no retention set)", async () => {
    const dry = await retentionDryRun(w.env.db, new Date(), "id");
    expect(dry).toMatchObject({ cutoff: null, retentionDays: null, files: [], complaints: [], done: false });
    const run = await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir) });
    expect(run.report.totals).toEqual({ files: 0, complaints: 0, photos: 0, bytes: 0 });
    expect(await contentOf(old.id)).toMatchObject({ applicant: { fullName: OLD_NAME, nik: OLD_NIK } });
  });

  it("lists what would go in a dry run, and changes nothing", async () => {
    await setRetention(w.env.db, 365);
    const dry = await retentionDryRun(w.env.db, new Date(), "id");
    expect(dry.done).toBe(false);
    expect(dry.retentionDays).toBe(365);
    expect(dry.files.map((file) => file.trackingNumber)).toEqual([old.trackingNumber, rejected.trackingNumber]);
    expect(dry.files[0]).toMatchObject({
      status: "approved",
      photos: 3,
      serviceTitle: expect.stringMatching(/Domisili/i),
    });
    expect(dry.files[1]).toMatchObject({ status: "rejected", photos: 3 });
    expect(dry.complaints).toEqual([{ number: complaintNumber, closedAt: LONG_AGO.toISOString() }]);
    // Seven photos named (one shared with the recent file), each counted once.
    expect(dry.totals).toMatchObject({ files: 2, complaints: 1, photos: 7 });
    expect(dry.totals.bytes).toBeGreaterThan(7 * 2000);
    // Nothing personal in the list.
    expect(JSON.stringify(dry)).not.toMatch(new RegExp(`${OLD_NAME}|${OLD_NIK}|${REPORTER}`));
    expect(await contentOf(old.id)).toMatchObject({ applicant: { fullName: OLD_NAME } });
    expect(existsSync(photoPath("old-1"))).toBe(true);
  });

  it("removes personal data and photos past retention, keeps the figures, and finds nothing the second time", async () => {
    const before = await figures();
    // Not trivially equal: the old files count in the dashboard, the on-time figures and the SKM population.
    expect(before).toMatchObject({
      dashboard: { byStatus: { approved: 2, rejected: 1 }, onTime: { decided: 3 } },
      skmThen: { results: { population: 2 } },
    });
    await setRetention(w.env.db, 365);
    const { report, undeleted } = await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir) });
    expect(undeleted).toBe(0);
    expect(report.done).toBe(true);
    expect(report.totals).toMatchObject({ files: 2, complaints: 1, photos: 6 });

    for (const id of [old.id, rejected.id]) {
      const content = await contentOf(id);
      expect(content.applicant).toEqual({
        fullName: "",
        nik: "",
        kk: "",
        birthDate: "",
        phone: "",
        address: { street: "", rt: "", rw: "", villageCode: "31.75.07.1001" },
      });
      expect(content).toMatchObject({ data: {}, documents: {}, guideId: "surat-keterangan-domisili", guideVersion: 1 });
      expect((content.history as { action: string }[]).at(-1)?.action).toBe(SCRUBBED_ACTION);
    }
    const verdict = (await rawGet<{ verdict: string; scrubbed_at: string }>(
      w.env.db,
      sql`SELECT verdict, scrubbed_at FROM applications WHERE id = ${rejected.id}`,
    )) as { verdict: string; scrubbed_at: string };
    expect(JSON.parse(verdict.verdict)).toMatchObject({ decision: "rejected", reasonCode: "not-eligible" });
    expect(verdict.verdict).not.toContain("NIK ganda");
    expect(verdict.scrubbed_at).not.toBeNull();
    // The recent file keeps its data, and the photo it shares with the old one.
    expect(await contentOf(recent.id)).toMatchObject({ applicant: { fullName: RECENT_NAME, nik: RECENT_NIK } });
    expect(existsSync(photoPath("shared"))).toBe(true);
    const gone = await rawGet<{ n: number }>(w.env.db, sql`SELECT COUNT(*) AS n FROM files`);
    expect(gone?.n).toBe(3); // the recent file's three photos (one of them shared)
    const complaint = (await rawGet<Record<string, unknown>>(
      w.env.db,
      sql`SELECT reporter_name, reporter_contact, evidence, status, category, closed_at, scrubbed_at FROM complaints`,
    )) as Record<string, unknown>;
    expect(complaint).toMatchObject({ reporter_name: null, reporter_contact: null, evidence: "[]", status: "done" });
    expect(complaint.scrubbed_at).not.toBeNull();

    expect(await figures()).toEqual(before);
    const again = await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir) });
    expect(again.report.totals).toEqual({ files: 0, complaints: 0, photos: 0, bytes: 0 });
    expect((await retentionDryRun(w.env.db, new Date(), "id")).files).toEqual([]);
  });

  it("keeps a photo a file names after the run began (or a complaint, or a recent upload)", async () => {
    const hashes = ["old-1", "old-2", "rej-1", "shared"].map(photoHash);
    const references = await PhotoReferences.scan(w.env.db, hashes, new Date().toISOString());
    references.forget(old.id);
    references.forget(rejected.id);
    const cutoff = new Date(Date.now() - 365 * 86_400_000).toISOString();
    // "shared" is still a page of the recent file; the others go.
    expect((await references.unneeded(w.env.db, hashes, cutoff)).sort()).toEqual(
      ["old-1", "old-2", "rej-1"].map(photoHash).sort(),
    );
    // A file saved since the scan (a newer change_seq) names old-1: it stays.
    const content = (await contentOf(recent.id)) as { documents: Record<string, { pages: { sha256: string }[] }> };
    const page = content.documents["ktp-el"]?.pages[0];
    if (page) page.sha256 = photoHash("old-1");
    await rawRun(
      w.env.db,
      sql`UPDATE applications SET content = ${JSON.stringify(content)}, change_seq = change_seq + 1000 WHERE id = ${recent.id}`,
    );
    // Someone sent rej-1's bytes again after the cutoff: it stays too.
    await rawRun(
      w.env.db,
      sql`UPDATE file_holders SET at = ${new Date().toISOString()} WHERE sha256 = ${photoHash("rej-1")}`,
    );
    expect(await references.unneeded(w.env.db, hashes, cutoff)).toEqual([photoHash("old-2")]);
  });

  it("gives the same result in batches of one (each batch starts after the last)", async () => {
    await setRetention(w.env.db, 365);
    const { report } = await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir), batch: 1 });
    expect(report.totals).toMatchObject({ files: 2, complaints: 1, photos: 6 });
    expect(report.files.map((file) => file.trackingNumber)).toEqual([old.trackingNumber, rejected.trackingNumber]);
    expect(existsSync(photoPath("shared"))).toBe(true);
  });

  it("deletes the photos' bytes from disk", async () => {
    const paths = ["old-1", "old-2", "rej-1", "evidence"].map(photoPath);
    for (const path of paths) expect(existsSync(path)).toBe(true);
    await setRetention(w.env.db, 365);
    await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir) });
    for (const path of paths) expect(existsSync(path)).toBe(false);
    expect(existsSync(photoPath("new-1"))).toBe(true);
  });

  // About the SQLite file itself (its free pages and WAL, VACUUM, pragmas): PostgreSQL keeps no such file of
  // ours and reclaims old row versions with its own VACUUM (docs/DEPLOY.md); the test after it reads every row.
  it.skipIf(activeDialect() === "postgres")(
    "leaves no trace of the name or the NIK in the database file's bytes",
    async () => {
      const raw = () =>
        Buffer.concat(
          ["", "-wal"].map((suffix) =>
            existsSync(`${w.env.file}${suffix}`) ? readFileSync(`${w.env.file}${suffix}`) : Buffer.alloc(0),
          ),
        );
      sqlite().pragma("wal_checkpoint(TRUNCATE)");
      // The test means something: the values are in the file before.
      for (const value of [OLD_NAME, OLD_NIK, REJECTED_NAME, REJECTED_NIK, REPORTER]) {
        expect(raw().includes(value), value).toBe(true);
      }
      await setRetention(w.env.db, 365);
      await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir) });
      const bytes = raw();
      for (const value of [OLD_NAME, OLD_NIK, REJECTED_NAME, REJECTED_NIK, REPORTER, "NIK ganda"]) {
        expect(bytes.includes(value), value).toBe(false);
      }
      expect(bytes.includes(RECENT_NIK)).toBe(true);
      expect(sqlite().pragma("integrity_check", { simple: true })).toBe("ok");
      // The connection's own setting is given back after the run.
      expect(sqlite().pragma("secure_delete", { simple: true })).toBe(0);
    },
  );

  // The PostgreSQL counterpart: every row of every table, read as text, holds none of the values any more.
  it.skipIf(activeDialect() !== "postgres")("leaves the name or the NIK in no row of any table", async () => {
    const everyRow = async () => {
      const tables = await rawAll<{ name: string }>(
        w.env.db,
        sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
      );
      const rows: string[] = [];
      for (const { name } of tables) {
        const found = await rawAll<{ row: string }>(
          w.env.db,
          sql`SELECT CAST(t AS text) AS row FROM ${sql.identifier(name)} t`,
        );
        rows.push(...found.map((found) => found.row));
      }
      return rows.join("\n");
    };
    // The test means something: the values are in the rows before.
    const before = await everyRow();
    for (const value of [OLD_NAME, OLD_NIK, REJECTED_NAME, REJECTED_NIK, REPORTER]) {
      expect(before.includes(value), value).toBe(true);
    }
    await setRetention(w.env.db, 365);
    await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir) });
    const after = await everyRow();
    for (const value of [OLD_NAME, OLD_NIK, REJECTED_NAME, REJECTED_NIK, REPORTER, "NIK ganda"]) {
      expect(after.includes(value), value).toBe(false);
    }
    expect(after.includes(RECENT_NIK)).toBe(true);
  });

  it("keeps the scrubbed file readable for the phone, the console and the public page", async () => {
    await setRetention(w.env.db, 365);
    await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir) });
    // The phone: status, verdict codes and tracking number; never content.
    const pull = await w.app.request("/api/sync/pull", { headers: { Cookie: w.cadre.cookie } });
    expect(pull.status).toBe(200);
    const body = PullResponse.parse(await pull.json());
    const change = body.changes.find((item) => item.id === old.id);
    expect(change).toMatchObject({ status: "approved", trackingNumber: old.trackingNumber, deleted: false });
    expect(change?.verdict).toMatchObject({ decision: "approved" });
    expect(JSON.stringify(body)).not.toContain(OLD_NAME);
    // The console's file screen: a 200 the console parses, the applicant empty and the retention marked.
    const detail = await call(w, "GET", `/api/console/applications/${old.id}`, w.operator);
    expect(detail.status).toBe(200);
    const parsed = ApplicationDetail.parse(await detail.json());
    expect(parsed.content.applicant.fullName).toBe("");
    expect(parsed.content.history.at(-1)?.action).toBe(SCRUBBED_ACTION);
    expect(parsed.trackingNumber).toBe(old.trackingNumber);
    // The console knows the mark (client/console/privacy/scrubbed.ts keeps the same word).
    expect(CONSOLE_SCRUBBED_ACTION).toBe(SCRUBBED_ACTION);
    expect(isScrubbed(parsed.content)).toBe(true);
    // A phone that still held the file cannot write its old data back: a decided file is locked.
    const stale = { ...readyDraft({ id: old.id, name: OLD_NAME, village: "31.75.07.1001" }) };
    const pushed = await pushOne(w.app, w.cadre, w.clientId, mutation(++w.seq, "putDraft", { draft: stale }));
    expect(pushed).toMatchObject({ status: "rejected", code: "workflow-locked" });
    expect(await contentOf(old.id)).toMatchObject({ applicant: { fullName: "" } });
    // Its photos are no longer served.
    const hash = photoHash("rej-1");
    const photo = await call(w, "GET", `/api/console/applications/${rejected.id}/files/${hash}`, w.operator);
    expect(photo.status).toBe(404);
    // The queue lists it without a name.
    const queue = await call(w, "GET", "/api/console/applications?status=approved", w.operator);
    expect(queue.status).toBe(200);
    expect(JSON.stringify(await queue.json())).not.toContain(OLD_NAME);
  });
});

// npm run backup/restore of the SQLite file (server/ops/backup.ts): these read the copied file's bytes and open
// it. On PostgreSQL backups are pg_dump/pg_restore, whose retention is tested in backup-postgres.test.ts.
describe.skipIf(activeDialect() === "postgres")("backups follow the same rule", () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "masdarin-retention-backup-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const rawOf = (file: string) => readFileSync(file);
  const photosIn = (dir: string) =>
    existsSync(join(dir, "files"))
      ? readdirSync(join(dir, "files"))
          .filter((name) => /^[0-9a-f]{2}$/.test(name))
          .flatMap((prefix) => readdirSync(join(dir, "files", prefix)))
      : [];

  it("npm run backup writes nothing past retention: expired rows scrubbed, expired photos not copied", async () => {
    await setRetention(w.env.db, 365);
    // The live server has not run the retention yet: the backup applies it to its copy.
    const destination = join(tempDir(), "copy");
    const result = await backup(w.env.dir, destination);
    expect(result.scrubbed).toEqual({ files: 2, complaints: 1, photos: 6 });
    expect(result.files).toBe(3);
    const copied = photosIn(destination);
    expect(copied.sort()).toEqual([photoHash("new-1"), photoHash("new-2"), photoHash("shared")].sort());
    const bytes = rawOf(join(destination, DB_FILE));
    for (const value of [OLD_NAME, OLD_NIK, REJECTED_NIK, REPORTER]) expect(bytes.includes(value), value).toBe(false);
    expect(bytes.includes(RECENT_NIK)).toBe(true);
    // The live database is untouched by the backup (the server's own run does that).
    expect(await contentOf(old.id)).toMatchObject({ applicant: { nik: OLD_NIK } });
    const copy = new Database(join(destination, DB_FILE), { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
  });

  it("after a live run, the backup holds only what the live database holds", async () => {
    await setRetention(w.env.db, 365);
    await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir) });
    const destination = join(tempDir(), "copy");
    const result = await backup(w.env.dir, destination);
    expect(result.scrubbed).toEqual({ files: 0, complaints: 0, photos: 0 });
    expect(photosIn(destination)).toHaveLength(3);
    const bytes = rawOf(join(destination, DB_FILE));
    for (const value of [OLD_NAME, OLD_NIK, REJECTED_NIK, REPORTER]) expect(bytes.includes(value), value).toBe(false);
  });

  it("npm run restore re-applies retention: an old backup does not bring back expired data", async () => {
    // A backup from before the office set its retention.
    const destination = join(tempDir(), "old-backup");
    await backup(w.env.dir, destination);
    expect(photosIn(destination)).toHaveLength(9); // eight own photos, one shared, and the evidence
    await setRetention(w.env.db, 365);
    await runRetention(w.env.db, { now: new Date(), photos: diskPhotoStore(w.filesDir) });
    await closeDatabase(w.env.db);

    const cli = resolve(import.meta.dirname, "../../server/cli/backup.ts");
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ["--import", "tsx", cli, "restore", "--from", destination], {
      env: { ...process.env, DATA_DIR: w.env.dir },
    });
    expect(stdout).toContain("Restored");
    expect(stdout).toContain(
      "Retention: personal data removed from 2 closed files and 1 complaints, 6 photos deleted.",
    );
    expect(stdout).not.toContain(old.trackingNumber);

    const restored = new Database(join(w.env.dir, DB_FILE), { readonly: true });
    const setting = restored.prepare("SELECT value FROM office_settings WHERE key = 'closedFileRetentionDays'").get();
    expect(setting).toEqual({ value: "365" });
    const names = restored
      .prepare("SELECT json_extract(content, '$.applicant.fullName') FROM applications ORDER BY decided_at")
      .pluck()
      .all();
    expect(names).toEqual(["", "", RECENT_NAME]);
    restored.close();
    expect(photosIn(w.env.dir).sort()).toEqual([photoHash("new-1"), photoHash("new-2"), photoHash("shared")].sort());
    const bytes = rawOf(join(w.env.dir, DB_FILE));
    for (const value of [OLD_NAME, OLD_NIK, REJECTED_NIK, REPORTER]) expect(bytes.includes(value), value).toBe(false);
  });

  it("restore keeps a backup's own retention when the database it replaces has none", async () => {
    await setRetention(w.env.db, 365);
    const destination = join(tempDir(), "copy");
    await backup(w.env.dir, destination);
    const target = tempDir();
    const result = await restore(destination, target);
    expect(result.scrubbed.files).toBe(0);
    expect(photosIn(target)).toHaveLength(3);
  });
});
