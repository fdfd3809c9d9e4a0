import { describe, expect, it } from "vitest";
import { seedCatalogue } from "../../server/seed/catalogue";
import { CataloguePage } from "../../shared/api/catalogue";
import { Guide } from "../../shared/guide";
import { parseDroppingUnknownKeys } from "../../shared/tolerant-parse";

const guide = Guide.parse(seedCatalogue[0]);

describe("a catalogue from a newer server, read by an app not yet updated", () => {
  it("keeps the guides and drops the fields this app does not know, at any depth", () => {
    const newer = {
      cursor: "c1.9",
      reset: false,
      withdrawn: [],
      futurePageField: 1,
      guides: [
        {
          ...guide,
          futureGuideField: { anything: true },
          requirements: guide.requirements.map((r, i) => (i === 0 ? { ...r, futureRule: "x" } : r)),
        },
      ],
    };
    expect(() => CataloguePage.parse(newer)).toThrow();
    const page = parseDroppingUnknownKeys(CataloguePage, newer);
    expect(page.guides[0]).toEqual(guide);
    expect(page.guides[0]).not.toHaveProperty("futureGuideField");
    expect(page.guides[0]?.requirements[0]).not.toHaveProperty("futureRule");
    // The answer as received is left as it was.
    expect(newer.guides[0]).toHaveProperty("futureGuideField");
  });

  it("still refuses a broken answer: a wrong type is not an unknown field", () => {
    const broken = { cursor: "c1.9", reset: false, withdrawn: [], guides: [{ ...guide, version: "two", extra: 1 }] };
    expect(() => parseDroppingUnknownKeys(CataloguePage, broken)).toThrow();
  });
});
