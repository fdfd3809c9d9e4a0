import { signal } from "@preact/signals";
import type { Category } from "../../shared/guide";
import type { SearchAnswer, SearchRequest } from "./search-protocol";

/**
 * The page's side of the guide search. The index lives in a worker
 * (search-worker.ts): building it for 1,000 guides takes seconds of CPU on a
 * cheap phone, which on the page would freeze the screen. The page sends the
 * query and shows the ids that come back.
 *
 * One query is in flight at a time. Typing meanwhile replaces the query
 * waiting to go, and the answer to a query the user has already typed past is
 * dropped: the page only ever renders the newest words. A worker that cannot
 * start, fails, or stops answering is given up for the session; the home
 * screen falls back to plain title matching (never blocking, less clever).
 */

/** Ranked hits shown for a query at most. */
export const SEARCH_LIMIT = 50;
/** Far longer than a search takes even behind a rebuild on a slow phone: a worker this quiet is gone. */
const ANSWER_TIMEOUT_MS = 30_000;

export interface SearchQuery {
  text: string;
  category?: Category;
}

export interface SearchResult extends SearchQuery {
  /** Guide ids, best first. */
  ids: string[];
}

/** Counts the indexes the worker has made ready: 0 while there is none (or no worker), so nothing to ask. */
export const indexGeneration = signal(0);
/** The answer to the newest query sent. */
export const searchResult = signal<SearchResult | null>(null);

let worker: Worker | null = null;
let broken = false;
let nextId = 1;
let inFlight: { id: number; query: SearchQuery; timer: ReturnType<typeof setTimeout> } | null = null;
let waiting: SearchQuery | null = null;

/** The stored catalogue changed (or the app started with one): the worker brings its index up to date. */
export function indexCatalogue(): void {
  post({ type: "index" });
}

/** Asks for the hits of `query`; they arrive in searchResult. Ignored until an index is ready. */
export function searchGuides(query: SearchQuery): void {
  if (!worker || indexGeneration.peek() === 0) return;
  if (inFlight) {
    waiting = query;
    return;
  }
  send(query);
}

function send(query: SearchQuery): void {
  const id = nextId++;
  const timer = setTimeout(giveUp, ANSWER_TIMEOUT_MS);
  inFlight = { id, query, timer };
  post({ type: "search", id, query: query.text, category: query.category, limit: SEARCH_LIMIT });
}

function onAnswer(answer: SearchAnswer): void {
  if (answer.type === "ready") {
    indexGeneration.value += 1;
    return;
  }
  if (answer.type === "failed") {
    // The index stays as it was; the next catalogue change tries again.
    console.warn("search index not updated:", answer.reason);
    return;
  }
  if (!inFlight || answer.id !== inFlight.id) return;
  clearTimeout(inFlight.timer);
  const { query } = inFlight;
  inFlight = null;
  if (waiting) {
    const newer = waiting;
    waiting = null;
    send(newer);
    return;
  }
  searchResult.value = { ...query, ids: answer.ids };
}

function post(request: SearchRequest): void {
  started()?.postMessage(request);
}

function started(): Worker | null {
  if (worker || broken) return worker;
  try {
    const created = new Worker(new URL("./search-worker.ts", import.meta.url), { type: "module", name: "search" });
    created.onmessage = (event: MessageEvent<SearchAnswer>) => onAnswer(event.data);
    // A script that fails to load or throws at the top.
    created.onerror = (event) => {
      event.preventDefault();
      giveUp();
    };
    created.onmessageerror = giveUp;
    worker = created;
  } catch {
    // No workers here (a very old browser): plain matching only.
    broken = true;
  }
  return worker;
}

function giveUp(): void {
  broken = true;
  worker?.terminate();
  worker = null;
  if (inFlight) clearTimeout(inFlight.timer);
  inFlight = null;
  waiting = null;
  searchResult.value = null;
  indexGeneration.value = 0;
}
