import type { AnswerValue, Condition } from "../../shared/conditions";

/**
 * A condition (shared/conditions.ts) as the guide editor's form shows it:
 * rows of "question · operator · answer", grouped by "all / any / none of".
 * Office staff pick from lists; the JSON shape is this module's business.
 *
 * Every Condition has a form: `{q, is}` is a row, `{not: {q, is}}` a row
 * with "bukan", `{any: [...]}` over one choice question a row with "salah
 * satu dari", and everything else a group (nested as deep as it is).
 */

export type Operator = "is" | "isNot" | "oneOf";

export interface ConditionRow {
  type: "row";
  q: string;
  op: Operator;
  /** One value, or several for `oneOf`. */
  values: AnswerValue[];
}

export type GroupMode = "all" | "any" | "none";

export interface ConditionGroup {
  type: "group";
  mode: GroupMode;
  items: ConditionNode[];
}

export type ConditionNode = ConditionRow | ConditionGroup;

/** The form of a condition; absent is an empty group (the requirement always applies). */
export function toForm(condition: Condition | undefined): ConditionGroup {
  if (!condition) return { type: "group", mode: "all", items: [] };
  const node = toNode(condition);
  return node.type === "group" ? node : { type: "group", mode: "all", items: [node] };
}

function toNode(condition: Condition): ConditionNode {
  if ("q" in condition) return { type: "row", q: condition.q, op: "is", values: [condition.is] };
  if ("not" in condition) {
    const inner = condition.not;
    if ("q" in inner) return { type: "row", q: inner.q, op: "isNot", values: [inner.is] };
    if ("any" in inner) return { type: "group", mode: "none", items: inner.any.map(toNode) };
    return { type: "group", mode: "none", items: [toNode(inner)] };
  }
  if ("any" in condition) {
    const oneOf = sameQuestion(condition.any);
    if (oneOf) return oneOf;
    return { type: "group", mode: "any", items: condition.any.map(toNode) };
  }
  return { type: "group", mode: "all", items: condition.all.map(toNode) };
}

/** `any` of plain answers to one question, two or more: one row, "salah satu dari". */
function sameQuestion(parts: Condition[]): ConditionRow | undefined {
  if (parts.length < 2) return undefined;
  const first = parts[0];
  if (!first || !("q" in first)) return undefined;
  const values: AnswerValue[] = [];
  for (const part of parts) {
    if (!("q" in part) || part.q !== first.q || typeof part.is !== "string") return undefined;
    values.push(part.is);
  }
  return { type: "row", q: first.q, op: "oneOf", values };
}

/** The condition a form stands for; an empty form is no condition at all. */
export function fromForm(group: ConditionGroup): Condition | undefined {
  return fromNode(group);
}

function fromNode(node: ConditionNode): Condition | undefined {
  if (node.type === "row") {
    const [first] = node.values;
    if (first === undefined) return undefined;
    if (node.op === "isNot") return { not: { q: node.q, is: first } };
    if (node.op === "oneOf" && node.values.length > 1) return { any: node.values.map((is) => ({ q: node.q, is })) };
    return { q: node.q, is: first };
  }
  const items = node.items.map(fromNode).filter((c): c is Condition => c !== undefined);
  const [only] = items;
  if (only === undefined) return undefined;
  if (node.mode === "none") return { not: items.length === 1 ? only : { any: items } };
  if (items.length === 1) return only;
  return node.mode === "all" ? { all: items } : { any: items };
}

/** A guide's question as the form needs it: its id, kind and the answers it can have. */
export interface QuestionChoice {
  id: string;
  kind: "yes-no" | "choice";
  /** Yes-no: true then false; choice: its options' values. */
  values: AnswerValue[];
}

/** A new row: the first question, "adalah", its first answer. */
export function newRow(questions: QuestionChoice[]): ConditionRow | undefined {
  const [first] = questions;
  if (!first) return undefined;
  return { type: "row", q: first.id, op: "is", values: first.values.slice(0, 1) };
}

/** A row moved to another question: its operator and answer start over where they no longer fit. */
export function withQuestion(row: ConditionRow, question: QuestionChoice): ConditionRow {
  const op = row.op === "oneOf" && question.kind !== "choice" ? "is" : row.op;
  const kept = row.values.filter((value) => question.values.includes(value));
  return { type: "row", q: question.id, op, values: kept.length > 0 ? kept : question.values.slice(0, 1) };
}

/** A row with another operator: "salah satu dari" keeps every answer, the others keep the first. */
export function withOperator(row: ConditionRow, op: Operator): ConditionRow {
  return { ...row, op, values: op === "oneOf" ? row.values : row.values.slice(0, 1) };
}
