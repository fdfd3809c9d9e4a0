import { sql } from "drizzle-orm";
import type { SurveyAccepted, SurveySubmission } from "../../shared/api/skm";
import { jakartaDate, jakartaDayEnd, jakartaDayStart } from "../../shared/jakarta-time";
import { redactSuggestion } from "../../shared/skm/redact";
import { parseTrackingNumber } from "../../shared/tracking/number";
import { isComplaintNumber } from "../../shared/tracking/prefix";
import { dialectOf } from "../db/connection";
import type { Db } from "../db/open";
import { rawGet, rawRun } from "../db/raw";
import { skmResponses } from "../db/schema";
import { withTransaction } from "../db/transaction";
import { getGuide } from "../guides/repository";
import { DEFAULT_OFFICE_DAILY_WITHOUT_FILE, type SkmLimits } from "./limits";
import { isJakartaKecamatan } from "./offices";
import { contentHash, invalidField, refuse, type SkmRefusal, uniqueViolation } from "./refusal";

/**
 * A survey response in (POST /api/skm/responses), from a citizen on a
 * cadre's phone, on their own phone or at the office; never with an account.
 * Whoever is signed in on the sending phone is not asked about and not
 * stored: the row holds the answers, the office, the service, the file's id
 * (one response per file) and the dates, nothing that points at a person.
 * The file is only used to place the response; reports never join it back.
 */

export type SubmitOutcome =
  | { ok: true; status: 200 | 201; accepted: SurveyAccepted }
  | SkmRefusal
  | { ok: false; status: 429; code: "rate_limited"; details: Record<string, unknown>; retryAfterSeconds: number };

/** A phone's clock may run a little fast. */
const FUTURE_SLACK_MS = 5 * 60 * 1000;
/**
 * A queued survey may wait a while for a network; one answered longer ago
 * counts on the day it arrives, so a period already published is not
 * rewritten months later by a late (or back-dated) batch.
 */
export const OLDEST_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const OLDEST_MS = OLDEST_DAYS * DAY_MS;

/** The Jakarta date a response counts on: when it was answered, unless the phone's clock cannot be right. */
export function answeredOnOf(answeredAt: string, now: Date): string {
  const at = Date.parse(answeredAt);
  const nowMs = now.getTime();
  if (!Number.isFinite(at) || at > nowMs + FUTURE_SLACK_MS || at < nowMs - OLDEST_MS) return jakartaDate(now);
  return jakartaDate(new Date(at));
}

interface Placement {
  applicationId: string | null;
  kecamatanCode: string;
  guideId: string | null;
}

const fileSql = (number: string) => sql`SELECT id, guide_id AS "guideId", kecamatan_code AS "kecamatanCode", status
  FROM applications WHERE tracking_number = ${number} AND deleted_at IS NULL AND status <> 'draft'`;

/** Where the response belongs: the file's office and service, or the office (and service) it names. */
async function placementOf(db: Db, input: SurveySubmission): Promise<Placement | SkmRefusal> {
  if (input.trackingNumber !== undefined) {
    const parsed = parseTrackingNumber(input.trackingNumber);
    if (!parsed.ok) return refuse(400, parsed.code);
    const file = isComplaintNumber(parsed.number)
      ? undefined
      : await rawGet<{ id: string; guideId: string; kecamatanCode: string | null; status: string }>(
          db,
          fileSql(parsed.number),
        );
    if (!file?.kecamatanCode) return refuse(404, "survey_file_not_found");
    if (file.status !== "approved" && file.status !== "rejected") return refuse(409, "survey_not_decided");
    return { applicationId: file.id, kecamatanCode: file.kecamatanCode, guideId: file.guideId };
  }
  if (input.kecamatanCode === undefined) return refuse(400, "survey_office_required");
  if (!isJakartaKecamatan(input.kecamatanCode)) return invalidField(["kecamatanCode"], "Unknown kecamatan");
  if (input.guideId !== undefined) {
    const guide = await getGuide(db, input.guideId);
    if (!guide || guide.withdrawn) return refuse(404, "guide_not_found");
  }
  return { applicationId: null, kecamatanCode: input.kecamatanCode, guideId: input.guideId ?? null };
}

