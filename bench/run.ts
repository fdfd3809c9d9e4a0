/**
 * `npm run bench`: a benchmark, not a test. Prints figures with the command
 * that produced them; timings vary by machine, sizes do not.
 */
import { basename } from "node:path";
import { firstScreenAssets, gzipSize, startupAssets } from "./bundle-size";
import { benchColdStart } from "./cold-start";
import { benchConsole } from "./console";
import { benchDrafts } from "./drafts";
import { benchFirstVisit } from "./first-visit";
import { benchLighthouse, lighthouseTable } from "./lighthouse";
import { benchPhotoWorker } from "./photo-worker";
import { benchPhotos, benchServerImageCheck } from "./photos";
import { benchPrecheck } from "./precheck";
import { benchSearch } from "./search";
import { benchServer, serverTable } from "./server";
import { benchSync } from "./sync";
import { benchUploads } from "./uploads";

function section(title: string, command: string, data: unknown): void {
  console.log(`\n## ${title}\n$ ${command}`);
  console.log(JSON.stringify(data, null, 2));
}

const assets = firstScreenAssets();
const sizes = Object.fromEntries(assets.map((file) => [basename(file), gzipSize(file)]));
const jsTotal = assets.filter((f) => f.endsWith(".js")).reduce((sum, f) => sum + gzipSize(f), 0);
const cssTotal = assets.filter((f) => f.endsWith(".css")).reduce((sum, f) => sum + gzipSize(f), 0);
section("First screen: gzip bytes (budget 50 KB JS)", "npm run bench (bench/bundle-size.ts)", {
  files: sizes,
  jsGzipBytes: jsTotal,
  cssGzipBytes: cssTotal,
  jsBudgetBytes: 50 * 1024,
});
const startupJs = startupAssets().filter((f) => f.endsWith(".js"));
section(
  "Everything a first visit loads at start-up (first screen + chunks loaded right after the first paint)",
  "npm run bench (bench/bundle-size.ts)",
  {
    files: Object.fromEntries(startupJs.map((file) => [basename(file), gzipSize(file)])),
    jsGzipBytes: startupJs.reduce((sum, f) => sum + gzipSize(f), 0),
  },
);

section("Search over 1,000 generated guides", "npx tsx bench/search.ts", await benchSearch());
const server = await benchServer();
section(
  "Server under load beside bare Hono GET / (same Node, same run): closed loop at 50 and 200 connections, then 200 cadres pushing every 5 s (open loop)",
  "npx tsx bench/server.ts",
  server,
);
console.log(serverTable(server));
section("Drafts in Chromium IndexedDB", "npx tsx bench/drafts.ts", await benchDrafts());
section("Photo compression of a 12-megapixel photo in Chromium", "npx tsx bench/photos.ts", await benchPhotos());
section(
  "Preparing a 12 MP photo: main thread (before) vs the photo worker, same run, full speed and 4x CPU throttle",
  "npx tsx bench/photo-worker.ts",
  await benchPhotoWorker(),
);
section(
  "Server-side check of one uploaded photo (sharp: header, then the whole image decoded)",
  "npx tsx bench/photos.ts",
  await benchServerImageCheck(),
);
section("Pre-check per draft", "npx tsx bench/precheck.ts", await benchPrecheck());
section("Sync over HTTP on 127.0.0.1", "npx tsx bench/sync.ts", await benchSync());
section("Upload of 50 compressed photos over loopback (tus)", "npx tsx bench/uploads.ts", await benchUploads());
section(
  "Operator console over 1,000,000 applications (dashboard, review queue, tracking lookup, queue with the clock, 100,000-row audit export)",
  "npx tsx bench/console.ts",
  await benchConsole(),
);
const lighthouse = await benchLighthouse();
section(
  "Lighthouse, mobile preset, app home and guide page beside a static 35-guide Preact page (same run)",
  "npx tsx bench/lighthouse.ts",
  lighthouse,
);
console.log(lighthouseTable(lighthouse));
section(
  "First visit on a slow phone (4x CPU, 400 kbit/s, 400 ms) beside the static reference: guide list on screen",
  "npx tsx bench/first-visit.ts",
  await benchFirstVisit(),
);
section(
  "Offline cold start at 4x CPU: home screen LCP with the service worker installed",
  "npx tsx bench/cold-start.ts",
  await benchColdStart(),
);
