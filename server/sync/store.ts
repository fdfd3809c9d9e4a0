import type { Statement } from "better-sqlite3";
import type { Draft } from "../../shared/draft";
import type { ClockRecord } from "../../shared/service-time/clock";
import type { ApplicationStatus, Verdict } from "../../shared/sync/protocol";
import type { Db } from "../db/open";
import type { EventRecord } from "../review/events";
import type { ApplicationRow } from "./rows";

/**
 * The sync hot paths' SQL, prepared once per database and held here: a push
 * of ten drafts used to spend two thirds of its CPU building each drizzle
 * query and preparing its statement afresh (issue 12). Plain better-sqlite3
 * statements, bound by position, reading only the columns each step needs.
 *
 * Statements run on the same connection as drizzle's, so they join whatever
 * transaction or savepoint is open: callers keep writing through drizzle's
 * `tx` where another module owns the table (history events, rollups).
 */

/** An application row without its content and verdict: what the push decides on, parsed from nothing. */
export type ApplicationHead = Omit<ApplicationRow, "content" | "verdict" | "clock" | "clockState" | "clockDeadline">;

/** What a pull returns of a row: the seven fields of a change and its place in the change order. */
export interface ChangeRow {
  id: string;
  guideId: string;
  version: number;
  status: ApplicationStatus;
  verdict: Verdict | null;
  deletedAt: string | null;
  updatedAt: string;
  changeSeq: number;
  trackingNumber: string | null;
  clock: ClockRecord | null;
}

export interface StoredPage {
  mime: string;
  width: number | null;
  height: number | null;
}

/** Columns written by a save; the rest stay as they were (or their defaults on insert). */
export interface ContentValues {
  guideId: string;
  guideVersion: number;
  villageCode: string | null;
  content: Draft;
  status: ApplicationStatus;
  version: number;
  changeSeq: number;
  updatedAt: string;
}

/** Written too when a save submits. */
export interface SubmitValues {
  submittedAt: string;
  submitCount: number;
  firstSubmittedAt: string;
  kecamatanCode: string | null;
  /** Given at the first submit; later submits keep the number the file already has. */
  trackingNumber: string;
}

const HEAD_COLUMNS = `id, cadre_id AS cadreId, guide_id AS guideId, guide_version AS guideVersion,
  village_code AS villageCode, status, version, change_seq AS changeSeq, submitted_at AS submittedAt,
  deleted_at AS deletedAt, created_at AS createdAt, updated_at AS updatedAt, kecamatan_code AS kecamatanCode,
  draft_created_at AS draftCreatedAt, first_submitted_at AS firstSubmittedAt, submit_count AS submitCount,
  precheck_failures AS precheckFailures, received_at AS receivedAt, first_decision_at AS firstDecisionAt,
  decided_at AS decidedAt, sent_back_count AS sentBackCount, tracking_number AS trackingNumber`;

/** Files the office is working on: a second one for the same applicant would be sent back. */
const OPEN_STATUSES = ["submitted", "received", "verified", "needs-fix"] as const;

function duplicateQuery(statuses: readonly string[]): string {
  // The json_extract expression is the one migration 0006 indexes (with the guide), so this is an index lookup.
  return `SELECT status FROM applications
    WHERE guide_id = ? AND json_extract(content, '$.applicant.nik') = ? AND id <> ? AND deleted_at IS NULL
      AND status IN (${statuses.map((status) => `'${status}'`).join(", ")})
    LIMIT 1`;
}

export class SyncStore {
  private static readonly stores = new WeakMap<Db, SyncStore>();

  /** The store of `db`, built (and its statements prepared) on first use. */
  static of(db: Db): SyncStore {
    let store = SyncStore.stores.get(db);
    if (!store) {
      store = new SyncStore(db);
      SyncStore.stores.set(db, store);
    }
    return store;
  }

  private readonly sql: ReturnType<SyncStore["prepareAll"]>;

  /**
   * One better-sqlite3 transaction function, built once and given the work as
   * its argument: building one per call (`transaction(work)`) wraps four
   * functions and defines their properties, which cost a push more than its
   * ten SAVEPOINT/RELEASE pairs themselves (issue 12).
   */
  private readonly nested: (work: () => unknown) => unknown;

  private constructor(private readonly db: Db) {
    this.sql = this.prepareAll();
    this.nested = db.$client.transaction((work: () => unknown) => work());
  }

