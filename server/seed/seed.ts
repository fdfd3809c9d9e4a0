import type { Db } from "../db/open";
import { isCatalogueEmpty, publishGuide } from "../guides/repository";
import { seedCatalogue } from "./catalogue";

/** Seeds the researched catalogue on first start only; operators' edits are never overwritten. */
export function seedIfEmpty(db: Db): number {
  if (!isCatalogueEmpty(db)) return 0;
  db.$client.transaction(() => {
    for (const guide of seedCatalogue) publishGuide(db, guide);
  })();
  return seedCatalogue.length;
}
