import { describe, expect, it } from "vitest";
import {
  type ConditionGroup,
  fromForm,
  newRow,
  type QuestionChoice,
  toForm,
  withOperator,
  withQuestion,
} from "../../client/console/condition-form";
import type { Condition } from "../../shared/conditions";

const questions: QuestionChoice[] = [
  { id: "pendatang", kind: "yes-no", values: [true, false] },
  { id: "cara-tinggal", kind: "choice", values: ["sewa", "menumpang", "milik"] },
];

describe("a condition as rows of lists in the guide editor", () => {
  it("reads every shape the guide schema allows back into the same condition", () => {
    const shapes: Condition[] = [
      { q: "pendatang", is: true },
      { not: { q: "pendatang", is: true } },
      {
        any: [
          { q: "cara-tinggal", is: "sewa" },
          { q: "cara-tinggal", is: "menumpang" },
        ],
      },
      {
        all: [
          { q: "pendatang", is: true },
          { q: "cara-tinggal", is: "sewa" },
        ],
      },
      {
        any: [
          { q: "pendatang", is: false },
          {
            all: [
              { q: "pendatang", is: true },
              { q: "cara-tinggal", is: "milik" },
            ],
          },
        ],
      },
      {
        not: {
          any: [
            { q: "pendatang", is: true },
            { q: "cara-tinggal", is: "sewa" },
          ],
        },
      },
      {
        not: {
          all: [
            { q: "pendatang", is: true },
            { q: "cara-tinggal", is: "sewa" },
          ],
        },
      },
    ];
    for (const condition of shapes) expect(fromForm(toForm(condition))).toEqual(condition);
  });

  it("shows 'bukan' and 'salah satu dari' as one row, and nested groups as groups", () => {
    expect(toForm({ not: { q: "pendatang", is: true } }).items).toEqual([
      { type: "row", q: "pendatang", op: "isNot", values: [true] },
    ]);
    expect(
      toForm({
        any: [
          { q: "cara-tinggal", is: "sewa" },
          { q: "cara-tinggal", is: "milik" },
        ],
      }).items,
    ).toEqual([{ type: "row", q: "cara-tinggal", op: "oneOf", values: ["sewa", "milik"] }]);
    const nested = toForm({
      any: [
        { q: "pendatang", is: false },
        {
          all: [
            { q: "pendatang", is: true },
            { q: "cara-tinggal", is: "milik" },
          ],
        },
      ],
    });
    expect(nested.mode).toBe("any");
    expect(nested.items.map((item) => item.type)).toEqual(["row", "group"]);
  });

  it("writes nothing for an empty form, and a lone row without a group around it", () => {
    expect(fromForm(toForm(undefined))).toBeUndefined();
    const row = newRow(questions);
    expect(row).toEqual({ type: "row", q: "pendatang", op: "is", values: [true] });
    const anyOfOne: ConditionGroup = { type: "group", mode: "any", items: row ? [row] : [] };
    expect(fromForm(anyOfOne)).toEqual({ q: "pendatang", is: true });
    // A group emptied of its rows disappears with them.
    expect(
      fromForm({ type: "group", mode: "all", items: [{ type: "group", mode: "any", items: [] }] }),
    ).toBeUndefined();
    expect(newRow([])).toBeUndefined();
  });

  it("starts a row's answer over when its question changes, and keeps one answer for 'adalah'", () => {
    const row = { type: "row" as const, q: "cara-tinggal", op: "oneOf" as const, values: ["sewa", "milik"] };
    expect(withQuestion(row, questions[0] as QuestionChoice)).toEqual({
      type: "row",
      q: "pendatang",
      op: "is",
      values: [true],
    });
    expect(withOperator(row, "is").values).toEqual(["sewa"]);
    expect(fromForm({ type: "group", mode: "all", items: [withOperator(row, "isNot")] })).toEqual({
      not: { q: "cara-tinggal", is: "sewa" },
    });
  });
});
