import { afterEach, describe, expect, it } from "vitest";
import { describeRequirement } from "../../client/guide/describe";
import { locale } from "../../client/i18n";
import { seedCatalogue } from "../../server/seed/catalogue";
import { Guide } from "../../shared/guide";

/** The checklist says the page rule the pre-check applies, so a cadre photographs every page it asks for. */
const guides = seedCatalogue.map((input) => Guide.parse(input));
const requirement = (guideId: string, id: string) => {
  const found = guides.find((g) => g.id === guideId)?.requirements.find((r) => r.id === id);
  if (!found) throw new Error(`${guideId}/${id} not seeded`);
  return found;
};

afterEach(() => {
  locale.value = "id";
});

describe("the checklist's page rule", () => {
  it("tells the cadre to photograph every page with entries of a marriage book, and which pages", () => {
    const book = guides.flatMap((g) => g.requirements).find((r) => r.allPagesWithEntries && r.pagesNote);
    if (!book) throw new Error("no book with a page note");
    locale.value = "id";
    const words = describeRequirement(book, "id");
    expect(words).toContain("foto semua halaman yang berisi catatan");
    expect(words).toContain(book.pagesNote?.id);
    locale.value = "en";
    expect(describeRequirement(book, "en")).toContain("photograph every page with entries");
  });

  it("gives the least number of pages for a two-sided paper, and says nothing of pages for a one-page letter", () => {
    const twoSided = guides.flatMap((g) => g.requirements).find((r) => (r.minPages ?? 1) > 1 && !r.allPagesWithEntries);
    if (!twoSided) throw new Error("no two-sided paper");
    locale.value = "id";
    expect(describeRequirement(twoSided, "id")).toContain(`foto min. ${twoSided.minPages} halaman`);
    const letter = requirement("surat-keterangan-domisili", "pernyataan-pemilik-rumah");
    expect(describeRequirement(letter, "id")).not.toMatch(/halaman/);
  });
});
