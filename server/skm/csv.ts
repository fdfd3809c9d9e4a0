import { sql } from "drizzle-orm";
import { SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import type { CsvCell } from "../http/csv";
import { responseCondition, type SkmSelection } from "./results";

/**
 * The responses as a spreadsheet, for the office's own analysis: one row per
 * response with its date, office, service, channel, scores, profile bands and
 * masked suggestion. No response id, no tracking number, no file: nothing in
 * it leads back to an application or a person.
 */

const PROFILE = SKM_QUESTIONNAIRE.profile.map((question) => question.id);

export const SKM_CSV_HEADER: readonly string[] = [
  "date",
  "kecamatan",
  "service",
  "channel",
  ...SKM_QUESTIONNAIRE.elements.map((element) => element.id),
  ...PROFILE,
  "suggestion",
];

const BATCH = 2000;

interface CsvRow {
  answeredOn: string;
  kecamatanCode: string;
  guideId: string | null;
  channel: string;
  answers: string;
  profile: string;
  suggestion: string | null;
  seq: number;
}

/** The rows a batch (one keyset page) at a time, in date order. */
export async function* skmCsvBatches(db: Db, selection: SkmSelection): AsyncGenerator<CsvCell[][]> {
  const where = responseCondition(selection);
  let after: [string, number] = ["", 0];
  for (;;) {
    const rows = await rawAll<CsvRow>(
      db,
      sql`SELECT answered_on AS "answeredOn", kecamatan_code AS "kecamatanCode", guide_id AS "guideId", channel,
            answers, profile, suggestion, seq
     FROM skm_responses WHERE ${where} AND (answered_on, seq) > (${after[0]}, ${after[1]})
     ORDER BY answered_on, seq LIMIT ${sql.raw(String(BATCH))}`,
    );
    if (rows.length === 0) return;
    yield rows.map((row) => {
      const answers = JSON.parse(row.answers) as Record<string, number>;
      const profile = JSON.parse(row.profile) as Record<string, string>;
      return [
        row.answeredOn,
        row.kecamatanCode,
        row.guideId,
        row.channel,
        ...SKM_QUESTIONNAIRE.elements.map((element) => answers[element.id] ?? null),
        ...PROFILE.map((id) => profile[id] ?? null),
        row.suggestion,
      ];
    });
    const last = rows[rows.length - 1] as CsvRow;
    after = [last.answeredOn, last.seq];
    if (rows.length < BATCH) return;
  }
}
