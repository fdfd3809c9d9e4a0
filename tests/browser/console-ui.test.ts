import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { v7 as uuidv7 } from "uuid";
import { describe, expect, it, vi } from "vitest";
import { files, guideDrafts, users } from "../../server/db/schema";
import { storedFilePath } from "../../server/files/photo-store";
import { Draft } from "../../shared/draft";
import { sessionCookie } from "../helpers/accounts";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { newUser, signIn } from "../helpers/cadre-ui";
import { mutation } from "../helpers/drafts";

vi.setConfig({ testTimeout: 180_000 });

const env = useAppAndBrowser();
const KECAMATAN = "31.71.01";
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCsp(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

async function operatorPage(browser: Browser, options: typeof PHONE | typeof DESKTOP = DESKTOP) {
  const operator = await newUser(env.server.db, "operator", { kecamatanCode: KECAMATAN });
  const context = await browser.newContext(options);
  await watchCsp(context);
  const page = await context.newPage();
  await signIn(page, env.server.url, operator.username, /\/konsol$/);
  return { context, page, operator };
}

/** A JPEG made by the browser, stored as an uploaded page; returns its hash. */
async function storePhoto(page: Page, width: number, text: string): Promise<string> {
  const base64 = await page.evaluate(
    ({ width, text }) => {
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = Math.round(width * 0.63);
      const ctx = canvas.getContext("2d");
      if (!ctx) throw new Error("no 2d context");
      ctx.fillStyle = "#e8efe9";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.fillStyle = "#0b5d4b";
      ctx.font = "bold 64px sans-serif";
      ctx.fillText(text, 40, 120);
      return canvas.toDataURL("image/jpeg", 0.8).split(",")[1] ?? "";
    },
    { width, text },
  );
  const bytes = Buffer.from(base64, "base64");
  const hash = createHash("sha256").update(bytes).digest("hex");
  const path = storedFilePath(env.server.filesDir, hash);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return hash;
}

/** A cadre submits a complete domisili file through the real push, with real photos. */
async function submitApplication(page: Page): Promise<string> {
  const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: KECAMATAN, displayName: "Kader Gambir" });
  const cookie = await sessionCookie(env.server.db, cadre.id);
  const now = new Date().toISOString();
  const pages: Record<string, { sha: string; bytes: number }> = {};
  for (const [requirement, label] of [
    ["pengantar-rt-rw", "PENGANTAR RT/RW"],
    ["ktp-el", "KTP-EL"],
    ["kartu-keluarga", "KARTU KELUARGA"],
  ] as const) {
    // 1600 × 1008: readable (a long edge of 1,000 px at least), and declared as stored, as a submit requires.
    const hash = await storePhoto(page, 1600, label);
    pages[requirement] = { sha: hash, bytes: 1000 };
  }
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
  const page1 = (requirement: string) => ({
    blobId: uuidv7(),
    sha256: pages[requirement]?.sha,
    mime: "image/jpeg" as const,
    bytes: pages[requirement]?.bytes ?? 1,
    width: 1600,
    height: 1008,
    addedAt: now,
  });
  const draft = Draft.parse({
    id: uuidv7(),
    guideId: "surat-keterangan-domisili",
    guideVersion: 1,
    applicant: {
      fullName: "Siti Aminah",
      nik: "3171015203900001",
      birthDate: "1990-03-12",
      sex: "female",
      phone: "081234567890",
      address: { street: "Jl. Kebon Sirih 5", rt: "3", rw: "5", villageCode: "31.71.01.1001" },
    },
    answers: { pendatang: false, menumpang: false, diwakilkan: false },
    documents: {
      "pengantar-rt-rw": { pages: [page1("pengantar-rt-rw")], issuedOn: today },
      "ktp-el": { pages: [page1("ktp-el")] },
      "kartu-keluarga": { pages: [page1("kartu-keluarga")] },
    },
    // Picked by the cadre: domisili takes only residents of the office's kelurahan.
    officeAreaCode: "31.71.01.1001",
    status: "ready",
    createdAt: now,
    updatedAt: now,
  });
  for (const document of Object.values(draft.documents)) {
    for (const p of document.pages) {
      await env.server.db
        .insert(files)
        .values({
          sha256: p.sha256 ?? "",
          bytes: p.bytes,
          mime: p.mime,
          width: p.width ?? null,
          height: p.height ?? null,
          uploadedBy: cadre.id,
          createdAt: now,
        })
        .onConflictDoNothing();
    }
  }
  const response = await fetch(`${env.server.url}/api/sync/push`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ clientId: uuidv7(), mutations: [mutation(1, "submitApplication", { draft })] }),
  });
  expect(response.status).toBe(200);
  return draft.id;
}

