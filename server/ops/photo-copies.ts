import { createWriteStream, existsSync, readdirSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { type PhotoStore, photoKey, SHA256_HEX } from "../files/photo-store";

/**
 * Photos into and out of a backup's `files/` folder (`<first 2 hex>/<sha256>`,
 * the folder store's layout, whatever store the deployment uses), so a
 * backup taken from a bucket restores onto a disk and the other way round.
 */

/** Copies one stored photo into `toDir`; false when the store does not hold it. */
export async function exportPhoto(photos: PhotoStore, sha256: string, toDir: string): Promise<boolean> {
  if ((await photos.size(sha256)) === null) return false;
  await mkdir(join(toDir, sha256.slice(0, 2)), { recursive: true });
  await pipeline(await photos.read(sha256), createWriteStream(join(toDir, photoKey(sha256))));
  return true;
}

/** Puts every photo of a backup's `files/` into the store (a name that is not a hash is not a photo). */
export async function importPhotos(photos: PhotoStore, fromDir: string): Promise<number> {
  const staging = join(photos.workDir, "tmp");
  await mkdir(staging, { recursive: true });
  let copied = 0;
  for (const prefix of existsSync(fromDir) ? readdirSync(fromDir) : []) {
    for (const name of readdirSync(join(fromDir, prefix))) {
      if (!SHA256_HEX.test(name) || prefix !== name.slice(0, 2)) continue;
      // The store consumes what it is given: a copy, so the backup stays whole.
      const copy = join(staging, `${name}.restoring`);
      await copyFile(join(fromDir, prefix, name), copy);
      await photos.keep(name, copy);
      copied++;
    }
  }
  return copied;
}
