import { describe, expect, it } from "vitest";
import { describeChanges } from "../../shared/review/changes";
import { searchable, searchTerms } from "../../shared/review/search";
import { carriedVerdicts, reasonNeeded } from "../../shared/review/workflow";

describe("verdicts a resubmitted file keeps", () => {
  const previous = {
    requirements: {
      "ktp-el": { status: "needs-fix" as const, reasonCode: "blurry" },
      "kartu-keluarga": { status: "accepted" as const },
      "pengantar-rt-rw": { status: "accepted" as const },
    },
  };

  it("keeps 'accepted' on a requirement nothing changed on, and never carries a flag", () => {
    expect(carriedVerdicts(previous, ["requirement:ktp-el", "applicant:phone"])).toEqual({
      "kartu-keluarga": { status: "accepted" },
      "pengantar-rt-rw": { status: "accepted" },
    });
    expect(carriedVerdicts(previous, [])).not.toHaveProperty("ktp-el");
  });

  it("drops an acceptance once the cadre touched that requirement", () => {
    expect(carriedVerdicts(previous, ["requirement:kartu-keluarga"])).toEqual({
      "pengantar-rt-rw": { status: "accepted" },
    });
  });

  it("carries nothing when what changed is unknown or there was no earlier verdict", () => {
    expect(carriedVerdicts(previous, null)).toEqual({});
    expect(carriedVerdicts(null, [])).toEqual({});
  });
});

describe("what changed, in the office's words", () => {
  it("tells a replaced photo from an edited date, and names applicant fields", () => {
    expect(
      describeChanges(["requirement:ktp-el", "pages:ktp-el", "requirement:pengantar-rt-rw", "applicant:nik"]),
    ).toEqual([
      { kind: "pages-replaced", requirementId: "ktp-el" },
      { kind: "requirement-edited", requirementId: "pengantar-rt-rw" },
      { kind: "field-edited", field: "nik" },
    ]);
  });
});

describe("the queue's search box", () => {
  it("reads a NIK typed as printed as its digits, and never as a name", () => {
    expect(searchTerms(" 3171 0152.0390-0001 ")).toEqual({
      name: null,
      nikDigits: "3171015203900001",
      idPrefix: null,
    });
  });

  it("reads a file number's start as an id prefix, and letters as a name", () => {
    expect(searchTerms("019A3F2B-7C")).toMatchObject({ idPrefix: "019a3f2b-7c", nikDigits: null });
    expect(searchTerms("Ade")).toEqual({ name: "Ade", nikDigits: null, idPrefix: null });
    expect(searchTerms("dewi  sartika")).toMatchObject({ name: "dewi sartika", idPrefix: null });
  });

  it("finds nothing for a term too short to mean anything", () => {
    expect(searchable(searchTerms("a"))).toBe(false);
    expect(searchable(searchTerms("317"))).toBe(false);
  });
});

describe("where a decision needs a reason", () => {
  it("asks per requirement for a send-back, overall for a rejection, and nothing for a verification", () => {
    expect([
      reasonNeeded("needs-fix"),
      reasonNeeded("rejected"),
      reasonNeeded("verified"),
      reasonNeeded("approved"),
    ]).toEqual(["per-requirement", "overall", null, null]);
  });
});
