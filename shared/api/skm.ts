import { z } from "zod";
import { Slug } from "../guide";
import { SKM_QUESTIONNAIRE } from "../skm/questionnaire";
import { LocalizedText, multilineText } from "../text";
import { KecamatanCode } from "./users";

/**
 * The satisfaction survey's messages (issue 14). A response is anonymous: it
 * names the file by its tracking number (one response per file) or, given at
 * the office without a file, the office and service — never a person.
 */

/** 1 (worst) … 4 (best), as the questionnaire's answers. */
export const SkmScore = z.int().min(1).max(4);

/** Every element of the questionnaire answered, and nothing else. */
export const SkmAnswers = z.strictObject(
  Object.fromEntries(SKM_QUESTIONNAIRE.elements.map((element) => [element.id, SkmScore])) as Record<
    string,
    typeof SkmScore
  >,
);
export type SkmAnswers = Record<string, number>;

function profileEnum(id: string) {
  const question = SKM_QUESTIONNAIRE.profile.find((candidate) => candidate.id === id);
  if (!question) throw new Error(`no profile question ${id}`);
  return z.enum(question.options.map((option) => option.value) as [string, ...string[]]);
}

/** The respondent's profile: every field optional, all bands, never a name or a birth date. */
export const SkmProfile = z.strictObject({
  ageBand: profileEnum("ageBand").optional(),
  sex: profileEnum("sex").optional(),
  education: profileEnum("education").optional(),
  occupation: profileEnum("occupation").optional(),
});
export type SkmProfile = z.infer<typeof SkmProfile>;

/** Where the response was given: on the cadre's phone, on the citizen's own, or at the office. */
export const SkmChannel = z.enum(["cadre-phone", "citizen-phone", "office"]);
export type SkmChannel = z.infer<typeof SkmChannel>;

export const MAX_SUGGESTION_LENGTH = 1000;

/** POST /api/skm/responses. `id` is made on the device: sending the same response twice stores it once. */
export const SurveySubmission = z.strictObject({
  id: z.uuid(),
  questionnaire: z.literal(SKM_QUESTIONNAIRE.id),
  channel: SkmChannel,
  /** The file the response is about (one response per file); absent for a response given at the office without one. */
  trackingNumber: z.string().min(1).max(40).optional(),
  /** Without a file: the office (kecamatan) and, when known, the service. Ignored when the file says them. */
  kecamatanCode: KecamatanCode.optional(),
  guideId: Slug.optional(),
  answers: SkmAnswers,
  profile: SkmProfile.default({}),
  suggestion: multilineText(MAX_SUGGESTION_LENGTH, 0).optional(),
  answeredAt: z.iso.datetime(),
});
export type SurveySubmission = z.infer<typeof SurveySubmission>;

/** 201 (stored) or 200 with `duplicate: true` (this id was stored before). */
export const SurveyAccepted = z.object({ id: z.uuid(), duplicate: z.boolean() });
export type SurveyAccepted = z.infer<typeof SurveyAccepted>;

/** The regulation's quality categories (mutu pelayanan). */
export const SkmCategory = z.enum(["A", "B", "C", "D"]);
export type SkmCategory = z.infer<typeof SkmCategory>;

export const SkmElementResult = z.object({
  elementId: z.string(),
  name: LocalizedText,
  /** Nilai rata-rata (NRR): the element's mean score, 1–4 (null: no responses). */
  nrr: z.number().nullable(),
  /** NRR × 25, on the index's scale. */
  score: z.number().nullable(),
  category: SkmCategory.nullable(),
});
export type SkmElementResult = z.infer<typeof SkmElementResult>;

/** GET /api/skm/results (public, /skm) and the head of the console's report: figures only, nothing about anyone. */
export const SkmResults = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  kecamatanCode: KecamatanCode.nullable(),
  office: LocalizedText,
  guideId: Slug.nullable(),
  respondents: z.int().min(0),
  /** Of the respondents, how many answered at the office without a tracking number (no decided file behind them). */
  withoutFile: z.int().min(0).optional(),
  /** Files the office decided in the period (the population served); null when unknown. */
  population: z.int().min(0).nullable(),
  /** Krejcie–Morgan minimum sample for the population. */
  minimumSample: z.int().min(0).nullable(),
  /** Whether respondents ≥ minimumSample ("cukup" / "belum cukup"). */
  sampleEnough: z.boolean().nullable(),
  /** The index, 25–100, two decimals (null: no responses). */
  ikm: z.number().nullable(),
  category: SkmCategory.nullable(),
  /** In the questionnaire's order; the console sorts the weakest first. */
  elements: z.array(SkmElementResult),
  followUps: z.array(z.lazy(() => SkmFollowUp)),
  asOf: z.iso.datetime(),
});
export type SkmResults = z.infer<typeof SkmResults>;

/** A follow-up plan for a weak element: what, who, by when, done. */
export const SkmFollowUp = z.object({
  id: z.uuid(),
  kecamatanCode: KecamatanCode.nullable(),
  period: z.string(),
  elementId: z.string(),
  action: z.string(),
  owner: z.string(),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  doneAt: z.iso.datetime().nullable(),
  version: z.int().min(1),
});
export type SkmFollowUp = z.infer<typeof SkmFollowUp>;

const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, "Control characters are not allowed");

export const FollowUpCreate = z.strictObject({
  kecamatanCode: KecamatanCode.optional(),
  period: z.string().max(10),
  elementId: z.enum(SKM_QUESTIONNAIRE.elements.map((element) => element.id) as [string, ...string[]]),
  action: Text(500),
  owner: Text(120),
  dueDate: z.iso.date(),
});
export type FollowUpCreate = z.infer<typeof FollowUpCreate>;

export const FollowUpUpdate = z.strictObject({
  version: z.int().min(1),
  action: Text(500).optional(),
  owner: Text(120).optional(),
  dueDate: z.iso.date().optional(),
  done: z.boolean().optional(),
});
export type FollowUpUpdate = z.infer<typeof FollowUpUpdate>;

/** One open suggestion in the console, with only what places it. */
export const SkmSuggestion = z.object({
  answeredOn: z.string(),
  guideId: Slug.nullable(),
  text: z.string(),
});
export type SkmSuggestion = z.infer<typeof SkmSuggestion>;

export const SkmConsoleReport = z.object({
  results: SkmResults,
  suggestions: z.array(SkmSuggestion),
  /** Whether more suggestions exist than listed. */
  moreSuggestions: z.boolean(),
});
export type SkmConsoleReport = z.infer<typeof SkmConsoleReport>;
