/**
 * On-device preparation of one document page (a KTP, a KK, a letter) before it
 * is stored in the draft and uploaded: the real type is sniffed from the bytes,
 * photos are decoded with their EXIF rotation, refused when too small to read
 * (the server's rule, shared/files/formats.ts), scaled down and re-encoded to
 * a few hundred kilobytes; PDFs are kept as they are. A picked PNG stays PNG
 * when the requirement takes PNG but not photos (see `accept`).
 *
 * Only platform APIs (createImageBitmap, OffscreenCanvas or <canvas>), no image
 * libraries. Written for cheap phones: one full-size bitmap at a time, closed
 * as soon as it has been drawn once.
 *
 * Error messages are English and free of personal data (no file names): they
 * go to logs; the screen maps `PageError.code` to localized text.
 */
import { MIN_IMAGE_LONG_EDGE, type PageMimeType } from "../../shared/files/formats";
import { SNIFF_BYTES, sniffFileType } from "../../shared/files/sniff";
import { measureQuality, type PhotoQuality, QUALITY_EDGE } from "./quality";

/** What a page becomes without `accept`: photos re-encoded as WebP or JPEG, PDFs kept. */
export type ConvertedMime = "image/jpeg" | "image/webp" | "application/pdf";

export interface PreparedPage<M extends PageMimeType = PageMimeType> {
  blob: Blob;
  mime: M;
  bytes: number;
  width?: number;
  height?: number;
  thumbnail?: Blob;
  /** Sharpness and brightness of a photo (./quality.ts), for the blur and darkness warnings; none for PDFs. */
  quality?: PhotoQuality;
}

export type PageErrorCode = "not-supported" | "corrupt" | "too-large" | "too-small" | "empty";

export class PageError extends Error {
  override readonly name = "PageError";
  constructor(
    readonly code: PageErrorCode,
    message: string,
    /** For "too-large": the limit that was exceeded, so the message can name it. */
    readonly limitBytes?: number,
    /** For "too-small": the shortest long edge a readable page has, so the message can name it. */
    readonly minLongEdge?: number,
  ) {
    super(message);
  }
}

export interface PreparePageOptions {
  /** Long edge of the output in pixels; never upscaled. Default 2000. */
  maxEdge?: number;
  /** Size the encoder aims for. Default 300,000 bytes. */
  targetBytes?: number;
  /** Inputs above this are refused before decoding. Default 25 MB. */
  maxInputBytes?: number;
  /** PDFs are kept as they are, up to this size. Default 5 MB. */
  maxPdfBytes?: number;
  /** A PNG kept as PNG may be this large. Default 5 MB. */
  maxPngBytes?: number;
}

export interface AcceptingOptions extends PreparePageOptions {
  /**
   * The page types the requirement accepts (`mimesForFormats` of its formats).
   * A picked PNG stays PNG when this holds image/png but neither photo type:
   * converting it would make a page the pre-check refuses.
   */
  accept: ReadonlySet<string>;
}

const MB = 1024 * 1024;
const DEFAULTS: Required<PreparePageOptions> = {
  maxEdge: 2000,
  targetBytes: 300_000,
  maxInputBytes: 25 * MB,
  maxPdfBytes: 5 * MB,
  maxPngBytes: 5 * MB,
};

/** Encoder qualities tried in turn at each size before the page is scaled down further. */
const QUALITIES = [0.82, 0.74, 0.66, 0.58, 0.5] as const;
/** Each further reduction keeps this share of the long edge. */
const SHRINK = 0.85;
/** Below this long edge the small print of a KTP or KK stops being legible: size gives way first. */
const LEGIBLE_EDGE = 1200;
/** A size expected to need more than twice the target even at the lowest quality is not encoded at all. */
const HOPELESS = 2;
const THUMBNAIL_EDGE = 240;
const THUMBNAIL_QUALITY = 0.7;

