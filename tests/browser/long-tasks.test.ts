import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { generateCatalogue } from "../../bench/fixtures/generate-catalogue";
import { publishGuide } from "../../server/guides/repository";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { PHONE } from "../helpers/browser";

/**
 * Issue 12: with 1,035 guides on a slow phone (Chromium at 4x CPU), nothing
 * after the first paint holds the main thread for more than 50 ms: not the
 * list appearing, not typing, not clearing the box, not scrolling to the
 * end. Counted with a PerformanceObserver for 'longtask' (an event count,
 * not a timing of the test).
 */

// 4x CPU on a shared 2-core machine: the walk is slow on purpose.
vi.setConfig({ testTimeout: 240_000 });

const env = useAppAndBrowser();
const GENERATED = 1_000;
const LONG_TASK_MS = 50;

beforeAll(() => {
  const guides = generateCatalogue(GENERATED);
  env.server.db.$client.transaction(() => {
    for (const guide of guides) publishGuide(env.server.db, guide);
  })();
});

interface Task {
  start: number;
  duration: number;
}

/** Installed before any page script: every long task of the page's life, and the first paint. */
function recordLongTasks(): void {
  const tasks: { start: number; duration: number }[] = [];
  (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
}

async function tasksAfterFirstPaint(page: Page): Promise<{ tasks: Task[]; firstPaint: number }> {
  return page.evaluate(() => {
    const paint = performance.getEntriesByType("paint").find((entry) => entry.name === "first-paint");
    const firstPaint = paint?.startTime ?? 0;
    const all = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
    // A task still running when the page painted counts too: it is what froze the screen.
    return { tasks: all.filter((task) => task.start + task.duration > firstPaint), firstPaint };
  });
}

async function throttledPhone(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.addInitScript(recordLongTasks);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return { context, page };
}

const total = new Intl.NumberFormat("id-ID").format(35 + GENERATED);
const countHeading = (page: Page) => page.locator("#results-heading");

/** The walk the issue measured: list shown, typing a query, clearing the box, scrolling to the end. */
async function walkTheList(page: Page): Promise<void> {
  await page.locator(".guide-list > li").first().waitFor({ timeout: 120_000 });
  await expect.poll(() => countHeading(page).textContent(), { timeout: 120_000 }).toBe(`${total} layanan`);

  const box = page.getByRole("searchbox", { name: "Cari layanan" });
  await box.pressSequentially("akte lahir");
  // Ranked by the search index ("akte" is folded to "akta"): plain text matching would find nothing.
  await expect
    .poll(() => page.locator(".guide-list > li").first().textContent(), { timeout: 120_000 })
    .toMatch(/^Akta Kelahiran/);

  await box.fill("");
  await expect.poll(() => countHeading(page).textContent()).toBe(`${total} layanan`);

  // To the end of the list, the way a thumb does it: scroll, wait for more, scroll again.
  const items = page.locator(".guide-list > li");
  for (let shown = await items.count(); shown < 35 + GENERATED; ) {
    await page.mouse.wheel(0, 20_000);
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBeGreaterThan(shown);
    shown = await items.count();
  }
  await page.getByRole("button", { name: "Tampilkan lebih banyak" }).waitFor({ state: "detached" });
}

function describeTasks(tasks: Task[]): string {
  const longest = Math.max(0, ...tasks.map((task) => task.duration));
  return `${tasks.length} long tasks after first paint, longest ${Math.round(longest)} ms`;
}

describe("a phone at 4x CPU with 1,035 guides", () => {
  it("keeps every task under 50 ms on the first visit: download, list shown, typing, clearing the box, scrolling to the end", async () => {
    const { context, page } = await throttledPhone();
    await page.goto(env.server.url);
    await walkTheList(page);
    const { tasks } = await tasksAfterFirstPaint(page);
    console.log(`first visit: ${describeTasks(tasks)}`, tasks.map((task) => Math.round(task.duration)).join(" "));
    expect(tasks.filter((task) => task.duration > LONG_TASK_MS)).toEqual([]);
    await context.close();
  });

  it("keeps every task under 50 ms on a later start, with the catalogue and the search index stored on the phone", async () => {
    const { context, page } = await throttledPhone();
    await page.goto(env.server.url);
    await page.getByTestId("updated-at").waitFor({ timeout: 120_000 });
    await page.reload();
    await walkTheList(page);
    const { tasks } = await tasksAfterFirstPaint(page);
    console.log(`later start: ${describeTasks(tasks)}`, tasks.map((task) => Math.round(task.duration)).join(" "));
    expect(tasks.filter((task) => task.duration > LONG_TASK_MS)).toEqual([]);
    await context.close();
  });
});
