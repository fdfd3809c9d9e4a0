import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedCatalogue } from "../../server/seed/catalogue";
import { type DocumentPage, Draft, type PageMime } from "../../shared/draft";
import { Guide, type GuideInput } from "../../shared/guide";
import { type PrecheckContext, type PrecheckResult, precheck } from "../../shared/precheck";
import { createRegionIndex, type RegionIndex, type Village } from "../../shared/regions";
import { ruleDateFor } from "../helpers/catalogue-files";
import { sampleGuide } from "../helpers/sample-guide";

const ID = "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f";
const TODAY = "2026-02-15";
const AT = "2026-02-10T08:00:00.000Z";

/** Man born 12-03-1990 in Kecamatan Gambir (31.71.01). */
const NIK_MAN = "3171011203900001";
/** Woman born 12-03-1990 (day + 40). */
const NIK_WOMAN = "3171015203900001";
/** First registered in Duren Sawit (Jakarta Timur): the NIK never follows the current address. */
const NIK_DUREN_SAWIT = "3175071203900002";
/** KK issued in Gambir on 15-01-2020. */
const KK = "3171011501200003";

const GAMBIR = "31.71.01.1001";
const CIDENG = "31.71.01.1002";
const PASAR_BARU = "31.71.02.1001";

const village = (code: string, name: string, districtName: string, regencyName: string): Village => ({
  code,
  name,
  districtCode: code.slice(0, 8),
  districtName,
  regencyCode: code.slice(0, 5),
  regencyName,
  provinceCode: code.slice(0, 2),
});
const FAKE_VILLAGES = new Map(
  [
    village(GAMBIR, "Gambir", "Gambir", "Kota Administrasi Jakarta Pusat"),
    village(CIDENG, "Cideng", "Gambir", "Kota Administrasi Jakarta Pusat"),
    village(PASAR_BARU, "Pasar Baru", "Sawah Besar", "Kota Administrasi Jakarta Pusat"),
    village("31.75.07.1001", "Duren Sawit", "Duren Sawit", "Kota Administrasi Jakarta Timur"),
  ].map((v) => [v.code, v]),
);
/** A small stand-in for the real index: four kelurahan and their kecamatan. */
const fakeRegions: RegionIndex = {
  hasDistrict: (code) => ["317101", "317102", "317507"].includes(code.replaceAll(".", "")),
  village: (code) => FAKE_VILLAGES.get(code),
};
const realRegions = createRegionIndex();

const context = (regions: RegionIndex = fakeRegions, today = TODAY): PrecheckContext => ({ today, regions });

const text = (id: string, en = id) => ({ id, en });

/** Every rule kind in one small guide. */
const testGuideInput: GuideInput = sampleGuide({
  id: "surat-uji-precheck",
  residency: "kelurahan",
  questions: [
    { id: "diwakilkan", kind: "yes-no", text: text("Apakah pengurusan diwakilkan?", "Is someone applying for you?") },
    {
      id: "skala",
      kind: "choice",
      text: text("Usaha mikro atau kecil?", "Micro or small business?"),
      options: [
        { value: "mikro", label: text("Mikro", "Micro") },
        { value: "kecil", label: text("Kecil", "Small") },
      ],
    },
  ],
  requirements: [
    {
      id: "pengantar-rt-rw",
      kind: "document",
      label: text("Surat pengantar RT/RW", "RT/RW covering letter"),
      acceptance: { form: "original", maxAgeDays: 30 },
    },
    { id: "ktp-el", kind: "document", label: text("KTP-el pemohon", "Applicant's ID card"), minPages: 2 },
    {
      id: "npwp",
      kind: "document",
      label: text("NPWP usaha", "Business tax number"),
      acceptance: { form: "digital", formats: ["pdf"] },
      when: { q: "skala", is: "kecil" },
    },
    {
      id: "foto-usaha",
      kind: "document",
      label: text("Foto tempat usaha", "Photo of the business"),
      acceptance: { formats: ["jpg"] },
    },
    {
      id: "surat-kuasa",
      kind: "statement",
      label: text("Surat kuasa bermeterai", "Power of attorney on duty stamp"),
      acceptance: { stamped: true },
      when: { q: "diwakilkan", is: true },
    },
    { id: "nomor-kk", kind: "data", label: text("Nomor KK", "Family card number"), field: "kk" },
    { id: "tanggal-lahir", kind: "data", label: text("Tanggal lahir", "Date of birth"), field: "birthDate" },
    { id: "jenis-kelamin", kind: "data", label: text("Jenis kelamin", "Sex"), field: "sex" },
    { id: "nama-usaha", kind: "data", label: text("Nama usaha", "Business name") },
  ],
});
const testGuide = Guide.parse(testGuideInput);

