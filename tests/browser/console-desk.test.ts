import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { Page } from "playwright-core";
import { v7 as uuidv7 } from "uuid";
import { describe, expect, it, vi } from "vitest";
import { storedFilePath } from "../../server/files/photo-store";
import type { Draft } from "../../shared/draft";
import { sessionCookie } from "../helpers/accounts";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { screenshot } from "../helpers/browser";
import { newUser, signIn } from "../helpers/cadre-ui";
import { mutation, readyDraft, sha256, storeFilesOf } from "../helpers/drafts";
import { plainImage } from "../helpers/images";

vi.setConfig({ testTimeout: 180_000 });

/**
 * The office's desk at 1280 × 800: a file sent back and resubmitted says so
 * and shows what changed, the queue is searched and filtered as the operator
 * types and picks, and a decision opens the next file.
 */

const env = useAppAndBrowser();
const KECAMATAN = "31.71.01";
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;

/** Writes a real picture under each page's hash, as a finished upload would have left it. */
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

/** The cadre's phone sending `mutations` through the real push. */
function push(cookie: string, mutations: ReturnType<typeof mutation>[]) {
  return call("/api/sync/push", cookie, { clientId: uuidv7(), mutations });
}

function person(name: string, nik: string): Draft {
  const draft = readyDraft({ name });
  return { ...draft, applicant: { ...draft.applicant, nik } };
}

async function submit(cadre: { id: string; cookie: string }, draft: Draft): Promise<void> {
  await storeFilesOf(env.server.db, draft, cadre.id);
  await storePages(draft);
  await push(cadre.cookie, [mutation(1, "submitApplication", { draft })]);
}

async function openQueue(page: Page): Promise<void> {
  await page.goto(`${env.server.url}/konsol`);
  await page.getByTestId("queue-row").first().waitFor();
}

const rowOf = (page: Page, id: string) => page.locator(`[data-testid="queue-row"][data-id="${id}"]`);

