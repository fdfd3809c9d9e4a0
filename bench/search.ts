import { createGuideSearch, loadGuideSearch } from "../shared/search";
import { generateCatalogue } from "./fixtures/generate-catalogue";

/**
 * On-device search benchmark: index build, the stored index read back (what
 * a phone's later start does in the search worker), and per-query latency
 * over 1,000 synthetic guides. The timing lives here, not in the unit tests.
 */

const GUIDES = 1_000;
const RUNS = 200;
const WARMUP = 20;

const QUERIES = [
  "imb",
  "usaha",
  "nikah",
  "kawin",
  "domisli",
  "akte lahir",
  "surat miskin",
  "warisan",
  "ahliwaris",
  "birth certificate",
  "keram",
  "dom",
  "e-ktp hilang",
  "izin usaha mikro",
  "cara bikin surat pengantar skck untuk lamaran kerja",
];

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

export async function benchSearch(): Promise<Record<string, unknown>> {
  const guides = generateCatalogue(GUIDES);

  const buildStart = performance.now();
  const search = createGuideSearch(guides);
  const buildMs = performance.now() - buildStart;
  const stored = search.toJSON();
  const loadStart = performance.now();
  const restored = loadGuideSearch(stored);
  const loadMs = performance.now() - loadStart;
  if (restored.search("imb")[0]?.id !== search.search("imb")[0]?.id)
    throw new Error("stored index answers differently");

  const queries: Record<string, { medianMs: number; p95Ms: number; hits: number; top: string | null }> = {};
  for (const query of QUERIES) {
    for (let i = 0; i < WARMUP; i++) search.search(query);
    const times: number[] = [];
    let hits = search.search(query);
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      hits = search.search(query);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    queries[query] = {
      medianMs: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      hits: hits.length,
      top: hits[0]?.id ?? null,
    };
  }

  const medians = Object.values(queries)
    .map((q) => q.medianMs)
    .sort((a, b) => a - b);
  return {
    guides: GUIDES,
    runsPerQuery: RUNS,
    indexBuildMs: round(buildMs),
    storedIndexBytes: stored.length,
    storedIndexLoadMs: round(loadMs),
    worstMedianMs: medians[medians.length - 1] ?? 0,
    medianOfMediansMs: percentile(medians, 50),
    queries,
  };
}

const invokedDirectly =
  typeof process !== "undefined" &&
  process.argv[1] !== undefined &&
  import.meta.url === new URL(`file://${process.argv[1]}`).href;

if (invokedDirectly) {
  const result = await benchSearch();
  const { queries, ...summary } = result as { queries: Record<string, object> } & Record<string, unknown>;
  console.log(summary);
  console.table(queries);
}
