import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { firstScreenAssets, gzipSize, startupAssets } from "../../bench/bundle-size";

/** 50 KB of gzipped JS for the first screen: what a low-end phone on 3G can start quickly. */
const FIRST_SCREEN_JS_BUDGET = 50 * 1024;

describe("bundle size budget", () => {
  it("keeps the first screen's JavaScript under 50 KB gzip", () => {
    const js = firstScreenAssets().filter((file) => file.endsWith(".js"));
    expect(js.length).toBeGreaterThan(0);
    const total = js.reduce((sum, file) => sum + gzipSize(file), 0);
    expect(total).toBeLessThan(FIRST_SCREEN_JS_BUDGET);
  });

  it("keeps zod and the search engine out of the first screen: they load after the first paint", () => {
    const firstScreen = firstScreenAssets().filter((file) => file.endsWith(".js"));
    const code = firstScreen.map((file) => readFileSync(file, "utf8")).join("\n");
    // Sanity: the markers are found where those libraries really are.
    const later = startupAssets().filter((file) => !firstScreen.includes(file));
    const laterCode = later.map((file) => readFileSync(file, "utf8")).join("\n");
    expect(laterCode).toContain("ZodError");
    expect(laterCode).toContain("MiniSearch");
    expect(code).not.toContain("ZodError");
    expect(code).not.toContain("MiniSearch");
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

    const cadreAssets = startupAssets();
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
