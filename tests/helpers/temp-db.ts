import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Db, openDatabase } from "../../server/db/open";

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
