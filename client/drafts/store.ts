import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
import { jakartaDate } from "../../shared/jakarta-time";
import { type PrecheckResult, precheck } from "../../shared/precheck";
import { homeOfficeOf } from "../../shared/precheck/home-office";
import { createRegionIndex, type RegionIndex } from "../../shared/regions";
import { account } from "../account/session";
import { localDb } from "../db/local-db";
import { DraftRepository } from "./repository";

export const draftRepository = new DraftRepository(localDb);

let regions: RegionIndex | undefined;

/** The official region list, built once on first use (it is only needed on the drafts screens). */
export function regionIndex(): RegionIndex {
  regions ??= createRegionIndex();
  return regions;
}

/** Today in Jakarta, as the server's pre-check counts it (the phone's own time zone may be another). */
export function today(now = new Date()): string {
  return jakartaDate(now);
}

export function runPrecheck(guide: Guide, draft: Draft): PrecheckResult {
  return precheck(guide, draft, { today: today(), regions: regionIndex(), homeOffice: homeOfficeOf(account.value) });
}