const page = (mime: PageMime = "image/jpeg", n = 1) => ({ blobId: `blob-${n}`, mime, bytes: 120_000, addedAt: AT });

/** A complete draft for the test guide: ready as it stands. */
function completeDraft(): Draft {
  return Draft.parse({
    id: ID,
    guideId: testGuide.id,
    guideVersion: 1,
    applicant: {
      fullName: "Siti Nur'aini, S.Pd.",
      nik: NIK_WOMAN,
      kk: KK,
      birthDate: "1990-03-12",
      sex: "female",
      phone: "081234567890",
      address: { street: "Jl. Merdeka Barat No. 5", rt: "005", rw: "02", villageCode: GAMBIR },
    },
    answers: { diwakilkan: false, skala: "mikro" },
    data: { "nama-usaha": "Warung Bu Siti" },
    documents: {
      "pengantar-rt-rw": { pages: [page()], issuedOn: "2026-02-01" },
      "ktp-el": { pages: [page("image/jpeg", 1), page("image/webp", 2)] },
      "foto-usaha": { pages: [page("image/jpeg")] },
    },
    officeAreaCode: GAMBIR,
    createdAt: AT,
    updatedAt: AT,
  });
}

function draftWith(change: (draft: Draft) => void): Draft {
  const draft = completeDraft();
  change(draft);
  return Draft.parse(draft);
}

const verdictOf = (result: PrecheckResult, id: string) => {
  const verdict = result.requirements.find((r) => r.requirementId === id);
  if (!verdict) throw new Error(`no verdict for ${id}`);
  return verdict;
};
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe("precheck: a complete draft", () => {
  it("is ready, with one verdict per requirement in guide order", () => {
    const result = precheck(testGuide, completeDraft(), context());
    expect(result.toFix).toEqual([]);
    expect(result.applicant).toEqual([]);
    expect(result.verdict).toBe("ready");
    expect(result.requirements.map((r) => r.requirementId)).toEqual(testGuide.requirements.map((r) => r.id));
    expect(result.requirements.map((r) => r.status)).toEqual([
      "ok",
      "ok",
      "not-applicable",
      "ok",
      "not-applicable",
      "ok",
      "ok",
      "ok",
      "ok",
    ]);
    expect(result.counts).toEqual({ applicable: 7, ok: 7 });
  });
});

type Expect =
  | { applicant: string; field: string }
  | { requirement: string; status: "missing" | "invalid" | "not-applicable" | "ok"; code?: string; field?: string };

type Change = (draft: Draft) => void;
const setApplicant =
  (patch: Partial<Draft["applicant"]>): Change =>
  (d) => {
    Object.assign(d.applicant, patch);
  };
const setAddress =
  (patch: Partial<Draft["applicant"]["address"]>): Change =>
  (d) => {
    Object.assign(d.applicant.address, patch);
  };
/** Sets answers; `undefined` removes the answer. */
const setAnswers =
  (patch: Record<string, boolean | string | undefined>): Change =>
  (d) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) delete d.answers[key];
      else d.answers[key] = value;
    }
  };
/** Replaces a document; `undefined` removes it. */
const setDocument =
  (id: string, pages?: DocumentPage[], issuedOn = ""): Change =>
  (d) => {
    if (pages === undefined) delete d.documents[id];
    else d.documents[id] = { pages, issuedOn };
  };
const setData =
  (id: string, value?: string): Change =>
  (d) => {
    if (value === undefined) delete d.data[id];
    else d.data[id] = value;
  };
const both =
  (...changes: Change[]): Change =>
  (d) => {
    for (const change of changes) change(d);
  };

