import { signal } from "@preact/signals";

/** Chrome's install offer (not in TypeScript's DOM types). */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

/** The browser's offer to install, kept for the "Pasang aplikasi" button; null where there is none. */
export const installOffer = signal<BeforeInstallPromptEvent | null>(null);
/** Opened as an installed app, or installed during this visit: no button then. */
export const installed = signal(typeof matchMedia === "function" && matchMedia("(display-mode: standalone)").matches);
/** "Lain kali" on the banner: this visit, the offer waits in the catalogue footer only. */
export const installLater = signal(false);

// Listening from the first screen's bundle: the event may come before anything lazy has loaded.
addEventListener("beforeinstallprompt", (event) => {
  // Keep Chrome's mini-infobar away: the app offers installing where it makes sense.
  event.preventDefault();
  installOffer.value = event as BeforeInstallPromptEvent;
});
addEventListener("appinstalled", () => {
  installed.value = true;
  installOffer.value = null;
});

/** Shows the browser's own install dialog. An offer can be used once; Chrome offers again later if declined. */
export async function install(): Promise<void> {
  const offer = installOffer.value;
  if (!offer) return;
  installOffer.value = null;
  await offer.prompt();
  const choice = await offer.userChoice;
  if (choice.outcome === "accepted") installed.value = true;
}
