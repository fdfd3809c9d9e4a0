import { Workbox } from "workbox-window";
import { shellCached } from "./install/offline-ready";
import { updateWaiting } from "./update-state";

let workbox: Workbox | undefined;

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  workbox = new Workbox("/sw.js", { scope: "/" });
  workbox.addEventListener("waiting", () => {
    updateWaiting.value = true;
  });
  void workbox.register();
  // An active worker has finished its install, and installing is precaching the app shell.
  void navigator.serviceWorker.ready.then(() => {
    shellCached.value = true;
  });
}

/**
 * Called from the "Muat ulang" button: activate the waiting worker, then
 * reload onto it. Refused while changes wait in the outbox, so a new version
 * never takes over in the middle of sending. Returns whether it went ahead.
 */
export async function applyUpdate(): Promise<boolean> {
  if (!workbox) return false;
  const { localDb } = await import("./db/local-db");
  if ((await localDb.outbox.count()) > 0) return false;
  workbox.addEventListener("controlling", () => location.reload());
  workbox.messageSkipWaiting();
  return true;
}
