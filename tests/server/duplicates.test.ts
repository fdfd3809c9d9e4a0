import { eq, sql } from "drizzle-orm";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { activeDialect } from "../../server/db/dialect";
import { closeDatabase, openDatabase } from "../../server/db/open";
import { rawAll } from "../../server/db/raw";
import { users } from "../../server/db/schema";
import { jsonIndexedText } from "../../server/db/sql-fns";
import { getGuide } from "../../server/guides/repository";
import { recordVerdict } from "../../server/sync/applications";
import type { Draft } from "../../shared/draft";
import { Guide } from "../../shared/guide";
import { jakartaDate } from "../../shared/jakarta-time";
import type { Verdict } from "../../shared/sync/protocol";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { mutation, pushOne, storeFilesOf } from "../helpers/drafts";
import { filledDraftFor } from "../helpers/filled-draft";
import { planReads, postgresPlan } from "../helpers/query-plan";
import { seededDatabase } from "../helpers/temp-db";

/**
 * What may not be filed twice (the guide's `filedOnce`): only the server sees
 * every cadre's files, so it refuses the second one at submit, by the
 * applicant's NIK however it was typed, and never the same file resubmitted.
 */
const CIDENG = "31.71.01.1002";
let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadres: TestUser[];
/** Each cadre's phone numbers its own mutations from 1. */
let seqs: Map<TestUser, number>;

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db });
  cadres = [];
  for (let i = 0; i < 2; i++) {
    const cadre = await createTestUser(env.db, "cadre", { kecamatanCode: "31.71.01" });
    await env.db.update(users).set({ kelurahanCode: CIDENG }).where(eq(users.id, cadre.id));
    cadres.push(cadre);
  }
  seqs = new Map();
});
afterEach(() => env.cleanup());

async function guide(id: string): Promise<Guide> {
  const stored = await getGuide(env.db, id);
  if (!stored) throw new Error(`seed lacks ${id}`);
  return Guide.parse(stored.guide);
}

async function fileFor(guideId: string, nik = "3171011203900001"): Promise<Draft> {
  const draft = filledDraftFor(await guide(guideId), {
    id: uuidv7(),
    today: jakartaDate(new Date()),
    villageCode: CIDENG,
  });
  draft.applicant.nik = nik;
  return draft;
}

async function submit(cadre: TestUser, draft: Draft) {
  await storeFilesOf(env.db, draft, cadre.id);
  const seq = (seqs.get(cadre) ?? 0) + 1;
  seqs.set(cadre, seq);
  return pushOne(
    app,
    cadre,
    `00000000-0000-4000-8000-00000000000${cadres.indexOf(cadre) + 1}`,
    mutation(seq, "submitApplication", { draft }),
  );
}

const decide = async (id: string, decision: Verdict["decision"]) =>
  expect(
    await recordVerdict(env.db, id, {
      decision,
      requirements: {},
      decidedAt: new Date().toISOString(),
      ...(decision === "rejected" ? { reasonCode: "lainnya" } : {}),
    }),
  ).toBe(true);

describe("a service filed once per applicant", () => {
  it("refuses a second open file for the same NIK from another cadre, typed with spaces, naming the NIK field", async () => {
    const first = await fileFor("pengantar-skck");
    expect(await submit(cadres[0] as TestUser, first)).toMatchObject({ status: "applied" });
    const second = await fileFor("pengantar-skck", "3171 0112 0390 0001");
    const refused = await submit(cadres[1] as TestUser, second);
    expect(refused).toMatchObject({ status: "rejected", code: "duplicate-file" });
    expect(refused.reasons).toEqual([
      expect.objectContaining({
        code: "duplicate-file",
        field: "applicant.nik",
        message: expect.objectContaining({ id: expect.stringContaining("sedang diproses") }),
      }),
    ]);
  });

  it("accepts the valid twins: another applicant, another service, and the same file sent again after a fix", async () => {
    const first = await fileFor("pengantar-skck");
    expect(await submit(cadres[0] as TestUser, first)).toMatchObject({ status: "applied" });
    expect(await submit(cadres[1] as TestUser, await fileFor("pengantar-skck", "3171011203900002"))).toMatchObject({
      status: "applied",
    });
    expect(await submit(cadres[1] as TestUser, await fileFor("surat-keterangan-domisili"))).toMatchObject({
      status: "applied",
    });
    await decide(first.id, "needs-fix");
    expect(await submit(cadres[0] as TestUser, first)).toMatchObject({ status: "applied" });
  });

  it("takes a new file once the open one was rejected", async () => {
    const first = await fileFor("pengantar-skck");
    await submit(cadres[0] as TestUser, first);
    await decide(first.id, "rejected");
    expect(await submit(cadres[1] as TestUser, await fileFor("pengantar-skck"))).toMatchObject({ status: "applied" });
  });

  it("refuses a first KTP-el for someone who already received one, and says to ask for a replacement", async () => {
    const first = await fileFor("ktp-el-baru");
    expect(await submit(cadres[0] as TestUser, first)).toMatchObject({ status: "applied" });
    await decide(first.id, "verified");
    await decide(first.id, "approved");
    const again = await submit(cadres[1] as TestUser, await fileFor("ktp-el-baru"));
    expect(again).toMatchObject({ status: "rejected", code: "duplicate-file" });
    expect(again.reasons?.[0]?.message?.id).toContain("penggantian");
  });

  it("looks the NIK up through its index, never scanning the table", async () => {
    const nik = jsonIndexedText(sql`content`, ["applicant", "nik"]);
    const query = sql`SELECT status FROM applications WHERE guide_id = ${"pengantar-skck"} AND ${nik} = ${"3171011203900001"}`;
    if (activeDialect() === "postgres") {
      const reads = planReads(await postgresPlan(env.db, query));
      expect(reads.indexes).toContain("applications_guide_nik_idx");
      expect(reads.nodeTypes).not.toContain("Seq Scan");
      return;
    }
    const plan = await rawAll<{ detail: string }>(env.db, sql`EXPLAIN QUERY PLAN ${query}`);
    expect(plan.map((row) => row.detail).join(" ")).toContain("applications_guide_nik_idx");
  });

  it.runIf(activeDialect() === "postgres")(
    "takes one file and refuses the other when two cadres submit for the same applicant at once through two app servers (PostgreSQL)",
    async () => {
      // A second app server: its own pool on the same database, so both pushes truly run at once.
      const other = await openDatabase(env.file);
      try {
        const apps = [app, createApp({ db: other })];
        for (let round = 0; round < 8; round++) {
          const nik = `3171011203900${String(101 + round)}`;
          const files = [await fileFor("pengantar-skck", nik), await fileFor("pengantar-skck", nik)];
          for (const [i, cadre] of cadres.entries()) await storeFilesOf(env.db, files[i] as Draft, cadre.id);
          const results = await Promise.all(
            cadres.map((cadre, i) => {
              const seq = (seqs.get(cadre) ?? 0) + 1;
              seqs.set(cadre, seq);
              return pushOne(
                apps[i] as typeof app,
                cadre,
                `00000000-0000-4000-8000-00000000000${i + 1}`,
                mutation(seq, "submitApplication", { draft: files[i] as Draft }),
              );
            }),
          );
          const outcomes = results.map((result) => result.code ?? result.status).sort();
          expect(outcomes, `round ${round}`).toEqual(["applied", "duplicate-file"]);
        }
      } finally {
        await closeDatabase(other);
      }
    },
  );
});