/** One row per rule: what to change in the complete draft, and what the pre-check must say. */
const cases: [string, Change, Expect][] = [
  // Base applicant data.
  [
    "empty name",
    setApplicant({ fullName: "  " }),
    { applicant: "applicant-name-missing", field: "applicant.fullName" },
  ],
  [
    "one-letter name",
    setApplicant({ fullName: "A" }),
    { applicant: "applicant-name-invalid", field: "applicant.fullName" },
  ],
  [
    "name with digits",
    setApplicant({ fullName: "Budi 2" }),
    { applicant: "applicant-name-invalid", field: "applicant.fullName" },
  ],
  [
    "name of punctuation only",
    setApplicant({ fullName: "..." }),
    { applicant: "applicant-name-invalid", field: "applicant.fullName" },
  ],
  ["empty NIK", setApplicant({ nik: "" }), { applicant: "applicant-nik-missing", field: "applicant.nik" }],
  ["short NIK", setApplicant({ nik: "317101120390" }), { applicant: "nik-length", field: "applicant.nik" }],
  [
    "NIK of a man, sex female",
    setApplicant({ nik: NIK_MAN }),
    { applicant: "nik-sex-mismatch", field: "applicant.nik" },
  ],
  [
    "NIK birth date differs",
    setApplicant({ birthDate: "1990-03-13" }),
    { applicant: "nik-birth-date-mismatch", field: "applicant.nik" },
  ],
  ["empty phone", setApplicant({ phone: "" }), { applicant: "applicant-phone-missing", field: "applicant.phone" }],
  ["phone of letters", setApplicant({ phone: "nomor saya" }), { applicant: "*", field: "applicant.phone" }],
  ["empty RT", setAddress({ rt: "" }), { applicant: "applicant-rt-missing", field: "applicant.address.rt" }],
  ["RT with a letter", setAddress({ rt: "5a" }), { applicant: "applicant-rt-invalid", field: "applicant.address.rt" }],
  ["RT 000", setAddress({ rt: "000" }), { applicant: "applicant-rt-invalid", field: "applicant.address.rt" }],
  ["empty RW", setAddress({ rw: "" }), { applicant: "applicant-rw-missing", field: "applicant.address.rw" }],
  ["RW with a dash", setAddress({ rw: "0-2" }), { applicant: "applicant-rw-invalid", field: "applicant.address.rw" }],
  [
    "no kelurahan",
    setAddress({ villageCode: "" }),
    { applicant: "applicant-village-missing", field: "applicant.address.villageCode" },
  ],
  [
    "unknown kelurahan",
    setAddress({ villageCode: "31.71.01.9999" }),
    { applicant: "applicant-village-unknown", field: "applicant.address.villageCode" },
  ],
  [
    "living outside the office's kelurahan",
    setAddress({ villageCode: CIDENG }),
    { applicant: "residency-outside", field: "applicant.address.villageCode" },
  ],
  // Data requirements pointing at applicant fields.
  [
    "KK entered wrong",
    setApplicant({ kk: "12345" }),
    { requirement: "nomor-kk", status: "invalid", field: "applicant.kk" },
  ],
  ["KK empty", setApplicant({ kk: "" }), { requirement: "nomor-kk", status: "missing", code: "applicant-kk-missing" }],
  [
    "birth date empty",
    setApplicant({ birthDate: "" }),
    { requirement: "tanggal-lahir", status: "missing", code: "applicant-birthdate-missing" },
  ],
  [
    "birth date in the future",
    setApplicant({ birthDate: "2030-03-12" }),
    { requirement: "tanggal-lahir", status: "invalid", field: "applicant.birthDate" },
  ],
  [
    "sex not chosen",
    setApplicant({ sex: undefined }),
    { requirement: "jenis-kelamin", status: "missing", code: "applicant-sex-missing" },
  ],
  // Questions.
  [
    "condition's question unanswered",
    setAnswers({ diwakilkan: undefined }),
    { requirement: "surat-kuasa", status: "missing", code: "question-unanswered", field: "answers.diwakilkan" },
  ],
  [
    "yes-no answered with a word",
    setAnswers({ diwakilkan: "ya" }),
    { requirement: "surat-kuasa", status: "missing", code: "question-unanswered" },
  ],
  [
    "choice answered outside its options",
    setAnswers({ skala: "besar" }),
    { requirement: "npwp", status: "missing", code: "question-unanswered", field: "answers.skala" },
  ],
  ["condition false", setAnswers({ diwakilkan: false }), { requirement: "surat-kuasa", status: "not-applicable" }],
  [
    "condition true and nothing photographed",
    setAnswers({ diwakilkan: true }),
    { requirement: "surat-kuasa", status: "missing", code: "document-missing", field: "documents.surat-kuasa.pages" },
  ],
  // Documents and statements.
  [
    "document not in the draft",
    setDocument("foto-usaha"),
    { requirement: "foto-usaha", status: "missing", code: "document-missing" },
  ],
  [
    "document with no pages",
    setDocument("foto-usaha", []),
    { requirement: "foto-usaha", status: "missing", code: "document-missing" },
  ],
  [
    "fewer pages than minPages",
    setDocument("ktp-el", [page()]),
    { requirement: "ktp-el", status: "missing", code: "document-pages" },
  ],
  [
    "PDF where only photos are accepted",
    setDocument("foto-usaha", [page("application/pdf")]),
    { requirement: "foto-usaha", status: "invalid", code: "document-format" },
  ],
  [
    "WebP photo where JPG is accepted",
    setDocument("foto-usaha", [page("image/webp")]),
    { requirement: "foto-usaha", status: "ok" },
  ],
  [
    "photo where only PDF is accepted",
    both(setAnswers({ skala: "kecil" }), setDocument("npwp", [page("application/pdf", 1), page("image/jpeg", 2)])),
    { requirement: "npwp", status: "invalid", code: "document-format" },
  ],
  [
    "PDF where PDF is accepted",
    both(setAnswers({ skala: "kecil" }), setDocument("npwp", [page("application/pdf")])),
    { requirement: "npwp", status: "ok" },
  ],
  [
    "letter date not entered",
    setDocument("pengantar-rt-rw", [page()], ""),
    {
      requirement: "pengantar-rt-rw",
      status: "missing",
      code: "document-date-missing",
      field: "documents.pengantar-rt-rw.issuedOn",
    },
  ],
  [
    "letter dated tomorrow",
    setDocument("pengantar-rt-rw", [page()], "2026-02-16"),
    { requirement: "pengantar-rt-rw", status: "invalid", code: "document-date-future" },
  ],
  [
    "letter 31 days old",
    setDocument("pengantar-rt-rw", [page()], "2026-01-15"),
    { requirement: "pengantar-rt-rw", status: "invalid", code: "document-expired" },
  ],
  [
    "letter exactly 30 days old",
    setDocument("pengantar-rt-rw", [page()], "2026-01-16"),
    { requirement: "pengantar-rt-rw", status: "ok" },
  ],
  [
    "letter dated today",
    setDocument("pengantar-rt-rw", [page()], TODAY),
    { requirement: "pengantar-rt-rw", status: "ok" },
  ],
  // Free data answers.
  [
    "free answer blank",
    setData("nama-usaha", "   "),
    { requirement: "nama-usaha", status: "missing", code: "data-missing", field: "data.nama-usaha" },
  ],
  ["free answer absent", setData("nama-usaha"), { requirement: "nama-usaha", status: "missing", code: "data-missing" }],
];