/** A response stored before under this id: the same content is a resend, other content a reused id. */
async function earlier(db: Db, id: string, hash: string): Promise<SubmitOutcome | undefined> {
  const row = await rawGet<{ hash: string }>(db, sql`SELECT content_hash AS hash FROM skm_responses WHERE id = ${id}`);
  if (!row) return undefined;
  return row.hash === hash
    ? { ok: true, status: 200, accepted: { id, duplicate: true } }
    : refuse(409, "submission_id_reused");
}

/**
 * Responses without a file the office received today (Jakarta). Read through
 * skm_responses_period_idx: a response received today was answered at most
 * OLDEST_DAYS before (or, by a fast clock, the day after), so the answered
 * dates bound the rows read to about a month of the office's responses.
 */
async function receivedWithoutFileToday(db: Db, kecamatanCode: string, now: Date): Promise<number> {
  const today = jakartaDate(now);
  const row = await rawGet<{ n: number }>(
    db,
    sql`SELECT count(*) AS n FROM skm_responses
       WHERE kecamatan_code = ${kecamatanCode}
         AND answered_on BETWEEN ${jakartaDate(new Date(now.getTime() - OLDEST_MS - DAY_MS))}
           AND ${jakartaDate(new Date(now.getTime() + DAY_MS))}
         AND application_id IS NULL AND received_at >= ${jakartaDayStart(today)} AND received_at < ${jakartaDayEnd(today)}`,
  );
  return Number(row?.n ?? 0);
}

/** Seconds until the next Jakarta day, when the office's budget is whole again. */
function untilTomorrow(now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(jakartaDayEnd(jakartaDate(now))) - now.getTime()) / 1000));
}

export async function submitSurvey(
  db: Db,
  input: SurveySubmission,
  now: Date,
  limits: SkmLimits = {},
): Promise<SubmitOutcome> {
  const budget = limits.officeDailyWithoutFile ?? DEFAULT_OFFICE_DAILY_WITHOUT_FILE;
  const hash = contentHash(input);
  const attempt = (): Promise<SubmitOutcome> =>
    withTransaction(db, async (tx): Promise<SubmitOutcome> => {
      const before = await earlier(tx, input.id, hash);
      if (before) return before;
      const place = await placementOf(tx, input);
      if ("ok" in place) return place;
      if (
        place.applicationId !== null &&
        (await rawGet(tx, sql`SELECT 1 AS one FROM skm_responses WHERE application_id = ${place.applicationId}`))
      ) {
        return refuse(409, "survey_already_answered");
      }
      // Checked in the write transaction: two requests cannot both take the last place. SQLite has one
      // writer; PostgreSQL (READ COMMITTED) would let two transactions count the day before either inserts,
      // so there the office's budget is taken under a lock held until the commit.
      if (place.applicationId === null && dialectOf(tx) === "postgres") {
        await rawRun(
          tx,
          sql`SELECT pg_advisory_xact_lock(hashtextextended(${`skm-budget:${place.kecamatanCode}`}, 0))`,
        );
      }
      if (place.applicationId === null && (await receivedWithoutFileToday(tx, place.kecamatanCode, now)) >= budget) {
        const retryAfterSeconds = untilTomorrow(now);
        return {
          ok: false,
          status: 429,
          code: "rate_limited",
          details: { budget: "office-daily-without-file", kecamatanCode: place.kecamatanCode, retryAfterSeconds },
          retryAfterSeconds,
        };
      }
      const suggestion = input.suggestion ? redactSuggestion(input.suggestion) : null;
      await tx.insert(skmResponses).values({
        id: input.id,
        questionnaire: input.questionnaire,
        channel: input.channel,
        applicationId: place.applicationId,
        kecamatanCode: place.kecamatanCode,
        guideId: place.guideId,
        answers: input.answers,
        profile: input.profile as Record<string, string>,
        suggestion: suggestion === "" ? null : suggestion,
        answeredOn: answeredOnOf(input.answeredAt, now),
        receivedAt: now.toISOString(),
        contentHash: hash,
      });
      return { ok: true, status: 201, accepted: { id: input.id, duplicate: false } };
    });
  try {
    return await attempt();
  } catch (error) {
    // Another process stored this id or this file's response between the checks and the insert:
    // the checks, run again, now see it and give the right answer.
    if (!uniqueViolation(error)) throw error;
    return attempt();
  }
}
