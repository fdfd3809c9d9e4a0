/**
 * Page uploads over loopback to the real server (real app, SQLite file, files
 * folder), from Node with tus-js-client, the way the phone does it: HEAD the
 * hash, tus in 256 KB chunks, HEAD again to confirm. 50 pages of 150–300 KB,
 * one after another, then the same 50 again (all skipped by the HEAD).
 * Each page is a real 2000 × 1500 JPEG (the server decodes every picture)
 * followed by pseudo-random bytes up to its size: as incompressible as real
 * JPEG data, which is what matters on the wire. The first pass runs twice,
 * side by side: photos kept in the files folder (the default) and in an S3
 * bucket (PHOTO_STORE=s3; s3rver on loopback, a stand-in with no network
 * between app and bucket). `npx tsx bench/uploads.ts`
 */
import { createHash } from "node:crypto";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Upload } from "tus-js-client";
import { createApp } from "../server/app";
import { createTestUser } from "../tests/helpers/accounts";
import { type FakeS3, startFakeS3 } from "../tests/helpers/fake-s3";
import { plainImage } from "../tests/helpers/images";
import { tempDatabase } from "../tests/helpers/temp-db";

const PAGES = 50;
const CHUNK = 256 * 1024;
/** A typical 3G uplink, for the estimate only. */
const THREE_G_UPLINK_BITS_PER_SECOND = 384_000;

/** Deterministic page bytes: a readable JPEG, then pseudo-random data after its end marker. */
function makePage(index: number, image: Uint8Array): Buffer {
  const size = 150_000 + ((index * 7_919) % 150_001);
  const bytes = Buffer.alloc(size);
  let seed = (index + 1) * 2_654_435_761;
  for (let i = image.byteLength; i < size; i++) {
    seed = (seed * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  bytes.set(image, 0);
  return bytes;
}

function tusUpload(base: string, cookie: string, data: Buffer, sha256: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const upload = new Upload(data, {
      endpoint: `${base}/api/files/tus/`,
      chunkSize: CHUNK,
      retryDelays: [0, 1_000, 3_000],
      headers: { Cookie: cookie },
      metadata: { sha256, mime: "image/jpeg" },
      storeFingerprintForResuming: false,
      onSuccess: () => resolve(),
      onError: reject,
    });
    upload.start();
  });
}

async function isStored(base: string, cookie: string, sha256: string): Promise<boolean> {
  const response = await fetch(`${base}/api/files/sha256/${sha256}`, { method: "HEAD", headers: { Cookie: cookie } });
  return response.status === 200;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

export async function benchUploads(): Promise<Record<string, unknown>> {
  const disk = await benchUploadsTo(null);
  const s3 = await startFakeS3();
  try {
    const bucket = await benchUploadsTo(s3);
    return {
      ...disk,
      "first upload, photos in an S3 bucket (s3rver on loopback)": bucket.firstUpload,
      "same pages again, S3 bucket (HEAD answered from the row and a HeadObject)": bucket.again,
    };
  } finally {
    await s3.stop();
  }
}

async function benchUploadsTo(s3: FakeS3 | null): Promise<Record<string, unknown>> {
  const database = await tempDatabase();
  const filesDir = join(database.dir, "files");
  const app = createApp({
    db: database.db,
    filesDir,
    ...(s3 ? { photos: s3.store(filesDir), incoming: s3.incoming(filesDir) } : {}),
  });
  const cadre = await createTestUser(database.db, "cadre");
  const sockets = new Set<Socket>();
  const server = await new Promise<ReturnType<typeof serve>>((done) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => done(s));
  });
  server.on("connection", (socket: Socket) => sockets.add(socket));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closedRead = 0;
  let closedWritten = 0;
  const wire = () => {
    let read = closedRead;
    let written = closedWritten;
    for (const socket of sockets) {
      read += socket.bytesRead;
      written += socket.bytesWritten;
      if (socket.destroyed) {
        closedRead += socket.bytesRead;
        closedWritten += socket.bytesWritten;
        sockets.delete(socket);
      }
    }
    return { toServer: read, fromServer: written };
  };

  const image = await plainImage(2000, 1500);
  const pages = Array.from({ length: PAGES }, (_, index) => makePage(index, image));
  const hashes = pages.map((page) => createHash("sha256").update(page).digest("hex"));
  const payload = pages.reduce((sum, page) => sum + page.byteLength, 0);

  try {
    const runPass = async (label: string) => {
      const startWire = wire();
      const times: number[] = [];
      let skipped = 0;
      const started = performance.now();
      for (const [index, page] of pages.entries()) {
        const sha256 = hashes[index] as string;
        const t = performance.now();
        if (await isStored(base, cadre.cookie, sha256)) {
          skipped++;
        } else {
          await tusUpload(base, cadre.cookie, page, sha256);
          if (!(await isStored(base, cadre.cookie, sha256))) throw new Error(`page ${index} was not stored`);
        }
        times.push(performance.now() - t);
      }
      const totalMs = performance.now() - started;
      const endWire = wire();
      const toServer = endWire.toServer - startWire.toServer;
      const fromServer = endWire.fromServer - startWire.fromServer;
      times.sort((a, b) => a - b);
      return {
        [label]: {
          pages: PAGES,
          skippedByHead: skipped,
          payloadBytes: skipped === PAGES ? 0 : payload,
          totalMs: +totalMs.toFixed(1),
          perPageMedianMs: +percentile(times, 0.5).toFixed(2),
          perPageP95Ms: +percentile(times, 0.95).toFixed(2),
          payloadMBps: skipped === PAGES ? null : +(payload / 1024 / 1024 / (totalMs / 1000)).toFixed(1),
          bytesOnWire: { toServer, fromServer },
          protocolOverheadBytes: skipped === PAGES ? toServer : toServer - payload,
          estimatedSecondsAt384kbit3gUplink: +((toServer * 8) / THREE_G_UPLINK_BITS_PER_SECOND).toFixed(1),
        },
      };
    };
    const first = await runPass("first upload (50 new pages, sequential)");
    if (s3) {
      const again = await runPass("again");
      return { firstUpload: Object.values(first)[0], again: Object.values(again)[0] };
    }
    return {
      payloadMB: +(payload / 1024 / 1024).toFixed(2),
      ...first,
      ...(await runPass("same pages again (dedup by HEAD)")),
    };
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
    await database.cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchUploads(), null, 2));
}
