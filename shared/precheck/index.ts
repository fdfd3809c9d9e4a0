import type { Draft } from "../draft";
import type { Guide, Question } from "../guide";
import { ALWAYS_REQUIRED, checkApplicant, checkResidency, FIELD_ORDER } from "./applicant";
import { checkEligibility } from "./eligibility";
import { questionUnanswered } from "./messages";
import { checkRequirement, questionText, type RequirementInput, usableAnswers } from "./requirements";
import { own, text } from "./safe";
import type { PrecheckContext, PrecheckResult, Reason, RequirementVerdict } from "./types";

export type {
  PrecheckContext,
  PrecheckResult,
  Reason,
  RequirementStatus,
  RequirementVerdict,
} from "./types";

/**
 * The pre-check: would the permit office accept this draft as it stands?
 * Pure and deterministic (`today` is an input), driven only by the guide's
 * data, and it never throws, whatever the draft holds. Runs on the phone while
 * the cadre works and again on the server when the file is submitted.
 */
export function precheck(guide: Guide, draft: Draft, context: PrecheckContext): PrecheckResult {
  const { today, regions } = context;
  const office = text(own(draft, "officeAreaCode")).trim() || text(context.homeOffice).trim();
  const requirements = Array.isArray(guide.requirements) ? guide.requirements : [];
  const questionList = Array.isArray(guide.questions) ? guide.questions : [];
  const questions = new Map<string, Question>(questionList.map((q) => [q.id, q]));

  const { checks, village } = checkApplicant(own(draft, "applicant"), regions, today);

  // Optional fields (KK, birth date, sex) count only when a data requirement that applies points at them,
  // or, below, when they are entered but wrong.
  const answers = usableAnswers(questionList, own(draft, "answers"));
  const input: RequirementInput = {
    questionList,
    questions,
    answers,
    documents: own(draft, "documents"),
    data: own(draft, "data"),
    applicant: checks,
    today,
  };
  const verdicts: RequirementVerdict[] = requirements.map((requirement) => checkRequirement(requirement, input));

  const applicant: Reason[] = [];
  for (const field of FIELD_ORDER) {
    const check = checks[field];
    if (check.state === "ok") continue;
    if (check.state === "missing" && !ALWAYS_REQUIRED.includes(field)) continue;
    for (const f of check.findings) applicant.push(f.reason);
  }
  if (guide.residency) {
    const outside = checkResidency(village, office, guide.residency, regions);
    if (outside) applicant.push(outside.reason);
  }
  applicant.push(...checkEligibility(guide, draft, answers, today));

  // One line per problem: applicant data, then questions, then requirements in guide order.
  const toFix: Reason[] = [];
  const seen = new Map<string, Reason>();
  const add = (reason: Reason) => {
    const key = `${reason.code}\u0000${reason.field ?? reason.requirementId ?? ""}`;
    const first = seen.get(key);
    if (!first) {
      const copy = { ...reason };
      seen.set(key, copy);
      toFix.push(copy);
    } else if (!first.requirementId && reason.requirementId) {
      // The same problem named by a requirement too (a data requirement on an applicant field): keep that name.
      first.requirementId = reason.requirementId;
    }
  };
  for (const reason of applicant) add(reason);
  const waiting = new Set<string>();
  for (const v of verdicts) {
    for (const r of v.reasons) if (r.code === "question-unanswered" && r.field) waiting.add(r.field);
  }
  const questionOrder = questionList.map((q) => `answers.${q.id}`);
  for (const field of waiting) if (!questionOrder.includes(field)) questionOrder.push(field);
  for (const field of questionOrder) {
    if (!waiting.has(field)) continue;
    const id = field.slice("answers.".length);
    add({ code: "question-unanswered", message: questionUnanswered(questionText(id, questions)), field });
  }
  for (const v of verdicts) for (const reason of v.reasons) add(reason);

  let applicable = 0;
  let ok = 0;
  for (const v of verdicts) {
    if (v.status !== "not-applicable") applicable++;
    if (v.status === "ok") ok++;
  }
  return {
    verdict: toFix.length === 0 ? "ready" : "not-ready",
    requirements: verdicts,
    applicant,
    toFix,
    counts: { applicable, ok },
  };
}
