import { mkdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { rawRun } from "../../server/db/raw";
import {
  ComplaintDetail,
  type ComplaintListItem,
  MAX_REPORTER_CONTACT,
  MAX_REPORTER_NAME,
  MAX_TRACKING_INPUT,
} from "../../shared/api/complaints";
import { parseTrackingNumber } from "../../shared/tracking/number";
import { isComplaintNumber } from "../../shared/tracking/prefix";
import { sessionCookie } from "../helpers/accounts";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, waitForServiceWorker } from "../helpers/browser";
import { newUser, signIn } from "../helpers/cadre-ui";
import { makeImage } from "../helpers/draft-ui";
import { horizontalOverflow, smallTapTargets } from "../helpers/small-screen";

vi.setConfig({ testTimeout: 300_000 });

/**
 * A complaint filled in offline on the cadre's phone, queued, sent when the
 * signal returns; a complaint handler reads it in the console API; the
 * citizen follows it by its number on /lacak, reads the office's answer,
 * and still reads it offline.
 */
const env = useAppAndBrowser();
const SHOTS = process.env.MASDARIN_SHOTS ?? "/tmp/shots-c";
mkdirSync(SHOTS, { recursive: true });

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}

async function consoleApi(cookie: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${env.server.url}/api/console/complaints${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json", Origin: env.server.url },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe("complaints on the phone", () => {
  it("is queued offline on the cadre's phone, sent online, read by a handler, and followed by the citizen on /lacak", async () => {
    const cadre = await newUser(env.server.db, "cadre", { kecamatanCode: "31.75.07" });
    const handler = await newUser(env.server.db, "operator", { kecamatanCode: "31.75.07" });
    await rawRun(env.server.db, sql`UPDATE users SET handles_complaints = 1 WHERE id = ${handler.id}`);
    const cookie = await sessionCookie(env.server.db, handler.id);

    const phone = await env.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await signIn(page, env.server.url, cadre.username);
    await page.goto(`${env.server.url}/pengaduan`);
    await page.getByRole("heading", { level: 1, name: "Sampaikan pengaduan" }).waitFor();
    await phone.setOffline(true);

    // Submitting empty names every problem in Indonesian and focuses the first.
    await page.getByRole("button", { name: "Kirim pengaduan" }).click();
    await expect
      .poll(() => page.getByTestId("complaint-problems").textContent())
      .toBe("Periksa lagi: 2 isian perlu diperbaiki.");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("complaint-what");
    await page.getByLabel("Apa yang terjadi?").fill("Petugas loket meminta uang Rp 50.000 untuk mempercepat surat.");
    await page.getByLabel("Jenis pengaduan").selectOption("biaya");
    await page.getByLabel("Layanan yang diurus (boleh dikosongkan)").selectOption("surat-keterangan-domisili");
    await page.getByLabel("Jumlah yang diminta (Rp)").fill("50000");
    await expect
      .poll(() => page.getByTestId("official-fee").textContent())
      .toMatch(/^Yang diminta: Rp\s50\.000 · Tarif resmi: Gratis \(Rp\s0\)$/);
    // The inputs stop where the server's schema does (shared/api/complaints.ts).
    for (const [id, max] of [
      ["#complaint-name", MAX_REPORTER_NAME],
      ["#complaint-contact", MAX_REPORTER_CONTACT],
      ["#complaint-number", MAX_TRACKING_INPUT],
    ] as const) {
      expect(await page.locator(id).getAttribute("maxlength")).toBe(String(max));
    }
    // The cadre's kecamatan is the place already.
    expect(await page.locator("#complaint-district").inputValue()).toBe("31.75.07");
    // A signed-in cadre may add evidence photos; prepared on the phone, uploaded before the complaint goes.
    const photo = await makeImage(page, 1200, 900, "image/jpeg");
    await page
      .getByText("Tambah foto")
      .locator("input")
      .setInputFiles({ name: "bukti.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByRole("img", { name: "Foto bukti 1" }).waitFor({ timeout: 30_000 });
    // Anonim clears the name, the contact and the photos (their uploader's account would name the sender)
    // and says why; the file number only routes the complaint.
    await page.getByRole("switch", { name: /Anonim/ }).check();
    expect(await page.getByLabel("Nama (boleh dikosongkan)").count()).toBe(0);
    expect(await page.getByRole("img", { name: "Foto bukti 1" }).count()).toBe(0);
    expect(await page.getByText("Tambah foto").count()).toBe(0);
    expect(await page.getByTestId("evidence-anonymous").textContent()).toContain("tidak membawa foto bukti");
    expect(await page.getByTestId("complaint-number-anonymous").textContent()).toContain("tidak disimpan");
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, "complaint-form-anonymous", true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Not anonymous again: the photo is added again and goes with the complaint (the cadre is the reporter).
    await page.getByRole("switch", { name: /Anonim/ }).uncheck();
    expect(await page.getByTestId("evidence-anonymous").count()).toBe(0);
    await page
      .getByText("Tambah foto")
      .locator("input")
      .setInputFiles({ name: "bukti.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByRole("img", { name: "Foto bukti 1" }).waitFor({ timeout: 30_000 });
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, "complaint-form", true);
    expect(await smallTapTargets(page)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Kirim pengaduan" }).click();
    const state = page.getByTestId("voice-state");
    await expect.poll(() => state.getAttribute("data-state")).toBe("pending");
    expect(await state.textContent()).toContain("Tersimpan di HP, akan dikirim saat ada sinyal.");
    await shot(page, "complaint-queued");

    // Queued in IndexedDB only: nothing personal in localStorage or the address.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain("Petugas loket");
    expect(page.url()).toBe(`${env.server.url}/pengaduan`);

    // Signal back: sent, and the number shows big.
    await phone.setOffline(false);
    await page.getByTestId("complaint-number").waitFor({ timeout: 60_000 });
    const number = (await page.getByTestId("complaint-number").textContent()) ?? "";
    expect(isComplaintNumber(number)).toBe(true);
    expect(parseTrackingNumber(number)).toEqual({ ok: true, number });
    await shot(page, "complaint-accepted");
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The text left the phone with it.
    const leftover = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const open = indexedDB.open("masdarin-suara");
          open.onsuccess = () => {
            const all = open.result.transaction("items").objectStore("items").getAll();
            all.onsuccess = () => resolve(JSON.stringify(all.result));
          };
        }),
    );
    expect(leftover).not.toContain("Petugas loket");
    expect(leftover).toContain(number);

    // The handler sees it, once.
    const listed = await consoleApi(cookie, "");
    const queue = (await listed.json()) as { items: ComplaintListItem[] };
    expect(listed.status, JSON.stringify(queue)).toBe(200);
    const mine = queue.items.filter((item) => item.number === number);
    expect(mine).toHaveLength(1);
    const item = mine[0] as ComplaintListItem;
    expect(item).toMatchObject({ category: "biaya", anonymous: false, amountAsked: 50000, officialFee: 0 });
    const detail = ComplaintDetail.parse(await (await consoleApi(cookie, `/${item.id}`)).json());
    expect(detail.description).toBe("Petugas loket meminta uang Rp 50.000 untuk mempercepat surat.");
    expect(detail.reporter?.name ?? null).toBeNull();
    expect(detail.evidence).toHaveLength(1);

    // The citizen on their own phone follows the number on /lacak.
    const citizen = await env.browser.newContext(PHONE);
    const own = await citizen.newPage();
    await own.goto(env.server.url);
    await waitForServiceWorker(own);
    await own.goto(`${env.server.url}/lacak`);
    await own.getByLabel("Nomor berkas").fill(number.toLowerCase().replaceAll("-", ""));
    await own.getByRole("button", { name: "Cek status" }).click();
    await own.waitForURL(new RegExp(`/lacak/${number}$`));
    await expect.poll(() => own.getByTestId("lacak-status").textContent()).toBe("Diterima");
    expect(await own.getByRole("heading", { level: 1 }).textContent()).toBe(`Nomor pengaduan ${number}`);
    expect(await own.getByTestId("lacak-answer").textContent()).toContain("Kantor belum menjawab");
    expect(await own.locator("body").textContent()).not.toContain("Petugas loket");

    // The handler answers; the citizen refreshes and reads it.
    const answer = "Petugas yang bersangkutan sudah ditegur dan uang dikembalikan. Layanan ini gratis.";
    const moved = await consoleApi(cookie, `/${item.id}/move`, { version: detail.version, status: "done", answer });
    expect(moved.status).toBe(200);
    await own.getByRole("button", { name: "Perbarui" }).click();
    await expect.poll(() => own.getByTestId("lacak-status").textContent()).toBe("Selesai");
    expect(await own.getByTestId("lacak-answer").textContent()).toContain(answer);
    expect(await own.getByTestId("lacak-steps").locator("li").count()).toBeGreaterThanOrEqual(2);
    expect(await horizontalOverflow(own)).toBe(0);
    await shot(own, "complaint-status", true);
    expect(await smallTapTargets(own)).toEqual([]);
    expect(await seriousA11yViolations(own)).toEqual([]);

    // Offline, a reload still shows the answer, with when it was last updated.
    await citizen.setOffline(true);
    await own.reload();
    await expect.poll(() => own.getByTestId("lacak-status").textContent()).toBe("Selesai");
    expect(await own.getByTestId("lacak-answer").textContent()).toContain(answer);
    expect(await own.getByTestId("lacak-updated").textContent()).toMatch(/^Terakhir diperbarui/);
    await shot(own, "complaint-status-offline");

    // The cadre's phone kept the number in its /lacak list too.
    await page.goto(`${env.server.url}/lacak`);
    await expect.poll(() => page.getByTestId("saved-number").first().textContent()).toContain(number);
    await shot(page, "lacak-saved-complaint");
    await citizen.close();
    await phone.close();
  });
});
