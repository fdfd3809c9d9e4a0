import { describe, expect, it } from "vitest";
import { firstScreenAssets, gzipSize } from "../../bench/bundle-size";

/** 50 KB of gzipped JS for the first screen: what a low-end phone on 3G can start quickly. */
const FIRST_SCREEN_JS_BUDGET = 50 * 1024;

describe("bundle size budget", () => {
  it("keeps the first screen's JavaScript under 50 KB gzip", () => {
    const assets = firstScreenAssets();
    const js = assets.filter((file) => file.endsWith(".js"));
    expect(js.length).toBeGreaterThan(0);
    const total = js.reduce((sum, file) => sum + gzipSize(file), 0);
    expect(total).toBeLessThan(FIRST_SCREEN_JS_BUDGET);
  });

  it("keeps zod, the search index and workbox-window out of the first screen", () => {
    const names = firstScreenAssets().join(" ");
    expect(names).not.toMatch(/sync-|search-|sw-register-/);
  });
});
