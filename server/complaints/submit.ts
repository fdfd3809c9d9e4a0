import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { ComplaintAccepted, ComplaintSubmission } from "../../shared/api/complaints";
import { asksAmount } from "../../shared/complaints/categories";
import { HAPPENED_ON_MAX_YEARS, happenedOnProblem } from "../../shared/complaints/dates";
import { jakartaDate } from "../../shared/jakarta-time";
import type { RegionIndex } from "../../shared/regions";
import { JAKARTA_DISTRICTS } from "../../shared/regions/data/jakarta";
import { startClock } from "../../shared/service-time/clock";
import { newTrackingNumber, parseTrackingNumber } from "../../shared/tracking/number";
import { COMPLAINT_PREFIX, isComplaintNumber } from "../../shared/tracking/prefix";
import type { Db } from "../db/open";
import { rawGet } from "../db/raw";
import { complaintEvents, complaints } from "../db/schema";
import { withTransaction } from "../db/transaction";
import { heldHashes } from "../files/possession";
import { getGuide } from "../guides/repository";
import type { AuthUser } from "../http/env";
import { holdCalendar } from "../service-time/calendar-lock";
import { loadCalendar } from "../service-time/calendar-store";
import { clockColumns } from "../service-time/clock-writes";
import { readSetting } from "../settings/office-settings";
import { type ComplaintRefusal, contentHash, invalidField, refuse, uniqueViolation } from "./store";

/**
 * A complaint in (POST /api/complaints), from a citizen without an account or
 * a signed-in cadre. Checks what the schema cannot (the anonymous switch, the
 * amount of an unofficial fee, the place, the file, the evidence), gives it a
 * complaint number and starts the office's response clock, all in one
 * transaction. Anonymous: nothing about who sent it is stored, not even the
 * signed-in cadre. Nothing here logs the description or the reporter.
 */

export interface SubmitContext {
  /** The signed-in user sending it, if any (a cadre's phone); null for a citizen. */
  sender: AuthUser | null;
  regions: RegionIndex;
  now: Date;
  /** Randomness for the number; tests pass a fixed source to force a collision. */
  random?: (n: number) => Uint8Array;
}

export type SubmitOutcome = { ok: true; status: 200 | 201; accepted: ComplaintAccepted } | ComplaintRefusal;

const KNOWN_KECAMATAN: ReadonlySet<string> = new Set(JAKARTA_DISTRICTS.map(([code]) => code));
/** Tries for a free number; 15 characters of randomness make a second try already rare. */
const NUMBER_TRIES = 8;

interface Routing {
  kecamatanCode: string;
  kelurahanCode: string | null;
  guideId: string | null;
  applicationId: string | null;
  officialFee: number | null;
}

/** The office, service and file a complaint concerns, from its place, guide and tracking number. */
async function routingOf(
  db: Db,
  input: ComplaintSubmission,
  regions: RegionIndex,
): Promise<Routing | ComplaintRefusal> {
  let kecamatanCode: string;
  let kelurahanCode: string | null = null;
  if (input.place.kind === "office") {
    if (!KNOWN_KECAMATAN.has(input.place.kecamatanCode)) {
      return invalidField(["place", "kecamatanCode"], "Unknown kecamatan");
    }
    kecamatanCode = input.place.kecamatanCode;
  } else {
    const village = regions.village(input.place.kelurahanCode);
    if (!village || !KNOWN_KECAMATAN.has(village.districtCode)) {
      return invalidField(["place", "kelurahanCode"], "Unknown kelurahan");
    }
    kecamatanCode = village.districtCode;
    kelurahanCode = village.code;
  }
  let guideId = input.guideId ?? null;
  let applicationId: string | null = null;
  if (input.trackingNumber !== undefined) {
    const parsed = parseTrackingNumber(input.trackingNumber);
    if (!parsed.ok) return refuse(400, parsed.code);
    const file = isComplaintNumber(parsed.number)
      ? undefined
      : await rawGet<{ id: string; guideId: string; kecamatanCode: string | null }>(
          db,
          sql`SELECT id, guide_id AS "guideId", kecamatan_code AS "kecamatanCode" FROM applications
             WHERE tracking_number = ${parsed.number} AND deleted_at IS NULL AND status <> 'draft'`,
        );
    if (!file) return refuse(404, "tracking_not_found");
    // The file names the office that handles it and the service, whatever the form said. Anonymous: the
    // file only routes the complaint; its id would lead back to the applicant and the cadre, so it is not kept.
    applicationId = input.anonymous ? null : file.id;
    guideId = file.guideId;
    if (file.kecamatanCode && KNOWN_KECAMATAN.has(file.kecamatanCode)) kecamatanCode = file.kecamatanCode;
  }
  let officialFee: number | null = null;
  if (guideId !== null) {
    const guide = await getGuide(db, guideId);
    if (!guide) return invalidField(["guideId"], "Unknown service");
    officialFee = guide.guide.fee.amount;
  }
  return { kecamatanCode, kelurahanCode, guideId, applicationId, officialFee };
}

