import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawAll } from "../../server/db/raw";
import { SkmConsoleReport, SkmFollowUp } from "../../shared/api/skm";
import { SKM_ELEMENT_IDS } from "../../shared/skm/questionnaire";
import { REDACTED } from "../../shared/skm/redact";
import type { TestUser } from "../helpers/accounts";
import {
  answers,
  closeWorld,
  codeOf,
  decidedFile,
  GUIDE,
  KEC,
  OTHER_KEC,
  PERSON,
  request,
  send,
  survey,
  type World,
  world,
} from "./skm-fixtures";

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(() => closeWorld(w));

async function report(user: TestUser, query = ""): Promise<SkmConsoleReport> {
  const response = await request(w, "GET", `/api/console/skm${query}`, user);
  expect(response.status, await response.clone().text()).toBe(200);
  return SkmConsoleReport.parse(await response.json());
}

describe("who may read the console's SKM report and CSV", () => {
  it.each(["/api/console/skm", "/api/console/skm/responses.csv"])("%s: signed out 401, cadre 403", async (path) => {
    expect((await request(w, "GET", path, null)).status).toBe(401);
    const cadre = await request(w, "GET", path, w.cadre);
    expect(cadre.status).toBe(403);
  });

  it.each(["/api/console/skm", "/api/console/skm/responses.csv"])(
    "%s: an operator gets their own kecamatan and is refused another (403 forbidden)",
    async (path) => {
      expect((await request(w, "GET", path, w.operator)).status).toBe(200);
      expect((await request(w, "GET", `${path}?kecamatan=${KEC}`, w.operator)).status).toBe(200);
      const other = await request(w, "GET", `${path}?kecamatan=${OTHER_KEC}`, w.operator);
      expect(other.status).toBe(403);
      expect(await codeOf(other)).toBe("forbidden");
    },
  );

  it("scopes an operator's report to their kecamatan, an admin's to what they ask (Jakarta-wide by default)", async () => {
    expect((await send(w, survey())).status).toBe(201);
    expect((await send(w, survey({ kecamatanCode: OTHER_KEC, answers: answers(1) }))).status).toBe(201);
    const own = await report(w.operator);
    expect(own.results).toMatchObject({ kecamatanCode: KEC, respondents: 1, ikm: 100 });
    const other = await report(w.otherOperator);
    expect(other.results).toMatchObject({ kecamatanCode: OTHER_KEC, respondents: 1, ikm: 25 });
    const all = await report(w.admin);
    expect(all.results).toMatchObject({ kecamatanCode: null, respondents: 2, ikm: 62.5 });
    expect((await report(w.admin, `?kecamatan=${OTHER_KEC}`)).results.respondents).toBe(1);
  });

  it("refuses a bad period or query in the console too", async () => {
    const period = await request(w, "GET", "/api/console/skm?period=2026-Q1", w.admin);
    expect(period.status).toBe(400);
    expect(await codeOf(period)).toBe("skm_period_invalid");
    const kecamatan = await request(w, "GET", "/api/console/skm?kecamatan=31.79.99", w.admin);
    expect(kecamatan.status).toBe(400);
    expect(await codeOf(kecamatan)).toBe("invalid_query");
  });
});

describe("suggestions", () => {
  it("lists the masked text, newest first, with only the date and service", async () => {
    expect(
      (await send(w, survey({ suggestion: "Ruang tunggu panas", answeredAt: "2026-11-02T03:00:00.000Z" }))).status,
    ).toBe(201);
    expect(
      (
        await send(
          w,
          survey({ suggestion: "Hubungi saya 081298765432", guideId: GUIDE, answeredAt: "2026-12-01T03:00:00.000Z" }),
        )
      ).status,
    ).toBe(201);
    expect((await send(w, survey())).status).toBe(201);
    const { suggestions, moreSuggestions } = await report(w.operator);
    expect(suggestions).toEqual([
      { answeredOn: "2026-12-01", guideId: GUIDE, text: `Hubungi saya ${REDACTED}` },
      { answeredOn: "2026-11-02", guideId: null, text: "Ruang tunggu panas" },
    ]);
    expect(moreSuggestions).toBe(false);
  });

  it("lists 50 and says there are more", async () => {
    for (let i = 0; i < 51; i++) expect((await send(w, survey({ suggestion: `Saran ${i}` }))).status).toBe(201);
    const { suggestions, moreSuggestions } = await report(w.operator);
    expect(suggestions).toHaveLength(50);
    expect(moreSuggestions).toBe(true);
  });
});

