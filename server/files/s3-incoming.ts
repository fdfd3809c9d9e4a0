/**
 * tus uploads in progress in the S3 bucket (PHOTO_STORE=s3), with
 * @tus/s3-store: `<prefix><id>` a multipart upload (its parts; a tail shorter
 * than S3's 5 MB minimum part as `<id>.part`), `<id>.info` its record. Every
 * app server reads the same offsets, so a phone whose upload was cut on one
 * continues on another at the offset the bucket holds; the shared advisory
 * locks (locker.ts) keep one request per upload across app servers.
 *
 * No per-process cache of records (@tus/s3-store keeps one by default): an
 * upload another app server removed must not look alive here. An accepted
 * upload keeps its record and gets an empty `<id>.done`, so the hourly sweep
 * passes over finished uploads from the listing alone.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  CompleteMultipartUploadCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  type Part,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { S3Store } from "@tus/s3-store";
import type { KvStore } from "@tus/utils";
import type { IncomingUpload } from "./expiry";
import { type IncomingUploads, OFFERED_EXTENSIONS, type UploadRecord } from "./incoming";

/** Remembers nothing: every app server reads the record from the bucket. */
class NoCache<T> implements KvStore<T> {
  async get(): Promise<T | undefined> {
    return undefined;
  }
  async set(): Promise<void> {}
  async delete(): Promise<void> {}
}

const UPLOAD_KEY = /^([0-9a-f]{32})(\.info|\.part|\.done)?$/;

function isMissing(error: unknown): boolean {
  const failure = error as { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  return (
    ["NotFound", "NoSuchKey", "NoSuchUpload"].includes(failure?.name ?? failure?.Code ?? "") ||
    failure?.$metadata?.httpStatusCode === 404
  );
}

export interface S3IncomingOptions {
  bucket: string;
  client: S3ClientConfig;
  /** This app server's work folder: the local copy verified before the photo store takes it. */
  workDir: string;
}

export function s3Incoming({ bucket, client: config, workDir }: S3IncomingOptions): IncomingUploads {
  const datastore = new S3Store({
    s3ClientConfig: { bucket, ...config },
    cache: new NoCache(),
    // The idle sweep (expiry.ts) expires uploads, by their last byte, not tus's expiration tags.
    expirationPeriodInMilliseconds: 0,
    useTags: false,
  });
  datastore.extensions = [...OFFERED_EXTENSIONS];
  const client = new S3Client(config);

  async function info(id: string): Promise<{ record: UploadRecord; uploadId: string } | undefined> {
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: `${id}.info` }));
      const file = JSON.parse((await object.Body?.transformToString()) ?? "{}") as {
        size?: number;
        metadata?: Record<string, string | null>;
      };
      return {
        record: { size: typeof file.size === "number" ? file.size : undefined, metadata: file.metadata },
        uploadId: object.Metadata?.["upload-id"] ?? "",
      };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async function sizeOf(key: string): Promise<{ size: number; at: number } | null> {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return { size: head.ContentLength ?? 0, at: head.LastModified?.getTime() ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** The parts stored so far; null once the multipart upload is completed or aborted. */
  async function parts(id: string, uploadId: string): Promise<Part[] | null> {
    const all: Part[] = [];
    let marker: string | undefined;
    try {
      for (;;) {
        const page = await client.send(
          new ListPartsCommand({ Bucket: bucket, Key: id, UploadId: uploadId, PartNumberMarker: marker }),
        );
        all.push(...(page.Parts ?? []));
        if (!page.IsTruncated) return all;
        marker = page.NextPartNumberMarker;
      }
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  /** Bytes received and when the last arrived; null bytes when none are held (accepted, or aborted). */
  async function progress(id: string, uploadId: string): Promise<{ received: number | null; at: number }> {
    const whole = await sizeOf(id);
    if (whole) return { received: whole.size, at: whole.at };
    const stored = await parts(id, uploadId);
    if (stored === null) return { received: null, at: 0 };
    const tail = await sizeOf(`${id}.part`);
    return {
      received: stored.reduce((sum, part) => sum + (part.Size ?? 0), 0) + (tail?.size ?? 0),
      at: Math.max(tail?.at ?? 0, ...stored.map((part) => part.LastModified?.getTime() ?? 0)),
    };
  }

  return {
    datastore,
    record: async (id) => (await info(id))?.record,
    async received(id) {
      const found = await info(id);
      return found ? (await progress(id, found.uploadId)).received : null;
    },
    async localCopy(id) {
      const found = await info(id);
      if (!found) throw new Error("upload record missing");
      // Every byte stored but the server stopped before S3 joined the parts: joined now.
      if (!(await sizeOf(id))) {
        const stored = (await parts(id, found.uploadId)) ?? [];
        await client.send(
          new CompleteMultipartUploadCommand({
            Bucket: bucket,
            Key: id,
            UploadId: found.uploadId,
            MultipartUpload: { Parts: stored.map(({ ETag, PartNumber }) => ({ ETag, PartNumber })) },
          }),
        );
      }
      const folder = join(workDir, "tmp");
      await mkdir(folder, { recursive: true });
      const path = join(folder, `${randomBytes(12).toString("hex")}.upload`);
      const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: id }));
      if (!(object.Body instanceof Readable)) throw new Error("object body is not a stream");
      await pipeline(object.Body, createWriteStream(path));
      return path;
    },
    async dropBytes(id) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${id}.done`, Body: "" }));
      await client.send(
        new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: [{ Key: id }, { Key: `${id}.part` }] } }),
      );
    },
    async remove(id) {
      await datastore.remove(id).catch((error: unknown) => {
        if (!isMissing(error) && (error as { status_code?: number }).status_code !== 404) throw error;
      });
      await client.send(
        new DeleteObjectsCommand({
          Bucket: bucket,
          Delete: { Objects: [id, `${id}.info`, `${id}.part`, `${id}.done`].map((Key) => ({ Key })) },
        }),
      );
    },
    async list() {
      const ids = new Map<string, number>();
      const finished = new Set<string>();
      let token: string | undefined;
      do {
        // Only the bucket's top level: the photos live under their own prefix.
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Delimiter: "/", ContinuationToken: token }),
        );
        for (const object of page.Contents ?? []) {
          const match = UPLOAD_KEY.exec(object.Key ?? "");
          if (!match?.[1]) continue;
          if (match[2] === ".done") finished.add(match[1]);
          const at = object.LastModified?.getTime() ?? 0;
          ids.set(match[1], Math.max(ids.get(match[1]) ?? 0, match[2] === ".info" ? at : 0));
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      const uploads: IncomingUpload[] = [];
      for (const [id, recordAt] of ids) {
        if (finished.has(id)) {
          uploads.push({ id, received: null, hasRecord: true, lastActivity: recordAt });
          continue;
        }
        const found = await info(id);
        if (!found) {
          uploads.push({ id, received: null, hasRecord: false, lastActivity: recordAt });
          continue;
        }
        const { received, at } = await progress(id, found.uploadId);
        uploads.push({ id, received, hasRecord: true, lastActivity: Math.max(recordAt, at) });
      }
      return uploads;
    },
  };
}
