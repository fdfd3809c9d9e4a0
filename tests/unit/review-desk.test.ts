import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { VerdictRequest } from "../../shared/api/console";
import { describeChanges } from "../../shared/review/changes";
import { searchable, searchTerms, trackingCandidates } from "../../shared/review/search";
import {
  carriedVerdicts,
  type Decision,
  reasonNeeded,
  type VerdictProblem,
  verdictProblem,
} from "../../shared/review/workflow";
import { newTrackingNumber, parseTrackingNumber } from "../../shared/tracking/number";
import { allTrackingPrefixes, FALLBACK_PREFIX } from "../../shared/tracking/prefix";

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
      trackingNumber: null,
      trackingBody: null,
    });
  });

  it("reads a whole tracking number, typed in any case and spacing, as that number and nothing else", () => {
    const number = newTrackingNumber("DRN", (n) => randomBytes(n));
    expect(searchTerms(number.toLowerCase().replaceAll("-", " "))).toMatchObject({
      trackingNumber: number,
      nikDigits: null,
    });
    // One character changed: the check character disagrees, so it is no number at all.
    const last = number.at(-1) === "2" ? "3" : "2";
    expect(searchTerms(number.slice(0, -1) + last).trackingNumber).toBeNull();
  });

  it("reads a number typed without its office prefix as its ten characters, in any case and spacing", () => {
    const number = newTrackingNumber("DRN", (n) => randomBytes(n));
    const body = number.slice(4);
    for (const typed of [body, body.toLowerCase(), body.replace("-", ""), ` ${body.replace("-", " . ")} `]) {
      expect(searchTerms(typed), typed).toMatchObject({ trackingBody: body.replace("-", ""), trackingNumber: null });
      expect(searchable(searchTerms(typed))).toBe(true);
    }
    // The whole number is a number, not a body; nine or eleven characters, or an O, are neither.
    expect(searchTerms(number).trackingBody).toBeNull();
    expect(searchTerms(body.slice(1)).trackingBody).toBeNull();
    expect(searchTerms(`${body}2`).trackingBody).toBeNull();
    expect(searchTerms(`O${body.slice(1)}`).trackingBody).toBeNull();
    expect(searchTerms("Ani Satu").trackingBody).toBeNull();
  });

  it("turns a body into the few whole numbers whose check character it satisfies, the right one among them", () => {
    const prefixes = [...allTrackingPrefixes().values(), FALLBACK_PREFIX];
    let total = 0;
    for (let i = 0; i < 200; i++) {
      const prefix = prefixes[i % prefixes.length] ?? FALLBACK_PREFIX;
      const number = newTrackingNumber(prefix, (n) => randomBytes(n));
      const candidates = trackingCandidates(searchTerms(number.slice(4)), prefixes);
      expect(candidates).toContain(number);
      for (const candidate of candidates) {
        expect(parseTrackingNumber(candidate)).toEqual({ ok: true, number: candidate });
        expect(candidate.slice(4)).toBe(number.slice(4));
      }
      total += candidates.length;
    }
    // The check character covers the prefix: a body fits about one prefix in 31, so a handful to look up.
    expect(total / 200).toBeLessThan(4);
    // A whole number is itself; a name, none.
    const whole = newTrackingNumber("DRN", (n) => randomBytes(n));
    expect(trackingCandidates(searchTerms(whole.toLowerCase()), prefixes)).toEqual([whole]);
    expect(trackingCandidates(searchTerms("Ani Satu"), prefixes)).toEqual([]);
  });

  it("reads a file number's start as an id prefix, and letters as a name", () => {
    expect(searchTerms("019A3F2B-7C")).toMatchObject({ idPrefix: "019a3f2b-7c", nikDigits: null });
    expect(searchTerms("Ade")).toEqual({
      name: "Ade",
      nikDigits: null,
      idPrefix: null,
      trackingNumber: null,
      trackingBody: null,
    });
    expect(searchTerms("dewi  sartika")).toMatchObject({ name: "dewi sartika", idPrefix: null });
  });

  it("finds nothing for a term too short to mean anything", () => {
    expect(searchable(searchTerms("a"))).toBe(false);
    expect(searchable(searchTerms("317"))).toBe(false);
  });
});

describe("where a decision needs a reason", () => {
  it("asks a rejection for a reason always, a send-back only when it flags no requirement, and nothing else", () => {
    expect([
      reasonNeeded("needs-fix", 0),
      reasonNeeded("needs-fix", 2),
      reasonNeeded("rejected", 0),
      reasonNeeded("rejected", 1),
      reasonNeeded("verified", 0),
      reasonNeeded("approved", 0),
    ]).toEqual(["fix", null, "reject", "reject", null, null]);
  });

  it("is the same rule on the server's request and in the console's form", () => {
    const cases: [Decision, number, string | undefined, VerdictProblem | null][] = [
      ["verified", 1, undefined, "stillFixes"],
      ["approved", 1, undefined, "stillFixes"],
      ["verified", 0, undefined, null],
      ["needs-fix", 0, undefined, "needFixOne"],
      ["needs-fix", 0, "blurry", null],
      ["needs-fix", 1, undefined, null],
      ["rejected", 0, undefined, "rejectNeedsReason"],
      ["rejected", 0, "blurry", "rejectNeedsReason"],
      ["rejected", 0, "duplicate", null],
    ];
    for (const [decision, flagged, reasonCode, problem] of cases) {
      expect(verdictProblem(decision, flagged, reasonCode), `${decision} ${flagged} ${reasonCode}`).toBe(problem);
      const requirements = Object.fromEntries(
        Array.from({ length: flagged }, (_, i) => [`req-${i}`, { status: "needs-fix", reasonCode: "blurry" }]),
      );
      const request = VerdictRequest.safeParse({ expectedVersion: 1, decision, reasonCode, requirements });
      expect(request.success, `${decision} ${flagged} ${reasonCode}`).toBe(problem === null);
    }
  });
});
