import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { SQLiteSyncDialect } from "drizzle-orm/sqlite-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { submitComplaint } from "../../server/complaints/submit";
import { activeDialect } from "../../server/db/dialect";
import { sqliteDriver } from "../../server/db/maintenance";
import { rawAll, rawGet, rawRun } from "../../server/db/raw";
import { withTransaction } from "../../server/db/transaction";
import { ComplaintAccepted, ComplaintDetail, ComplaintSubmission } from "../../shared/api/complaints";
import { ApiError } from "../../shared/api/errors";
import { createRegionIndex } from "../../shared/regions";
import { newTrackingNumber } from "../../shared/tracking/number";
import { trackingPrefix } from "../../shared/tracking/prefix";
import { readyDraft, sha256, storeFilesOf } from "../helpers/drafts";
import {
  at,
  grant,
  KEC,
  rawComplaint,
  request,
  submission,
  trackedFile,
  VILLAGE,
  type World,
  world,
} from "./complaints-fixtures";

/**
 * POST /api/complaints (issue 14): anonymous complaints store no identity at
 * all, bad input is refused with a code, floods get 429, the same queued
 * complaint sent twice is stored once, and the response clock counts the
 * office's working days.
 */

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(() => w.env.cleanup());

const post = (body: unknown, user: World["cadre"] | null = null, headers: Record<string, string> = {}) =>
  request(w, "POST", "/api/complaints", user, body, headers);

async function refusal(response: Response, status: number, code: string) {
  expect(response.status, await response.clone().text()).toBe(status);
  const body = ApiError.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body;
}

