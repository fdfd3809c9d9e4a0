import { type SQL, sql } from "drizzle-orm";
import type { Draft } from "../../shared/draft";
import type { ClockRecord } from "../../shared/service-time/clock";
import type { ApplicationStatus, Verdict } from "../../shared/sync/protocol";
import { dialectOf } from "../db/connection";
import type { Db } from "../db/open";
import { rawAll, rawGet, rawRun } from "../db/raw";
import { jsonIndexedText } from "../db/sql-fns";
import { withTransaction } from "../db/transaction";
import type { EventRecord } from "../review/events";
import { pendingSeq } from "./counters";
import type { ApplicationRow } from "./rows";

/**
 * The sync hot paths' SQL: a push of ten drafts used to spend two thirds of
 * its CPU building each drizzle query and preparing its statement afresh
 * (issue 12). Hand-written statements (server/db/raw.ts), values bound, reading
 * only the columns each step needs; the driver prepares each text once.
 *
 * A store runs on the `Db` it is given, so inside a push it joins the
 * transaction or savepoint it was made for: callers keep writing through the
 * same `tx` where another module owns the table (history events, rollups).
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

const HEAD_COLUMNS = sql.raw(`id, cadre_id AS "cadreId", guide_id AS "guideId", guide_version AS "guideVersion",
  village_code AS "villageCode", status, version, change_seq AS "changeSeq", submitted_at AS "submittedAt",
  deleted_at AS "deletedAt", created_at AS "createdAt", updated_at AS "updatedAt", kecamatan_code AS "kecamatanCode",
  draft_created_at AS "draftCreatedAt", first_submitted_at AS "firstSubmittedAt", submit_count AS "submitCount",
  precheck_failures AS "precheckFailures", received_at AS "receivedAt", first_decision_at AS "firstDecisionAt",
  decided_at AS "decidedAt", sent_back_count AS "sentBackCount", tracking_number AS "trackingNumber"`);

/** Files the office is working on: a second one for the same applicant would be sent back. */
const OPEN_STATUSES = ["submitted", "received", "verified", "needs-fix"] as const;

/** The status list of the duplicate lookup: constant text, so each variant is one cached statement. */
function statusList(statuses: readonly string[]): SQL {
  return sql.raw(statuses.map((status) => `'${status}'`).join(", "));
}

const OPEN_LIST = statusList(OPEN_STATUSES);
const NIK = jsonIndexedText(sql.raw("content"), ["applicant", "nik"]);
const EVER_LIST = statusList([...OPEN_STATUSES, "approved"]);

/**
 * The sync hot paths' queries on one database or open transaction. A store is
 * a handle and costs nothing to make: pass the transaction's (or savepoint's)
 * `tx` so its statements run inside it. The SQL text of each query is the same
 * on every call (values are bound, never inlined), so the driver reuses its
 * prepared statement (server/db/sqlite.ts caches them by text).
 */
export class SyncStore {
  private constructor(private readonly db: Db) {}

  /** The store of `db`: the database, or the transaction or savepoint the work must run in. */
  static of(db: Db): SyncStore {
    return new SyncStore(db);
  }

  /** Binds an install to the cadre who first pushes from it; answers who it is bound to and its high-water mark. */
  async claimClient(
    clientId: string,
    userId: string,
    at: string,
  ): Promise<{ userId: string; lastSeq: number } | undefined> {
    await rawRun(
      this.db,
      sql`INSERT INTO sync_clients (client_id, user_id, last_seq, created_at) VALUES (${clientId}, ${userId}, 0, ${at}) ON CONFLICT DO NOTHING`,
    );
    if (dialectOf(this.db) !== "postgres") return this.client(clientId);
    // Two app servers given the same client's pushes at once take turns here, and the second reads the
    // high-water mark the first committed: each seq applies once, in order. (SQLite's single writer,
    // BEGIN IMMEDIATE, already serialises them.) The first lock a push takes: see server/sync/counters.ts.
    return rawGet<{ userId: string; lastSeq: number }>(
      this.db,
      sql`SELECT user_id AS "userId", last_seq AS "lastSeq" FROM sync_clients WHERE client_id = ${clientId} FOR UPDATE`,
    );
  }

  client(clientId: string): Promise<{ userId: string; lastSeq: number } | undefined> {
    return rawGet<{ userId: string; lastSeq: number }>(
      this.db,
      sql`SELECT user_id AS "userId", last_seq AS "lastSeq" FROM sync_clients WHERE client_id = ${clientId}`,
    );
  }

  async setLastSeq(clientId: string, seq: number): Promise<void> {
    await rawRun(this.db, sql`UPDATE sync_clients SET last_seq = ${seq} WHERE client_id = ${clientId}`);
  }