describe("operator console", () => {
  it("sends an operator to /konsol after sign-in, and refuses anonymous visitors with a way to sign in", async () => {
    const { context, page } = await operatorPage(env.browser, PHONE);
    await page.getByRole("navigation", { name: "Menu konsol" }).waitFor();
    await page.getByText(/Masuk sebagai Petugas PTSP \(operator\)/).waitFor();
    for (const name of ["Antrean", "Dasbor", "Panduan", "Akun", "Log audit"]) {
      await expect(
        page.getByRole("navigation", { name: "Menu konsol" }).getByRole("link", { name }).count(),
      ).resolves.toBe(1);
    }
    await context.close();

    const anonymous = await env.browser.newContext(PHONE);
    const anonymousPage = await anonymous.newPage();
    await anonymousPage.goto(`${env.server.url}/konsol`);
    await anonymousPage.getByText("Konsol ini hanya untuk operator dan admin kantor.", { exact: false }).waitFor();
    await expect(anonymousPage.getByRole("link", { name: "Masuk" }).last().getAttribute("href")).resolves.toBe(
      "/masuk?ke=konsol",
    );
    await screenshot(anonymousPage, "console-anonymous-360");
    await anonymous.close();
  });

  it("never loads the console's code on a cadre's phone, neither on the home screen nor into the offline cache", async () => {
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    });
    const loaded = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
    expect(cached.length).toBeGreaterThan(5);
    expect(cached.filter((url) => url.includes("ConsoleApp-"))).toEqual([]);
    expect(loaded.filter((url) => url.includes("ConsoleApp-"))).toEqual([]);
    expect(requested.filter((url) => url.includes("ConsoleApp-"))).toEqual([]);
    // Sanity: the same browser does fetch it on /konsol.
    await page.goto(`${env.server.url}/konsol`);
    await page.getByText("Konsol ini hanya untuk operator", { exact: false }).waitFor();
    expect(requested.some((url) => url.includes("ConsoleApp-"))).toBe(true);
    await context.close();
  });

  it("saves a guide draft and shows the server's per-field error next to the field", async () => {
    const { context, page } = await operatorPage(env.browser);
    await page.goto(`${env.server.url}/konsol/panduan`);
    await page.getByTestId("guide-row").first().waitFor();
    await screenshot(page, "console-guides-1280");
    await page.getByLabel("Kode layanan baru (huruf kecil dan tanda hubung)").fill("surat-uji-konsol");
    await page.getByRole("button", { name: "Panduan baru" }).click();
    await page.waitForURL(/\/konsol\/panduan\/surat-uji-konsol$/);
    await page.getByLabel("Judul (Bahasa Indonesia)").fill("Surat Uji Konsol");
    await page.getByTestId("save-draft").click();
    await page.getByText(/Rancangan tersimpan, tetapi belum bisa diterbitkan/).waitFor();
    // The English title is still empty: its error sits right under its input.
    const titleEn = page.locator("#g-title-en");
    await expect(titleEn.getAttribute("aria-invalid")).resolves.toBe("true");
    await page.locator("#g-title-en-error").waitFor();
    await expect(page.locator(".field.has-error #g-title-en").count()).resolves.toBe(1);
    const [stored] = await env.server.db
      .select()
      .from(guideDrafts)
      .where(eq(guideDrafts.id, "surat-uji-konsol"))
      .limit(1);
    expect(stored).toBeTruthy();
    expect(JSON.stringify(stored)).toContain("Surat Uji Konsol");
    await screenshot(page, "console-guide-editor-1280");
    await context.close();

    // An existing guide shows its preview as a cadre sees it.
    const phone = await operatorPage(env.browser, PHONE);
    await phone.page.goto(`${env.server.url}/konsol/panduan/surat-keterangan-domisili`);
    await phone.page.getByRole("button", { name: "Pratinjau (seperti dilihat kader)" }).click();
    await phone.page.getByTestId("guide-preview").waitFor();
    await screenshot(phone.page, "console-guide-editor-360");
    expect(await cspViolations(phone.page)).toEqual([]);
    await phone.context.close();
  });

  it("edits the rules a file is checked against: page rule, statement text with its co-signers, and eligibility", async () => {
    const { context, page } = await operatorPage(env.browser);
    await page.goto(`${env.server.url}/konsol/panduan/akta-kelahiran`);
    // Eligibility rules are a form: the rule's date is picked from the guide's own data requirements.
    const ruleDate = page.locator(
      '#sec-eligibility select[id$="-date"] option[value="data.tanggal-lahir-anak"]:checked',
    );
    await expect.poll(() => ruleDate.count()).toBeGreaterThan(0);
    await page.goto(`${env.server.url}/konsol/panduan/surat-keterangan-domisili`);
    const kuasa = page
      .locator("fieldset.acceptance")
      .filter({ hasText: "Teks surat pernyataan yang dicetak aplikasi" });
    await expect.poll(() => kuasa.count()).toBeGreaterThan(0);
    const body = kuasa.first().getByLabel("Isi pernyataan (Bahasa Indonesia)");
    expect(await body.inputValue()).toMatch(/\S/);
    await kuasa.first().scrollIntoViewIfNeeded();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, "console-guide-statement-1280");
    await context.close();
  });

  it("renders the dashboard's chart with no CSP violation", async () => {
    for (const [options, name] of [
      [DESKTOP, "console-dashboard-1280"],
      [PHONE, "console-dashboard-360"],
    ] as const) {
      const { context, page } = await operatorPage(env.browser, options);
      await page.goto(`${env.server.url}/konsol/dasbor`);
      await page.locator('[data-testid="dashboard-chart"] canvas').waitFor();
      await page.getByTestId("dash-submitted").waitFor();
      // The comma file and the semicolon one for Excel under Indonesian settings.
      await expect(page.locator('a[href="/api/console/dashboard/by-service.csv"]').count()).resolves.toBe(1);
      const excel = page.locator('a[href="/api/console/dashboard/by-service.csv?sep=semicolon"]');
      await expect(excel.count()).resolves.toBe(1);
      // uPlot styled its elements through the CSSOM: sizes are set, and nothing was blocked.
      const canvasWidth = await page.locator('[data-testid="dashboard-chart"] canvas').evaluate((c) => c.clientWidth);
      expect(canvasWidth).toBeGreaterThan(100);
      await screenshot(page, name, { fullPage: true });
      expect(await cspViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it("creates a cadre from the cadre list", async () => {
    const { context, page } = await operatorPage(env.browser, PHONE);
    await page.goto(`${env.server.url}/konsol/kader`);
    const username = `kaderbaru${Date.now() % 100000}`;
    await page.getByLabel("Nama pengguna").fill(username);
    await page.getByLabel("Nama", { exact: true }).fill("Kader Baru Gambir");
    await page.getByLabel("Kata sandi (min. 10 karakter)").fill("kata-sandi-baru-1");
    await page.getByLabel("Kelurahan").selectOption("31.71.01.1001");
    await page.getByTestId("create-account").click();
    await page.getByText("Akun kader dibuat: Kader Baru Gambir.").waitFor();
    const row = page.locator(`[data-testid="cadre-row"][data-username="${username}"]`);
    await row.waitFor();
    const [created] = await env.server.db.select().from(users).where(eq(users.username, username)).limit(1);
    expect(created?.role).toBe("cadre");
    expect(created?.kecamatanCode).toBe(KECAMATAN);
    expect(created?.kelurahanCode).toBe("31.71.01.1001");
    await row.getByRole("button").first().click();
    await row.getByRole("heading", { name: "Perangkat yang masuk" }).waitFor();
    await screenshot(page, "console-cadres-360", { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(page, "console-cadres-1280");
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it("shows a submitted file in the queue and takes a verdict on it", async () => {
    const { context, page } = await operatorPage(env.browser);
    const id = await submitApplication(page);
    await page.goto(`${env.server.url}/konsol`);
    const row = page.locator(`[data-testid="queue-row"][data-id="${id}"]`);
    await row.waitFor();
    await screenshot(page, "console-queue-1280");
    await row.getByRole("link").click();
    await page.waitForURL(new RegExp(`/konsol/berkas/${id}$`));
    // No separate "receive" trip: the requirements and the decision are there at once.
    await page.getByTestId("req-verdict-ktp-el").waitFor();
    await page
      .locator('[data-testid="photo-ktp-el-0"] img')
      .evaluate((img: HTMLImageElement) =>
        img.complete && img.naturalWidth > 0 ? null : new Promise((done) => img.addEventListener("load", done)),
      );
    await page.getByRole("button", { name: "Putar: KTP-el pemohon, halaman 1" }).click();
    await expect(page.locator('[data-testid="photo-ktp-el-0"] img').getAttribute("data-rotation")).resolves.toBe("90");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "console-application-1280");
    await page.getByTestId("req-fix-ktp-el").check();
    await page.getByTestId("req-reason-ktp-el").selectOption("blurry");
    await expect(page.getByTestId("decision-needs-fix").isChecked()).resolves.toBe(true);
    await page.getByTestId("submit-verdict").click();
    await page.getByText("Keputusan terkirim. Tidak ada berkas lain di antrean ini.").waitFor();
    await page.getByTestId("application-status").getByText("Perlu diperbaiki").waitFor();
    expect(await cspViolations(page)).toEqual([]);
    await context.close();

    const phone = await operatorPage(env.browser, PHONE);
    await phone.page.goto(`${env.server.url}/konsol`);
    await phone.page.getByTestId("queue-count").waitFor();
    await screenshot(phone.page, "console-queue-360");
    await phone.page.goto(`${env.server.url}/konsol/berkas/${id}`);
    await phone.page.getByTestId("server-precheck").waitFor();
    await screenshot(phone.page, "console-application-360");
    await phone.page.goto(`${env.server.url}/konsol/audit`);
    await phone.page.getByTestId("audit-table").locator("tbody tr").first().waitFor();
    await screenshot(phone.page, "console-audit-360");
    await phone.page.setViewportSize({ width: 1280, height: 800 });
    await screenshot(phone.page, "console-audit-1280");
    await phone.context.close();
  });
});
