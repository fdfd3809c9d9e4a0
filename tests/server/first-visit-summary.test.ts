import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../server/app";
import { catalogueCacheCounters } from "../../server/guides/catalogue-cache";
import { listGuides, publishGuide, withdrawGuide } from "../../server/guides/repository";
import { CATALOGUE_SUMMARY_ELEMENT_ID, type CatalogueSummary } from "../../shared/api/catalogue";
import { sampleGuide } from "../helpers/sample-guide";
import { seededDatabase } from "../helpers/temp-db";

/**
 * Issue 12: a first visit's HTML carries the home list's summary of the
 * catalogue, built once per catalogue change, inert and unbreakable by a
 * guide's text; the precached shell carries none.
 */

const SHELL = `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <title>Masdarin</title>
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>
`;

let env: Awaited<ReturnType<typeof seededDatabase>>;
let dist: string;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  env = await seededDatabase();
  dist = mkdtempSync(join(tmpdir(), "masdarin-dist-"));
  writeFileSync(join(dist, "index.html"), SHELL);
  app = createApp({ db: env.db, staticDir: dist });
});
afterEach(async () => {
  await env.cleanup();
  rmSync(dist, { recursive: true, force: true });
});

async function firstVisitHtml(path = "/", acceptEncoding = "gzip"): Promise<{ html: string; response: Response }> {
  const response = await app.request(path, { headers: { "Accept-Encoding": acceptEncoding } });
  const bytes = Buffer.from(await response.arrayBuffer());
  const html = (response.headers.get("content-encoding") === "gzip" ? gunzipSync(bytes) : bytes).toString("utf8");
  return { html, response };
}

/** The summary element's text, as a browser's parser would cut it: up to the first `</script`. */
function summaryText(html: string): string {
  const open = `<script type="application/json" id="${CATALOGUE_SUMMARY_ELEMENT_ID}">`;
  const start = html.indexOf(open);
  expect(start).toBeGreaterThan(0);
  const from = start + open.length;
  return html.slice(from, html.toLowerCase().indexOf("</script", from));
}

describe("the catalogue summary in a first visit's HTML", () => {
  it("lists every published guide with only the home list's fields, and the catalogue cursor", async () => {
    const { html, response } = await firstVisitHtml();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    const summary = JSON.parse(summaryText(html)) as CatalogueSummary;
    const published = (await listGuides(env.db)).filter((row) => !row.withdrawn);
    expect(summary.guides.map((guide) => guide.id).sort()).toEqual(published.map((row) => row.guide.id).sort());
    expect(summary.cursor).toMatch(/^c1\.\d+$/);
    for (const guide of summary.guides) {
      expect(Object.keys(guide).sort()).toEqual(["category", "fee", "id", "office", "serviceTime", "summary", "title"]);
      expect(Object.keys(guide.fee)).toEqual(["amount"]);
      expect(Object.keys(guide.serviceTime)).toEqual(["workingDays"]);
      expect(Object.keys(guide.office)).toEqual(["level"]);
    }
    // Client-side routes get it too; the precached shell, served by the service worker later, does not.
    expect((await firstVisitHtml("/panduan/surat-contoh")).html).toContain(CATALOGUE_SUMMARY_ELEMENT_ID);
    // A QR's status link, and a tracking number typed with dots, open the app too (not a missing file).
    for (const path of ["/lacak", "/lacak/DRN-7K4MX-2QP9A", "/lacak/drn.7k4mx.2qp9a"]) {
      const { response } = await firstVisitHtml(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toBe("text/html; charset=UTF-8");
    }
    const shell = await (await app.request("/index.html")).text();
    expect(shell).not.toContain(CATALOGUE_SUMMARY_ELEMENT_ID);
  });

  it("keeps a </script> or <!-- in a guide's title inside the element, read back as written", async () => {
    const title = 'Surat </script><script>alert("x")</script> <!-- contoh';
    await publishGuide(env.db, sampleGuide({ title: { id: title, en: "</SCRIPT >Sample" } }));
    const { html } = await firstVisitHtml();
    const text = summaryText(html);
    expect(text).not.toContain("<");
    const summary = JSON.parse(text) as CatalogueSummary;
    const guide = summary.guides.find((listed) => listed.id === "surat-contoh");
    expect(guide?.title).toEqual({ id: title, en: "</SCRIPT >Sample" });
    // The page still ends as it should: nothing the title carried became markup.
    expect(html.match(/<script/gi)).toHaveLength(1);
  });

  it("builds and compresses the page once per catalogue change, for many visits", async () => {
    const before = { ...catalogueCacheCounters };
    const first = await firstVisitHtml();
    await firstVisitHtml();
    await firstVisitHtml("/panduan/x");
    expect(catalogueCacheCounters.summarised - before.summarised).toBe(1);
    expect(catalogueCacheCounters.compressed - before.compressed).toBe(1);
    expect(first.response.headers.get("content-encoding")).toBe("gzip");
    expect(first.response.headers.get("vary")).toBe("Accept-Encoding");

    await publishGuide(env.db, sampleGuide({ title: { id: "Surat Baru Sekali", en: "A Brand New Certificate" } }));
    const changed = await firstVisitHtml();
    expect(summaryText(changed.html)).toContain("Surat Baru Sekali");
    await firstVisitHtml();
    expect(catalogueCacheCounters.summarised - before.summarised).toBe(2);

    await withdrawGuide(env.db, "surat-contoh");
    expect(summaryText((await firstVisitHtml()).html)).not.toContain("surat-contoh");
    expect(catalogueCacheCounters.summarised - before.summarised).toBe(3);
  });
});
