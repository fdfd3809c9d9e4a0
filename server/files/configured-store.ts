import type { PhotoStoreConfig } from "../config";
import { diskPhotoStore, type PhotoStore } from "./photo-store";

/**
 * The photo store PHOTO_STORE names; `filesDir` is the folder store's home
 * and every store's work folder. The S3 client is loaded only when a bucket
 * is configured: a folder deployment never pays for it.
 */
export async function configuredPhotoStore(config: PhotoStoreConfig, filesDir: string): Promise<PhotoStore> {
  if (config.kind === "disk") return diskPhotoStore(filesDir);
  const { clearAbandonedCopies, s3PhotoStore } = await import("./s3-photo-store");
  await clearAbandonedCopies(filesDir);
  return s3PhotoStore({
    bucket: config.bucket,
    prefix: config.prefix,
    endpoint: config.endpoint,
    region: config.region,
    workDir: filesDir,
  });
}
