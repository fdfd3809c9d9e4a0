import { signal } from "@preact/signals";

/** navigator.onLine, kept current by the online/offline events: drives the quiet offline indicator. */
export const online = signal(navigator.onLine);

addEventListener("online", () => {
  online.value = true;
});
addEventListener("offline", () => {
  online.value = false;
});
