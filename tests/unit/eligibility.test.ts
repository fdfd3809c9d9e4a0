import { describe, expect, it } from "vitest";
import { Draft } from "../../shared/draft";
import { Guide, type GuideInput } from "../../shared/guide";
import { type PrecheckResult, precheck } from "../../shared/precheck";
import { checkEligibility, wholeYears } from "../../shared/precheck/eligibility";
import { createRegionIndex } from "../../shared/regions";
import { nikFor, shiftDate, yearsBefore } from "../helpers/catalogue-files";
import { sampleGuide } from "../helpers/sample-guide";

/**
 * The eligibility rules a guide states as data (shared/precheck/eligibility.ts):
 * refusals by answer, age from the birth date, deadlines on a date the cadre
 * enters. Every failing case has its valid twin.
 */
const TODAY = "2026-02-15";
const CIDENG = "31.71.01.1002";
const regions = createRegionIndex();
const text = (id: string, en = id) => ({ id, en });

const input: GuideInput = sampleGuide({
  id: "surat-uji-syarat",
  questions: [
    { id: "diwakilkan", kind: "yes-no", text: text("Diwakilkan?", "Represented?") },
    { id: "pernah", kind: "yes-no", text: text("Pernah punya?", "Had one before?") },
    {
      id: "kelompok",
      kind: "choice",
      text: text("Kelompok usia", "Age group"),
      options: [
        { value: "dewasa", label: text("Dewasa", "Adult") },
        { value: "anak", label: text("Anak", "Child") },
      ],
    },
  ],
  requirements: [
    { id: "ktp", kind: "document", label: text("KTP-el", "Identity card") },
    { id: "tanggal-acara", kind: "data", label: text("Tanggal acara", "Event date") },
    {
      id: "tanggal-khusus",
      kind: "data",
      label: text("Tanggal khusus", "Special date"),
      when: { q: "kelompok", is: "anak" },
    },
  ],
  eligibility: [
    { id: "sekali", when: { q: "pernah", is: true }, message: text("Hanya sekali.", "Only once.") },
    {
      id: "dewasa",
      when: { q: "kelompok", is: "dewasa" },
      date: "applicant.birthDate",
      minYears: 17,
      message: text("Harus 17 tahun.", "Must be 17."),
    },
    {
      id: "anak",
      when: { q: "kelompok", is: "anak" },
      date: "applicant.birthDate",
      belowYears: 17,
      message: text("Harus di bawah 17 tahun.", "Must be under 17."),
    },
    {
      id: "acara",
      date: "data.tanggal-acara",
      minDaysAgo: -30,
      maxDaysAgo: -14,
      message: text("Acara 14 sampai 30 hari lagi.", "The event is 14 to 30 days ahead."),
    },
    { id: "khusus", date: "data.tanggal-khusus", minDaysAgo: 0, message: text("Sudah lewat.", "In the past.") },
  ],
});
const guide = Guide.parse(input);

function draft(change: Change = () => {}): Draft {
  const birthDate = yearsBefore(TODAY, 30);
  const d = Draft.parse({
    id: "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f",
    guideId: guide.id,
    guideVersion: 1,
    applicant: {
      fullName: "Budi Santoso",
      nik: nikFor(birthDate),
      birthDate,
      sex: "male",
      phone: "081234567890",
      address: { street: "Jl. Kebon Kelapa 7", rt: "3", rw: "11", villageCode: CIDENG },
    },
    answers: { diwakilkan: false, pernah: false, kelompok: "dewasa" },
    data: { "tanggal-acara": shiftDate(TODAY, 20) },
    documents: {
      ktp: { pages: [{ blobId: "b1", mime: "image/jpeg", bytes: 1000, addedAt: "2026-02-10T08:00:00.000Z" }] },
    },
    officeAreaCode: CIDENG,
    createdAt: "2026-02-10T08:00:00.000Z",
    updatedAt: "2026-02-10T08:00:00.000Z",
  });
  change(d);
  return Draft.parse(d);
}
const run = (d: Draft, g: Guide = guide): PrecheckResult => precheck(g, d, { today: TODAY, regions });
const fixes = (d: Draft, g: Guide = guide) => run(d, g).toFix.map((r) => `${r.code}@${r.field ?? r.requirementId}`);
type Change = (d: Draft) => void;
const all =
  (...changes: Change[]): Change =>
  (d) => {
    for (const change of changes) change(d);
  };
const answer =
  (id: string, value: boolean | string | undefined): Change =>
  (d) => {
    if (value === undefined) delete d.answers[id];
    else d.answers[id] = value;
  };
const setData =
  (id: string, value: string | undefined): Change =>
  (d) => {
    if (value === undefined) delete d.data[id];
    else d.data[id] = value;
  };
