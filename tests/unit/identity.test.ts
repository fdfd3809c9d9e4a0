import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, parseDate } from "../../shared/identity/dates";
import { parseKk } from "../../shared/identity/kk";
import { checkNikAgainst, type NikFacts, parseNik } from "../../shared/identity/nik";
import { parsePhone } from "../../shared/identity/phone";
import type { FieldProblem, Parsed } from "../../shared/identity/problem";
import { createRegionIndex } from "../../shared/regions";
import { DISTRICT_CODES } from "../../shared/regions/data/district-codes";

const TODAY = "2026-05-20";
const regions = createRegionIndex();
const allDistricts = DISTRICT_CODES.split(" ").flatMap((block) =>
  (block.slice(4).match(/\d\d/g) ?? []).map((n) => block.slice(0, 4) + n),
);

function expectProblem(result: Parsed<unknown, unknown>, code: string): FieldProblem {
  if (result.ok) throw new Error(`expected ${code}, got ok ${JSON.stringify(result.value)}`);
  expect(result.problem.code).toBe(code);
  expect(result.problem.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  expect(result.problem.message.id.trim()).not.toBe("");
  expect(result.problem.message.en.trim()).not.toBe("");
  return result.problem;
}

describe("parseNik", () => {
  it.each<[string, string, Omit<NikFacts, "regionCode" | "serial">]>([
    ["man born 12-03-1990", "3171011203900001", { birthDate: "1990-03-12", sex: "male" }],
    ["woman born 12-03-1990 (day + 40)", "3171015203900001", { birthDate: "1990-03-12", sex: "female" }],
    ["typed with spaces", "31 7101 120390 0001", { birthDate: "1990-03-12", sex: "male" }],
    ["typed with dots", "3171.0112.0390.0001", { birthDate: "1990-03-12", sex: "male" }],
    ["typed with dashes", "317101-120390-0001", { birthDate: "1990-03-12", sex: "male" }],
    ["woman born on the 31st (71)", "3175077101850042", { birthDate: "1985-01-31", sex: "female" }],
    ["29 February 2000", "3171012902000001", { birthDate: "2000-02-29", sex: "male" }],
    ["29 February 2024", "3171016902240001", { birthDate: "2024-02-29", sex: "female" }],
    ["born today", "3171012005260001", { birthDate: "2026-05-20", sex: "male" }],
    ["a date after today is last century's", "3171012105260001", { birthDate: "1926-05-21", sex: "male" }],
    [
      "a region outside Jakarta (first registered elsewhere)",
      "1101011203900001",
      { birthDate: "1990-03-12", sex: "male" },
    ],
  ])("accepts a %s", (_, input, expected) => {
    const result = parseNik(input, regions, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const digits = input.replace(/\D/g, "");
    expect(result.value).toBe(digits);
    expect(result.facts).toEqual({ regionCode: digits.slice(0, 6), serial: digits.slice(12), ...expected });
  });

  it.each([
    ["empty", "", "nik-empty"],
    ["only spaces", "   ", "nik-empty"],
    ["15 digits", "317101120390001", "nik-length"],
    ["17 digits", "31710112039000011", "nik-length"],
    ["letters (O for 0)", "31710112O39OOO1", "nik-not-digits"],
    ["letters, too short", "abc", "nik-not-digits"],
    ["a region that does not exist", "9999991203900001", "nik-region"],
    ["a Jakarta regency without that kecamatan", "3171991203900001", "nik-region"],
    ["a province that never existed", "9899011203900001", "nik-region"],
    ["regency 00", "3200011203900001", "nik-region"],
    ["kecamatan 00", "3201001203900001", "nik-region"],
    ["31 February", "3171013102900001", "nik-birth-date"],
    ["day 72 (woman's day 32)", "3171017203900001", "nik-birth-date"],
    ["day 35 (neither a man's nor a woman's day)", "3171013503900001", "nik-birth-date"],
    ["day 00", "3171010003900001", "nik-birth-date"],
    ["month 13", "3171011213900001", "nik-birth-date"],
    ["29 February 2026/1926 (not leap years)", "3171012902260001", "nik-birth-date"],
    ["serial 0000", "3171011203900000", "nik-serial"],
  ])("refuses %s", (_, input, code) => {
    expectProblem(parseNik(input, regions, TODAY), code);
  });

  it("says how many digits were typed", () => {
    expect(expectProblem(parseNik("317101120390001", regions, TODAY), "nik-length").message).toEqual({
      id: expect.stringContaining("NIK harus 16 angka, yang diketik 15."),
      en: expect.stringContaining("A NIK has 16 digits; 15 were entered."),
    });
    expect(expectProblem(parseNik("3171 0112 0390 0001 1", regions, TODAY), "nik-length").message.id).toContain(
      "yang diketik 17",
    );
  });

  it("never gives an age over 100: the century is the latest one not after today", () => {
    const result = parseNik("3171010101000001", regions, "2121-01-02");
    expect(result.ok && result.facts.birthDate).toBe("2100-01-01");
  });

  it.each([
    ["a pre-2022 Kota Jayapura NIK (9471, now 9171)", "9471011203900001"],
    ["a pre-2022 Manokwari NIK (Papua Barat was 91)", "9105011203900001"],
    ["a kecamatan code retired when its regency split", "1208981203900001"],
  ])("accepts %s: a NIK keeps the code it was issued under", (_, input) => {
    expect(parseNik(input, regions, TODAY).ok).toBe(true);
  });

  it("names the region digits it could not find", () => {
    const { message } = expectProblem(parseNik("9999991203900001", regions, TODAY), "nik-region");
    expect(message.id).toContain("999999");
    expect(message.en).toContain("999999");
  });
});

describe("checkNikAgainst", () => {
  const man: NikFacts = { regionCode: "317101", birthDate: "1990-03-12", sex: "male", serial: "0001" };

  it("finds nothing when the form agrees or is not filled", () => {
    expect(checkNikAgainst(man, { birthDate: "1990-03-12", sex: "male" })).toEqual([]);
    expect(checkNikAgainst(man, {})).toEqual([]);
    expect(checkNikAgainst(man, { birthDate: "" })).toEqual([]);
  });

  it("does not blame the century, which the NIK cannot hold", () => {
    const old: NikFacts = { ...man, birthDate: "2025-01-05" };
    expect(checkNikAgainst(old, { birthDate: "1925-01-05" })).toEqual([]);
  });

  it("reports a different birth date with both dates", () => {
    expect(checkNikAgainst(man, { birthDate: "1990-03-13" })).toEqual([
      {
        code: "nik-birth-date-mismatch",
        message: {
          id: expect.stringContaining(
            "Tanggal lahir di NIK (12-03-1990) tidak sama dengan tanggal lahir yang diisi (13-03-1990).",
          ),
          en: expect.stringContaining(
            "The birth date in the NIK (12-03-1990) differs from the birth date entered (13-03-1990).",
          ),
        },
      },
    ]);
  });

  it("reports a different sex", () => {
    const problems = checkNikAgainst(man, { sex: "female" });
    expect(problems.map((p) => p.code)).toEqual(["nik-sex-mismatch"]);
    expect(problems[0]?.message.id).toContain("laki-laki");
    expect(problems[0]?.message.id).toContain("perempuan");
  });

  it("reports both at once", () => {
    expect(checkNikAgainst(man, { birthDate: "1991-03-12", sex: "female" }).map((p) => p.code)).toEqual([
      "nik-birth-date-mismatch",
      "nik-sex-mismatch",
    ]);
  });
});

describe("parseKk", () => {
  it.each([
    ["3171011002150003", "2015-02-10", "0003"],
    ["3175 0703 0120 0001", "2020-01-03", "0001"],
    ["3175-07-200526-0123", "2026-05-20", "0123"],
  ])("accepts %s", (input, issuedOn, serial) => {
    const result = parseKk(input, regions, TODAY);
    expect(result).toEqual({
      ok: true,
      value: input.replace(/\D/g, ""),
      facts: { regionCode: input.replace(/\D/g, "").slice(0, 6), issuedOn, serial },
    });
  });

  it.each([
    ["empty", "", "kk-empty"],
    ["letters", "3171011002I50003", "kk-not-digits"],
    ["15 digits", "317101100215003", "kk-length"],
    ["17 digits", "31710110021500031", "kk-length"],
    ["unknown region", "9999991002150003", "kk-region"],
    ["an unknown Jakarta kecamatan", "3171991002150003", "kk-region"],
    ["31 February", "3171013102150003", "kk-issue-date"],
    ["day + 40 (only NIKs have it)", "3171015002150003", "kk-issue-date"],
    ["issued in the future", "3171010101300003", "kk-issue-date"],
    ["issued tomorrow", "3171012105260003", "kk-issue-date"],
    ["serial 0000", "3171011002150000", "kk-serial"],
  ])("refuses %s", (_, input, code) => {
    expectProblem(parseKk(input, regions, TODAY), code);
  });

  it("says how many digits were typed and names the future date", () => {
    expect(expectProblem(parseKk("317101100215003", regions, TODAY), "kk-length").message.id).toContain(
      "Nomor KK harus 16 angka, yang diketik 15.",
    );
    expect(expectProblem(parseKk("3171010101300003", regions, TODAY), "kk-issue-date").message.id).toContain(
      "01-01-2030",
    );
  });
});

describe("parsePhone", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["81234567890", "+6281234567890"],
    ["+62 0812 3456 7890", "+6281234567890"],
    ["0062 812 3456 7890", "+6281234567890"],
    ["0812.3456.7890", "+6281234567890"],
    ["0811-234-567", "+62811234567"],
    ["0881-2345-67890", "+62881234567890"],
    ["(021) 3456 7890", "+622134567890"],
    ["021-345-6789", "+62213456789"],
    ["+62 21 3456 7890", "+622134567890"],
  ])("normalises %j to %s", (input, expected) => {
    expect(parsePhone(input)).toEqual({ ok: true, value: expected, facts: undefined });
  });

  it.each([
    ["", "phone-empty"],
    [" - ", "phone-empty"],
    ["0812abc7890", "phone-not-digits"],
    ["08+1234567890", "phone-not-digits"],
    ["+", "phone-not-digits"],
    ["0812-345-67", "phone-length"],
    ["0812 3456 7890 12", "phone-length"],
    ["+62 8123", "phone-length"],
    ["021-123-456", "phone-length"],
    ["021-1234-56789", "phone-length"],
    ["+65 9123 4567", "phone-country"],
    ["0065 9123 4567", "phone-country"],
    ["+1 202 555 0100", "phone-country"],
    ["022-1234567", "phone-prefix"],
    ["0712345678", "phone-prefix"],
  ])("refuses %j", (input, code) => {
    expectProblem(parsePhone(input), code);
  });

  it("explains letters in plain words", () => {
    expect(expectProblem(parsePhone("0812 tiga"), "phone-not-digits").message.id).toContain(
      "Nomor HP hanya boleh berisi angka.",
    );
  });
});

