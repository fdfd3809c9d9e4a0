import { signal } from "@preact/signals";

/** navigator.onLine is only a hint; a failed request also marks us offline until the next success. */
export const online = signal(navigator.onLine);

addEventListener("online", () => {
  online.value = true;
});
addEventListener("offline", () => {
  online.value = false;
});
