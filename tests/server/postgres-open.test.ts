import { eq, inArray, sql } from "drizzle-orm";
import { getTableConfig } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, type Db, dialectOf } from "../../server/db/connection";
import { openPostgres } from "../../server/db/postgres";
import { rawAll, rawGet } from "../../server/db/raw";
import * as pgTables from "../../server/db/schema-pg";
import * as sqliteTables from "../../server/db/schema-sqlite";
import { withTransaction } from "../../server/db/transaction";
import { adminUrl, createTestDatabase, dropTestDatabase, stopPostgres } from "../helpers/postgres";
import { tempDatabase } from "../helpers/temp-db";

/*
 * Issue 16: DATABASE_URL=postgres://… opens PostgreSQL (server/db/postgres.ts)
 * behind the same Db as SQLite. A throw-away cluster (tests/helpers/postgres.ts)
 * gets a fresh database; the committed server/migrations-pg build it, a second
 * open changes nothing, and rows written through drizzle read back as the
 * same JS values on both dialects.
 */

// The cluster starts once, under the hook timeout; each test makes its own database on it.
beforeAll(adminUrl);
afterAll(stopPostgres);

type Tables = typeof sqliteTables;

/** openDatabase (the SQLite side) puts in settings of its own: only these are compared. */
const keys = ["number", "object", "text"];

/** Repository-style code: typed against the SQLite tables, run with whichever set the dialect uses. */
async function roundTrip(db: Db, t: Tables) {
  await db.insert(t.users).values({
    id: "u1",
    username: "operator1",
    displayName: "Operator Satu",
    role: "operator",
    passwordHash: "scrypt$x",
    kecamatanCode: "31.75.07",
    handlesComplaints: true,
    createdAt: "2026-12-03T10:00:00.000Z",
  });
  await db.insert(t.users).values({
    id: "u2",
    username: "cadre1",
    displayName: "Kader Satu",
    role: "cadre",
    passwordHash: "scrypt$y",
    createdAt: "2026-12-03T10:00:00.000Z",
  });
  await db.insert(t.applications).values({
    id: "a1",
    cadreId: "u2",
    guideId: "ktp",
    guideVersion: 3,
    content: { applicant: { nik: "3175070101010001", name: "Siti" }, answers: [1, "dua", null, true] },
    status: "submitted",
    version: 1,
    changeSeq: 2 ** 40 + 7,
    createdAt: "2026-12-03T10:00:00.000Z",
    updatedAt: "2026-12-03T10:00:00.000Z",
  });
  await db.insert(t.complaints).values({
    id: "c1",
    number: "ADU-1",
    kecamatanCode: "31.75.07",
    placeKind: "office",
    category: "biaya",
    description: "Diminta biaya",
    happenedOn: "2026-12-01",
    amountAsked: 5_000_000_000,
    officialFee: 0,
    anonymous: false,
    confidential: true,
    channel: "office",
    status: "received",
    contentHash: "h",
    receivedAt: "2026-12-03T10:00:00.000Z",
    updatedAt: "2026-12-03T10:00:00.000Z",
  });
  await db.insert(t.officeSettings).values([
    { key: "text", value: "teks", updatedAt: "2026-12-03T10:00:00.000Z" },
    { key: "number", value: 42, updatedAt: "2026-12-03T10:00:00.000Z" },
    { key: "object", value: { days: [1, 2], nested: { on: false } }, updatedAt: "2026-12-03T10:00:00.000Z" },
  ]);
  await db.insert(t.files).values({
    sha256: "f".repeat(64),
    bytes: 3_000_000_000,
    mime: "application/pdf",
    uploadedBy: "u2",
    createdAt: "2026-12-03T10:00:00.000Z",
  });
  const events = await db
    .insert(t.auditLog)
    .values([
      {
        at: "2026-12-03T10:00:00.000Z",
        actorId: "u1",
        actorRole: "operator",
        action: "x",
        targetType: "t",
        targetId: "1",
        before: null,
        after: { n: 1 },
      },
      {
        at: "2026-12-03T10:00:01.000Z",
        actorId: "u1",
        actorRole: "operator",
        action: "y",
        targetType: "t",
        targetId: "2",
        after: [],
      },
    ])
    .returning({ id: t.auditLog.id });
  const changed = await db
    .update(t.users)
    .set({ handlesComplaints: false })
    .where(eq(t.users.id, "u2"))
    .returning({ id: t.users.id });

  const inTransaction = await withTransaction(db, async (tx) => {
    await tx.update(t.applications).set({ version: 2 }).where(eq(t.applications.id, "a1"));
    // A nested one is a savepoint: its failure undoes only its own work.
    await withTransaction(tx, async (inner) => {
      await inner.update(t.applications).set({ version: 99 }).where(eq(t.applications.id, "a1"));
      throw new Error("undo the savepoint");
    }).catch(() => undefined);
    return rawGet<{ version: number }>(tx, sql`SELECT version FROM applications WHERE id = ${"a1"}`);
  });

  return {
    events,
    changed,
    inTransaction,
    users: await db.select().from(t.users).orderBy(t.users.id),
    applications: await db.select().from(t.applications),
    complaints: await db.select().from(t.complaints),
    settings: await db
      .select()
      .from(t.officeSettings)
      .where(inArray(t.officeSettings.key, keys))
      .orderBy(t.officeSettings.key),
    files: await db.select().from(t.files),
    audit: await db.select().from(t.auditLog).orderBy(t.auditLog.id),
    raw: await rawAll<Record<string, unknown>>(
      db,
      sql`SELECT count(*) AS "rows", sum(change_seq) AS "seqSum", max(change_seq) AS "seqMax" FROM applications`,
    ),
    // Raw reads of a JSON column give its text on both dialects, for the caller to parse.
    rawJson: (
      await rawAll<{ value: unknown }>(
        db,
        sql`SELECT value FROM office_settings WHERE key IN (${keys[0]}, ${keys[1]}, ${keys[2]}) ORDER BY key`,
      )
    ).map((row) => (typeof row.value === "string" ? JSON.parse(row.value) : { notText: row.value })),
  };
}

