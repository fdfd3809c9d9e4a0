import { describe, expect, it } from "vitest";
import { krejcieMorgan, skmCategory, skmIndex, sumAnswers } from "../../shared/skm/ikm";
import { SKM_ELEMENT_IDS, SKM_QUESTIONNAIRE, type SkmQuestionnaire } from "../../shared/skm/questionnaire";
import { REDACTED, redactSuggestion } from "../../shared/skm/redact";

/** A response giving every element the same score. */
const all = (score: number) => Object.fromEntries(SKM_ELEMENT_IDS.map((id) => [id, score]));
/** A response from nine scores in U1…U9 order. */
const scores = (...values: number[]) => Object.fromEntries(SKM_ELEMENT_IDS.map((id, i) => [id, values[i] ?? 0]));

function indexOf(responses: Record<string, number>[]) {
  const { respondents, sums } = sumAnswers(responses);
  return skmIndex(respondents, sums);
}

describe("the IKM (PermenPANRB 14/2017)", () => {
  it("is exactly 100 when everyone answers 4 (not 99, as the rounded weight 0.11 would give)", () => {
    const index = indexOf([all(4), all(4), all(4)]);
    expect(index.ikm).toBe(100);
    expect(index.category).toBe("A");
    expect(index.elements.every((element) => element.nrr === 4 && element.score === 100)).toBe(true);
  });

  it("is exactly 25 when everyone answers 1", () => {
    const index = indexOf([all(1), all(1)]);
    expect(index.ikm).toBe(25);
    expect(index.category).toBe("D");
  });

  it("matches a hand-computed set of three respondents", () => {
    // U1: 4+3+3 = 10 → NRR 3.333; U2: 3+3+2 = 8 → 2.667; U3: 2+2+2 = 6 → 2; U4: 4+4+4 = 12 → 4;
    // U5: 3+4+3 = 10; U6: 3+3+3 = 9 → 3; U7: 4+4+3 = 11 → 3.667; U8: 1+2+3 = 6 → 2; U9: 3+2+4 = 9 → 3.
    // Sum of all scores 81 over 27 answers: mean NRR 3, IKM 75.00 (C).
    const index = indexOf([
      scores(4, 3, 2, 4, 3, 3, 4, 1, 3),
      scores(3, 3, 2, 4, 4, 3, 4, 2, 2),
      scores(3, 2, 2, 4, 3, 3, 3, 3, 4),
    ]);
    expect(index.respondents).toBe(3);
    expect(index.elements.map((element) => element.nrr)).toEqual([3.333, 2.667, 2, 4, 3.333, 3, 3.667, 2, 3]);
    expect(index.elements.map((element) => element.score)).toEqual([83.33, 66.67, 50, 100, 83.33, 75, 91.67, 50, 75]);
    expect(index.elements.map((element) => element.category)).toEqual(["B", "C", "D", "A", "B", "C", "A", "D", "C"]);
    expect(index.ikm).toBe(75);
    expect(index.category).toBe("C");
  });

  it("rounds the mean of the NRRs to two decimals, half up", () => {
    // Two respondents: one all 4, one all 3 but U1 = 4 → total 36 + 28 = 64 over 18 answers: 3.5556 × 25 = 88.888… → 88.89.
    const index = indexOf([all(4), { ...all(3), U1: 4 }]);
    expect(index.ikm).toBe(88.89);
    expect(index.category).toBe("A");
    // One respondent with eight 4s and one 3: 35 / 9 × 25 = 97.222… → 97.22.
    expect(indexOf([{ ...all(4), U9: 3 }]).ikm).toBe(97.22);
    // Eight respondents, one 3 among 72 answers: 287/72 × 25 = 99.6527… → 99.65.
    expect(indexOf([...Array.from({ length: 7 }, () => all(4)), { ...all(4), U5: 3 }]).ikm).toBe(99.65);
  });

  it("has no index without respondents", () => {
    const index = skmIndex(0, {});
    expect(index).toMatchObject({ respondents: 0, ikm: null, category: null });
    expect(index.elements).toHaveLength(SKM_ELEMENT_IDS.length);
    expect(index.elements.every((element) => element.nrr === null && element.category === null)).toBe(true);
  });

  it("follows the questionnaire's elements, however many there are", () => {
    const three: SkmQuestionnaire = { ...SKM_QUESTIONNAIRE, elements: SKM_QUESTIONNAIRE.elements.slice(0, 3) };
    // 4 + 4 + 1 over 3 → 3 → 75.
    const index = skmIndex(1, { U1: 4, U2: 4, U3: 1, U4: 1 }, three);
    expect(index.elements.map((element) => element.elementId)).toEqual(["U1", "U2", "U3"]);
    expect(index.ikm).toBe(75);
  });
});

describe("the quality category", () => {
  it.each([
    [100, "A"],
    [88.31, "A"],
    [88.3, "B"],
    [76.61, "B"],
    [76.6, "C"],
    [65, "C"],
    [64.99, "D"],
    [25, "D"],
  ])("%s is %s", (value, category) => {
    expect(skmCategory(value)).toBe(category);
  });

  it("reads the published two-decimal value (88.305 published as 88.31 is A; 88.304 as 88.30 is B)", () => {
    expect(skmCategory(88.305)).toBe("A");
    expect(skmCategory(88.304)).toBe("B");
  });
});

describe("Krejcie–Morgan minimum sample", () => {
  it.each([
    [0, 0],
    [1, 1],
    [10, 10],
    [15, 14],
    [20, 19],
    [50, 44],
    [100, 80],
    [150, 108],
    [200, 132],
    [300, 169],
    [500, 217],
    [1000, 278],
    [2000, 322],
    [5000, 357],
    [10000, 370],
    [50000, 381],
    [75000, 382],
    [1000000, 384],
  ])("N = %i → %i (the published table)", (population, sample) => {
    expect(krejcieMorgan(population)).toBe(sample);
  });

  it("never asks for more respondents than the population", () => {
    for (let n = 0; n <= 2000; n++) expect(krejcieMorgan(n)).toBeLessThanOrEqual(n);
  });
});

describe("suggestion redaction", () => {
  it.each([
    ["NIK saya 3171015203900001 tolong dicek", `NIK saya ${REDACTED} tolong dicek`],
    ["KK 3171 0115 0120 0003", `KK ${REDACTED}`],
    ["hubungi 081298765432 ya", `hubungi ${REDACTED} ya`],
    ["WA +62 812-9876-5432", `WA ${REDACTED}`],
    ["telp 6281298765432.", `telp ${REDACTED}.`],
    ["kantor (021) 3456789", `kantor ${REDACTED}`],
    ["email siti.aminah@gmail.com saja", `email ${REDACTED} saja`],
  ])("masks %j", (text, masked) => {
    expect(redactSuggestion(text)).toBe(masked);
  });

  it.each([
    "Pelayanan cepat, terima kasih. Antrean 15 menit.",
    "Biaya Rp 50.000 terlalu mahal untuk tahun 2026",
    "Loket 3 buka jam 08.00 sampai 16.00",
    "Biaya Rp 62.500.000 tidak wajar",
  ])("leaves ordinary text alone: %j", (text) => {
    expect(redactSuggestion(text)).toBe(text);
  });
});
