import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateCatalogue } from "../../bench/fixtures/generate-catalogue";
import { seedCatalogue } from "../../server/seed/catalogue";
import { Guide } from "../../shared/guide";
import { createGuideSearch, loadGuideSearch, normalizeSearchText, stemWord } from "../../shared/search";
import { fixtureGuides } from "../fixtures/guides";

const search = createGuideSearch(fixtureGuides);
const ids = (query: string, limit?: number) => search.search(query, { limit }).map((hit) => hit.id);
const first = (query: string) => ids(query)[0];

describe("normalisation", () => {
  it("lowercases, strips diacritics and splits on hyphens and slashes", () => {
    expect(normalizeSearchText("Pengantar RT/RW")).toBe("pengantar rt rw");
    expect(normalizeSearchText("Café  Jum'at")).toBe("cafe jumat");
  });
  it("folds e-KTP, KTP-el and akte to one form", () => {
    expect(normalizeSearchText("e-KTP")).toBe("ktp");
    expect(normalizeSearchText("KTP-el")).toBe("ktp");
    expect(normalizeSearchText("eKTP")).toBe("ktp");
    expect(normalizeSearchText("Akte Lahir")).toBe("akta lahir");
  });
  it("drops stop words", () => {
    expect(normalizeSearchText("surat untuk usaha di rumah")).toBe("surat usaha rumah");
  });
  it("stems the derivations used in service names", () => {
    expect(stemWord("kelahiran")).toBe("lahir");
    expect(stemWord("perkawinan")).toBe("kawin");
    expect(stemWord("berusaha")).toBe("usaha");
    expect(stemWord("warisan")).toBe("waris");
    expect(stemWord("akta")).toBeUndefined();
  });
});

