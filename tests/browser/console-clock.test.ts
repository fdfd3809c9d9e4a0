import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { v7 as uuidv7 } from "uuid";
import { describe, expect, it, vi } from "vitest";
import { rawGet, rawRun } from "../../server/db/raw";
import { storedFilePath } from "../../server/files/photo-store";
import { loadCalendar } from "../../server/service-time/calendar-store";
import { clockColumns } from "../../server/service-time/clock-writes";
import type { Draft } from "../../shared/draft";
import { jakartaDate } from "../../shared/jakarta-time";
import { previousDate } from "../../shared/service-time/calendar";
import { type ClockView, startClock, viewClock } from "../../shared/service-time/clock";
import { clockShortText } from "../../shared/service-time/words";
import type { Verdict } from "../../shared/sync/protocol";
import { sessionCookie } from "../helpers/accounts";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { screenshot } from "../helpers/browser";
import { newUser, signIn } from "../helpers/cadre-ui";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { plainImage } from "../helpers/images";

vi.setConfig({ testTimeout: 180_000 });

/**
 * The service-time clock as the operator sees it at 1280 × 800 (and on a
 * small screen): it starts when the file is received, pauses while the file
 * is back with the citizen, and runs again when the office receives the fix.
 * The queue shows each file's number and clock, filters the late ones and
 * lists by deadline. (The dashboard's on-time share is another test's.)
 */

