import type { Page } from "playwright-core";

/** A woman born 12-03-1990, first registered in Gambir (31.71.01): day + 40 = 52. */
export const NIK = "3171015203900001";
export const MINIMAL_PDF =
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/** Test images made by Chromium itself: a noisy photo-like JPEG of the given size, or a PNG. */
export async function makeImage(
  page: Page,
  width: number,
  height: number,
  type: "image/jpeg" | "image/png",
): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height, type }) => {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext("2d");
      if (!ctx) throw new Error("no 2d context");
      ctx.fillStyle = "#e8e2d0";
      ctx.fillRect(0, 0, width, height);
      for (let i = 0; i < 4000; i++) {
        ctx.fillStyle = `hsl(${(i * 37) % 360} 40% ${20 + (i % 50)}%)`;
        ctx.fillRect((i * 7919) % width, (i * 104729) % height, 3 + (i % 40), 2 + (i % 9));
      }
      ctx.fillStyle = "#111";
      ctx.font = `${Math.round(height / 30)}px sans-serif`;
      for (let line = 0; line < 20; line++)
        ctx.fillText("PROVINSI DKI JAKARTA NIK 3171015203900001", 40, 80 + line * (height / 22));
      const blob = await canvas.convertToBlob({ type, quality: 0.95 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { width, height, type },
  );
  return Buffer.from(base64, "base64");
}

export function card(page: Page, label: string) {
  return page.locator(".requirement-card").filter({ has: page.getByRole("heading", { name: label }) });
}

/** Answers "Tidak" to the domisili guide's three questions: only the three unconditional papers remain. */
export async function answerNoToAll(page: Page): Promise<void> {
  for (const question of ["pendatang", "mengontrak", "diwakilkan"]) {
    await page
      .getByRole("group", { name: new RegExp(question, "i") })
      .getByRole("radio", { name: "Tidak" })
      .check();
  }
}

/**
 * Pages of a draft in IndexedDB and the page bytes stored on the device. The rows are sealed at rest
 * (issue 15), so this reads only what the vault keeps in the clear, keys: a draft's page rows are the
 * `blobs` rows indexed under its id that are not a thumbnail (`<blobId>:thumb`); `blobs` counts every row.
 */
export function storedPages(on: Page, draftId: string): Promise<{ pages: number; blobs: number }> {
  return on.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("masdarin");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = <T>(run: (s: IDBObjectStore) => IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        const request = run(db.transaction("blobs").objectStore("blobs"));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const keys = await read((s) => s.index("draftId").getAllKeys(id));
    const blobs = await read((s) => s.count());
    db.close();
    return { pages: keys.filter((key) => !String(key).endsWith(":thumb")).length, blobs };
  }, draftId);
}

/** The requirement ids ticked on a guide's checklist, as stored on the device. */
export function storedTicks(on: Page, guideId: string): Promise<string[]> {
  return on.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("masdarin");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const saved = await new Promise<{ ticked?: string[] } | undefined>((resolve, reject) => {
      const request = db.transaction("selfChecks").objectStore("selfChecks").get(id);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return saved?.ticked ?? [];
  }, guideId);
}

/**
 * The stored page behind each named requirement card's first photo, read the way the app reads it: the
 * photo opened full size from its tile, and the Blob the app made of the stored row (the rows are sealed
 * at rest since issue 15, so IndexedDB alone shows ciphertext). The Blob is recorded as the app turns it
 * into the picture's URL: the page's CSP lets no script fetch a blob: URL. Works offline.
 */
export async function pagesThroughViewer(
  on: Page,
  labels: readonly string[],
): Promise<{ label: string; mime: string; base64: string }[]> {
  await on.evaluate(() => {
    const holder = window as unknown as { madeBlobs?: Map<string, Blob> };
    if (holder.madeBlobs) return;
    const made = new Map<string, Blob>();
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (object: Blob | MediaSource) => {
      const url = original(object);
      if (object instanceof Blob) made.set(url, object);
      return url;
    };
    holder.madeBlobs = made;
  });
  const out: { label: string; mime: string; base64: string }[] = [];
  for (const label of labels) {
    await card(on, label)
      .getByRole("button", { name: /^(Lihat .* ukuran penuh|View .* full size)$/ })
      .first()
      .click();
    const shown = on.locator(".photo-viewer-stage img");
    await shown.waitFor();
    const src = (await shown.getAttribute("src")) ?? "";
    const read = await on.evaluate(async (url) => {
      const blob = (window as unknown as { madeBlobs: Map<string, Blob> }).madeBlobs.get(url);
      if (!blob) throw new Error("the viewer's picture is not a page the app opened");
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { mime: blob.type, base64: btoa(binary) };
    }, src);
    out.push({ label, ...read });
    await on.locator(".photo-viewer .photo-viewer-close").click();
    await shown.waitFor({ state: "detached" });
  }
  return out;
}
