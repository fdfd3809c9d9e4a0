import { mkdirSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { rawGet } from "../../server/db/raw";
import { applications } from "../../server/db/schema";
import type { AuthUser } from "../../server/http/env";
import { receive, recordVerdict } from "../../server/review/verdict";
import { SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, waitForServiceWorker } from "../helpers/browser";
import { draftReadyInApp, newUser, signIn } from "../helpers/cadre-ui";
import { horizontalOverflow, smallTapTargets } from "../helpers/small-screen";

vi.setConfig({ testTimeout: 300_000 });

/**
 * The satisfaction survey handed to the citizen on the cadre's phone once
 * the office decided the file: answered offline, queued, sent when the
 * signal returns, stored once; the form shows neither the cadre nor the
 * applicant.
 */
const env = useAppAndBrowser();
const SHOTS = "/tmp/shots-c";
mkdirSync(SHOTS, { recursive: true });

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

async function serverRow(id: string) {
  return (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
}

async function responsesFor(applicationId: string): Promise<number> {
  const row = (await rawGet(
    env.server.db,
    sql`SELECT count(*) AS n FROM skm_responses WHERE application_id = ${applicationId}`,
  )) as { n: number };
  return row.n;
}

/** Loads `path` again (each start-up sync pulls) until `selector` shows. */
async function untilShown(page: Page, path: string, selector: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.goto(`${env.server.url}${path}`);
        return page
          .locator(selector)
          .first()
          .waitFor({ timeout: 5_000 })
          .then(() => true)
          .catch(() => false);
      },
      { timeout: 90_000 },
    )
    .toBe(true);
}

