import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { users } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { screenshot } from "../helpers/browser";
import { newUser, signIn } from "../helpers/cadre-ui";

vi.setConfig({ testTimeout: 180_000 });

/**
 * Issue 10, point 10: an admin creates an operator from the console, the
 * kecamatan chosen from the official list, and a refused form says which
 * field is wrong, at that field.
 */

const env = useAppAndBrowser();
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: "id-ID", timezoneId: "Asia/Jakarta" } as const;
const DUREN_SAWIT = "31.75.07";
const CAKUNG = "31.75.06";

async function signInWith(page: Page, username: string, password: string): Promise<void> {
  await page.goto(`${env.server.url}/masuk?ke=konsol`);
  await page.getByLabel("Nama pengguna").fill(username);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.waitForURL(/\/konsol$/);
}

async function adminOnPeopleScreen(browser: Browser): Promise<Page> {
  const admin = await newUser(env.server.db, "admin", { displayName: "Admin Pusat" });
  const page = await (await browser.newContext(DESKTOP)).newPage();
  await signIn(page, env.server.url, admin.username, /\/konsol$/);
  await page.getByRole("link", { name: "Akun" }).click();
  await page.waitForURL(/\/konsol\/akun$/);
  await page.getByRole("heading", { level: 1, name: "Akun" }).waitFor();
  return page;
}

describe("people screen of the console", () => {
  it("lets an admin create an operator of a kecamatan picked from the list, who then signs in to that kecamatan only", async () => {
    const ownCadre = await newUser(env.server.db, "cadre", {
      kecamatanCode: DUREN_SAWIT,
      displayName: "Kader Klender",
    });
    const otherCadre = await newUser(env.server.db, "cadre", { kecamatanCode: CAKUNG, displayName: "Kader Cakung" });
    const page = await adminOnPeopleScreen(env.browser);
    // An admin sees operators and cadres of every kecamatan.
    await page.locator(`[data-testid="cadre-row"][data-username="${otherCadre.username}"]`).waitFor();
    await screenshot(page, "console-people-1280");
    expect(await seriousA11yViolations(page)).toEqual([]);

    const form = page.locator("form", { has: page.getByRole("heading", { name: "Tambah akun" }) });
    await form.getByRole("radio", { name: "Operator kecamatan" }).check();
    // A fixed name: the test reads the same on every run (nothing else in this file creates it).
    const username = "petugas.durensawit";
    await form.getByLabel("Nama pengguna").fill(username);
    await form.getByLabel("Nama", { exact: true }).fill("Petugas Duren Sawit");
    await form.getByRole("button", { name: "Buat kata sandi acak" }).click();
    const password = await form.getByLabel("Kata sandi (min. 10 karakter)").inputValue();
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);

    const kecamatan = form.getByRole("combobox", { name: "Kecamatan" });
    await kecamatan.fill("duren");
    const options = page.getByRole("listbox", { name: "Kecamatan di DKI Jakarta" }).getByRole("option");
    await expect.poll(() => options.allTextContents()).toEqual(["Duren Sawit (31.75.07) · Jakarta Timur"]);
    await screenshot(page, "console-people-kecamatan-picker-1280");
    await options.first().click();
    expect(await kecamatan.inputValue()).toBe("Duren Sawit (31.75.07)");
    await form.getByTestId("create-account").click();

    await page.getByText("Akun operator dibuat: Petugas Duren Sawit.").waitFor();
    // The generated password is shown this once, to be handed over.
    expect(await page.getByTestId("initial-password").locator("code").textContent()).toBe(password);
    await screenshot(page, "console-people-created-1280");
    // The form starts over for the next account, the kecamatan too.
    expect(await kecamatan.inputValue()).toBe("");
    await page.locator(`[data-testid="operator-row"][data-username="${username}"]`).waitFor();
    const [stored] = await env.server.db.select().from(users).where(eq(users.username, username)).limit(1);
    expect(stored).toMatchObject({ role: "operator", kecamatanCode: DUREN_SAWIT, kelurahanCode: null });

    // The new operator, on their own PC: their kecamatan's cadres, and cadres are all they may add.
    const operatorPage = await (await env.browser.newContext(DESKTOP)).newPage();
    await signInWith(operatorPage, username, password);
    await operatorPage.getByText("Kecamatan Duren Sawit", { exact: false }).first().waitFor();
    await operatorPage.goto(`${env.server.url}/konsol/akun`);
    await operatorPage.getByRole("heading", { level: 1, name: "Akun Kecamatan Duren Sawit" }).waitFor();
    await operatorPage.locator(`[data-testid="cadre-row"][data-username="${ownCadre.username}"]`).waitFor();
    expect(
      await operatorPage.locator('[data-testid$="-row"]').evaluateAll((rows) => rows.map((r) => r.dataset.username)),
    ).toEqual([ownCadre.username]);
    expect(await operatorPage.getByRole("radio").count()).toBe(0);
    expect(await operatorPage.getByRole("combobox", { name: "Kecamatan" }).count()).toBe(0);
    await operatorPage.getByRole("heading", { name: "Tambah kader" }).waitFor();
    await operatorPage.getByText("Akun baru masuk Kecamatan Duren Sawit.").waitFor();
    await screenshot(operatorPage, "console-people-operator-1280");
    expect(await seriousA11yViolations(operatorPage)).toEqual([]);
    await operatorPage.context().close();
    await page.context().close();
  });

  it("shows a taken username at the username field, marked invalid and focused", async () => {
    const taken = await newUser(env.server.db, "operator", { kecamatanCode: CAKUNG });
    const page = await adminOnPeopleScreen(env.browser);
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Tambah akun" }) });
    await form.getByRole("radio", { name: "Operator kecamatan" }).check();
    await form.getByLabel("Nama pengguna").fill(taken.username);
    await form.getByLabel("Nama", { exact: true }).fill("Petugas Kembar");
    await form.getByLabel("Kata sandi (min. 10 karakter)").fill("kata-sandi-kembar-1");
    // Chosen with the keyboard this time: arrows and Enter, which must not submit the form.
    const kecamatan = form.getByRole("combobox", { name: "Kecamatan" });
    await kecamatan.fill("cakung");
    await kecamatan.press("ArrowDown");
    await kecamatan.press("Enter");
    expect(await kecamatan.inputValue()).toBe("Cakung (31.75.06)");
    await form.getByTestId("create-account").click();

    const field = form.getByLabel("Nama pengguna");
    await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.evaluate((input) => input === document.activeElement)).toBe(true);
    const message = page.locator(`#${await field.getAttribute("aria-describedby")}`);
    expect(await message.textContent()).toBe("Nama pengguna ini sudah dipakai. Pilih nama lain.");
    // Only the wrong field is marked; the rest of the form keeps what was typed.
    expect(await form.locator('[aria-invalid="true"]').count()).toBe(1);
    expect(await kecamatan.inputValue()).toBe("Cakung (31.75.06)");
    await screenshot(page, "console-people-error-1280");
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The console's language decides the words, not the language the refusal came in.
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => message.textContent()).toBe("This username is taken. Choose another one.");
    expect(
      (await env.server.db.select().from(users).where(eq(users.displayName, "Petugas Kembar")).limit(1))[0],
    ).toBeUndefined();
    await page.context().close();
  });
});
