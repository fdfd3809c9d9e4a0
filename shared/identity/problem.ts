import type { LocalizedText } from "../text";

/** What is wrong with one field, for the cadre. `code` is stable kebab-case (e.g. "nik-length"); the message may change. */
export interface FieldProblem {
  code: string;
  message: LocalizedText;
}

export type Parsed<T, F = undefined> = { ok: true; value: T; facts: F } | { ok: false; problem: FieldProblem };

export function problem(code: string, id: string, en: string): FieldProblem {
  return { code, message: { id, en } };
}

export function fail(code: string, id: string, en: string): { ok: false; problem: FieldProblem } {
  return { ok: false, problem: problem(code, id, en) };
}
