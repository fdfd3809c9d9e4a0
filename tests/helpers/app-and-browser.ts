import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startAppServer } from "./app-server";
import { launchChromium } from "./browser";

type AppServer = Awaited<ReturnType<typeof startAppServer>>;

/**
 * The usual browser-test fixture: the real server with the built PWA on a
 * free loopback port, and one Chromium, started once per file.
 */
export function useAppAndBrowser(): { server: AppServer; browser: Browser } {
  const env = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startAppServer();
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
