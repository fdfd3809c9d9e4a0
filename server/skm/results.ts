import type { SkmFollowUp, SkmResults } from "../../shared/api/skm";
import { jakartaDayEnd, jakartaDayStart } from "../../shared/jakarta-time";
import { krejcieMorgan, skmIndex } from "../../shared/skm/ikm";
import type { SkmPeriod } from "../../shared/skm/period";
import { SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";
import type { Db } from "../db/open";
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

/** The WHERE clause shared by the index, the suggestions and the CSV, with its parameters. */
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

/** The JSON path of an element's score in the stored answers ("$.U1"); ids are data, so quoted. */
const elementPath = (id: string) => `$.${JSON.stringify(id)}`;

export interface Tally {
  respondents: number;
  /** Respondents without a file (given at the office without a tracking number). */
  withoutFile: number;
  sums: Record<string, number>;
}

/**
 * Respondents and the sum of each element's scores, of the rows after rowid
 * `afterRowid` (0: all of them). json_extract reads the stored answers; the
 * period index narrows the rows first.
 */
export function tallyResponses(db: Db, selection: SkmSelection, afterRowid = 0): Tally {
  const { where, params } = responseFilter(selection);
  const elements = SKM_QUESTIONNAIRE.elements;
  const sums = elements.map((_, i) => `COALESCE(SUM(json_extract(answers, ?)), 0) AS s${i}`).join(", ");
  const after = afterRowid > 0 ? " AND rowid > ?" : "";
  const row = db.$client
    .prepare(
      `SELECT count(*) AS respondents, COALESCE(SUM(application_id IS NULL), 0) AS withoutFile, ${sums} FROM skm_responses WHERE ${where}${after}`,
    )
    .get(
      ...elements.map((element) => elementPath(element.id)),
      ...params,
      ...(afterRowid > 0 ? [afterRowid] : []),
    ) as Record<string, number>;
  return {
    respondents: row.respondents ?? 0,
    withoutFile: row.withoutFile ?? 0,
    sums: Object.fromEntries(elements.map((element, i) => [element.id, row[`s${i}`] ?? 0])),
  };
}

/**
 * The population served: files the office decided (approved or rejected) in
 * the period, by their decision's Jakarta date. A file decided, sent back and
 * decided again counts once, at its last decision.
 */
export function decidedFiles(db: Db, selection: SkmSelection): number {
  const clauses = ["status IN ('approved', 'rejected')", "decided_at >= ?", "decided_at < ?", "deleted_at IS NULL"];
  const params = [jakartaDayStart(selection.period.from), jakartaDayEnd(selection.period.to)];
  if (selection.kecamatanCode !== null) {
    clauses.push("kecamatan_code = ?");
    params.push(selection.kecamatanCode);
  }
  if (selection.guideId !== null) {
    clauses.push("guide_id = ?");
    params.push(selection.guideId);
  }
  return (
    (db.$client
      // Named: on a young database without statistics SQLite would pick the queue's index and read every row.
      .prepare(`SELECT count(*) FROM applications INDEXED BY applications_decided_idx WHERE ${clauses.join(" AND ")}`)
      .pluck()
      .get(...params) as number | undefined) ?? 0
  );
}

export function skmResults(db: Db, selection: SkmSelection, now: Date): SkmResults {
  // One snapshot: the index, the population and the follow-ups agree with each other.
  return db.$client.transaction(() => {
    const tally = cachedTally(db, selection);
    const index = skmIndex(tally.respondents, tally.sums);
    const population = cachedPopulation(db, selection);
    const minimumSample = krejcieMorgan(population);
    const followUps: SkmFollowUp[] = listFollowUps(db, selection.kecamatanCode, selection.period.key);
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
  })();
}
