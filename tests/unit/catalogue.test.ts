import { describe, expect, it } from "vitest";
import { seedCatalogue } from "../../server/seed/catalogue";
import { conditionQuestions } from "../../shared/conditions";
import { CATEGORIES, Guide } from "../../shared/guide";

/** Parsed guides; a guide that fails to parse is reported by the first test. */
const guides = seedCatalogue.flatMap((input) => {
  const result = Guide.safeParse(input);
  return result.success ? [result.data] : [];
});

describe("seed catalogue", () => {
  it("parses every guide with the Guide schema", () => {
    for (const input of seedCatalogue) {
      const result = Guide.safeParse(input);
      expect(result.success, `${input.id}: ${result.error?.message ?? ""}`).toBe(true);
    }
  });

  it("has at least 30 guides with unique ids", () => {
    expect(seedCatalogue.length).toBeGreaterThanOrEqual(30);
    const ids = seedCatalogue.map((guide) => guide.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("marks every seeded guide as needing office confirmation", () => {
    for (const guide of guides) {
      expect(guide.source.needsOfficeConfirmation, guide.id).toBe(true);
      expect(guide.version, guide.id).toBe(1);
    }
  });

  it("uses every category", () => {
    const used = new Set(guides.map((guide) => guide.category));
    for (const category of CATEGORIES) expect(used.has(category), category).toBe(true);
  });

  it("references every question from at least one requirement or eligibility condition", () => {
    for (const guide of guides) {
      const referenced = new Set<string>();
      for (const requirement of guide.requirements) {
        if (requirement.when) conditionQuestions(requirement.when, referenced);
      }
      for (const rule of guide.eligibility ?? []) if (rule.when) conditionQuestions(rule.when, referenced);
      for (const question of guide.questions) {
        expect(referenced.has(question.id), `${guide.id}: question '${question.id}' is never used`).toBe(true);
      }
    }
  });

  it("has an English translation of every title", () => {
    for (const guide of guides) {
      expect(guide.title.en.trim(), guide.id).not.toBe(guide.title.id.trim());
    }
  });

  it("keeps guides within the authoring limits", () => {
    for (const guide of guides) {
      expect(guide.requirements.length, guide.id).toBeGreaterThanOrEqual(3);
      // Every paper the office checks is its own requirement (each person's KTP-el, each letter), so the
      // longest guide (a non-Muslim marriage: each partner's KTP-el, KK and birth certificate) has 14.
      expect(guide.requirements.length, guide.id).toBeLessThanOrEqual(14);
      expect(guide.steps.length, guide.id).toBeGreaterThanOrEqual(3);
      expect(guide.steps.length, guide.id).toBeLessThanOrEqual(6);
    }
    expect(guides.filter((guide) => guide.questions.length > 0).length).toBeGreaterThanOrEqual(15);
  });
});
