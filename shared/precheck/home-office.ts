/**
 * The office a file goes to when the cadre picks none: the cadre's own
 * kelurahan, or their kecamatan when the account names no kelurahan. The
 * server reads it from the account; the phone from the account it stored at
 * sign-in. Both pass it to the pre-check as `homeOffice`.
 */
export function homeOfficeOf(
  account: { kecamatanCode?: string | null; kelurahanCode?: string | null } | null | undefined,
): string {
  return account?.kelurahanCode?.trim() || account?.kecamatanCode?.trim() || "";
}
