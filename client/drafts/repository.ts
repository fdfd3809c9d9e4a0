import { v7 as uuidv7 } from "uuid";
import { Applicant, type DocumentPage, Draft, type DraftDocument, type HistoryEntry } from "../../shared/draft";
import type { PageMimeType } from "../../shared/files/formats";
import type { Guide } from "../../shared/guide";
import { mustMoveBeforeSubmit } from "../../shared/guide-changes";
import type { BlobRow, DraftRow, LocalDb, OfficeChange } from "../db/local-db";
import { draftSearchKey } from "../db/local-db";
import { enqueue, outboxTables } from "../sync/outbox";
import { sha256Hex } from "../uploads/sha256";
import { officeHasFile, readOfficeFacts } from "./office-file";
import { type SearchEntry, searchKeysOf } from "./search-keys";
import { sentBackRecord } from "./sent-back";

const HISTORY_LIMIT = 200;

/** What one page write needs: the bytes and their thumbnail, already prepared on the device. */
export interface NewPage {
  data: ArrayBuffer;
  mime: PageMimeType;
  width?: number;
  height?: number;
  thumbnail?: { data: ArrayBuffer; mime: string };
}

/**
 * Every user action is one IndexedDB transaction: it either lands whole or,
 * on a full disk or a crash, leaves the draft exactly as it was.
 */
