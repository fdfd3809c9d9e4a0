import { count, eq, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp } from "../../server/app";
import { activeDialect } from "../../server/db/dialect";
import { sqliteDriver } from "../../server/db/maintenance";
import type { Db } from "../../server/db/open";
import { rawRun } from "../../server/db/raw";
import { applicationEvents, applications, mutations, syncClients } from "../../server/db/schema";
import { type Mutation, PullResponse, PushResponse } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft } from "../helpers/drafts";
import { postgresPlan, postgresStatements, resent } from "../helpers/query-plan";
import { seededDatabase } from "../helpers/temp-db";

/** The SQLite driver under `db`: this test reaches the file directly. */
function driverOf(db: Db) {
  const driver = sqliteDriver(db);
  if (!driver) throw new Error("this test runs on SQLite");
  return driver;
}

/** Makes the history entry of one application fail to insert (a trigger raising an error), as a full disk would. */
async function failHistoryOf(db: Db, applicationId: string): Promise<void> {
  if (!/^[0-9a-f-]+$/.test(applicationId)) throw new Error("not an id");
  if (activeDialect() === "postgres") {
    await rawRun(
      db,
      sql.raw(`CREATE FUNCTION fail_one() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.application_id = '${applicationId}' THEN RAISE EXCEPTION 'disk trouble'; END IF; RETURN NEW; END $$`),
    );
    await rawRun(
      db,
      sql.raw("CREATE TRIGGER fail_one BEFORE INSERT ON application_events FOR EACH ROW EXECUTE FUNCTION fail_one()"),
    );
    return;
  }
  driverOf(db).exec(`CREATE TEMP TRIGGER fail_one BEFORE INSERT ON main.application_events
      WHEN NEW.application_id = '${applicationId}' BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
}

async function healHistory(db: Db): Promise<void> {
  if (activeDialect() === "postgres") {
    await rawRun(db, sql.raw("DROP TRIGGER fail_one ON application_events"));
    await rawRun(db, sql.raw("DROP FUNCTION fail_one()"));
    return;
  }
  driverOf(db).exec("DROP TRIGGER temp.fail_one");
}

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;
let clientId: string;

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db });
  cadre = await createTestUser(env.db, "cadre");
  clientId = uuidv7();
});
afterEach(() => env.cleanup());

function push(mutationsToSend: Mutation[]) {
  return app.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
    body: JSON.stringify({ clientId, mutations: mutationsToSend }),
  });
}

async function pull(cursor = "c1.0") {
  const response = await app.request(`/api/sync/pull?clientId=${clientId}&cursor=${cursor}`, {
    headers: { Cookie: cadre.cookie },
  });
  expect(response.status).toBe(200);
  return PullResponse.parse(await response.json());
}

describe("a push in one transaction, a savepoint per mutation", () => {
  it("rolls back the mutation that fails whole, keeps the ones before it, and takes the rest when sent again", async () => {
    const [first, failing, last] = [readyDraft(), readyDraft(), readyDraft()];
    const batch = [first, failing, last].map((draft, i) => mutation(i + 1, "putDraft", { draft }));
    // The failing save's last write (its history entry) fails after its row was written.
    await failHistoryOf(env.db, failing.id);

    const broken = await push(batch);
    expect(broken.status).toBe(500);
    const stored = await env.db.select({ id: applications.id }).from(applications);
    expect(stored.map((row) => row.id)).toEqual([first.id]);
    expect((await env.db.select({ n: count() }).from(mutations))[0]?.n).toBe(1);
    expect((await env.db.select({ n: count() }).from(applicationEvents))[0]?.n).toBe(1);
    expect((await env.db.select().from(syncClients).where(eq(syncClients.clientId, clientId)))[0]?.lastSeq).toBe(1);

    await healHistory(env.db);
    const again = await push(batch);
    expect(again.status).toBe(200);
    const body = PushResponse.parse(await again.json());
    expect(body.results.map((result) => result.status)).toEqual(["duplicate", "applied", "applied"]);
    expect(body.lastAppliedSeq).toBe(3);
    expect((await env.db.select({ n: count() }).from(applications))[0]?.n).toBe(3);
    expect((await env.db.select({ n: count() }).from(applicationEvents))[0]?.n).toBe(3);
  });

  it("keeps a refusal's own writes beside the batch's other mutations", async () => {
    const locked = readyDraft();
    const saved = await push([mutation(1, "putDraft", { draft: locked })]);
    expect(saved.status).toBe(200);
    await env.db.update(applications).set({ status: "received" }).where(eq(applications.id, locked.id));
    const next = readyDraft();
    const response = await push([
      mutation(2, "putDraft", { draft: locked }),
      mutation(3, "putDraft", { draft: next }),
      mutation(4, "deleteDraft", { id: next.id }),
    ]);
    const body = PushResponse.parse(await response.json());
    expect(body.results.map((result) => [result.status, result.code])).toEqual([
      ["rejected", "workflow-locked"],
      ["applied", undefined],
      ["applied", undefined],
    ]);
    const rows = await env.db.select().from(applications);
    expect(rows.find((row) => row.id === next.id)?.deletedAt).not.toBeNull();
    expect(rows.find((row) => row.id === locked.id)?.version).toBe(1);
    expect((await env.db.select({ n: count() }).from(mutations))[0]?.n).toBe(4);
  });
});

describe("the sync hot paths' statements", () => {
  // better-sqlite3's statement cache (server/db/connection.ts StatementCache): PostgreSQL's driver sends each
  // query's text with its parameters and has no such cache to count.
  it.skipIf(activeDialect() === "postgres")(
    "are prepared once: later pushes, pulls and session lookups prepare nothing",
    async () => {
      const drafts = Array.from({ length: 10 }, () => readyDraft());
      // Every path once (new, edited, deleted): the driver prepares each statement the first time its text is run.
      const warm = readyDraft();
      const first = [...drafts, warm].map((draft, i) => mutation(i + 1, "putDraft", { draft }));
      expect((await push(first)).status).toBe(200);
      const warmEdit = mutation(12, "putDraft", { draft: { ...warm, updatedAt: new Date().toISOString() } });
      expect((await push([warmEdit, mutation(13, "deleteDraft", { id: warm.id })])).status).toBe(200);
      await pull();

      const prepare = vi.spyOn(driverOf(env.db), "prepare");
      const edits = drafts.map((draft, i) =>
        mutation(14 + i, "putDraft", { draft: { ...draft, updatedAt: new Date().toISOString() } }),
      );
      const fresh = Array.from({ length: 10 }, (_, i) => mutation(24 + i, "putDraft", { draft: readyDraft() }));
      for (const batch of [
        edits.slice(0, 9),
        [...edits.slice(9), ...fresh],
        [mutation(34, "deleteDraft", { id: drafts[0]?.id ?? "" })],
      ]) {
        const response = await push(batch);
        expect(response.status).toBe(200);
        expect(PushResponse.parse(await response.json()).results.every((result) => result.status === "applied")).toBe(
          true,
        );
      }
      expect((await pull()).changes).toHaveLength(21);
      expect((await app.request("/api/auth/me", { headers: { Cookie: cadre.cookie } })).status).toBe(200);
      expect(prepare).not.toHaveBeenCalled();
    },
  );

  // Collects the statements from the SQLite driver's prepare and reads SQLite's plans of them.
  it.skipIf(activeDialect() === "postgres")("never scan the applications table", async () => {
    const prepare = vi.spyOn(driverOf(env.db), "prepare");
    await push([mutation(1, "putDraft", { draft: readyDraft() })]);
    await pull();
    const selects = prepare.mock.calls.map(([text]) => text).filter((text) => /^\s*SELECT/i.test(text));
    expect(selects.length).toBeGreaterThan(5);
    prepare.mockRestore();
    for (const text of selects) {
      const plan = driverOf(env.db)
        .prepare(`EXPLAIN QUERY PLAN ${text}`)
        .all(...Array.from({ length: (text.match(/\?/g) ?? []).length }, () => "x")) as { detail: string }[];
      expect(plan.map((step) => step.detail).join("; "), text).not.toMatch(/SCAN (applications|mutations|sessions)\b/);
    }
  });

  // PostgreSQL: the statements the driver was handed, each planned with sequential scans off: every read of
  // applications, mutations and sessions is an index range (an Index Cond), never the whole table.
  it.runIf(activeDialect() === "postgres")("never scan the applications table (PostgreSQL's plans)", async () => {
    const sent = await postgresStatements(async () => {
      await push([mutation(1, "putDraft", { draft: readyDraft() })]);
      await pull();
    });
    const selects = sent.filter((statement) => /^\s*SELECT/i.test(statement.text));
    expect(selects.length).toBeGreaterThan(5);
    const read = new Set<string>();
    for (const statement of selects) {
      for (const node of await postgresPlan(env.db, resent(statement))) {
        const relation = node["Relation Name"] ?? "";
        if (!["applications", "mutations", "sessions"].includes(relation)) continue;
        read.add(relation);
        expect(node["Node Type"], statement.text).toMatch(/^Index (Only )?Scan$/);
        expect(node["Index Cond"], statement.text).toBeDefined();
      }
    }
    expect([...read].sort()).toEqual(["applications", "mutations", "sessions"]);
  });

  it("answer a pull from seven fields of each row, never parsing a draft's content", async () => {
    const drafts = Array.from({ length: 5 }, () => readyDraft({ name: "Nama Yang Tidak Dibaca" }));
    await push(drafts.map((draft, i) => mutation(i + 1, "putDraft", { draft })));
    const parse = vi.spyOn(JSON, "parse");
    const page = await pull();
    const parsedContent = parse.mock.calls.filter(([text]) => String(text).includes("Nama Yang Tidak Dibaca"));
    parse.mockRestore();
    expect(page.changes.map((change) => change.id).sort()).toEqual(drafts.map((draft) => draft.id).sort());
    expect(parsedContent).toEqual([]);
  });
});
