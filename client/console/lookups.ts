import type { ManagedUser, UserList } from "../../shared/api/users";
import { jakartaDistricts, jakartaVillages } from "../../shared/regions";
import { api } from "./api";

let cadresPromise: Promise<ManagedUser[]> | null = null;

/** The cadres the caller manages, for filters and names; refreshed after the cadre screen changes them. */
export function loadCadres(refresh = false): Promise<ManagedUser[]> {
  if (refresh || !cadresPromise) {
    cadresPromise = api<UserList>("GET", "/api/users?role=cadre").then((list) => list.users);
    cadresPromise.catch(() => {
      cadresPromise = null;
    });
  }
  return cadresPromise;
}

export function villagesOf(kecamatanCode: string | null): { code: string; name: string }[] {
  return kecamatanCode ? jakartaVillages(kecamatanCode) : [];
}

const villageNames = new Map<string, string>();

export function villageName(code: string | null | undefined): string {
  if (!code) return "";
  const kecamatan = code.split(".").slice(0, 3).join(".");
  if (!villageNames.has(code)) for (const v of jakartaVillages(kecamatan)) villageNames.set(v.code, v.name);
  return villageNames.get(code) ?? code;
}

/** "Gambir" for "31.71.01": people know their kecamatan by name, not by code. */
export function kecamatanName(code: string): string {
  return jakartaDistricts(code.slice(0, 5)).find((district) => district.code === code)?.name ?? code;
}
