import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { v4 as uuidv4, v7 as uuidv7 } from "uuid";
import { describe, expect, it, vi } from "vitest";
import { rawGet } from "../../server/db/raw";
import { SKM_ELEMENT_IDS, SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";
import { sessionCookie } from "../helpers/accounts";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { newUser, signIn } from "../helpers/cadre-ui";
import { mutation, readyDraft, storeFilesOf } from "../helpers/drafts";
import { horizontalOverflow } from "../helpers/small-screen";

vi.setConfig({ testTimeout: 300_000 });

/**
 * The console's SKM report (issue 14) on hand-computed responses: four
 * respondents at the Gambir office, ten files decided (minimum sample 10).
 *   U1–U3, U5–U8: 3, 3, 4, 2 → NRR 3.000 → 75.00
 *   U4 (biaya):   1, 2, 2, 1 → NRR 1.500 → 37.50 (the weakest)
 *   U9:           3, 4, 4, 2 → NRR 3.250 → 81.25
 *   IKM = (7 × 3 + 1.5 + 3.25) / 9 × 25 = 71.527… → 71,53, category C (Kurang baik), "belum cukup".
 */
const env = useAppAndBrowser();
const SHOTS = "/tmp/shots-d";
mkdirSync(SHOTS, { recursive: true });
const KECAMATAN = "31.71.01";
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;
const IKM = "71,53";

async function post(path: string, cookie: string | null, body: unknown): Promise<Response> {
  return fetch(`${env.server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: env.server.url, ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
}

async function version(id: string): Promise<number> {
  return ((await rawGet(env.server.db, sql`SELECT version FROM applications WHERE id = ${id}`)) as { version: number })
    .version;
}

/** Ten files submitted by a cadre and approved by the office: the population served. */
async function decideTenFiles(operatorCookie: string): Promise<void> {
  const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: KECAMATAN });
  const cookie = await sessionCookie(env.server.db, cadre.id);
  const clientId = uuidv7();
  for (let i = 1; i <= 10; i++) {
    const draft = readyDraft({ name: `Warga ${"ABCDEFGHIJ"[i - 1]}` });
    await storeFilesOf(env.server.db, draft, cadre.id);
    const pushed = await post("/api/sync/push", cookie, {
      clientId,
      mutations: [mutation(i, "submitApplication", { draft })],
    });
    expect(pushed.status).toBe(200);
    const pushedBody = await pushed.json();
    expect(pushedBody.results[0]?.status, JSON.stringify(pushedBody)).toBe("applied");
    for (const decision of ["verified", "approved"]) {
      const verdict = await post(`/api/console/applications/${draft.id}/verdict`, operatorCookie, {
        expectedVersion: await version(draft.id),
        decision,
      });
      expect(verdict.status, await verdict.clone().text()).toBe(200);
    }
  }
}

async function respond(scores: number[], suggestion?: string): Promise<void> {
  const response = await post("/api/skm/responses", null, {
    id: uuidv4(),
    questionnaire: SKM_QUESTIONNAIRE.id,
    channel: "office",
    kecamatanCode: KECAMATAN,
    answers: Object.fromEntries(SKM_ELEMENT_IDS.map((id, i) => [id, scores[i]])),
    profile: {},
    ...(suggestion ? { suggestion } : {}),
    answeredAt: new Date().toISOString(),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

async function seedResponses(): Promise<void> {
  await respond([3, 3, 3, 1, 3, 3, 3, 3, 3]);
  await respond([3, 3, 3, 2, 3, 3, 3, 3, 4], "Loket pembayaran sebaiknya dipasangi daftar tarif resmi.");
  await respond([4, 4, 4, 2, 4, 4, 4, 4, 4]);
  await respond([2, 2, 2, 1, 2, 2, 2, 2, 2]);
}

async function axe(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe("the console's SKM report", () => {
  it("shows the hand-computed IKM weakest element first, takes a follow-up plan, and prints the A4 notice", async () => {
    const operator = await newUser(env.server.db, "operator", { kecamatanCode: KECAMATAN, displayName: "Petugas" });
    await decideTenFiles(await sessionCookie(env.server.db, operator.id));
    await seedResponses();

    const context = await env.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, env.server.url, operator.username, /\/konsol$/);
    await page.goto(`${env.server.url}/konsol/skm`);
    await page.getByRole("heading", { level: 1, name: "Survei Kepuasan Masyarakat (SKM)" }).waitFor();
    await expect.poll(() => page.getByTestId("skm-ikm").textContent()).toBe(IKM);
    expect(await page.getByTestId("skm-category").textContent()).toBe("C");
    expect(await page.getByTestId("skm-figure").textContent()).toContain("Kurang baik");
    expect(await page.getByTestId("skm-sample").textContent()).toBe("4 responden dari sampel minimum 10 — belum cukup");
    const rows = page.getByTestId("skm-element");
    expect(await rows.first().getAttribute("data-element")).toBe("U4");
    expect(await rows.first().getByTestId("skm-element-score").textContent()).toBe("37,50 (D)");
    expect(await rows.nth(8).getAttribute("data-element")).toBe("U9");
    expect(await page.getByTestId("skm-suggestions").textContent()).toContain("daftar tarif resmi");

    // A follow-up plan for the weakest element (offered first), then marked done.
    expect(await page.locator("#follow-up-new-element").inputValue()).toBe("U4");
    await page.getByLabel("Tindakan").fill("Pasang papan tarif resmi (Rp 0) di setiap loket.");
    await page.getByLabel("Penanggung jawab").fill("Kepala Satpel PTSP");
    await page.getByLabel("Batas waktu").fill("2027-01-15");
    await page.getByRole("button", { name: "Tambah rencana" }).click();
    const plan = page.getByTestId("follow-up");
    await expect.poll(() => plan.count()).toBe(1);
    expect(await plan.getAttribute("data-done")).toBe("no");
    await plan.getByRole("button", { name: "Tandai selesai" }).click();
    await expect.poll(() => plan.getAttribute("data-done")).toBe("yes");
    expect(await plan.getByTestId("follow-up-state").textContent()).toMatch(/^Selesai \d+ \w+ \d{4}$/);
    await page.screenshot({ path: `${SHOTS}/skm-console.png`, fullPage: true });
    await axe(page);

    // Someone else changes the plan meanwhile: reopening it on the old version is refused in words.
    const row = (await rawGet(env.server.db, sql`SELECT id, version FROM skm_follow_ups`)) as {
      id: string;
      version: number;
    };
    const other = await fetch(`${env.server.url}/api/console/skm/follow-ups/${row.id}`, {
      method: "PATCH",
      headers: {
        "Content-Type": "application/json",
        Origin: env.server.url,
        Cookie: await sessionCookie(env.server.db, operator.id),
      },
      body: JSON.stringify({ version: row.version, owner: "Sekretaris Kecamatan" }),
    });
    expect(other.status).toBe(200);
    await plan.getByRole("button", { name: "Buka lagi" }).click();
    await expect
      .poll(() => page.getByTestId("version-conflict").textContent())
      .toContain("Rencana ini sudah diubah orang lain sejak Anda membukanya.");
    await page.getByTestId("version-conflict").getByRole("button", { name: "Muat ulang" }).click();
    await expect.poll(() => plan.textContent()).toContain("Sekretaris Kecamatan");

    // The printable notice: one A4 page without the console around it.
    await page.getByTestId("skm-print-link").click();
    await page.waitForURL(/\/konsol\/skm\/cetak\?period=/);
    await expect.poll(() => page.getByTestId("skm-ikm").textContent()).toBe(IKM);
    expect(await page.getByTestId("skm-follow-up-table").textContent()).toContain("Pasang papan tarif resmi");
    await axe(page);
    await page.screenshot({ path: `${SHOTS}/skm-notice-screen.png`, fullPage: true });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".console-bar").isVisible()).toBe(false);
    expect(await page.locator(".app-header").isVisible()).toBe(false);
    expect(await page.getByTestId("skm-ikm").isVisible()).toBe(true);
    expect(await page.getByTestId("skm-element").count()).toBe(9);
    await page.screenshot({ path: `${SHOTS}/skm-notice-print.png`, fullPage: true });
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    writeFileSync(`${SHOTS}/skm-notice.pdf`, pdf);
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    await context.close();

    // The public /skm page shows the same figures on a phone, without an account.
    const phone = await env.browser.newContext({
      viewport: { width: 360, height: 740 },
      locale: "id-ID",
      timezoneId: "Asia/Jakarta",
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const publicPage = await phone.newPage();
    await publicPage.goto(`${env.server.url}/skm`);
    await publicPage.getByRole("heading", { level: 1, name: "Indeks Kepuasan Masyarakat" }).waitFor();
    await publicPage.locator("#skm-office option[value='31.71.01']").waitFor({ state: "attached" });
    await publicPage.getByLabel("Kantor kecamatan").selectOption(KECAMATAN);
    await expect.poll(() => publicPage.getByTestId("skm-office").textContent()).toBe("Kecamatan Gambir");
    await expect.poll(() => publicPage.getByTestId("skm-ikm").textContent()).toBe(IKM);
    expect(await publicPage.getByTestId("skm-category").textContent()).toBe("C");
    expect(await publicPage.getByTestId("skm-follow-up-table").textContent()).toContain("Pasang papan tarif resmi");
    expect(await horizontalOverflow(publicPage)).toBe(0);
    await publicPage.screenshot({ path: `${SHOTS}/skm-public.png`, fullPage: true });
    await axe(publicPage);
    await phone.close();
  });
});
