import { asc, eq, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { buildDashboard, RECOUNT, ROLLUPS } from "../../server/dashboard/build";
import { dashboardFilter } from "../../server/dashboard/filter";
import { activeDialect } from "../../server/db/dialect";
import { closeDatabase, type Db, openDatabase } from "../../server/db/open";
import { rawAll } from "../../server/db/raw";
import { applications, mutations, syncClients } from "../../server/db/schema";
import { getGuide, listGuides, publishGuide } from "../../server/guides/repository";
import { recordVerdict } from "../../server/sync/applications";
import { decodeCursor } from "../../shared/api/catalogue";
import type { Guide } from "../../shared/guide";
import { createRegionIndex } from "../../shared/regions";
import { type Mutation, PullResponse, PushResponse } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { seededDatabase } from "../helpers/temp-db";

/*
 * Issue 16: correctness under concurrency across processes, on a real
 * PostgreSQL (run under vitest.postgres.config.ts). Two `openPostgres`
 * handles on one database are two app servers: separate pools, so their
 * transactions truly run at once under READ COMMITTED, which SQLite's single
 * writer never lets happen (tests/server/change-counter.test.ts holds the
 * same rules on SQLite).
 * - A pull never skips a change: writers on both handles save new drafts
 *   while a reader pulls with its cursor; the reader sees every draft exactly
 *   once. With change_seq = max(change_seq) + 1 two writers take the same seq
 *   and the reader passes one of them; with a sequence, seqs commit out of
 *   order. The change counter's row lock (server/sync/counters.ts) orders them.
 * - A push applies once and in order per client: both handles receive the
 *   same client's batches at once; the client's row lock (server/sync/store.ts
 *   claimClient) makes the second wait and acknowledge what the first applied.
 */

const onPostgres = activeDialect() === "postgres";

let env: Awaited<ReturnType<typeof seededDatabase>>;
let second: Db;
let third: Db;
let servers: ReturnType<typeof createApp>[];
let cadre: TestUser;

beforeEach(async () => {
  if (!onPostgres) return;
  env = await seededDatabase();
  second = await openDatabase(env.file);
  third = await openDatabase(env.file);
  servers = [createApp({ db: env.db }), createApp({ db: second }), createApp({ db: third })];
  cadre = await createTestUser(env.db, "cadre");
});
afterEach(async () => {
  if (!onPostgres) return;
  await closeDatabase(second);
  await closeDatabase(third);
  await env.cleanup();
});

async function push(server: number, clientId: string, batch: Mutation[]): Promise<PushResponse> {
  const response = await servers[server]?.request("/api/sync/push", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cadre.cookie },
    body: JSON.stringify({ clientId, mutations: batch }),
  });
  if (!response) throw new Error("no such server");
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return PushResponse.parse(JSON.parse(text));
}

async function pull(server: number, cursor: string, limit: number): Promise<PullResponse> {
  const response = await servers[server]?.request(`/api/sync/pull?cursor=${cursor}&limit=${limit}`, {
    headers: { Cookie: cadre.cookie },
  });
  if (!response) throw new Error("no such server");
  expect(response.status).toBe(200);
  return PullResponse.parse(await response.json());
}

