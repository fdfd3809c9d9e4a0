import { describe, expect, it, vi } from "vitest";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot } from "../helpers/browser";
import { horizontalOverflow } from "../helpers/small-screen";

vi.setConfig({ testTimeout: 120_000 });

const env = useAppAndBrowser();
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;

describe("words", () => {
  it("says “1 working day” in English for a one-day service, “N working days” for longer ones, never “1 working days”", async () => {
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await page.locator(".guide-list > li").first().waitFor();
    // The button's name is the words it shows, in their own language.
    await page.getByRole("button", { name: "English", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Search services" }).waitFor();
    // The longer English words still fit a 360 px screen.
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, "words-home-en-360");

    await page.goto(`${env.server.url}/panduan/ktp-el-baru`);
    const time = page.locator(".fact").filter({ hasText: "Processing time" }).locator("strong");
    await expect(time.textContent()).resolves.toBe("1 working day");

    await page.goto(env.server.url);
    await page.getByRole("searchbox").fill("KTP-el baru");
    const card = page.locator(".guide-card").filter({ hasText: "New Electronic ID Card" });
    await expect(card.locator(".tag").nth(1).textContent()).resolves.toBe("1 working day");
    // Every card's time reads right: "1 working day", "N working days" for more, never "1 working days".
    await page.getByRole("searchbox").fill("");
    await page.locator(".guide-list > li").nth(5).waitFor();
    const tags = await page.locator(".guide-card-facts .tag:nth-child(2)").allTextContents();
    expect(tags.filter((text) => /working/.test(text)).length).toBeGreaterThan(3);
    for (const text of tags) expect(text).toMatch(/^(Done the same day|1 working day|([2-9]|\d{2,}) working days)$/);
    await context.close();
  });

  it("marks legal citations and the source note as Indonesian when the app speaks English", async () => {
    const context = await env.browser.newContext(PHONE);
    await context.addInitScript(() => localStorage.setItem("masdarin.locale", "en"));
    const page = await context.newPage();
    await page.goto(`${env.server.url}/panduan/surat-keterangan-domisili`);
    await page.getByRole("heading", { name: "Requirements" }).waitFor();

    const legal = page.locator("section").filter({ has: page.getByRole("heading", { name: /Legal basis/ }) });
    await expect(legal.getByRole("heading").textContent()).resolves.toBe("Legal basis (Bahasa Indonesia)");
    await expect(legal.locator("ul").getAttribute("lang")).resolves.toBe("id");
    const note = page.locator(".source-note [lang=id]");
    await expect(note.count()).resolves.toBe(1);
    await expect(note.locator("xpath=..").textContent()).resolves.toMatch(/\(Bahasa Indonesia\)$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await legal.scrollIntoViewIfNeeded();
    await screenshot(page, "words-guide-en-legal-360");

    // In Indonesian the same text is simply the page's language: no marker.
    await page.getByRole("button", { name: "Bahasa Indonesia", exact: true }).click();
    await page.getByRole("heading", { name: "Dasar hukum", exact: true }).waitFor();
    await expect(page.locator(".lang-marker").count()).resolves.toBe(0);
    await context.close();
  });

  it("greets cadres and office staff with the same neutral “Masuk”, and tells staff sent by the console what it is for", async () => {
    const phone = await env.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(`${env.server.url}/masuk`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Masuk");
    await expect(page.locator("main").textContent()).resolves.not.toMatch(/sebagai kader/i);
    await page.getByText("Untuk kader dan petugas kantor.", { exact: false }).waitFor();
    await screenshot(page, "words-login-360");
    await phone.close();

    const office = await env.browser.newContext(DESKTOP);
    const desk = await office.newPage();
    await desk.goto(`${env.server.url}/konsol`);
    await desk.getByRole("link", { name: "Masuk" }).last().click();
    await desk.getByLabel("Nama pengguna").waitFor();
    await expect(desk.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Masuk");
    await desk.getByText("Untuk operator dan admin kantor", { exact: false }).waitFor();
    await expect(desk.locator("main").textContent()).resolves.not.toMatch(/kader:|sebagai kader/i);
    expect(await seriousA11yViolations(desk)).toEqual([]);
    await screenshot(desk, "words-login-console-1280");
    await office.close();
  });
});