describe("precheck: one rule at a time", () => {
  it.each(cases)("%s", (_name, change, expected) => {
    const result = precheck(testGuide, draftWith(change), context());
    if ("applicant" in expected) {
      const found = result.applicant.filter((r) => r.field === expected.field);
      expect(found.length, JSON.stringify(result.applicant)).toBeGreaterThan(0);
      if (expected.applicant !== "*") expect(codes(found)).toContain(expected.applicant);
      for (const reason of found) {
        expect(reason.message.id.length).toBeGreaterThan(0);
        expect(reason.message.en.length).toBeGreaterThan(0);
      }
      expect(result.verdict).toBe("not-ready");
      expect(result.toFix[0]?.field).toBe(result.applicant[0]?.field);
      return;
    }
    const verdict = verdictOf(result, expected.requirement);
    expect(verdict.status, JSON.stringify(verdict)).toBe(expected.status);
    if (expected.status === "ok" || expected.status === "not-applicable") {
      expect(verdict.reasons).toEqual([]);
      expect(result.verdict).toBe("ready");
      return;
    }
    expect(result.verdict).toBe("not-ready");
    if (expected.code) expect(codes(verdict.reasons)).toContain(expected.code);
    if (expected.field) expect(verdict.reasons.map((r) => r.field)).toContain(expected.field);
    for (const reason of verdict.reasons) {
      expect(reason.requirementId).toBe(expected.requirement);
      expect(result.toFix.some((r) => r.code === reason.code && r.field === reason.field)).toBe(true);
    }
  });
});

