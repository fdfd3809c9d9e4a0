import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applications } from "../../server/db/schema";
import { DIST_DIR } from "../helpers/app-server";
import { CHROMIUM, CHROMIUM_ARGS, PHONE, waitForServiceWorker } from "../helpers/browser";
import { newUser } from "../helpers/cadre-ui";
import { buildOldVersion, PLAINTEXT_COMMIT, startSwitchableServer } from "../helpers/old-version";
import { dumpStorage, findBytes, findText, inventory, plaintextPageBytes, readRows } from "../helpers/raw-idb";
import {
  choosePin,
  distinctivePdf,
  lockScreen,
  makePersonDraft,
  type Person,
  PIN,
  passwordSignIn,
  person,
  typePin,
} from "../helpers/vault-ui";

/**
 * Issue 15, proof: "the upgrade from the current plaintext database keeps
 * every draft". The version before the vault (PLAINTEXT_COMMIT) is built and
 * served; a cadre works with it (files sent, files waiting offline); then the
 * same origin serves this version and the same browser profile opens it.
 */
vi.setConfig({ testTimeout: 600_000, hookTimeout: 300_000 });

type Server = Awaited<ReturnType<typeof startSwitchableServer>>;
let server: Server;
let oldDist: string;
let profileDir: string;
/** The open phone, closed by afterAll when a test fails half-way. */
let phone: BrowserContext | undefined;

beforeAll(async () => {
  oldDist = buildOldVersion();
  server = await startSwitchableServer(oldDist);
  profileDir = mkdtempSync(join(tmpdir(), "masdarin-upgrade-profile-"));
});
afterAll(async () => {
  await phone?.close().catch(() => undefined);
  await server?.stop();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true, maxRetries: 5 });
});

/** The phone: one Chromium profile on disk, closed and opened again like a phone's browser. */
async function openPhone(): Promise<BrowserContext> {
  phone = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    ...PHONE,
  });
  return phone;
}

async function serverRow(id: string) {
  return (await server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
}

/** Every file the server stored, by its SHA-256 (filesDir/ab/abcd…). */
function storedOnServer(): Set<string> {
  const found = new Set<string>();
  if (!existsSync(server.filesDir)) return found;
  for (const dir of readdirSync(server.filesDir)) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const file of readdirSync(join(server.filesDir, dir))) found.add(file);
  }
  return found;
}

/** Files of a directory tree holding `needle` (a copy of the browser profile, read byte by byte). */
function filesHolding(root: string, needle: Buffer): string[] {
  const hits: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const info = statSync(path, { throwIfNoEntry: false });
      if (!info) continue;
      if (info.isDirectory()) walk(path);
      else if (info.isFile() && info.size < 200 * 1024 * 1024 && readFileSync(path).includes(needle))
        hits.push(path.slice(root.length));
    }
  };
  walk(root);
  return hits;
}

interface Made {
  id: string;
  who: Person;
  pages: number;
  sent: boolean;
}

/**
 * A file's fields as its page shows them, opened from the list inside the app: a full page load would
 * start the app again, locked.
 */
async function draftFields(page: Page, id: string, sent: boolean) {
  await page.locator(`a[href="/berkas/${id}"]`).first().click();
  await page.waitForURL(new RegExp(`/berkas/${id}$`));
  await page.getByLabel("Nama lengkap (sesuai KTP)").waitFor();
  // The office's side of a sent file is read after the draft (use-office-view.ts): wait for it, not for time.
  if (sent) await expect.poll(() => page.getByTestId("draft-status").textContent()).toBe("Terkirim");
  const shown = {
    fullName: await page.getByLabel("Nama lengkap (sesuai KTP)").inputValue(),
    nik: await page.getByLabel("NIK (16 angka)").inputValue(),
    kk: await page.getByLabel("Nomor KK (16 angka)").inputValue(),
    street: await page.getByLabel("Alamat (jalan, nomor rumah)").inputValue(),
    phone: await page.getByLabel("Nomor HP").inputValue(),
    pages: await page.locator(".requirement-card .pages > li").count(),
    status: await page.getByTestId("draft-status").textContent(),
  };
  await page.locator("a.back-link").click();
  await page.waitForURL(/\/berkas$/);
  return shown;
}

