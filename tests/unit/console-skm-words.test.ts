import { describe, expect, it } from "vitest";
import { selectionFrom, selectionQuery } from "../../client/console/components/skm/skm-api";
import { categoryText, formatNrr, formatScore, recentPeriods, weakestFirst } from "../../client/skm/skm-words";
import type { SkmElementResult } from "../../shared/api/skm";

const element = (elementId: string, score: number | null): SkmElementResult => ({
  elementId,
  name: { id: elementId, en: elementId },
  nrr: score === null ? null : score / 25,
  score,
  category: null,
});

describe("the SKM figures' words", () => {
  it("sorts the weakest element first, ties in questionnaire order, unanswered last", () => {
    const sorted = weakestFirst([element("U1", 80), element("U2", null), element("U3", 62.5), element("U4", 80)]);
    expect(sorted.map((row) => row.elementId)).toEqual(["U3", "U1", "U4", "U2"]);
  });

  it("formats scores with the Indonesian comma and two decimals, NRR with three", () => {
    expect(formatScore(82.35)).toBe("82,35");
    expect(formatScore(100)).toBe("100,00");
    expect(formatScore(null)).toBe("—");
    expect(formatNrr(3.25)).toBe("3,250");
  });

  it("never shows the category letter without its words", () => {
    expect(categoryText("A", "id")).toBe("A (Sangat baik)");
    expect(categoryText("C", "id")).toBe("C (Kurang baik)");
    expect(categoryText("D", "en")).toBe("D (Very poor)");
  });

  it("offers this half-year first, then earlier half-years and years", () => {
    expect(recentPeriods("2026-12-03")).toEqual(["2026-S2", "2026-S1", "2026", "2025-S2", "2025-S1", "2025"]);
    expect(recentPeriods("2026-03-01")).toEqual(["2026-S1", "2026", "2025-S2", "2025-S1", "2025", "2024-S2"]);
  });

  it("carries the selection to the printable notice and back", () => {
    const query = selectionQuery({ period: "2026-S2", kecamatan: "31.71.01", service: "" });
    expect(query).toBe("?period=2026-S2&kecamatan=31.71.01");
    expect(selectionFrom(query)).toEqual({ period: "2026-S2", kecamatan: "31.71.01", service: "" });
  });
});
