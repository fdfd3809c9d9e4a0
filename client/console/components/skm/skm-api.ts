import { signal } from "@preact/signals";
import type { FollowUpCreate, FollowUpUpdate, SkmConsoleReport, SkmFollowUp } from "../../../../shared/api/skm";
import { jakartaDate } from "../../../../shared/jakarta-time";
import { semesterOf } from "../../../../shared/skm/period";
import { api, queryString } from "../../api";

export interface SkmSelection {
  period: string;
  /** "" = the operator's own office (the server fills it), or all of Jakarta for an admin. */
  kecamatan: string;
  service: string;
}

/** The selection survives going to the printable notice and back. */
export const skmSelection = signal<SkmSelection>({
  period: semesterOf(jakartaDate(new Date())),
  kecamatan: "",
  service: "",
});

export function selectionQuery(selection: SkmSelection): string {
  return queryString({ period: selection.period, kecamatan: selection.kecamatan, service: selection.service });
}

/** The selection a printable notice's address carries (?period=…&kecamatan=…&service=…). */
export function selectionFrom(search: string): SkmSelection {
  const params = new URLSearchParams(search);
  return {
    period: params.get("period") ?? skmSelection.value.period,
    kecamatan: params.get("kecamatan") ?? "",
    service: params.get("service") ?? "",
  };
}

export function loadSkmReport(selection: SkmSelection): Promise<SkmConsoleReport> {
  return api<SkmConsoleReport>("GET", `/api/console/skm${selectionQuery(selection)}`);
}

export function createFollowUp(body: FollowUpCreate): Promise<SkmFollowUp> {
  return api<SkmFollowUp>("POST", "/api/console/skm/follow-ups", body);
}

export function updateFollowUp(id: string, body: FollowUpUpdate): Promise<SkmFollowUp> {
  return api<SkmFollowUp>("PATCH", `/api/console/skm/follow-ups/${id}`, body);
}

export function deleteFollowUp(id: string): Promise<void> {
  return api<void>("DELETE", `/api/console/skm/follow-ups/${id}`);
}
