/**
 * The condition evaluator: pure and dependency-free, because it ships in the
 * first screen of the phone app and runs again in the server's pre-check.
 * The zod schemas that validate conditions live in guide.ts.
 */

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
