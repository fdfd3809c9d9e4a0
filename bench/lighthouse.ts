/**
 * Lighthouse, mobile preset (its default: simulated 4x CPU and slow 4G), on the
 * app's home page and a guide page, beside the static reference page (35
 * guides as a plain Preact list) measured in the same run, same browser.
 * Rounds interleave the three pages so a busy machine slows each alike.
 * `npx tsx bench/lighthouse.ts` (after `npx vite build`; MASDARIN_DIST picks another build)
 */
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type RunnerResult } from "lighthouse";
import { seedCatalogue } from "../server/seed/catalogue/index";
import { DIST_DIR, startAppServer } from "../tests/helpers/app-server";
import { CHROMIUM } from "../tests/helpers/browser";
import { startStaticReference } from "./static-reference/index";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const LIGHTHOUSE_VERSION = (
  JSON.parse(readFileSync(join(import.meta.dirname, "../node_modules/lighthouse/package.json"), "utf8")) as {
    version: string;
  }
).version;

/** Headless, and nothing that calls Google's hosts (this machine has no outside network). */
export const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
];

interface RunFigures {
  score: number;
  lcpMs: number;
  tbtMs: number;
  fcpMs: number;
  ttiMs: number;
  /** Where to look: what the LCP was (a late notice is not the list), and the scripts that held the main thread. */
  lcpElement: string;
  mainThreadByScript: string[];
}

const METRICS = {
  lcpMs: "largest-contentful-paint",
  tbtMs: "total-blocking-time",
  fcpMs: "first-contentful-paint",
  ttiMs: "interactive",
} as const;

/**
 * One run in a fresh Chromium (a new temporary profile): Lighthouse clears
 * only the service worker and Cache Storage between runs, not IndexedDB or
 * localStorage, so reusing a browser would turn the second run into a visit
 * with the catalogue already saved.
 */
async function auditOnce(url: string): Promise<RunFigures> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: "error" });
  try {
    return figures(
      url,
      await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] }),
    );
  } finally {
    chrome.kill();
  }
}

/** Lighthouse's own tracing sometimes fails on a starved machine (NO_NAVSTART, NO_FCP): that run is taken again, said on stderr. */
async function audit(url: string, attempts = 3): Promise<RunFigures> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await auditOnce(url);
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.error(`lighthouse run failed, taken again (${attempt}/${attempts - 1}): ${(error as Error).message}`);
    }
  }
}

function figures(url: string, result: RunnerResult | undefined): RunFigures {
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  for (const warning of lhr.runWarnings) console.error(`lighthouse warning (${url}): ${warning}`);
  const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
  return {
    score: Math.round((lhr.categories.performance?.score ?? Number.NaN) * 100),
    lcpMs: metric(METRICS.lcpMs),
    tbtMs: metric(METRICS.tbtMs),
    fcpMs: metric(METRICS.fcpMs),
    ttiMs: metric(METRICS.ttiMs),
    lcpElement: lcpElement(lhr.audits["largest-contentful-paint-element"]?.details),
    mainThreadByScript: topScripts(lhr.audits["bootup-time"]?.details),
  };
}

interface Details {
  type?: string;
  items?: Record<string, unknown>[];
}

/** The LCP element's selector and opening words, from the audit's first table. */
function lcpElement(details: unknown): string {
  const table = (details as Details | undefined)?.items?.[0] as Details | undefined;
  const node = table?.items?.[0]?.node as { selector?: string; nodeLabel?: string } | undefined;
  return node ? `${node.selector ?? "?"} "${(node.nodeLabel ?? "").slice(0, 50)}"` : "?";
}

