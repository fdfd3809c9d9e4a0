import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import {
  CATALOGUE_SUMMARY_ELEMENT_ID,
  type CataloguePage,
  type CatalogueSummary,
  encodeCursor,
  type GuideResponse,
  toGuideSummary,
} from "../../shared/api/catalogue";
import type { Db } from "../db/open";
import { type CatalogueHead, catalogueHead, getGuide, guideHead, listGuides } from "./repository";

/**
 * The catalogue's answers, serialised and compressed once per catalogue
 * change and kept in memory: the full catalogue, a bounded number of deltas
 * (`since` values, least recently used dropped first) and single guides.
 * Every lookup reads the database's catalogue head (one prepared statement),
 * so a publish, withdrawal or import by this or any other process on the same
 * file moves the key and the stale bodies are never served.
 */

export type Coding = "br" | "gzip";

/** One answer's bytes, in each encoding asked for so far, with its validator. */
export class EncodedBody {
  readonly identity: Buffer<ArrayBuffer>;
  readonly etag: string;
  readonly #encoded = new Map<Coding, Buffer<ArrayBuffer>>();

  constructor(json: string, etag: string) {
    this.identity = Buffer.from(json);
    this.etag = etag;
  }

  /**
   * The body in `coding`, compressed on the first request that wants it:
   * most phones take gzip, and brotli at a middle quality costs a few
   * milliseconds once per change (quality 11 would cost seconds on 1,000 guides).
   */
  encoded(coding: Coding): Buffer<ArrayBuffer> {
    let bytes = this.#encoded.get(coding);
    if (!bytes) {
      catalogueCacheCounters.compressed++;
      bytes =
        coding === "gzip"
          ? gzipSync(this.identity, { level: 9 })
          : brotliCompressSync(this.identity, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 9,
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: this.identity.byteLength,
              },
            });
      this.#encoded.set(coding, bytes);
    }
    return bytes;
  }

  get bytes(): number {
    let total = this.identity.byteLength;
    for (const [, bytes] of this.#encoded) total += bytes.byteLength;
    return total;
  }
}

/** How often bodies were built and compressed, process-wide: tests prove the work happens once per change. */
export const catalogueCacheCounters = { serialised: 0, compressed: 0, summarised: 0 };

/**
 * The catalogue summary as an inert `<script type="application/json">` (never
 * executed, so the CSP's script-src 'self' allows it). Every `<` is written
 * \u003c, which JSON.parse reads back as `<`: no `</script>` or `<!--` in a
 * guide's text can end the element or start markup.
 */
export function catalogueSummaryElement(summary: CatalogueSummary): string {
  const json = JSON.stringify(summary).replaceAll("<", "\\u003c");
  return `<script type="application/json" id="${CATALOGUE_SUMMARY_ELEMENT_ID}">${json}</script>`;
}

/** Makes a first visit's HTML around the summary element. */
export type FirstVisitTemplate = (summaryElement: string) => string;

export interface CatalogueCacheOptions {
  /** How many `since` values keep their delta. */
  maxDeltas?: number;
  /** How many single guides keep their answer. */
  maxGuides?: number;
  /** Bytes the deltas may hold together (identity and compressed forms). */
  maxDeltaBytes?: number;
}

/**
 * A tiny LRU of bodies on Map's insertion order (a hit moves the entry to the
 * end), bounded in entries and in bytes: a delta from far back is nearly the
 * whole catalogue, and any `since` may be asked for.
 */
class Lru<K> {
  readonly #entries = new Map<K, EncodedBody>();
  constructor(
    readonly limit: number,
    readonly maxBytes: number,
  ) {}

  get(key: K): EncodedBody | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: EncodedBody): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    let bytes = 0;
    for (const [, entry] of this.#entries) bytes += entry.bytes;
    while (this.#entries.size > this.limit || (bytes > this.maxBytes && this.#entries.size > 1)) {
      const oldest = this.#entries.entries().next();
      if (oldest.done) break;
      this.#entries.delete(oldest.value[0]);
      bytes -= oldest.value[1].bytes;
    }
  }

  clear(): void {
    this.#entries.clear();
  }
}

/**
 * Weak tags: the same tag holds for every encoding of a body. The head's
 * stamp comes from the database, never from the process, so two app
 * processes on one file answer each other's tags with 304.
 */
function catalogueTag(head: CatalogueHead, scope: string): string {
  return `W/"c${head.seq}.${head.stamp}.${scope}"`;
}

/** The cache key of a catalogue head. */
function keyOf(head: CatalogueHead): string {
  return `${head.seq}.${head.stamp}`;
}

export class CatalogueCache {
  readonly #db: Db;
  #key = "";
  /** The full page of the head `#key`, built once even when requests overlap. */
  #full: Promise<EncodedBody> | undefined;
  /** The first visit's HTML of the head `#key`. */
  #firstVisit: Promise<EncodedBody> | undefined;
  readonly #deltas: Lru<number>;
  /** Deltas of `#key` being built: a second request for one waits for the first's body. */
  readonly #pendingDeltas = new Map<number, Promise<EncodedBody>>();
  readonly #guides: Lru<string>;

  constructor(db: Db, { maxDeltas = 32, maxGuides = 128, maxDeltaBytes = 16 << 20 }: CatalogueCacheOptions = {}) {
    this.#db = db;
    this.#deltas = new Lru(maxDeltas, maxDeltaBytes);
    this.#guides = new Lru(maxGuides, Number.POSITIVE_INFINITY);
  }