describe("the office's desk", () => {
  it("remembers a resubmitted file, finds files by NIK, applies filters at once and opens the next file after a decision", async () => {
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: KECAMATAN });
    const cadreCookie = await sessionCookie(env.server.db, cadre.id);
    const operator = await newUser(env.server.db, "operator", {
      kecamatanCode: KECAMATAN,
      displayName: "Petugas Gambir",
    });
    const operatorCookie = await sessionCookie(env.server.db, operator.id);
    const writer = { id: cadre.id, cookie: cadreCookie };

    const siti = person("Siti Aminah", "3171015203900001");
    const budi = person("Budi Santoso", "3171015203900002");
    const rina = person("Rina Wati", "3171015203900003");
    for (const draft of [siti, budi, rina]) await submit(writer, draft);

    // The office sends Siti's file back for a blurred KTP (the other papers accepted); the cadre replaces the photo.
    await call(`/api/console/applications/${siti.id}/verdict`, operatorCookie, {
      expectedVersion: 1,
      decision: "needs-fix",
      requirements: {
        "ktp-el": { status: "needs-fix", reasonCode: "blurry", note: "Foto KTP buram" },
        "pengantar-rt-rw": { status: "accepted" },
        "kartu-keluarga": { status: "accepted" },
      },
    });
    const ktp = siti.documents["ktp-el"];
    if (!ktp?.pages[0]) throw new Error("no KTP page");
    const fixed: Draft = {
      ...siti,
      documents: {
        ...siti.documents,
        "ktp-el": { ...ktp, pages: [{ ...ktp.pages[0], sha256: sha256("ktp, tajam") }] },
      },
    };
    await storeFilesOf(env.server.db, fixed, cadre.id);
    await storePages(fixed);
    await push(cadreCookie, [
      mutation(1, "putDraft", { draft: fixed }),
      mutation(2, "submitApplication", { draft: fixed }),
    ]);

    const context = await env.browser.newContext(DESKTOP);
    const page = await context.newPage();
    await signIn(page, env.server.url, operator.username, /\/konsol$/);

    // The queue marks the resubmission; there is no "apply" button to press.
    await openQueue(page);
    await rowOf(page, siti.id).getByText("Diajukan ulang (1×)").waitFor();
    await expect(rowOf(page, budi.id).getByTestId("queue-resubmitted").count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Terapkan" }).count()).resolves.toBe(0);
    await screenshot(page, "console-desk-queue-1280");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Searching by the NIK as printed on the card finds that one file, as the operator types.
    await page.getByLabel("Nama, NIK, nomor lacak atau nomor berkas").fill("3171 0152 0390 0003");
    await expect.poll(() => page.getByTestId("queue-row").count()).toBe(1);
    await rowOf(page, rina.id).waitFor();
    await page.getByLabel("Nama, NIK, nomor lacak atau nomor berkas").fill("");
    await expect.poll(() => page.getByTestId("queue-row").count()).toBe(3);

    // The resubmitted file: what was sent back, by whom and why, what changed, and the untouched papers pre-accepted.
    await rowOf(page, siti.id).getByRole("link").click();
    await page.waitForURL(new RegExp(`/konsol/berkas/${siti.id}$`));
    const sentBack = page.getByTestId("sent-back");
    await sentBack.getByText("KTP-el pemohon: Foto buram atau gelap — Foto KTP buram").waitFor();
    await sentBack.getByText(/Dikembalikan .* oleh Petugas Gambir/).waitFor();
    await sentBack.getByText("Diganti: foto KTP-el pemohon").waitFor();
    await expect(sentBack.getByTestId("changes").locator("li").count()).resolves.toBe(1);
    await page.getByTestId("earlier-reason-ktp-el").getByText("Foto KTP buram", { exact: false }).waitFor();
    await expect(page.getByTestId("req-accept-pengantar-rt-rw").isChecked()).resolves.toBe(true);
    await expect(page.getByTestId("req-accept-kartu-keluarga").isChecked()).resolves.toBe(true);
    await expect(page.getByTestId("req-accept-ktp-el").isChecked()).resolves.toBe(false);
    await expect(page.getByTestId("req-fix-ktp-el").isChecked()).resolves.toBe(false);
    await page
      .getByRole("heading", { name: "Riwayat" })
      .locator("..")
      .getByText(/Diajukan ulang → Diajukan/)
      .waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "console-desk-review-1280");
    // One choice of decision, only those the workflow allows for a submitted file; no reason list yet.
    const choices = page.getByRole("group", { name: "Keputusan", exact: true }).getByRole("radio");
    await expect(choices.count()).resolves.toBe(3);
    await page.getByRole("radio", { name: "Lengkap/diverifikasi" }).waitFor();
    await expect(page.getByRole("radio", { name: "Disetujui" }).count()).resolves.toBe(0);
    await expect(page.getByTestId("overall-reason").count()).resolves.toBe(0);
    await page.getByRole("radio", { name: "Ditolak" }).check();
    await page.getByLabel("Alasan penolakan").waitFor();
    await screenshot(page, "console-desk-decision-1280");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Verified in one step from "submitted"; the next file of the queue opens and says why.
    await page.getByTestId("req-accept-ktp-el").check();
    await page.getByRole("radio", { name: "Lengkap/diverifikasi" }).check();
    await expect(page.getByTestId("overall-reason").count()).resolves.toBe(0);
    await page.getByTestId("submit-verdict").click();
    await page.getByTestId("desk-notice").getByText("Keputusan tersimpan — berkas berikutnya").waitFor();
    await page.waitForURL(new RegExp(`/konsol/berkas/(${budi.id}|${rina.id})$`));
    await page.getByTestId("application-status").getByText("Diajukan").waitFor();
    const history = await fetch(`${env.server.url}/api/console/applications/${siti.id}`, {
      headers: { Cookie: operatorCookie },
    }).then((response) => response.json() as Promise<{ status: string; history: { kind: string }[] }>);
    expect(history.status).toBe("verified");
    expect(history.history.slice(-2).map((event) => event.kind)).toEqual(["received", "verdict"]);
    await screenshot(page, "console-desk-next-file-1280");

    // Back at the queue, the filters kept; a status picked applies without any button.
    await page.getByRole("link", { name: "Kembali ke antrean" }).click();
    await expect.poll(() => page.getByTestId("queue-row").count()).toBe(2);
    await page.getByLabel("Status").selectOption("verified");
    await expect.poll(() => page.getByTestId("queue-row").count()).toBe(1);
    await rowOf(page, siti.id).waitFor();

    // On a phone the same screens still read: the resubmission's card stacks above the file.
    await page.setViewportSize({ width: 360, height: 740 });
    await screenshot(page, "console-desk-queue-360");
    await rowOf(page, siti.id).getByRole("link").click();
    await page.getByTestId("sent-back").getByText("Diganti: foto KTP-el pemohon").waitFor();
    await screenshot(page, "console-desk-review-360", { fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
