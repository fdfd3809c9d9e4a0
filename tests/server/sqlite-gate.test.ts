import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../server/db/open";
import { rawAll, rawRun } from "../../server/db/raw";
import { withTransaction } from "../../server/db/transaction";
import { tempDatabase } from "../helpers/temp-db";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function database(): Promise<Db> {
  const temp = await tempDatabase();
  cleanup = temp.cleanup;
  await rawRun(temp.db, sql`CREATE TABLE gate_probe (id INTEGER PRIMARY KEY, who TEXT NOT NULL)`);
  return temp.db;
}

async function whoWrote(db: Db): Promise<string[]> {
  const rows = await rawAll<{ who: string }>(db, sql`SELECT who FROM gate_probe ORDER BY id`);
  return rows.map((row) => row.who);
}

/** Resolves when `signal` is called: lets a test hold a transaction open between awaits. */
function latch(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((done) => {
    open = done;
  });
  return { promise, open };
}

describe("one SQLite connection shared by concurrent requests", () => {
  it("keeps another request's write out of an open transaction that then rolls back", async () => {
    const db = await database();
    const inside = latch();
    const release = latch();
    const failing = withTransaction(db, async (tx) => {
      await rawRun(tx, sql`INSERT INTO gate_probe (who) VALUES (${"rolled back"})`);
      inside.open();
      await release.promise;
      throw new Error("refused");
    });
    await inside.promise;
    // Another request writes while the transaction is open: it must wait, not join it.
    const outside = rawRun(db, sql`INSERT INTO gate_probe (who) VALUES (${"outside"})`);
    release.open();
    await expect(failing).rejects.toThrow("refused");
    await outside;
    expect(await whoWrote(db)).toEqual(["outside"]);
  });

  it("runs two transactions one after the other, never interleaved", async () => {
    const db = await database();
    const order: string[] = [];
    const first = latch();
    const a = withTransaction(db, async (tx) => {
      order.push("a begins");
      await rawRun(tx, sql`INSERT INTO gate_probe (who) VALUES (${"a"})`);
      first.open();
      // Yield many times: b must still wait for a's commit.
      for (let turn = 0; turn < 20; turn++) await Promise.resolve();
      order.push("a ends");
    });
    await first.promise;
    const b = withTransaction(db, async (tx) => {
      order.push("b begins");
      await rawRun(tx, sql`INSERT INTO gate_probe (who) VALUES (${"b"})`);
      order.push("b ends");
    });
    await Promise.all([a, b]);
    expect(order).toEqual(["a begins", "a ends", "b begins", "b ends"]);
    expect(await whoWrote(db)).toEqual(["a", "b"]);
  });

  it("nests a transaction as a savepoint: the inner one rolls back alone", async () => {
    const db = await database();
    await withTransaction(db, async (tx) => {
      await rawRun(tx, sql`INSERT INTO gate_probe (who) VALUES (${"outer"})`);
      await expect(
        withTransaction(tx, async (inner) => {
          await rawRun(inner, sql`INSERT INTO gate_probe (who) VALUES (${"inner"})`);
          throw new Error("inner refused");
        }),
      ).rejects.toThrow("inner refused");
    });
    expect(await whoWrote(db)).toEqual(["outer"]);
  });

  it("lets the transaction's own calls on the root database through (no deadlock)", async () => {
    const db = await database();
    await withTransaction(db, async (tx) => {
      await rawRun(tx, sql`INSERT INTO gate_probe (who) VALUES (${"tx"})`);
      // A helper that was handed the root database by mistake still sees the open transaction's rows.
      expect(await whoWrote(db)).toEqual(["tx"]);
      await withTransaction(db, async (nested) => {
        await rawRun(nested, sql`INSERT INTO gate_probe (who) VALUES (${"nested"})`);
      });
    });
    expect(await whoWrote(db)).toEqual(["tx", "nested"]);
  });
});
