import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { afterFirstScreenAssets, firstScreenAssets, gzipSize, startupAssets } from "../../bench/bundle-size";

/** 50 KB of gzipped JS for the first screen: what a low-end phone on 3G can start quickly. */
const FIRST_SCREEN_JS_BUDGET = 50 * 1024;
/** Issue 12: everything fetched at start-up, before and while the list comes (first screen and its workers). */
const STARTUP_JS_BUDGET = 60 * 1024;

const jsGzipBytes = (files: string[]) =>
  files.filter((file) => file.endsWith(".js")).reduce((sum, file) => sum + gzipSize(file), 0);

describe("bundle size budget", () => {
  it("keeps the first screen's JavaScript under 50 KB gzip", () => {
    expect(firstScreenAssets().some((file) => file.endsWith(".js"))).toBe(true);
    expect(jsGzipBytes(firstScreenAssets())).toBeLessThan(FIRST_SCREEN_JS_BUDGET);
  });

  it("keeps the JavaScript fetched at start-up (first screen and the workers started with it) under 60 KB gzip", () => {
    const startup = startupAssets();
    // Sanity: the first screen and the search worker are both counted.
    expect(startup.some((file) => file.includes("search-worker-"))).toBe(true);
    expect(jsGzipBytes(startup)).toBeGreaterThan(jsGzipBytes(firstScreenAssets()));
    expect(jsGzipBytes(startup)).toBeLessThan(STARTUP_JS_BUDGET);
  });

  it("keeps zod and Dexie out of start-up: the catalogue worker validates and stores once the list is on screen", () => {
    const code = (files: string[]) =>
      files
        .filter((file) => file.endsWith(".js"))
        .map((file) => readFileSync(file, "utf8"))
        .join("\n");
    const startup = code(startupAssets());
    const later = afterFirstScreenAssets();
    // Sanity: the markers are found where those libraries really are.
    const catalogueWorker = code(later.filter((file) => file.includes("fetch-worker-")));
    expect(catalogueWorker).toContain("ZodError");
    expect(catalogueWorker).toContain("Dexie");
    expect(code(startupAssets().filter((file) => file.includes("search-worker-")))).toContain("MiniSearch");
    expect(startup).not.toContain("ZodError");
    expect(startup).not.toContain("DexieError");
    expect(code(firstScreenAssets())).not.toContain("MiniSearch");
  });

  it("keeps the operator console out of the first screen, the startup chunks and the service worker's precache", () => {
    const dist = process.env.MASDARIN_DIST ?? resolve(import.meta.dirname, "../../dist");
    const consoleChunks = readdirSync(resolve(dist, "assets")).filter((file) => file.startsWith("ConsoleApp-"));
    // Sanity: the console is built, as its own chunk holding its own code and chart library.
    expect(consoleChunks.some((file) => file.endsWith(".js"))).toBe(true);
    const consoleCode = consoleChunks
      .filter((file) => file.endsWith(".js"))
      .map((file) => readFileSync(resolve(dist, "assets", file), "utf8"))
      .join("\n");
    expect(consoleCode).toContain("u-over");
    expect(consoleCode).toContain("Log audit");

    const cadreAssets = [...startupAssets(), ...afterFirstScreenAssets()];
    expect(cadreAssets.some((file) => file.includes("ConsoleApp-"))).toBe(false);
    const cadreCode = cadreAssets
      .filter((file) => file.endsWith(".js"))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    expect(cadreCode).not.toContain("u-over");
    expect(cadreCode).not.toContain("Log audit");
    expect(readFileSync(resolve(dist, "sw.js"), "utf8")).not.toContain("ConsoleApp-");
  });
});
