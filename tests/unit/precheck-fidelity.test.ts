import { describe, expect, it } from "vitest";
import { seedCatalogue } from "../../server/seed/catalogue";
import type { Draft } from "../../shared/draft";
import { Guide } from "../../shared/guide";
import { type PrecheckContext, precheck } from "../../shared/precheck";
import { normaliseName } from "../../shared/precheck/applicant";
import { homeOfficeOf } from "../../shared/precheck/home-office";
import { createRegionIndex } from "../../shared/regions";
import { renderStatement, voidSignatures } from "../../shared/statements/render";
import { filledDraftFor } from "../helpers/filled-draft";
import { sampleGuide } from "../helpers/sample-guide";

/**
 * Every class of defect that made an office send back a file the phone had
 * called ready, each with the valid twin that must still pass.
 */
const TODAY = "2026-03-02";
const regions = createRegionIndex();
const CIDENG = "31.71.01.1002";
const PASAR_BARU = "31.71.02.1001";
const text = (id: string, en = id) => ({ id, en });

const guide = Guide.parse(
  sampleGuide({
    id: "surat-uji-fidelitas",
    residency: "kelurahan",
    requirements: [
      { id: "ktp-el", kind: "document", label: text("KTP-el pemohon", "Applicant's ID card") },
      {
        id: "buku-nikah",
        kind: "document",
        label: text("Buku nikah", "Marriage book"),
        allPagesWithEntries: true,
        pagesNote: text("Sampul dan semua halaman berisi data", "Cover and every page with entries"),
      },
      {
        id: "kartu-pelajar",
        kind: "document",
        label: text("Kartu pelajar", "Student card"),
        minPages: 2,
        pagesNote: text("Depan dan belakang", "Front and back"),
      },
      {
        id: "surat-kuasa",
        kind: "statement",
        label: text("Surat kuasa bermeterai", "Power of attorney on duty stamp"),
        acceptance: { stamped: true },
        when: { q: "diwakilkan", is: true },
        statement: {
          title: text("Surat Kuasa", "Power of Attorney"),
          body: text(
            "memberi kuasa untuk mengurus surat atas nama {fullName} (NIK {nik}).",
            "authorise ... {fullName} ({nik}).",
          ),
        },
      },
      {
        id: "ktp-penerima-kuasa",
        kind: "document",
        label: text("KTP-el penerima kuasa", "Attorney's ID card"),
        when: { q: "diwakilkan", is: true },
      },
      {
        id: "pernyataan-domisili",
        kind: "statement",
        label: text("Surat pernyataan domisili", "Residence statement"),
      },
      { id: "pas-foto", kind: "document", label: text("Pas foto", "Photo"), acceptance: { formats: ["png", "jpg"] } },
      { id: "tanggal-lahir", kind: "data", label: text("Tanggal lahir", "Date of birth"), field: "birthDate" },
    ],
  }),
);

const ctx = (homeOffice = CIDENG): PrecheckContext => ({ today: TODAY, regions, homeOffice });
const base = () =>
  filledDraftFor(guide, { id: "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f", today: TODAY, villageCode: CIDENG });
function twin(change: (draft: Draft) => void): Draft {
  const draft = structuredClone(base());
  change(draft);
  return draft;
}
const reasonsOf = (draft: Draft, context = ctx()) =>
  precheck(guide, draft, context).toFix.map((r) => `${r.code}@${r.requirementId ?? r.field}`);
const ready = (draft: Draft, context = ctx()) => expect(reasonsOf(draft, context)).toEqual([]);

function page(draft: Draft, id: string) {
  const first = draft.documents[id]?.pages[0];
  if (!first) throw new Error(`no page for ${id}`);
  return first;
}

describe("a fully prepared file", () => {
  it("is ready", () => ready(base()));
});

describe("page counts", () => {
  it("refuses a book photographed before its pages are counted, naming the count field", () => {
    const draft = twin((d) => {
      delete d.documents["buku-nikah"]?.pagesWithEntries;
    });
    expect(precheck(guide, draft, ctx()).toFix).toMatchObject([
      { code: "document-pages-uncounted", requirementId: "buku-nikah", field: "documents.buku-nikah.pagesWithEntries" },
    ]);
  });

  it("refuses a marriage book photographed as its cover alone when it has four pages with entries", () => {
    const draft = twin((d) => {
      const doc = d.documents["buku-nikah"];
      if (doc) doc.pagesWithEntries = 4;
    });
    expect(reasonsOf(draft)).toEqual(["document-pages@buku-nikah"]);
  });

  it("accepts the same book once every counted page is photographed", () => {
    const draft = twin((d) => {
      const doc = d.documents["buku-nikah"];
      if (!doc) return;
      doc.pagesWithEntries = 4;
      doc.pages = [1, 2, 3, 4].map((n) => ({ ...page(d, "buku-nikah"), blobId: `nikah-${n}` }));
    });
    ready(draft);
  });

  it("refuses a two-sided card with one side, and accepts both sides", () => {
    const oneSide = twin((d) => {
      const doc = d.documents["kartu-pelajar"];
      if (doc) doc.pages = doc.pages.slice(0, 1);
    });
    expect(reasonsOf(oneSide)).toEqual(["document-pages@kartu-pelajar"]);
    ready(base());
  });
});

