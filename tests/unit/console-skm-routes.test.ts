import { describe, expect, it } from "vitest";
import { officialFeeText } from "../../client/console/components/complaints/complaint-words";
import { consolePaths, matchConsoleRoute } from "../../client/console/routes";

describe("the console's citizen-voice addresses", () => {
  it("routes the SKM report, its printable notice, the complaint queue and one complaint", () => {
    const id = "0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b";
    expect(matchConsoleRoute(consolePaths.skm)).toEqual({ name: "skm" });
    expect(matchConsoleRoute(consolePaths.skmNotice)).toEqual({ name: "skm-notice" });
    expect(matchConsoleRoute(consolePaths.complaints)).toEqual({ name: "complaints" });
    expect(matchConsoleRoute(`${consolePaths.complaints}/`)).toEqual({ name: "complaints" });
    expect(matchConsoleRoute(consolePaths.complaint(id))).toEqual({ name: "complaint", id });
    expect(matchConsoleRoute("/konsol/pengaduan/ADU-744A4-5YA79")).toEqual({ name: "not-found" });
  });

  it("says a free service's official fee as Gratis (Rp 0), and an unknown one in words", () => {
    expect(officialFeeText(0)).toBe("Gratis (Rp 0)");
    expect(officialFeeText(10_000)).toMatch(/^Rp\s10\.000$/);
    expect(officialFeeText(null)).toBe("tidak diketahui");
  });
});
