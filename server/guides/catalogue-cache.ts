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
    for (const bytes of this.#encoded.values()) total += bytes.byteLength;
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
    for (const entry of this.#entries.values()) bytes += entry.bytes;
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

export class CatalogueCache {
  readonly #db: Db;
  #key = "";
  #full: EncodedBody | undefined;
  #firstVisit: EncodedBody | undefined;
  readonly #deltas: Lru<number>;
  readonly #guides: Lru<string>;

  constructor(db: Db, { maxDeltas = 32, maxGuides = 128, maxDeltaBytes = 16 << 20 }: CatalogueCacheOptions = {}) {
    this.#db = db;
    this.#deltas = new Lru(maxDeltas, maxDeltaBytes);
    this.#guides = new Lru(maxGuides, Number.POSITIVE_INFINITY);
  }

  /** The database's catalogue head; the full and delta bodies are dropped when it moved. */
  head(): CatalogueHead {
    const head = catalogueHead(this.#db);
    const key = `${head.seq}.${head.stamp}`;
    if (key !== this.#key) {
      this.#key = key;
      this.#full = undefined;
      this.#firstVisit = undefined;
      this.#deltas.clear();
    }
    return head;
  }

  /** The tag of an answer, for a 304 before any body is looked at. */
  tagFor(head: CatalogueHead, sinceSeq: number | undefined): string {
    return catalogueTag(head, sinceSeq === undefined ? "all" : String(sinceSeq));
  }

  /** The whole catalogue (`sinceSeq` undefined) or what changed after `sinceSeq` (≤ head), as of `head()`. */
  page(head: CatalogueHead, sinceSeq: number | undefined): EncodedBody {
    if (sinceSeq === undefined) {
      this.#full ??= this.#build(head, undefined);
      return this.#full;
    }
    let delta = this.#deltas.get(sinceSeq);
    if (!delta) {
      delta = this.#build(head, sinceSeq);
      this.#deltas.set(sinceSeq, delta);
    }
    return delta;
  }

  /**
   * A first visit's HTML with the list's summary inlined (client/catalogue/summary.ts
   * reads it), built and compressed once per catalogue change like the full page.
   */
  firstVisitPage(head: CatalogueHead, template: FirstVisitTemplate): EncodedBody {
    if (!this.#firstVisit) {
      catalogueCacheCounters.summarised++;
      const guides = listGuides(this.#db, undefined)
        .filter((row) => !row.withdrawn)
        .map((row) => toGuideSummary(row.guide));
      const element = catalogueSummaryElement({ cursor: encodeCursor(head.seq), guides });
      this.#firstVisit = new EncodedBody(template(element), catalogueTag(head, "first-visit"));
    }
    return this.#firstVisit;
  }

  #build(head: CatalogueHead, sinceSeq: number | undefined): EncodedBody {
    catalogueCacheCounters.serialised++;
    const rows = listGuides(this.#db, sinceSeq);
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
  guide(
    id: string,
  ): { status: "missing" } | { status: "withdrawn" } | { status: "ok"; tag: string; body: () => EncodedBody } {
    const head = guideHead(this.#db, id);
    if (!head) return { status: "missing" };
    if (head.withdrawn) return { status: "withdrawn" };
    const tag = catalogueTag(head, id);
    return {
      status: "ok",
      tag,
      body: () => {
        const cached = this.#guides.get(id);
        if (cached?.etag === tag) return cached;
        catalogueCacheCounters.serialised++;
        const stored = getGuide(this.#db, id);
        // Read between the head and now: a publish in between gives a newer body under the older tag,
        // which the next request's head corrects; never an older body under a newer tag.
        const body = new EncodedBody(JSON.stringify({ guide: stored?.guide } satisfies Partial<GuideResponse>), tag);
        this.#guides.set(id, body);
        return body;
      },
    };
  }
}
