import { type ComplaintSubmission, MAX_COMPLAINT_TEXT } from "../../shared/api/complaints";
import type { SkmChannel, SkmProfile, SurveySubmission } from "../../shared/api/skm";
import { asksAmount, type ComplaintCategory } from "../../shared/complaints/categories";
import { HAPPENED_ON_MAX_YEARS, happenedOnProblem } from "../../shared/complaints/dates";
import { SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";
import { pick } from "../../shared/text";
import { parseTrackingNumber } from "../../shared/tracking/number";
import { locale } from "../i18n";
import { numberProblem } from "../tracking/view";
import { tv } from "./messages";
import type { EvidenceBytes } from "./outbox";

/** What the survey form holds while being filled in. */
export interface SurveyDraft {
  answers: Record<string, number>;
  profile: SkmProfile;
  suggestion: string;
  /** Without a file: the office and, optionally, the service. */
  kecamatanCode: string;
  guideId: string;
}

export function emptySurvey(): SurveyDraft {
  return { answers: {}, profile: {}, suggestion: "", kecamatanCode: "", guideId: "" };
}

/** The elements not answered yet, in the questionnaire's order. */
export function missingElements(answers: Record<string, number>): string[] {
  return SKM_QUESTIONNAIRE.elements
    .filter((element) => !((answers[element.id] ?? 0) >= 1))
    .map((element) => element.id);
}

export interface SurveyProblems {
  missing: string[];
  office?: string;
  /** One sentence for the summary at the top, naming what is missing. */
  summary?: string;
}

export function surveyProblems(draft: SurveyDraft, needsOffice: boolean): SurveyProblems {
  const missing = missingElements(draft.answers);
  const office = needsOffice && !draft.kecamatanCode ? tv("officeRequired") : undefined;
  if (missing.length === 0 && !office) return { missing };
  const names = missing.map((id) => {
    const index = SKM_QUESTIONNAIRE.elements.findIndex((element) => element.id === id);
    const element = SKM_QUESTIONNAIRE.elements[index];
    return element ? `${index + 1}. ${pick(element.name, locale.value)}` : id;
  });
  const parts = [
    ...(office ? [office] : []),
    ...(names.length > 0 ? [tv("unanswered", { list: names.join(", ") })] : []),
  ];
  return { missing, ...(office ? { office } : {}), summary: parts.join(" ") };
}

export function buildSurvey(
  draft: SurveyDraft,
  context: { id: string; trackingNumber: string | null; channel: SkmChannel; now: Date },
): SurveySubmission {
  const suggestion = draft.suggestion.trim();
  const profile = Object.fromEntries(Object.entries(draft.profile).filter(([, value]) => value)) as SkmProfile;
  return {
    id: context.id,
    questionnaire: SKM_QUESTIONNAIRE.id as SurveySubmission["questionnaire"],
    channel: context.channel,
    ...(context.trackingNumber ? { trackingNumber: context.trackingNumber } : {}),
    ...(!context.trackingNumber && draft.kecamatanCode ? { kecamatanCode: draft.kecamatanCode } : {}),
    ...(!context.trackingNumber && draft.guideId ? { guideId: draft.guideId } : {}),
    answers: { ...draft.answers },
    profile,
    ...(suggestion ? { suggestion } : {}),
    answeredAt: context.now.toISOString(),
  };
}

/** What the complaint form holds while being filled in. */
export interface ComplaintDraft {
  description: string;
  happenedOn: string;
  placeKind: "office" | "kelurahan";
  kecamatanCode: string;
  kelurahanCode: string;
  guideId: string;
  trackingNumber: string;
  category: ComplaintCategory | "";
  amount: string;
  anonymous: boolean;
  confidential: boolean;
  name: string;
  contact: string;
  /** A signed-in cadre's evidence photos, prepared and hashed on the phone. */
  evidence: EvidenceBytes[];
}

export type ComplaintField = "description" | "happenedOn" | "place" | "trackingNumber" | "category" | "amount";

/** "Rp 50.000", "50000", "50 ribu"? Only digits count: dots are Indonesian thousands separators. */
export function amountOf(text: string): number | null {
  const digits = text.replace(/\D/g, "");
  if (!digits) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** Each field's problem in the user's language, in the form's order; empty when the complaint can go. */
export function complaintProblems(draft: ComplaintDraft, today: string): Partial<Record<ComplaintField, string>> {
  const out: Partial<Record<ComplaintField, string>> = {};
  const text = draft.description.trim();
  if (!text) out.description = tv("whatRequired");
  else if (text.length > MAX_COMPLAINT_TEXT)
    out.description = tv("whatTooLong", { max: MAX_COMPLAINT_TEXT, count: text.length });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.happenedOn)) out.happenedOn = tv("whenRequired");
  // Stricter than the server on the future side (which allows for a clock a little ahead): the phone knows today.
  else if (draft.happenedOn > today) out.happenedOn = tv("whenFuture");
  else if (happenedOnProblem(draft.happenedOn, today) === "too-old") {
    out.happenedOn = tv("whenTooOld", { years: HAPPENED_ON_MAX_YEARS });
  }
  const placed = draft.placeKind === "office" ? draft.kecamatanCode : draft.kelurahanCode;
  if (!placed) out.place = tv("placeRequired");
  if (draft.trackingNumber.trim()) {
    const problem = numberProblem(draft.trackingNumber);
    if (problem) out.trackingNumber = problem;
  }
  if (!draft.category) out.category = tv("categoryRequired");
  else if (asksAmount(draft.category) && amountOf(draft.amount) === null) out.amount = tv("amountRequired");
  return out;
}

export function buildComplaint(
  draft: ComplaintDraft,
  context: { id: string; channel: ComplaintSubmission["channel"]; now: Date },
): ComplaintSubmission {
  const parsed = draft.trackingNumber.trim() ? parseTrackingNumber(draft.trackingNumber) : null;
  const amount = draft.category && asksAmount(draft.category) ? amountOf(draft.amount) : null;
  const name = draft.name.trim();
  const contact = draft.contact.trim();
  // Anonymous: nothing about the reporter leaves the phone, whatever was typed before the switch.
  const reporter =
    !draft.anonymous && (name || contact) ? { ...(name ? { name } : {}), ...(contact ? { contact } : {}) } : null;
  return {
    id: context.id,
    channel: context.channel,
    category: draft.category as ComplaintCategory,
    description: draft.description.trim(),
    happenedOn: draft.happenedOn,
    place:
      draft.placeKind === "office"
        ? { kind: "office", kecamatanCode: draft.kecamatanCode }
        : { kind: "kelurahan", kelurahanCode: draft.kelurahanCode },
    ...(draft.guideId ? { guideId: draft.guideId } : {}),
    ...(parsed?.ok ? { trackingNumber: parsed.number } : {}),
    ...(amount ? { amountAsked: amount } : {}),
    // Anonymous: no photos (their uploader's account would name the sender; the server refuses them too).
    evidence: draft.anonymous
      ? []
      : draft.evidence.map((photo) => ({ sha256: photo.sha256, mime: photo.mime, bytes: photo.data.byteLength })),
    anonymous: draft.anonymous,
    confidential: draft.confidential,
    ...(reporter ? { reporter } : {}),
    reportedAt: context.now.toISOString(),
  };
}
