import { signal } from "@preact/signals";
import type { ComplaintCounts, ComplaintDetail, ComplaintListItem } from "../../../../shared/api/complaints";
import type { ComplaintCategory } from "../../../../shared/complaints/categories";
import type { ComplaintStatus } from "../../../../shared/complaints/workflow";
import { api, queryString } from "../../api";
import type { ComplaintActionName } from "./actions";

export interface ComplaintFilters {
  status: ComplaintStatus | "";
  category: ComplaintCategory | "";
  clock: "overdue" | "due-soon" | "";
  assignee: "me" | "none" | "";
}

export const NO_COMPLAINT_FILTERS: ComplaintFilters = { status: "", category: "", clock: "", assignee: "" };

/** The queue's filters stay while the handler opens complaints and comes back. */
export const complaintFilters = signal<ComplaintFilters>(NO_COMPLAINT_FILTERS);

export interface ComplaintPage {
  items: ComplaintListItem[];
  nextCursor: string | null;
}

export interface ComplaintHandlerItem {
  id: string;
  displayName: string;
  role: "operator" | "admin";
  kecamatanCode: string | null;
}

const BASE = "/api/console/complaints";

export function loadComplaintPage(filters: ComplaintFilters, cursor: string | null): Promise<ComplaintPage> {
  return api<ComplaintPage>("GET", `${BASE}${queryString({ ...filters, cursor })}`);
}

export function loadComplaint(id: string): Promise<ComplaintDetail> {
  return api<ComplaintDetail>("GET", `${BASE}/${id}`);
}

export function loadComplaintCounts(): Promise<ComplaintCounts> {
  return api<ComplaintCounts>("GET", `${BASE}/counts`);
}

export function loadHandlers(): Promise<ComplaintHandlerItem[]> {
  return api<{ handlers: ComplaintHandlerItem[] }>("GET", `${BASE}/handlers`).then((answer) => answer.handlers);
}

/** An action on the complaint; the server answers the complaint as it now is. */
export function complaintAction(id: string, action: ComplaintActionName, body: unknown): Promise<ComplaintDetail> {
  return api<ComplaintDetail>("POST", `${BASE}/${id}/${action}`, body);
}