  private prepareAll() {
    const client = this.db.$client;
    const prepare = (source: string): Statement => client.prepare(source);
    return {
      insertClient: prepare(
        "INSERT INTO sync_clients (client_id, user_id, last_seq, created_at) VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING",
      ),
      client: prepare("SELECT user_id AS userId, last_seq AS lastSeq FROM sync_clients WHERE client_id = ?"),
      setLastSeq: prepare("UPDATE sync_clients SET last_seq = ? WHERE client_id = ?"),
      firstOutcome: prepare("SELECT status, error_code AS code FROM mutations WHERE client_id = ? AND seq = ?"),
      mutationSeen: prepare("SELECT 1 FROM mutations WHERE mutation_id = ?").pluck(),
      insertMutation: prepare(
        `INSERT INTO mutations (mutation_id, client_id, seq, name, status, error_code, processed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      head: prepare(`SELECT ${HEAD_COLUMNS} FROM applications WHERE id = ?`),
      guideWithdrawn: prepare("SELECT withdrawn_at IS NOT NULL FROM guides WHERE id = ?").pluck(),
      nextChangeSeq: prepare("SELECT coalesce(max(change_seq), 0) + 1 FROM applications").pluck(),
      currentChangeSeq: prepare("SELECT coalesce(max(change_seq), 0) FROM applications").pluck(),
      insertApplication: prepare(
        `INSERT INTO applications (id, cadre_id, created_at, kecamatan_code, draft_created_at, guide_id, guide_version,
           village_code, content, status, version, change_seq, updated_at, submitted_at, verdict, submit_count,
           first_submitted_at, tracking_number)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
      ),
      updateContent: prepare(
        `UPDATE applications SET guide_id = ?, guide_version = ?, village_code = ?, content = ?, status = ?, version = ?,
           change_seq = ?, updated_at = ?
         WHERE id = ?`,
      ),
      updateSubmitted: prepare(
        `UPDATE applications SET guide_id = ?, guide_version = ?, village_code = ?, content = ?, status = ?, version = ?,
           change_seq = ?, updated_at = ?, submitted_at = ?, verdict = NULL, submit_count = ?, first_submitted_at = ?,
           kecamatan_code = ?, tracking_number = coalesce(tracking_number, ?)
         WHERE id = ?`,
      ),
      trackingTaken: prepare("SELECT 1 FROM applications WHERE tracking_number = ?").pluck(),
      insertEvent: prepare(
        "INSERT INTO application_events (application_id, at, kind, actor_id, status, detail) VALUES (?, ?, ?, ?, ?, ?)",
      ),
      countPrecheckFailure: prepare("UPDATE applications SET precheck_failures = precheck_failures + 1 WHERE id = ?"),
      tombstone: prepare(
        "UPDATE applications SET deleted_at = ?, version = ?, change_seq = ?, updated_at = ? WHERE id = ?",
      ),
      changesSince: prepare(
        `SELECT id, guide_id AS guideId, version, status, verdict, deleted_at AS deletedAt, updated_at AS updatedAt,
           change_seq AS changeSeq, tracking_number AS trackingNumber, clock
         FROM applications WHERE cadre_id = ? AND change_seq > ? ORDER BY change_seq LIMIT ?`,
      ),
      storedPage: prepare("SELECT mime, width, height FROM files WHERE sha256 = ?"),
      openDuplicate: prepare(duplicateQuery(OPEN_STATUSES)),
      everDuplicate: prepare(duplicateQuery([...OPEN_STATUSES, "approved"])),
    };
  }

  /** Binds an install to the cadre who first pushes from it; answers who it is bound to and its high-water mark. */
  claimClient(clientId: string, userId: string, at: string): { userId: string; lastSeq: number } | undefined {
    this.sql.insertClient.run(clientId, userId, at);
    return this.client(clientId);
  }

  client(clientId: string): { userId: string; lastSeq: number } | undefined {
    return this.sql.client.get(clientId) as { userId: string; lastSeq: number } | undefined;
  }

  setLastSeq(clientId: string, seq: number): void {
    this.sql.setLastSeq.run(seq, clientId);
  }

  /** A replayed seq's first outcome. */
  firstOutcome(clientId: string, seq: number): { status: string; code: string | null } | undefined {
    return this.sql.firstOutcome.get(clientId, seq) as { status: string; code: string | null } | undefined;
  }

  mutationSeen(mutationId: string): boolean {
    return this.sql.mutationSeen.get(mutationId) !== undefined;
  }

  recordMutation(m: {
    mutationId: string;
    clientId: string;
    seq: number;
    name: string;
    status: "applied" | "rejected";
    code: string | null;
    at: string;
  }): void {
    this.sql.insertMutation.run(m.mutationId, m.clientId, m.seq, m.name, m.status, m.code, m.at);
  }