describe.skipIf(!onPostgres)("two app servers on one PostgreSQL", () => {
  it("never lets a pull pass a change: concurrent writers on both servers, a reader pulling with its cursor", async () => {
    const WRITERS = 8;
    const PUSHES = 6;
    const PER_PUSH = 3;
    const pushed: string[] = [];
    let writing = true;

    const writer = async (index: number) => {
      const clientId = uuidv7();
      for (let p = 0; p < PUSHES; p++) {
        const drafts = Array.from({ length: PER_PUSH }, () => readyDraft());
        const batch = drafts.map((draft, i) => mutation(p * PER_PUSH + i + 1, "putDraft", { draft }));
        const result = await push(index % 2, clientId, batch);
        expect(result.results.map((r) => r.status)).toEqual(drafts.map(() => "applied"));
        pushed.push(...drafts.map((draft) => draft.id));
      }
    };

    // The reader: small pages, on the third server, over and over while the writers work.
    const seen: string[] = [];
    let cursor = "c1.0";
    let pulls = 0;
    const readOnce = async () => {
      for (;;) {
        const page = await pull(2, cursor, 5);
        pulls++;
        seen.push(...page.changes.map((change) => change.id));
        cursor = page.cursor;
        if (!page.hasMore) return;
      }
    };
    const reader = async () => {
      while (writing) await readOnce();
    };

    const readerDone = reader();
    await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
    writing = false;
    await readerDone;
    // Everything has committed: one last read from the cursor.
    await readOnce();

    expect(pushed).toHaveLength(WRITERS * PUSHES * PER_PUSH);
    expect(pulls).toBeGreaterThan(WRITERS);
    // Every draft exactly once: none skipped (each was written once), none twice.
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...pushed].sort());
    // And the seqs are distinct: the counter handed each change its own.
    const rows = await env.db
      .select({ seq: applications.changeSeq })
      .from(applications)
      .orderBy(asc(applications.changeSeq));
    expect(new Set(rows.map((row) => row.seq)).size).toBe(rows.length);
    expect(decodeCursor(cursor)).toBe(rows.at(-1)?.seq);
  }, 120_000);

  it("applies a client's mutations once and in order when both servers receive its pushes at once", async () => {
    const clientId = uuidv7();
    const id = uuidv7();
    const ROUNDS = 12;
    const all: Mutation[] = [];
    let appliedSeqs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // The phone's outbox grows by three saves of the same draft a round; it sends it through one server, its
      // retry (the response was slow) goes through the other, and a third copy with a fourth save through the
      // first again, all at once.
      const base = all.length;
      for (let i = 1; i <= 3; i++) {
        const seq = base + i;
        all.push(mutation(seq, "putDraft", { draft: readyDraft({ id, name: `Versi ${seq}` }) }));
      }
      const batch = all.slice(base);
      const longer = [
        ...batch,
        mutation(base + 4, "putDraft", { draft: readyDraft({ id, name: `Versi ${base + 4}` }) }),
      ];
      const answers = await Promise.all([
        push(0, clientId, batch),
        push(1, clientId, batch),
        push(0, clientId, longer),
      ]);
      all.push(longer.at(-1) as Mutation);
      // Each seq of the round applied by exactly one of the three; the others acknowledge it as a duplicate.
      for (const mutationOfRound of longer) {
        const outcomes = answers
          .map((answer) => answer.results.find((result) => result.seq === mutationOfRound.seq)?.status)
          .filter((status) => status !== undefined);
        expect(
          outcomes.filter((status) => status === "applied"),
          `seq ${mutationOfRound.seq}`,
        ).toHaveLength(1);
        expect(outcomes.every((status) => status === "applied" || status === "duplicate")).toBe(true);
      }
      appliedSeqs = [
        ...appliedSeqs,
        ...answers.flatMap((answer) => answer.results.filter((r) => r.status === "applied").map((r) => r.seq)),
      ];
      // A seq may come after a gap only when the longer batch went first; the high-water mark is the round's end.
      for (const answer of answers) expect(answer.lastAppliedSeq).toBeGreaterThanOrEqual(base + 3);
    }

    const total = ROUNDS * 4;
    expect([...appliedSeqs].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    const recorded = await env.db
      .select({ seq: mutations.seq, status: mutations.status })
      .from(mutations)
      .where(eq(mutations.clientId, clientId))
      .orderBy(asc(mutations.seq));
    expect(recorded).toEqual(Array.from({ length: total }, (_, i) => ({ seq: i + 1, status: "applied" })));
    const [client] = await env.db.select().from(syncClients).where(eq(syncClients.clientId, clientId));
    expect(client?.lastSeq).toBe(total);
    // Applied in seq order: one version per save, and the last save's content.
    const [row] = await env.db.select().from(applications).where(eq(applications.id, id));
    expect(row?.version).toBe(total);
    expect((row?.content as { applicant: { fullName: string } } | undefined)?.applicant.fullName).toBe(
      `Versi ${total}`,
    );
    const events = await rawAll<{ n: number }>(
      env.db,
      sql`SELECT count(*) AS n FROM application_events WHERE application_id = ${id}`,
    );
    expect(Number(events[0]?.n)).toBe(1);
  }, 120_000);

  it("counts a draft's versions one after another when two of the cadre's devices save it at once through two servers", async () => {
    const id = uuidv7();
    const devices = [uuidv7(), uuidv7()];
    const ROUNDS = 8;
    // Made on the first device and synced (a draft's id exists nowhere else before); both then edit it.
    const created = await push(0, devices[0] as string, [mutation(1, "putDraft", { draft: readyDraft({ id }) })]);
    const versions: number[] = [created.results[0]?.version ?? 0];
    for (let round = 2; round <= ROUNDS + 1; round++) {
      const answers = await Promise.all(
        devices.map((clientId, device) =>
          push(device, clientId, [
            // Each device numbers its own mutations from 1: the first had one more, the creation.
            mutation(device === 0 ? round : round - 1, "putDraft", {
              draft: readyDraft({ id, name: `Perangkat ${device} ${round}` }),
            }),
          ]),
        ),
      );
      for (const answer of answers) {
        expect(answer.results[0]?.status).toBe("applied");
        versions.push(answer.results[0]?.version ?? 0);
      }
    }
    // Each save its own version, none counted twice from a stale read, and the row holds the last.
    expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: ROUNDS * 2 + 1 }, (_, i) => i + 1));
    const [row] = await env.db.select().from(applications).where(eq(applications.id, id));
    expect(row?.version).toBe(ROUNDS * 2 + 1);
  }, 120_000);

  it("never lets a catalogue delta pass a publish: concurrent publishes on both servers", async () => {
    const model = await getGuide(env.db, "surat-keterangan-domisili");
    if (!model) throw new Error("the seeded catalogue has no domisili guide");
    const published: string[] = [];
    let publishing = true;
    const publisher = async (index: number) => {
      for (let n = 0; n < 8; n++) {
        const id = `uji-${index}-${n}`;
        const guide = { ...model.guide, id } as Guide;
        await publishGuide(index % 2 === 0 ? env.db : second, guide);
        published.push(id);
      }
    };
    const seen: string[] = [];
    let cursor = (await listGuides(third)).reduce((top, stored) => Math.max(top, stored.changeSeq), 0);
    const readOnce = async () => {
      const delta = await listGuides(third, cursor);
      for (const stored of delta) seen.push(stored.guide.id);
      cursor = delta.at(-1)?.changeSeq ?? cursor;
    };
    const reader = (async () => {
      while (publishing) await readOnce();
    })();
    await Promise.all(Array.from({ length: 6 }, (_, i) => publisher(i)));
    publishing = false;
    await reader;
    await readOnce();
    expect([...seen].sort()).toEqual([...published].sort());
  }, 120_000);

  it("keeps the dashboard equal to a recount while submits and decisions commit at once on three servers", async () => {
    const CADRES = 6;
    const PUSHES = 4;
    const cadres = [
      cadre,
      ...(await Promise.all(Array.from({ length: CADRES - 1 }, () => createTestUser(env.db, "cadre")))),
    ];
    const submitted: string[] = [];
    let submitting = true;
    // Each cadre pushes batches of two files, each saved then submitted: the rollups' shared rows (the service's,
    // the whole office's) are written by every submit.
    const submitter = async (who: TestUser, index: number) => {
      const clientId = uuidv7();
      for (let p = 0; p < PUSHES; p++) {
        const drafts = [readyDraft(), readyDraft()];
        for (const draft of drafts) await storeFilesOf(env.db, draft, who.id);
        const batch = drafts.flatMap((draft, i) => [
          mutation(p * 4 + i * 2 + 1, "putDraft", { draft }),
          mutation(p * 4 + i * 2 + 2, "submitApplication", { draft }),
        ]);
        const response = await servers[index % 3]?.request("/api/sync/push", {
          method: "POST",
          headers: { "Content-Type": "application/json", Cookie: who.cookie },
          body: JSON.stringify({ clientId, mutations: batch }),
        });
        const answer = PushResponse.parse(await response?.json());
        expect(answer.results.map((r) => r.status)).toEqual(batch.map(() => "applied"));
        submitted.push(...drafts.map((draft) => draft.id));
      }
    };
    // Meanwhile the office decides the files already in, through the three servers in turn.
    const decided = new Set<string>();
    const office = async () => {
      let turn = 0;
      while (submitting || decided.size < submitted.length) {
        const next = submitted.find((id) => !decided.has(id));
        if (!next) {
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        decided.add(next);
        const decision = turn % 3 === 0 ? "needs-fix" : turn % 3 === 1 ? "rejected" : "verified";
        const db = [env.db, second, third][turn++ % 3] as Db;
        const verdict = {
          decision,
          requirements: {},
          decidedAt: new Date().toISOString(),
          ...(decision === "verified" ? {} : { reasonCode: "lainnya" }),
        } as const;
        expect(await recordVerdict(db, next, verdict)).toBe(true);
      }
    };
    const officeDone = office();
    await Promise.all(cadres.map((who, i) => submitter(who, i)));
    submitting = false;
    await officeDone;
    expect(decided.size).toBe(CADRES * PUSHES * 2);
    const labels = { locale: "id" as const, regions: createRegionIndex() };
    const filter = dashboardFilter({ kind: "all" }, {});
    const rollups = await buildDashboard(env.db, filter, labels, ROLLUPS);
    expect(rollups).toEqual(await buildDashboard(env.db, filter, labels, RECOUNT));
    // And not vacuously: every file is counted.
    expect(JSON.stringify(rollups)).toContain(String(CADRES * PUSHES * 2));
  }, 120_000);
});
