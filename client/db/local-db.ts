import Dexie, { type Table } from "dexie";
import type { AnswerValue } from "../../shared/conditions";
import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";

export interface MetaRow {
  key: "catalogueCursor" | "catalogueUpdatedAt" | "officeAreaCode";
  value: string;
}

/** A reader's own case on one guide page: kept so a reload or an app update loses nothing. */
export interface SelfCheck {
  guideId: string;
  answers: Record<string, AnswerValue>;
  ticked: string[];
}

/** A draft as stored: the shared Draft plus device-only bookkeeping. */
export interface DraftRow extends Draft {
  /** Lowercased name and NIK digits, indexed so the drafts list can search 10,000 drafts quickly. */
  searchKey: string;
  /** Set by "hapus" and cleared by "urungkan"; rows are purged once the undo window has passed. */
  deletedAt?: string;
}

/**
 * Page bytes. Stored as ArrayBuffer plus MIME type rather than Blob: Safari
 * has repeatedly lost Blob values in IndexedDB, ArrayBuffers are robust.
 */
export interface BlobRow {
  id: string;
  draftId: string;
  kind: "page" | "thumb";
  mime: string;
  data: ArrayBuffer;
}

export function draftSearchKey(draft: Pick<Draft, "applicant">): string {
  const name = draft.applicant.fullName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
  return `${name} ${draft.applicant.nik.replace(/\D/g, "")}`.trim();
}

/**
 * The device's database. Every schema change is a new `version()` with an
 * upgrade function; old declarations stay so any older install can upgrade
 * (tests/unit/drafts-repository.test.ts and tests/browser/drafts.test.ts open a version-2
 * database with drafts).
 */
export class LocalDb extends Dexie {
  guides!: Table<Guide, string>;
  meta!: Table<MetaRow, MetaRow["key"]>;
  selfChecks!: Table<SelfCheck, string>;
  drafts!: Table<DraftRow, string>;
  blobs!: Table<BlobRow, string>;
  /** Every guide version a draft is pinned to, kept after the catalogue moves on. */
  guideVersions!: Table<Guide, [string, number]>;

  constructor(name = "masdarin") {
    super(name, { chromeTransactionDurability: "strict" });
    // v1: the guide catalogue (issue 2).
    this.version(1).stores({ guides: "id, category", meta: "key", selfChecks: "guideId" });
    // v2: application drafts and their page bytes.
    this.version(2).stores({
      drafts: "id, guideId, updatedAt",
      blobs: "id, draftId",
      guideVersions: "[id+version], id",
    });
    // v3: an indexed search key for the drafts list, backfilled for existing drafts.
    this.version(3)
      .stores({ drafts: "id, guideId, updatedAt, searchKey" })
      .upgrade((tx) =>
        tx
          .table<DraftRow, string>("drafts")
          .toCollection()
          .modify((draft) => {
            draft.searchKey = draftSearchKey(draft);
          }),
      );
  }
}

export const localDb = new LocalDb();
