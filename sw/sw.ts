/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

/**
 * Deliberately small: the app shell is precached; guides live in IndexedDB
 * (written by the page), never only in Cache Storage, so a precache clean-up
 * on update can never delete what a cadre relies on offline.
 */
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes control at once so the very first visit already works offline.
// Later versions still wait for the user (no skipWaiting below without consent).
clientsClaim();

// Every client-side route opens the cached shell; the API is never served from cache.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//] }));

// No automatic skipWaiting: the page asks the user first ("Versi baru tersedia"),
// then sends SKIP_WAITING, so nothing typed is lost to a surprise reload.
self.addEventListener("message", (event) => {
  if (event.data?.type === "SKIP_WAITING") void self.skipWaiting();
});