export class DraftRepository {
  constructor(
    private readonly db: LocalDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * One read-write transaction over the draft, its bytes and its outbox entry
   * (and the catalogue and the office's side of the file, read to know whether
   * the office takes a submit on the draft's guide version).
   */
  private write<T>(run: () => Promise<T>): Promise<T> {
    const db = this.db;
    return db.transaction(
      "rw",
      [db.drafts, db.blobs, db.guideVersions, db.guides, db.attention, ...outboxTables(db)],
      run,
    );
  }

  async create(guide: Guide, applicant?: Applicant): Promise<string> {
    const at = this.now().toISOString();
    // The office the cadre last chose serves as this draft's office too.
    const office = guide.residency ? (await this.db.meta.get("officeAreaCode"))?.value : undefined;
    const draft = Draft.parse({
      id: uuidv7(),
      guideId: guide.id,
      guideVersion: guide.version,
      applicant: applicant ?? Applicant.parse({}),
      ...(office ? { officeAreaCode: office } : {}),
      createdAt: at,
      updatedAt: at,
      history: [{ at, action: applicant ? "created-from-applicant" : "created" }],
    });
    await this.write(async () => {
      await this.db.guideVersions.put(guide);
      await this.db.drafts.add({ ...draft, searchKey: draftSearchKey(draft) });
      await enqueue(this.db, { name: "putDraft", args: { draft }, draftId: draft.id }, this.now());
    });
    return draft.id;
  }

  get(id: string): Promise<DraftRow | undefined> {
    return this.db.drafts.get(id).then((row) => (row?.deletedAt ? undefined : row));
  }

  /**
   * Applies one edit. The result is validated with the shared schema before it
   * is written, so a bug can never store a draft the server would refuse to parse.
   */
  async update(id: string, action: string, change: (draft: Draft) => void): Promise<DraftRow> {
    return this.write(() => this.apply(id, action, change));
  }

  /** `update` inside the caller's transaction; `notice` records a move the office required. */
  private async apply(
    id: string,
    action: string,
    change: (draft: Draft) => void,
    notice?: OfficeChange,
  ): Promise<DraftRow> {
    const row = await this.db.drafts.get(id);
    if (!row || row.deletedAt) throw new DraftNotFoundError(id);
    const { searchKey: _key, deletedAt: _deleted, officeChange, sentBack: _sentBack, ...current } = row;
    // The content as the office saw it, kept before the first edit after a send-back (awaited here: see below).
    const sentBack = sentBackRecord(
      row,
      await this.db.remote.get(id),
      await this.db.guideVersions.get([row.guideId, row.guideVersion]),
    );
    const next = structuredClone(current) as Draft;
    change(next);
    const at = this.now().toISOString();
    next.updatedAt = at;
    // A changed draft is no longer "ready" until the cadre confirms it again.
    if (action !== "marked-ready" && next.status === "ready") next.status = "draft";
    if (action === "marked-ready") {
      // The office would refuse it (guide-outdated): the draft must move to the current version first.
      // Not a file the office already has (sent back for a fix): the server takes its resubmit as it is.
      // (Awaited here, not in a helper: one more async layer and Dexie loses the transaction.)
      const current = await this.db.guides.get(next.guideId);
      const hasIt = officeHasFile(row, await readOfficeFacts(this.db, id));
      // biome-ignore lint/nursery/noMisusedPromises: an awaited Dexie row, not a promise (the rule misreads Dexie's types)
      if (current && mustMoveBeforeSubmit(current, row.guideVersion, hasIt)) {
        throw new GuideOutdatedError(id, current.version);
      }
    }
    next.history = appendHistory(next.history, { at, action });
    const valid = Draft.parse(next);
    const kept = notice ?? officeChange;
    const stored: DraftRow = {
      ...valid,
      searchKey: draftSearchKey(valid),
      ...(kept ? { officeChange: kept } : {}),
      ...(sentBack ? { sentBack } : {}),
    };
    await this.db.drafts.put(stored);
    // Marking ready is the submission; every other edit saves the content on the server.
    const name = action === "marked-ready" ? "submitApplication" : "putDraft";
    await enqueue(this.db, { name, args: { draft: valid }, draftId: id }, this.now());
    return stored;
  }

  /**
   * Moves a draft to a newer guide version; the pre-check then runs against the
   * new rules. A draft already there (moved by sync) is returned as it is. A
   * move the office requires (a binding version) is remembered for the notice.
   */
  async moveToGuideVersion(id: string, guide: Guide): Promise<DraftRow> {
    return this.write(async () => {
      await this.db.guideVersions.put(guide);
      const row = await this.db.drafts.get(id);
      if (row && !row.deletedAt && row.guideVersion >= guide.version) return row;
      // The office's move (the notice says so) only where the office requires it; otherwise the cadre's own.
      const hasIt = !!row && officeHasFile(row, await readOfficeFacts(this.db, id));
      const notice =
        row && mustMoveBeforeSubmit(guide, row.guideVersion, hasIt) ? this.noticeFor(row, guide) : undefined;
      return this.apply(
        id,
        `guide-version:${guide.version}`,
        (draft) => {
          draft.guideVersion = guide.version;
        },
        notice,
      );
    });
  }

  /**
   * The office no longer takes the draft's pinned version (a binding publish):
   * moves it to `guide` and remembers the change for the draft screen. A draft
   * that was ready stays ready — and is submitted again — only if it still
   * passes the pre-check on the new rules (`passes`); otherwise it goes back to
   * "draft" for the cadre to complete. Undefined when there was nothing to move.
   */
  async adoptOfficeVersion(
    id: string,
    guide: Guide,
    passes: (guide: Guide, draft: Draft) => boolean,
  ): Promise<DraftRow | undefined> {
    return this.write(async () => {
      const row = await this.db.drafts.get(id);
      if (!row || row.deletedAt || row.guideVersion >= guide.version) return undefined;
      const wasReady = row.status === "ready";
      await this.db.guideVersions.put(guide);
      const moved = await this.apply(
        id,
        `guide-version:${guide.version}`,
        (draft) => {
          draft.guideVersion = guide.version;
        },
        this.noticeFor(row, guide),
      );
      if (!wasReady || !passes(guide, moved)) return moved;
      return this.apply(id, "marked-ready", (draft) => {
        draft.status = "ready";
      });
    });
  }

  /** The cadre has read the change list: the notice goes (a device-only field, nothing to send). */
  async acknowledgeOfficeChange(id: string): Promise<void> {
    await this.db.transaction("rw", this.db.drafts, async () => {
      const row = await this.db.drafts.get(id);
      if (!row?.officeChange) return;
      delete row.officeChange;
      await this.db.drafts.put(row);
    });
  }

  /** Two binding moves before the cadre looked: the notice lists everything since the version they knew. */
  private noticeFor(row: DraftRow, guide: Guide): OfficeChange {
    return { from: row.officeChange?.from ?? row.guideVersion, to: guide.version, at: this.now().toISOString() };
  }

  pinnedGuide(draft: Pick<Draft, "guideId" | "guideVersion">): Promise<Guide | undefined> {
    return this.db.guideVersions.get([draft.guideId, draft.guideVersion]);
  }

  /** Adds a page at the end, or in place of `replaces` (a retake), bytes and draft in one transaction. */
  async addPage(id: string, requirementId: string, page: NewPage, replaces?: string): Promise<DraftRow> {
    // The upload's identity and integrity check, computed once, on the device.
    const sha256 = await sha256Hex(page.data);
    return this.write(async () => {
      const blobId = uuidv7();
      const rows: BlobRow[] = [{ id: blobId, draftId: id, kind: "page", mime: page.mime, data: page.data }];
      if (page.thumbnail) {
        rows.push({
          id: `${blobId}:thumb`,
          draftId: id,
          kind: "thumb",
          mime: page.thumbnail.mime,
          data: page.thumbnail.data,
        });
      }
      await this.db.blobs.bulkAdd(rows);
      const row = await this.update(id, `page-${replaces ? "retaken" : "added"}:${requirementId}`, (draft) => {
        const document = documentOf(draft, requirementId);
        const added = {
          blobId,
          sha256,
          mime: page.mime,
          bytes: page.data.byteLength,
          ...(page.width ? { width: page.width } : {}),
          ...(page.height ? { height: page.height } : {}),
          addedAt: this.now().toISOString(),
        };
        const at = replaces ? document.pages.findIndex((p) => p.blobId === replaces) : -1;
        if (at >= 0) document.pages.splice(at, 1, added);
        else document.pages.push(added);
      });
      if (replaces) await this.db.blobs.bulkDelete([replaces, `${replaces}:thumb`]);
      return row;
    });
  }

  async removePage(id: string, requirementId: string, blobId: string): Promise<DraftRow> {
    return this.write(async () => {
      const row = await this.update(id, `page-removed:${requirementId}`, (draft) => {
        const document = documentOf(draft, requirementId);
        document.pages = document.pages.filter((page) => page.blobId !== blobId);
      });
      await this.db.blobs.bulkDelete([blobId, `${blobId}:thumb`]);
      return row;
    });
  }

  /**
   * Undoes removePage: the page back at `index` with the bytes the caller kept
   * aside, in one transaction. A page already there (a double tap) is left alone.
   */
  async restorePage(
    id: string,
    requirementId: string,
    page: DocumentPage,
    index: number,
    blobs: BlobRow[],
  ): Promise<DraftRow> {
    return this.write(async () => {
      await this.db.blobs.bulkPut(blobs);
      return this.update(id, `page-restored:${requirementId}`, (draft) => {
        const pages = documentOf(draft, requirementId).pages;
        if (pages.some((p) => p.blobId === page.blobId)) return;
        pages.splice(Math.min(index, pages.length), 0, page);
      });
    });
  }

  movePage(id: string, requirementId: string, blobId: string, offset: -1 | 1): Promise<DraftRow> {
    return this.update(id, `page-moved:${requirementId}`, (draft) => {
      const pages = documentOf(draft, requirementId).pages;
      const from = pages.findIndex((page) => page.blobId === blobId);
      const to = from + offset;
      if (from < 0 || to < 0 || to >= pages.length) return;
      const [moved] = pages.splice(from, 1);
      if (moved) pages.splice(to, 0, moved);
    });
  }

  /** Hidden at once; gone for good only after `purgeDeleted` runs past the undo window. */
  async softDelete(id: string): Promise<void> {
    await this.db.drafts.update(id, { deletedAt: this.now().toISOString() });
  }

  async undoDelete(id: string): Promise<void> {
    await this.db.transaction("rw", this.db.drafts, async () => {
      const row = await this.db.drafts.get(id);
      if (row) {
        delete row.deletedAt;
        await this.db.drafts.put(row);
      }
    });
  }

  async purgeDeleted(olderThanMs = 60_000): Promise<number> {
    const cutoff = new Date(this.now().getTime() - olderThanMs).toISOString();
    return this.write(async () => {
      const doomed = await this.db.drafts.filter((row) => !!row.deletedAt && row.deletedAt < cutoff).primaryKeys();
      for (const id of doomed) {
        await this.db.blobs.where("draftId").equals(id).delete();
        await enqueue(this.db, { name: "deleteDraft", args: { id }, draftId: id }, this.now());
      }
      await this.db.drafts.bulkDelete(doomed);
      return doomed.length;
    });
  }

  /**
   * Newest first, at most `limit`. A query matches the start of any name word
   * or any run of NIK digits. Names and NIKs are sealed on the device, so no
   * index can hold them: the search keys live in memory (search-keys.ts),
   * refreshed from a key-only walk of the updatedAt index, which opens only
   * the drafts that changed since the last search.
   */
  async list(query = "", limit = 100): Promise<DraftRow[]> {
    const needle = query.trim().toLowerCase().replace(/\s+/g, " ");
    if (!needle) {
      // A key-only walk (nothing opened), then the newest opened in batches: one record that fails
      // to open (tampered with, or sealed under another profile) is left out, not the whole list.
      const ids = (await this.db.drafts.orderBy("updatedAt").reverse().primaryKeys()) as string[];
      const rows: DraftRow[] = [];
      for (let start = 0; start < ids.length && rows.length < limit; start += limit) {
        rows.push(...(await this.openMany(ids.slice(start, start + limit))).filter((row) => !row.deletedAt));
      }
      return rows.slice(0, limit);
    }
    const digitsOnly = /^[\d\s]+$/.test(needle);
    const digits = needle.replace(/\D/g, "");
    const keys = await searchKeysOf(this.db);
    const hits: (SearchEntry & { id: string })[] = [];
    for (const [id, entry] of keys) {
      const text = entry.key;
      const hit = digitsOnly
        ? digits.length >= 3 && text.includes(digits)
        : text.startsWith(needle) || text.includes(` ${needle}`);
      if (hit) hits.push({ id, ...entry });
    }
    // Newest first by the clear updatedAt the search keys carry: only the drafts shown are opened.
    hits.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const rows: DraftRow[] = [];
    for (let start = 0; start < hits.length && rows.length < limit; start += limit) {
      const page = await this.openMany(hits.slice(start, start + limit).map((hit) => hit.id));
      rows.push(...page.filter((row) => !row.deletedAt));
    }
    return rows.slice(0, limit);
  }

  /**
   * Drafts by id, opened. A record that fails its seal is skipped and logged by error name only
   * (never its content); a locked vault still throws, for the lock screen to take over.
   */
  private async openMany(ids: string[]): Promise<DraftRow[]> {
    const locked = (failure: unknown) => (failure as { name?: string }).name === "VaultLockedError";
    try {
      return (await this.db.drafts.bulkGet(ids)).filter((row): row is DraftRow => !!row);
    } catch (failure) {
      if (locked(failure)) throw failure;
      const rows: DraftRow[] = [];
      for (const id of ids) {
        try {
          const row = await this.db.drafts.get(id);
          if (row) rows.push(row);
        } catch (each) {
          if (locked(each)) throw each;
          console.error("draft record cannot be opened:", (each as { name?: string }).name);
        }
      }
      return rows;
    }
  }

  async pageData(blobId: string): Promise<BlobRow | undefined> {
    return this.db.blobs.get(blobId);
  }

  /** Bytes the drafts occupy on the device (page data and thumbnails). */
  async storedBytes(): Promise<number> {
    let total = 0;
    await this.db.blobs.each((row) => {
      total += row.data.byteLength;
    });
    return total;
  }
}

export class DraftNotFoundError extends Error {
  constructor(readonly draftId: string) {
    super("draft not found");
    this.name = "DraftNotFoundError";
  }
}

/** "Tandai siap diajukan" on a guide version the office no longer takes: move to `version` first. */
export class GuideOutdatedError extends Error {
  constructor(
    readonly draftId: string,
    readonly version: number,
  ) {
    super("guide version no longer accepted");
    this.name = "GuideOutdatedError";
  }
}

/**
 * Typing produces an edit per keystroke; one entry per field per minute keeps
 * the history readable and bounded.
 */
function appendHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const last = history.at(-1);
  if (last && last.action === entry.action && Date.parse(entry.at) - Date.parse(last.at) < 60_000) {
    return [...history.slice(0, -1), entry];
  }
  return [...history, entry].slice(-HISTORY_LIMIT);
}

function documentOf(draft: Draft, requirementId: string): DraftDocument {
  draft.documents[requirementId] ??= { pages: [], issuedOn: "" };
  return draft.documents[requirementId];
}
