/**
 * The static reference page the Lighthouse and first-visit figures are read
 * beside: the seeded catalogue's 35 guides as a Preact list, bundled once with
 * esbuild (minified, data inlined) and served gzip-compressed from a tiny
 * node:http server on loopback. Same machine, same run, same browser: the gap
 * between it and the app is the app's own cost.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { seedCatalogue } from "../../server/seed/catalogue/index";
import type { ReferenceGuide } from "./list";

const ROOT = resolve(import.meta.dirname, "../..");

const STYLE = `
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;line-height:1.5;color:#1d2321;background:#f7f5ef}
*{box-sizing:border-box}body{margin:0}main{max-width:40rem;margin:0 auto;padding:1rem}
ul{list-style:none;margin:0;padding:0;display:grid;gap:.75rem}
.card{display:grid;gap:.25rem;padding:.9rem 1rem;background:#fff;border:1px solid #d9dcd6;border-radius:12px;color:#1d2321;text-decoration:none}
.card strong{font-size:1.0625rem;color:#083d32}
.summary{color:#56605c;font-size:.875rem;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.facts{display:flex;flex-wrap:wrap;gap:.375rem}.tag{padding:.125rem .5rem;border-radius:6px;background:#eef0ec;font-size:.8125rem;font-weight:600}
`;

function page(): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Daftar layanan perizinan (halaman pembanding)">
<title>Pembanding: daftar 35 layanan</title><style>${STYLE}</style>
<script type="module" src="/app.js"></script></head><body><div id="app"></div></body></html>`;
}

async function bundle(): Promise<string> {
  const guides: ReferenceGuide[] = seedCatalogue.map((guide) => ({
    id: guide.id,
    title: guide.title.id,
    summary: guide.summary.id,
    fee: guide.fee.amount,
    days: guide.serviceTime.workingDays,
  }));
  const result = await build({
    stdin: {
      contents: `import { renderList } from "./bench/static-reference/list";
renderList(${JSON.stringify(guides)}, document.getElementById("app"));`,
      resolveDir: ROOT,
      sourcefile: "static-reference-entry.ts",
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
  });
  return result.outputFiles[0]?.text ?? "";
}

export interface StaticReference {
  url: string;
  /** gzip bytes of the page's script, to print beside the app's. */
  scriptGzipBytes: number;
  stop(): Promise<void>;
}

/** Builds the reference page and serves it on a free loopback port. */
export async function startStaticReference(): Promise<StaticReference> {
  const asFile = (type: string, text: string) => ({ type, raw: Buffer.from(text), gzip: gzipSync(text) });
  const files = new Map([
    ["/", asFile("text/html; charset=utf-8", page())],
    ["/app.js", asFile("text/javascript; charset=utf-8", await bundle())],
  ]);
  const server: Server = createServer((req, res) => {
    const file = files.get((req.url ?? "/").split("?")[0] ?? "/");
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    const body = gzip ? file.gzip : file.raw;
    res.writeHead(200, {
      "Content-Type": file.type,
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
      "Content-Length": body.byteLength,
      "Cache-Control": "no-cache",
      Vary: "Accept-Encoding",
    });
    res.end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    scriptGzipBytes: files.get("/app.js")?.gzip.byteLength ?? 0,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
}
