import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StaticReference, startStaticReference } from "../../bench/static-reference/index";
import { seedCatalogue } from "../../server/seed/catalogue/index";
import { seriousA11yViolations } from "../helpers/axe";
import { launchChromium, PHONE, screenshot } from "../helpers/browser";

/**
 * The page the Lighthouse and first-visit benchmarks are read beside must be
 * the same job as the app's home screen (the seeded catalogue's guides as
 * cards linking to their pages), done with nothing else: one small script.
 */
describe("the benchmark's static reference page", () => {
  let reference: StaticReference;
  beforeAll(async () => {
    reference = await startStaticReference();
  });
  afterAll(() => reference.stop());

  it("shows every seeded guide as a link to its guide page, from one script under 12 KB gzip", async () => {
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext(PHONE)).newPage();
      const scripts: string[] = [];
      page.on("request", (request) => {
        if (request.resourceType() === "script") scripts.push(request.url());
      });
      await page.goto(reference.url);
      const links = page.locator("ul > li > a");
      await expect.poll(() => links.count()).toBe(seedCatalogue.length);
      expect(seedCatalogue.length).toBe(35);
      expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute("href")))).toEqual(
        seedCatalogue.map((guide) => `/panduan/${guide.id}`),
      );
      expect(await links.first().locator("strong").textContent()).toBe(seedCatalogue[0]?.title.id);
      expect(scripts).toHaveLength(1);
      expect(reference.scriptGzipBytes).toBeLessThan(12 * 1024);
      await screenshot(page, "bench-static-reference");
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