/** Files moving through their life, so every dashboard trigger fires at least once. */
async function dashboardLife(db: Db, t: Tables) {
  const at = "2026-12-03T10:00:00.000Z";
  await db.insert(t.users).values({
    id: "c1",
    username: "cadre1",
    displayName: "Kader",
    role: "cadre",
    passwordHash: "x",
    createdAt: at,
  });
  const file = (id: string, fields: Partial<Tables["applications"]["$inferInsert"]>) => ({
    id,
    cadreId: "c1",
    guideId: "ktp",
    guideVersion: 1,
    villageCode: "31.75.07.1001",
    content: {},
    status: "submitted" as const,
    version: 1,
    changeSeq: 1,
    createdAt: at,
    updatedAt: at,
    kecamatanCode: "31.75.07",
    ...fields,
  });
  const update = (id: string, fields: Partial<Tables["applications"]["$inferInsert"]>) =>
    db.update(t.applications).set(fields).where(eq(t.applications.id, id));
  // Submitted at once; across the Jakarta month boundary (17:30 UTC is 00:30 the next day in Jakarta).
  await db.insert(t.applications).values(
    file("a1", {
      draftCreatedAt: "2026-11-30T09:00:00.000Z",
      firstSubmittedAt: "2026-11-30T17:30:00.000Z",
      submittedAt: "2026-11-30T17:30:00.000Z",
    }),
  );
  // A draft, submitted later; its phone's clock gave a time without a zone.
  await db.insert(t.applications).values(file("a2", { status: "draft", draftCreatedAt: "2026-12-01T08:00:00" }));
  await update("a2", { status: "submitted", firstSubmittedAt: "2026-12-01T09:07:31.250Z", submitCount: 1 });
  // Sent back, refused pre-checks, then a verdict time.
  await db
    .insert(t.applications)
    .values(
      file("a3", { draftCreatedAt: "not a time", firstSubmittedAt: "2026-12-02T01:00:00.000Z", precheckFailures: 0 }),
    );
  await update("a3", { status: "needs-fix", sentBackCount: 1, precheckFailures: 2 });
  await update("a3", { firstDecisionAt: "2026-12-04T03:20:00.000Z" });
  await update("a3", { firstDecisionAt: "2026-12-05T03:20:00.000Z", status: "rejected" });
  // Moved to another office and village, then deleted (a tombstone).
  await db
    .insert(t.applications)
    .values(file("a4", { draftCreatedAt: "2026-12-01T00:00:00.000Z", firstSubmittedAt: "2026-12-02T23:59:59.999Z" }));
  await update("a4", { kecamatanCode: "31.75.08", villageCode: null });
  await update("a4", { deletedAt: "2026-12-03T00:00:00.000Z" });
  // Decided, its clock stopped; then the clock is corrected, then the file goes to another service.
  await db.insert(t.applications).values(
    file("a5", {
      status: "approved",
      firstSubmittedAt: "2026-12-01T02:00:00.000Z",
      firstDecisionAt: "2026-12-03T02:00:00.000Z",
      decidedAt: "2026-12-03T18:00:00.000Z",
      clockState: "stopped",
      clock: { unit: "working", used: 3, onTime: true } as never,
    }),
  );
  await update("a5", { clock: { unit: "working", used: 5, onTime: false } as never });
  await update("a5", { guideId: "kk" });
  // Stopped with a calendar-day clock and no verdict on time recorded; then removed outright.
  await db.insert(t.applications).values(
    file("a6", {
      status: "rejected",
      kecamatanCode: null,
      firstSubmittedAt: "2026-12-01T02:00:00.000Z",
      decidedAt: "2026-12-02T02:00:00.000Z",
      clockState: "stopped",
      clock: { unit: "calendar", used: null, onTime: null } as never,
    }),
  );
  await db.insert(t.applications).values(file("a7", { firstSubmittedAt: "2026-12-01T02:00:00.000Z" }));
  await db.delete(t.applications).where(eq(t.applications.id, "a7"));
  // The office's reasons: one kept, one withdrawn, one for a file that was never submitted.
  const finding = (applicationId: string, reasonCode: string, requirementId: string | null) => ({
    applicationId,
    guideId: "ktp",
    kecamatanCode: "31.75.07",
    villageCode: "31.75.07.1001",
    cadreId: "c1",
    decision: "needs-fix" as const,
    requirementId,
    reasonCode,
    at,
  });
  await db.insert(t.reviewFindings).values(finding("a3", "blurry", "ktp-photo"));
  const [withdrawn] = await db
    .insert(t.reviewFindings)
    .values(finding("a3", "missing", null))
    .returning({ id: t.reviewFindings.id });
  await db.insert(t.reviewFindings).values(finding("nowhere", "other", null));
  await db.delete(t.reviewFindings).where(eq(t.reviewFindings.id, withdrawn?.id ?? -1));

  return {
    groups: await rawAll(
      db,
      sql`SELECT * FROM dashboard_groups WHERE submitted <> 0 OR s_submitted <> 0 OR s_received <> 0 OR s_verified <> 0
          OR s_approved <> 0 OR s_needs_fix <> 0 OR s_rejected <> 0 OR first_pass <> 0 OR sent_back_or_rejected <> 0
          ORDER BY grain, kecamatan, guide, period, dimension, key`,
    ),
    durations: await rawAll(
      db,
      sql`SELECT * FROM dashboard_durations WHERE n <> 0 ORDER BY grain, kecamatan, guide, period, measure, minutes`,
    ),
    reasons: await rawAll(
      db,
      sql`SELECT * FROM dashboard_reasons WHERE n <> 0 ORDER BY grain, kecamatan, period, guide, decision, reason, requirement`,
    ),
    clock: await rawAll(
      db,
      sql`SELECT * FROM dashboard_clock WHERE files <> 0 OR on_time <> 0 ORDER BY grain, kecamatan, period, guide, unit, used`,
    ),
  };
}