describe("composite requirements", () => {
  it("asks for the attorney's ID card on its own when someone applies on the applicant's behalf", () => {
    const draft = twin((d) => {
      d.answers.diwakilkan = true;
      delete d.documents["ktp-penerima-kuasa"];
    });
    expect(reasonsOf(draft)).toEqual(["document-missing@ktp-penerima-kuasa"]);
    draft.documents["ktp-penerima-kuasa"] = { pages: [page(draft, "ktp-el")], issuedOn: "" };
    ready(draft);
  });
});

describe("residency", () => {
  it("checks against the cadre's own office when none is picked", () => {
    const elsewhere = twin((d) => {
      d.applicant.address.villageCode = PASAR_BARU;
    });
    expect(reasonsOf(elsewhere)).toEqual(["residency-outside@applicant.address.villageCode"]);
    ready(base());
  });

  it("follows an office the cadre picked over the cadre's own", () => {
    const picked = twin((d) => {
      d.applicant.address.villageCode = PASAR_BARU;
      d.officeAreaCode = PASAR_BARU;
    });
    ready(picked);
  });

  it("asks for a kelurahan office when the cadre's account names only a kecamatan and the rule is the kelurahan's", () => {
    const kecamatanOnly = ctx(homeOfficeOf({ kecamatanCode: "31.71.01", kelurahanCode: null }));
    expect(reasonsOf(base(), kecamatanOnly)).toEqual(["office-too-broad@officeAreaCode"]);
    ready(
      twin((d) => {
        d.officeAreaCode = CIDENG;
      }),
      kecamatanOnly,
    );
  });

  it("is never skipped: no office and no area on the account, a province, or an unknown code are refused", () => {
    expect(reasonsOf(base(), ctx(""))).toEqual(["office-missing@officeAreaCode"]);
    const province = twin((d) => {
      d.officeAreaCode = "31";
    });
    expect(reasonsOf(province)).toEqual(["office-too-broad@officeAreaCode"]);
    const unknown = twin((d) => {
      d.officeAreaCode = "31.71.99.9999";
    });
    expect(reasonsOf(unknown)).toEqual(["office-unknown@officeAreaCode"]);
  });

  it("accepts a Bogor-registered NIK for someone who lives in the office's area", () => {
    ready(
      twin((d) => {
        d.applicant.nik = "3201011203900001";
      }),
    );
  });
});