/** The three scripts with the most main-thread time (ms), file names only. */
function topScripts(details: unknown): string[] {
  return ((details as Details | undefined)?.items ?? [])
    .slice(0, 3)
    .map((item) => `${String(item.url).split("/").pop() || "(page)"} ${Math.round(Number(item.total))} ms`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Median of each figure on its own, and the score's range (the issue quotes "77 (67–79)"). */
function summarise(runs: RunFigures[]) {
  const of = (key: "score" | keyof typeof METRICS) => median(runs.map((run) => run[key]));
  const scores = runs.map((run) => run.score);
  return {
    score: of("score"),
    scoreRange: `${Math.min(...scores)}–${Math.max(...scores)}`,
    lcpMs: of("lcpMs"),
    tbtMs: of("tbtMs"),
    fcpMs: of("fcpMs"),
    ttiMs: of("ttiMs"),
    runs: runs.map((run) => `${run.score} LCP ${run.lcpMs} TBT ${run.tbtMs} FCP ${run.fcpMs} TTI ${run.ttiMs}`),
    lcpElements: [...new Set(runs.map((run) => run.lcpElement))],
    mainThreadByScript: runs.map((run) => run.mainThreadByScript.join(", ")),
  };
}

type Summary = ReturnType<typeof summarise>;

function ratios(page: Summary, reference: Summary) {
  const ratio = (a: number, b: number) => +(a / Math.max(b, 1)).toFixed(2);
  return {
    lcp: ratio(page.lcpMs, reference.lcpMs),
    tbt: ratio(page.tbtMs, reference.tbtMs),
    fcp: ratio(page.fcpMs, reference.fcpMs),
    tti: ratio(page.ttiMs, reference.ttiMs),
    scorePoints: page.score - reference.score,
  };
}

export interface LighthouseResult {
  preset: string;
  build: string;
  /** 1-minute load average over the machine's cores, at the start and the end: the figures move with it. */
  machineLoad: string;
  referenceScriptGzipBytes: number;
  pages: Record<string, Summary & { vsReference?: ReturnType<typeof ratios> }>;
  goal: string;
}

const load = () => `${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;

export async function benchLighthouse(): Promise<LighthouseResult> {
  if (!existsSync(join(DIST_DIR, "index.html"))) throw new Error(`No built app in ${DIST_DIR}: run npx vite build`);
  const loadAtStart = load();
  const app = await startAppServer();
  const reference = await startStaticReference();
  const guideId = seedCatalogue[0]?.id ?? "";
  const REFERENCE = "static reference (35 guides, plain Preact list)";
  const urls: Record<string, string> = {
    [REFERENCE]: reference.url,
    "app home": `${app.url}/`,
    [`app guide page /panduan/${guideId}`]: `${app.url}/panduan/${guideId}`,
  };
  const runs = new Map<string, RunFigures[]>(Object.keys(urls).map((name) => [name, []]));
  try {
    for (let round = 0; round < RUNS; round++) {
      for (const [name, url] of Object.entries(urls)) runs.get(name)?.push(await audit(url));
    }
  } finally {
    await reference.stop();
    await app.stop();
  }
  const referenceSummary = summarise(runs.get(REFERENCE) ?? []);
  const pages: LighthouseResult["pages"] = {};
  for (const [name, figures] of runs) {
    const summary = summarise(figures);
    pages[name] = name === REFERENCE ? summary : { ...summary, vsReference: ratios(summary, referenceSummary) };
  }
  return {
    preset: `Lighthouse ${LIGHTHOUSE_VERSION} mobile preset (simulated: 4x CPU, 150 ms RTT, 1.6 Mbit/s), median of ${RUNS}, a fresh Chromium per run`,
    build: DIST_DIR,
    machineLoad: `${loadAtStart} → ${load()}`,
    referenceScriptGzipBytes: reference.scriptGzipBytes,
    pages,
    goal: "score ≥ 95 on both app pages, TBT ≤ 200 ms, LCP ≤ 1.8 s",
  };
}

/** The figures as one table, app pages with their ratio to the reference measured in the same run. */
export function lighthouseTable(result: LighthouseResult): string {
  const rows = Object.entries(result.pages).map(([name, page]) => {
    const versus = page.vsReference ? `${page.vsReference.lcp}× / ${page.vsReference.tbt}×` : "1× / 1×";
    return `| ${name} | ${page.score} (${page.scoreRange}) | ${page.lcpMs} | ${page.tbtMs} | ${page.fcpMs} | ${page.ttiMs} | ${versus} |`;
  });
  return [
    "| page | score (range) | LCP ms | TBT ms | FCP ms | TTI ms | LCP / TBT vs reference |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchLighthouse();
  console.log(JSON.stringify(result, null, 2));
  console.log(lighthouseTable(result));
}
