import type { Role } from "../../../shared/api/users";
import { type ConsoleMessageKey, tc } from "../messages";

const ROLE_WORD: Record<Role, ConsoleMessageKey> = { cadre: "roleCadre", operator: "roleOperator", admin: "roleAdmin" };

/** "kader", "operator", "admin": a role in running text. */
export function roleWord(role: Role): string {
  return tc(ROLE_WORD[role]);
}