describe("guide search over the fixture catalogue", () => {
  it("fixture guides are valid", () => {
    for (const guide of fixtureGuides) expect(() => Guide.parse(guide)).not.toThrow();
    expect(search.size).toBe(fixtureGuides.length);
  });

  it("finds PBG for the old name IMB", () => {
    expect(first("IMB")).toBe("persetujuan-bangunan-gedung-rumah-tinggal");
    expect(first("imb rumah")).toBe("persetujuan-bangunan-gedung-rumah-tinggal");
    expect(first("rumah")).toBe("persetujuan-bangunan-gedung-rumah-tinggal");
  });

  it("finds both NIB and SKU for 'usaha'", () => {
    expect(ids("usaha", 3)).toEqual(expect.arrayContaining(["nib-usaha-mikro", "surat-keterangan-usaha"]));
    expect(first("izin usaha")).toBe("nib-usaha-mikro");
    expect(first("sku")).toBe("surat-keterangan-usaha");
  });

  it("finds the marriage cover letter for nikah and kawin", () => {
    expect(first("nikah")).toBe("surat-pengantar-nikah");
    expect(first("kawin")).toBe("surat-pengantar-nikah");
    expect(first("mau menikah")).toBe("surat-pengantar-nikah");
  });

  it("tolerates typos", () => {
    expect(first("domisli")).toBe("surat-keterangan-domisili");
    expect(first("surat domisilli")).toBe("surat-keterangan-domisili");
    expect(first("ahliwaris")).toBe("surat-keterangan-ahli-waris");
    expect(first("ahli wars")).toBe("surat-keterangan-ahli-waris");
    expect(first("keramain")).toBe("izin-keramaian");
  });

  it("treats akte as akta and lahir as kelahiran", () => {
    expect(first("akte lahir")).toBe("akta-kelahiran");
    expect(first("akte kelahiran")).toBe("akta-kelahiran");
    expect(first("lahir")).toBe("akta-kelahiran");
    expect(first("cara bikin akte lahir anak")).toBe("akta-kelahiran");
  });

  it("maps death words to akta kematian", () => {
    expect(first("meninggal")).toBe("akta-kematian");
    expect(first("wafat")).toBe("akta-kematian");
    expect(first("akte mati")).toBe("akta-kematian");
  });

  it("finds SKTM for surat miskin", () => {
    expect(first("surat miskin")).toBe("surat-keterangan-tidak-mampu");
    expect(first("miskin")).toBe("surat-keterangan-tidak-mampu");
    expect(first("sktm")).toBe("surat-keterangan-tidak-mampu");
  });

  it("finds ahli waris for warisan", () => {
    expect(first("warisan")).toBe("surat-keterangan-ahli-waris");
  });

  it("searches English titles", () => {
    expect(first("birth certificate")).toBe("akta-kelahiran");
    expect(first("death certificate")).toBe("akta-kematian");
    expect(first("family card")).toBe("kartu-keluarga");
    expect(first("building permit")).toBe("persetujuan-bangunan-gedung-rumah-tinggal");
  });

  it("matches prefixes as the user types", () => {
    expect(first("keram")).toBe("izin-keramaian");
    expect(first("dom")).toBe("surat-keterangan-domisili");
    expect(first("akta kel")).toBe("akta-kelahiran");
  });

  it("maps event words to izin keramaian", () => {
    expect(first("hajatan")).toBe("izin-keramaian");
    expect(first("acara")).toBe("izin-keramaian");
  });

  it("folds KTP spellings and KK", () => {
    for (const query of ["ktp", "e-ktp", "ektp", "KTP-el", "e ktp"]) expect(first(query)).toBe("ktp-el");
    expect(first("kk")).toBe("kartu-keluarga");
    expect(first("kartu keluarga")).toBe("kartu-keluarga");
  });

  it("does not let the ubiquitous 'surat' decide the ranking", () => {
    expect(first("surat usaha")).toBe("surat-keterangan-usaha");
    expect(first("surat nikah")).toBe("surat-pengantar-nikah");
  });

  it("ranks by descending score and honours the limit", () => {
    const hits = search.search("surat", { limit: 3 });
    expect(hits.length).toBe(3);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]?.score).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
    expect(search.search("surat", { limit: 0 })).toEqual([]);
  });

  it("filters by category", () => {
    const hits = search.search("usaha", { category: "usaha" });
    expect(hits.length).toBeGreaterThan(0);
    const categories = new Map(fixtureGuides.map((guide) => [guide.id, guide.category]));
    for (const hit of hits) expect(categories.get(hit.id)).toBe("usaha");
    expect(search.search("akta kelahiran", { category: "bangunan" })).toEqual([]);
  });

  it("returns [] for empty, blank or meaningless queries", () => {
    expect(search.search("")).toEqual([]);
    expect(search.search("   \t\n")).toEqual([]);
    expect(search.search("😀🎉")).toEqual([]);
    expect(search.search("?!.*+()[]{}")).toEqual([]);
  });

  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (query) => {
        expect(Array.isArray(search.search(query))).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: -5, max: 50 }), (query, limit) => {
        const hits = search.search(query, { limit });
        expect(hits.length).toBeLessThanOrEqual(Math.max(0, limit));
      }),
      { numRuns: 300 },
    );
    expect(() => search.search("a".repeat(10_000))).not.toThrow();
    expect(() => search.search("domisili ".repeat(2_000))).not.toThrow();
    expect(() => search.search("(.*)+$^\\[a-z]{2,}|?")).not.toThrow();
    expect(() => search.search("__proto__ constructor toString hasOwnProperty")).not.toThrow();
    expect(() => search.search("\u0000\uD800\uDFFF\u200B")).not.toThrow();
  });

  it("copes with an empty catalogue and duplicate ids", () => {
    expect(createGuideSearch([]).search("nikah")).toEqual([]);
    const doubled = createGuideSearch([...fixtureGuides, ...fixtureGuides]);
    expect(doubled.size).toBe(fixtureGuides.length);
    expect(doubled.search("nikah")[0]?.id).toBe("surat-pengantar-nikah");
  });
});

describe("generated benchmark catalogue", () => {
  it("produces valid guides deterministically", () => {
    const guides = generateCatalogue(50);
    expect(guides).toHaveLength(50);
    for (const guide of guides) expect(Guide.parse(guide)).toEqual(guide);
    expect(new Set(guides.map((guide) => guide.id)).size).toBe(50);
    expect(generateCatalogue(50)).toEqual(guides);
  });

  // Correctness only: how fast 1,000 guides index and answer is bench/search.ts's business.
  it("ranks the generated variants of a service under the word people use", () => {
    const generated = createGuideSearch(generateCatalogue(240));
    expect(generated.size).toBe(240);
    for (const query of ["imb", "usaha", "akte lahir", "domisli", "surat miskin", "keram"]) {
      expect(generated.search(query).length, query).toBeGreaterThan(0);
    }
    expect(generated.search("imb")[0]?.id).toMatch(/^persetujuan-bangunan-gedung-/);
    expect(generated.search("akte lahir")[0]?.id).toMatch(/^akta-kelahiran-/);
  });
});