describe("signed statements", () => {
  it("does not count a photo of a statement until the cadre confirms it was signed", () => {
    const unsigned = twin((d) => {
      const doc = d.documents["pernyataan-domisili"];
      if (doc) delete doc.signedOn;
    });
    expect(precheck(guide, unsigned, ctx()).toFix).toMatchObject([
      {
        code: "statement-unsigned",
        requirementId: "pernyataan-domisili",
        field: "documents.pernyataan-domisili.signedOn",
      },
    ]);
  });

  it("does not count a photo taken before the day the statement was signed: it shows the blank form", () => {
    const early = twin((d) => {
      const doc = d.documents["pernyataan-domisili"];
      const p = doc?.pages[0];
      if (p) p.addedAt = "2026-02-27T16:59:00.000Z"; // 23:59 in Jakarta, the day before the signing
    });
    expect(precheck(guide, early, ctx()).toFix).toMatchObject([
      {
        code: "statement-photo-before-signing",
        requirementId: "pernyataan-domisili",
        field: "documents.pernyataan-domisili.pages.0",
      },
    ]);
    const sameDay = twin((d) => {
      const p = d.documents["pernyataan-domisili"]?.pages[0];
      if (p) p.addedAt = "2026-03-01T17:00:00.000Z"; // 00:00 in Jakarta on the signing day
      const doc = d.documents["pernyataan-domisili"];
      if (doc) doc.signedOn = "2026-03-02";
    });
    ready(sameDay);
  });

  it("refuses a signing date in the future and accepts today", () => {
    const future = twin((d) => {
      const doc = d.documents["pernyataan-domisili"];
      if (doc) doc.signedOn = "2026-03-03";
    });
    expect(reasonsOf(future)).toEqual(["statement-date-future@pernyataan-domisili"]);
    ready(base());
  });

  it("produces the statement from the guide's text, filled with the applicant's data", () => {
    const requirement = guide.requirements.find((r) => r.id === "surat-kuasa");
    if (!requirement) throw new Error("no surat-kuasa");
    const sheet = renderStatement(requirement, base().applicant, { locale: "id", regions, signedOn: TODAY });
    expect(sheet.title).toBe("Surat Kuasa");
    expect(sheet.body).toBe("memberi kuasa untuk mengurus surat atas nama Budi Santoso (NIK 3171011203900001).");
    expect(sheet.identity.map((row) => row.value)).toContain("3171011203900001");
    expect(sheet.identity.find((row) => row.label === "Alamat")?.value).toContain("Kel. Cideng");
    expect(sheet.placeAndDate).toBe("Jakarta Pusat, 02-03-2026");
    expect(sheet.stamped).toBe(true);
  });

  it("voids every signing confirmation once the applicant's data it prints changes", () => {
    const draft = base();
    voidSignatures(draft);
    expect(reasonsOf(draft)).toEqual(["statement-unsigned@pernyataan-domisili"]);
  });

  it("gives the attorney a signature line of their own on every seeded power of attorney", () => {
    const withKuasa = seedCatalogue
      .map((input) => Guide.parse(input))
      .flatMap((g) => g.requirements.filter((r) => r.id === "surat-kuasa"));
    expect(withKuasa.length).toBeGreaterThan(3);
    for (const requirement of withKuasa) {
      const sheet = renderStatement(requirement, base().applicant, { locale: "id", regions });
      expect(sheet.cosigners).toEqual(["Penerima kuasa"]);
      expect(sheet.closing).not.toContain("pernyataan");
    }
  });

  it("leaves a house owner's or head of family's identity to be written by hand, and names the applicant in the body", () => {
    const byOthers = seedCatalogue
      .map((input) => Guide.parse(input))
      .flatMap((g) => g.requirements.filter((r) => r.statement?.declarant));
    expect(byOthers.map((r) => r.id).sort()).toEqual([
      "pernyataan-pemilik-rumah",
      "pernyataan-pemilik-rumah",
      "persetujuan-kepala-keluarga",
    ]);
    for (const requirement of byOthers) {
      expect(requirement.kind).toBe("statement");
      const sheet = renderStatement(requirement, base().applicant, { locale: "id", regions, signedOn: TODAY });
      expect(sheet.body).toContain("Budi Santoso (NIK 3171011203900001)");
      expect(sheet.identity.map((row) => row.value)).not.toContain("Budi Santoso");
      expect(sheet.identity.every((row) => row.value.startsWith("……"))).toBe(true);
      expect(sheet.signer).toMatch(/^Yang menyatakan, (pemilik rumah|kepala keluarga)$/);
      expect(sheet.signerName).toMatch(/^\(…+\)$/);
    }
  });

  it("counts a house owner's statement only once the cadre confirms it was signed", () => {
    const domisili = Guide.parse(seedCatalogue.find((g) => g.id === "surat-keterangan-domisili") as never);
    const lodging = filledDraftFor(domisili, {
      id: "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f",
      today: TODAY,
      villageCode: CIDENG,
    });
    Object.assign(lodging.answers, { menumpang: true, "cara-tinggal": "menumpang" });
    const check = (d: typeof lodging) =>
      precheck(domisili, d, { today: TODAY, regions, homeOffice: CIDENG }).requirements.find(
        (v) => v.requirementId === "pernyataan-pemilik-rumah",
      );
    expect(check(lodging)?.status).toBe("ok");
    const unsigned = structuredClone(lodging);
    delete unsigned.documents["pernyataan-pemilik-rumah"]?.signedOn;
    expect(check(unsigned)?.reasons.map((r) => r.code)).toEqual(["statement-unsigned"]);
  });

  it("prints dotted lines, never 'undefined', where the applicant's data is still empty", () => {
    const requirement = guide.requirements.find((r) => r.id === "surat-kuasa");
    if (!requirement) throw new Error("no surat-kuasa");
    const empty = twin((d) => {
      d.applicant.fullName = "";
      d.applicant.nik = "";
    }).applicant;
    const sheet = renderStatement(requirement, empty, { locale: "id", regions });
    expect(JSON.stringify(sheet)).not.toMatch(/undefined|\{fullName\}|\{nik\}/);
    expect(sheet.body).toContain("……");
  });
});

