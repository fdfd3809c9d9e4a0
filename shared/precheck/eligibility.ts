import { requirementApplicability } from "../applicability";
import { type Answers, conditionQuestions, evaluateCondition } from "../conditions";
import type { EligibilityRule, Guide, Question, Requirement } from "../guide";
import { daysBetween, parseDate } from "../identity/dates";
import type { LocalizedText } from "../text";
import * as m from "./messages";
import { attempt, own, text } from "./safe";
import type { Reason } from "./types";

/**
 * The guide's eligibility rules: who may apply (age), deadlines, and answers
 * that must agree with a date. Pure and total like the rest of the pre-check:
 * `today` is an input, and a rule that cannot be read is "could not check",
 * never a pass. Returns one reason per failing rule, in guide order, and the
 * questions a rule still waits for.
 */
export function checkEligibility(guide: Guide, draft: unknown, answers: Answers, today: string): Reason[] {
  const rules = Array.isArray(guide.eligibility) ? guide.eligibility : [];
  if (rules.length === 0) return [];
  const questions = Array.isArray(guide.questions) ? guide.questions : [];
  const requirements = Array.isArray(guide.requirements) ? guide.requirements : [];
  const reasons: Reason[] = [];
  for (const rule of rules) {
    const found = attempt(() => checkRule(rule, { draft, answers, today, questions, requirements }));
    if (found) reasons.push(...found);
    else reasons.push({ code: "eligibility-check-failed", message: m.eligibilityCheckFailed, field: "eligibility" });
  }
  return reasons;
}

interface RuleInput {
  draft: unknown;
  answers: Answers;
  today: string;
  questions: readonly Question[];
  requirements: readonly Requirement[];
}

function checkRule(rule: EligibilityRule, input: RuleInput): Reason[] {
  const truth = rule.when ? evaluateCondition(rule.when, input.answers) : true;
  if (truth === false) return [];
  if (truth === undefined) return waitingFor(rule, input);
  if (!rule.date) {
    const first = rule.when ? firstQuestion(rule, input.questions) : undefined;
    return [{ code: "eligibility-refused", message: rule.message, field: first ? `answers.${first}` : "eligibility" }];
  }
  return checkDate(rule, rule.date, input);
}

/** The rule's unanswered questions, in the guide's order: a rule that may apply is never a pass. */
function waitingFor(rule: EligibilityRule, input: RuleInput): Reason[] {
  const asked = rule.when ? conditionQuestions(rule.when) : new Set<string>();
  const reasons: Reason[] = [];
  for (const question of input.questions) {
    if (!asked.has(question.id) || input.answers[question.id] !== undefined) continue;
    reasons.push({
      code: "question-unanswered",
      message: m.questionUnanswered(question.text),
      field: `answers.${question.id}`,
    });
  }
  if (reasons.length === 0) {
    reasons.push({ code: "eligibility-check-failed", message: m.eligibilityCheckFailed, field: "eligibility" });
  }
  return reasons;
}

function firstQuestion(rule: EligibilityRule, questions: readonly Question[]): string | undefined {
  if (!rule.when) return undefined;
  const asked = conditionQuestions(rule.when);
  return questions.find((q) => asked.has(q.id))?.id ?? [...asked][0];
}

function checkDate(rule: EligibilityRule, source: string, input: RuleInput): Reason[] {
  const { today } = input;
  let raw: string;
  let label: LocalizedText;
  let field: string;
  if (source === "applicant.birthDate") {
    raw = text(own(own(input.draft, "applicant"), "birthDate")).trim();
    label = m.birthDateLabel;
    field = "applicant.birthDate";
    // Same code and field as the applicant check, so the list to fix shows it once.
    if (!raw) return [{ code: "applicant-birthdate-missing", message: m.applicantMessages.birthDateMissing, field }];
    const parsed = parseDate(raw, today, { notInFuture: true });
    // An unreadable or future birth date is already reported by the applicant check.
    if (!parsed.ok) return [];
    return bounds(rule, parsed.value, label, field, today);
  }
  const id = source.slice("data.".length);
  const requirement = input.requirements.find((r) => r.id === id);
  label = requirement?.label ?? { id, en: id };
  field = `data.${id}`;
  // A date asked only in some cases (a conditional data requirement) says nothing in the others.
  if (requirement && requirementApplicability(requirement, input.answers) === "not-applicable") return [];
  raw = text(own(own(input.draft, "data"), id)).trim();
  // The date is a requirement of the guide: its reasons name it, so a client shows them beside its card.
  const named = (reasons: Reason[]): Reason[] =>
    requirement ? reasons.map((reason) => ({ ...reason, requirementId: requirement.id })) : reasons;
  if (!raw) {
    // Same code and field as the data requirement's own check: one line, also when that requirement is conditional.
    return named([{ code: "data-missing", message: m.dataMissing(label), field }]);
  }
  const parsed = parseDate(raw, today);
  if (!parsed.ok) {
    return named([
      { code: "eligibility-date-invalid", message: m.eligibilityDateInvalid(label, parsed.problem.message), field },
    ]);
  }
  return named(bounds(rule, parsed.value, label, field, today));
}

function bounds(rule: EligibilityRule, date: string, label: LocalizedText, field: string, today: string): Reason[] {
  const days = daysBetween(date, today);
  if (!Number.isFinite(days)) {
    return [{ code: "eligibility-check-failed", message: m.eligibilityCheckFailed, field }];
  }
  const years = wholeYears(date, today);
  const yearsOk =
    (rule.minYears === undefined || years >= rule.minYears) &&
    (rule.belowYears === undefined || years < rule.belowYears);
  const daysOk =
    (rule.minDaysAgo === undefined || days >= rule.minDaysAgo) &&
    (rule.maxDaysAgo === undefined || days <= rule.maxDaysAgo);
  if (yearsOk && daysOk) return [];
  const measure = yearsOk ? { days } : { years };
  return [{ code: "eligibility-date", message: m.eligibilityDate(rule.message, label, date, measure), field }];
}

/** Completed years from `from` to `to` (both YYYY-MM-DD); a 29 February birthday counts from 1 March. */
export function wholeYears(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/** The data requirements an eligibility rule reads as a date: the phone asks for them with a date picker. */
export function dateDataFields(guide: Guide): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const rule of guide.eligibility ?? []) {
    if (rule.date?.startsWith("data.")) ids.add(rule.date.slice("data.".length));
  }
  return ids;
}
