import { afterEach, describe, expect, it } from "vitest";
import { ServiceTimeText } from "../../client/components/GuideFacts";
import { describeAcceptance } from "../../client/guide/describe";
import { interpolate, locale, pluralBranch, t } from "../../client/i18n";

const DAYS = "one {# working day} other {# working days}";

afterEach(() => {
  locale.value = "id";
});

describe("plural forms", () => {
  it("picks English's one/other by Intl.PluralRules: 1 day, 0 and 3 days", () => {
    expect(pluralBranch(DAYS, 1, "en")).toBe("# working day");
    expect(pluralBranch(DAYS, 0, "en")).toBe("# working days");
    expect(pluralBranch(DAYS, 3, "en")).toBe("# working days");
  });

  it("prefers an exact =n form, and falls back to other for a category the message lacks", () => {
    expect(pluralBranch("=0 {none} one {one} other {many}", 0, "en")).toBe("none");
    expect(pluralBranch("other {hari}", 1, "id")).toBe("hari");
  });

  it("fills the number into the chosen form, leaving the rest of the message as it was", () => {
    locale.value = "en";
    expect(
      interpolate("{done} of {total, plural, one {# requirement} other {# requirements}} ready", { done: 0, total: 1 }),
    ).toBe("0 of 1 requirement ready");
    expect(interpolate("{count, plural, one {# service} other {# services}} saved", { count: "1.234" })).toBe(
      "1.234 services saved",
    );
  });

  it("says “1 working day” and “3 working days” in English, and “1 hari kerja” in Indonesian", () => {
    locale.value = "en";
    expect(t("workingDays", { count: 1 })).toBe("1 working day");
    expect(t("workingDays", { count: 3 })).toBe("3 working days");
    expect(t("resultsCount", { count: 1 })).toBe("1 service");
    expect(describeAcceptance({ maxAgeDays: 1 }, "en")).toBe("valid for at most 1 day");
    locale.value = "id";
    expect(t("workingDays", { count: 1 })).toBe("1 hari kerja");
    expect(ServiceTimeText({ days: 0 }).props.children).toBe("Selesai di hari yang sama");
  });
});
