import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawAll, rawGet, rawRun } from "../../server/db/raw";
import { answeredOnOf } from "../../server/skm/submit";
import { SurveyAccepted } from "../../shared/api/skm";
import { REDACTED } from "../../shared/skm/redact";
import {
  answers,
  at,
  closeWorld,
  codeOf,
  decidedFile,
  GUIDE,
  KEC,
  NOW,
  OTHER_KEC,
  PERSON,
  send,
  submittedFile,
  survey,
  type World,
  world,
} from "./skm-fixtures";

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(() => closeWorld(w));

type RawRow = Record<string, unknown>;
const rows = (): Promise<RawRow[]> => rawAll<RawRow>(w.env.db, sql`SELECT * FROM skm_responses`);

describe("POST /api/skm/responses", () => {
  it("stores an anonymous response given at the office: 201, nothing about the sender", async () => {
    const body = survey({ guideId: GUIDE, suggestion: "Antrean terlalu panjang" });
    const response = await send(w, body, null, {
      "User-Agent": "Mozilla/5.0 TestPhone",
      "X-Forwarded-For": "203.0.113.9",
    });
    expect(response.status).toBe(201);
    expect(SurveyAccepted.parse(await response.json())).toEqual({ id: body.id, duplicate: false });
    const [row] = await rows();
    expect(Object.keys(row ?? {}).sort()).toEqual(
      [
        "answered_on",
        "answers",
        "application_id",
        "channel",
        "content_hash",
        "guide_id",
        "id",
        "kecamatan_code",
        "profile",
        "questionnaire",
        "received_at",
        // Insertion order (the tallies' and the CSV's cursor): a counter, nothing about the sender.
        "seq",
        "suggestion",
      ].sort(),
    );
    expect(row).toMatchObject({
      kecamatan_code: KEC,
      guide_id: GUIDE,
      application_id: null,
      answered_on: "2026-12-02",
      suggestion: "Antrean terlalu panjang",
    });
    expect(JSON.stringify(row)).not.toMatch(/TestPhone|203\.0\.113/);
  });

  it("stores no identity when a signed-in cadre's phone sends a file's survey", async () => {
    const file = await decidedFile(w);
    const body = survey({ channel: "cadre-phone", trackingNumber: file.number, kecamatanCode: undefined });
    const response = await send(w, body, w.cadre);
    expect(response.status).toBe(201);
    const [row] = await rows();
    const raw = JSON.stringify(row);
    // The file places the response (office, service, one per file) …
    expect(row).toMatchObject({
      application_id: file.id,
      kecamatan_code: KEC,
      guide_id: GUIDE,
      channel: "cadre-phone",
    });
    // … but nothing names the cadre, the session or the applicant, and the number itself is not kept.
    for (const secret of [
      w.cadre.id,
      w.cadre.username,
      w.cadre.cookie.split("=")[1] ?? "?",
      file.number,
      PERSON.nik,
      PERSON.fullName,
    ]) {
      expect(raw).not.toContain(secret);
    }
  });

  it("stores the same queued survey sent twice once, and answers duplicate: true", async () => {
    const file = await decidedFile(w);
    const body = survey({ channel: "citizen-phone", trackingNumber: file.number, kecamatanCode: undefined });
    expect((await send(w, body)).status).toBe(201);
    const again = await send(w, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: body.id, duplicate: true });
    expect(await rows()).toHaveLength(1);
  });

  it("refuses an id sent again with other content (409 submission_id_reused)", async () => {
    const body = survey();
    expect((await send(w, body)).status).toBe(201);
    const changed = await send(w, { ...body, answers: answers(1) });
    expect(changed.status).toBe(409);
    expect(await codeOf(changed)).toBe("submission_id_reused");
    expect(await rows()).toHaveLength(1);
    expect(JSON.parse(String((await rows())[0]?.answers))).toEqual(answers(4));
  });

  it("takes one survey per file (409 survey_already_answered)", async () => {
    const file = await decidedFile(w, "rejected");
    const first = survey({ trackingNumber: file.number, kecamatanCode: undefined });
    expect((await send(w, first)).status).toBe(201);
    const second = await send(w, survey({ trackingNumber: file.number, kecamatanCode: undefined }));
    expect(second.status).toBe(409);
    expect(await codeOf(second)).toBe("survey_already_answered");
    expect(await rows()).toHaveLength(1);
  });

  it("refuses a survey about a file the office has not decided (409 survey_not_decided)", async () => {
    const file = await submittedFile(w);
    const response = await send(w, survey({ trackingNumber: file.number, kecamatanCode: undefined }));
    expect(response.status).toBe(409);
    expect(await codeOf(response)).toBe("survey_not_decided");
  });

  it("refuses mistyped and malformed numbers (400 with the tracking code)", async () => {
    const file = await decidedFile(w);
    const swapped = `${file.number.slice(0, -2)}${file.number.at(-1)}${file.number.at(-2)}`;
    if (swapped !== file.number) {
      const mistyped = await send(w, survey({ trackingNumber: swapped, kecamatanCode: undefined }));
      expect(mistyped.status).toBe(400);
      expect(await codeOf(mistyped)).toBe("tracking_mistyped");
    }
    const malformed = await send(w, survey({ trackingNumber: "hello", kecamatanCode: undefined }));
    expect(malformed.status).toBe(400);
    expect(await codeOf(malformed)).toBe("tracking_malformed");
    expect(await rows()).toHaveLength(0);
  });

  it("answers 404 survey_file_not_found for a well-formed number no file holds", async () => {
    const file = await decidedFile(w);
    await rawRun(w.env.db, sql`UPDATE applications SET tracking_number = NULL WHERE id = ${file.id}`);
    const response = await send(w, survey({ trackingNumber: file.number, kecamatanCode: undefined }));
    expect(response.status).toBe(404);
    expect(await codeOf(response)).toBe("survey_file_not_found");
  });

  it("needs an office without a file, a known one, and a published service", async () => {
    const noOffice = await send(w, survey({ kecamatanCode: undefined }));
    expect(noOffice.status).toBe(400);
    expect(await codeOf(noOffice)).toBe("survey_office_required");
    const unknownOffice = await send(w, survey({ kecamatanCode: "31.79.99" }));
    expect(unknownOffice.status).toBe(400);
    expect(await codeOf(unknownOffice)).toBe("invalid_body");
    const unknownGuide = await send(w, survey({ guideId: "no-such-service" }));
    expect(unknownGuide.status).toBe(404);
    expect(await codeOf(unknownGuide)).toBe("guide_not_found");
    expect(await rows()).toHaveLength(0);
  });

  it.each([
    ["a score of 0", { answers: { ...answers(4), U3: 0 } }],
    ["a score of 5", { answers: { ...answers(4), U3: 5 } }],
    ["a missing element", { answers: Object.fromEntries(Object.entries(answers(4)).slice(1)) }],
    ["an extra element", { answers: { ...answers(4), U10: 4 } }],
    ["an extra key", { respondentName: "Siti" }],
    ["a non-uuid id", { id: "queued-1" }],
    ["a suggestion over 1,000 characters", { suggestion: "a".repeat(1001) }],
    ["another questionnaire", { questionnaire: "permenpanrb-99-2030" }],
    ["an unknown channel", { channel: "fax" }],
    ["a profile band that does not exist", { profile: { ageBand: "33" } }],
    ["a birth date in the profile", { profile: { birthDate: "1990-03-12" } }],
  ])("refuses %s (400 invalid_body)", async (_label, change) => {
    const response = await send(w, { ...survey(), ...change });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; details?: { issues?: unknown[] } } };
    expect(body.error.code).toBe("invalid_body");
    expect(body.error.details?.issues?.length).toBeGreaterThan(0);
    expect(await rows()).toHaveLength(0);
  });

  it("refuses a body that is too large (413)", async () => {
    const response = await send(w, JSON.stringify({ ...survey(), padding: "x".repeat(64 * 1024) }));
    expect(response.status).toBe(413);
    expect(await codeOf(response)).toBe("body_too_large");
  });

  it("masks identity numbers, phones and e-mail addresses in the suggestion before storing it", async () => {
    const body = survey({ suggestion: "NIK 3171015203900001, WA 081298765432, siti@example.com: loket lambat" });
    expect((await send(w, body)).status).toBe(201);
    expect((await rows())[0]?.suggestion).toBe(`NIK ${REDACTED}, WA ${REDACTED}, ${REDACTED}: loket lambat`);
  });

  it("counts a response on the Jakarta date it was answered, unless the phone's clock cannot be right", () => {
    const now = new Date(NOW);
    expect(answeredOnOf("2026-11-30T18:00:00.000Z", now)).toBe("2026-12-01");
    expect(answeredOnOf("2026-12-02T03:04:00.000Z", now)).toBe("2026-12-02");
    expect(answeredOnOf("2027-06-01T00:00:00.000Z", now)).toBe("2026-12-02");
    expect(answeredOnOf("2024-06-01T00:00:00.000Z", now)).toBe("2026-12-02");
    // Up to 30 days late it counts when answered; later, on arrival (a published period stays as published).
    expect(answeredOnOf("2026-11-02T03:00:00.000Z", now)).toBe("2026-11-02");
    expect(answeredOnOf("2026-11-02T02:59:59.000Z", now)).toBe("2026-12-02");
    expect(answeredOnOf("2026-06-15T03:00:00.000Z", now)).toBe("2026-12-02");
    // Five minutes of a fast clock are allowed, not six.
    expect(answeredOnOf("2026-12-02T03:05:00.000Z", now)).toBe("2026-12-02");
    expect(answeredOnOf("2026-12-01T20:00:00.000Z", new Date("2026-12-01T16:56:00.000Z"))).toBe("2026-12-01");
  });

  it("stores a response answered in the first half-year but sent in December on its arrival day", async () => {
    expect((await send(w, survey({ answeredAt: "2026-06-20T03:00:00.000Z" }))).status).toBe(201);
    expect((await rows())[0]?.answered_on).toBe("2026-12-02");
  });
});

