import { Workbox } from "workbox-window";
import { updateWaiting } from "./update-state";

let workbox: Workbox | undefined;

export function registerServiceWorker(): void {
  if (!("serviceWorker" in navigator) || import.meta.env.DEV) return;
  workbox = new Workbox("/sw.js", { scope: "/" });
  workbox.addEventListener("waiting", () => {
    updateWaiting.value = true;
  });
  void workbox.register();
}

/** Called from the "Muat ulang" button: activate the waiting worker, then reload onto it. */
export function applyUpdate(): void {
  if (!workbox) return;
  workbox.addEventListener("controlling", () => location.reload());
  workbox.messageSkipWaiting();
}
