import { describe, expect, it } from "vitest";
import { seedCatalogue } from "../../server/seed/catalogue";
import { requirementApplicability } from "../../shared/applicability";
import { evaluateCondition } from "../../shared/conditions";
import type { Draft } from "../../shared/draft";
import { Guide, type Requirement } from "../../shared/guide";
import { type PrecheckContext, precheck } from "../../shared/precheck";
import { createRegionIndex, type RegionIndex } from "../../shared/regions";
import { renderStatement } from "../../shared/statements/render";
import { baselineAnswers, HOME, nikFor, preparedFile, shiftDate, TODAY, yearsBefore } from "../helpers/catalogue-files";

/**
 * The seeded guides say every rule an office checks (issue 9): page rules for
 * books and cards, one requirement per paper, residency, the statement text the
 * app prints, and eligibility rules, each failing case next to its valid twin.
 */
const guides = seedCatalogue.map((input) => Guide.parse(input));
const byId = (id: string): Guide => {
  const guide = guides.find((g) => g.id === id);
  if (!guide) throw new Error(`seed lacks ${id}`);
  return guide;
};
const regions = createRegionIndex();
const ctx = (index: RegionIndex = regions, homeOffice = HOME): PrecheckContext => ({
  today: TODAY,
  regions: index,
  homeOffice,
});
const fixes = (guide: Guide, draft: Draft, context = ctx()) =>
  precheck(guide, draft, context).toFix.map((r) => `${r.code}@${r.requirementId ?? r.field}`);
const papers = (guide: Guide) => guide.requirements.filter((r) => r.kind !== "data");

describe("seeded guides", () => {
  it.each(seedCatalogue.map((g) => [g.id, g] as const))("%s validates against the Guide schema", (_id, input) => {
    const result = Guide.safeParse(input);
    expect(result.success, result.error?.message).toBe(true);
  });
});

// ---- One requirement per paper ------------------------------------------------------------------

/**
 * Labels joined by "dan", "serta", "beserta", "+" or "/" read as two papers in
 * one slot, so one of them could be missing unnoticed. Words in brackets are
 * examples or contents, not more papers. Each label here is one paper despite
 * its conjunction, and says why.
 */
const SINGLE_PAPERS = new Map<string, string>([
  ["Surat pengantar RT dan RW", "one Jakarta form signed and stamped by both the RT and the RW head"],
  ["Foto rumah tampak depan dan dalam", "two views of one house; minPages: 2 asks for both photos"],
  ["Foto produk dan tempat produksi", "two views for one upload slot in SIHALAL; minPages: 2 asks for both"],
  ["Foto bangunan tampak depan, samping, dan dalam", "three views of one building; minPages: 3 asks for them"],
  ["Denah lokasi dan batas tanah yang ditandatangani tetangga batas", "one sketch showing the site and its boundaries"],
  [
    "Formulir pelaporan kelahiran (F-2.01) yang diisi lengkap dan ditandatangani pelapor",
    "one form; the conjunction joins what is done to it",
  ],
  [
    "Surat pernyataan ahli waris bermeterai, ditandatangani semua ahli waris dan dua saksi",
    "one statement; the conjunction names who signs it",
  ],
  [
    "Surat pernyataan bermeterai bahwa usaha benar ada dan tidak mengganggu lingkungan",
    "one statement; the conjunction joins what it declares",
  ],
  [
    "Surat pernyataan bermeterai sanggup menjaga ketertiban, kebersihan, dan batas waktu acara",
    "one statement; the conjunction joins what it undertakes",
  ],
]);
const CONJUNCTION = /\s(dan|serta|beserta)\s|\+|\//i;
const readsAsTwo = (label: string) => CONJUNCTION.test(label.replace(/\([^)]*\)/g, ""));

