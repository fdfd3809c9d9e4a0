import { eq, type SQL, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dialectOf } from "../../server/db/connection";
import { closeDatabase, type Db, openDatabase } from "../../server/db/open";
import { rawGet, rawRun } from "../../server/db/raw";
import { applications, changeCounters } from "../../server/db/schema";
import { withSnapshot, withTransaction } from "../../server/db/transaction";
import { getGuide, publishGuide } from "../../server/guides/repository";
import { takeChangeSeq } from "../../server/sync/counters";
import { currentChangeSeq, pendingSeq, stampApplications } from "../../server/sync/rows";
import { createTestUser } from "../helpers/accounts";
import { seededDatabase } from "../helpers/temp-db";

/*
 * Issue 16: the change counters (server/sync/counters.ts, migration 0016) on
 * whichever dialect the run uses (SQLite by default, PostgreSQL under
 * vitest.postgres.config.ts). Across two servers at once:
 * tests/server/concurrency-postgres.test.ts.
 */

let env: Awaited<ReturnType<typeof seededDatabase>>;
let cadreId: string;

beforeEach(async () => {
  env = await seededDatabase();
  cadreId = (await createTestUser(env.db, "cadre")).id;
});
afterEach(() => env.cleanup());

async function counter(db: Db, name: string): Promise<number | undefined> {
  const [row] = await db.select().from(changeCounters).where(eq(changeCounters.name, name));
  return row?.value;
}

async function insertRow(db: Db, changeSeq: number | SQL): Promise<string> {
  const id = uuidv7();
  const at = new Date().toISOString();
  await db.insert(applications).values({
    id,
    cadreId,
    guideId: "surat-keterangan-domisili",
    guideVersion: 1,
    content: {},
    status: "draft",
    version: 1,
    changeSeq,
    createdAt: at,
    updatedAt: at,
  });
  return id;
}

