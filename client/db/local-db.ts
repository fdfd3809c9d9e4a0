import Dexie, { type Table } from "dexie";
import type { AnswerValue } from "../../shared/conditions";
import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import type { Fingerprints } from "../../shared/review/changes";
import type { ClockRecord } from "../../shared/service-time/clock";
import type { GuideChange, MutationIssue, RefusalReason } from "../../shared/sync/protocol";
import { vaultMiddleware } from "../vault/middleware";

export interface MetaRow {
  key:
    | "catalogueCursor"
    | "catalogueUpdatedAt"
    | "officeAreaCode"
    /** This install's sync identity: a new one per sign-in (docs/SYNC.md). */
    | "clientId"
    | "nextSeq"
    | "pullCursor"
    | "lastSyncAt"
    /** The signed-in cadre (JSON), so the app knows who it is offline; the session itself is an HttpOnly cookie. */
    | "account"
    /** The office's closed dates (JSON array of Jakarta dates) from the last pull: clocks count offline. */
    | "closedDates"
    /** The office's rules for phones (shared/device/rules.ts, JSON) from the last sign-in or pull. */
    | "deviceRules";
  value: string;
}

/**
 * A change waiting to be pushed. Entries are written in the same transaction
 * as the change itself. Once a push has included an entry it is never
 * changed again; before that, consecutive saves of one draft replace the
 * waiting snapshot (same seq, new mutationId) so typing does not queue
 * hundreds of copies.
 */
export interface OutboxRow {
  seq: number;
  mutationId: string;
  name: "putDraft" | "submitApplication" | "deleteDraft";
  args: unknown;
  baseVersion: number;
  draftId: string;
  createdAt: string;
  attempted: boolean;
  /**
   * The draft id while this is a putDraft no push has included yet, else
   * absent or null: indexed, so a save finds the snapshot it may replace
   * without opening sealed entries (client/sync/outbox.ts).
   */
  waitingPut?: string | null;
}

export type RemoteStatus = "draft" | "submitted" | "received" | "verified" | "needs-fix" | "rejected" | "approved";

/** What the server last said about an application: workflow fields only. */
export interface RemoteRow {
  id: string;
  version: number;
  status: RemoteStatus;
  verdict: unknown;
  deleted: boolean;
  updatedAt: string;
  /** The public tracking number, from the first submit on (rows pulled before version 5 lack it until the next change). */
  trackingNumber?: string | null;
  /** The service-time clock as the server last sent it; the phone computes today's view from it. */
  clock?: ClockRecord | null;
  /**
   * The status the cadre last saw on this file's page (client/drafts/status-seen.ts):
   * "Status berubah" shows while the office's status differs from it.
   */
  seenStatus?: RemoteStatus;
}

/**
 * A change the server refused for good: shown under "perlu perhatian", never
 * dropped silently, until a later submit of the same draft is applied.
 */
export interface AttentionRow {
  mutationId: string;
  draftId: string;
  name: string;
  code: string;
  /** precheck-failed: what the server's pre-check found (rows stored before reasons named their requirement hold bare codes). */
  reasons: (RefusalReason | string)[];
  /** invalid-mutation: where the change failed the schema. */
  issues?: MutationIssue[];
  /** guide-outdated: the version the office now takes, and what changed. */
  guideVersion?: number;
  changes?: GuideChange[];
  at: string;
}

/** A reader's own case on one guide page: kept so a reload or an app update loses nothing. */
export interface SelfCheck {
  guideId: string;
  answers: Record<string, AnswerValue>;
  ticked: string[];
}

/**
 * The office changed the requirements in a way that binds drafts not yet
 * submitted, and the draft was moved: from which version to which, kept until
 * the cadre has seen the change list ("Mengerti").
 */
export interface OfficeChange {
  from: number;
  to: number;
  at: string;
}

/**
 * The office sent the file back for fixing (its verdict's decidedAt): what the
 * file was made of then, as digests, so the phone can tell which flagged
 * requirements the cadre has changed since (shared/review/changes.ts).
 */
export interface SentBack {
  decidedAt: string;
  fingerprints: Fingerprints;
}