describe("follow-up plans", () => {
  const plan = {
    period: "2026-S2",
    elementId: "U3",
    action: "Tambah loket sore",
    owner: "Kasi Pelayanan",
    dueDate: "2027-01-31",
  };

  async function create(user: TestUser, body: unknown = plan): Promise<Response> {
    return request(w, "POST", "/api/console/skm/follow-ups", user, body);
  }

  function auditRows() {
    return rawAll<{
      action: string;
      target_type: string;
      target_id: string;
      kecamatan_code: string | null;
      before: string | null;
      after: string | null;
    }>(
      w.env.db,
      sql`SELECT action, target_type, target_id, kecamatan_code, before, after FROM audit_log
        WHERE action LIKE 'skm.%' ORDER BY id`,
    );
  }

  it("are planned, changed, done and removed by the office, each change in the audit log", async () => {
    const created = await create(w.operator, { ...plan, kecamatanCode: KEC });
    expect(created.status).toBe(201);
    const followUp = SkmFollowUp.parse(await created.json());
    expect(followUp).toMatchObject({ kecamatanCode: KEC, elementId: "U3", doneAt: null, version: 1 });

    // It is part of the published figures.
    const published = await request(w, "GET", `/api/skm/results?kecamatan=${KEC}`, null);
    expect(((await published.json()) as { followUps: SkmFollowUp[] }).followUps).toEqual([followUp]);

    const path = `/api/console/skm/follow-ups/${followUp.id}`;
    const done = await request(w, "PATCH", path, w.operator, { version: 1, done: true, owner: "Sekcam" });
    expect(done.status).toBe(200);
    const doneBody = SkmFollowUp.parse(await done.json());
    expect(doneBody).toMatchObject({ owner: "Sekcam", version: 2, doneAt: new Date().toISOString() });

    const stale = await request(w, "PATCH", path, w.operator, { version: 1, done: false });
    expect(stale.status).toBe(409);
    expect(await codeOf(stale)).toBe("version_conflict");

    const reopened = await request(w, "PATCH", path, w.operator, { version: 2, done: false });
    expect(SkmFollowUp.parse(await reopened.json())).toMatchObject({ doneAt: null, version: 3 });

    expect((await request(w, "DELETE", path, w.operator)).status).toBe(204);
    expect((await request(w, "DELETE", path, w.operator)).status).toBe(404);

    const audit = await auditRows();
    expect(audit.map((row) => row.action)).toEqual([
      "skm.follow-up.create",
      "skm.follow-up.update",
      "skm.follow-up.update",
      "skm.follow-up.delete",
    ]);
    expect(audit.every((row) => row.target_id === followUp.id && row.kecamatan_code === KEC)).toBe(true);
    const fields = ["action", "doneAt", "dueDate", "elementId", "id", "kecamatanCode", "owner", "period", "version"];
    expect(Object.keys(JSON.parse(audit[1]?.before ?? "{}")).sort()).toEqual(fields);
    expect(JSON.parse(audit[1]?.after ?? "{}")).toMatchObject({ owner: "Sekcam", version: 2 });
    expect(audit[3]?.after).toBeNull();
  });

  it("keep an operator to their own kecamatan; others' plans are unknown to them", async () => {
    const refused = await create(w.operator, { ...plan, kecamatanCode: OTHER_KEC });
    expect(refused.status).toBe(403);
    const own = SkmFollowUp.parse(await (await create(w.operator)).json());
    expect(own.kecamatanCode).toBe(KEC);
    const path = `/api/console/skm/follow-ups/${own.id}`;
    const patch = await request(w, "PATCH", path, w.otherOperator, { version: 1, done: true });
    expect(patch.status).toBe(404);
    expect(await codeOf(patch)).toBe("follow_up_not_found");
    expect((await request(w, "DELETE", path, w.otherOperator)).status).toBe(404);
    expect((await request(w, "PATCH", path, w.cadre, { version: 1, done: true })).status).toBe(403);
    expect((await request(w, "PATCH", path, null, { version: 1, done: true })).status).toBe(401);
    // An admin may change any, and plan for all of Jakarta.
    expect((await request(w, "PATCH", path, w.admin, { version: 1, done: true })).status).toBe(200);
    const jakarta = SkmFollowUp.parse(await (await create(w.admin)).json());
    expect(jakarta.kecamatanCode).toBeNull();
    expect(await auditRows()).toHaveLength(3);
  });

  it.each([
    ["an unknown element", { ...plan, elementId: "U10" }, "invalid_body"],
    ["an empty action", { ...plan, action: " " }, "invalid_body"],
    ["a bad date", { ...plan, dueDate: "31-01-2027" }, "invalid_body"],
    ["an extra key", { ...plan, note: "x" }, "invalid_body"],
    ["a bad period", { ...plan, period: "2026-S9" }, "skm_period_invalid"],
  ])("refuses %s", async (_label, body, code) => {
    const response = await create(w.admin, body);
    expect(response.status).toBe(400);
    expect(await codeOf(response)).toBe(code);
    expect(await auditRows()).toHaveLength(0);
  });

  it("answers 404 follow_up_not_found for an unknown plan", async () => {
    const response = await request(
      w,
      "PATCH",
      "/api/console/skm/follow-ups/0b8c7f4e-2b1a-4c55-9d3e-6f1a2b3c4d5e",
      w.admin,
      {
        version: 1,
        done: true,
      },
    );
    expect(response.status).toBe(404);
    expect(await codeOf(response)).toBe("follow_up_not_found");
  });
});