  head(id: string): ApplicationHead | undefined {
    return this.sql.head.get(id) as ApplicationHead | undefined;
  }

  /** Whether the guide is withdrawn; undefined when the catalogue never had it. Reads no guide JSON. */
  guideWithdrawn(id: string): boolean | undefined {
    const withdrawn = this.sql.guideWithdrawn.get(id) as number | undefined;
    return withdrawn === undefined ? undefined : withdrawn === 1;
  }

  /** The applications change counter's next value; call it inside the write transaction, so commit order is seq order. */
  nextChangeSeq(): number {
    return this.sql.nextChangeSeq.get() as number;
  }

  currentChangeSeq(): number {
    return this.sql.currentChangeSeq.get() as number;
  }

  insertApplication(
    row: { id: string; cadreId: string; createdAt: string; kecamatanCode: string | null; draftCreatedAt: string },
    values: ContentValues,
    submit: SubmitValues | undefined,
  ): void {
    this.sql.insertApplication.run(
      row.id,
      row.cadreId,
      row.createdAt,
      submit ? submit.kecamatanCode : row.kecamatanCode,
      row.draftCreatedAt,
      ...contentParams(values),
      submit?.submittedAt ?? null,
      submit?.submitCount ?? 0,
      submit?.firstSubmittedAt ?? null,
      submit?.trackingNumber ?? null,
    );
  }

  updateApplication(id: string, values: ContentValues, submit: SubmitValues | undefined): void {
    const common = contentParams(values);
    if (submit) {
      this.sql.updateSubmitted.run(
        ...common,
        submit.submittedAt,
        submit.submitCount,
        submit.firstSubmittedAt,
        submit.kecamatanCode,
        submit.trackingNumber,
        id,
      );
    } else {
      this.sql.updateContent.run(...common, id);
    }
  }

  /** The history entry server/review/events.ts writes, with the statement held: a push records one per new draft. */
  recordEvent(event: EventRecord): void {
    const detail = event.detail ? JSON.stringify(event.detail) : null;
    this.sql.insertEvent.run(event.applicationId, event.at, event.kind, event.actorId, event.status, detail);
  }

  /** Whether a tracking number is already some file's (a fresh one collides with odds of about 1 in 10¹³ per file). */
  trackingTaken(number: string): boolean {
    return this.sql.trackingTaken.get(number) !== undefined;
  }

  countPrecheckFailure(id: string): void {
    this.sql.countPrecheckFailure.run(id);
  }

  tombstone(id: string, version: number, changeSeq: number, at: string): void {
    this.sql.tombstone.run(at, version, changeSeq, at, id);
  }

  /** One page of a cadre's changes after `sinceSeq`, oldest first; one row more tells whether more wait. */
  changesSince(cadreId: string, sinceSeq: number, limit: number): ChangeRow[] {
    const rows = this.sql.changesSince.all(cadreId, sinceSeq, limit + 1) as (Omit<ChangeRow, "verdict" | "clock"> & {
      verdict: string | null;
      clock: string | null;
    })[];
    // The verdict and the clock are the JSON columns a change carries; only files the office has hold them.
    return rows.map((row) => ({
      ...row,
      verdict: row.verdict === null ? null : (JSON.parse(row.verdict) as Verdict),
      clock: row.clock === null ? null : (JSON.parse(row.clock) as ClockRecord),
    }));
  }

  storedPage(sha256: string): StoredPage | undefined {
    return this.sql.storedPage.get(sha256) as StoredPage | undefined;
  }

  /** The status of another live file of `guideId` for this NIK that is open (or, with `ever`, approved). */
  duplicateStatus(guideId: string, nik: string, exceptId: string, ever: boolean): ApplicationStatus | undefined {
    const statement = ever ? this.sql.everDuplicate : this.sql.openDuplicate;
    return (statement.get(guideId, nik, exceptId) as { status: ApplicationStatus } | undefined)?.status;
  }

  /**
   * Runs `work` under a SAVEPOINT of the open transaction: when it throws, its
   * writes are rolled back and the error goes on, the transaction's earlier
   * work stays. (better-sqlite3 turns a nested transaction into a savepoint.)
   */
  savepoint<T>(work: () => T): T {
    return this.nested(work) as T;
  }
}

/** The content columns, in the order the insert and both updates bind them. */
function contentParams(values: ContentValues): (string | number | null)[] {
  return [
    values.guideId,
    values.guideVersion,
    values.villageCode,
    JSON.stringify(values.content),
    values.status,
    values.version,
    values.changeSeq,
    values.updatedAt,
  ];
}
