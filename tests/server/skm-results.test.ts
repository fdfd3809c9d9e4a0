import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawRun } from "../../server/db/raw";
import { jsonNumber } from "../../server/db/sql-fns";
import { SkmResults } from "../../shared/api/skm";
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

/** The three respondents of the unit test's hand-computed set: NRRs 3.333 … 3, IKM 75.00 (C). */
const HAND_SET = [
  answers(4, 3, 2, 4, 3, 3, 4, 1, 3),
  answers(3, 3, 2, 4, 4, 3, 4, 2, 2),
  answers(3, 2, 2, 4, 3, 3, 3, 3, 4),
];
const SECRET_SUGGESTION = "Petugas loket dua minta uang rokok";

/** Two decided files answered through their numbers, one response at the office, and two that must not count here. */
async function seed(): Promise<{ numbers: string[] }> {
  const approved = await decidedFile(w, "approved");
  const rejected = await decidedFile(w, "rejected");
  const [first, second, third] = HAND_SET;
  const sent = [
    survey({ trackingNumber: approved.number, kecamatanCode: undefined, answers: first, channel: "cadre-phone" }),
    survey({
      trackingNumber: rejected.number,
      kecamatanCode: undefined,
      answers: second,
      suggestion: SECRET_SUGGESTION,
    }),
    survey({ answers: third, guideId: "akta-kelahiran" }),
    // Another office: not in this office's figures.
    survey({ kecamatanCode: OTHER_KEC, answers: answers(1) }),
  ];
  for (const body of sent) expect((await send(w, body)).status).toBe(201);
  // This office's first half-year, sent then (a response answered over 30 days before it arrives counts on arrival).
  at("2026-06-30T11:00:00.000Z");
  expect((await send(w, survey({ answers: answers(1), answeredAt: "2026-06-30T10:00:00.000Z" }))).status).toBe(201);
  at(NOW);
  return { numbers: [approved.number, rejected.number] };
}

async function results(query: string): Promise<{ body: SkmResults; raw: string }> {
  const response = await request(w, "GET", `/api/skm/results${query}`, null);
  expect(response.status, await response.clone().text()).toBe(200);
  const raw = await response.text();
  return { body: SkmResults.parse(JSON.parse(raw)), raw };
}

