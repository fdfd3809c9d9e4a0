import { describe, expect, it } from "vitest";
import { CataloguePage, decodeCursor, encodeCursor } from "../../shared/api/catalogue";
import { ERROR_MESSAGES } from "../../shared/api/errors";
import { Guide } from "../../shared/guide";
import { sampleGuide } from "../helpers/sample-guide";

function issues(input: unknown): string[] {
  const result = Guide.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("Guide schema", () => {
  it("accepts a complete guide and fills defaults", () => {
    const guide = Guide.parse({ ...sampleGuide(), keywords: undefined });
    expect(guide.keywords).toEqual([]);
    expect(guide.requirements[0]?.acceptance).toEqual({});
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["a non-slug id", { id: "Surat Domisili" }, /^id: /],
    ["a version of zero", { version: 0 }, /^version: /],
    ["a negative fee", { fee: { amount: -1 } }, /^fee\.amount: /],
    ["a fractional fee", { fee: { amount: 10.5 } }, /^fee\.amount: /],
    ["a missing English title", { title: { id: "Surat" } }, /^title\.en: /],
    ["an unknown category", { category: "pajak" }, /^category: /],
    ["an unknown level", { office: { name: { id: "x", en: "x" }, level: "rt" } }, /^office\.level: /],
    ["no requirements", { requirements: [] }, /^requirements: /],
    ["an unknown field (typo)", { fees: { amount: 0 } }, /fees/],
    [
      "a bad submission URL",
      { submission: { channels: ["online"], where: { id: "a", en: "a" }, url: "jakevo" } },
      /url/,
    ],
  ])("refuses %s with a message naming the field", (_name, change, pattern) => {
    const found = issues({ ...sampleGuide(), ...change });
    expect(found.some((issue) => pattern.test(issue))).toBe(true);
  });

  it("refuses a condition on a question the guide does not ask", () => {
    const base = sampleGuide();
    const found = issues({
      ...base,
      requirements: [
        ...(base.requirements ?? []),
        { id: "npwp", kind: "document", label: { id: "NPWP", en: "Tax number" }, when: { q: "untuk-usaha", is: true } },
      ],
    });
    expect(found).toContain("requirements.2.when: condition refers to unknown question 'untuk-usaha'");
  });

  it("refuses duplicate requirement ids", () => {
    const base = sampleGuide();
    const first = base.requirements?.[0];
    expect(issues({ ...base, requirements: [first, first] })).toContain(
      "requirements.1.id: duplicate requirement id 'ktp'",
    );
  });

  it("refuses ids that name an object's prototype: drafts and pushes use them as keys", () => {
    const base = sampleGuide();
    const [ktp, kuasa] = base.requirements ?? [];
    const reserved = (id: string) => [
      ...issues({ ...base, id }),
      ...issues({ ...base, requirements: [{ ...ktp, id }, kuasa] }),
      ...issues({
        ...base,
        questions: [{ id, kind: "yes-no", text: { id: "?", en: "?" } }],
        requirements: [ktp],
      }),
      ...issues({
        ...base,
        eligibility: [{ id, date: "applicant.birthDate", minYears: 17, message: { id: "x", en: "x" } }],
      }),
    ];
    for (const id of ["constructor", "prototype"]) {
      const found = reserved(id);
      expect(found.map((issue) => issue.split(":")[0])).toEqual([
        "id",
        "requirements.0.id",
        "questions.0.id",
        "eligibility.0.id",
      ]);
      expect(found.every((issue) => issue.includes(`'${id}'`))).toBe(true);
    }
    // Words that merely contain them are fine.
    expect(issues({ ...base, requirements: [{ ...ktp, id: "constructor-permit" }, kuasa] })).toEqual([]);
  });

  it("takes an oldest accepted version up to the guide's own, never past it", () => {
    expect(Guide.parse(sampleGuide({ version: 3, minSubmitVersion: 3 })).minSubmitVersion).toBe(3);
    expect(issues(sampleGuide({ version: 2, minSubmitVersion: 3 }))).toContain(
      "minSubmitVersion: the oldest accepted version cannot be newer than the guide itself",
    );
  });
});

describe("catalogue cursor", () => {
  it("round-trips and rejects anything it did not issue", () => {
    expect(decodeCursor(encodeCursor(0))).toBe(0);
    expect(decodeCursor(encodeCursor(123456))).toBe(123456);
    for (const bad of ["", "123", "c1.", "c1.01", "c1.-5", "c2.5", "c1.5 ", "c1.1e3", `c1.${"9".repeat(16)}`]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });

  it("validates a page as the client will", () => {
    expect(
      CataloguePage.safeParse({ cursor: "c1.1", reset: true, guides: [sampleGuide()], withdrawn: [] }).success,
    ).toBe(true);
    expect(CataloguePage.safeParse({ cursor: "c1.1", reset: true, guides: [{}], withdrawn: [] }).success).toBe(false);
  });
});

describe("error messages", () => {
  it("exist in both languages for every code", () => {
    for (const [code, text] of Object.entries(ERROR_MESSAGES)) {
      expect(text.id, code).not.toBe(text.en);
      expect(text.id.length, code).toBeGreaterThan(10);
    }
  });
});
