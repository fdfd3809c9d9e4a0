import { sql } from "drizzle-orm";
import type { SkmSuggestion } from "../../shared/api/skm";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import { responseCondition, type SkmSelection } from "./results";

/** The console lists this many suggestions at a time. */
export const SUGGESTION_LIMIT = 50;

/**
 * The open suggestions of a selection, newest first: the date, the service
 * and the text (masked when it was stored, shared/skm/redact.ts); never the
 * response, its file or its channel.
 */
export async function listSuggestions(
  db: Db,
  selection: SkmSelection,
): Promise<{ suggestions: SkmSuggestion[]; more: boolean }> {
  const rows = await rawAll<SkmSuggestion>(
    db,
    sql`SELECT answered_on AS "answeredOn", guide_id AS "guideId", suggestion AS text FROM skm_responses
       WHERE ${responseCondition(selection)} AND suggestion IS NOT NULL
       ORDER BY answered_on DESC, seq DESC LIMIT ${SUGGESTION_LIMIT + 1}`,
  );
  return { suggestions: rows.slice(0, SUGGESTION_LIMIT), more: rows.length > SUGGESTION_LIMIT };
}
