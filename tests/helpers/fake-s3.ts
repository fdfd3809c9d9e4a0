import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { s3Incoming } from "../../server/files/s3-incoming";
import { s3ClientConfig, s3PhotoStore } from "../../server/files/s3-photo-store";

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
  /** tus uploads in progress in the same bucket (PHOTO_STORE=s3 gives the app both). */
  incoming: (workDir: string) => ReturnType<typeof s3Incoming>;
  stop: () => Promise<void>;
}

/**
 * A real S3 API on a free loopback port (s3rver: the S3 REST protocol over
 * a folder, signatures checked), with one empty bucket.
 *
 * s3rver 3.7 keeps multipart uploads but does not answer ListParts nor
 * AbortMultipartUpload, which tus's S3 store (@tus/s3-store) uses to resume
 * and to delete an upload. Both are added here, over s3rver's own record of
 * the upload's parts, as S3 documents them; nothing else is changed.
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
  addMultipartQueries(server, directory);
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
    incoming: (workDir) =>
      s3Incoming({ bucket, client: s3ClientConfig({ endpoint, credentials: CREDENTIALS }), workDir }),
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

/** The folder s3rver writes an upload's parts to (its FilesystemStore's layout). */
function partsFolder(directory: string, bucket: string, uploadId: string): string {
  return join(directory, bucket, "._S3rver_uploads", uploadId);
}

function noSuchUpload(ctx: KoaContext): void {
  ctx.status = 404;
  ctx.set("Content-Type", "application/xml");
  ctx.body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>';
}

function addMultipartQueries(server: S3rver, directory: string): void {
  const koa = server as unknown as { middleware: Middleware[] };
  const handler: Middleware = async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    const [bucket, ...key] = ctx.path.split("/").filter(Boolean);
    if (!uploadId || !bucket || key.length === 0 || (ctx.method !== "GET" && ctx.method !== "DELETE")) {
      return next();
    }
    const folder = partsFolder(directory, bucket, uploadId);
    if (!existsSync(folder)) return noSuchUpload(ctx);
    if (ctx.method === "DELETE") {
      rmSync(folder, { recursive: true, force: true });
      ctx.status = 204;
      ctx.body = "";
      return;
    }
    const parts = readdirSync(folder)
      .filter((name) => /^\d+$/.test(name))
      .map(Number)
      .sort((a, b) => a - b)
      .map((number) => {
        const path = join(folder, String(number));
        return {
          PartNumber: number,
          LastModified: statSync(path).mtime.toISOString(),
          ETag: `"${readFileSync(`${path}.md5`, "utf8").trim()}"`,
          Size: statSync(path).size,
        };
      });
    const xml = parts
      .map(
        (part) =>
          `<Part><PartNumber>${part.PartNumber}</PartNumber><LastModified>${part.LastModified}</LastModified><ETag>${part.ETag.replaceAll('"', "&quot;")}</ETag><Size>${part.Size}</Size></Part>`,
      )
      .join("");
    ctx.status = 200;
    ctx.set("Content-Type", "application/xml");
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<ListPartsResult><Bucket>${bucket}</Bucket><Key>${key.join("/")}</Key><UploadId>${uploadId}</UploadId><IsTruncated>false</IsTruncated>${xml}</ListPartsResult>`;
  };
  // Before s3rver's router (the last middleware), which would answer these 405.
  koa.middleware.splice(koa.middleware.length - 1, 0, handler);
}
