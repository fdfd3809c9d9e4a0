import type { OnTimeFigures, OnTimeSection } from "../../shared/api/console";

/**
 * Files decided within the service time, per service and Jakarta month of the
 * final decision (issue 13). Both sources — the rollup (on-time-rollups.ts,
 * what the console reads) and the recount (on-time-scan.ts, what the property
 * test holds it to) — give the same thing: per service, month and unit, a
 * histogram of days used with how many of those files were on time. This
 * module turns histograms into figures, so both sides share the arithmetic.
 */
export type Unit = "working" | "calendar";

/** days used → [files, on time] */
export type Histogram = Map<number, [files: number, onTime: number]>;

/** Keyed by `${guide}\t${month}\t${unit}`. */
export type OnTimeHistograms = Map<string, Histogram>;

export function histogramKey(guide: string, month: string, unit: Unit): string {
  return `${guide}\t${month}\t${unit}`;
}

export function addTo(histograms: OnTimeHistograms, key: string, used: number, files: number, onTime: number): void {
  let histogram = histograms.get(key);
  if (!histogram) {
    histogram = new Map();
    histograms.set(key, histogram);
  }
  const [f, o] = histogram.get(used) ?? [0, 0];
  histogram.set(used, [f + files, o + onTime]);
}

/** The value at 0-based rank `rank` of the sorted days. */
function atRank(sorted: [number, [number, number]][], rank: number): number {
  let seen = 0;
  for (const [used, [files]] of sorted) {
    seen += files;
    if (seen > rank) return used;
  }
  return sorted[sorted.length - 1]?.[0] ?? 0;
}

/**
 * Count, on-time count, the median (mean of the middle two for an even count)
 * and the 90th percentile by nearest rank (the smallest value at least 90 % of
 * the files used no more than): exact, because days are whole numbers.
 */
export function summarise(histogram: Histogram) {
  const sorted = [...histogram].filter(([, [files]]) => files !== 0).sort(([a], [b]) => a - b);
  let decided = 0;
  let onTime = 0;
  for (const [, [files, on]] of sorted) {
    decided += files;
    onTime += on;
  }
  if (decided === 0) return { decided, onTime, onTimeRate: null, medianDaysUsed: null, p90DaysUsed: null };
  const median = (atRank(sorted, (decided - 1) >> 1) + atRank(sorted, decided >> 1)) / 2;
  const p90 = atRank(sorted, Math.ceil(0.9 * decided) - 1);
  return { decided, onTime, onTimeRate: onTime / decided, medianDaysUsed: median, p90DaysUsed: p90 };
}

function merge(into: Histogram, from: Histogram): void {
  for (const [used, [files, onTime]] of from) {
    const [f, o] = into.get(used) ?? [0, 0];
    into.set(used, [f + files, o + onTime]);
  }
}

function mergeInto(wholes: Map<Unit, Histogram>, unit: Unit, histogram: Histogram): void {
  const whole = wholes.get(unit) ?? new Map();
  wholes.set(unit, whole);
  merge(whole, histogram);
}

/**
 * The section: per service (most decisions first, then by id), each month in
 * order and the service's whole range; then every service together, per unit.
 */
export function onTimeSection(histograms: OnTimeHistograms, titles: Map<string, string>): OnTimeSection {
  type Service = { months: [string, Unit, Histogram][]; whole: Map<Unit, Histogram> };
  const byService = new Map<string, Service>();
  const everything = new Map<Unit, Histogram>();
  for (const [key, histogram] of histograms) {
    const [guide = "", month = "", unit = "working"] = key.split("\t") as [string, string, Unit];
    const service: Service = byService.get(guide) ?? { months: [], whole: new Map() };
    byService.set(guide, service);
    service.months.push([month, unit, histogram]);
    mergeInto(service.whole, unit, histogram);
    mergeInto(everything, unit, histogram);
  }
  const rows: OnTimeFigures[] = [];
  const decidedOf = (wholes: Map<Unit, Histogram>) => [...wholes].reduce((sum, [, h]) => sum + summarise(h).decided, 0);
  const services = [...byService].sort(
    ([a, x], [b, y]) => decidedOf(y.whole) - decidedOf(x.whole) || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const [guide, service] of services) {
    const guideTitle = titles.get(guide) ?? guide;
    service.months.sort(([a, ua], [b, ub]) => (a < b ? -1 : a > b ? 1 : ua < ub ? 1 : ua > ub ? -1 : 0));
    for (const [month, unit, histogram] of service.months) {
      const figures = summarise(histogram);
      if (figures.decided !== 0) rows.push({ guideId: guide, guideTitle, month, unit, ...figures });
    }
    for (const unit of ["working", "calendar"] as const) {
      const whole = service.whole.get(unit);
      const figures = whole && summarise(whole);
      if (figures && figures.decided !== 0) rows.push({ guideId: guide, guideTitle, month: null, unit, ...figures });
    }
  }
  let decided = 0;
  let onTime = 0;
  for (const unit of ["working", "calendar"] as const) {
    const whole = everything.get(unit);
    const figures = whole && summarise(whole);
    if (!figures || figures.decided === 0) continue;
    decided += figures.decided;
    onTime += figures.onTime;
    rows.push({ guideId: null, guideTitle: null, month: null, unit, ...figures });
  }
  return { decided, onTime, onTimeRate: decided === 0 ? null : onTime / decided, rows };
}