const bornYearsAgo =
  (years: number, extraDays = 0): Change =>
  (d) => {
    d.applicant.birthDate = yearsBefore(TODAY, years, extraDays);
    d.applicant.nik = nikFor(d.applicant.birthDate);
  };

describe("eligibility: a file that meets every rule", () => {
  it("is ready", () => {
    expect(fixes(draft())).toEqual([]);
    expect(run(draft()).verdict).toBe("ready");
  });
});

describe("eligibility: refusal by answer (what may not be filed twice)", () => {
  it("refuses when the answer says the applicant already had one, naming the question", () => {
    const result = run(draft(answer("pernah", true)));
    expect(result.verdict).toBe("not-ready");
    const reason = result.applicant.find((r) => r.code === "eligibility-refused");
    expect(reason).toMatchObject({ field: "answers.pernah", message: { id: "Hanya sekali.", en: "Only once." } });
  });

  it("waits for the question while it is unanswered, and lists it once", () => {
    const d = draft(answer("pernah", undefined));
    expect(run(d).verdict).toBe("not-ready");
    expect(fixes(d).filter((f) => f === "question-unanswered@answers.pernah")).toHaveLength(1);
  });
});

describe("eligibility: age from the applicant's birth date", () => {
  it("refuses an adult's file one day before the 17th birthday and accepts it on the birthday", () => {
    const early = draft(bornYearsAgo(17, -1));
    expect(fixes(early)).toEqual(["eligibility-date@applicant.birthDate"]);
    expect(run(early).toFix[0]?.message.id).toContain("umur 16 tahun");
    expect(run(early).toFix[0]?.message.en).toContain("16 years old");
    expect(fixes(draft(bornYearsAgo(17)))).toEqual([]);
  });

  it("refuses a child's file on the 17th birthday and accepts it the day before", () => {
    const child = all(answer("kelompok", "anak"), setData("tanggal-khusus", TODAY));
    expect(fixes(draft(all(child, bornYearsAgo(17))))).toEqual(["eligibility-date@applicant.birthDate"]);
    expect(fixes(draft(all(child, bornYearsAgo(17, -1))))).toEqual([]);
  });

  it("asks for the birth date once when a rule needs it, and says nothing more for an unreadable one", () => {
    const missing = fixes(
      draft((d) => {
        d.applicant.birthDate = "";
      }),
    );
    expect(missing.filter((f) => f.startsWith("applicant-birthdate-missing"))).toHaveLength(1);
    expect(missing).not.toContain("eligibility-date@applicant.birthDate");
  });

  it("counts whole years to the day, a 29 February birthday from 1 March", () => {
    expect(wholeYears("2008-02-29", "2025-02-28")).toBe(16);
    expect(wholeYears("2008-02-29", "2025-03-01")).toBe(17);
    expect(wholeYears("2008-02-29", "2028-02-29")).toBe(20);
    expect(wholeYears("1990-03-12", "2026-03-11")).toBe(35);
    expect(wholeYears("1990-03-12", "2026-03-12")).toBe(36);
  });
});

describe("eligibility: a deadline on a date the cadre enters", () => {
  const event = (days: number) => setData("tanggal-acara", shiftDate(TODAY, days));
  it("refuses an event 13 days ahead and accepts one 14 days ahead", () => {
    expect(fixes(draft(event(13)))).toEqual(["eligibility-date@data.tanggal-acara"]);
    expect(run(draft(event(13))).toFix[0]?.message.id).toContain("13 hari lagi");
    expect(fixes(draft(event(14)))).toEqual([]);
  });

  it("names the requirement that holds the date, so a client shows the reason beside its card", () => {
    const [reason] = run(draft(event(13))).toFix;
    expect(reason).toMatchObject({ requirementId: "tanggal-acara", field: "data.tanggal-acara" });
    const [empty] = run(draft(setData("tanggal-acara", ""))).toFix;
    expect(empty).toMatchObject({ code: "data-missing", requirementId: "tanggal-acara" });
  });

  it("refuses an event 31 days ahead and accepts one 30 days ahead", () => {
    expect(fixes(draft(event(31)))).toEqual(["eligibility-date@data.tanggal-acara"]);
    expect(fixes(draft(event(30)))).toEqual([]);
  });

  it("reads a date typed as on Indonesian papers (DD-MM-YYYY)", () => {
    const typed = shiftDate(TODAY, 20).split("-").reverse().join("-");
    expect(fixes(draft(setData("tanggal-acara", typed)))).toEqual([]);
  });

  it("refuses text that is not a date, naming the field, and lists an empty date once", () => {
    expect(fixes(draft(setData("tanggal-acara", "minggu depan")))).toEqual([
      "eligibility-date-invalid@data.tanggal-acara",
    ]);
    expect(fixes(draft(setData("tanggal-acara", undefined)))).toEqual(["data-missing@data.tanggal-acara"]);
  });

  it("ignores a date asked only in other cases, and asks for it when the case applies", () => {
    expect(fixes(draft())).toEqual([]);
    const child = draft((d) => {
      d.answers.kelompok = "anak";
      bornYearsAgo(10)(d);
    });
    expect(fixes(child)).toEqual(["data-missing@data.tanggal-khusus"]);
    expect(
      fixes(
        draft((d) => {
          d.answers.kelompok = "anak";
          bornYearsAgo(10)(d);
          d.data["tanggal-khusus"] = TODAY;
        }),
      ),
    ).toEqual([]);
    expect(
      fixes(
        draft((d) => {
          d.answers.kelompok = "anak";
          bornYearsAgo(10)(d);
          d.data["tanggal-khusus"] = shiftDate(TODAY, 1);
        }),
      ),
    ).toEqual(["eligibility-date@data.tanggal-khusus"]);
  });
});