describe("GET /api/console/skm/responses.csv", () => {
  it("holds the scores, bands and masked suggestions, and nothing that leads to a file or a person", async () => {
    const file = await decidedFile(w);
    const body = survey({
      trackingNumber: file.number,
      kecamatanCode: undefined,
      channel: "cadre-phone",
      answers: answers(4, 3, 2, 4, 3, 3, 4, 1, 3),
      profile: { ageBand: "30-39", sex: "P", education: "sma", occupation: "wirausaha" },
      suggestion: `Saya ${PERSON.fullName.split(" ")[0]}, NIK ${PERSON.nik}, telp ${PERSON.phone}`,
    });
    expect((await send(w, body)).status).toBe(201);
    expect((await send(w, survey({ kecamatanCode: OTHER_KEC }))).status).toBe(201);

    const response = await request(w, "GET", "/api/console/skm/responses.csv?period=2026-S2", w.operator);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const csv = (await response.text()).replace(/^\uFEFF/, "");
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      [
        "date",
        "kecamatan",
        "service",
        "channel",
        ...SKM_ELEMENT_IDS,
        "ageBand",
        "sex",
        "education",
        "occupation",
        "suggestion",
      ].join(","),
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      `2026-12-02,${KEC},${GUIDE},cadre-phone,4,3,2,4,3,3,4,1,3,30-39,P,sma,wirausaha,"Saya Siti, NIK ${REDACTED}, telp ${REDACTED}"`,
    );
    for (const secret of [file.number, file.id, body.id, PERSON.nik, PERSON.kk, PERSON.phone, PERSON.fullName]) {
      expect(csv).not.toContain(secret);
    }
  });

  it("gives an admin every office's responses, or one office's", async () => {
    expect((await send(w, survey())).status).toBe(201);
    expect((await send(w, survey({ kecamatanCode: OTHER_KEC }))).status).toBe(201);
    const all = await (await request(w, "GET", "/api/console/skm/responses.csv", w.admin)).text();
    expect(all.trim().split(/\r?\n/)).toHaveLength(3);
    const one = await (
      await request(w, "GET", `/api/console/skm/responses.csv?kecamatan=${OTHER_KEC}`, w.admin)
    ).text();
    expect(one.trim().split(/\r?\n/)).toHaveLength(2);
  });
});
