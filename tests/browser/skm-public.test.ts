import { mkdirSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { horizontalOverflow } from "../helpers/small-screen";

vi.setConfig({ testTimeout: 180_000 });

/**
 * The public /skm page (issue 14) without any response yet: it says so in
 * words, asks the server for the picked office and period, and fits a
 * 360-pixel phone. The figures with responses are in console-skm.test.ts.
 */
const env = useAppAndBrowser();
const SHOTS = "/tmp/shots-d";
mkdirSync(SHOTS, { recursive: true });
const PHONE = {
  viewport: { width: 360, height: 740 },
  locale: "id-ID",
  timezoneId: "Asia/Jakarta",
  isMobile: true,
  hasTouch: true,
} as const;

describe("the public SKM page", () => {
  it("says there are no respondents yet, follows the picked office and year, and passes axe", async () => {
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    const asked: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/skm/results")) asked.push(new URL(request.url()).search);
    });
    // Citizens find it from the tracking page's landing, beside the complaint form.
    await page.goto(`${env.server.url}/lacak`);
    await page.getByTestId("skm-link").click();
    await page.waitForURL(/\/skm$/);
    await page.getByRole("heading", { level: 1, name: "Indeks Kepuasan Masyarakat" }).waitFor();
    await expect
      .poll(() => page.getByTestId("skm-figure").textContent())
      .toContain("Belum ada responden pada periode ini.");
    expect(await page.getByTestId("skm-office").textContent()).toBe("DKI Jakarta");
    expect(await page.getByTestId("skm-sample").textContent()).toBe("0 responden");
    expect(await page.getByTestId("skm-elements").locator("tbody tr").count()).toBe(9);

    await page.locator("#skm-office option[value='31.75.07']").waitFor({ state: "attached" });
    await page.getByLabel("Kantor kecamatan").selectOption("31.75.07");
    await expect.poll(() => page.getByTestId("skm-office").textContent()).toBe("Kecamatan Duren Sawit");
    const year = await page.locator("#skm-period option").nth(2).getAttribute("value");
    expect(year).toMatch(/^\d{4}$/);
    await page.getByLabel("Periode").selectOption(year ?? "");
    await expect.poll(() => page.getByTestId("skm-period").textContent()).toBe(`Tahun ${year}`);
    expect(asked.at(-1)).toBe(`?period=${year}&kecamatan=31.75.07`);

    expect(await horizontalOverflow(page)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/skm-public-empty.png`, fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