type ImageMime = "image/webp" | "image/jpeg";
type EncodableMime = ImageMime | "image/png";
type Encoded = { blob: Blob; mime: ImageMime };
type Surface = OffscreenCanvas | HTMLCanvasElement;
type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** Keeps PNG when `accept` needs it; the result may then be image/png. */
export function preparePage(file: Blob, options: AcceptingOptions): Promise<PreparedPage>;
/** Without `accept`, photos always become WebP or JPEG. */
export function preparePage(file: Blob, options?: PreparePageOptions): Promise<PreparedPage<ConvertedMime>>;
export async function preparePage(
  file: Blob,
  options: PreparePageOptions & { accept?: ReadonlySet<string> } = {},
): Promise<PreparedPage> {
  const { maxEdge, targetBytes, maxInputBytes, maxPdfBytes, maxPngBytes } = { ...DEFAULTS, ...usableOnly(options) };

  if (file.size === 0) throw new PageError("empty", "The file is empty.");
  if (file.size > maxInputBytes) {
    throw new PageError("too-large", `The file has ${file.size} bytes; the limit is ${maxInputBytes}.`, maxInputBytes);
  }

  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const type = sniffFileType(head);

  if (type === "application/pdf") {
    if (file.size > maxPdfBytes) {
      throw new PageError("too-large", `The PDF has ${file.size} bytes; the limit is ${maxPdfBytes}.`, maxPdfBytes);
    }
    // Kept byte for byte; only the declared type is set from what the bytes say.
    const blob = file.type === type ? file : new Blob([file], { type });
    return { blob, mime: type, bytes: blob.size };
  }
  if (type === "image/heic") {
    throw new PageError("not-supported", "HEIC photos cannot be decoded in this browser.");
  }
  if (type === null) {
    throw new PageError("not-supported", "The file is neither a JPEG, PNG or WebP photo nor a PDF.");
  }

  const bitmap = await decode(file);
  const longEdge = Math.max(bitmap.width, bitmap.height);
  if (longEdge < MIN_IMAGE_LONG_EDGE) {
    bitmap.close();
    throw new PageError(
      "too-small",
      `The image's long edge is ${longEdge} px; a readable page needs ${MIN_IMAGE_LONG_EDGE}.`,
      undefined,
      MIN_IMAGE_LONG_EDGE,
    );
  }
  if (type === "image/png" && keepsPng(options.accept)) return keepPng(file, bitmap, { maxEdge, maxPngBytes });
  return encodeImage(bitmap, { maxEdge, targetBytes });
}

/** PNG is kept only where converting would leave the requirement's formats. */
function keepsPng(accept: ReadonlySet<string> | undefined): boolean {
  return !!accept?.has("image/png") && !accept.has("image/webp") && !accept.has("image/jpeg");
}

/**
 * A picked PNG (a screenshot, a scan) that must stay PNG: kept byte for byte
 * when small enough in both pixels and bytes, otherwise scaled to `maxEdge`
 * and encoded as PNG again. Lossless either way; refused if still too large.
 */
async function keepPng(
  file: Blob,
  bitmap: ImageBitmap,
  { maxEdge, maxPngBytes }: { maxEdge: number; maxPngBytes: number },
): Promise<PreparedPage> {
  const { width, height } = bitmap;
  const edge = Math.min(Math.max(width, height), Math.max(1, Math.round(maxEdge)));
  let page: Surface;
  try {
    page = draw(bitmap, bitmap.width, bitmap.height, edge);
  } finally {
    bitmap.close();
  }
  try {
    const quality = measureSurface(page);
    const unchanged = page.width === width && page.height === height && file.size <= maxPngBytes;
    let blob: Blob;
    if (unchanged) {
      blob = file.type === "image/png" ? file : new Blob([file], { type: "image/png" });
    } else {
      blob = await encode(page, "image/png");
      if (!(await isEncodedAs(blob, "image/png"))) {
        throw new PageError("not-supported", `This browser cannot encode PNG (it returned ${blob.type || "nothing"}).`);
      }
    }
    if (blob.size > maxPngBytes) {
      throw new PageError("too-large", `The PNG has ${blob.size} bytes; the limit is ${maxPngBytes}.`, maxPngBytes);
    }
    return {
      blob,
      mime: "image/png",
      bytes: blob.size,
      width: page.width,
      height: page.height,
      thumbnail: await encodeThumbnail(page),
      ...(quality ? { quality } : {}),
    };
  } finally {
    release(page);
  }
}