describe("the change counters", () => {
  /** Marks `n` new rows with the transaction's placeholder, then stamps them: what every writer does. */
  const markAndStamp = (tx: Db, n: number) =>
    (async () => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await insertRow(tx, pendingSeq(tx)));
      const seqs = await stampApplications(tx);
      return ids.map((id) => seqs.get(id));
    })();

  const seqOf = async (db: Db, id: string) =>
    Number((await rawGet<{ seq: number }>(db, sql`SELECT change_seq AS seq FROM applications WHERE id = ${id}`))?.seq);

  it("start at the highest seq written (the seeded catalogue's for guides) and stamp a transaction's marked rows with the next ones, one each", async () => {
    const guidesTop = await rawGet<{ top: number }>(
      env.db,
      sql`SELECT coalesce(max(change_seq), 0) AS top FROM guides`,
    );
    expect(await counter(env.db, "applications")).toBe(0);
    expect(await counter(env.db, "guides")).toBe(Number(guidesTop?.top));
    const seqs = await withTransaction(env.db, (tx) => markAndStamp(tx, 3));
    expect([...seqs].sort()).toEqual([1, 2, 3]);
    expect(await counter(env.db, "applications")).toBe(3);
    // The guides' counter is their own.
    expect(await counter(env.db, "guides")).toBe(Number(guidesTop?.top));
  });

  it("keeps a marked row below every real seq until it is stamped, and leaves no row at its placeholder", async () => {
    await withTransaction(env.db, async (tx) => {
      const id = await insertRow(tx, pendingSeq(tx));
      expect(await seqOf(tx, id)).toBeLessThan(0);
      const seqs = await stampApplications(tx);
      expect(seqs.get(id)).toBe(1);
      expect(await seqOf(tx, id)).toBe(1);
    });
    const left = await rawGet<{ n: number }>(env.db, sql`SELECT count(*) AS n FROM applications WHERE change_seq <= 0`);
    expect(Number(left?.n)).toBe(0);
  });

  it("moves nothing when a transaction marked no row", async () => {
    expect((await withTransaction(env.db, (tx) => stampApplications(tx))).size).toBe(0);
    expect(await counter(env.db, "applications")).toBe(0);
  });

  it("gives a rolled-back transaction's seqs back", async () => {
    await withTransaction(env.db, (tx) => markAndStamp(tx, 1));
    await expect(
      withTransaction(env.db, async (tx) => {
        await markAndStamp(tx, 1);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await counter(env.db, "applications")).toBe(1);
    expect(await withTransaction(env.db, (tx) => markAndStamp(tx, 1))).toEqual([2]);
  });

  it("never falls behind a row written with a seq of its own, and the cursor's head is the highest committed row", async () => {
    await insertRow(env.db, 50);
    expect(await currentChangeSeq(env.db)).toBe(50);
    expect(await withTransaction(env.db, (tx) => markAndStamp(tx, 1))).toEqual([51]);
    expect(await currentChangeSeq(env.db)).toBe(51);
    expect(await counter(env.db, "applications")).toBe(51);
  });

  it.runIf(process.env.DATABASE_URL)(
    "stamps only its own transaction's rows, in commit order, while another transaction's marked rows wait (PostgreSQL)",
    async () => {
      let release!: () => void;
      const released = new Promise<void>((done) => {
        release = done;
      });
      let marked!: () => void;
      const firstMarked = new Promise<void>((done) => {
        marked = done;
      });
      // The first transaction marks its row, then waits while a second one marks, stamps and commits.
      const first = withTransaction(env.db, async (tx) => {
        const id = await insertRow(tx, pendingSeq(tx));
        marked();
        await released;
        return { id, seq: (await stampApplications(tx)).get(id) };
      });
      await firstMarked;
      const second = await withTransaction(env.db, (tx) => markAndStamp(tx, 2));
      release();
      const late = await first;
      expect([...second].sort()).toEqual([1, 2]);
      // Marked first, committed last: its seq is the higher one, so a cursor at 2 still finds it.
      expect(late.seq).toBe(3);
      expect(await seqOf(env.db, late.id)).toBe(3);
    },
  );

  it("puts back a counter row that is missing", async () => {
    await rawRun(env.db, sql`DELETE FROM change_counters WHERE name = 'applications'`);
    await insertRow(env.db, 7);
    expect(await withTransaction(env.db, (tx) => takeChangeSeq(tx, "applications"))).toBe(8);
    expect(await counter(env.db, "applications")).toBe(8);
  });

  it("numbers a publish from the guides' counter", async () => {
    const before = Number(await counter(env.db, "guides"));
    const model = await getGuide(env.db, "surat-keterangan-domisili");
    if (!model) throw new Error("no seeded domisili guide");
    const stored = await publishGuide(env.db, { ...model.guide, id: "uji-counter" });
    expect(stored.changeSeq).toBe(before + 1);
    expect(await counter(env.db, "guides")).toBe(before + 1);
    expect(await counter(env.db, "applications")).toBe(0);
  });
});

describe("withSnapshot", () => {
  let other: Db;
  beforeEach(async () => {
    other = await openDatabase(env.file);
  });
  afterEach(() => closeDatabase(other));

  const count = async (db: Db) =>
    Number((await rawGet<{ n: number }>(db, sql`SELECT count(*) AS n FROM applications`))?.n);

  it("reads one snapshot while another server commits, without holding that server's writes up", async () => {
    await insertRow(env.db, 1);
    const seen = await withSnapshot(env.db, async (tx) => {
      const first = await count(tx);
      // Another connection (another app server) writes and commits meanwhile: it is not kept waiting.
      await withTransaction(other, async (otx) => {
        await rawRun(
          otx,
          sql`INSERT INTO applications (id, cadre_id, guide_id, guide_version, content, status, version, change_seq,
            created_at, updated_at)
            VALUES (${uuidv7()}, ${cadreId}, 'surat-keterangan-domisili', 1, '{}', 'draft', 1, 2, 'x', 'x')`,
        );
      });
      return [first, await count(tx)];
    });
    expect(seen).toEqual([1, 1]);
    expect(await count(env.db)).toBe(2);
  });

  it("runs inside an open transaction as part of it", async () => {
    const seen = await withTransaction(env.db, async (tx) => {
      await insertRow(tx, 3);
      return withSnapshot(tx, (inner) => count(inner));
    });
    expect(seen).toBe(1);
  });

  it("refuses a write on PostgreSQL (READ ONLY)", async () => {
    if (dialectOf(env.db) !== "postgres") return;
    await expect(withSnapshot(env.db, (tx) => insertRow(tx, 9))).rejects.toThrow();
    expect(await count(env.db)).toBe(0);
  });
});