/** A draft as stored: the shared Draft plus device-only bookkeeping. */
export interface DraftRow extends Draft {
  /**
   * Set when the phone removed the applicant's data and photos, a set time
   * after the office's final decision (client/vault/phone-retention.ts):
   * the service, status and tracking number remain.
   */
  scrubbedAt?: string;
  /** Lowercased name and NIK digits, indexed so the drafts list can search 10,000 drafts quickly. */
  searchKey: string;
  /** Set by "hapus" and cleared by "urungkan"; rows are purged once the undo window has passed. */
  deletedAt?: string;
  officeChange?: OfficeChange;
  sentBack?: SentBack;
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

/** A wrapped secret or key: AES-GCM ciphertext and its IV. */
export interface Wrapped {
  iv: Uint8Array;
  ct: Uint8Array;
}

/**
 * One cadre's profile on this phone (client/vault/). In the clear: who it is
 * (for the lock screen and the sign-in list) and the wrapped keys, never the
 * data key itself. Only the active profile's records are in the live tables;
 * the others are parked, sealed with their own keys.
 */
export interface ProfileRow {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  createdAt: string;
  /** PBKDF2-SHA-256 parameters of the PIN. */
  salt: Uint8Array;
  iterations: number;
  /** The data key under the PIN-and-unlock-secret key; null after too many wrong PINs. */
  pinWrap: Wrapped | null;
  /** The data key under the recovery secret, which only a password sign-in releases. */
  recoveryWrap: Wrapped;
  /** Non-extractable AES-GCM key that wraps the unlock secret, so the PIN unlocks offline. */
  deviceKey: CryptoKey;
  unlockSecretWrap: Wrapped | null;
  failures: number;
  /** No PIN try before this time (growing delays after wrong PINs). */
  nextTryAt: string | null;
  active: boolean;
  /** Set when wrong PINs erased the synced data: only the password brings the profile back. */
  erasedAt?: string | null;
  /**
   * An older version's plaintext, sealed at the first start of this version
   * (client/vault/legacy.ts) before its cadre had a PIN: the data key wrapped
   * by the device key alone, until the password sign-in and the PIN replace it.
   */
  pendingKeyWrap?: Wrapped | null;
}

/** A record of a profile that is not the active one, moved out of the live tables as it was stored (sealed). */
export interface ParkedRow {
  profileId: string;
  table: string;
  key: string | number;
  value: unknown;
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
  outbox!: Table<OutboxRow, number>;
  remote!: Table<RemoteRow, string>;
  attention!: Table<AttentionRow, string>;
  profiles!: Table<ProfileRow, string>;
  parked!: Table<ParkedRow, [string, string, string | number]>;

  /**
   * `sealed: false` opens the same database without the vault layer: only
   * for moving sealed records as they are (parking a profile, erasing) and
   * for sealing the plaintext of an older version (client/vault/).
   */
  constructor(name = "masdarin", options: { sealed?: boolean } = {}) {
    super(name, { chromeTransactionDurability: "strict" });
    if (options.sealed !== false) this.use(vaultMiddleware);
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
    // v4: the sync outbox, the server's view of each application, and refused changes.
    this.version(4).stores({ outbox: "seq, draftId", remote: "id", attention: "mutationId, draftId" });
    // v5: the tracking number, the clock and the status the cadre last saw ride on `remote` (no new index).
    // Statuses pulled before this version count as seen: an app update must not flag every old file.
    this.version(5)
      .stores({})
      .upgrade((tx) =>
        tx
          .table<RemoteRow, string>("remote")
          .toCollection()
          .modify((row) => {
            row.seenStatus ??= row.status;
          }),
      );
    // v6 (issue 15): people's records are sealed (client/vault/middleware.ts), so nothing personal may
    // be indexed: the name-and-NIK search index goes (the list searches in memory once unlocked).
    // The outbox indexes the draft whose unsent snapshot a save may replace (no sealed entry opened).
    // Profiles and their parked records arrive. The rows themselves are sealed in place at the first
    // start (client/vault/legacy.ts): the upgrade itself runs on rows as stored.
    this.version(6).stores({
      drafts: "id, guideId, updatedAt",
      outbox: "seq, draftId, waitingPut",
      profiles: "id, userId",
      parked: "[profileId+table+key], profileId, [profileId+table]",
    });
  }
}

export const localDb = new LocalDb();
