import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = resolve(import.meta.dirname, "../dist");

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** Modules the app imports dynamically at start-up, right after the first paint (client/main.tsx, store.ts). */
const LOADED_AT_STARTUP = ["sw-register.ts", "catalogue/sync.ts", "shared/search.ts"];

/**
 * The files the first screen needs before it can paint: the entry chunk, its
 * static imports (transitively) and their CSS, read from Vite's build manifest.
 */
export function firstScreenAssets(): string[] {
  return collect((chunk) => !!chunk.isEntry);
}

/**
 * Everything a first visit downloads before it settles: the first screen plus
 * the chunks loaded right after the first paint (the catalogue sync with zod,
 * the search index, the service worker registration).
 */
export function startupAssets(): string[] {
  return collect((chunk, key) => !!chunk.isEntry || LOADED_AT_STARTUP.some((name) => key.endsWith(name)));
}

function collect(isRoot: (chunk: ManifestChunk, key: string) => boolean): string[] {
  const manifest = JSON.parse(readFileSync(resolve(DIST, ".vite/manifest.json"), "utf8")) as Record<
    string,
    ManifestChunk
  >;
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
