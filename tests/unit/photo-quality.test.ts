import { describe, expect, it } from "vitest";
import {
  BLURRY_BELOW,
  DARK_BELOW,
  measureQuality,
  QUALITY_EDGE,
  qualityWarnings,
  type RgbaPixels,
} from "../../client/photos/quality";

const WIDTH = QUALITY_EDGE;
const HEIGHT = Math.round((QUALITY_EDGE * 3) / 4);

/** A deterministic stand-in for Math.random, so every run measures the same images. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

/**
 * A page of print at the measuring size: off-white paper, lines of dark
 * glyph-sized strokes 1–3 px wide (small print on a KTP scaled to 512 px),
 * and a little sensor grain. Grey values, one per pixel.
 */
function textPage(seed = 7): Float32Array {
  const next = random(seed);
  const grey = new Float32Array(WIDTH * HEIGHT).fill(228);
  for (let top = 20; top < HEIGHT - 16; top += 14) {
    let x = 16 + Math.floor(next() * 12);
    while (x < WIDTH - 24) {
      const glyph = 3 + Math.floor(next() * 5);
      const tall = 6 + Math.floor(next() * 4);
      // A glyph: a few vertical and horizontal strokes.
      for (let stroke = 0; stroke < 3; stroke++) {
        const sx = x + Math.floor(next() * glyph);
        const thick = 1 + Math.floor(next() * 2);
        for (let y = top; y < top + tall; y++) for (let t = 0; t < thick; t++) grey[y * WIDTH + sx + t] = 30;
      }
      const hy = top + Math.floor(next() * tall);
      for (let t = 0; t < glyph; t++) grey[hy * WIDTH + x + t] = 30;
      x += glyph + 2 + (next() < 0.15 ? 6 : 0);
    }
  }
  for (let i = 0; i < grey.length; i++) grey[i] = (grey[i] as number) + (next() - 0.5) * 6;
  return grey;
}

/** A Gaussian-like blur: three box blurs of radius `radius`, as an out-of-focus lens spreads each point. */
function blurred(grey: Float32Array, radius: number): Float32Array {
  let current = grey;
  for (let pass = 0; pass < 3; pass++) current = boxBlur(boxBlur(current, radius, 1, 0), radius, 0, 1);
  return current;
}

function boxBlur(grey: Float32Array, radius: number, dx: number, dy: number): Float32Array {
  const out = new Float32Array(grey.length);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      let sum = 0;
      let n = 0;
      for (let k = -radius; k <= radius; k++) {
        const sx = Math.min(WIDTH - 1, Math.max(0, x + k * dx));
        const sy = Math.min(HEIGHT - 1, Math.max(0, y + k * dy));
        sum += grey[sy * WIDTH + sx] as number;
        n++;
      }
      out[y * WIDTH + x] = sum / n;
    }
  }
  return out;
}

/** The same page under a dim lamp: every level scaled down, as a short exposure does. */
function darkened(grey: Float32Array, factor: number): Float32Array {
  return grey.map((value) => value * factor);
}

function rgba(grey: Float32Array): RgbaPixels {
  const data = new Uint8ClampedArray(grey.length * 4);
  grey.forEach((value, i) => {
    data[i * 4] = value;
    data[i * 4 + 1] = value;
    data[i * 4 + 2] = value;
    data[i * 4 + 3] = 255;
  });
  return { data, width: WIDTH, height: HEIGHT };
}

describe("photo quality on the phone", () => {
  const sharp = measureQuality(rgba(textPage()));

  it("passes a sharp, well-lit page of text, with a wide margin above the blur threshold", () => {
    expect(qualityWarnings(sharp)).toEqual([]);
    expect(sharp.sharpness).toBeGreaterThan(BLURRY_BELOW * 4);
    expect(sharp.brightness).toBeGreaterThan(DARK_BELOW * 2);
  });

  it("warns that the same page out of focus is blurry, well below the threshold", () => {
    const soft = measureQuality(rgba(blurred(textPage(), 3)));
    expect(qualityWarnings(soft)).toEqual(["blurry"]);
    expect(soft.sharpness).toBeLessThan(BLURRY_BELOW / 2);
    // Blurring keeps the light: only sharpness fell.
    expect(Math.abs(soft.brightness - sharp.brightness)).toBeLessThan(2);
  });

  it("warns that the page under a dim lamp is too dark, and asks for light rather than focus", () => {
    const dim = measureQuality(rgba(darkened(textPage(), 0.2)));
    expect(dim.brightness).toBeLessThan(DARK_BELOW);
    expect(qualityWarnings(dim)).toEqual(["dark"]);
  });

  it("does not call a slightly soft but readable page blurry (a 1 px blur passes, with margin)", () => {
    const slight = measureQuality(rgba(blurred(textPage(), 1)));
    expect(qualityWarnings(slight)).toEqual([]);
    expect(slight.sharpness).toBeGreaterThan(BLURRY_BELOW * 3);
  });

  it("calls a blank, even sheet blurry: nothing on it can be read", () => {
    const blank = measureQuality(rgba(new Float32Array(WIDTH * HEIGHT).fill(220)));
    expect(blank).toEqual({ sharpness: 0, brightness: expect.closeTo(220, 5) });
    expect(qualityWarnings(blank)).toEqual(["blurry"]);
  });

  it("refuses pixel data that does not match the stated size", () => {
    expect(() => measureQuality({ data: new Uint8ClampedArray(12), width: 2, height: 2 })).toThrow(RangeError);
  });
});
