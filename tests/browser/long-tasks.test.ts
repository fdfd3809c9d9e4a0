import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { generateCatalogue } from "../../bench/fixtures/generate-catalogue";
import { publishGuide } from "../../server/guides/repository";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot } from "../helpers/browser";

/**
 * Issue 12: with 1,035 guides on a slow phone (Chromium at 4x CPU), nothing
 * after the first paint holds the main thread for more than 50 ms: not the
 * list appearing, not typing, not clearing the box, not scrolling to the
 * end. Counted with a PerformanceObserver for 'longtask' (an event count,
 * not a timing of the test).
 *
 * On a busy machine the page's thread also waits for the other processes,
 * and Chrome's throttle does not add to that wait, it overlaps it: with the
 * thread already running 5x slower than its own CPU time, "4x" is 5x. So
 * the test measures that factor first (a busy loop: wall time over thread
 * CPU time) and counts tasks over 50 ms at 4x, that is over 50 ms x
 * factor / 4 when the machine alone is slower than 4x. Idle, it is 50 ms.
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

/** How many times slower than its own CPU time the page's main thread runs now, unthrottled (1 on an idle machine). */
async function contention(page: Page, cdp: CDPSession): Promise<number> {
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await cdp.send("Performance.enable");
  const metrics = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
    return { wall: value("TaskDuration"), cpu: value("ThreadTime") };
  };
  const before = await metrics();
  await page.evaluate(() => {
    let x = 0;
    for (let i = 0; i < 20_000_000; i++) x += i % 7;
    return x;
  });
  const after = await metrics();
  return Math.max(1, (after.wall - before.wall) / Math.max(after.cpu - before.cpu, 1e-3));
}

async function throttledPhone(): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await env.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.addInitScript(recordLongTasks);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  return { context, page, cdp };
}

/** The budget at 4x on this machine now: 50 ms, or more when the machine alone is slower than 4x (see above). */
async function budgetNow(page: Page, cdp: CDPSession, measuredBefore: number): Promise<number> {
  const after = await contention(page, cdp);
  const factor = Math.max(measuredBefore, after);
  const budget = LONG_TASK_MS * Math.max(1, factor / 4);
  console.log(
    `machine slowdown ${measuredBefore.toFixed(1)}x before, ${after.toFixed(1)}x after: budget ${Math.round(budget)} ms`,
  );
  return budget;
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
    const { context, page, cdp } = await throttledPhone();
    await page.goto("about:blank");
    const before = await contention(page, cdp);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(env.server.url);
    await walkTheList(page);
    const { tasks } = await tasksAfterFirstPaint(page);
    const budget = await budgetNow(page, cdp, before);
    console.log(`first visit: ${describeTasks(tasks)}`, tasks.map((task) => Math.round(task.duration)).join(" "));
    expect(tasks.filter((task) => task.duration > budget)).toEqual([]);
    await context.close();
  });

  it("keeps every task under 50 ms on a later start, with the catalogue and the search index stored on the phone", async () => {
    const { context, page, cdp } = await throttledPhone();
    await page.goto(env.server.url);
    await page.getByTestId("updated-at").waitFor({ timeout: 120_000 });
    const before = await contention(page, cdp);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.reload();
    await walkTheList(page);
    const { tasks } = await tasksAfterFirstPaint(page);
    const budget = await budgetNow(page, cdp, before);
    console.log(`later start: ${describeTasks(tasks)}`, tasks.map((task) => Math.round(task.duration)).join(" "));
    expect(tasks.filter((task) => task.duration > budget)).toEqual([]);
    await context.close();
  });

  it("shows the first page of cards with a 'Tampilkan lebih banyak' button that adds the next and moves the focus to it", async () => {
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.server.url);
    const items = page.locator(".guide-list > li");
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBe(30);
    await expect(countHeading(page).textContent()).resolves.toBe(`${total} layanan`);
    await screenshot(page, "home-long-list-top");
    expect(await seriousA11yViolations(page)).toEqual([]);

    const more = page.getByRole("button", { name: "Tampilkan lebih banyak" });
    await expect(page.locator(".guide-list-more p").textContent()).resolves.toBe(
      `30 dari ${total} layanan ditampilkan`,
    );
    // Brought into view by the focus, the footer asks for the next page by itself, as when scrolling.
    await more.focus();
    await expect.poll(() => items.count()).toBe(60);
    await page.keyboard.press("Enter");
    await expect.poll(() => items.count()).toBe(90);
    // The focus is on the first card the button added, so a keyboard or screen reader carries on from there.
    const focusedIndex = () =>
      page.evaluate(() =>
        [...document.querySelectorAll(".guide-list > li")].indexOf(document.activeElement?.closest("li") as Element),
      );
    await expect.poll(focusedIndex).toBe(60);
    await screenshot(page, "home-long-list-more");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
