/**
 * Is a photographed page likely to be readable? Two cheap measures, taken on
 * the phone when the page is added, so a blurry or dark photo is retaken at
 * once rather than sent back by the office days later ("Foto buram atau
 * gelap", the office's most common reason).
 *
 * Pure functions over RGBA pixels: no canvas, no DOM, so they run in the
 * photo worker, on the main thread, and in unit tests alike. The caller
 * downscales the page to QUALITY_EDGE first (client/photos/prepare-page.ts):
 * both the measure and the thresholds below are for that size.
 */

/** Long edge, in pixels, of the greyscale copy the measures are taken on. */
export const QUALITY_EDGE = 512;

/**
 * Below this variance of the Laplacian a page is called blurry.
 *
 * Measured at 512 px (tests/unit/photo-quality.test.ts, and Chromium on
 * bench/photos.ts's generated 12 MP document photo through preparePage):
 * photos in focus score 2,800 (12 MP document) to 10,000 (the browser tests'
 * 1200–1600 px pages) and ~28,000 (crisp text); a slightly soft page (a 4 px
 * blur at 12 MP, 1 px at 512) 220–420; a page out of focus (a 16 px blur at
 * 12 MP, 2–3 px at 512) 7–27, a shaken one less. 50 sits ~4× under the soft
 * but readable pages and ~2–6× over the unreadable ones; it is a warning,
 * never a refusal, so a rare false alarm costs the cadre one glance.
 */
export const BLURRY_BELOW = 50;

/**
 * Below this mean luminance (0–255, Rec. 601 weights) a page is called dark.
 *
 * Paper under a ceiling lamp or daylight averages 170–200 (the generated
 * photos: 166–197); at half the exposure ~100, still readable. At 30% of the
 * light (~58) grey print sinks into the noise of a cheap sensor. 60 keeps
 * ~40 levels of margin below the dimmest readable photos.
 */
export const DARK_BELOW = 60;

export interface PhotoQuality {
  /** Variance of the 4-neighbour Laplacian of the greyscale image. */
  sharpness: number;
  /** Mean luminance, 0–255. */
  brightness: number;
}

export type QualityWarning = "blurry" | "dark";

/** Pixels as ImageData holds them: RGBA, 4 bytes a pixel, row by row. */
export interface RgbaPixels {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

/** Sharpness and brightness of an image, ideally already scaled to QUALITY_EDGE. */
export function measureQuality({ data, width, height }: RgbaPixels): PhotoQuality {
  const count = width * height;
  if (count === 0 || data.length < count * 4) throw new RangeError("Pixel data does not match the size.");
  const grey = new Float32Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const o = i * 4;
    const y = 0.299 * (data[o] as number) + 0.587 * (data[o + 1] as number) + 0.114 * (data[o + 2] as number);
    grey[i] = y;
    sum += y;
  }
  // The Laplacian needs a neighbour on every side: only inner pixels count.
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let row = 1; row < height - 1; row++) {
    for (let column = 1; column < width - 1; column++) {
      const i = row * width + column;
      const value =
        (grey[i - 1] as number) +
        (grey[i + 1] as number) +
        (grey[i - width] as number) +
        (grey[i + width] as number) -
        4 * (grey[i] as number);
      // Welford's running variance: one pass, no second array.
      n++;
      const delta = value - mean;
      mean += delta / n;
      m2 += delta * (value - mean);
    }
  }
  return { sharpness: n > 1 ? m2 / n : 0, brightness: sum / count };
}

/**
 * What to tell the cadre. A dark photo is also low in detail; asking for
 * light first gives one clear instruction instead of two.
 */
export function qualityWarnings(quality: PhotoQuality): QualityWarning[] {
  if (quality.brightness < DARK_BELOW) return ["dark"];
  if (quality.sharpness < BLURRY_BELOW) return ["blurry"];
  return [];
}