describe("storing a complaint", () => {
  it("stores it with a complaint number, the reporter as given and a running clock", async () => {
    const sent = submission();
    const response = await post(sent);
    expect(response.status).toBe(201);
    const accepted = ComplaintAccepted.parse(await response.json());
    expect(accepted).toMatchObject({ id: sent.id, duplicate: false });
    expect(accepted.number).toMatch(/^ADU-/);
    const row = await rawComplaint(w.env.db, sent.id);
    expect(row).toMatchObject({
      number: accepted.number,
      kecamatan_code: KEC,
      status: "received",
      reporter_name: "Budi Santoso",
      reporter_contact: "081299990000",
      reporter_user_id: null,
      clock_state: "running",
      version: 1,
    });
    const events = await rawAll(
      w.env.db,
      sql`SELECT kind, status FROM complaint_events WHERE complaint_id = ${sent.id}`,
    );
    expect(events).toEqual([{ kind: "received", status: "received" }]);
  });

  it("records the signed-in cadre as the reporter of a complaint that is not anonymous", async () => {
    const sent = submission({ channel: "cadre-phone" });
    expect((await post(sent, w.cadre)).status).toBe(201);
    expect((await rawComplaint(w.env.db, sent.id)).reporter_user_id).toBe(w.cadre.id);
  });

  it("stores no identity at all for an anonymous complaint, even from a signed-in cadre", async () => {
    const sent = submission({ anonymous: true, reporter: undefined, channel: "cadre-phone" });
    expect((await post(sent, w.cadre)).status).toBe(201);
    const row = await rawComplaint(w.env.db, sent.id);
    expect(row.reporter_user_id).toBeNull();
    expect(row.reporter_name).toBeNull();
    expect(row.reporter_contact).toBeNull();
    // 1 on SQLite, true on PostgreSQL.
    expect(Number(row.anonymous)).toBe(1);
    const events = await rawAll(
      w.env.db,
      sql`SELECT actor_id AS "actorId" FROM complaint_events WHERE complaint_id = ${sent.id}`,
    );
    expect(events).toEqual([{ actorId: null }]);
    // Nothing in the whole row names the cadre.
    expect(JSON.stringify(row)).not.toContain(w.cadre.id);
  });

  it("refuses an anonymous complaint that carries a reporter", async () => {
    const sent = submission({ anonymous: true, reporter: { name: "Budi" } });
    await refusal(await post(sent), 400, "complaint_anonymous_identity");
    await refusal(await post({ ...sent, reporter: {} }), 400, "complaint_anonymous_identity");
    expect(await rawComplaint(w.env.db, sent.id)).toBeUndefined();
  });

  it("routes a kelurahan complaint to its kecamatan", async () => {
    const sent = submission({ place: { kind: "kelurahan", kelurahanCode: VILLAGE } });
    expect((await post(sent)).status).toBe(201);
    expect(await rawComplaint(w.env.db, sent.id)).toMatchObject({ kecamatan_code: KEC, kelurahan_code: VILLAGE });
  });

  it("takes the official fee from the guide and needs the amount asked for an unofficial fee", async () => {
    const sent = submission({ category: "biaya", guideId: "surat-keterangan-domisili", amountAsked: 150_000 });
    await refusal(await post({ ...sent, amountAsked: undefined }), 400, "complaint_fee_amount_required");
    expect((await post(sent)).status).toBe(201);
    expect(await rawComplaint(w.env.db, sent.id)).toMatchObject({ amount_asked: 150_000, official_fee: 0 });
  });

  it("ignores an amount sent with another category (a queued complaint is not lost for it)", async () => {
    const sent = submission({ category: "waktu", amountAsked: 50_000 });
    expect((await post(sent)).status).toBe(201);
    expect((await rawComplaint(w.env.db, sent.id)).amount_asked).toBeNull();
  });

  it("takes the office and service from the file's tracking number", async () => {
    const number = newTrackingNumber(trackingPrefix(KEC), (n) => new Uint8Array(randomBytes(n)));
    const fileId = await trackedFile(w.env.db, w.cadre.id, number, KEC);
    const sent = submission({
      trackingNumber: number.toLowerCase(),
      place: { kind: "office", kecamatanCode: "31.71.01" },
    });
    expect((await post(sent)).status).toBe(201);
    expect(await rawComplaint(w.env.db, sent.id)).toMatchObject({
      application_id: fileId,
      guide_id: "surat-keterangan-domisili",
      kecamatan_code: KEC,
      official_fee: 0,
    });
  });

  it("uses an anonymous complaint's file only for routing: no file id is kept, no number is shown", async () => {
    const number = newTrackingNumber(trackingPrefix(KEC), (n) => new Uint8Array(randomBytes(n)));
    const fileId = await trackedFile(w.env.db, w.cadre.id, number, KEC);
    const sent = submission({
      anonymous: true,
      reporter: undefined,
      trackingNumber: number,
      place: { kind: "office", kecamatanCode: "31.71.01" },
    });
    expect((await post(sent)).status).toBe(201);
    const row = await rawComplaint(w.env.db, sent.id);
    expect(row).toMatchObject({
      application_id: null,
      guide_id: "surat-keterangan-domisili",
      kecamatan_code: KEC,
      official_fee: 0,
    });
    expect(JSON.stringify(row)).not.toContain(fileId);
    expect(JSON.stringify(row)).not.toContain(number);
    await grant(w.env.db, w.operator);
    const response = await request(w, "GET", `/api/console/complaints/${sent.id}`, w.operator);
    expect(response.status).toBe(200);
    const detail = ComplaintDetail.parse(await response.json());
    expect(detail).toMatchObject({ trackingNumber: null, reporter: null, anonymous: true });
    // Even a row written by hand with the file keeps the number out of the anonymous complaint's detail.
    await rawRun(w.env.db, sql`UPDATE complaints SET application_id = ${fileId} WHERE id = ${sent.id}`);
    const again = ComplaintDetail.parse(
      await (await request(w, "GET", `/api/console/complaints/${sent.id}`, w.operator)).json(),
    );
    expect(again.trackingNumber).toBeNull();
  });

  it("keeps the file of a complaint that is not anonymous and shows its number to the handler", async () => {
    const number = newTrackingNumber(trackingPrefix(KEC), (n) => new Uint8Array(randomBytes(n)));
    await trackedFile(w.env.db, w.cadre.id, number, KEC);
    const sent = submission({ trackingNumber: number });
    expect((await post(sent)).status).toBe(201);
    await grant(w.env.db, w.operator);
    const response = await request(w, "GET", `/api/console/complaints/${sent.id}`, w.operator);
    expect(ComplaintDetail.parse(await response.json()).trackingNumber).toBe(number);
  });

  it("refuses a date more than two years back, naming happenedOn", async () => {
    // Today is 7 Dec 2026 in Jakarta: 7 Dec 2024 is the earliest day taken.
    expect((await post(submission({ happenedOn: "2024-12-07" }))).status).toBe(201);
    for (const happenedOn of ["2024-12-06", "1926-12-07"]) {
      const body = await refusal(await post(submission({ happenedOn })), 400, "invalid_body");
      expect(JSON.stringify(body.error.details)).toContain("happenedOn");
    }
    const future = await refusal(await post(submission({ happenedOn: "2026-12-09" })), 400, "invalid_body");
    expect(JSON.stringify(future.error.details)).toContain("happenedOn");
  });

  it("refuses a tracking number that is malformed, mistyped or unknown", async () => {
    const number = newTrackingNumber(trackingPrefix(KEC), (n) => new Uint8Array(randomBytes(n)));
    await refusal(await post(submission({ trackingNumber: "hello" })), 400, "tracking_malformed");
    const typo = `${number.slice(0, -1)}${number.endsWith("A") ? "B" : "A"}`;
    await refusal(await post(submission({ trackingNumber: typo })), 400, "tracking_mistyped");
    await refusal(await post(submission({ trackingNumber: number })), 404, "tracking_not_found");
  });

  it("starts the clock in working days with the office calendar: Friday before a holiday", async () => {
    // Thursday 24 Dec 2026 is cuti bersama, Friday 25 Dec Christmas: received on Wednesday the 23rd
    // the five days run 28, 29, 30, 31 Dec and 4 Jan (1 Jan New Year). Received on Friday 18 Dec:
    // 21, 22, 23, 28, 29 Dec.
    w.clock.now = at("2026-12-18");
    const friday = submission();
    expect((await post(friday)).status).toBe(201);
    const clock = JSON.parse(String((await rawComplaint(w.env.db, friday.id)).clock));
    expect(clock).toMatchObject({ days: 5, unit: "working", state: "running", startedOn: "2026-12-18" });
    expect((await rawComplaint(w.env.db, friday.id)).clock_deadline).toBe("2026-12-29");
  });

  it("uses the office's complaint standard from its settings", async () => {
    await rawRun(
      w.env.db,
      sql`INSERT INTO office_settings (key, value, updated_at)
        VALUES ('complaintResponseDays', '3', ${new Date().toISOString()})`,
    );
    w.clock.now = at("2026-12-07"); // Monday
    const sent = submission();
    expect((await post(sent)).status).toBe(201);
    expect((await rawComplaint(w.env.db, sent.id)).clock_deadline).toBe("2026-12-10");
  });
});