describe("precheck: messages", () => {
  it("says the date and the limit of an expired letter", () => {
    const draft = draftWith((d) => {
      d.documents["pengantar-rt-rw"] = { pages: [page()], issuedOn: "2026-01-01" };
    });
    const [reason] = verdictOf(precheck(testGuide, draft, context()), "pengantar-rt-rw").reasons;
    expect(reason?.code).toBe("document-expired");
    expect(reason?.message.id).toBe(
      "Surat pengantar RT/RW bertanggal 01-01-2026 sudah lewat 30 hari. Minta surat baru.",
    );
    expect(reason?.message.en).toContain("01-01-2026");
    expect(reason?.message.en).toContain("30 days");
  });

  it("asks for the date printed on the letter", () => {
    const draft = draftWith((d) => {
      d.documents["pengantar-rt-rw"] = { pages: [page()], issuedOn: "" };
    });
    const [reason] = verdictOf(precheck(testGuide, draft, context()), "pengantar-rt-rw").reasons;
    expect(reason?.message.id).toContain("Surat pengantar RT/RW");
    expect(reason?.message.id).toContain("tanggal yang tertulis di surat");
  });

  it("says how many pages are needed and which formats are accepted", () => {
    const draft = draftWith((d) => {
      d.documents["ktp-el"] = { pages: [page()], issuedOn: "" };
      d.documents["foto-usaha"] = { pages: [page("application/pdf")], issuedOn: "" };
    });
    const result = precheck(testGuide, draft, context());
    expect(verdictOf(result, "ktp-el").reasons[0]?.message.id).toContain("KTP-el pemohon perlu 2 halaman");
    expect(verdictOf(result, "foto-usaha").reasons[0]?.message.id).toContain("foto JPG");
  });

  it("names the question text for an unanswered question, once in toFix", () => {
    const draft = draftWith((d) => {
      delete d.answers.diwakilkan;
      delete d.answers.skala;
    });
    const result = precheck(testGuide, draft, context());
    const questions = result.toFix.filter((r) => r.code === "question-unanswered");
    expect(questions.map((r) => r.field)).toEqual(["answers.diwakilkan", "answers.skala"]);
    expect(questions[0]?.message.id).toContain("Apakah pengurusan diwakilkan?");
    expect(questions[0]?.message.en).toContain("Is someone applying for you?");
    expect(verdictOf(result, "npwp").reasons[0]?.message.id).toContain("NPWP usaha");
  });

  it("names the applicant's kelurahan when it lies outside the office's", () => {
    const draft = draftWith((d) => {
      d.applicant.address.villageCode = PASAR_BARU;
    });
    const [reason] = precheck(testGuide, draft, context()).applicant;
    expect(reason?.code).toBe("residency-outside");
    expect(reason?.message.id).toContain("Kelurahan Pasar Baru");
    expect(reason?.message.id).toContain("Kelurahan Gambir");
  });
});

describe("precheck: residency", () => {
  const atLevel = (residency: Guide["residency"]) => ({ ...testGuide, residency });
  const living = (villageCode: string, officeAreaCode: string) =>
    draftWith((d) => {
      d.applicant.address.villageCode = villageCode;
      d.officeAreaCode = officeAreaCode;
    });
  const residency = (guide: Guide, draft: Draft) =>
    codes(precheck(guide, draft, context()).applicant).includes("residency-outside");

  it.each<[string, Guide["residency"], string, string, boolean]>([
    ["same kelurahan", "kelurahan", GAMBIR, GAMBIR, false],
    ["other kelurahan", "kelurahan", CIDENG, GAMBIR, true],
    ["other kelurahan, same kecamatan, kecamatan rule", "kecamatan", CIDENG, GAMBIR, false],
    ["other kecamatan, kecamatan rule", "kecamatan", PASAR_BARU, GAMBIR, true],
    ["other kecamatan, same kota, kota rule", "kota", PASAR_BARU, GAMBIR, false],
    ["other kota, kota rule", "kota", "31.75.07.1001", GAMBIR, true],
    ["other kota, province rule", "provinsi", "31.75.07.1001", GAMBIR, false],
    ["office given as a kecamatan", "kelurahan", CIDENG, "31.71.01", false],
    ["office given as a kecamatan, applicant elsewhere", "kecamatan", PASAR_BARU, "31.71.01", true],
    ["office code without dots", "kelurahan", CIDENG, "3171011001", true],
    ["no office chosen yet", "kelurahan", CIDENG, "", false],
    ["guide without a residency rule", undefined, "31.75.07.1001", GAMBIR, false],
  ])("%s", (_name, level, home, office, outside) => {
    expect(residency(atLevel(level), living(home, office))).toBe(outside);
  });

  it("never compares the NIK's region with the address", () => {
    const draft = draftWith((d) => {
      d.applicant.nik = NIK_DUREN_SAWIT;
      d.applicant.sex = "male";
    });
    expect(precheck(testGuide, draft, context()).verdict).toBe("ready");
  });
});

