import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checklistFor, requirementApplicability } from "../../shared/applicability";
import { type Answers, type Condition, conditionQuestions, evaluateCondition } from "../../shared/conditions";
import { Condition as ConditionSchema, Guide } from "../../shared/guide";
import { sampleGuide } from "../helpers/sample-guide";

const represented: Condition = { q: "diwakilkan", is: true };
const business: Condition = { q: "untuk-usaha", is: true };
const widowed: Condition = { q: "status", is: "cerai-mati" };

describe("evaluateCondition", () => {
  it.each<[string, Condition, Answers, boolean | undefined]>([
    ["yes matches yes", represented, { diwakilkan: true }, true],
    ["no does not match yes", represented, { diwakilkan: false }, false],
    ["unanswered is unknown", represented, {}, undefined],
    ["choice matches its value", widowed, { status: "cerai-mati" }, true],
    ["choice differs", widowed, { status: "belum-kawin" }, false],
    ["all: every part true", { all: [represented, business] }, { diwakilkan: true, "untuk-usaha": true }, true],
    ["all: one false decides, even with an unknown", { all: [represented, business] }, { diwakilkan: false }, false],
    ["all: true and unknown is unknown", { all: [represented, business] }, { diwakilkan: true }, undefined],
    ["any: one true decides, even with an unknown", { any: [represented, business] }, { "untuk-usaha": true }, true],
    ["any: false and unknown is unknown", { any: [represented, business] }, { diwakilkan: false }, undefined],
    ["any: all false", { any: [represented, business] }, { diwakilkan: false, "untuk-usaha": false }, false],
    ["not flips", { not: represented }, { diwakilkan: false }, true],
    ["not of unknown stays unknown", { not: represented }, {}, undefined],
    [
      "nested",
      { all: [{ not: represented }, { any: [business, widowed] }] },
      { diwakilkan: false, status: "cerai-mati" },
      true,
    ],
  ])("%s", (_name, condition, answers, expected) => {
    expect(evaluateCondition(condition, answers)).toBe(expected);
  });

  it("lists the questions a condition depends on", () => {
    expect([...conditionQuestions({ all: [represented, { not: { any: [business, widowed] } }] })].sort()).toEqual([
      "diwakilkan",
      "status",
      "untuk-usaha",
    ]);
  });

  const arbitraryCondition: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
    c: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.record({ q: fc.constantFrom("a", "b", "c"), is: fc.oneof(fc.boolean(), fc.constantFrom("x", "y")) }),
      fc.record({ all: fc.array(tie("c"), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie("c"), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie("c") }),
    ),
  })).c;
  const arbitraryAnswers = fc.dictionary(
    fc.constantFrom("a", "b", "c"),
    fc.oneof(fc.boolean(), fc.constantFrom("x", "y")),
  );

  it("is monotone: answering more questions never turns a decided condition around", () => {
    fc.assert(
      fc.property(arbitraryCondition, arbitraryAnswers, arbitraryAnswers, (condition, some, more) => {
        const partial = evaluateCondition(condition, some);
        const fuller = evaluateCondition(condition, { ...more, ...some });
        return partial === undefined || partial === fuller;
      }),
    );
  });

  it("is decided once every question is answered, and every generated condition passes the schema", () => {
    fc.assert(
      fc.property(arbitraryCondition, fc.boolean(), fc.boolean(), fc.boolean(), (condition, a, b, c) => {
        expect(ConditionSchema.safeParse(condition).success).toBe(true);
        return evaluateCondition(condition, { a, b, c }) !== undefined;
      }),
    );
  });
});

describe("requirement applicability", () => {
  const guide = Guide.parse(sampleGuide());
  const [ktp, powerOfAttorney] = guide.requirements;
  if (!ktp || !powerOfAttorney) throw new Error("sample guide changed");

  it("always requires unconditional requirements", () => {
    expect(requirementApplicability(ktp, {})).toBe("required");
  });

  it("marks conditional ones maybe / required / not-applicable by the answers", () => {
    expect(requirementApplicability(powerOfAttorney, {})).toBe("maybe");
    expect(requirementApplicability(powerOfAttorney, { diwakilkan: true })).toBe("required");
    expect(requirementApplicability(powerOfAttorney, { diwakilkan: false })).toBe("not-applicable");
  });

  it("keeps the guide's order in the checklist", () => {
    expect(checklistFor(guide, { diwakilkan: false }).map((i) => [i.requirement.id, i.applicability])).toEqual([
      ["ktp", "required"],
      ["surat-kuasa", "not-applicable"],
    ]);
  });
});
