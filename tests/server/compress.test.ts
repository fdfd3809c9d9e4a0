import { gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { compressJson, negotiateEncoding } from "../../server/http/compress";

const small = { ok: true, note: "kecil" };
const huge = { items: Array.from({ length: 4000 }, (_, i) => ({ id: i, name: `Kelurahan ${i}` })) };
const large = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Kelurahan ${i}` })) };

function appWith(): Hono {
  const app = new Hono();
  app.use("*", compressJson());
  app.get("/small", (c) => c.json(small));
  app.get("/large", (c) => c.json(large));
  app.get("/huge", (c) => c.json(huge));
  app.get("/begun-then-failed", (c) => {
    c.json(large);
    return c.json(small, 409);
  });
  app.get("/text", (c) => c.text("x".repeat(5000)));
  return app;
}

describe("JSON answers compressed by size", () => {
  it("sends a small answer as it is, with its length and no Vary, to a client that takes gzip", async () => {
    const response = await appWith().request("/small", { headers: { "Accept-Encoding": "gzip" } });
    const bytes = await response.arrayBuffer();
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("vary")).toBeNull();
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(response.headers.get("etag")).toBeNull();
    expect(JSON.parse(Buffer.from(bytes).toString("utf8"))).toEqual(small);
  });

  it("gzips a large answer in one piece with its compressed length and Vary", async () => {
    const response = await appWith().request("/large", { headers: { "Accept-Encoding": "gzip, br" } });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(JSON.parse(gunzipSync(bytes).toString("utf8"))).toEqual(large);
  });

  it("gzips a very large answer after the handler, with its compressed length", async () => {
    const response = await appWith().request("/huge", { headers: { "Accept-Encoding": "gzip" } });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(JSON.stringify(huge)) / 3);
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
    expect(JSON.parse(gunzipSync(bytes).toString("utf8"))).toEqual(huge);
  });

  it("leaves a large answer uncompressed for a client without gzip", async () => {
    const variants: Record<string, string>[] = [
      {},
      { "Accept-Encoding": "identity" },
      { "Accept-Encoding": "gzip;q=0" },
    ];
    for (const headers of variants) {
      const response = await appWith().request("/large", { headers });
      const text = await response.text();
      expect(response.headers.get("content-encoding")).toBeNull();
      expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
      expect(JSON.parse(text)).toEqual(large);
    }
  });

  it("gives a second answer its own length and encoding, not the first one's", async () => {
    const response = await appWith().request("/begun-then-failed", { headers: { "Accept-Encoding": "gzip" } });
    const text = await response.text();
    expect(response.status).toBe(409);
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toEqual(small);
  });

  it("leaves answers that are not JSON to the streaming compressor", async () => {
    const response = await appWith().request("/text", { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("content-length")).toBeNull();
  });
});

describe("Accept-Encoding negotiation", () => {
  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["gzip", "gzip"],
    ["gzip, deflate, br", "br"],
    ["br;q=0.8, gzip", "gzip"],
    ["GZIP", "gzip"],
    ["*", "br"],
    ["*;q=0", "identity"],
    ["br;q=0, *", "gzip"],
    ["deflate", "identity"],
    ["gzip;q=abc", "identity"],
  ])("answers %j with %s", (header, expected) => {
    expect(negotiateEncoding(header, ["br", "gzip", "identity"])).toBe(expected);
  });
});
