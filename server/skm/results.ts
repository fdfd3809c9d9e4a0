import { type SQL, sql } from "drizzle-orm";
import type { SkmFollowUp, SkmResults } from "../../shared/api/skm";
import { jakartaDayEnd, jakartaDayStart } from "../../shared/jakarta-time";
import { krejcieMorgan, skmIndex } from "../../shared/skm/ikm";
import type { SkmPeriod } from "../../shared/skm/period";
import { SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";
import type { Db } from "../db/open";
import { rawGet } from "../db/raw";
import { indexedBy, jsonNumber } from "../db/sql-fns";
import { withSnapshot } from "../db/transaction";
import { listFollowUps } from "./follow-ups";
import { officeName } from "./offices";
import { cachedPopulation } from "./population";
import { cachedTally } from "./tally-cache";

/**
 * The published figures of one office (or all of Jakarta), service and
 * period. The scores are added up in SQL, one pass over the period's rows
 * through skm_responses_period_idx (skm_responses_day_idx Jakarta-wide), so
 * 100,000 responses never come into JavaScript (bench/skm.ts). Nothing here
 * reads a suggestion, a file or a person.
 */

export interface SkmSelection {
  period: SkmPeriod;
  /** null: every office in Jakarta. */
  kecamatanCode: string | null;
  /** null: every service. */
  guideId: string | null;
}

/** The WHERE condition shared by the index, the suggestions and the CSV, its values bound. */
export function responseCondition(selection: SkmSelection): SQL {
  const clauses = [
    sql`questionnaire = ${SKM_QUESTIONNAIRE.id}`,
    sql`answered_on BETWEEN ${selection.period.from} AND ${selection.period.to}`,
  ];
  if (selection.kecamatanCode !== null) clauses.push(sql`kecamatan_code = ${selection.kecamatanCode}`);
  if (selection.guideId !== null) clauses.push(sql`guide_id = ${selection.guideId}`);
  return sql.join(clauses, sql` AND `);
}

/**
 * The same condition as text with `?` placeholders and its parameters, for
 * reading query plans on the SQLite driver (bench/skm.ts).
 */
export function responseFilter(selection: SkmSelection): { where: string; params: string[] } {
  const clauses = ["questionnaire = ?", "answered_on BETWEEN ? AND ?"];
  const params = [SKM_QUESTIONNAIRE.id, selection.period.from, selection.period.to];
  if (selection.kecamatanCode !== null) {
    clauses.push("kecamatan_code = ?");
    params.push(selection.kecamatanCode);
  }
  if (selection.guideId !== null) {
    clauses.push("guide_id = ?");
    params.push(selection.guideId);
  }
  return { where: clauses.join(" AND "), params };
}

export interface Tally {
  respondents: number;
  /** Respondents without a file (given at the office without a tracking number). */
  withoutFile: number;
  sums: Record<string, number>;
}

/**
 * Respondents and the sum of each element's scores, of the rows after seq
 * `afterSeq` (0: all of them). json_extract reads the stored answers; the
 * period index narrows the rows first.
 */
export async function tallyResponses(db: Db, selection: SkmSelection, afterSeq = 0): Promise<Tally> {
  const elements = SKM_QUESTIONNAIRE.elements;
  const sums = sql.join(
    elements.map(
      (element, i) => sql`COALESCE(SUM(${jsonNumber(sql`answers`, [element.id])}), 0) AS ${sql.raw(`s${i}`)}`,
    ),
    sql`, `,
  );
  const after = afterSeq > 0 ? sql` AND seq > ${afterSeq}` : sql``;
  const row =
    (await rawGet<Record<string, number>>(
      db,
      sql`SELECT count(*) AS respondents, COALESCE(SUM(CASE WHEN application_id IS NULL THEN 1 ELSE 0 END), 0) AS "withoutFile", ${sums}
      FROM skm_responses WHERE ${responseCondition(selection)}${after}`,
    )) ?? {};
  return {
    respondents: Number(row.respondents ?? 0),
    withoutFile: Number(row.withoutFile ?? 0),
    sums: Object.fromEntries(elements.map((element, i) => [element.id, Number(row[`s${i}`] ?? 0)])),
  };
}

/**
 * The population served: files the office decided (approved or rejected) in
 * the period, by their decision's Jakarta date. A file decided, sent back and
 * decided again counts once, at its last decision.
 */
export async function decidedFiles(db: Db, selection: SkmSelection): Promise<number> {
  const clauses = [
    sql`status IN ('approved', 'rejected')`,
    sql`decided_at >= ${jakartaDayStart(selection.period.from)}`,
    sql`decided_at < ${jakartaDayEnd(selection.period.to)}`,
    sql`deleted_at IS NULL`,
  ];
  if (selection.kecamatanCode !== null) clauses.push(sql`kecamatan_code = ${selection.kecamatanCode}`);
  if (selection.guideId !== null) clauses.push(sql`guide_id = ${selection.guideId}`);
  const row = await rawGet<{ n: number }>(
    db,
    // Named: on a young database without statistics SQLite would pick the queue's index and read every row.
    sql`SELECT count(*) AS n FROM ${indexedBy("applications", "applications_decided_idx")} WHERE ${sql.join(clauses, sql` AND `)}`,
  );
  return Number(row?.n ?? 0);
}

export async function skmResults(db: Db, selection: SkmSelection, now: Date): Promise<SkmResults> {
  // One snapshot: the index, the population and the follow-ups agree with each other.
  return withSnapshot(db, async (tx): Promise<SkmResults> => {
    const tally = await cachedTally(tx, selection);
    const index = skmIndex(tally.respondents, tally.sums);
    const population = await cachedPopulation(tx, selection);
    const minimumSample = krejcieMorgan(population);
    const followUps: SkmFollowUp[] = await listFollowUps(tx, selection.kecamatanCode, selection.period.key);
    return {
      period: selection.period.key,
      from: selection.period.from,
      to: selection.period.to,
      kecamatanCode: selection.kecamatanCode,
      office: officeName(selection.kecamatanCode),
      guideId: selection.guideId,
      respondents: index.respondents,
      withoutFile: tally.withoutFile,
      population,
      minimumSample,
      sampleEnough: index.respondents >= minimumSample && index.respondents > 0,
      ikm: index.ikm,
      category: index.category,
      elements: SKM_QUESTIONNAIRE.elements.map((element, i) => ({
        elementId: element.id,
        name: element.name,
        nrr: index.elements[i]?.nrr ?? null,
        score: index.elements[i]?.score ?? null,
        category: index.elements[i]?.category ?? null,
      })),
      followUps,
      asOf: now.toISOString(),
    };
  });
}