async function migrationsApplied(db: Db): Promise<number> {
  const row = await rawGet<{ n: number }>(db, sql`SELECT count(*) AS "n" FROM drizzle.__drizzle_migrations`);
  return row?.n ?? -1;
}

// Two databases, migrations and a SQLite file per test: more than the default 20 s on a busy CI machine.
describe("openPostgres", { timeout: 60_000 }, () => {
  it("migrates a fresh database, and a second open changes nothing", async () => {
    const url = await createTestDatabase();
    try {
      const db = await openPostgres(url);
      expect(dialectOf(db)).toBe("postgres");
      const applied = await migrationsApplied(db);
      expect(applied).toBeGreaterThan(0);
      await db
        .insert(pgTables.calendarDays as unknown as Tables["calendarDays"])
        .values({ date: "2026-12-25", kind: "holiday", name: "Natal", source: "test", updatedAt: "x" });
      await closeDatabase(db);

      const again = await openPostgres(url);
      expect(await migrationsApplied(again)).toBe(applied);
      const days = await again.select().from(pgTables.calendarDays as unknown as Tables["calendarDays"]);
      expect(days.map((day) => day.name)).toEqual(["Natal"]);
      await closeDatabase(again);
    } finally {
      await dropTestDatabase(url);
    }
  });

  it("builds what SQLite's migrations build: tables, columns, not null, indexes, triggers", async () => {
    const url = await createTestDatabase();
    const sqlite = await tempDatabase();
    try {
      const db = await openPostgres(url);
      const onPostgres = {
        columns: await rawAll<{ table: string; column: string; notNull: boolean }>(
          db,
          sql`SELECT table_name AS "table", column_name AS "column", is_nullable = 'NO' AS "notNull"
              FROM information_schema.columns WHERE table_schema = 'public'`,
        ),
        indexes: await rawAll<{ table: string; index: string }>(
          db,
          sql`SELECT i.tablename AS "table", i.indexname AS "index" FROM pg_indexes i
              WHERE i.schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
        ),
        triggers: await rawAll<{ table: string; trigger: string }>(
          db,
          sql`SELECT DISTINCT event_object_table AS "table", trigger_name AS "trigger"
              FROM information_schema.triggers WHERE trigger_schema = 'public'`,
        ),
      };
      await closeDatabase(db);
      const onSqlite = {
        columns: await rawAll<{ table: string; column: string; notNull: number }>(
          sqlite.db,
          sql`SELECT m.name AS "table", p.name AS "column", p."notnull" OR p.pk > 0 AS "notNull"
              FROM sqlite_master m, pragma_table_info(m.name) p
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '__drizzle_migrations'`,
        ),
        indexes: await rawAll<{ table: string; index: string }>(
          sqlite.db,
          sql`SELECT tbl_name AS "table", name AS "index" FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`,
        ),
        triggers: await rawAll<{ table: string; trigger: string }>(
          sqlite.db,
          sql`SELECT tbl_name AS "table", name AS "trigger" FROM sqlite_master WHERE type = 'trigger'`,
        ),
      };
      const sorted = (rows: Record<string, unknown>[]) =>
        rows
          .map((row) =>
            Object.values(row)
              .map((value) => (typeof value === "number" ? value !== 0 : value))
              .join(" "),
          )
          .sort();
      expect(sorted(onPostgres.columns)).toEqual(sorted(onSqlite.columns));
      expect(sorted(onPostgres.indexes)).toEqual(sorted(onSqlite.indexes));
      expect(sorted(onPostgres.triggers)).toEqual(sorted(onSqlite.triggers));
      // And schema-pg.ts's tables are all there.
      const tables = new Set(onPostgres.columns.map((row) => row.table));
      for (const table of Object.values(pgTables)) expect(tables.has(getTableConfig(table).name)).toBe(true);
    } finally {
      await sqlite.cleanup();
      await dropTestDatabase(url);
    }
  });

  it("reads back booleans, JSON and big numbers as the SQLite side does", async () => {
    const url = await createTestDatabase();
    const sqlite = await tempDatabase();
    try {
      const db = await openPostgres(url);
      const onPostgres = await roundTrip(db, pgTables as unknown as Tables);
      await closeDatabase(db);
      const onSqlite = await roundTrip(sqlite.db, sqliteTables);

      expect(onPostgres).toEqual(onSqlite);
      // And the values are the JS types the code expects, not strings.
      expect(onPostgres.users[0]?.handlesComplaints).toBe(true);
      expect(onPostgres.users[1]?.handlesComplaints).toBe(false);
      expect(onPostgres.complaints[0]?.amountAsked).toBe(5_000_000_000);
      expect(onPostgres.complaints[0]?.confidential).toBe(true);
      expect(onPostgres.complaints[0]?.evidence).toEqual([]);
      expect(onPostgres.applications[0]?.changeSeq).toBe(2 ** 40 + 7);
      expect(onPostgres.applications[0]?.content).toEqual({
        applicant: { nik: "3175070101010001", name: "Siti" },
        answers: [1, "dua", null, true],
      });
      expect(onPostgres.files[0]?.bytes).toBe(3_000_000_000);
      expect(onPostgres.events).toEqual([{ id: 1 }, { id: 2 }]);
      expect(onPostgres.inTransaction).toEqual({ version: 2 });
      expect(onPostgres.raw).toEqual([{ rows: 1, seqSum: 2 ** 40 + 7, seqMax: 2 ** 40 + 7 }]);
      expect(onPostgres.rawJson).toEqual([42, { days: [1, 2], nested: { on: false } }, "teks"]);
    } finally {
      await sqlite.cleanup();
      await dropTestDatabase(url);
    }
  });

  it("keeps the dashboard's rollups as SQLite's triggers do", async () => {
    const url = await createTestDatabase();
    const sqlite = await tempDatabase();
    try {
      const db = await openPostgres(url);
      const onPostgres = await dashboardLife(db, pgTables as unknown as Tables);
      await closeDatabase(db);
      const onSqlite = await dashboardLife(sqlite.db, sqliteTables);
      expect(onSqlite.groups.length).toBeGreaterThan(10);
      expect(onSqlite.durations.length).toBeGreaterThan(5);
      expect(onSqlite.reasons.length).toBeGreaterThan(2);
      expect(onSqlite.clock.length).toBeGreaterThan(2);
      expect(onPostgres).toEqual(onSqlite);
    } finally {
      await sqlite.cleanup();
      await dropTestDatabase(url);
    }
  });
});
