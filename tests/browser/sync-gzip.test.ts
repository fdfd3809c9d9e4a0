import { eq } from "drizzle-orm";
import type { Request } from "playwright-core";
import { describe, expect, it, vi } from "vitest";
import { applications, mutations } from "../../server/db/schema";
import { useAppAndBrowser } from "../helpers/app-and-browser";
import { PHONE, screenshot, waitForServiceWorker } from "../helpers/browser";
import { draftReadyInApp, newUser, signIn } from "../helpers/cadre-ui";

vi.setConfig({ testTimeout: 180_000 });

const env = useAppAndBrowser();

describe("the phone's push in Chromium", () => {
  it("sends a draft made offline gzip-compressed, and the server files it", async () => {
    const cadre = await newUser(env.server.db);
    const context = await env.browser.newContext(PHONE);
    const page = await context.newPage();
    const pushes: { encoding: string | undefined; bytes: number; status: Promise<number | undefined> }[] = [];
    const onRequest = async (request: Request) => {
      if (!request.url().endsWith("/api/sync/push") || request.method() !== "POST") return;
      const headers = await request.allHeaders();
      pushes.push({
        encoding: headers["content-encoding"],
        bytes: request.postDataBuffer()?.byteLength ?? 0,
        status: request.response().then((response) => response?.status()),
      });
    };
    page.on("request", onRequest);
    await page.goto(env.server.url);
    await waitForServiceWorker(page);
    await signIn(page, env.server.url, cadre.username);

    await context.setOffline(true);
    const id = await draftReadyInApp(page, env.server.url, "Rina Wati");
    await context.setOffline(false);
    const row = async () =>
      (await env.server.db.select().from(applications).where(eq(applications.id, id)).limit(1))[0];
    await expect.poll(async () => (await row())?.status, { timeout: 60_000 }).toBe("submitted");
    await expect.poll(() => page.getByTestId("draft-status").textContent(), { timeout: 30_000 }).toBe("Terkirim");

    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.map((push) => push.encoding)).toEqual(pushes.map(() => "gzip"));
    expect(await Promise.all(pushes.map((push) => push.status))).toEqual(pushes.map(() => 200));
    // Several times smaller than the draft it carries.
    const plainBytes = JSON.stringify((await row())?.content).length;
    expect(Math.max(...pushes.map((push) => push.bytes))).toBeLessThan(plainBytes);
    expect((await env.server.db.select().from(mutations)).every((m) => m.status === "applied")).toBe(true);
    await page.getByTestId("draft-status").scrollIntoViewIfNeeded();
    await screenshot(page, "sync-gzip-sent");
    await context.close();
  });
});
