import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, openDatabase } from "../../server/db/open";
import { seedIfEmpty } from "../../server/seed/seed";

/** A real SQLite file in a fresh folder, removed by `cleanup`. */
export function tempDatabase(): { db: Db; dir: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "masdarin-test-"));
  const file = join(dir, "masdarin.sqlite");
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

let template: string | undefined;

/**
 * A real SQLite file holding the seeded catalogue, copied from a template
 * seeded once per test file: each test starts from the same state without
 * paying for migrations and seeding again.
 */
export function seededDatabase(): ReturnType<typeof tempDatabase> {
  if (!template) {
    const dir = mkdtempSync(join(tmpdir(), "masdarin-template-"));
    template = join(dir, "template.sqlite");
    const db = openDatabase(template);
    seedIfEmpty(db);
    // One self-contained file: the WAL folded in, so a plain copy is the whole database.
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    db.$client.close();
  }
  const dir = mkdtempSync(join(tmpdir(), "masdarin-test-"));
  const file = join(dir, "masdarin.sqlite");
  copyFileSync(template, file);
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