describe("what each reason names", () => {
  it("names the data requirement that asks for an applicant field, not only the field", () => {
    const noBirthDate = twin((d) => {
      d.applicant.birthDate = "";
    });
    expect(precheck(guide, noBirthDate, ctx()).toFix).toMatchObject([
      { code: "applicant-birthdate-missing", field: "applicant.birthDate", requirementId: "tanggal-lahir" },
    ]);
  });

  it("names the page in another format, one reason per page", () => {
    const twoPdfs = twin((d) => {
      const doc = d.documents["pas-foto"];
      if (!doc?.pages[0]) return;
      const pdf = { ...doc.pages[0], mime: "application/pdf" as const };
      doc.pages = [doc.pages[0], pdf, { ...pdf, blobId: "pdf-2" }];
    });
    expect(reasonsOf(twoPdfs)).toEqual(["document-format@pas-foto", "document-format@pas-foto"]);
    expect(precheck(guide, twoPdfs, ctx()).toFix.map((r) => r.field)).toEqual([
      "documents.pas-foto.pages.1",
      "documents.pas-foto.pages.2",
    ]);
  });
});

describe("photos nobody can read", () => {
  it("refuses a 200 × 150 photo and accepts a 1600 × 1200 one", () => {
    const small = twin((d) => {
      const p = page(d, "ktp-el");
      p.width = 200;
      p.height = 150;
    });
    expect(precheck(guide, small, ctx()).toFix).toMatchObject([
      { code: "document-page-too-small", requirementId: "ktp-el", field: "documents.ktp-el.pages.0" },
    ]);
    ready(base());
  });

  it("judges a portrait photo by its long edge", () => {
    ready(
      twin((d) => {
        const p = page(d, "ktp-el");
        p.width = 750;
        p.height = 1000;
      }),
    );
  });
});

describe("formats", () => {
  it("accepts a PNG where the guide lists PNG, and refuses a PDF there", () => {
    ready(
      twin((d) => {
        page(d, "pas-foto").mime = "image/png";
      }),
    );
    const pdf = twin((d) => {
      const p = page(d, "pas-foto");
      p.mime = "application/pdf";
      delete p.width;
      delete p.height;
    });
    expect(reasonsOf(pdf)).toEqual(["document-format@pas-foto"]);
  });
});

describe("names", () => {
  const names = [
    "Ni Luh Putu Ayu",
    "Siti Nur’aini",
    "Ma'ruf Amin",
    "Abdul-Rahman Al-Habsyi",
    "José Ramos-Horta",
    "Jose\u0301 Ramos",
    "Muhammad\u00a0Rizky",
    "Dr. H. Ahmad, S.H.",
    "Nguyễn Thị Minh Khai",
    "Zoë O’Connor",
    "山田 太郎",
    "Muham\u00admad Rizky",
    "Siti\u2060 Aminah",
    "Nur\uff07aini",
    "Ｂｕｄｉ Santoso",
  ];
  it.each(names)("accepts %s", (name) => {
    ready(
      twin((d) => {
        d.applicant.fullName = name;
      }),
    );
  });

  it.each(["Budi123", "<script>", "--", "   ", "Budi@Santoso"])("refuses %j with a message", (name) => {
    const codes = reasonsOf(
      twin((d) => {
        d.applicant.fullName = name;
      }),
    );
    expect(codes[0]).toMatch(/^applicant-name-(invalid|missing)@applicant\.fullName$/);
  });

  it("normalises composed accents, typographic apostrophes and no-break spaces", () => {
    expect(normaliseName("Jose\u0301\u00a0Nur\u2019aini ")).toBe("José Nur'aini");
    expect(normaliseName("Muham\u00admad\u2060 Nur\uff07aini")).toBe("Muhammad Nur'aini");
  });
});

describe("identity twins", () => {
  it.each([
    ["a woman's NIK with day 41-71", { nik: "3171015203900001", sex: "female" as const }],
    ["29 February of a leap year", { nik: "3171012902920001", birthDate: "1992-02-29" }],
    ["a phone starting 08", { phone: "0812-3456-7890" }],
    ["a phone starting +628", { phone: "+62 812 3456 7890" }],
  ])("accepts %s", (_name, change) => {
    ready(
      twin((d) => {
        Object.assign(d.applicant, change);
      }),
    );
  });

  it("refuses 29 February of a common year", () => {
    const codes = reasonsOf(
      twin((d) => {
        d.applicant.birthDate = "1991-02-29";
      }),
    );
    expect(codes.length).toBeGreaterThan(0);
  });
});
