import { sql } from "drizzle-orm";
import { jakartaDate } from "../../shared/jakarta-time";
import type { ClockRecord } from "../../shared/service-time/clock";
import type { Db } from "../db/open";
import { rawAll } from "../db/raw";
import type { DashboardFilter } from "./filter";
import { addTo, histogramKey, type OnTimeHistograms } from "./on-time";

/**
 * The recount of the on-time figures: every file whose clock has stopped,
 * read from the applications table, its clock parsed in JavaScript and its
 * decision day taken with the app's own Jakarta date, so it shares no SQL with
 * the triggers it checks. The property test holds the rollup equal to it;
 * the benchmark times it as the reference.
 */
export async function scanOnTime(db: Db, filter: DashboardFilter): Promise<OnTimeHistograms> {
  const histograms: OnTimeHistograms = new Map();
  if (filter.kecamatanCode === "none") return histograms;
  const kecamatan = filter.kecamatanCode === null ? sql`` : sql` AND kecamatan_code = ${filter.kecamatanCode}`;
  const rows = await rawAll<{ guide: string; decidedAt: string; clock: string | null }>(
    db,
    sql`SELECT guide_id AS guide, decided_at AS "decidedAt", clock FROM applications
     WHERE clock_state = 'stopped' AND deleted_at IS NULL AND decided_at IS NOT NULL${kecamatan}`,
  );
  for (const { guide, decidedAt, clock: clockText } of rows) {
    if (clockText === null) continue;
    if (filter.guideId !== undefined && guide !== filter.guideId) continue;
    const day = jakartaDate(new Date(decidedAt));
    if (filter.fromDay !== undefined && day < filter.fromDay) continue;
    if (filter.toDay !== undefined && day > filter.toDay) continue;
    const clock = JSON.parse(clockText) as ClockRecord;
    const key = histogramKey(guide, day.slice(0, 7), clock.unit ?? "working");
    addTo(histograms, key, clock.used ?? 0, 1, clock.onTime ? 1 : 0);
  }
  return histograms;
}
