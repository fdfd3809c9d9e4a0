import { signal } from "@preact/signals";
import type { QueueItem, QueuePage } from "../../shared/api/console";
import { api, queryString } from "./api";

/**
 * The operator's desk: the queue's filters and search term, kept in memory
 * while the operator moves between the queue and a file (never in the URL
 * or storage: the term may be a NIK), so "the next file" means the next one
 * of the queue they were working through.
 */
export interface QueueFilters {
  status: string;
  guideId: string;
  villageCode: string;
  cadreId: string;
  /** "", "overdue" or "due-soon" (shared/api/console.ts ClockFilter). */
  clock: string;
  /** "submitted" or "deadline" (shared/api/console.ts QueueSort). */
  sort: string;
  q: string;
}

export const EMPTY_FILTERS: QueueFilters = {
  status: "",
  guideId: "",
  villageCode: "",
  cadreId: "",
  clock: "",
  sort: "submitted",
  q: "",
};

/** Whether the queue lists by deadline: asked for, or implied by a clock filter (it reads the deadline index). */
export function byDeadline(filters: QueueFilters): boolean {
  return filters.sort === "deadline" || filters.clock !== "";
}

export const deskFilters = signal<QueueFilters>(EMPTY_FILTERS);

/** Said once on the next file's screen after a decision moved the operator there. */
export const deskNotice = signal<string | null>(null);

/** One page of the filtered queue. A search term goes in a POST body, never in a query string. */
export function fetchQueue(filters: QueueFilters, cursor: string | null, limit = 50): Promise<QueuePage> {
  const { q, ...rest } = filters;
  const term = q.trim();
  if (term) {
    const body = Object.fromEntries(Object.entries({ ...rest, cursor }).filter(([, value]) => value));
    return api<QueuePage>("POST", "/api/console/applications/search", { ...body, q: term, limit });
  }
  return api<QueuePage>("GET", `/api/console/applications${queryString({ ...rest, cursor, limit: String(limit) })}`);
}

function after(item: Pick<QueueItem, "id" | "submittedAt">, current: Pick<QueueItem, "id" | "submittedAt">): boolean {
  const a = item.submittedAt ?? "";
  const b = current.submittedAt ?? "";
  return a === b ? item.id > current.id : a > b;
}

/**
 * The file to open after deciding `current`: the next one in queue order
 * (oldest first) of the current filters, or else the first one still
 * waiting, or null when the queue holds nothing else. Listed by deadline,
 * the next file is the most urgent one left.
 */
export async function nextFile(current: Pick<QueueItem, "id" | "submittedAt">): Promise<string | null> {
  const filters = deskFilters.value;
  const { items } = await fetchQueue(filters, null);
  const others = items.filter((item) => item.id !== current.id);
  if (byDeadline(filters)) return others[0]?.id ?? null;
  return (others.find((item) => after(item, current)) ?? others[0])?.id ?? null;
}
