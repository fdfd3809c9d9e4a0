import { render } from "preact";
import { App } from "./app";
import { lastUpdatedAt, loadCatalogue, refreshCatalogue, showInlineSummary } from "./catalogue/store";
import "./catalogue/zod-jitless";
import { locale } from "./i18n";
import { matchRoute } from "./router";
import "./styles.css";

document.documentElement.lang = locale.value;

// A lazily loaded chunk that vanished with an app update: reload onto the new version. Only when the server
// answers: with no connection the chunk is merely out of reach, and a reload would trade the page in hand for
// the browser's offline error (what needed the chunk starts again when the connection is back: whenReachable).
addEventListener("vite:preloadError", () => {
  fetch("/", { method: "HEAD", cache: "no-store" }).then(
    (response) => {
      if (response.ok) location.reload();
    },
    () => undefined,
  );
});

/**
 * Loads chunks with `load`; when one could not be fetched, tries again once the connection is back. Only the
 * loading is retried: what runs with the chunks runs once, after them.
 */
function whenReachable<T>(load: () => Promise<T>): Promise<T> {
  return load().catch(
    () => new Promise<T>((resolve) => addEventListener("online", () => resolve(whenReachable(load)), { once: true })),
  );
}

// The saved catalogue first (plain IndexedDB, instant, offline), then the network. The read starts before the
// first render, so the database works while the page draws its header and search box.
const stored = loadCatalogue();
// A first visit's HTML carries the list's summary: the list is on the first frame, and the full catalogue
// (38 KB gzip, most of a second on a 400 kbit/s link) comes after it, not competing with the code.
const summaryShown = showInlineSummary();
render(<App />, document.getElementById("app") as HTMLElement);
const firstRefresh = stored.then(() =>
  navigator.onLine ? (summaryShown ? afterPaint().then(refreshCatalogue) : refreshCatalogue()) : undefined,
);
addEventListener("online", () => void refreshCatalogue());
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible" && navigator.onLine) void refreshCatalogue();
});

/** After the frame that shows the current state (with a bound: a hidden tab draws no frames). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const bound = setTimeout(resolve, 500);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(bound);
        resolve();
      }, 0),
    );
  });
}

function idle(): Promise<void> {
  return new Promise((resolve) =>
    "requestIdleCallback" in window
      ? requestIdleCallback(() => resolve(), { timeout: 2000 })
      : setTimeout(resolve, 200),
  );
}

/** A stalled first download must not keep the app from ever working offline. */
const FIRST_DOWNLOAD_PATIENCE_MS = 20_000;

/**
 * The list (or why there is none) is on screen: with a catalogue stored, as
 * soon as it is read; on a new device, once the first download is over.
 * What follows no longer competes with it for a slow link or the CPU.
 */
const firstScreenDone = stored
  .then(() =>
    lastUpdatedAt.value === null
      ? Promise.race([firstRefresh, new Promise((resolve) => setTimeout(resolve, FIRST_DOWNLOAD_PATIENCE_MS))])
      : undefined,
  )
  .then(afterPaint)
  .then(idle);

// The signed-in cadre and sync (a no-op until sign-in), with the database library on the page: at once on a
// device with a catalogue stored (a cadre's) or on a screen that needs the vault (files, sign-in, PIN), after the
// first screen on a new device (nobody is signed in yet).
const needsVaultNow = ["drafts", "draft", "login", "pin"].includes(matchRoute(location.pathname).name);
void stored
  .then(() => (lastUpdatedAt.value === null && !needsVaultNow ? firstScreenDone : undefined))
  .then(() => whenReachable(vaultChunks))
  .then(startVault);

/** Every chunk the vault's start needs (vault/vault too, which loadAccount imports), so none is missing midway. */
function vaultChunks() {
  return Promise.all([
    import("./account/session"),
    import("./db/local-db"),
    import("./vault/lock-timer"),
    import("./vault/other-tabs"),
    import("./sync/runner"),
    import("./vault/vault"),
  ]);
}

async function startVault([
  { loadAccount },
  { localDb },
  { startLockTimer },
  { watchOtherTabs },
  { startSyncTriggers },
]: Awaited<ReturnType<typeof vaultChunks>>): Promise<void> {
  // Another tab is upgrading the database schema: let it, and reload onto the new version.
  localDb.on("versionchange", () => {
    localDb.close();
    location.reload();
    return false;
  });
  await loadAccount();
  // Locks people's data after the office's minutes without a touch or in the background (issue 15).
  startLockTimer(localDb);
  // A cadre leaving in another tab closes this tab's copy of their key too.
  watchOtherTabs(localDb);
  startSyncTriggers();
}

// The service worker's precache (every chunk of the app) waits for the first screen too: on a 400 kbit/s link
// it would otherwise slow the catalogue's download and storing.
void firstScreenDone
  .then(() => whenReachable(() => import("./sw-register")))
  .then(({ registerServiceWorker }) => registerServiceWorker());