describe("precheck: lists and counts", () => {
  it("orders toFix applicant, questions, requirements, without duplicates", () => {
    const draft = draftWith((d) => {
      d.applicant.phone = "";
      d.applicant.kk = "12345";
      delete d.answers.diwakilkan;
      d.data["nama-usaha"] = "";
    });
    const result = precheck(testGuide, draft, context());
    expect(result.toFix.map((r) => r.field)).toEqual([
      "applicant.kk",
      "applicant.phone",
      "answers.diwakilkan",
      "data.nama-usaha",
    ]);
    expect(verdictOf(result, "nomor-kk").status).toBe("invalid");
    expect(result.counts).toEqual({ applicable: 8, ok: 5 });
  });

  it("flags a wrong KK even when no requirement asks for it, but not an empty one", () => {
    const guide = { ...testGuide, requirements: testGuide.requirements.filter((r) => r.id !== "nomor-kk") };
    expect(precheck(guide, draftWith(setApplicant({ kk: "" })), context()).verdict).toBe("ready");
    const wrong = precheck(guide, draftWith(setApplicant({ kk: "99" })), context());
    expect(wrong.applicant.map((r) => r.field)).toEqual(["applicant.kk"]);
  });

  it("ignores documents and data for requirement ids the guide lacks", () => {
    const draft = draftWith((d) => {
      d.documents["tidak-ada"] = { pages: [page("application/pdf")], issuedOn: "1900-01-01" };
      d.documents = { ...d.documents, ["constructor" as string]: { pages: [], issuedOn: "" } };
      d.data["juga-tidak-ada"] = "";
      d.answers["pertanyaan-lain"] = true;
    });
    expect(precheck(testGuide, draft, context()).verdict).toBe("ready");
  });

  it("works for a guide without questions, and a requirement id that is an Object.prototype name", () => {
    // The schema now refuses such ids; a guide stored before that must still be checked without throwing.
    const parsed = Guide.parse(
      sampleGuide({
        questions: [],
        requirements: [{ id: "dokumen", kind: "document", label: text("Dokumen", "Document") }],
      }),
    );
    const guide: Guide = { ...parsed, requirements: parsed.requirements.map((r) => ({ ...r, id: "constructor" })) };
    const result = precheck(guide, completeDraft(), context());
    expect(verdictOf(result, "constructor").status).toBe("missing");
    expect(result.counts).toEqual({ applicable: 1, ok: 0 });
  });
});

describe("precheck with the real region index", () => {
  it("accepts the complete draft", () => {
    expect(precheck(testGuide, completeDraft(), context(realRegions)).toFix).toEqual([]);
  });

  it("rejects an unknown kelurahan and a NIK from a kecamatan that does not exist", () => {
    const draft = draftWith((d) => {
      d.applicant.address.villageCode = "31.71.01.9999";
      d.applicant.nik = "3199991203900001";
    });
    const fields = precheck(testGuide, draft, context(realRegions)).applicant.map((r) => r.field);
    expect(fields).toEqual(["applicant.nik", "applicant.address.villageCode"]);
  });

  it("names the real kelurahan and kecamatan for residency", () => {
    const guide = { ...testGuide, residency: "kecamatan" as const };
    const draft = draftWith((d) => {
      d.applicant.address.villageCode = PASAR_BARU;
    });
    const [reason] = precheck(guide, draft, context(realRegions)).applicant;
    expect(reason?.code).toBe("residency-outside");
    expect(reason?.message.id).toContain("Kecamatan Sawah Besar");
    expect(reason?.message.id).toContain("Kecamatan Gambir");
  });
});

// ---- Seeded guides ----------------------------------------------------------------------------

const seeded = seedCatalogue.map((input) => Guide.parse(input));
const domisili = seeded.find((g) => g.id === "surat-keterangan-domisili");

const MIME_FOR: Record<string, PageMime> = { jpg: "image/jpeg", pdf: "application/pdf", png: "image/jpeg" };

/** Everything filled in for a seeded guide: every question answered "no"/first option, every paper photographed. */
function filledFor(guide: Guide): Draft {
  const answers: Record<string, boolean | string> = {};
  for (const q of guide.questions) answers[q.id] = q.kind === "yes-no" ? false : (q.options[0]?.value ?? "");
  const documents: Record<
    string,
    { pages: ReturnType<typeof page>[]; issuedOn: string; signedOn?: string; pagesWithEntries?: number }
  > = {};
  const data: Record<string, string> = {};
  for (const r of guide.requirements) {
    // A date an eligibility rule reads (a child's birth, an event) holds a day the rules accept.
    if (r.kind === "data") data[r.id] = ruleDateFor(guide, r.id, answers) ?? "Diisi sesuai formulir";
    else {
      const format = r.acceptance.formats?.find((f) => f !== "png") ?? "jpg";
      const pages = Array.from({ length: r.minPages ?? 1 }, (_, i) => page(MIME_FOR[format], i + 1));
      documents[r.id] = {
        pages,
        issuedOn: "2026-02-10",
        ...(r.kind === "statement" ? { signedOn: "2026-02-10" } : {}),
        ...(r.allPagesWithEntries ? { pagesWithEntries: pages.length } : {}),
      };
    }
  }
  return Draft.parse({
    id: ID,
    guideId: guide.id,
    guideVersion: guide.version,
    applicant: {
      fullName: "Budi Santoso",
      nik: NIK_MAN,
      kk: KK,
      birthDate: "1990-03-12",
      sex: "male",
      phone: "+62 812-3456-7890",
      address: { street: "Jl. Kebon Kelapa No. 7", rt: "3", rw: "11", villageCode: CIDENG },
    },
    answers,
    data,
    documents,
    officeAreaCode: CIDENG,
    createdAt: AT,
    updatedAt: AT,
  });
}