/** Options left undefined, or not a positive number, fall back to the defaults. */
function usableOnly(options: PreparePageOptions): PreparePageOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([, value]) => typeof value === "number" && Number.isFinite(value) && value > 0),
  );
}

async function decode(file: Blob): Promise<ImageBitmap> {
  if (typeof createImageBitmap !== "function") {
    throw new PageError("not-supported", "This browser cannot decode images off the page (no createImageBitmap).");
  }
  let bitmap: ImageBitmap;
  try {
    // "from-image" applies the EXIF orientation: width and height are as the page is seen.
    bitmap = await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch (error) {
    throw new PageError("corrupt", `The image could not be decoded (${errorName(error)}).`);
  }
  if (bitmap.width === 0 || bitmap.height === 0) {
    bitmap.close();
    throw new PageError("corrupt", "The image has no pixels.");
  }
  return bitmap;
}

async function encodeImage(
  bitmap: ImageBitmap,
  { maxEdge, targetBytes }: { maxEdge: number; targetBytes: number },
): Promise<PreparedPage> {
  const longEdge = Math.max(bitmap.width, bitmap.height);
  let edge = Math.min(longEdge, Math.max(1, Math.round(maxEdge)));
  const floor = Math.min(edge, LEGIBLE_EDGE);

  // The only full-size copy: drawn once at the first output size, then released.
  let base: Surface;
  try {
    base = draw(bitmap, bitmap.width, bitmap.height, edge);
  } finally {
    bitmap.close();
  }

  let page = base;
  try {
    const quality = measureSurface(base);
    let best = await encodeToFit(page, targetBytes, undefined);
    let measured = { bytes: best.blob.size, area: page.width * page.height };
    while (best.blob.size > targetBytes && edge > floor) {
      edge = Math.max(floor, Math.round(edge * SHRINK));
      // Each size is drawn from the first one, not from the last: one resampling, not several.
      if (page !== base) release(page);
      page = draw(base, base.width, base.height, edge);
      // Bytes shrink about with the pixel count (faster for noisy photos): skip sizes that cannot come close.
      const expected = (measured.bytes * (page.width * page.height)) / measured.area;
      if (edge > floor && expected > targetBytes * HOPELESS) continue;
      best = await encodeToFit(page, targetBytes, best.mime);
      measured = { bytes: best.blob.size, area: page.width * page.height };
    }
    const thumbnail = await encodeThumbnail(page);
    const { blob } = best;
    return {
      blob,
      mime: best.mime,
      bytes: blob.size,
      width: page.width,
      height: page.height,
      thumbnail,
      ...(quality ? { quality } : {}),
    };
  } finally {
    if (page !== base) release(page);
    release(base);
  }
}

/**
 * The page at the highest quality of QUALITIES that fits `targetBytes`, or at
 * the lowest when none does. The best quality is tried first (most pages fit at
 * once), then the rest by bisection: at most 4 encodings per size, not 5.
 */
async function encodeToFit(page: Surface, targetBytes: number, known: ImageMime | undefined): Promise<Encoded> {
  let mime = known;
  const tried = new Map<number, Encoded>();
  const attempt = async (index: number) => {
    const encoded = await encodeBest(page, QUALITIES[index] as number, mime);
    mime = encoded.mime;
    tried.set(index, encoded);
    return encoded;
  };
  const first = await attempt(0);
  if (first.blob.size <= targetBytes) return first;
  // Smaller index, higher quality. Everything below `low` is known to be too big.
  let low = 1;
  let high = QUALITIES.length - 1;
  let fitting: Encoded | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const encoded = await attempt(middle);
    if (encoded.blob.size <= targetBytes) {
      fitting = encoded;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  const lowest = QUALITIES.length - 1;
  return fitting ?? tried.get(lowest) ?? attempt(lowest);
}

/** WebP where the browser really encodes it, else JPEG: some browsers answer a WebP request with a PNG. */
async function encodeBest(surface: Surface, quality: number, known: ImageMime | undefined): Promise<Encoded> {
  if (known !== "image/jpeg") {
    const blob = await encode(surface, "image/webp", quality);
    if (await isEncodedAs(blob, "image/webp")) return { blob, mime: "image/webp" };
  }
  const blob = await encode(surface, "image/jpeg", quality);
  if (!(await isEncodedAs(blob, "image/jpeg"))) {
    throw new PageError("not-supported", `This browser cannot encode JPEG (it returned ${blob.type || "nothing"}).`);
  }
  return { blob, mime: "image/jpeg" };
}

async function isEncodedAs(blob: Blob, mime: EncodableMime): Promise<boolean> {
  if (blob.type !== mime) return false;
  return sniffFileType(new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer())) === mime;
}

async function encodeThumbnail(page: Surface): Promise<Blob> {
  const small = draw(page, page.width, page.height, Math.min(THUMBNAIL_EDGE, Math.max(page.width, page.height)));
  try {
    return await encode(small, "image/jpeg", THUMBNAIL_QUALITY);
  } finally {
    release(small);
  }
}

/** The page's sharpness and brightness on a QUALITY_EDGE copy; undefined where pixels cannot be read back. */
function measureSurface(page: Surface): PhotoQuality | undefined {
  const small = draw(page, page.width, page.height, Math.min(QUALITY_EDGE, Math.max(page.width, page.height)));
  try {
    const context = isElement(small) ? small.getContext("2d") : small.getContext("2d");
    if (!context) return undefined;
    return measureQuality(context.getImageData(0, 0, small.width, small.height));
  } catch {
    // A canvas the browser will not read back (privacy settings): no warning rather than no page.
    return undefined;
  } finally {
    release(small);
  }
}

/** A new surface holding `source` scaled so that its long edge is `edge`, on white (PNGs may be transparent). */
function draw(source: CanvasImageSource, width: number, height: number, edge: number): Surface {
  const scale = Math.min(1, edge / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const { surface, context } = createSurface(w, h);
  context.fillStyle = "#fff";
  context.fillRect(0, 0, w, h);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "high";
  context.drawImage(source, 0, 0, w, h);
  return surface;
}

function createSurface(width: number, height: number): { surface: Surface; context: Context2D } {
  if (typeof OffscreenCanvas !== "undefined") {
    const surface = new OffscreenCanvas(width, height);
    const context = surface.getContext("2d");
    if (context) return { surface, context };
  }
  const surface = document.createElement("canvas");
  surface.width = width;
  surface.height = height;
  const context = surface.getContext("2d");
  if (!context) throw new PageError("not-supported", "This browser has no 2D canvas.");
  return { surface, context };
}

function encode(surface: Surface, type: EncodableMime, quality?: number): Promise<Blob> {
  if (!isElement(surface)) return surface.convertToBlob({ type, quality });
  return new Promise((resolve, reject) => {
    surface.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new PageError("corrupt", "The canvas could not be encoded."))),
      type,
      quality,
    );
  });
}

function isElement(surface: Surface): surface is HTMLCanvasElement {
  return typeof HTMLCanvasElement !== "undefined" && surface instanceof HTMLCanvasElement;
}

/** Zero-sized canvases give their pixel memory back at once (Safari and older Chrome keep it until GC otherwise). */
function release(surface: Surface): void {
  surface.width = 0;
  surface.height = 0;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : "unknown error";
}