describe("GET /api/skm/results", () => {
  it("equals the hand-computed index of the office's half-year, with its population and sample", async () => {
    await seed();
    const { body } = await results(`?period=2026-S2&kecamatan=${KEC}`);
    expect(body).toMatchObject({
      period: "2026-S2",
      from: "2026-07-01",
      to: "2026-12-31",
      kecamatanCode: KEC,
      office: { id: "Kecamatan Gambir" },
      guideId: null,
      respondents: 3,
      // The third answered at the office without a tracking number.
      withoutFile: 1,
      population: 2,
      minimumSample: 2,
      sampleEnough: true,
      ikm: 75,
      category: "C",
    });
    expect(body.elements.map((element) => element.elementId)).toEqual([
      "U1",
      "U2",
      "U3",
      "U4",
      "U5",
      "U6",
      "U7",
      "U8",
      "U9",
    ]);
    expect(body.elements.map((element) => element.nrr)).toEqual([3.333, 2.667, 2, 4, 3.333, 3, 3.667, 2, 3]);
    expect(body.elements.map((element) => element.score)).toEqual([83.33, 66.67, 50, 100, 83.33, 75, 91.67, 50, 75]);
    expect(body.elements[0]?.name.id).toBe("Persyaratan");
  });

  it("narrows to a service: respondents and population of that service only", async () => {
    await seed();
    const { body } = await results(`?period=2026-S2&kecamatan=${KEC}&service=${GUIDE}`);
    expect(body).toMatchObject({ guideId: GUIDE, respondents: 2, population: 2 });
    // (4+3+2+4+3+3+4+1+3) + (3+3+2+4+4+3+4+2+2) = 54 over 18 answers: 3 × 25 = 75.
    expect(body.ikm).toBe(75);
  });

  it("counts the first half-year on its own, and the whole year together", async () => {
    await seed();
    const s1 = (await results(`?period=2026-S1&kecamatan=${KEC}`)).body;
    expect(s1).toMatchObject({ respondents: 1, ikm: 25, category: "D", population: 0, minimumSample: 0 });
    const year = (await results(`?period=2026&kecamatan=${KEC}`)).body;
    // 81 + 9 over 36 answers: 2.5 × 25 = 62.5.
    expect(year).toMatchObject({ respondents: 4, ikm: 62.5, category: "D" });
  });

  it("is Jakarta-wide without a kecamatan, and the current half-year without a period", async () => {
    await seed();
    const { body } = await results("");
    expect(body).toMatchObject({
      period: "2026-S2",
      kecamatanCode: null,
      office: { id: "DKI Jakarta" },
      respondents: 4,
      population: 2,
    });
  });

  it("says so when the sample is not enough", async () => {
    await decidedFile(w, "rejected");
    await decidedFile(w, "rejected");
    expect((await send(w, survey())).status).toBe(201);
    const { body } = await results(`?kecamatan=${KEC}`);
    expect(body).toMatchObject({ respondents: 1, population: 2, minimumSample: 2, sampleEnough: false });
    // A file decided after that read counts at once (the remembered population follows the files' change counter).
    await decidedFile(w, "approved");
    expect((await results(`?kecamatan=${KEC}`)).body).toMatchObject({ population: 3, minimumSample: 3 });
  });

  it("has no index, but still lists the elements, when nobody answered", async () => {
    const { body } = await results(`?kecamatan=${KEC}`);
    expect(body).toMatchObject({ respondents: 0, ikm: null, category: null, population: 0, sampleEnough: false });
    expect(body.elements.every((element) => element.nrr === null)).toBe(true);
  });

  it("publishes figures only: no suggestion, no tracking number, no file", async () => {
    const { numbers } = await seed();
    for (const query of [`?kecamatan=${KEC}`, "", `?kecamatan=${KEC}&service=${GUIDE}`]) {
      const { raw } = await results(query);
      expect(raw).not.toContain(SECRET_SUGGESTION);
      expect(raw).not.toContain("uang rokok");
      for (const number of numbers) expect(raw).not.toContain(number);
      // (The element U8's name says "suggestions": look for keys, not words.)
      expect(raw).not.toMatch(/"(applicationId|trackingNumber|number|suggestions?|text|profile|answers)":/);
    }
  });

  it("stays right as responses arrive after a read (the cached tally is topped up), and after a deletion", async () => {
    expect((await send(w, survey({ answers: answers(4) }))).status).toBe(201);
    expect((await results(`?kecamatan=${KEC}`)).body).toMatchObject({ respondents: 1, withoutFile: 1, ikm: 100 });
    // A file's response tops the tally up without adding to the responses without a file.
    const file = await decidedFile(w);
    const filed = survey({ trackingNumber: file.number, kecamatanCode: undefined, answers: answers(4) });
    expect((await send(w, filed)).status).toBe(201);
    expect((await results(`?kecamatan=${KEC}`)).body).toMatchObject({ respondents: 2, withoutFile: 1 });
    await rawRun(w.env.db, sql`DELETE FROM skm_responses WHERE application_id IS NOT NULL`);
    expect((await results("")).body).toMatchObject({ respondents: 1, ikm: 100 });
    expect((await send(w, survey({ answers: answers(1) }))).status).toBe(201);
    expect((await send(w, survey({ kecamatanCode: OTHER_KEC, answers: answers(1) }))).status).toBe(201);
    expect((await results(`?kecamatan=${KEC}`)).body).toMatchObject({ respondents: 2, ikm: 62.5 });
    expect((await results("")).body).toMatchObject({ respondents: 3, ikm: 50 });
    // Nothing deletes responses; if something ever does, the figures are counted afresh.
    await rawRun(w.env.db, sql`DELETE FROM skm_responses WHERE kecamatan_code = ${OTHER_KEC}`);
    expect((await results("")).body).toMatchObject({ respondents: 2, ikm: 62.5 });
    await rawRun(w.env.db, sql`DELETE FROM skm_responses WHERE ${jsonNumber(sql`answers`, ["U1"])} = 1`);
    expect((await send(w, survey({ answers: answers(2) }))).status).toBe(201);
    expect((await results(`?kecamatan=${KEC}`)).body).toMatchObject({ respondents: 2, ikm: 75 });
    // Jakarta-wide was last counted at two rows: one deleted and one added leave two, but not the same two.
    expect((await results("")).body).toMatchObject({ respondents: 2, ikm: 75 });
  });

  it.each([
    ["?period=2026-S3", 400, "skm_period_invalid"],
    ["?period=last-year", 400, "skm_period_invalid"],
    ["?kecamatan=31.79.99", 400, "invalid_query"],
    ["?kecamatan=gambir", 400, "invalid_query"],
    ["?service=Not%20A%20Slug", 400, "invalid_query"],
    ["?period=2026&period=2025", 400, "invalid_query"],
    ["?name=siti", 400, "invalid_query"],
  ])("refuses %s (%i %s)", async (query, status, code) => {
    const response = await request(w, "GET", `/api/skm/results${query}`, null);
    expect(response.status).toBe(status);
    expect(await codeOf(response)).toBe(code);
  });
});

describe("GET /api/skm/offices", () => {
  it("lists Jakarta's kecamatan by code and name for the public page's picker", async () => {
    const response = await request(w, "GET", "/api/skm/offices", null);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { offices: { code: string; name: string }[] };
    expect(body.offices).toContainEqual({ code: KEC, name: "Gambir" });
    expect(body.offices.length).toBeGreaterThan(40);
  });
});
