import { z } from "zod";
import { KecamatanCode } from "../../shared/api/users";
import { Slug } from "../../shared/guide";
import { jakartaDate } from "../../shared/jakarta-time";
import { parseSkmPeriod, semesterOf } from "../../shared/skm/period";
import type { Scope } from "../console/scope";
import { isJakartaKecamatan } from "./offices";
import { refuse, type SkmRefusal } from "./refusal";
import type { SkmSelection } from "./results";

/** ?period=2026-S2&kecamatan=31.75.07&service=<guide id>, every part optional. */
export const SkmQuery = z.strictObject({
  period: z.string().max(10).optional(),
  kecamatan: KecamatanCode.optional(),
  service: Slug.optional(),
});
export type SkmQuery = z.infer<typeof SkmQuery>;

export type SelectionOutcome = { ok: true; selection: SkmSelection } | SkmRefusal;

/**
 * The office, service and period a query asks for. The period defaults to
 * the current half-year. With a scope (the console), an operator sees their
 * own kecamatan and is refused another (403, as the dashboard: a report
 * labelled with the wrong office is worse than an error); without one (the
 * public page) any Jakarta kecamatan, or all of Jakarta.
 */
export function selectionOf(query: SkmQuery, now: Date, scope?: Scope): SelectionOutcome {
  const period = parseSkmPeriod(query.period ?? semesterOf(jakartaDate(now)));
  if (!period) return refuse(400, "skm_period_invalid");
  let kecamatanCode = query.kecamatan ?? null;
  if (kecamatanCode !== null && !isJakartaKecamatan(kecamatanCode)) {
    return refuse(400, "invalid_query", { parameter: "kecamatan" });
  }
  if (scope && scope.kind !== "all") {
    if (scope.kind === "none" || (kecamatanCode !== null && kecamatanCode !== scope.code))
      return refuse(403, "forbidden");
    kecamatanCode = scope.code;
  }
  return { ok: true, selection: { period, kecamatanCode, guideId: query.service ?? null } };
}
