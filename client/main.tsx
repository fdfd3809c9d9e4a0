import { render } from "preact";
import { App } from "./app";
import { loadCatalogue, refreshCatalogue } from "./catalogue/store";
import { localDb } from "./db/local-db";
import { locale } from "./i18n";
import "./styles.css";

document.documentElement.lang = locale.value;

// zod (loaded later, in lazy chunks) probes `new Function` unless jitless; under the CSP that probe
// is reported as a script-src violation. Its config lives on globalThis, so set it before any chunk.
(globalThis as { __zod_globalConfig?: object }).__zod_globalConfig = { jitless: true };

// Another tab is upgrading the database schema: let it, and reload onto the new version.
localDb.on("versionchange", () => {
  localDb.close();
  location.reload();
  return false;
});

// A lazily loaded chunk that vanished with an app update: reload onto the new version.
addEventListener("vite:preloadError", () => location.reload());

render(<App />, document.getElementById("app") as HTMLElement);

// The saved catalogue first (instant, offline), then the network in the background.
void loadCatalogue().then(() => {
  if (navigator.onLine) void refreshCatalogue();
});
addEventListener("online", () => void refreshCatalogue());
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && navigator.onLine) void refreshCatalogue();
});

// Sync (a no-op until a cadre signs in) starts after the first paint, like everything below.
void import("./account/session").then(async ({ loadAccount }) => {
  await loadAccount();
  const { startSyncTriggers } = await import("./sync/runner");
  startSyncTriggers();
});

// Off the critical path: the worker registration is not needed to show anything.
void import("./sw-register").then(({ registerServiceWorker }) => registerServiceWorker());
