import { signal } from "@preact/signals";

/** A new service worker is installed and waiting for the user's go-ahead. */
export const updateWaiting = signal(false);
