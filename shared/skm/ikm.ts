import type { SkmCategory } from "../api/skm";
import { SKM_QUESTIONNAIRE, type SkmQuestionnaire } from "./questionnaire";

/**
 * The satisfaction index as PermenPANRB 14/2017 defines it, on plain numbers
 * (the server sums the scores in SQL; the tests and the bench's reference sum
 * them here).
 *
 * - NRR (nilai rata-rata) of an element = the sum of its scores / respondents.
 * - IKM = the mean of the elements' NRRs × 25, on 25–100. The regulation
 *   prints the weight as 0.11 (1/9 rounded); used literally it caps the index
 *   at 99, so the mean is taken with 1/n for n elements.
 * - The category is read from the value rounded to two decimals, the way it is
 *   published, on the official intervals (A 88.31–100, B 76.61–88.30,
 *   C 65.00–76.60, D 25.00–64.99).
 *
 * Every element is answered in every response (shared/api/skm.ts), so all
 * elements share one denominator and the two-decimal rounding is done on
 * integers: no binary fraction can push 88.305 to either side by accident.
 */

/** The lower bounds of the categories, in hundredths of an index point, best first. */
const CATEGORY_FLOORS: readonly (readonly [SkmCategory, number])[] = [
  ["A", 8831],
  ["B", 7661],
  ["C", 6500],
  ["D", 0],
];

/** The regulation's category of an index (or element score) value, given to two decimals. */
export function skmCategory(value: number): SkmCategory {
  const hundredths = Math.round(value * 100);
  for (const [category, floor] of CATEGORY_FLOORS) if (hundredths >= floor) return category;
  return "D";
}

/** The category name printed beside the letter on the public notice. */
export const SKM_CATEGORY_NAMES: Readonly<Record<SkmCategory, { id: string; en: string }>> = {
  A: { id: "Sangat baik", en: "Very good" },
  B: { id: "Baik", en: "Good" },
  C: { id: "Kurang baik", en: "Poor" },
  D: { id: "Tidak baik", en: "Very poor" },
};

/** numerator / denominator rounded half up to an integer, exactly (both are non-negative integers). */
function roundedQuotient(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

export interface SkmElementIndex {
  elementId: string;
  /** The element's mean score, 1–4, to three decimals (null: nobody answered). */
  nrr: number | null;
  /** NRR × 25 to two decimals. */
  score: number | null;
  category: SkmCategory | null;
}

export interface SkmIndex {
  respondents: number;
  /** In the questionnaire's order. */
  elements: SkmElementIndex[];
  /** 25–100 to two decimals (null: no respondents). */
  ikm: number | null;
  category: SkmCategory | null;
}

/**
 * The index of `respondents` responses whose scores add up to `sums` per
 * element id. Elements are those of the questionnaire (data, not a fixed nine).
 */
export function skmIndex(
  respondents: number,
  sums: Readonly<Record<string, number>>,
  questionnaire: SkmQuestionnaire = SKM_QUESTIONNAIRE,
): SkmIndex {
  const n = Math.max(0, Math.trunc(respondents));
  const elements = questionnaire.elements.map((element): SkmElementIndex => {
    const sum = sums[element.id] ?? 0;
    if (n === 0) return { elementId: element.id, nrr: null, score: null, category: null };
    const score = roundedQuotient(2500 * sum, n) / 100;
    return {
      elementId: element.id,
      nrr: roundedQuotient(1000 * sum, n) / 1000,
      score,
      category: skmCategory(score),
    };
  });
  if (n === 0 || questionnaire.elements.length === 0) return { respondents: n, elements, ikm: null, category: null };
  let total = 0;
  for (const element of questionnaire.elements) total += sums[element.id] ?? 0;
  // mean(sum_e / n) × 25 = 25 · total / (n · k), in hundredths.
  const ikm = roundedQuotient(2500 * total, n * questionnaire.elements.length) / 100;
  return { respondents: n, elements, ikm, category: skmCategory(ikm) };
}

/** Adds up answers one response at a time: the reference the SQL sums are checked against. */
export function sumAnswers(
  answers: Iterable<Readonly<Record<string, number>>>,
  questionnaire: SkmQuestionnaire = SKM_QUESTIONNAIRE,
): { respondents: number; sums: Record<string, number> } {
  const sums: Record<string, number> = {};
  for (const element of questionnaire.elements) sums[element.id] = 0;
  let respondents = 0;
  for (const response of answers) {
    respondents += 1;
    for (const element of questionnaire.elements)
      sums[element.id] = (sums[element.id] ?? 0) + (response[element.id] ?? 0);
  }
  return { respondents, sums };
}

/**
 * Krejcie and Morgan's minimum sample for a population of N (95% confidence,
 * 5% margin, p = 0.5): s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), χ² = 3.841.
 * It levels off at 384 however large N grows.
 */
export function krejcieMorgan(population: number): number {
  const n = Math.max(0, Math.trunc(population));
  if (n === 0) return 0;
  return Math.round((3.841 * n * 0.25) / (0.0025 * (n - 1) + 3.841 * 0.25));
}
