import type { Category } from "../../shared/guide";

/** Messages between the page (client/catalogue/search-index.ts) and the search worker. */
export type SearchRequest =
  /** The catalogue stored on the phone changed (or the app started): bring the index up to date. */
  { type: "index" } | { type: "search"; id: number; query: string; category?: Category; limit: number };

export type SearchAnswer =
  /** The index answers for the catalogue at `cursor`; `stored` when it was read back rather than built. */
  | { type: "ready"; cursor: string; size: number; source: "stored" | "built" }
  /** Guide ids, best first. */
  | { type: "hits"; id: number; ids: string[] }
  /** Indexing failed (an error's name only: a message could quote data); searches keep the previous index. */
  | { type: "failed"; reason: string };
