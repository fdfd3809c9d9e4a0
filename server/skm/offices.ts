import { JAKARTA_DISTRICTS } from "../../shared/regions/data/jakarta";
import type { LocalizedText } from "../../shared/text";

const NAMES: ReadonlyMap<string, string> = new Map(JAKARTA_DISTRICTS);

/** Whether a dotted code is a DKI Jakarta kecamatan (the offices Masdarin serves). */
export function isJakartaKecamatan(code: string): boolean {
  return NAMES.has(code);
}

/** How an office is named on the published figures; "Kecamatan" is a name in English too. */
export function officeName(kecamatanCode: string | null): LocalizedText {
  if (kecamatanCode === null) return { id: "DKI Jakarta", en: "DKI Jakarta" };
  const name = `Kecamatan ${NAMES.get(kecamatanCode) ?? kecamatanCode}`;
  return { id: name, en: name };
}

/** Every Jakarta kecamatan, by name: the public page's office picker. */
export function jakartaOffices(): { code: string; name: string }[] {
  return JAKARTA_DISTRICTS.map(([code, name]) => ({ code, name }));
}