describe("evidence photos", () => {
  const photo = { sha256: sha256("ktp"), mime: "image/webp" as const, bytes: 1000 };

  it("refuses evidence from someone signed out", async () => {
    await refusal(await post(submission({ evidence: [photo] })), 403, "complaint_evidence_needs_account");
  });

  it("refuses evidence the signed-in cadre does not hold, naming it", async () => {
    const body = await refusal(await post(submission({ evidence: [photo] }), w.cadre), 400, "file_not_found");
    expect(body.error.details).toMatchObject({ missing: [photo.sha256] });
  });

  it("refuses evidence on an anonymous complaint: the photos' uploader would name the sender", async () => {
    await storeFilesOf(w.env.db, readyDraft(), w.cadre.id);
    const sent = submission({ evidence: [photo], channel: "cadre-phone", anonymous: true, reporter: undefined });
    await refusal(await post(sent, w.cadre), 400, "complaint_anonymous_evidence");
    await refusal(await post(sent), 400, "complaint_anonymous_evidence");
    expect(await rawComplaint(w.env.db, sent.id)).toBeUndefined();
  });

  it("accepts evidence the cadre uploaded", async () => {
    await storeFilesOf(w.env.db, readyDraft(), w.cadre.id);
    const sent = submission({ evidence: [photo], channel: "cadre-phone" });
    expect((await post(sent, w.cadre)).status).toBe(201);
    expect(JSON.parse(String((await rawComplaint(w.env.db, sent.id)).evidence))).toEqual([photo]);
  });
});

