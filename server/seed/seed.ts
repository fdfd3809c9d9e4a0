import type { Db } from "../db/open";
import { withTransaction } from "../db/transaction";
import { isCatalogueEmpty, publishGuide } from "../guides/repository";
import { seedCatalogue } from "./catalogue";

/** Seeds the researched catalogue on first start only; operators' edits are never overwritten. */
export async function seedIfEmpty(db: Db): Promise<number> {
  if (!(await isCatalogueEmpty(db))) return 0;
  await withTransaction(db, async (tx) => {
    for (const guide of seedCatalogue) await publishGuide(tx, guide);
  });
  return seedCatalogue.length;
}