/** Checks that need no database: the two switches and the fee's amount. */
function shapeProblem(input: ComplaintSubmission, now: Date): ComplaintRefusal | null {
  if (input.anonymous && input.reporter !== undefined) return refuse(400, "complaint_anonymous_identity");
  // Evidence photos are held by the uploading cadre's account (file_holders): they would name the sender.
  if (input.anonymous && input.evidence.length > 0) return refuse(400, "complaint_anonymous_evidence");
  if (asksAmount(input.category) && input.amountAsked === undefined) {
    return refuse(400, "complaint_fee_amount_required");
  }
  // A day after today in Jakarta allows for a phone's clock a little ahead; later is a mistake.
  const dateProblem = happenedOnProblem(input.happenedOn, jakartaDate(now));
  if (dateProblem === "future") return invalidField(["happenedOn"], "The date is in the future");
  if (dateProblem === "too-old") {
    return invalidField(["happenedOn"], `The date is more than ${HAPPENED_ON_MAX_YEARS} years ago`);
  }
  return null;
}

/** Evidence photos: only from a signed-in user who holds every one (the same rule as a file's pages). */
async function evidenceProblem(
  db: Db,
  input: ComplaintSubmission,
  sender: AuthUser | null,
): Promise<ComplaintRefusal | null> {
  if (input.evidence.length === 0) return null;
  if (!sender) return refuse(403, "complaint_evidence_needs_account");
  const held = await heldHashes(
    db,
    sender.id,
    input.evidence.map((photo) => photo.sha256),
  );
  const missing = input.evidence.map((photo) => photo.sha256).filter((sha) => !held.has(sha));
  return missing.length > 0 ? refuse(400, "file_not_found", { missing }) : null;
}

/** The stored complaint with this id: the same content again is a duplicate, other content a reuse. */
async function earlier(db: Db, id: string, hash: string): Promise<SubmitOutcome | null> {
  const [row] = await db
    .select({ number: complaints.number, contentHash: complaints.contentHash })
    .from(complaints)
    .where(eq(complaints.id, id));
  if (!row) return null;
  if (row.contentHash !== hash) return refuse(409, "submission_id_reused");
  return { ok: true, status: 200, accepted: { id, number: row.number, duplicate: true } };
}

export async function submitComplaint(
  db: Db,
  input: ComplaintSubmission,
  context: SubmitContext,
): Promise<SubmitOutcome> {
  // Only what the reporter wrote is hashed: resending it from the same phone matches whoever is signed in.
  const hash = contentHash(input);
  const before = await earlier(db, input.id, hash);
  if (before) return before;
  const problem = shapeProblem(input, context.now) ?? (await evidenceProblem(db, input, context.sender));
  if (problem) return problem;
  const routing = await routingOf(db, input, context.regions);
  if ("ok" in routing) return routing;

  const random = context.random ?? ((n: number) => new Uint8Array(randomBytes(n)));
  for (let attempt = 0; attempt < NUMBER_TRIES; attempt++) {
    const number = newTrackingNumber(COMPLAINT_PREFIX, random);
    try {
      await insertComplaint(db, input, context, routing, number, hash);
      return { ok: true, status: 201, accepted: { id: input.id, number, duplicate: false } };
    } catch (error) {
      const collided = uniqueViolation(error);
      // The same id stored by a concurrent request (another process or app server) between the check and the insert.
      if (collided === "primary") {
        const raced = await earlier(db, input.id, hash);
        if (raced) return raced;
      }
      // The number is taken: draw another.
      if (collided !== "unique") throw error;
    }
  }
  throw new Error("no free complaint number");
}

async function insertComplaint(
  db: Db,
  input: ComplaintSubmission,
  context: SubmitContext,
  routing: Routing,
  number: string,
  hash: string,
): Promise<void> {
  const at = context.now.toISOString();
  const sender = context.sender;
  await withTransaction(db, async (tx) => {
    // Counted with the calendar: a calendar change moving running clocks waits for this one, or this for it.
    await holdCalendar(tx, "counting");
    const clock = startClock(
      null,
      { days: await readSetting(tx, "complaintResponseDays"), unit: "working" },
      jakartaDate(context.now),
      await loadCalendar(tx),
    );
    await tx.insert(complaints).values({
      id: input.id,
      number,
      kecamatanCode: routing.kecamatanCode,
      kelurahanCode: routing.kelurahanCode,
      placeKind: input.place.kind,
      guideId: routing.guideId,
      applicationId: routing.applicationId,
      category: input.category,
      description: input.description,
      happenedOn: input.happenedOn,
      // Only an unofficial-fee report carries an amount; one sent with another category is ignored.
      amountAsked: asksAmount(input.category) ? (input.amountAsked ?? null) : null,
      officialFee: routing.officialFee,
      evidence: input.evidence,
      anonymous: input.anonymous,
      confidential: input.confidential,
      // Anonymous: no trace of the sender at all, even a signed-in cadre's.
      reporterUserId: input.anonymous ? null : (sender?.id ?? null),
      reporterName: input.anonymous ? null : (input.reporter?.name ?? null),
      reporterContact: input.anonymous ? null : (input.reporter?.contact ?? null),
      channel: input.channel,
      status: "received",
      assigneeId: null,
      answer: null,
      referral: null,
      ...clockColumns(clock),
      contentHash: hash,
      receivedAt: at,
      updatedAt: at,
      closedAt: null,
      version: 1,
    });
    await tx
      .insert(complaintEvents)
      .values({ complaintId: input.id, at, actorId: null, kind: "received", status: "received", text: null });
  });
}
