import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** The build measured: MASDARIN_DIST, like the browser tests, or the project's dist/. */
const DIST = process.env.MASDARIN_DIST ?? resolve(import.meta.dirname, "../dist");

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
  /** Worker scripts the chunk starts (each bundled whole, with its own copy of its libraries). */
  assets?: string[];
}

/**
 * Workers the page starts while the list comes: the search index's
 * (client/catalogue/search-index.ts), started with the first guides.
 */
const WORKERS_AT_STARTUP = ["search-worker-"];

/**
 * What waits until the first screen is done (client/main.tsx): the catalogue
 * worker that validates and stores the first download (zod and Dexie), the
 * account and sync with the page's own Dexie, the service worker's
 * registration. Not start-up JS: none of it is fetched before the list is on
 * screen, and the service worker's precache fetches it all anyway.
 */
const LOADED_AFTER_FIRST_SCREEN = ["sw-register.ts", "account/session.ts", "sync/runner.ts", "_local-db-"];
const WORKERS_AFTER_FIRST_SCREEN = ["fetch-worker-"];

/**
 * The files the first screen needs before it can paint: the entry chunk, its
 * static imports (transitively) and their CSS, read from Vite's build manifest.
 */
export function firstScreenAssets(): string[] {
  return collect((chunk) => !!chunk.isEntry);
}

/**
 * The JavaScript a first visit fetches at start-up, before and while its list
 * comes: the first screen plus the workers started with it (budget: 60 KB
 * gzip, tests/build/budget.test.ts).
 */
export function startupAssets(): string[] {
  return [...firstScreenAssets(), ...workerAssets(WORKERS_AT_STARTUP)];
}

/** Fetched once the first screen is done (see LOADED_AFTER_FIRST_SCREEN), less what start-up already fetched. */
export function afterFirstScreenAssets(): string[] {
  const startup = new Set(startupAssets());
  const later = collect((_chunk, key) => LOADED_AFTER_FIRST_SCREEN.some((name) => key.includes(name)));
  return [...later, ...workerAssets(WORKERS_AFTER_FIRST_SCREEN)].filter((file) => !startup.has(file));
}

function readManifest(): Record<string, ManifestChunk> {
  return JSON.parse(readFileSync(resolve(DIST, ".vite/manifest.json"), "utf8")) as Record<string, ManifestChunk>;
}

/** Worker scripts named in the manifest (as assets of the chunks that start them) whose file name starts so. */
function workerAssets(prefixes: string[]): string[] {
  const files = new Set<string>();
  for (const chunk of Object.values(readManifest())) {
    for (const asset of chunk.assets ?? []) {
      const name = asset.split("/").pop() ?? "";
      if (asset.endsWith(".js") && prefixes.some((prefix) => name.startsWith(prefix))) files.add(resolve(DIST, asset));
    }
  }
  return [...files];
}

function collect(isRoot: (chunk: ManifestChunk, key: string) => boolean): string[] {
  const manifest = readManifest();
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(resolve(DIST, chunk.file))) return;
    files.add(resolve(DIST, chunk.file));
    for (const css of chunk.css ?? []) files.add(resolve(DIST, css));
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (isRoot(chunk, key)) visit(key);
  return [...files];
}

export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).byteLength;
}