describe(`upgrade from the plaintext version (${PLAINTEXT_COMMIT})`, () => {
  it("keeps every draft, page and waiting change, asks the password once then a PIN, sends what waited, and leaves no plaintext", async () => {
    const cadre = await newUser(server.db);
    const made: Made[] = [];
    const letterPdf = distinctivePdf("upgrade-letter-u1");

    // ---- The old version: files sent, and files made offline that wait in the outbox. ----
    let context = await openPhone();
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    expect(await passwordSignIn(page, server.url, cadre.username)).toBe("berkas");

    await context.setOffline(true);
    for (const [i, tag] of ["Sentosa", "Sejahtera"].entries()) {
      const who = person(tag, 101 + i);
      const id = await makePersonDraft(
        page,
        server.url,
        who,
        { letter: "photo", ktp: "photo", kk: "photo" },
        {
          ready: true,
          variant: 10 + i,
        },
      );
      made.push({ id, who, pages: 3, sent: true });
    }
    await context.setOffline(false);
    for (const file of made)
      await expect.poll(async () => (await serverRow(file.id))?.status, { timeout: 90_000 }).toBe("submitted");
    await page.goto(`${server.url}/berkas`);
    await page.getByText("Semua sudah terkirim").waitFor({ timeout: 60_000 });
    // The old phone knows the office has them (its pulled rows say "submitted"), as a phone in use would before
    // the update; without this the status shown later depends on how the old version's rounds fell.
    await page.getByRole("button", { name: "Sinkronkan sekarang" }).click();
    await expect
      .poll(async () => (await readRows(page, "remote")).filter((row) => row.status === "submitted").length, {
        timeout: 60_000,
      })
      .toBe(made.length);

    await context.setOffline(true);
    const waiting = person("Menunggu", 103);
    made.push({
      id: await makePersonDraft(
        page,
        server.url,
        waiting,
        { letter: letterPdf, ktp: "photo", kk: "photo" },
        { ready: true, variant: 20 },
      ),
      who: waiting,
      pages: 3,
      sent: false,
    });
    const half = person("Setengah", 104);
    made.push({
      id: await makePersonDraft(page, server.url, half, { ktp: "photo" }, { variant: 30 }),
      who: half,
      pages: 1,
      sent: false,
    });
    // The half-made file's last edits have landed once the list shows it (same write queue).
    await page.goto(`${server.url}/berkas`);
    for (const file of made) await page.getByText(file.who.fullName).waitFor();

    // What the old version stored, in the clear: the test proves it can find it before the upgrade.
    const before = {
      drafts: await readRows(page, "drafts"),
      blobs: await readRows(page, "blobs"),
      outbox: await readRows(page, "outbox"),
      remote: await readRows(page, "remote"),
    };
    const oldBytes = await plaintextPageBytes(page);
    const oldDump = await dumpStorage(page);
    for (const file of made) {
      expect(findText(oldDump, file.who.nik).length, "the old version stores the NIK in the clear").toBeGreaterThan(0);
    }
    expect(findBytes(oldDump, letterPdf).length).toBeGreaterThan(0);
    expect(before.drafts).toHaveLength(4);
    const pagesBefore = before.blobs.filter((row) => row.kind === "page");
    expect(pagesBefore).toHaveLength(3 + 3 + 3 + 1);
    expect(before.outbox.length).toBeGreaterThan(0);
    const waitingDraftIds = new Set(before.outbox.map((row) => row.draftId));
    expect([...waitingDraftIds].sort()).toEqual(
      made
        .filter((f) => !f.sent)
        .map((f) => f.id)
        .sort(),
    );
    // The ready file that waited: its three pages must reach the server byte for byte after the upgrade.
    const waitingPageHashes = pagesBefore
      .filter((row) => row.draftId === made[2]?.id)
      .map((row) => (row.data as { sha256: string }).sha256);
    expect(waitingPageHashes).toHaveLength(3);
    await context.close();

    // ---- The update: same origin, same profile, this version's build. ----
    await server.switchTo(DIST_DIR);
    context = await openPhone();
    page = context.pages()[0] ?? (await context.newPage());
    // The new service worker taking over is the browser's business (tested in updates.test.ts): here the
    // old one and its cached shell are dropped, so the first page load is this version, on the old data.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Storage.clearDataForOrigin", {
      origin: server.url,
      storageTypes: "service_workers,cache_storage",
    });
    await cdp.detach();
    await page.goto(`${server.url}/berkas`);
    // The new version's service worker, which brought it, holds the whole app for the offline steps below.
    await waitForServiceWorker(page);
    // Password once: the vault needs the server's secrets to make the profile.
    await page.getByText("Lindungi data warga").waitFor({ timeout: 30_000 });
    await expect(page.getByText(made[0]?.who.fullName ?? "?").count()).resolves.toBe(0);
    const idbVersion = await page.evaluate(async () => {
      const dbs = await indexedDB.databases();
      return dbs.find((db) => db.name === "masdarin")?.version;
    });
    expect(idbVersion).toBe(60);
    // This version seals an older version's plaintext at its first start, before anyone signs in
    // (client/vault/legacy.ts): nothing readable even while it waits for the password.
    const beforeSignIn = await dumpStorage(page, { caches: true });
    for (const file of made) {
      for (const value of [file.who.fullName, file.who.nik, file.who.street]) {
        expect(findText(beforeSignIn, value), `${value} in the clear before the sign-in`).toEqual([]);
      }
    }
    expect(findBytes(beforeSignIn, letterPdf), "the PDF's bytes in the clear before the sign-in").toEqual([]);

    expect(await passwordSignIn(page, server.url, cadre.username)).toBe("pin");
    // Offline from here: the waiting changes must still be waiting after the sealing.
    await context.setOffline(true);
    await choosePin(page);

    const after = {
      drafts: await readRows(page, "drafts"),
      blobs: await readRows(page, "blobs"),
      outbox: await readRows(page, "outbox"),
      remote: await readRows(page, "remote"),
    };
    const keys = (rows: Record<string, unknown>[], key: string) => rows.map((row) => String(row[key])).sort();
    expect(keys(after.drafts, "id")).toEqual(keys(before.drafts, "id"));
    expect(keys(after.blobs, "id")).toEqual(keys(before.blobs, "id"));
    expect(keys(after.outbox, "seq")).toEqual(keys(before.outbox, "seq"));
    expect(keys(after.remote, "id")).toEqual(keys(before.remote, "id"));
    for (const rows of Object.values(after)) {
      for (const row of rows) expect(Object.keys(row), "every personal record is sealed").toContain("$sealed");
    }

    // Every file reads back as it was made, through the screens.
    for (const file of made) await page.getByText(file.who.fullName).waitFor();
    for (const file of made) {
      const shown = await draftFields(page, file.id, file.sent);
      expect(shown).toMatchObject({
        fullName: file.who.fullName,
        nik: file.who.nik,
        kk: file.who.kk,
        street: file.who.street,
        phone: file.who.storedPhone,
        pages: file.pages,
      });
      if (file.sent) expect(shown.status).toBe("Terkirim");
    }

    // Sealed at rest now: no name, NIK, KK, address, phone, nor any 32 bytes of any page the old version stored.
    const sealedDump = await dumpStorage(page, { caches: true });
    for (const file of made) {
      for (const value of [file.who.fullName, file.who.nik, file.who.kk, file.who.street, file.who.storedPhone]) {
        expect(findText(sealedDump, value), `${value} left in the clear`).toEqual([]);
      }
    }
    for (const [id, bytes] of oldBytes) {
      expect(findBytes(sealedDump, bytes), `bytes of ${id} left in the clear`).toEqual([]);
    }
    // The records are all there, as ciphertext (the dump did see them).
    expect(inventory(sealedDump)["idb:masdarin/blobs"]).toBe(before.blobs.length);

    // A reload locks; the PIN opens (no password again).
    await page.reload();
    await lockScreen(page).waitFor();
    await typePin(page, PIN);
    await page.getByText(made[2]?.who.fullName ?? "?").waitFor();

    // Online: what waited goes out, with the very bytes the old version stored.
    await context.setOffline(false);
    const waitingFile = made[2] as Made;
    await expect.poll(async () => (await serverRow(waitingFile.id))?.status, { timeout: 120_000 }).toBe("submitted");
    await expect.poll(async () => (await serverRow(made[3]?.id ?? ""))?.status, { timeout: 60_000 }).toBe("draft");
    const onServer = storedOnServer();
    for (const sha of waitingPageHashes) expect(onServer).toContain(sha);
    await page.locator(`a[href="/berkas/${made[3]?.id}"]`).waitFor();
    await page.getByText("Semua sudah terkirim").waitFor({ timeout: 60_000 });
    await context.close();

    // A copy of the browser profile, read file by file: figures for the closing note (LevelDB may keep
    // stale copies of overwritten values until it compacts; docs/SECURITY.md says what that means).
    const leftOnDisk = made.map((file) => ({
      nik: file.who.nik,
      files: filesHolding(profileDir, Buffer.from(file.who.nik)).length,
    }));
    const pdfOnDisk = filesHolding(profileDir, letterPdf.subarray(1000, 1032));
    console.info("plaintext left in the profile's files after the upgrade:", JSON.stringify({ leftOnDisk, pdfOnDisk }));
  });
});
