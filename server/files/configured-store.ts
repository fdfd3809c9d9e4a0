import type { PhotoStoreConfig } from "../config";
import type { IncomingUploads } from "./incoming";
import { diskPhotoStore, type PhotoStore } from "./photo-store";

export interface ConfiguredStores {
  photos: PhotoStore;
  /** Uploads in progress; undefined: in the photo store's work folder (incoming.ts). */
  incoming?: IncomingUploads;
}

/**
 * The stores PHOTO_STORE names; `filesDir` is the folder store's home and
 * every store's work folder. With a bucket, both the photos and the uploads
 * in progress live in it. The S3 client is loaded only then: a folder
 * deployment never pays for it.
 */
export async function configuredStores(config: PhotoStoreConfig, filesDir: string): Promise<ConfiguredStores> {
  if (config.kind === "disk") return { photos: diskPhotoStore(filesDir) };
  const [{ clearAbandonedCopies, s3ClientConfig, s3PhotoStore }, { s3Incoming }] = await Promise.all([
    import("./s3-photo-store"),
    import("./s3-incoming"),
  ]);
  await clearAbandonedCopies(filesDir);
  const where = { endpoint: config.endpoint, region: config.region };
  return {
    photos: s3PhotoStore({ bucket: config.bucket, prefix: config.prefix, ...where, workDir: filesDir }),
    incoming: s3Incoming({ bucket: config.bucket, client: s3ClientConfig(where), workDir: filesDir }),
  };
}