  /** A replayed seq's first outcome. */
  firstOutcome(clientId: string, seq: number): Promise<{ status: string; code: string | null } | undefined> {
    return rawGet<{ status: string; code: string | null }>(
      this.db,
      sql`SELECT status, error_code AS code FROM mutations WHERE client_id = ${clientId} AND seq = ${seq}`,
    );
  }

  async mutationSeen(mutationId: string): Promise<boolean> {
    const row = await rawGet(this.db, sql`SELECT 1 AS seen FROM mutations WHERE mutation_id = ${mutationId}`);
    return row !== undefined;
  }

  async recordMutation(m: {
    mutationId: string;
    clientId: string;
    seq: number;
    name: string;
    status: "applied" | "rejected";
    code: string | null;
    at: string;
  }): Promise<void> {
    await rawRun(
      this.db,
      sql`INSERT INTO mutations (mutation_id, client_id, seq, name, status, error_code, processed_at)
         VALUES (${m.mutationId}, ${m.clientId}, ${m.seq}, ${m.name}, ${m.status}, ${m.code}, ${m.at})`,
    );
  }

  /**
   * The row a mutation decides on, locked until the push commits on PostgreSQL: two of the cadre's devices
   * pushing the same draft at once then take turns, and the second counts its version from the first's
   * (SQLite's single writer already runs them one after the other).
   */
  head(id: string): Promise<ApplicationHead | undefined> {
    const lock = dialectOf(this.db) === "postgres" ? sql` FOR UPDATE` : sql``;
    return rawGet<ApplicationHead>(this.db, sql`SELECT ${HEAD_COLUMNS} FROM applications WHERE id = ${id}${lock}`);
  }

  /** Whether the guide is withdrawn; undefined when the catalogue never had it. Reads no guide JSON. */
  async guideWithdrawn(id: string): Promise<boolean | undefined> {
    const row = await rawGet<{ withdrawn: number | boolean }>(
      this.db,
      sql`SELECT withdrawn_at IS NOT NULL AS withdrawn FROM guides WHERE id = ${id}`,
    );
    // 0/1 on SQLite, a boolean on PostgreSQL.
    return row === undefined ? undefined : row.withdrawn === 1 || row.withdrawn === true;
  }

  /** The highest committed change_seq (not the counter, which an open transaction may have moved already). */
  async currentChangeSeq(): Promise<number> {
    const row = await rawGet<{ value: number }>(
      this.db,
      sql`SELECT coalesce(max(change_seq), 0) AS value FROM applications`,
    );
    return Number(row?.value ?? 0);
  }

  async insertApplication(
    row: { id: string; cadreId: string; createdAt: string; kecamatanCode: string | null; draftCreatedAt: string },
    values: ContentValues,
    submit: SubmitValues | undefined,
  ): Promise<void> {
    const kecamatanCode = submit ? submit.kecamatanCode : row.kecamatanCode;
    await rawRun(
      this.db,
      sql`INSERT INTO applications (id, cadre_id, created_at, kecamatan_code, draft_created_at, guide_id, guide_version,
           village_code, content, status, version, change_seq, updated_at, submitted_at, verdict, submit_count,
           first_submitted_at, tracking_number)
         VALUES (${row.id}, ${row.cadreId}, ${row.createdAt}, ${kecamatanCode}, ${row.draftCreatedAt},
           ${values.guideId}, ${values.guideVersion}, ${values.villageCode}, ${JSON.stringify(values.content)},
           ${values.status}, ${values.version}, ${pendingSeq(this.db)}, ${values.updatedAt},
           ${submit?.submittedAt ?? null}, NULL, ${submit?.submitCount ?? 0}, ${submit?.firstSubmittedAt ?? null},
           ${submit?.trackingNumber ?? null})`,
    );
  }

  async updateApplication(id: string, values: ContentValues, submit: SubmitValues | undefined): Promise<void> {
    const content = JSON.stringify(values.content);
    if (submit) {
      await rawRun(
        this.db,
        sql`UPDATE applications SET guide_id = ${values.guideId}, guide_version = ${values.guideVersion},
           village_code = ${values.villageCode}, content = ${content}, status = ${values.status},
           version = ${values.version}, change_seq = ${pendingSeq(this.db)}, updated_at = ${values.updatedAt},
           submitted_at = ${submit.submittedAt}, verdict = NULL, submit_count = ${submit.submitCount},
           first_submitted_at = ${submit.firstSubmittedAt}, kecamatan_code = ${submit.kecamatanCode},
           tracking_number = coalesce(tracking_number, ${submit.trackingNumber})
         WHERE id = ${id}`,
      );
    } else {
      await rawRun(
        this.db,
        sql`UPDATE applications SET guide_id = ${values.guideId}, guide_version = ${values.guideVersion},
           village_code = ${values.villageCode}, content = ${content}, status = ${values.status},
           version = ${values.version}, change_seq = ${pendingSeq(this.db)}, updated_at = ${values.updatedAt}
         WHERE id = ${id}`,
      );
    }
  }

