/**
 * Drafts storage benchmark in real Chromium IndexedDB (not a fake): autosave
 * latency with 1,000 drafts stored, and listing/filtering 10,000 drafts.
 * `npx tsx bench/drafts.ts`
 */
import { resolve } from "node:path";
import { build } from "esbuild";
import { Guide } from "../shared/guide";
import { startAppServer } from "../tests/helpers/app-server";
import { launchChromium } from "../tests/helpers/browser";
import { sampleGuide } from "../tests/helpers/sample-guide";

const ROOT = resolve(import.meta.dirname, "..");

interface BenchWindow {
  runDraftsBench(guide: unknown, drafts: number, edits: number): Promise<Record<string, unknown>>;
}

/** Runs inside the page: the app's own repository on the app's own database class. */
const ENTRY = `
import { LocalDb } from "./client/db/local-db";
import { DraftRepository } from "./client/drafts/repository";
import { installKey } from "./client/vault/keyring";

// People's records are sealed (client/vault/): the bench works as a cadre whose vault is open.
installKey("bench", crypto.getRandomValues(new Uint8Array(32)));

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { medianMs: +at(0.5).toFixed(2), p95Ms: +at(0.95).toFixed(2), runs: samples.length };
}

window.runDraftsBench = async (guide, drafts, edits) => {
  const db = new LocalDb("bench-" + drafts + "-" + Date.now());
  const repo = new DraftRepository(db);
  const names = ["Siti", "Budi", "Ahmad", "Dewi", "Rina", "Agus", "Wati", "Joko"];
  const rows = [];
  const base = Date.parse("2026-01-01T00:00:00Z");
  for (let i = 0; i < drafts; i++) {
    const at = new Date(base + i * 60000).toISOString();
    rows.push({
      id: "0190f5a4-7b1c-7" + String(i).padStart(3, "0").slice(-3) + "-8" + String(i).padStart(3, "0").slice(-3) + "-" + String(i).padStart(12, "0"),
      guideId: guide.id, guideVersion: guide.version,
      applicant: { fullName: names[i % 8] + " " + i, nik: "317101" + String(120390 + (i % 28)).padStart(6, "0") + String(1 + (i % 9999)).padStart(4, "0"), kk: "", birthDate: "", phone: "", address: { street: "", rt: "", rw: "", villageCode: "" } },
      answers: {}, data: {}, documents: {}, officeAreaCode: "", status: "draft", createdAt: at, updatedAt: at, history: [],
      searchKey: (names[i % 8] + " " + i).toLowerCase(),
    });
  }
  let t = performance.now();
  await db.drafts.bulkAdd(rows);
  const bulkInsertMs = +(performance.now() - t).toFixed(1);
  const target = await repo.create(guide);
  const save = [];
  for (let i = 0; i < edits; i++) {
    t = performance.now();
    await repo.update(target, "applicant.fullName", (d) => { d.applicant.fullName = "Siti Aminah " + i; });
    save.push(performance.now() - t);
  }
  const list = [];
  const filter = [];
  for (let i = 0; i < 10; i++) {
    t = performance.now(); await repo.list(""); list.push(performance.now() - t);
    t = performance.now(); await repo.list(i % 2 ? "budi" : "3171011"); filter.push(performance.now() - t);
  }
  db.close();
  return { drafts, bulkInsertMs, autosave: stats(save), listAll: stats(list), filterByNameOrNik: stats(filter) };
};
`;

export async function benchDrafts(): Promise<Record<string, unknown>> {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, sourcefile: "drafts-bench-entry.ts", loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
  });
  const server = await startAppServer();
  const browser = await launchChromium();
  try {
    // The app's strict CSP forbids inline scripts; the harness injects one on purpose.
    const page = await (await browser.newContext({ bypassCSP: true })).newPage();
    // The app's origin (IndexedDB needs a real one), without running the app itself.
    await page.goto(`${server.url}/manifest.webmanifest`);
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? "", type: "module" });
    await page.waitForFunction(() => "runDraftsBench" in window);
    const guide = Guide.parse(sampleGuide());
    const run = (drafts: number, edits: number) =>
      page.evaluate(([g, n, e]) => (window as unknown as BenchWindow).runDraftsBench(g, n, e), [
        guide,
        drafts,
        edits,
      ] as const);
    return {
      "autosave with 1,000 drafts stored": await run(1_000, 200),
      "list and filter 10,000 drafts": await run(10_000, 20),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchDrafts(), null, 2));
}
