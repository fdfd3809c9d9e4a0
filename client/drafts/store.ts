import type { Draft } from "../../shared/draft";
import type { Guide } from "../../shared/guide";
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

/** Today's date on the device, as the pre-check's rules (document age, birth dates) need it. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function runPrecheck(guide: Guide, draft: Draft): PrecheckResult {
  return precheck(guide, draft, { today: today(), regions: regionIndex(), homeOffice: homeOfficeOf(account.value) });
}
