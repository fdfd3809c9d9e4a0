import Dexie, { type Table } from "dexie";
import type { AnswerValue } from "../../shared/conditions";
import type { Guide } from "../../shared/guide";

export interface MetaRow {
  key: "catalogueCursor" | "catalogueUpdatedAt";
  value: string;
}

/** A reader's own case on one guide page: kept so a reload or an app update loses nothing. */
export interface SelfCheck {
  guideId: string;
  answers: Record<string, AnswerValue>;
  ticked: string[];
}

/**
 * The device's database. Every schema change is a new `version()` with an
 * upgrade function; old declarations stay so any older install can upgrade.
 */
export class LocalDb extends Dexie {
  guides!: Table<Guide, string>;
  meta!: Table<MetaRow, MetaRow["key"]>;
  selfChecks!: Table<SelfCheck, string>;

  constructor(name = "masdarin") {
    super(name);
    this.version(1).stores({
      guides: "id, category",
      meta: "key",
      selfChecks: "guideId",
    });
  }
}

export const localDb = new LocalDb();

// Another tab is upgrading the schema: let it, and reload onto the new version.
localDb.on("versionchange", () => {
  localDb.close();
  location.reload();
  return false;
});
