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

/**
 * The files the first screen loads: the entry chunk, its static imports
 * (transitively) and their CSS, read from Vite's build manifest. Dynamic
 * imports (search index, catalogue sync, guide screen) are not counted: they
 * load after the first paint.
 */
export function firstScreenAssets(): string[] {
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
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...files];
}

export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).byteLength;
}
