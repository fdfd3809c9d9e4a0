import { DISTRICT_CODES } from "./data/district-codes";
import { JAKARTA_DISTRICTS, JAKARTA_REGENCIES, JAKARTA_VILLAGES, type RegionRow } from "./data/jakarta";

/** A kelurahan/desa with its parents. Codes are dotted, e.g. "31.71.01.1001". */
export interface Village {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  regencyCode: string;
  regencyName: string;
  provinceCode: string;
}

/** One entry of an address-picker list. */
export interface Region {
  code: string;
  name: string;
}

export interface RegionIndex {
  /** Whether a kecamatan with this code exists anywhere in Indonesia ("317101" or "31.71.01"). */
  hasDistrict(code6: string): boolean;
  /** A DKI Jakarta kelurahan by code (dotted or digits only); undefined elsewhere or if unknown. */
  village(code: string): Village | undefined;
}

const LEVELS = [2, 4, 6, 10];

/** "3171011001" → "31.71.01.1001" (also 2, 4 or 6 digits); undefined if it is not a region code shape. */
export function formatRegionCode(code: string): string | undefined {
  const digits = compactRegionCode(code);
  if (digits === undefined) return undefined;
  return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6)].filter((part) => part).join(".");
}

/** "31.71.01.1001" → "3171011001" (digits-only and dotted input both accepted); undefined if not a region code shape. */
export function compactRegionCode(code: string): string | undefined {
  const trimmed = code.trim();
  if (!/^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/.test(trimmed) && !/^\d+$/.test(trimmed)) return undefined;
  const digits = trimmed.replaceAll(".", "");
  return LEVELS.includes(digits.length) ? digits : undefined;
}

export function createRegionIndex(): RegionIndex {
  // Regency (4 digits) → its kecamatan numbers, two digits each.
  const districtsByRegency = new Map<string, string>();
  for (const block of DISTRICT_CODES.split(" ")) districtsByRegency.set(block.slice(0, 4), block.slice(4));

  const names = new Map<string, string>();
  for (const [code, name] of [...JAKARTA_REGENCIES, ...JAKARTA_DISTRICTS]) names.set(code, name);
  const villages = new Map<string, Village>();
  for (const [code, name] of JAKARTA_VILLAGES) {
    const districtCode = code.slice(0, 8);
    const regencyCode = code.slice(0, 5);
    villages.set(code, {
      code,
      name,
      districtCode,
      districtName: names.get(districtCode) ?? "",
      regencyCode,
      regencyName: names.get(regencyCode) ?? "",
      provinceCode: code.slice(0, 2),
    });
  }

  return {
    hasDistrict(code6) {
      const digits = compactRegionCode(code6);
      if (digits?.length !== 6) return false;
      const numbers = districtsByRegency.get(digits.slice(0, 4)) ?? "";
      for (let i = 0; i < numbers.length; i += 2) if (numbers.slice(i, i + 2) === digits.slice(4)) return true;
      return false;
    },
    village(code) {
      const dotted = formatRegionCode(code);
      return dotted === undefined ? undefined : villages.get(dotted);
    },
  };
}

function children(rows: readonly RegionRow[], parentCode: string, parentDigits: number): Region[] {
  const parent = compactRegionCode(parentCode);
  if (parent?.length !== parentDigits) return [];
  const prefix = `${formatRegionCode(parent)}.`;
  return rows.filter(([code]) => code.startsWith(prefix)).map(([code, name]) => ({ code, name }));
}

/** DKI Jakarta's kota/kabupaten administrasi, in official code order (Kepulauan Seribu first). */
export function jakartaRegencies(): Region[] {
  return JAKARTA_REGENCIES.map(([code, name]) => ({ code, name }));
}

/** Kecamatan of a Jakarta kota/kabupaten ("31.71" or "3171"), sorted by name; [] for anything else. */
export function jakartaDistricts(regencyCode: string): Region[] {
  return children(JAKARTA_DISTRICTS, regencyCode, 4);
}

/** Kelurahan of a Jakarta kecamatan ("31.71.01" or "317101"), sorted by name; [] for anything else. */
export function jakartaVillages(districtCode: string): Region[] {
  return children(JAKARTA_VILLAGES, districtCode, 6);
}
