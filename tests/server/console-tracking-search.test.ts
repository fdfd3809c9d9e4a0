import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import { v7 as uuidv7 } from "uuid";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { activeDialect } from "../../server/db/dialect";
import { rawAll, rawRun } from "../../server/db/raw";
import { partitionSql } from "../../server/review/queue";
import { QueuePage, QueueSearch } from "../../shared/api/console";
import { newTrackingNumber, TRACKING_ALPHABET } from "../../shared/tracking/number";
import { FALLBACK_PREFIX, trackingPrefix } from "../../shared/tracking/prefix";
import { createTestUser, type TestUser } from "../helpers/accounts";
import { planReads, postgresPlan } from "../helpers/query-plan";
import { seededDatabase } from "../helpers/temp-db";

/**
 * The console's search by a tracking number typed without its office prefix,
 * as an operator reads it off a citizen's phone ("7K4MX-2QP9A"): found in the
 * caller's scope only, whatever office prefix the number carries.
 */

const KEC_A = "31.75.07";
const KEC_B = "31.71.01";

let env: Awaited<ReturnType<typeof seededDatabase>>;
let app: ReturnType<typeof createApp>;
let cadre: TestUser;
let operatorA: TestUser;
let operatorB: TestUser;
let admin: TestUser;
let seq = 0;

beforeEach(async () => {
  env = await seededDatabase();
  app = createApp({ db: env.db });
  cadre = await createTestUser(env.db, "cadre", { kecamatanCode: KEC_A });
  operatorA = await createTestUser(env.db, "operator", { kecamatanCode: KEC_A });
  operatorB = await createTestUser(env.db, "operator", { kecamatanCode: KEC_B });
  admin = await createTestUser(env.db, "admin");
});
afterEach(() => env.cleanup());

/** A submitted file of a kecamatan's office (null: a cadre without one) with the number its first submit gave it. */
async function submittedFile(
  kecamatan: string | null,
  prefix = trackingPrefix(kecamatan),
): Promise<{ id: string; number: string }> {
  const id = uuidv7();
  const number = newTrackingNumber(prefix, (n) => randomBytes(n));
  const when = new Date().toISOString();
  seq++;
  const content = JSON.stringify({ id, applicant: { fullName: "Nama Pemohon" }, answers: {}, documents: {} });
  await rawRun(
    env.db,
    sql`INSERT INTO applications (id, cadre_id, guide_id, guide_version, content, status, version, change_seq,
          created_at, updated_at, kecamatan_code, draft_created_at, submitted_at, first_submitted_at, submit_count,
          tracking_number)
        VALUES (${id}, ${cadre.id}, 'surat-keterangan-domisili', 1, ${content}, 'submitted', 1, ${1_000_000 + seq},
          ${when}, ${when}, ${kecamatan}, ${when}, ${when}, ${when}, 1, ${number})`,
  );
  return { id, number };
}

async function search(user: TestUser, q: string): Promise<string[]> {
  const response = await app.request("/api/console/applications/search", {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: user.cookie },
    body: JSON.stringify({ q }),
  });
  expect(response.status).toBe(200);
  return QueuePage.parse(await response.json()).items.map((item) => item.id);
}

/** "DRN-7K4MX-2QP9A" → "7K4MX-2QP9A". */
const bodyOf = (number: string) => number.slice(4);

describe("searching a tracking number typed without its office prefix", () => {
  it("finds the file by its ten characters, in any case, with or without the dash", async () => {
    const file = await submittedFile(KEC_A);
    await submittedFile(KEC_A);
    const body = bodyOf(file.number);
    for (const typed of [
      body,
      body.toLowerCase().replace("-", ""),
      ` ${body.replace("-", " ")} `,
      body.toLowerCase(),
    ]) {
      expect(await search(operatorA, typed), typed).toEqual([file.id]);
    }
    expect(await search(admin, body)).toEqual([file.id]);
    // The whole number still works.
    expect(await search(operatorA, file.number)).toEqual([file.id]);
  });

  it("never finds another kecamatan's file, whole or by its body", async () => {
    const a = await submittedFile(KEC_A);
    const b = await submittedFile(KEC_B);
    expect(await search(operatorB, bodyOf(a.number))).toEqual([]);
    expect(await search(operatorB, a.number)).toEqual([]);
    expect(await search(operatorA, bodyOf(b.number))).toEqual([]);
    expect(await search(operatorB, bodyOf(b.number))).toEqual([b.id]);
  });

  it("finds a file a resubmission moved to another office, by the number it kept, at the new office only", async () => {
    const moved = await submittedFile(KEC_A);
    await rawRun(env.db, sql`UPDATE applications SET kecamatan_code = ${KEC_B} WHERE id = ${moved.id}`);
    expect(moved.number.startsWith(`${trackingPrefix(KEC_A)}-`)).toBe(true);
    expect(await search(operatorB, bodyOf(moved.number))).toEqual([moved.id]);
    expect(await search(operatorA, bodyOf(moved.number))).toEqual([]);
  });

  it("finds a file of a cadre without a kecamatan (the fallback prefix) for an admin only", async () => {
    const file = await submittedFile(null);
    expect(file.number.startsWith(`${FALLBACK_PREFIX}-`)).toBe(true);
    expect(await search(admin, bodyOf(file.number))).toEqual([file.id]);
    expect(await search(operatorA, bodyOf(file.number))).toEqual([]);
  });

  it("finds nothing for a body with one character mistyped or two neighbours swapped", async () => {
    const file = await submittedFile(KEC_A);
    const compact = bodyOf(file.number).replace("-", "");
    for (let i = 0; i < compact.length; i++) {
      const wrong = [...TRACKING_ALPHABET].find((char) => char !== compact[i]) ?? "2";
      const typo = compact.slice(0, i) + wrong + compact.slice(i + 1);
      expect(await search(admin, typo), typo).toEqual([]);
    }
    for (let i = 0; i + 1 < compact.length; i++) {
      if (compact[i] === compact[i + 1]) continue;
      const swapped = compact.slice(0, i) + compact[i + 1] + compact[i] + compact.slice(i + 2);
      expect(await search(admin, swapped), swapped).toEqual([]);
    }
  });

  it("keeps the search a range of the scope's slice of applications_queue_idx", async () => {
    const file = await submittedFile(KEC_A);
    const query = QueueSearch.parse({ q: bodyOf(file.number) });
    for (const kecamatanCode of [KEC_A, null]) {
      const slice = partitionSql({ kecamatanCode, status: "submitted" }, query, null);
      expect(new SQLiteAsyncDialect().sqlToQuery(slice).sql).toContain("tracking_number IN (");
      if (activeDialect() === "postgres") {
        // The scope's slice is the index range; the search only filters its rows.
        const nodes = await postgresPlan(env.db, slice);
        const scan = nodes.find((node) => node["Index Name"] === "applications_queue_idx");
        expect(scan?.["Index Cond"]).toMatch(/kecamatan_code/);
        expect(planReads(nodes).nodeTypes).not.toContain("Seq Scan");
        continue;
      }
      const plan = (await rawAll<{ detail: string }>(env.db, sql`EXPLAIN QUERY PLAN ${slice}`))
        .map((step) => step.detail)
        .join("\n");
      expect(plan).toContain("SEARCH applications USING INDEX applications_queue_idx (kecamatan_code");
      expect(plan).not.toMatch(/SCAN applications\b/);
    }
  });
});