const env = useAppAndBrowser();
const KECAMATAN = "31.71.01";
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;
const SMALL = { viewport: { width: 360, height: 740 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;
const SERVICE_DAYS = 3;

async function storePages(draft: Draft): Promise<void> {
  const bytes = await plainImage(1600, 1200, "webp");
  for (const document of Object.values(draft.documents)) {
    for (const page of document.pages) {
      const path = storedFilePath(env.server.filesDir, page.sha256 ?? "");
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
    }
  }
}

async function call(path: string, cookie: string, body: unknown): Promise<Response> {
  const response = await fetch(`${env.server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response;
}

/** The cadre's phone through the real push: submitting, or resubmitting after a fix. */
async function submit(cadre: { id: string; cookie: string }, draft: Draft, again = false): Promise<void> {
  await storeFilesOf(env.server.db, draft, cadre.id);
  await storePages(draft);
  const mutations = again
    ? [mutation(1, "putDraft", { draft }), mutation(2, "submitApplication", { draft })]
    : [mutation(1, "submitApplication", { draft })];
  await call("/api/sync/push", cadre.cookie, { clientId: uuidv7(), mutations });
}

/** Writes a received file's clock, started on the Jakarta date `start`. */
async function receivedOn(id: string, start: string, days: number): Promise<void> {
  const db = env.server.db;
  const clock = startClock(null, { days, unit: "working" }, start, await loadCalendar(db));
  const columns = clockColumns(clock);
  await rawRun(
    db,
    sql`UPDATE applications SET status = 'received', clock = ${JSON.stringify(clock)}, clock_state = ${columns.clockState},
      clock_deadline = ${columns.clockDeadline} WHERE id = ${id}`,
  );
}

/** A file received `daysAgo` calendar days ago with a service time of `days`: two weeks ago with three days is late today. */
async function receivedEarlier(id: string, daysAgo: number, days: number): Promise<void> {
  let start = jakartaDate(new Date());
  for (let i = 0; i < daysAgo; i++) start = previousDate(start);
  await receivedOn(id, start, days);
}

/**
 * A file with one working day of service time, received on the latest day that leaves it due soon today,
 * found with the shared clock: on a weekend or a holiday that is not today (received on a Saturday, the
 * clock starts on Monday). Answers the view the console must show.
 */
async function receivedDueSoon(id: string): Promise<ClockView> {
  const calendar = await loadCalendar(env.server.db);
  const today = jakartaDate(new Date());
  let start = today;
  for (let i = 0; i < 14; i++, start = previousDate(start)) {
    const view = viewClock(startClock(null, { days: 1, unit: "working" }, start, calendar), today, calendar);
    if (view.urgency !== "due-soon") continue;
    await receivedOn(id, start, 1);
    return view;
  }
  throw new Error("no receipt date leaves a one-day file due soon today");
}

/** The clock view of a file received today with `days` working days, as any screen must show it today. */
async function receivedTodayView(days: number): Promise<ClockView> {
  const calendar = await loadCalendar(env.server.db);
  const today = jakartaDate(new Date());
  return viewClock(startClock(null, { days, unit: "working" }, today, calendar), today, calendar);
}

async function serverRow(id: string) {
  return (await rawGet(env.server.db, sql`SELECT status, verdict, clock_state FROM applications WHERE id = ${id}`)) as {
    status: string;
    verdict: string | null;
    clock_state: string | null;
  };
}

const rowOf = (page: Page, id: string) => page.locator(`[data-testid="queue-row"][data-id="${id}"]`);

async function openQueue(page: Page): Promise<void> {
  await page.goto(`${env.server.url}/konsol`);
  await page.getByTestId("queue-row").first().waitFor();
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe("the service-time clock in the console", () => {
  it("starts at receipt, pauses while the file is sent back, runs again when the fix is received, and sorts and filters the queue", async () => {
    await rawRun(
      env.server.db,
      sql`UPDATE guide_versions SET data = json_set(data, '$.serviceTime.workingDays', ${SERVICE_DAYS}) WHERE id = 'surat-keterangan-domisili'`,
    );
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: KECAMATAN });
    const writer = { id: cadre.id, cookie: await sessionCookie(env.server.db, cadre.id) };
    const operator = await newUser(env.server.db, "operator", { kecamatanCode: KECAMATAN, displayName: "Petugas" });

    const siti = readyDraft({ name: "Siti Aminah" });
    const budi = readyDraft({ name: "Budi Santoso" });
    const rina = readyDraft({ name: "Rina Wati" });
    await submit(writer, siti);
    await submit(writer, budi);
    await submit(writer, rina);
    await receivedEarlier(budi.id, 14, SERVICE_DAYS);
    const rinaClock = await receivedDueSoon(rina.id);

    const context = await env.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, env.server.url, operator.username, /\/konsol$/);
    await openQueue(page);

    // Before receipt: the number, no clock yet.
    const sitiRow = rowOf(page, siti.id);
    await expect(sitiRow.getByTestId("queue-tracking").textContent()).resolves.toMatch(/^[A-Z]{3}-\w{5}-\w{5}$/);
    await expect(sitiRow.getByTestId("clock-badge").count()).resolves.toBe(0);
    const late = rowOf(page, budi.id).getByTestId("clock-badge");
    await expect(late.getAttribute("data-urgency")).resolves.toBe("overdue");
    await expect(late.textContent()).resolves.toMatch(/Lewat \d+ hari kerja/);
    const soon = rowOf(page, rina.id).getByTestId("clock-badge");
    await expect(soon.getAttribute("data-urgency")).resolves.toBe("due-soon");
    await expect(soon.textContent()).resolves.toContain(`Hampir lewat · ${clockShortText(rinaClock, "id")}`);

    // Receive Siti's file on its page: the clock starts with the full service time left.
    await sitiRow.getByRole("link").click();
    await page.getByTestId("receive-button").click();
    const badge = page.getByTestId("clock-card").getByTestId("clock-badge");
    // Three working days left on a weekday; received on a weekend, the count starts on the next working day.
    const sitiLeft = clockShortText(await receivedTodayView(SERVICE_DAYS), "id");
    await expect.poll(() => badge.textContent()).toContain(sitiLeft);
    await expect(page.getByTestId("clock-sentence").textContent()).resolves.toMatch(
      new RegExp(`0 dari ${SERVICE_DAYS} hari kerja terpakai · batas \\w+, \\d+ \\w+ \\d{4}`),
    );
    const number = (await page.getByTestId("tracking-number").textContent()) ?? "";
    expect(number).toMatch(/^[A-Z]{3}-/);
    await expectAccessible(page);
    await screenshot(page, "console-clock-detail-running", { fullPage: true });

    // The queue shows it too; the late file first by deadline, alone under "Lewat batas waktu".
    await page.getByRole("link", { name: /Kembali ke antrean/ }).click();
    await expect.poll(() => rowOf(page, siti.id).getByTestId("clock-badge").textContent()).toContain(sitiLeft);
    await page.getByLabel("Urutan").selectOption("deadline");
    await expect.poll(() => page.getByTestId("queue-row").first().getAttribute("data-id")).toBe(budi.id);
    await page.getByLabel("Waktu layanan").selectOption("overdue");
    await expect.poll(() => page.getByTestId("queue-row").count()).toBe(1);
    await expect(page.getByTestId("queue-row").first().getAttribute("data-id")).resolves.toBe(budi.id);
    await expectAccessible(page);
    await screenshot(page, "console-clock-queue-overdue");
    await page.getByLabel("Waktu layanan").selectOption("due-soon");
    await expect.poll(() => page.getByTestId("queue-row").first().getAttribute("data-id")).toBe(rina.id);
    await expect(page.getByTestId("queue-row").count()).resolves.toBe(1);
    await page.getByLabel("Waktu layanan").selectOption("");
    await expect.poll(() => page.getByTestId("queue-row").count()).toBe(3);
    // Nearest deadline first: late, due soon, then three working days.
    const order = await page
      .getByTestId("queue-row")
      .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-id")));
    expect(order).toEqual([budi.id, rina.id, siti.id]);
    await expectAccessible(page);
    await screenshot(page, "console-clock-queue");

    // Search by the tracking number, typed as a neighbour reads it out.
    await page.getByTestId("queue-search").fill(number.toLowerCase().replace(/-/g, " "));
    await expect.poll(() => page.getByTestId("queue-row").count()).toBe(1);
    await page.getByTestId("queue-search").fill("");
    await expect.poll(() => page.getByTestId("queue-row").count()).toBe(3);

    // Send it back with a note the citizen may read on /lacak: the clock pauses.
    await rowOf(page, siti.id).getByRole("link").click();
    await page.getByTestId("req-fix-ktp-el").check();
    await page.getByTestId("req-reason-ktp-el").selectOption("blurry");
    await page.getByTestId("overall-note").fill("Silakan foto ulang KTP di tempat terang.");
    await expect(page.getByTestId("note-public").isChecked()).resolves.toBe(false);
    await page.getByTestId("note-public").check();
    await page.getByTestId("decision-needs-fix").check();
    await expectAccessible(page);
    await screenshot(page, "console-clock-decision", { fullPage: true });
    await page.getByTestId("submit-verdict").click();
    // Listed by deadline, the next file the desk opens is the most urgent one left.
    await page.getByTestId("desk-notice").waitFor();
    await expect.poll(() => page.url()).toContain(budi.id);
    expect((await serverRow(siti.id)).status).toBe("needs-fix");
    expect((JSON.parse((await serverRow(siti.id)).verdict ?? "{}") as Verdict).reasonPublic).toBe(true);
    await page.goto(`${env.server.url}/konsol/berkas/${siti.id}`);
    await expect.poll(() => page.getByTestId("clock-sentence").textContent()).toContain("Waktu layanan dijeda");
    await expect(page.getByTestId("clock-badge").getAttribute("data-urgency")).resolves.toBe("paused");
    await screenshot(page, "console-clock-detail-paused");

    // The cadre resubmits: still paused until the office receives it again.
    await submit(writer, { ...siti, applicant: { ...siti.applicant, phone: "081298765432" } }, true);
    await page.reload();
    await page.getByTestId("receive-button").waitFor();
    await expect(page.getByTestId("clock-badge").getAttribute("data-urgency")).resolves.toBe("paused");
    await page.getByTestId("receive-button").click();
    await expect.poll(() => page.getByTestId("clock-badge").getAttribute("data-urgency")).not.toBe("paused");
    await expect(page.getByTestId("clock-sentence").textContent()).resolves.toContain("Sisa");
    expect((await serverRow(siti.id)).clock_state).toBe("running");
    await context.close();

    // The same screens on a small screen.
    const small = await env.browser.newContext(SMALL);
    const phone = await small.newPage();
    await signIn(phone, env.server.url, operator.username, /\/konsol$/);
    await openQueue(phone);
    await expectAccessible(phone);
    await screenshot(phone, "console-clock-queue-small", { fullPage: true });
    await phone.goto(`${env.server.url}/konsol/berkas/${siti.id}`);
    await phone.getByTestId("clock-sentence").waitFor();
    await expectAccessible(phone);
    await screenshot(phone, "console-clock-detail-small");
    await small.close();
  });
});
