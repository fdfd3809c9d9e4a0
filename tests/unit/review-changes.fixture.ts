import { seedCatalogue } from "../../server/seed/catalogue";
import { Guide } from "../../shared/guide";

export function domisiliGuideFromSeed(): Guide {
  const input = seedCatalogue.find((guide) => guide.id === "surat-keterangan-domisili");
  if (!input) throw new Error("seed lacks the domisili guide");
  return Guide.parse(input);
}
