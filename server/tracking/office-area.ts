import type { GovernmentLevel } from "../../shared/guide";
import { compactRegionCode, formatRegionCode, type RegionIndex } from "../../shared/regions";
import { JAKARTA_DISTRICTS, JAKARTA_REGENCIES } from "../../shared/regions/data/jakarta";

const NAMES: ReadonlyMap<string, string> = new Map([...JAKARTA_REGENCIES, ...JAKARTA_DISTRICTS]);

/**
 * The area of the office a file went to, in words: "Kelurahan Gambir" for a
 * kelurahan office, "Kecamatan Gambir" for a kecamatan office (also when the
 * cadre picked one of its kelurahan), the kota for a city office, the province for a provincial one. Null when
 * the code is not a known Jakarta area. Names, never codes a citizen would
 * have to look up; "Kelurahan"/"Kecamatan" are names in English too.
 */
export function officeAreaName(
  officeAreaCode: string | null | undefined,
  level: GovernmentLevel | undefined,
  regions: RegionIndex,
): string | null {
  const digits = officeAreaCode ? compactRegionCode(officeAreaCode) : undefined;
  if (!digits || digits.length < 4) return null;
  const village = digits.length === 10 ? regions.village(digits) : undefined;
  if (digits.length === 10 && !village) return null;
  if (village && (level === "kelurahan" || level === undefined)) return `Kelurahan ${village.name}`;
  if (level === "provinsi") return digits.startsWith("31") ? "Provinsi DKI Jakarta" : null;
  if (level === "kota") return NAMES.get(formatRegionCode(digits.slice(0, 4)) ?? "") ?? null;
  const district = digits.length >= 6 ? NAMES.get(formatRegionCode(digits.slice(0, 6)) ?? "") : undefined;
  return district ? `Kecamatan ${district}` : null;
}