describe("parseDate", () => {
  it.each([
    ["2024-02-29", {}, "2024-02-29"],
    ["29-02-2024", {}, "2024-02-29"],
    ["29/02/2024", {}, "2024-02-29"],
    ["1.3.1990", {}, "1990-03-01"],
    [" 2000-02-29 ", {}, "2000-02-29"],
    ["2026-05-20", { notInFuture: true }, "2026-05-20"],
    ["2027-01-01", {}, "2027-01-01"],
    ["2026-01-01", { notBefore: "2026-01-01" }, "2026-01-01"],
  ])("accepts %j %j", (input, options, expected) => {
    expect(parseDate(input, TODAY, options)).toEqual({ ok: true, value: expected, facts: undefined });
  });

  it.each([
    ["", {}, "date-empty"],
    ["kemarin", {}, "date-format"],
    ["2024-2-30", {}, "date-invalid"],
    ["2026-02-29", {}, "date-invalid"],
    ["1900-02-29", {}, "date-invalid"],
    ["31-04-2020", {}, "date-invalid"],
    ["2020-13-01", {}, "date-invalid"],
    ["2020-00-10", {}, "date-invalid"],
    ["2026-05-21", { notInFuture: true }, "date-future"],
    ["2025-12-31", { notBefore: "2026-01-01" }, "date-too-early"],
  ])("refuses %j %j", (input, options, code) => {
    expectProblem(parseDate(input, TODAY, options), code);
  });

  it("explains a day that is not in the month", () => {
    expect(expectProblem(parseDate("2026-02-29", TODAY), "date-invalid").message.id).toContain(
      "hanya sampai tanggal 28",
    );
  });
});