  /** The database's catalogue head; the full and delta bodies are dropped when it moved. */
  async head(): Promise<CatalogueHead> {
    const head = await catalogueHead(this.#db);
    const key = keyOf(head);
    if (key !== this.#key) {
      this.#key = key;
      this.#full = undefined;
      this.#firstVisit = undefined;
      this.#deltas.clear();
      this.#pendingDeltas.clear();
    }
    return head;
  }

  /** The tag of an answer, for a 304 before any body is looked at. */
  tagFor(head: CatalogueHead, sinceSeq: number | undefined): string {
    return catalogueTag(head, sinceSeq === undefined ? "all" : String(sinceSeq));
  }

  /**
   * The whole catalogue (`sinceSeq` undefined) or what changed after `sinceSeq` (≤ head), as of `head()`.
   * A head another request has since moved past is answered without the cache: the bodies kept are the
   * newest head's, and an older body must never be kept (or served) under a newer head's tag.
   */
  page(head: CatalogueHead, sinceSeq: number | undefined): Promise<EncodedBody> {
    if (keyOf(head) !== this.#key) return this.#build(head, sinceSeq);
    if (sinceSeq === undefined) {
      if (!this.#full) {
        const full = this.#build(head, undefined);
        this.#full = this.#kept(
          full,
          () => this.#full === full,
          () => {
            this.#full = undefined;
          },
        );
      }
      return this.#full;
    }
    const delta = this.#deltas.get(sinceSeq);
    if (delta) return Promise.resolve(delta);
    let pending = this.#pendingDeltas.get(sinceSeq);
    if (!pending) {
      const key = this.#key;
      const building: Promise<EncodedBody> = this.#build(head, sinceSeq)
        .then((body) => {
          // Kept only under the head it was built for: another request may have moved the head meanwhile.
          if (this.#key === key) this.#deltas.set(sinceSeq, body);
          return body;
        })
        .finally(() => {
          if (this.#pendingDeltas.get(sinceSeq) === building) this.#pendingDeltas.delete(sinceSeq);
        });
      this.#pendingDeltas.set(sinceSeq, building);
      pending = building;
    }
    return pending;
  }

  /**
   * A first visit's HTML with the list's summary inlined (client/catalogue/summary.ts
   * reads it), built and compressed once per catalogue change like the full page.
   */
  firstVisitPage(head: CatalogueHead, template: FirstVisitTemplate): Promise<EncodedBody> {
    if (keyOf(head) !== this.#key) return this.#summarise(head, template);
    if (!this.#firstVisit) {
      const page = this.#summarise(head, template);
      this.#firstVisit = this.#kept(
        page,
        () => this.#firstVisit === page,
        () => {
          this.#firstVisit = undefined;
        },
      );
    }
    return this.#firstVisit;
  }

  /** `body`, forgotten (by `forget`) if it fails while still the one kept, so the next request tries again. */
  #kept(body: Promise<EncodedBody>, stillKept: () => boolean, forget: () => void): Promise<EncodedBody> {
    // Only to forget a failed build: the caller awaits `body` itself and sees the error.
    void body.catch(() => {
      if (stillKept()) forget();
    });
    return body;
  }

  async #summarise(head: CatalogueHead, template: FirstVisitTemplate): Promise<EncodedBody> {
    catalogueCacheCounters.summarised++;
    const guides = (await listGuides(this.#db, undefined))
      .filter((row) => !row.withdrawn)
      .map((row) => toGuideSummary(row.guide));
    const element = catalogueSummaryElement({ cursor: encodeCursor(head.seq), guides });
    return new EncodedBody(template(element), catalogueTag(head, "first-visit"));
  }

  async #build(head: CatalogueHead, sinceSeq: number | undefined): Promise<EncodedBody> {
    catalogueCacheCounters.serialised++;
    const rows = await listGuides(this.#db, sinceSeq);
    const page: CataloguePage = {
      cursor: encodeCursor(head.seq),
      reset: sinceSeq === undefined,
      guides: rows.filter((row) => !row.withdrawn).map((row) => row.guide),
      withdrawn: rows.filter((row) => row.withdrawn).map((row) => row.guide.id),
    };
    return new EncodedBody(JSON.stringify(page), this.tagFor(head, sinceSeq));
  }

  /**
   * One published guide, keyed by its own change (other guides' changes keep
   * its answer and its tag); withdrawn or missing guides answer their status.
   */
  async guide(
    id: string,
  ): Promise<
    { status: "missing" } | { status: "withdrawn" } | { status: "ok"; tag: string; body: () => Promise<EncodedBody> }
  > {
    const head = await guideHead(this.#db, id);
    if (!head) return { status: "missing" };
    if (head.withdrawn) return { status: "withdrawn" };
    const tag = catalogueTag(head, id);
    return {
      status: "ok",
      tag,
      body: async () => {
        const cached = this.#guides.get(id);
        if (cached?.etag === tag) return cached;
        catalogueCacheCounters.serialised++;
        const stored = await getGuide(this.#db, id);
        // Read between the head and now: a publish in between gives a newer body under the older tag,
        // which the next request's head corrects; never an older body under a newer tag.
        const body = new EncodedBody(JSON.stringify({ guide: stored?.guide } satisfies Partial<GuideResponse>), tag);
        this.#guides.set(id, body);
        return body;
      },
    };
  }
}
