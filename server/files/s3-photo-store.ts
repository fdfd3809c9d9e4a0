/**
 * The photo store in an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph,
 * a cloud's object storage), for several app servers without a shared
 * volume: PHOTO_STORE=s3 (server/config.ts). Objects are named
 * `<prefix><first 2 hex>/<sha256>`, like the folder store's files.
 *
 * A file reaches the bucket only after the server verified it (storage.ts)
 * and is sent with its SHA-256 as the object's checksum, so the bucket too
 * refuses bytes that changed on the way; the stored length is read back
 * before the row is written. Identical content is kept once: a HEAD finds it
 * before anything is sent.
 */
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readdir, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { type PhotoStore, PhotoStoreUnreachable, photoKey } from "./photo-store";

export interface S3PhotoStoreOptions {
  bucket: string;
  /** Folder-like start of every key ("files/" by default): the bucket may hold other things. */
  prefix?: string;
  /** An endpoint other than AWS's (MinIO, Garage, a local test server); path-style addressing then. */
  endpoint?: string | undefined;
  region?: string | undefined;
  /** Otherwise the SDK's own chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, an instance role. */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** This app server's own folder (photo-store.ts). */
  workDir: string;
}

/** A decoder's copy older than this was left by a process that died holding it (copies live for seconds). */
export const ABANDONED_COPY_MS = 60 * 60 * 1000;

/**
 * Deletes the local copies (photos of ID cards) a killed app server left in
 * `<workDir>/tmp`: kept no longer than needed, even after a crash. Run at start.
 */
export async function clearAbandonedCopies(workDir: string, now = Date.now()): Promise<number> {
  const folder = join(workDir, "tmp");
  let cleared = 0;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < ABANDONED_COPY_MS) continue;
    await unlink(path).then(
      () => cleared++,
      () => undefined,
    );
  }
  return cleared;
}

/** The request's answer; any failure but "no such object" means the bucket could not be asked. */
async function asked<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    throw isMissing(error) ? error : new PhotoStoreUnreachable(error);
  }
}

function isMissing(error: unknown): boolean {
  const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return failure?.name === "NotFound" || failure?.name === "NoSuchKey" || failure?.$metadata?.httpStatusCode === 404;
}

/** The client settings both the photo store and the uploads in progress (s3-incoming.ts) use. */
export function s3ClientConfig(
  options: Pick<S3PhotoStoreOptions, "endpoint" | "region" | "credentials">,
): S3ClientConfig {
  return {
    region: options.region ?? "us-east-1",
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // Checksums are sent as headers computed here (a photo's SHA-256), never as streamed trailers:
    // S3-compatible servers that lack aws-chunked uploads then store the bytes as sent.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
}

export function s3PhotoStore(options: S3PhotoStoreOptions): PhotoStore {
  const { bucket, workDir } = options;
  const prefix = options.prefix ?? "files/";
  const client = new S3Client(s3ClientConfig(options));
  const key = (sha256: string) => `${prefix}${photoKey(sha256)}`;

  async function size(sha256: string): Promise<number | null> {
    try {
      const head = await asked(client.send(new HeadObjectCommand({ Bucket: bucket, Key: key(sha256) })));
      return head.ContentLength ?? null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async function read(sha256: string): Promise<Readable> {
    const object = await asked(client.send(new GetObjectCommand({ Bucket: bucket, Key: key(sha256) })));
    if (!(object.Body instanceof Readable)) throw new Error("object body is not a stream");
    return object.Body;
  }

  return {
    kind: "s3",
    workDir,
    size,
    read,
    async keep(sha256, localPath) {
      const bytes = (await stat(localPath)).size;
      if ((await size(sha256)) === bytes) {
        await unlink(localPath);
        return true;
      }
      await asked(
        client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key(sha256),
            Body: createReadStream(localPath),
            ContentLength: bytes,
            ChecksumSHA256: Buffer.from(sha256, "hex").toString("base64"),
            ContentType: "application/octet-stream",
          }),
        ),
      );
      // Read back before the row says the server holds it.
      if ((await size(sha256)) !== bytes) throw new Error("stored object has the wrong length");
      await unlink(localPath);
      return false;
    },
    async remove(sha256) {
      try {
        await asked(client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key(sha256) })));
        return "removed";
      } catch (error) {
        return isMissing(error) ? "missing" : "failed";
      }
    },
    async withLocalCopy(sha256, use) {
      const folder = join(workDir, "tmp");
      await mkdir(folder, { recursive: true });
      const path = join(folder, `${randomBytes(12).toString("hex")}.copy`);
      try {
        await pipeline(await read(sha256), createWriteStream(path));
        return await use(path);
      } finally {
        await unlink(path).catch(() => {});
      }
    },
    async check() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
        return true;
      } catch {
        return false;
      }
    },
  };
}
