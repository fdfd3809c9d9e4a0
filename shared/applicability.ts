import { type Answers, evaluateCondition } from "./conditions";
import type { Guide, Requirement } from "./guide";

/** `maybe`: depends on a question not answered yet. */
export type Applicability = "required" | "not-applicable" | "maybe";

export function requirementApplicability(requirement: Requirement, answers: Answers): Applicability {
  if (!requirement.when) return "required";
  const truth = evaluateCondition(requirement.when, answers);
  if (truth === undefined) return "maybe";
  return truth ? "required" : "not-applicable";
}

/** The checklist for one reader's case: requirements that apply or might apply, in guide order. */
export function checklistFor(
  guide: Guide,
  answers: Answers,
): { requirement: Requirement; applicability: Applicability }[] {
  return guide.requirements.map((requirement) => ({
    requirement,
    applicability: requirementApplicability(requirement, answers),
  }));
}
