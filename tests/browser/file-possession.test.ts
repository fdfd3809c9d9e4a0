import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { applications, fileHolders } from "../../server/db/schema";
import { diskPhotoStore } from "../../server/files/photo-store";
import { acceptUpload } from "../../server/files/storage";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { seriousA11yViolations } from "../helpers/axe";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { draftReadyInApp, newUser, signIn } from "../helpers/cadre-ui";
import { pagesThroughViewer } from "../helpers/draft-ui";

vi.setConfig({ testTimeout: 180_000 });

const env = useAppAndBrowser();

describe("a phone whose office never sent a photo another office did", () => {
  it("uploads the photo itself instead of being told the server has it, and the file is submitted", async () => {
    const cadreB = await newUser(env.server.db);
    const cadreA = await newUser(env.server.db, "cadre", { kecamatanCode: "31.71.01" });
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await page.getByTestId("updated-at").waitFor();
    await signIn(page, env.server.url, cadreB.username);
    await context.setOffline(true);
    const id = await draftReadyInApp(page, env.server.url, "Siti Aminah");

    // A cadre of Gambir sent these very photos first (verified and stored as any upload is).
    // The exact page bytes the phone stored (sealed at rest: read through the app's photo viewer).
    const pages = await pagesThroughViewer(page, [
      "Surat pengantar RT dan RW",
      "KTP-el pemohon",
      "Kartu Keluarga (KK) pemohon",
    ]);
    expect(pages).toHaveLength(3);
    const hashes: string[] = [];
    for (const { mime, base64 } of pages) {
      const data = Buffer.from(base64, "base64");
      const { createHash } = await import("node:crypto");
      const sha256 = createHash("sha256").update(data).digest("hex");
      const incoming = join(env.server.filesDir, "incoming");
      mkdirSync(incoming, { recursive: true });
      const path = join(incoming, randomBytes(16).toString("hex"));
      writeFileSync(path, data);
      const result = await acceptUpload(env.server.db, diskPhotoStore(env.server.filesDir), {
        path,
        sha256,
        mime: mime as "image/jpeg",
        size: data.byteLength,
        uploadedBy: cadreA.id,
        now: new Date(),
      });
      expect(result).toEqual({ ok: true, alreadyStored: false });
      hashes.push(sha256);
    }

    await context.setOffline(false);
    const status = async () =>
      (
        await env.server.db
          .select({ status: applications.status })
          .from(applications)
          .where(eq(applications.id, id))
          .limit(1)
      )[0]?.status;
    await expect.poll(status, { timeout: 60_000 }).toBe("submitted");
    await expect.poll(() => page.getByTestId("draft-status").textContent(), { timeout: 30_000 }).toBe("Terkirim");
    for (const sha256 of hashes) {
      // B's phone sent the bytes (an upload records its sender), and they are kept once.
      const [sent] = await env.server.db
        .select()
        .from(fileHolders)
        .where(and(eq(fileHolders.sha256, sha256), eq(fileHolders.userId, cadreB.id)))
        .limit(1);
      expect(sent).toBeDefined();
      const dir = join(env.server.filesDir, sha256.slice(0, 2));
      expect(existsSync(dir) ? readdirSync(dir).filter((name) => name === sha256) : []).toHaveLength(1);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "possession-sent");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});