describe("sent twice", () => {
  it("stores the same queued complaint once and answers with the same number", async () => {
    const sent = submission();
    const first = ComplaintAccepted.parse(await (await post(sent)).json());
    const again = await post(sent);
    expect(again.status).toBe(200);
    expect(ComplaintAccepted.parse(await again.json())).toEqual({ ...first, duplicate: true });
    const count = await rawGet(w.env.db, sql`SELECT count(*) AS n FROM complaints WHERE id = ${sent.id}`);
    expect(count).toEqual({ n: 1 });
  });

  it("refuses the same id with other content", async () => {
    const sent = submission();
    expect((await post(sent)).status).toBe(201);
    await refusal(await post({ ...sent, description: "Lain sama sekali." }), 409, "submission_id_reused");
  });

  it("answers a concurrent store of the same id as a duplicate or a reuse, never a 500", async () => {
    const { contentHash } = await import("../../server/complaints/store");
    const regions = createRegionIndex();
    for (const [hash, expected] of [
      ["same", { ok: true, status: 200 }],
      ["other", { ok: false, status: 409, code: "submission_id_reused" }],
    ] as const) {
      const sent = submission();
      const otherCopy = sql`INSERT INTO complaints (id, number, kecamatan_code, place_kind, category, description,
          happened_on, anonymous, confidential, channel, status, content_hash, received_at, updated_at)
        VALUES (${sent.id}, ${`ADU-RACE-${hash}`}, ${KEC}, 'office', 'perilaku', 'x', '2026-12-01', FALSE, FALSE,
          'citizen-phone', 'received', ${hash === "same" ? contentHash(sent) : "x"}, 't', 't')`;
      // On PostgreSQL another connection inserts the same id first and commits only once the number is drawn:
      // the check for an earlier copy saw nothing, and the insert waits on that row, then collides with it.
      let commit = () => {};
      let other: Promise<void> | undefined;
      if (activeDialect() === "postgres") {
        const inserted = new Promise<void>((done) => {
          other = withTransaction(w.env.db, async (tx) => {
            await rawRun(tx, otherCopy);
            done();
            await new Promise<void>((go) => {
              commit = go;
            });
          });
        });
        await inserted;
      }
      let raced = false;
      // The number is drawn between the check for an earlier copy and the insert: another
      // process storing the same id then is what this stands in for.
      const random = (n: number) => {
        if (!raced) {
          raced = true;
          commit();
          // On SQLite, synchronously on the driver, from inside the number's draw: what another process would do.
          const driver = sqliteDriver(w.env.db);
          if (driver) {
            const { sql: text, params } = new SQLiteSyncDialect().sqlToQuery(otherCopy);
            driver.prepare(text).run(...params);
          }
        }
        return new Uint8Array(randomBytes(n));
      };
      const outcome = await submitComplaint(w.env.db, sent, { sender: null, regions, now: at("2026-12-07"), random });
      await other;
      expect(outcome).toMatchObject(expected);
      if (outcome.ok) expect(outcome.accepted).toEqual({ id: sent.id, number: `ADU-RACE-${hash}`, duplicate: true });
    }
  });

  it("draws another number when the first is taken", async () => {
    const first = submission();
    const second = submission();
    const regions = createRegionIndex();
    const zeros = (n: number) => new Uint8Array(n);
    let draws = 0;
    const once = (n: number) => (draws++ < 2 ? zeros(n) : new Uint8Array(randomBytes(n)));
    const a = await submitComplaint(w.env.db, first, { sender: null, regions, now: at("2026-12-07"), random: zeros });
    const b = await submitComplaint(w.env.db, second, { sender: null, regions, now: at("2026-12-07"), random: once });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(a.accepted.number).not.toBe(b.accepted.number);
  });
});

