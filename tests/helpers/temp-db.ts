import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, openDatabase } from "../../server/db/open";
import { seedIfEmpty } from "../../server/seed/seed";

type TempDatabase = { db: Db; dir: string; file: string; cleanup: () => void };

/** A real SQLite file in a fresh folder (a copy of `from` when given), removed by `cleanup`. */
function inFreshFolder(from?: string): TempDatabase {
  const dir = mkdtempSync(join(tmpdir(), "masdarin-test-"));
  const file = join(dir, "masdarin.sqlite");
  if (from) copyFileSync(from, file);
  const db = openDatabase(file);
  return {
    db,
    dir,
    file,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A real, empty (migrated) SQLite file in a fresh folder. */
export function tempDatabase(): TempDatabase {
  return inFreshFolder();
}

let template: string | undefined;

/**
 * A real SQLite file holding the seeded catalogue, copied from a template
 * seeded once per test file: each test starts from the same state without
 * paying for migrations and seeding again.
 */
export function seededDatabase(): TempDatabase {
  if (!template) {
    template = join(mkdtempSync(join(tmpdir(), "masdarin-template-")), "template.sqlite");
    const db = openDatabase(template);
    seedIfEmpty(db);
    // One self-contained file: the WAL folded in, so a plain copy is the whole database.
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.close();
  }
  return inFreshFolder(template);
}