describe("a stored search index", () => {
  const queries = ["IMB", "usaha", "akte lahir", "domisli", "ahliwaris", "surat miskin", "keram", "birth certificate"];

  it("answers exactly as the index it was written from, categories and tie order included", () => {
    const restored = loadGuideSearch(search.toJSON());
    expect(restored.size).toBe(search.size);
    for (const query of queries) {
      expect(restored.search(query, { limit: 50 }), query).toEqual(search.search(query, { limit: 50 }));
      expect(restored.search(query, { category: "usaha" }), query).toEqual(search.search(query, { category: "usaha" }));
    }
    // Written again from the restored index, it still reads back the same.
    expect(loadGuideSearch(restored.toJSON()).search("nikah")).toEqual(search.search("nikah"));
  });

  it("refuses anything toJSON did not write, so the caller builds afresh", () => {
    expect(() => loadGuideSearch("")).toThrow();
    expect(() => loadGuideSearch("null")).toThrow();
    expect(() => loadGuideSearch(JSON.stringify({ format: 99 }))).toThrow();
    const stored = JSON.parse(search.toJSON()) as { ids: string[] };
    expect(() => loadGuideSearch(JSON.stringify({ ...stored, ids: stored.ids.slice(1) }))).toThrow();
  });
});

describe("guide search over the real seed catalogue", () => {
  const guides = seedCatalogue.map((input) => Guide.parse(input));
  const seed = createGuideSearch(guides);
  const top = (query: string, limit = 1) => seed.search(query, { limit }).map((hit) => hit.id);

  it("indexes every seeded guide", () => {
    expect(seed.size).toBe(guides.length);
  });

  it("finds the key services for the words cadres use", () => {
    expect(top("IMB")[0]).toBe("pbg-rumah-tinggal");
    expect(top("usaha", 3)).toEqual(expect.arrayContaining(["nib-usaha-mikro", "surat-keterangan-usaha"]));
    expect(top("izin usaha")[0]).toBe("nib-usaha-mikro");
    expect(top("nikah")[0]).toBe("surat-pengantar-nikah");
    // "Akta Perkawinan" legitimately contains the word; the cover letter must follow closely.
    expect(top("kawin", 2)).toContain("surat-pengantar-nikah");
    expect(top("surat miskin")[0]).toBe("surat-keterangan-tidak-mampu");
    expect(top("warisan")[0]).toBe("surat-keterangan-ahli-waris");
    expect(top("skck")[0]).toBe("pengantar-skck");
    expect(top("kk")[0]).toBe("kk-baru");
    expect(top("hajatan")[0]).toBe("pengantar-izin-keramaian");
  });

  it("tolerates typos and partial words", () => {
    expect(top("domisli")[0]).toBe("surat-keterangan-domisili");
    expect(top("ahliwaris")[0]).toBe("surat-keterangan-ahli-waris");
    expect(top("ahli wars")[0]).toBe("surat-keterangan-ahli-waris");
    expect(top("keram")[0]).toBe("pengantar-izin-keramaian");
    expect(top("dom", 2)).toContain("surat-keterangan-domisili");
  });

  it("handles akte/lahir, KTP spellings and English", () => {
    expect(top("akte lahir")[0]).toBe("akta-kelahiran");
    expect(top("birth certificate")[0]).toBe("akta-kelahiran");
    expect(top("e-ktp", 2)).toEqual(expect.arrayContaining(["ktp-el-baru", "penggantian-ktp-el"]));
    expect(top("meninggal", 2)).toEqual(expect.arrayContaining(["akta-kematian", "surat-keterangan-kematian"]));
  });

  it("filters by category and returns [] for empty queries", () => {
    const hits = seed.search("surat", { category: "keluarga", limit: 50 });
    expect(hits.length).toBeGreaterThan(0);
    const categories = new Map(guides.map((guide) => [guide.id, guide.category]));
    for (const hit of hits) expect(categories.get(hit.id)).toBe("keluarga");
    expect(seed.search("  ")).toEqual([]);
  });
});
