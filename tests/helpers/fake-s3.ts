import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { s3PhotoStore } from "../../server/files/s3-photo-store";

/** s3rver's built-in key pair: it checks request signatures against it. */
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface FakeS3 {
  endpoint: string;
  bucket: string;
  /** What a Masdarin server process needs in its environment to use this bucket. */
  env: Record<string, string>;
  /** The folder s3rver keeps its objects in (the test never reads it as the app would). */
  directory: string;
  store: (workDir: string, bucket?: string) => ReturnType<typeof s3PhotoStore>;
  stop: () => Promise<void>;
}

/**
 * A real S3 API on a free loopback port (s3rver: the S3 REST protocol over
 * a folder, signatures checked), with one empty bucket.
 */
export async function startFakeS3(bucket = "masdarin-photos"): Promise<FakeS3> {
  const directory = mkdtempSync(join(tmpdir(), "masdarin-s3-"));
  const server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    env: {
      PHOTO_STORE: "s3",
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    },
    store: (workDir, name = bucket) => s3PhotoStore({ bucket: name, endpoint, credentials: CREDENTIALS, workDir }),
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