describe("precheck on the seeded catalogue", () => {
  it("calls a fully prepared domisili file ready", () => {
    if (!domisili) throw new Error("seed lacks surat-keterangan-domisili");
    const draft = filledFor(domisili);
    for (const regions of [fakeRegions, realRegions]) {
      const result = precheck(domisili, draft, context(regions));
      expect(result.toFix).toEqual([]);
      expect(result.verdict).toBe("ready");
      expect(result.counts.ok).toBe(result.counts.applicable);
    }
  });

  it("lists the missing RT/RW letter and the unanswered questions of an empty domisili draft", () => {
    if (!domisili) throw new Error("seed lacks surat-keterangan-domisili");
    const draft = Draft.parse({
      id: ID,
      guideId: domisili.id,
      guideVersion: 1,
      applicant: {},
      createdAt: AT,
      updatedAt: AT,
    });
    const result = precheck(domisili, draft, context(realRegions));
    expect(result.verdict).toBe("not-ready");
    expect(verdictOf(result, "pengantar-rt-rw").reasons.map((r) => r.code)).toEqual([
      "document-missing",
      "document-date-missing",
    ]);
    expect(result.toFix.filter((r) => r.code === "question-unanswered").map((r) => r.field)).toEqual(
      domisili.questions.map((q) => `answers.${q.id}`),
    );
    expect(result.counts.ok).toBe(0);
  });

  it.each(seeded.map((g) => [g.id, g] as const))("a fully prepared %s file is ready", (_id, guide) => {
    expect(precheck(guide, filledFor(guide), context(realRegions)).toFix).toEqual([]);
  });
});

// ---- Properties ---------------------------------------------------------------------------------

/** Odd but schema-valid, plus a requirement id the schema now refuses ("constructor"), as a guide stored before that rule. */
const oddGuideParsed = Guide.parse(
  sampleGuide({
    id: "surat-aneh",
    residency: "kota",
    questions: [],
    requirements: [
      { id: "dokumen-ganjil", kind: "document", label: text("Dokumen", "Document"), minPages: 3 },
      { id: "to-string", kind: "data", label: text("Data", "Data") },
      { id: "alamat", kind: "data", label: text("Alamat", "Address"), field: "address" },
      { id: "nik", kind: "data", label: text("NIK", "NIK"), field: "nik" },
      {
        id: "surat",
        kind: "statement",
        label: text("Surat", "Letter"),
        acceptance: { formats: ["png", "pdf"], maxAgeDays: 1 },
      },
    ],
  }),
);
const oddGuide: Guide = {
  ...oddGuideParsed,
  requirements: oddGuideParsed.requirements.map((r) => (r.id === "dokumen-ganjil" ? { ...r, id: "constructor" } : r)),
};
const propertyGuides = [testGuide, oddGuide, ...seeded];

const WEIRD_KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", ""];
const someString = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));
const dateLike = fc.oneof(
  fc.constant(""),
  someString,
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2026-02-30", "1990-03-12", "12-03-1990", "0000-00-00"),
);

