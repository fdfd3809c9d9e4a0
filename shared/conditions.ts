import { z } from "zod";
import { LocalizedText } from "./text";

/**
 * Questions a guide asks about the applicant's case. Their answers decide which
 * conditional requirements apply, both in the citizen self-check and, later,
 * in the pre-check of a draft.
 */
export const QuestionId = z.string().regex(/^[a-z][a-z0-9-]*$/, "question id must be a lowercase slug");

export const YesNoQuestion = z.object({
  id: QuestionId,
  kind: z.literal("yes-no"),
  text: LocalizedText,
  help: LocalizedText.optional(),
});

export const ChoiceQuestion = z.object({
  id: QuestionId,
  kind: z.literal("choice"),
  text: LocalizedText,
  help: LocalizedText.optional(),
  options: z.array(z.object({ value: z.string().regex(/^[a-z0-9-]+$/), label: LocalizedText })).min(2),
});

export const Question = z.discriminatedUnion("kind", [YesNoQuestion, ChoiceQuestion]);
export type Question = z.infer<typeof Question>;

export type AnswerValue = boolean | string;
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/**
 * A condition is data, not code: `{ q, is }` compares one answer, and
 * `all` / `any` / `not` combine them. One evaluator serves every service.
 */
export type Condition =
  | { q: string; is: AnswerValue }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ q: QuestionId, is: z.union([z.boolean(), z.string()]) }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

/**
 * Three-valued: `undefined` means "cannot tell yet" because a question the
 * condition depends on is unanswered. The self-check shows such requirements
 * as "mungkin diperlukan" rather than hiding or demanding them.
 */
export type Truth = boolean | undefined;

export function evaluateCondition(condition: Condition, answers: Answers): Truth {
  if ("q" in condition) {
    const answer = answers[condition.q];
    return answer === undefined ? undefined : answer === condition.is;
  }
  if ("all" in condition) {
    let result: Truth = true;
    for (const part of condition.all) {
      const value = evaluateCondition(part, answers);
      if (value === false) return false;
      if (value === undefined) result = undefined;
    }
    return result;
  }
  if ("any" in condition) {
    let result: Truth = false;
    for (const part of condition.any) {
      const value = evaluateCondition(part, answers);
      if (value === true) return true;
      if (value === undefined) result = undefined;
    }
    return result;
  }
  const inner = evaluateCondition(condition.not, answers);
  return inner === undefined ? undefined : !inner;
}

/** Every question id a condition refers to, to validate guides and to order questions. */
export function conditionQuestions(condition: Condition, into = new Set<string>()): Set<string> {
  if ("q" in condition) into.add(condition.q);
  else if ("all" in condition) for (const c of condition.all) conditionQuestions(c, into);
  else if ("any" in condition) for (const c of condition.any) conditionQuestions(c, into);
  else conditionQuestions(condition.not, into);
  return into;
}