describe("eligibility: total and deterministic", () => {
  it("never throws, whatever the draft or a guide that skipped validation holds", () => {
    const broken = {
      ...guide,
      eligibility: [
        { id: "x", when: {} },
        { id: "y", date: "data.nope", minDaysAgo: 0 },
        { id: "z", date: "applicant.birthDate" },
        null,
      ],
    } as unknown as Guide;
    for (const d of [null, undefined, 42, "draft", {}, { applicant: null, data: [] }, draft()]) {
      expect(() => checkEligibility(broken, d, {}, TODAY)).not.toThrow();
      expect(() => checkEligibility(guide, d, {}, TODAY)).not.toThrow();
    }
    expect(() =>
      checkEligibility({ ...guide, eligibility: "no" } as unknown as Guide, draft(), {}, TODAY),
    ).not.toThrow();
    // A rule that cannot be read is never a pass.
    expect(checkEligibility(broken, draft(), {}, TODAY).length).toBeGreaterThan(0);
  });

  it("gives the same answer twice, with both languages in every message", () => {
    const d = draft((x) => {
      x.answers.pernah = true;
      x.data["tanggal-acara"] = shiftDate(TODAY, 2);
    });
    const first = run(d);
    expect(run(d)).toEqual(first);
    for (const reason of first.toFix) {
      expect(reason.message.id.trim()).not.toBe("");
      expect(reason.message.en.trim()).not.toBe("");
    }
  });
});

describe("eligibility: the guide schema", () => {
  const withRules = (eligibility: unknown) => Guide.safeParse({ ...input, eligibility });
  const rule = { id: "aturan-uji", message: text("Pesan", "Message") };
  it.each([
    ["a condition on an unknown question", { ...rule, when: { q: "tidak-ada", is: true } }],
    ["a date from a requirement that does not exist", { ...rule, date: "data.tidak-ada", minDaysAgo: 0 }],
    ["a date from a document requirement", { ...rule, date: "data.ktp", minDaysAgo: 0 }],
    ["a date from an applicant field other than the birth date", { ...rule, date: "applicant.nik", minYears: 1 }],
    ["a dated rule without bounds", { ...rule, date: "applicant.birthDate" }],
    ["a rule without a date and without a condition", { ...rule }],
    ["bounds without a date", { ...rule, when: { q: "pernah", is: true }, minYears: 3 }],
    ["minYears not below belowYears", { ...rule, date: "applicant.birthDate", minYears: 17, belowYears: 17 }],
    ["minDaysAgo above maxDaysAgo", { ...rule, date: "data.tanggal-acara", minDaysAgo: 5, maxDaysAgo: 4 }],
  ])("refuses %s", (_name, bad) => {
    const result = withRules([bad]);
    expect(result.success).toBe(false);
    // Refused for the rule's content, not its id.
    for (const issue of result.error?.issues ?? []) {
      expect(issue.path.slice(0, 1)).toEqual(["eligibility"]);
      expect(issue.path.at(-1)).not.toBe("id");
    }
  });

  it("refuses two rules with one id, and accepts each rule on its own", () => {
    const a = { ...rule, when: { q: "pernah", is: true } };
    expect(withRules([a, a]).success).toBe(false);
    expect(withRules([a]).success).toBe(true);
    expect(withRules([{ ...rule, date: "applicant.birthDate", minYears: 16, belowYears: 17 }]).success).toBe(true);
    expect(withRules([{ ...rule, date: "data.tanggal-acara", minDaysAgo: -5, maxDaysAgo: -5 }]).success).toBe(true);
  });
});