describe("daysBetween", () => {
  it.each([
    ["2024-02-28", "2024-03-01", 2],
    ["2026-01-01", "2025-12-31", -1],
    ["1990-03-12", "1990-03-12", 0],
    ["1970-01-01", "2000-01-01", 10957],
    ["0001-01-01", "0001-01-02", 1],
  ])("%s → %s is %i days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it("is NaN for a date that does not exist", () => {
    expect(daysBetween("2026-02-29", "2026-03-01")).toBeNaN();
  });

  it("agrees with Date.UTC", () => {
    const day = fc.date({ min: new Date("1800-01-01"), max: new Date("2200-12-31"), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const iso = (d: Date) => d.toISOString().slice(0, 10);
        const expected = (Date.parse(iso(b)) - Date.parse(iso(a))) / 86_400_000;
        expect(daysBetween(iso(a), iso(b))).toBe(expected);
      }),
    );
  });
});

describe("properties", () => {
  const typed = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(..."0123456789 .-+/()O"), maxLength: 25 }),
  );

  it("never throw on arbitrary input", () => {
    fc.assert(
      fc.property(typed, (input) => {
        parseNik(input, regions, TODAY);
        parseKk(input, regions, TODAY);
        parsePhone(input);
        parseDate(input, TODAY);
        parseDate(input, TODAY, { notInFuture: true, notBefore: "1900-01-01" });
      }),
      { numRuns: 2000 },
    );
  });

  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const ddmmyy = (date: string, plus = 0) =>
    String(Number(date.slice(8, 10)) + plus).padStart(2, "0") + date.slice(5, 7) + date.slice(2, 4);
  const district = fc.constantFrom(...allDistricts);
  const serial = fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, "0"));

  it("accepts any NIK from a real kecamatan, a birth date in the last 100 years and a non-zero serial", () => {
    const birth = fc.date({ min: new Date("1926-05-21"), max: new Date(TODAY), noInvalidDate: true }).map(iso);
    fc.assert(
      fc.property(
        district,
        birth,
        fc.constantFrom("male" as const, "female" as const),
        serial,
        (region, date, sex, n) => {
          const nik = region + ddmmyy(date, sex === "female" ? 40 : 0) + n;
          expect(parseNik(nik, regions, TODAY)).toEqual({
            ok: true,
            value: nik,
            facts: { regionCode: region, birthDate: date, sex, serial: n },
          });
          expect(
            checkNikAgainst({ regionCode: region, birthDate: date, sex, serial: n }, { birthDate: date, sex }),
          ).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("accepts any KK from a real kecamatan, an issue date since 2000 and a non-zero serial", () => {
    const issued = fc.date({ min: new Date("2000-01-01"), max: new Date(TODAY), noInvalidDate: true }).map(iso);
    fc.assert(
      fc.property(district, issued, serial, (region, date, n) => {
        const kk = region + ddmmyy(date) + n;
        expect(parseKk(kk, regions, TODAY)).toEqual({
          ok: true,
          value: kk,
          facts: { regionCode: region, issuedOn: date, serial: n },
        });
      }),
      { numRuns: 300 },
    );
  });

  it("normalises any mobile number however it is written", () => {
    const national = fc
      .integer({ min: 8, max: 11 })
      .chain((rest) =>
        fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: rest, maxLength: rest }).map((d) => `8${d}`),
      );
    const prefix = fc.constantFrom("0", "+62", "+62 ", "62", "", "0062", "+62 0");
    fc.assert(
      fc.property(national, prefix, (n, p) => {
        const grouped = n.replace(/(\d{3})(\d{4})/, "$1-$2-");
        expect(parsePhone(p + grouped)).toEqual({ ok: true, value: `+62${n}`, facts: undefined });
      }),
    );
  });

  it("reads any real date the same way in ISO and Indonesian order", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1000-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }), (d) => {
        const value = iso(d);
        const [y, m, day] = value.split("-");
        expect(parseDate(value, TODAY)).toEqual({ ok: true, value, facts: undefined });
        expect(parseDate(`${day}-${m}-${y}`, TODAY)).toEqual({ ok: true, value, facts: undefined });
      }),
    );
  });
});
