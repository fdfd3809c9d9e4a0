/// <reference lib="webworker" />
/**
 * The search worker: keeps the MiniSearch index of the stored catalogue
 * (read back from IndexedDB, or built and stored) and answers queries by
 * message, so neither building the index nor searching it ever holds up the
 * page. Queries are answered with whatever index is current; a rebuild after
 * a catalogue update replaces it when done.
 */

import type { SearchAnswer, SearchRequest } from "./search-protocol";
import { type CurrentIndex, currentIndex } from "./search-store";

declare const self: DedicatedWorkerGlobalScope;

/** This script's URL carries the bundler's content hash: new search code, new index. */
const BUILD = self.location.href;

let current: CurrentIndex | null = null;
/** Index updates run one after another; a request that comes during one runs after it. */
let updating: Promise<void> = Promise.resolve();

const answer = (message: SearchAnswer) => self.postMessage(message);

async function update(): Promise<void> {
  try {
    const next = await currentIndex(indexedDB, BUILD, current);
    // Nothing stored yet, or nothing changed: the page has nothing new to hear.
    if (!next || next === current) return;
    current = next;
    answer({ type: "ready", cursor: next.cursor, size: next.search.size, source: next.source });
  } catch (error) {
    answer({ type: "failed", reason: error instanceof Error ? error.name : "unknown" });
  }
}

self.onmessage = (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === "index") {
    updating = updating.then(update);
    return;
  }
  const hits = current
    ? current.search.search(request.query, { limit: request.limit, category: request.category })
    : [];
  answer({ type: "hits", id: request.id, ids: hits.map((hit) => hit.id) });
};