  /** The history entry server/review/events.ts writes, as plain SQL: a push records one per new draft. */
  async recordEvent(event: EventRecord): Promise<void> {
    const detail = event.detail ? JSON.stringify(event.detail) : null;
    await rawRun(
      this.db,
      sql`INSERT INTO application_events (application_id, at, kind, actor_id, status, detail)
        VALUES (${event.applicationId}, ${event.at}, ${event.kind}, ${event.actorId}, ${event.status}, ${detail})`,
    );
  }

  /** Whether a tracking number is already some file's (a fresh one collides with odds of about 1 in 10¹³ per file). */
  async trackingTaken(number: string): Promise<boolean> {
    const row = await rawGet(this.db, sql`SELECT 1 AS taken FROM applications WHERE tracking_number = ${number}`);
    return row !== undefined;
  }

  async countPrecheckFailure(id: string): Promise<void> {
    await rawRun(this.db, sql`UPDATE applications SET precheck_failures = precheck_failures + 1 WHERE id = ${id}`);
  }

  async tombstone(id: string, version: number, at: string): Promise<void> {
    await rawRun(
      this.db,
      sql`UPDATE applications SET deleted_at = ${at}, version = ${version}, change_seq = ${pendingSeq(this.db)}, updated_at = ${at}
        WHERE id = ${id}`,
    );
  }

  /** One page of a cadre's changes after `sinceSeq`, oldest first; one row more tells whether more wait. */
  async changesSince(cadreId: string, sinceSeq: number, limit: number): Promise<ChangeRow[]> {
    const rows = await rawAll<
      Omit<ChangeRow, "verdict" | "clock"> & {
        verdict: string | null;
        clock: string | null;
      }
    >(
      this.db,
      sql`SELECT id, guide_id AS "guideId", version, status, verdict, deleted_at AS "deletedAt", updated_at AS "updatedAt",
           change_seq AS "changeSeq", tracking_number AS "trackingNumber", clock
         FROM applications WHERE cadre_id = ${cadreId} AND change_seq > ${sinceSeq} ORDER BY change_seq LIMIT ${limit + 1}`,
    );
    // The verdict and the clock are the JSON columns a change carries; only files the office has hold them.
    return rows.map((row) => ({
      ...row,
      verdict: row.verdict === null ? null : (JSON.parse(row.verdict) as Verdict),
      clock: row.clock === null ? null : (JSON.parse(row.clock) as ClockRecord),
    }));
  }

  storedPage(sha256: string): Promise<StoredPage | undefined> {
    return rawGet<StoredPage>(this.db, sql`SELECT mime, width, height FROM files WHERE sha256 = ${sha256}`);
  }

  /**
   * Holds the applicant's place in the guide until the transaction ends, so the "not filed twice" lookup
   * and the submit that follows it are one step for every app server (PostgreSQL; SQLite's single writer
   * already makes them one). An advisory lock on a hash of the pair: no row to lock exists yet.
   */
  async lockApplicant(guideId: string, nik: string): Promise<void> {
    if (dialectOf(this.db) !== "postgres") return;
    await rawAll(this.db, sql`SELECT pg_advisory_xact_lock(hashtextextended(${`applicant:${guideId}:${nik}`}, 0))`);
  }

  /** The status of another live file of `guideId` for this NIK that is open (or, with `ever`, approved). */
  async duplicateStatus(
    guideId: string,
    nik: string,
    exceptId: string,
    ever: boolean,
  ): Promise<ApplicationStatus | undefined> {
    // The expression applications_guide_nik_idx indexes (with the guide; migration 0006), so this is an index lookup.
    const row = await rawGet<{ status: ApplicationStatus }>(
      this.db,
      sql`SELECT status FROM applications
    WHERE guide_id = ${guideId} AND ${NIK} = ${nik} AND id <> ${exceptId}
      AND deleted_at IS NULL AND status IN (${ever ? EVER_LIST : OPEN_LIST})
    LIMIT 1`,
    );
    return row?.status;
  }

  /**
   * Runs `work` under a SAVEPOINT of the open transaction, with a store and
   * `tx` bound to it: when it throws, its writes are rolled back and the error
   * goes on, the transaction's earlier work stays.
   */
  savepoint<T>(work: (store: SyncStore, tx: Db) => Promise<T>): Promise<T> {
    return withTransaction(this.db, (tx) => work(SyncStore.of(tx), tx));
  }
}
