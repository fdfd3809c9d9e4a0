import type { Role } from "../api/users";
import type { Locale, LocalizedText } from "../text";

/**
 * The one table of role names: the audit log on screen, its CSV export and
 * the before/after lists all read it, so a role is called the same everywhere.
 */
export const ROLE_LABELS = {
  cadre: { id: "Kader", en: "Cadre" },
  operator: { id: "Operator", en: "Operator" },
  admin: { id: "Admin", en: "Admin" },
} as const satisfies Record<Role, LocalizedText>;

/** The name of a role, or the code itself when it is unknown (a newer server's). */
export function roleLabel(role: string, locale: Locale): string {
  return (ROLE_LABELS as Record<string, LocalizedText>)[role]?.[locale] ?? role;
}