describe("one requirement per paper", () => {
  it("flags the composite labels the old catalogue had", () => {
    for (const label of [
      "Surat kuasa bermeterai dan KTP-el penerima kuasa",
      "Surat pernyataan dua saksi kelahiran dan KTP-el saksi",
      "KTP-el dan KK kedua mempelai",
      "SPPT PBB dan bukti lunas tahun terakhir",
      "PBG atau IMB beserta lampiran gambarnya",
      "Surat izin orang tua/wali dan fotokopi KTP-el orang tua",
      "Gambar dan perhitungan struktur serta utilitas yang ditandatangani perencana bersertifikat",
    ]) {
      expect(readsAsTwo(label), label).toBe(true);
    }
    expect(readsAsTwo("Akta kelahiran atau ijazah terakhir")).toBe(false);
    expect(readsAsTwo("Surat keterangan lahir dari rumah sakit, puskesmas, dokter, atau bidan")).toBe(false);
  });

  it("has no paper whose label reads as two papers, except the listed single ones", () => {
    const found: string[] = [];
    for (const guide of guides) {
      for (const r of papers(guide)) {
        if (readsAsTwo(r.label.id) && !SINGLE_PAPERS.has(r.label.id)) found.push(`${guide.id}/${r.id}: ${r.label.id}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("keeps the list of single papers honest: each is used and still has its conjunction", () => {
    const labels = new Set(guides.flatMap((g) => papers(g).map((r) => r.label.id)));
    for (const label of SINGLE_PAPERS.keys()) {
      expect(labels.has(label), label).toBe(true);
      expect(readsAsTwo(label), label).toBe(true);
    }
  });

  it("asks for the attorney's KTP-el beside every power of attorney, under the same condition", () => {
    for (const guide of guides) {
      const letter = guide.requirements.find((r) => r.id === "surat-kuasa");
      if (!letter) continue;
      const card = guide.requirements.find((r) => r.id === "ktp-el-penerima-kuasa");
      expect(card, guide.id).toBeDefined();
      expect(card?.when, guide.id).toEqual(letter.when);
    }
  });

  it("asks for each witness's KTP-el wherever a statement names witnesses", () => {
    for (const guide of guides) {
      const witnessed = guide.requirements.filter((r) => (r.statement?.witnesses ?? 0) > 0);
      if (witnessed.length === 0) continue;
      const most = Math.max(...witnessed.map((r) => r.statement?.witnesses ?? 0));
      for (let n = 1; n <= most; n++) {
        expect(
          guide.requirements.some((r) => r.id === `ktp-el-saksi-${n}`),
          `${guide.id}: witness ${n}`,
        ).toBe(true);
      }
    }
  });
});

// ---- Signed statements --------------------------------------------------------------------------

const PLACEHOLDERS = new Set(["fullName", "nik", "kk", "birthDate", "address", "phone"]);
const placeholdersOf = (body: string) => [...body.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");

describe("signed statements", () => {
  const statements = guides.flatMap((g) =>
    g.requirements.filter((r) => r.kind === "statement").map((r) => [g, r] as const),
  );

  it("gives every statement the text the app prints, in both languages, with known placeholders", () => {
    expect(statements.length).toBeGreaterThanOrEqual(15);
    for (const [guide, r] of statements) {
      const where = `${guide.id}/${r.id}`;
      expect(r.statement, where).toBeDefined();
      for (const part of [r.statement?.title, r.statement?.body]) {
        expect(part?.id.trim(), where).toBeTruthy();
        expect(part?.en.trim(), where).toBeTruthy();
      }
      const body = r.statement?.body ?? { id: "", en: "" };
      for (const key of [...placeholdersOf(body.id), ...placeholdersOf(body.en)])
        expect(PLACEHOLDERS, where).toContain(key);
      expect(new Set(placeholdersOf(body.id)), where).toEqual(new Set(placeholdersOf(body.en)));
    }
  });

  it("prints witness lines exactly where the label speaks of witnesses", () => {
    for (const [guide, r] of statements) {
      const named = /saksi/i.test(r.label.id);
      expect((r.statement?.witnesses ?? 0) > 0, `${guide.id}/${r.id}`).toBe(named);
    }
  });

  it("renders every statement filled with the applicant's data, with no placeholder left", () => {
    for (const [guide, r] of statements) {
      const draft = preparedFile(guide);
      for (const locale of ["id", "en"] as const) {
        const sheet = renderStatement(r, draft.applicant, { locale, regions, signedOn: TODAY });
        const all = [sheet.title, sheet.body, ...sheet.identity.map((row) => row.value)].join(" ");
        expect(all, `${guide.id}/${r.id}`).not.toMatch(/\{\w+\}|undefined/);
      }
    }
  });

  it("keeps declarations made online (OSS, SIHALAL) out of the papers to sign", () => {
    for (const guide of guides) {
      for (const r of guide.requirements) {
        if (/\b(OSS|SIHALAL|SIMBG)\b/.test(r.label.id)) expect(r.kind, `${guide.id}/${r.id}`).not.toBe("statement");
        if (r.kind === "statement") expect(r.acceptance.form, `${guide.id}/${r.id}`).not.toBe("digital");
      }
    }
  });
});

// ---- Page rules ---------------------------------------------------------------------------------

const NAMES_A_BOOK_OR_CARD = /buku nikah|akta|paspor|sertifikat|\bKK\b|kartu keluarga/i;
const hasPageRule = (r: Requirement) => r.minPages !== undefined || r.allPagesWithEntries === true;
const photoOnly = (r: Requirement) => !r.acceptance.formats?.includes("pdf");

describe("page rules", () => {
  it("gives every paper a page rule, and says which pages for every book, certificate, passport and KK", () => {
    for (const guide of guides) {
      for (const r of guide.requirements.filter((x) => x.kind === "document")) {
        const where = `${guide.id}/${r.id}: ${r.label.id}`;
        expect(hasPageRule(r), where).toBe(true);
        if (NAMES_A_BOOK_OR_CARD.test(r.label.id)) expect(r.pagesNote, where).toBeDefined();
        if (r.allPagesWithEntries) expect(r.pagesNote, where).toBeDefined();
      }
    }
  });

  it("counts every page with entries of a marriage book or a certificate extract photographed on paper", () => {
    for (const guide of guides) {
      for (const r of guide.requirements) {
        if (r.kind !== "document" || !photoOnly(r)) continue;
        if (/buku nikah|kutipan akta|akta (kelahiran|kematian|perkawinan|perceraian|cerai)/i.test(r.label.id)) {
          expect(r.allPagesWithEntries, `${guide.id}/${r.id}`).toBe(true);
        }
      }
    }
  });

  it("never asks for a page count where one PDF holds the whole document", () => {
    for (const guide of guides) {
      for (const r of guide.requirements) {
        if (r.acceptance.formats?.includes("pdf")) expect(r.allPagesWithEntries, `${guide.id}/${r.id}`).toBeFalsy();
      }
    }
  });
});

// ---- Residency ----------------------------------------------------------------------------------

/**
 * Kelurahan- and kecamatan-level services that take applicants from anywhere,
 * because the office is fixed by something other than where the applicant
 * lives. Everything else at those levels states its residency.
 */
const OPEN_SERVICES = new Map<string, string>([
  ["nib-usaha-mikro", "registered online in OSS, nationwide; the office only assists"],
  ["pbg-rumah-tinggal", "the building's location decides the office, not the owner's address"],
  ["slf-rumah-tinggal", "the building's location decides the office, not the owner's address"],
  ["surat-keterangan-ahli-waris", "the deceased's last address decides the office; heirs may live anywhere"],
  ["akta-kematian", "the deceased's domicile decides the office; the person reporting may live anywhere"],
  ["surat-keterangan-kematian", "the deceased's kelurahan issues it; the person reporting may live anywhere"],
  ["pembetulan-akta", "the office that issued the certificate corrects it, wherever its holder lives now"],
  ["akta-perkawinan-non-muslim", "recorded where the marriage took place (UU 23/2006 art. 34)"],
  ["akta-perceraian", "recorded where the marriage was recorded, not where the applicant lives"],
  ["surat-keterangan-usaha", "the business's location decides the kelurahan"],
  ["surat-keterangan-riwayat-tanah", "the land's location decides the kelurahan"],
  ["pengantar-izin-keramaian", "the event's location decides the kelurahan"],
  ["surat-keterangan-domisili-lembaga", "the organisation's office address decides the kelurahan"],
]);

describe("residency", () => {
  it("states residency for every kelurahan- and kecamatan-level service that is not listed as open", () => {
    for (const guide of guides) {
      if (guide.office.level !== "kelurahan" && guide.office.level !== "kecamatan") continue;
      if (OPEN_SERVICES.has(guide.id)) expect(guide.residency, `${guide.id} is listed as open`).toBeUndefined();
      else expect(guide.residency, guide.id).toBeDefined();
    }
  });

  it("keeps the open list honest: every entry exists at kelurahan or kecamatan level", () => {
    for (const id of OPEN_SERVICES.keys()) expect(["kelurahan", "kecamatan"]).toContain(byId(id).office.level);
  });

  it("lets Jakarta's one civil registry serve any DKI resident, and each kelurahan letter only its own", () => {
    for (const guide of guides) {
      if (!guide.residency) continue;
      const dukcapil = /Dukcapil/.test(guide.office.name.id);
      if (dukcapil) expect(guide.residency, guide.id).toBe("provinsi");
      if (!dukcapil && guide.office.name.id.startsWith("Kantor Kelurahan")) {
        expect(guide.residency, guide.id).toBe("kelurahan");
      }
    }
  });
});

// ---- Through the pre-check ----------------------------------------------------------------------

/** Baseline answers, each question flipped alone, and each pair flipped: enough to reach every conditional paper. */
function answerSets(guide: Guide): Record<string, boolean | string>[] {
  const values = (q: Guide["questions"][number]) =>
    q.kind === "yes-no" ? [false, true] : q.options.map((o) => o.value);
  const sets: Record<string, boolean | string>[] = [{}];
  guide.questions.forEach((q, i) => {
    for (const v of values(q).slice(1)) {
      sets.push({ [q.id]: v });
      for (const p of guide.questions.slice(i + 1)) {
        for (const w of values(p).slice(1)) sets.push({ [q.id]: v, [p.id]: w });
      }
    }
  });
  return sets;
}
/** Whether an undated rule refuses the file outright under these answers (the service does not cover the case). */
const refused = (guide: Guide, answers: Record<string, boolean | string>) =>
  (guide.eligibility ?? []).some((rule) => !rule.date && rule.when && evaluateCondition(rule.when, answers) === true);

describe("a fully prepared file of every seeded guide", () => {
  it.each(guides.map((g) => [g.id, g] as const))("%s is ready under every answer its rules allow", (_id, guide) => {
    for (const overrides of answerSets(guide)) {
      const draft = preparedFile(guide, overrides);
      const answers = baselineAnswers(guide, overrides);
      const found = fixes(guide, draft);
      if (refused(guide, answers)) {
        expect(found.length, JSON.stringify(overrides)).toBeGreaterThan(0);
        expect(
          found.every((f) => f.startsWith("eligibility-refused@")),
          JSON.stringify(found),
        ).toBe(true);
      } else expect(found, `${guide.id} ${JSON.stringify(overrides)}`).toEqual([]);
    }
  });
});

describe("page rules through the pre-check", () => {
  it("refuses a book photographed short of its counted pages, and accepts it complete", () => {
    const covered = new Set<string>();
    for (const guide of guides) {
      for (const overrides of answerSets(guide)) {
        const answers = baselineAnswers(guide, overrides);
        if (refused(guide, answers)) continue;
        for (const r of guide.requirements) {
          if (!r.allPagesWithEntries || requirementApplicability(r, answers) !== "required") continue;
          const key = `${guide.id}/${r.id}`;
          if (covered.has(key)) continue;
          covered.add(key);
          const complete = preparedFile(guide, overrides);
          const document = complete.documents[r.id];
          if (!document) throw new Error(`no document ${key}`);
          const first = document.pages[0];
          if (!first) throw new Error(`no page ${key}`);
          // The cadre counted three pages with entries (a cover, the data pages): one photo is not enough.
          document.pagesWithEntries = 3;
          document.pages = [first];
          expect(fixes(guide, complete), key).toEqual([`document-pages@${r.id}`]);
          document.pages = [first, { ...first, blobId: "b2" }, { ...first, blobId: "b3" }];
          expect(fixes(guide, complete), key).toEqual([]);
          delete document.pagesWithEntries;
          expect(fixes(guide, complete), key).toEqual([`document-pages-uncounted@${r.id}`]);
        }
      }
    }
    const all = guides.flatMap((g) =>
      g.requirements.filter((r) => r.allPagesWithEntries).map((r) => `${g.id}/${r.id}`),
    );
    expect([...covered].sort()).toEqual(all.sort());
  });

  it("refuses a card or a set of photos one page short, and accepts it complete", () => {
    for (const guide of guides) {
      for (const overrides of answerSets(guide)) {
        const answers = baselineAnswers(guide, overrides);
        if (refused(guide, answers)) continue;
        for (const r of guide.requirements) {
          if ((r.minPages ?? 1) < 2 || requirementApplicability(r, answers) !== "required") continue;
          const draft = preparedFile(guide, overrides);
          expect(fixes(guide, draft)).toEqual([]);
          draft.documents[r.id]?.pages.pop();
          expect(fixes(guide, draft), `${guide.id}/${r.id}`).toEqual([`document-pages@${r.id}`]);
        }
      }
    }
  });
});

describe("split requirements through the pre-check", () => {
  it("refuses a power of attorney without the attorney's KTP-el, and accepts both", () => {
    for (const guide of guides.filter((g) => g.requirements.some((r) => r.id === "surat-kuasa"))) {
      const both = preparedFile(guide, { diwakilkan: true });
      expect(fixes(guide, both), guide.id).toEqual([]);
      delete both.documents["ktp-el-penerima-kuasa"];
      expect(fixes(guide, both), guide.id).toEqual(["document-missing@ktp-el-penerima-kuasa"]);
    }
  });

  it("refuses a statement photographed but not confirmed as signed, and accepts it signed", () => {
    for (const guide of guides) {
      const statement = guide.requirements.find(
        (r) => r.kind === "statement" && requirementApplicability(r, baselineAnswers(guide)) === "required",
      );
      if (!statement) continue;
      const draft = preparedFile(guide);
      expect(fixes(guide, draft)).toEqual([]);
      const document = draft.documents[statement.id];
      if (document) document.signedOn = "";
      expect(fixes(guide, draft), guide.id).toEqual([`statement-unsigned@${statement.id}`]);
    }
  });
});

const GAMBIR = "31.71.01.1001";
const PASAR_BARU = "31.71.02.1001";
const BEKASI = "32.75.01.1001";
/** The real DKI index plus one kelurahan outside DKI, which the real index does not hold. */
const withBekasi: RegionIndex = {
  hasDistrict: (code) => regions.hasDistrict(code),
  village: (code) =>
    code === BEKASI
      ? {
          code: BEKASI,
          name: "Margahayu",
          districtCode: "32.75.01",
          districtName: "Bekasi Timur",
          regencyCode: "32.75",
          regencyName: "Kota Bekasi",
          provinceCode: "32",
        }
      : regions.village(code),
};
const livingIn = (guide: Guide, village: string) => {
  const draft = preparedFile(guide);
  draft.applicant.address.villageCode = village;
  return draft;
};

describe("residency through the pre-check", () => {
  it("refuses a kelurahan letter for someone from the next kelurahan, and accepts its own resident", () => {
    for (const guide of guides.filter((g) => g.residency === "kelurahan")) {
      expect(fixes(guide, livingIn(guide, GAMBIR)), guide.id).toEqual([
        "residency-outside@applicant.address.villageCode",
      ]);
      expect(fixes(guide, livingIn(guide, HOME)), guide.id).toEqual([]);
    }
  });

  it("serves any DKI resident at a Dukcapil unit, and refuses someone living outside DKI", () => {
    for (const guide of guides.filter((g) => g.residency === "provinsi")) {
      expect(fixes(guide, livingIn(guide, PASAR_BARU)), guide.id).toEqual([]);
      expect(fixes(guide, livingIn(guide, BEKASI), ctx(withBekasi)), guide.id).toEqual([
        "residency-outside@applicant.address.villageCode",
      ]);
    }
  });
});

// ---- Eligibility rules of particular services -----------------------------------------------------

const bornOn = (draft: Draft, birthDate: string) => {
  draft.applicant.birthDate = birthDate;
  draft.applicant.nik = nikFor(birthDate);
  return draft;
};

describe("eligibility rules of seeded services", () => {
  it("KTP-el baru: refuses someone who already had a KTP-el, and accepts a first-timer", () => {
    const guide = byId("ktp-el-baru");
    expect(fixes(guide, preparedFile(guide, { "pernah-punya-ktp-el": true }))).toEqual([
      "eligibility-refused@answers.pernah-punya-ktp-el",
    ]);
    expect(fixes(guide, preparedFile(guide))).toEqual([]);
  });

  it("KTP-el baru: refuses an unmarried 15-year-old, accepts a 16-year-old for recording and a married 15-year-old", () => {
    const guide = byId("ktp-el-baru");
    expect(fixes(guide, bornOn(preparedFile(guide), yearsBefore(TODAY, 16, -1)))).toEqual([
      "eligibility-date@applicant.birthDate",
    ]);
    expect(fixes(guide, bornOn(preparedFile(guide), yearsBefore(TODAY, 16)))).toEqual([]);
    expect(fixes(guide, bornOn(preparedFile(guide, { "sudah-kawin": true }), yearsBefore(TODAY, 15)))).toEqual([]);
    expect(fixes(guide, bornOn(preparedFile(guide, { "sudah-kawin": true }), yearsBefore(TODAY, 17)))).toEqual([
      "eligibility-date@applicant.birthDate",
    ]);
  });

  it("KIA: refuses a child of 17 and accepts one a day younger; the photo answer must agree with age 5", () => {
    const guide = byId("kartu-identitas-anak");
    const child = (birth: string, overrides = {}) => {
      const draft = preparedFile(guide, overrides);
      draft.data["tanggal-lahir-anak"] = birth;
      return draft;
    };
    expect(fixes(guide, child(yearsBefore(TODAY, 17), { "usia-5-tahun": true }))).toEqual([
      "eligibility-date@tanggal-lahir-anak",
    ]);
    expect(fixes(guide, child(yearsBefore(TODAY, 17, -1), { "usia-5-tahun": true }))).toEqual([]);
    expect(fixes(guide, child(yearsBefore(TODAY, 5)))).toEqual(["eligibility-date@tanggal-lahir-anak"]);
    expect(fixes(guide, child(yearsBefore(TODAY, 5, -1)))).toEqual([]);
    expect(fixes(guide, child(yearsBefore(TODAY, 5, -1), { "usia-5-tahun": true }))).toEqual([
      "eligibility-date@tanggal-lahir-anak",
    ]);
    expect(fixes(guide, child(shiftDate(TODAY, 1)))).toEqual(["eligibility-date@tanggal-lahir-anak"]);
  });

  it("KIA: asks for each parent's KTP-el, or the guardian's alone", () => {
    const guide = byId("kartu-identitas-anak");
    const parents = preparedFile(guide);
    delete parents.documents["ktp-el-ibu"];
    expect(fixes(guide, parents)).toEqual(["document-missing@ktp-el-ibu"]);
    expect(fixes(guide, preparedFile(guide, { "diasuh-wali": true }))).toEqual([]);
  });

  it.each([
    ["akta-kelahiran", "tanggal-lahir-anak"],
    ["akta-kematian", "tanggal-kematian"],
    ["surat-keterangan-kematian", "tanggal-kematian"],
    ["akta-perkawinan-non-muslim", "tanggal-perkawinan"],
    ["akta-perceraian", "tanggal-berkekuatan-tetap"],
  ])("%s: refuses an event dated tomorrow, accepts today, and refuses text that is no date", (id, field) => {
    const guide = byId(id);
    const on = (value: string) => {
      const draft = preparedFile(guide);
      draft.data[field] = value;
      return fixes(guide, draft);
    };
    expect(on(shiftDate(TODAY, 1))).toEqual([`eligibility-date@${field}`]);
    expect(on(TODAY)).toEqual([]);
    expect(on(TODAY.split("-").reverse().join("-"))).toEqual([]);
    expect(on("kemarin")).toEqual([`eligibility-date-invalid@${field}`]);
  });

  it("Pengantar nikah: the age answer must agree with the birth date at 19 and 21", () => {
    const guide = byId("surat-pengantar-nikah");
    const aged = (answer: string, birth: string) => fixes(guide, bornOn(preparedFile(guide, { usia: answer }), birth));
    expect(aged("21-ke-atas", yearsBefore(TODAY, 21, -1))).toEqual(["eligibility-date@applicant.birthDate"]);
    expect(aged("21-ke-atas", yearsBefore(TODAY, 21))).toEqual([]);
    expect(aged("19-20", yearsBefore(TODAY, 21))).toEqual(["eligibility-date@applicant.birthDate"]);
    expect(aged("19-20", yearsBefore(TODAY, 19))).toEqual([]);
    expect(aged("di-bawah-19", yearsBefore(TODAY, 19))).toEqual(["eligibility-date@applicant.birthDate"]);
    expect(aged("di-bawah-19", yearsBefore(TODAY, 19, -1))).toEqual([]);
  });

  it("Pengantar nikah: under 21 needs the parents' letter and each parent's KTP-el", () => {
    const guide = byId("surat-pengantar-nikah");
    const draft = bornOn(preparedFile(guide, { usia: "19-20" }), yearsBefore(TODAY, 20));
    expect(fixes(guide, draft)).toEqual([]);
    delete draft.documents["ktp-el-ayah"];
    expect(fixes(guide, draft)).toEqual(["document-missing@ktp-el-ayah"]);
  });

  it("Akta perkawinan: an applicant under 21 or 19 must say so, which asks for the permission or dispensation", () => {
    const guide = byId("akta-perkawinan-non-muslim");
    const twenty = yearsBefore(TODAY, 20);
    expect(fixes(guide, bornOn(preparedFile(guide), twenty))).toEqual(["eligibility-date@applicant.birthDate"]);
    expect(fixes(guide, bornOn(preparedFile(guide, { "di-bawah-21": true }), twenty))).toEqual([]);
    const eighteen = yearsBefore(TODAY, 18);
    expect(fixes(guide, bornOn(preparedFile(guide, { "di-bawah-21": true }), eighteen))).toEqual([
      "eligibility-date@applicant.birthDate",
    ]);
    expect(fixes(guide, bornOn(preparedFile(guide, { "di-bawah-21": true, "di-bawah-19": true }), eighteen))).toEqual(
      [],
    );
  });

  it("Izin keramaian: refuses an event 13 days ahead or past, accepts one 14 days ahead", () => {
    const guide = byId("pengantar-izin-keramaian");
    const event = (days: number) => {
      const draft = preparedFile(guide);
      draft.data["tanggal-acara"] = shiftDate(TODAY, days);
      return fixes(guide, draft);
    };
    expect(event(13)).toEqual(["eligibility-date@tanggal-acara"]);
    expect(event(-1)).toEqual(["eligibility-date@tanggal-acara"]);
    expect(event(14)).toEqual([]);
  });

  it.each([
    ["pembetulan-akta", "ganti-nama"],
    ["sertifikat-halal-self-declare", "bahan-hewani-belum-halal"],
    ["spp-irt", "pangan-dikecualikan"],
    ["jkn-ditanggung-pemprov", "masih-aktif-di-segmen-lain"],
  ])("%s: refuses the case the service does not cover (%s), and accepts the others", (id, question) => {
    const guide = byId(id);
    expect(fixes(guide, preparedFile(guide, { [question]: true }))).toEqual([
      `eligibility-refused@answers.${question}`,
    ]);
    expect(fixes(guide, preparedFile(guide, { [question]: false }))).toEqual([]);
  });

  it("cites a source for every eligibility rule that is not a plain agreement of an answer with a date", () => {
    for (const guide of guides) {
      for (const rule of guide.eligibility ?? []) {
        // The guide's own source note does not count: each rule names the article it follows.
        expect(rule.source, `${guide.id}/${rule.id}`).toMatch(/\S{3}/);
        expect(rule.message.id.trim() && rule.message.en.trim(), `${guide.id}/${rule.id}`).toBeTruthy();
      }
    }
  });
});