describe("malformed, oversize and flood", () => {
  const bad: [string, unknown][] = [
    ["an unknown category", { category: "korupsi" }],
    ["no description", { description: undefined }],
    ["an empty description", { description: "   " }],
    ["a description over 4,000 characters", { description: "a".repeat(4001) }],
    ["control characters", { description: "Petugas\u0007 membentak" }],
    ["a reporter name with a line break", { reporter: { name: "Budi\nSantoso" } }],
    ["an impossible date", { happenedOn: "2026-02-30" }],
    ["a date in the future", { happenedOn: "2027-06-01" }],
    ["an unknown kecamatan", { place: { kind: "office", kecamatanCode: "31.75.99" } }],
    ["an unknown kelurahan", { place: { kind: "kelurahan", kelurahanCode: "31.75.07.9999" } }],
    ["an unknown service", { guideId: "layanan-tak-ada" }],
    ["a negative amount", { category: "biaya", amountAsked: -5 }],
    ["an unknown field", { priority: "high" }],
    ["not a uuid", { id: "1" }],
  ];
  for (const [what, change] of bad) {
    it(`refuses ${what} with invalid_body`, async () => {
      const body = await refusal(await post({ ...submission(), ...(change as object) }), 400, "invalid_body");
      expect(Array.isArray((body.error.details as { issues: unknown[] }).issues)).toBe(true);
    });
  }

  it("refuses a body over the limit with 413, also gzipped", async () => {
    const huge = JSON.stringify({ ...submission(), description: "a".repeat(40_000) });
    await refusal(await post(huge), 413, "body_too_large");
    const zipped = gzipSync(Buffer.from(huge));
    const response = await w.app.request("/api/complaints", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" },
      body: zipped,
    });
    await refusal(response, 413, "body_too_large");
  });

  it("refuses a flood from one address with 429 and Retry-After", async () => {
    await w.env.cleanup();
    w = await world({ limit: { perMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await post(submission())).status).toBe(201);
    const flooded = await post(submission());
    await refusal(flooded, 429, "rate_limited");
    expect(Number(flooded.headers.get("Retry-After"))).toBeGreaterThan(0);
    // A minute later the address may send again.
    w.clock.now = new Date(w.clock.now.getTime() + 60_000);
    expect((await post(submission())).status).toBe(201);
  });

  it("never answers 5xx to the schema's own examples of bad input", async () => {
    for (const body of ["", "null", "[]", "{}", '{"id":', JSON.stringify({ ...submission(), place: null })]) {
      const response = await post(body);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    }
  });
});

it("parses the fixture as a valid submission", () => {
  expect(ComplaintSubmission.safeParse(submission()).success).toBe(true);
});

describe("the calendar changes", () => {
  it("moves a running complaint's deadline when a closed day is added (for calendar-admin to call)", async () => {
    const { moveRunningComplaintDeadlines } = await import("../../server/complaints/deadlines");
    w.clock.now = at("2026-12-07"); // Monday: 5 working days end Monday the 14th
    const sent = submission();
    expect((await post(sent)).status).toBe(201);
    expect((await rawComplaint(w.env.db, sent.id)).clock_deadline).toBe("2026-12-14");
    await rawRun(
      w.env.db,
      sql`INSERT INTO calendar_days (date, kind, name, source, updated_at)
        VALUES ('2026-12-10', 'closure', 'Uji', 'test', ${new Date().toISOString()})`,
    );
    const moved = await withTransaction(w.env.db, (tx) => moveRunningComplaintDeadlines(tx, "2026-12-10"));
    expect(moved).toBe(1);
    expect((await rawComplaint(w.env.db, sent.id)).clock_deadline).toBe("2026-12-15");
  });
});
