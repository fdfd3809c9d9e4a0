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
import { startClock } from "../../shared/service-time/clock";
import { sessionCookie } from "../helpers/accounts";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { screenshot } from "../helpers/browser";
import { newUser, signIn } from "../helpers/cadre-ui";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { plainImage } from "../helpers/images";

vi.setConfig({ testTimeout: 180_000 });

/**
 * The dashboard's on-time share (issue 13) follows the operator's decisions:
 * a file received today and approved today is within the service time
 * (1 of 1, 100 %); a file received two weeks ago and rejected today is late
 * (1 of 2, 50 %). The decisions go through the console's own API as the
 * operator, so the clock stops in the same transaction as the real verdict.
 */

const env = useAppAndBrowser();
const KECAMATAN = "31.71.01";
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;
const SMALL = { viewport: { width: 360, height: 740 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;
const SERVICE_DAYS = 3;
const GUIDE = "surat-keterangan-domisili";

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

async function post(path: string, cookie: string, body: unknown): Promise<void> {
  const response = await fetch(`${env.server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function submit(cadre: { id: string; cookie: string }, draft: Draft): Promise<void> {
  await storeFilesOf(env.server.db, draft, cadre.id);
  await storePages(draft);
  await post("/api/sync/push", cadre.cookie, {
    clientId: uuidv7(),
    mutations: [mutation(1, "submitApplication", { draft })],
  });
}

async function version(id: string): Promise<number> {
  return ((await rawGet(env.server.db, sql`SELECT version FROM applications WHERE id = ${id}`)) as { version: number })
    .version;
}

/** The operator's decision through the console API, on the version they see. */
async function decideAs(cookie: string, id: string, decision: string, extra: Record<string, unknown> = {}) {
  await post(`/api/console/applications/${id}/verdict`, cookie, {
    expectedVersion: await version(id),
    decision,
    ...extra,
  });
}

/** A file the office received two weeks ago: its clock is past the deadline whatever today is. */
async function receivedTwoWeeksAgo(id: string): Promise<void> {
  const db = env.server.db;
  let start = jakartaDate(new Date());
  for (let i = 0; i < 14; i++) start = previousDate(start);
  const clock = startClock(null, { days: SERVICE_DAYS, unit: "working" }, start, await loadCalendar(db));
  const columns = clockColumns(clock);
  await rawRun(
    db,
    sql`UPDATE applications SET status = 'received', clock = ${JSON.stringify(clock)}, clock_state = ${columns.clockState},
      clock_deadline = ${columns.clockDeadline} WHERE id = ${id}`,
  );
}

async function openDashboard(page: Page): Promise<void> {
  await page.goto(`${env.server.url}/konsol/dasbor`);
  await page.getByTestId("table-on-time").waitFor();
}

describe("the dashboard's on-time share", () => {
  it("follows the operator's decisions: 1 of 1 on time, then 1 of 2", async () => {
    await rawRun(
      env.server.db,
      sql`UPDATE guide_versions SET data = json_set(data, '$.serviceTime.workingDays', ${SERVICE_DAYS}) WHERE id = ${GUIDE}`,
    );
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: KECAMATAN });
    const writer = { id: cadre.id, cookie: await sessionCookie(env.server.db, cadre.id) };
    const operator = await newUser(env.server.db, "operator", { kecamatanCode: KECAMATAN, displayName: "Petugas" });
    const operatorCookie = await sessionCookie(env.server.db, operator.id);

    const siti = readyDraft({ name: "Siti Aminah" });
    const budi = readyDraft({ name: "Budi Santoso" });
    await submit(writer, siti);
    await submit(writer, budi);

    // Siti's file: received, verified and approved today, within its three working days.
    await post(`/api/console/applications/${siti.id}/receive`, operatorCookie, {
      expectedVersion: await version(siti.id),
    });
    await decideAs(operatorCookie, siti.id, "verified");
    await decideAs(operatorCookie, siti.id, "approved");

    const context = await env.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, env.server.url, operator.username, /\/konsol$/);
    await openDashboard(page);
    await expect(page.getByTestId("dash-on-time").textContent()).resolves.toMatch(/^100\s?%$/);
    await expect(page.getByTestId("dash-on-time-basis").textContent()).resolves.toBe(" (1 dari 1 berkas yang diputus)");
    const month = jakartaDate(new Date()).slice(0, 7);
    const monthRow = page.getByTestId(`on-time-${GUIDE}|${month}|working`);
    await expect(monthRow.getByTestId("on-time-rate").textContent()).resolves.toMatch(/^100\s?%1 dari 1$/);
    await expect(monthRow.textContent()).resolves.toContain("0 hari kerja");

    // Budi's file: received two weeks ago, rejected today: late.
    await receivedTwoWeeksAgo(budi.id);
    await decideAs(operatorCookie, budi.id, "rejected", { reasonCode: "not-eligible" });
    await openDashboard(page);
    await expect.poll(() => page.getByTestId("dash-on-time").textContent()).toMatch(/^50\s?%$/);
    await expect(page.getByTestId("dash-on-time-basis").textContent()).resolves.toBe(" (1 dari 2 berkas yang diputus)");
    await expect(monthRow.getByTestId("on-time-rate").textContent()).resolves.toMatch(/^50\s?%1 dari 2$/);
    // One service in one month: no summary rows repeating it.
    await expect(page.getByTestId("table-on-time").locator("tbody tr").count()).resolves.toBe(1);
    await expect(page.getByText("Hari terpakai dihitung dalam hari kerja").count()).resolves.toBe(1);

    // The table downloads as CSV with the same figures.
    const csv = await fetch(`${env.server.url}/api/console/dashboard/on-time.csv`, {
      headers: { Cookie: operatorCookie },
    });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("hari kerja,2,1,50");

    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();

    // An admin over more services and months (files decided elsewhere, written as the review code leaves them).
    for (const [guide, decidedAt, used, onTime] of [
      ["pembetulan-akta", "2026-10-05T03:00:00.000Z", 2, true],
      ["pembetulan-akta", "2026-10-20T03:00:00.000Z", 6, false],
      ["pembetulan-akta", "2026-11-03T03:00:00.000Z", 1, true],
      ["ktp-el-baru", "2026-11-12T03:00:00.000Z", 1, true],
    ] as const) {
      const cadreRow = { id: writer.id };
      const id = uuidv7();
      const clock = { days: 3, unit: "working", state: "stopped", startedOn: decidedAt.slice(0, 10) };
      const clockJson = JSON.stringify({ ...clock, segmentStart: null, usedBefore: 0, deadline: null, used, onTime });
      await rawRun(
        env.server.db,
        sql`INSERT INTO applications (id, cadre_id, guide_id, guide_version, content, status, version, change_seq,
             created_at, updated_at, kecamatan_code, first_submitted_at, decided_at, clock, clock_state)
           VALUES (${id}, ${cadreRow.id}, ${guide}, 1, '{}', 'approved', 3, 0, ${decidedAt}, ${decidedAt}, '31.71.02',
             ${decidedAt}, ${decidedAt}, ${clockJson}, 'stopped')`,
      );
    }
    const admin = await newUser(env.server.db, "admin");
    const wide = await env.browser.newContext(DESKTOP);
    const adminPage = await wide.newPage();
    await signIn(adminPage, env.server.url, admin.username, /\/konsol$/);
    await openDashboard(adminPage);
    await expect(adminPage.getByTestId("dash-on-time-basis").textContent()).resolves.toBe(
      " (4 dari 6 berkas yang diputus)",
    );
    // Pembetulan akta: two months and its whole range (median of 1, 2, 6 is 2; p90 by nearest rank is 6).
    const akta = adminPage.getByTestId("on-time-pembetulan-akta|*|working");
    await expect(akta.textContent()).resolves.toBe("Semua bulan366,7%2 dari 32 hari kerja6 hari kerja");
    await adminPage.getByTestId("table-on-time").scrollIntoViewIfNeeded();
    await screenshot(adminPage, "console-dashboard-on-time-1280");
    expect(await seriousA11yViolations(adminPage)).toEqual([]);
    await wide.close();

    const small = await env.browser.newContext(SMALL);
    const phone = await small.newPage();
    await signIn(phone, env.server.url, admin.username, /\/konsol$/);
    await openDashboard(phone);
    await phone.getByTestId("table-on-time").scrollIntoViewIfNeeded();
    await screenshot(phone, "console-dashboard-on-time-360");
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await small.close();
  });
});
