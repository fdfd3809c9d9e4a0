/**
 * The push's body, gzip-compressed where the browser has CompressionStream
 * (Chrome 80+, Safari 16.4+, Firefox 113+); plain elsewhere. Drafts are JSON
 * that shrinks about fivefold: less to send over a weak signal, and the server
 * inflates it as it arrives (server/http/body.ts). An ArrayBuffer, not a stream,
 * so a dropped request can be sent again as is (round-fetch.ts).
 */

/** Below this the saving is a few bytes and not worth the work. */
const MIN_GZIP_BYTES = 1024;

/** Set once a server refused a gzip body (an older server): the rest of this page's life sends plain. */
let gzipRefused = false;

export interface PushBody {
  body: string | ArrayBuffer;
  headers: Record<string, string>;
  gzip: boolean;
}

export async function pushBody(json: string): Promise<PushBody> {
  const plain = { body: json, headers: { "Content-Type": "application/json" }, gzip: false };
  if (gzipRefused || json.length < MIN_GZIP_BYTES || typeof CompressionStream === "undefined") return plain;
  try {
    const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("gzip"));
    const body = await new Response(stream).arrayBuffer();
    return { body, headers: { "Content-Type": "application/json", "Content-Encoding": "gzip" }, gzip: true };
  } catch {
    return plain;
  }
}

/**
 * Whether the server refused the gzip body as such (a server from before gzip
 * pushes reads it as broken JSON): the caller sends the same push plain, and
 * later pushes go plain too.
 */
export function refusedGzip(sent: PushBody, status: number, code: string | undefined): boolean {
  if (!sent.gzip) return false;
  const refused = status === 415 || (status === 400 && (code === "invalid_json" || code === "invalid_gzip"));
  if (refused) gzipRefused = true;
  return refused;
}