describe("satisfaction survey on the cadre's phone", () => {
  it("is answered offline by the citizen after the decision, queued, sent once when online", async () => {
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: "31.75.07", displayName: "Kader Ratna" });
    const operator = await newUser(env.server.db, "operator", { kecamatanCode: "31.75.07" });
    const actor: AuthUser = {
      id: operator.id,
      username: operator.username,
      displayName: "Petugas PTSP",
      role: "operator",
      kecamatanCode: "31.75.07",
      kelurahanCode: null,
    };
    const phone = await env.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    await signIn(page, env.server.url, cadre.username);
    await phone.setOffline(true);
    const id = await draftReadyInApp(page, env.server.url, "Wulan Permata Sari");
    await phone.setOffline(false);
    await expect.poll(async () => (await serverRow(id))?.status, { timeout: 60_000 }).toBe("submitted");
    const number = (await serverRow(id))?.trackingNumber ?? "";
    expect((await receive(env.server.db, { id, actor, now: new Date() })).ok).toBe(true);
    for (const decision of ["verified", "approved"] as const) {
      expect(
        await recordVerdict(env.server.db, id, { decision, requirements: {}, decidedAt: new Date().toISOString() }),
      ).toBe(true);
    }

    // The decided file offers the hand-over once the pull brings the decision.
    await untilShown(page, `/berkas/${id}`, '[data-testid="hand-over-survey"]');
    await page.getByTestId("hand-over-survey").scrollIntoViewIfNeeded();
    await shot(page, "file-decided-hand-over");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await phone.setOffline(true);
    await page.getByTestId("hand-over-survey").click();
    await page.waitForURL(new RegExp(`/survei/${number}$`));
    await page.getByRole("heading", { level: 1, name: "Survei Kepuasan Masyarakat" }).waitFor();
    expect(await page.getByTestId("survey-context").textContent()).toContain(number);
    const shown = (await page.locator("main").textContent()) ?? "";
    expect(shown).not.toContain("Wulan");
    expect(shown).not.toContain("Kader Ratna");
    // Handed over: no tabs back to the cadre's files while the citizen answers.
    expect(await page.locator("nav.main-nav").count()).toBe(0);
    await page.getByTestId("skm-question").first().waitFor();
    expect(await page.getByTestId("skm-question").count()).toBe(SKM_QUESTIONNAIRE.elements.length);

    await shot(page, "survey-top");
    // Sending with two questions unanswered names them and focuses the first.
    const questions = page.getByTestId("skm-question");
    for (let i = 0; i < SKM_QUESTIONNAIRE.elements.length; i++) {
      if (i === 1 || i === 8) continue;
      await questions.nth(i).getByRole("radio").nth(2).check();
    }
    await page.getByRole("button", { name: "Kirim jawaban" }).click();
    await expect
      .poll(() => page.getByTestId("skm-problems").textContent())
      .toBe(
        "Belum dijawab: 2. Sistem, mekanisme, dan prosedur, 9. Sarana dan prasarana. Pilih satu jawaban untuk setiap pertanyaan.",
      );
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe("skm-U2");
    await questions.nth(1).getByRole("radio", { name: "Sangat mudah" }).check();
    await questions.nth(8).getByRole("radio", { name: "Baik", exact: true }).check();
    await page.getByLabel("Umur").selectOption("30-39");
    await page.getByLabel("Saran untuk kantor (boleh dikosongkan)").fill("Ruang tunggu perlu kipas angin.");
    expect(await horizontalOverflow(page)).toBe(0);
    await questions.nth(1).scrollIntoViewIfNeeded();
    await shot(page, "survey-question");
    await shot(page, "survey-form");
    await shot(page, "survey-form-full", true);
    expect(await smallTapTargets(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Kirim jawaban" }).click();
    const state = page.getByTestId("voice-state");
    await expect.poll(() => state.getAttribute("data-state")).toBe("pending");
    expect(await page.getByTestId("survey-thanks").textContent()).toContain(
      "Tersimpan di HP, akan dikirim saat ada sinyal.",
    );
    await shot(page, "survey-queued");
    expect(await responsesFor(id)).toBe(0);

    // Back online: sent, stored exactly once.
    await phone.setOffline(false);
    await expect.poll(() => state.getAttribute("data-state"), { timeout: 60_000 }).toBe("sent");
    expect(await responsesFor(id)).toBe(1);
    await shot(page, "survey-sent");
    // Opening the survey again on this phone says it was answered, and sends nothing new.
    await page.goto(`${env.server.url}/survei/${number}`);
    await page.getByTestId("survey-thanks").waitFor();
    expect(await responsesFor(id)).toBe(1);

    // The citizen's own phone: /lacak offers the survey for the decided file; the office already has one
    // for it, so a second is refused with the office's words, kept on the phone, not retried forever.
    const citizen = await env.browser.newContext(PHONE);
    const own = await citizen.newPage();
    await own.goto(`${env.server.url}/lacak/${number}`);
    await expect.poll(() => own.getByTestId("lacak-status").textContent()).toBe("Selesai: permohonan disetujui");
    await own.getByTestId("survey-link").scrollIntoViewIfNeeded();
    await shot(own, "lacak-decided-voice");
    expect(await seriousA11yViolations(own)).toEqual([]);
    await own.getByTestId("survey-link").click();
    await own.waitForURL(new RegExp(`/survei/${number}$`));
    const again = own.getByTestId("skm-question");
    await again.first().waitFor();
    for (let i = 0; i < SKM_QUESTIONNAIRE.elements.length; i++) await again.nth(i).getByRole("radio").nth(0).check();
    await own.getByRole("button", { name: "Kirim jawaban" }).click();
    const refused = own.getByTestId("voice-state");
    await expect.poll(() => refused.getAttribute("data-state"), { timeout: 60_000 }).toBe("refused");
    expect(await refused.textContent()).toMatch(/^Kantor menolak kiriman ini: \S/);
    await shot(own, "survey-refused");
    expect(await responsesFor(id)).toBe(1);
    await citizen.close();
    await phone.close();
  });

  it("is given at the office without a file: the citizen names the office", async () => {
    const phone = await env.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(`${env.server.url}/survei`);
    await page.getByRole("heading", { level: 1, name: "Survei Kepuasan Masyarakat" }).waitFor();
    await page.getByRole("button", { name: "Kirim jawaban" }).click();
    await expect
      .poll(() => page.getByTestId("skm-problems").textContent())
      .toMatch(/^Pilih kantor yang melayani Anda\./);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("skm-office");
    // In English: the questions come from the questionnaire's data, in the chosen language.
    await page.getByRole("button", { name: "English", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Public Satisfaction Survey" }).waitFor();
    expect(await page.getByTestId("skm-question").first().locator("legend").textContent()).toContain(
      SKM_QUESTIONNAIRE.elements[0]?.question.en,
    );
    await shot(page, "survey-office-en");
    await page.getByRole("button", { name: "Bahasa Indonesia", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Survei Kepuasan Masyarakat" }).waitFor();
    await page.getByLabel("Kantor yang melayani Anda (kecamatan)").selectOption("31.75.07");
    const questions = page.getByTestId("skm-question");
    for (let i = 0; i < SKM_QUESTIONNAIRE.elements.length; i++)
      await questions.nth(i).getByRole("radio").nth(3).check();
    await shot(page, "survey-office");
    expect(await seriousA11yViolations(page)).toEqual([]);
    const count = async () =>
      ((await rawGet(env.server.db, sql`SELECT count(*) AS n FROM skm_responses`)) as { n: number }).n;
    const before = await count();
    await page.getByRole("button", { name: "Kirim jawaban" }).click();
    await expect
      .poll(() => page.getByTestId("voice-state").getAttribute("data-state"), { timeout: 60_000 })
      .toBe("sent");
    const after = await count();
    expect(after).toBe(before + 1);
    await phone.close();
  });
});
