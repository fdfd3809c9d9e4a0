/**
 * Fetching the catalogue, without its schema (zod stays out of the first
 * screen): the page uses it for a first visit's download, the catalogue
 * worker for later ones.
 */

export class CatalogueSyncError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "CatalogueSyncError";
  }
}

/** Bytes of the catalogue received so far, and the whole when the server says it (not when compressed). */
export type DownloadProgress = (received: number, total: number | null) => void;

/** The whole catalogue: the URL the server's `<link rel="preload">` names, fetched the same way so the browser reuses it. */
export const FULL_CATALOGUE_URL = "/api/guides";

/**
 * Reads a response body while counting its bytes, so a first visit on slow
 * 3G can say how far the download is.
 */
export async function readBody(response: Response, onProgress?: DownloadProgress): Promise<Uint8Array> {
  if (!onProgress || !response.body) return new Uint8Array(await response.arrayBuffer());
  const header = Number(response.headers.get("Content-Length"));
  // A compressed body's Content-Length counts compressed bytes, not the ones read here.
  const total = header > 0 && !response.headers.get("Content-Encoding") ? header : null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress(received, total);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The catalogue's changes since `cursor` (the whole of it without one), as
 * the server's bytes. A cursor the server no longer understands starts over
 * from the whole catalogue.
 */
export async function downloadCatalogue(
  fetchFn: typeof fetch,
  cursor: string | null,
  onProgress?: DownloadProgress,
): Promise<Uint8Array> {
  // No custom headers: Chromium reuses a preload only for a request made the same way.
  let response = await fetchFn(
    cursor ? `${FULL_CATALOGUE_URL}?since=${encodeURIComponent(cursor)}` : FULL_CATALOGUE_URL,
  );
  if (response.status === 400 && cursor) response = await fetchFn(FULL_CATALOGUE_URL);
  if (!response.ok) throw new CatalogueSyncError("catalogue request failed", response.status);
  return readBody(response, onProgress);
}