describe("the flood limit", () => {
  it("answers 429 with Retry-After past the budget and stores nothing more", async () => {
    await closeWorld(w);
    w = await world({ limit: { perMinute: 3 } });
    for (let i = 0; i < 3; i++) expect((await send(w, survey())).status).toBe(201);
    const refused = await send(w, survey());
    expect(refused.status).toBe(429);
    const { error } = (await refused.clone().json()) as { error: { details: { budget: string } } };
    expect(error.details.budget).toBe("address");
    expect(await codeOf(refused)).toBe("rate_limited");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await rows()).toHaveLength(3);
  });
});

describe("the office's daily budget for responses without a file", () => {
  const withoutFile = async () =>
    (await rawGet<{ n: number }>(w.env.db, sql`SELECT count(*) AS n FROM skm_responses WHERE application_id IS NULL`))
      ?.n;

  it("refuses the office's responses without a file past the budget with 429 naming it, not a file's response", async () => {
    await closeWorld(w);
    w = await world({ limit: { perMinute: 10_000, officeDailyWithoutFile: 3 } });
    for (let i = 0; i < 3; i++) expect((await send(w, survey())).status).toBe(201);
    const refused = await send(w, survey());
    expect(refused.status).toBe(429);
    const { error } = (await refused.json()) as { error: { code: string; details: Record<string, unknown> } };
    expect(error.code).toBe("rate_limited");
    expect(error.details).toMatchObject({ budget: "office-daily-without-file", kecamatanCode: KEC });
    // Until the next Jakarta day (midnight is 17:00 UTC; now is 03:00 UTC): 14 hours.
    expect(Number(refused.headers.get("Retry-After"))).toBe(14 * 3600);
    expect(await withoutFile()).toBe(3);
    // Another office has its own budget, and a decided file's response is not counted against it.
    expect((await send(w, survey({ kecamatanCode: OTHER_KEC }))).status).toBe(201);
    const file = await decidedFile(w);
    const filed = survey({ channel: "citizen-phone", trackingNumber: file.number, kecamatanCode: undefined });
    expect((await send(w, filed)).status).toBe(201);
    // The next Jakarta day the budget is whole again.
    at("2026-12-02T17:00:00.000Z");
    expect((await send(w, survey({ answeredAt: "2026-12-02T17:00:00.000Z" }))).status).toBe(201);
  });

  it("answers a resend of a stored response as a duplicate even when the budget is spent", async () => {
    await closeWorld(w);
    w = await world({ limit: { perMinute: 10_000, officeDailyWithoutFile: 1 } });
    const body = survey();
    expect((await send(w, body)).status).toBe(201);
    const again = await send(w, body);
    expect(again.status).toBe(200);
    expect(SurveyAccepted.parse(await again.json())).toEqual({ id: body.id, duplicate: true });
    expect((await send(w, survey())).status).toBe(429);
  });

  it("allows 300 a day by default", async () => {
    for (let i = 0; i < 300; i++) {
      const response = await send(w, survey());
      if (response.status !== 201) throw new Error(`response ${i}: ${response.status}`);
    }
    const refused = await send(w, survey());
    expect(refused.status).toBe(429);
    expect(await withoutFile()).toBe(300);
    // 301 submissions in a row: seconds alone, more on a busy machine (a budget for the work, not a timing).
  }, 90_000);
});
