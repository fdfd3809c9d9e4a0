/**
 * Renders the app icon SVG to the PNG sizes the web manifest needs, with the
 * same headless Chromium the tests use. Run after changing icon.svg:
 *   npx tsx scripts/make-icons.ts
 */
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const dir = "client/public/icons";
const svg = readFileSync(`${dir}/icon.svg`, "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage();
for (const { size, file, padding } of [
  { size: 192, file: "icon-192.png", padding: 0 },
  { size: 512, file: "icon-512.png", padding: 0 },
  // Maskable icons are cropped to a circle by some launchers: keep the mark in the safe zone.
  { size: 512, file: "icon-maskable-512.png", padding: 0.12 },
]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - 2 * padding));
  await page.setContent(
    `<body style="margin:0;background:${padding ? "#0b5d4b" : "transparent"};display:grid;place-items:center;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace("<svg ", '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: `${dir}/${file}`, omitBackground: padding === 0 });
}
await browser.close();