function draftArbitrary(guide: Guide): fc.Arbitrary<Draft> {
  const knownIds = [...guide.requirements.map((r) => r.id), ...WEIRD_KEYS];
  const questionIds = [...guide.questions.map((q) => q.id), ...WEIRD_KEYS];
  const optionValues = guide.questions.flatMap((q) => (q.kind === "choice" ? q.options.map((o) => o.value) : []));
  const key = (ids: string[]) => fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 12 }));
  const pageArb = fc.record({
    blobId: someString,
    mime: fc.oneof(fc.constantFrom("image/jpeg", "image/webp", "application/pdf", "image/png"), someString),
    bytes: fc.integer(),
    addedAt: someString,
  });
  const applicant = fc.record({
    fullName: fc.oneof(someString, fc.constantFrom("Budi Santoso", "Siti Nur'aini")),
    nik: fc.oneof(someString, fc.constantFrom(NIK_MAN, NIK_WOMAN, NIK_DUREN_SAWIT), fc.stringMatching(/^\d{16}$/)),
    kk: fc.oneof(someString, fc.constant(KK), fc.stringMatching(/^\d{16}$/)),
    birthDate: dateLike,
    sex: fc.option(fc.oneof(fc.constantFrom("male", "female"), someString), { nil: undefined }),
    phone: fc.oneof(
      someString,
      fc.constantFrom("081234567890", "+62 812-3456-7890"),
      fc.stringMatching(/^\+?\d{6,15}$/),
    ),
    address: fc.record({
      street: someString,
      rt: fc.oneof(someString, fc.stringMatching(/^\d{1,3}$/)),
      rw: fc.oneof(someString, fc.stringMatching(/^\d{1,3}$/)),
      villageCode: fc.oneof(someString, fc.constantFrom(GAMBIR, CIDENG, PASAR_BARU, "3171011001", "31.71.01")),
    }),
  });
  return fc
    .record({
      applicant,
      answers: fc.dictionary(
        key(questionIds),
        fc.oneof(fc.boolean(), someString, ...(optionValues.length ? [fc.constantFrom(...optionValues)] : [])),
      ),
      data: fc.dictionary(key(knownIds), someString),
      documents: fc.dictionary(
        key(knownIds),
        fc.record({ pages: fc.array(pageArb, { maxLength: 4 }), issuedOn: dateLike }),
      ),
      officeAreaCode: fc.oneof(someString, fc.constantFrom(GAMBIR, CIDENG, "31.71.01", "31.71", "31", "")),
      status: fc.constantFrom("draft", "ready"),
    })
    .map(
      (parts) =>
        ({
          id: ID,
          guideId: guide.id,
          guideVersion: guide.version,
          createdAt: AT,
          updatedAt: AT,
          history: [],
          ...parts,
        }) as Draft,
    );
}

const guideAndDraft = fc
  .constantFrom(...propertyGuides)
  .chain((guide) => fc.tuple(fc.constant(guide), draftArbitrary(guide)));
const todayArb = fc.oneof(
  fc.constant(TODAY),
  fc
    .date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const regionsArb = fc.constantFrom(fakeRegions, realRegions);

function invariants(guide: Guide, result: PrecheckResult): void {
  expect(result.verdict === "ready").toBe(result.toFix.length === 0);
  expect(result.verdict === "ready").toBe(
    result.applicant.length === 0 &&
      result.requirements.every((r) => r.status === "ok" || r.status === "not-applicable"),
  );
  expect(result.counts.ok).toBeLessThanOrEqual(result.counts.applicable);
  expect(result.requirements.map((r) => r.requirementId)).toEqual(guide.requirements.map((r) => r.id));
  for (const verdict of result.requirements) {
    expect(verdict.reasons.length === 0).toBe(verdict.status === "ok" || verdict.status === "not-applicable");
  }
  for (const reason of result.toFix) {
    expect(reason.message.id.length > 0 && reason.message.en.length > 0).toBe(true);
    // A validator that throws shows up as "check-failed": the draft stays not-ready, but it is a bug to fix.
    expect(reason.code).not.toBe("check-failed");
  }
}

describe("precheck properties", () => {
  it("never throws, keeps its invariants, and is deterministic and stable on arbitrary drafts", () => {
    fc.assert(
      fc.property(guideAndDraft, todayArb, regionsArb, ([guide, draft], today, regions) => {
        const ctx = { today, regions };
        const first = precheck(guide, draft, ctx);
        invariants(guide, first);
        expect(precheck(guide, draft, ctx)).toEqual(first);
        expect(precheck(structuredClone(guide), structuredClone(draft), ctx)).toEqual(first);
      }),
      { numRuns: 400 },
    );
  });

  it("does not throw on drafts that are not even Draft-shaped", () => {
    const junk = fc.anything({ withNullPrototype: true, withObjectString: true });
    fc.assert(
      fc.property(fc.constantFrom(...propertyGuides), junk, junk, (guide, a, b) => {
        const draft = { ...(typeof a === "object" && a !== null ? a : {}), applicant: a, documents: b } as Draft;
        invariants(guide, precheck(guide, draft, context()));
      }),
      { numRuns: 200 },
    );
  });
});
