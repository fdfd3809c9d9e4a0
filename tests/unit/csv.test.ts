import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvDialect, csvLine, csvResponse, SEMICOLON_CSV } from "../../server/http/csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["carriage\rreturn", '"carriage\rreturn"'],
    ["Ñoño Müller", "Ñoño Müller"],
    ["  spaced  ", "  spaced  "],
  ])("quotes %j only when needed", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ["=1+2", "'=1+2"],
    ["+62 812", "'+62 812"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["\rCR", '"\'\rCR"'],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ])("guards formula-looking text %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes numbers as numbers, even negative ones, and nothing for null, undefined or NaN", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(66.7)).toBe("66.7");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("csvLine", () => {
  it("joins with commas and ends every line with CRLF", () => {
    expect(csvLine(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
    expect(CSV_BOM).toBe("\uFEFF");
  });
});

describe("csvResponse", () => {
  function appWith(batches: () => Iterable<(string | number)[][]>) {
    const app = new Hono();
    app.get("/x.csv", (c) => csvResponse(c, "x.csv", ["Nama", "Jumlah"], batches));
    return app;
  }

  it("streams batches in order with headers for a download", async () => {
    const res = await appWith(function* () {
      yield [["Ani", 1]];
      yield [];
      yield [
        ["Budi, S.E.", 2],
        ["Cici", 3],
      ];
    }).request("/x.csv");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="x.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(Buffer.from('\uFEFFNama,Jumlah\r\nAni,1\r\n"Budi, S.E.",2\r\nCici,3\r\n', "utf8"))).toBe(true);
  });

  it("pulls the next batch only as the reader asks for more", async () => {
    let produced = 0;
    const res = await appWith(function* () {
      for (let i = 0; i < 1000; i++) {
        produced += 1;
        yield [[`row ${i}`, i]];
      }
    }).request("/x.csv");
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await new Promise((done) => setTimeout(done, 20));
    expect(produced).toBeLessThan(10);
    await reader.cancel();
  });

  it("cuts the stream when a batch fails, so a broken file never looks complete", async () => {
    const res = await appWith(function* () {
      yield [["Ani", 1]];
      throw new Error("disk gone");
    }).request("/x.csv");
    await expect(res.arrayBuffer()).rejects.toThrow();
  });
});

describe("the semicolon variant, for Excel where the comma is the decimal mark", () => {
  it("separates fields with semicolons and writes decimals with a comma", () => {
    expect(csvLine(["Akta", 4, 66.7, -0.5, 1000, null], SEMICOLON_CSV)).toBe("Akta;4;66,7;-0,5;1000;\r\n");
    expect(csvDialect("semicolon")).toBe(SEMICOLON_CSV);
    expect(csvDialect(undefined).separator).toBe(",");
  });

  it.each([
    ["a;b", '"a;b"'],
    ["Budi, S.E.", "Budi, S.E."],
    ['say "hi"', '"say ""hi"""'],
    ["line\nbreak", '"line\nbreak"'],
    ["carriage\rreturn", '"carriage\rreturn"'],
  ])("quotes %j when it holds a semicolon, quote or line break, and leaves commas alone", (value, expected) => {
    expect(csvCell(value, SEMICOLON_CSV)).toBe(expected);
  });

  it.each([
    ["=1+2", "'=1+2"],
    ["+62 812", "'+62 812"],
    ["-5", "'-5"],
    ["@SUM(A1;B1)", '"\'@SUM(A1;B1)"'],
    ['=HYPERLINK("http://x";"y")', '"\'=HYPERLINK(""http://x"";""y"")"'],
  ])("guards formula-looking text %j as the comma variant does", (value, expected) => {
    expect(csvCell(value, SEMICOLON_CSV)).toBe(expected);
  });

  it("sends the BOM and the header in the same dialect", async () => {
    const app = new Hono();
    app.get("/x.csv", (c) =>
      csvResponse(c, "x.csv", ["Nama; lengkap", "Persen"], () => [[["Ani", 12.5]]], SEMICOLON_CSV),
    );
    const bytes = Buffer.from(await (await app.request("/x.csv")).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toBe('\uFEFF"Nama; lengkap";Persen\r\nAni;12,5\r\n');
  });
});
