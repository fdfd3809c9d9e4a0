import type { Role } from "../api/users";
import { JAKARTA_DISTRICTS, JAKARTA_VILLAGES } from "../regions/data/jakarta";

/**
 * Who may create and manage which accounts, and where each role belongs.
 * The server enforces these rules; the console uses the same ones to offer
 * only what the server would accept.
 */

/** The signed-in person acting on accounts. */
export interface AccountActor {
  role: Role;
  kecamatanCode: string | null;
}

/** An account as far as the rules care: its role and where it works. */
export interface AccountPlacement {
  role: Role;
  kecamatanCode: string | null;
  kelurahanCode?: string | null;
}

/** Why creating an account was refused (an API error code, answered with 403). */
export type CreateRefusal = "role_not_allowed" | "kecamatan_not_allowed";

/**
 * Roles the actor may create, in the order the console offers them:
 * admins create operators, cadres and other admins; an operator creates
 * cadres (of their own kecamatan); a cadre creates nobody.
 */
export function creatableRoles(actor: AccountActor): Role[] {
  if (actor.role === "admin") return ["operator", "cadre", "admin"];
  if (actor.role === "operator" && actor.kecamatanCode !== null) return ["cadre"];
  return [];
}

/** The kecamatan an account created by `actor` lands in when none is given: an operator's own. */
export function defaultKecamatan(actor: AccountActor, requested: string | null | undefined): string | null {
  if (requested) return requested;
  return actor.role === "operator" ? actor.kecamatanCode : null;
}

/** Whether `actor` may create `target`; null when allowed. The kecamatan is checked after defaultKecamatan. */
export function createRefusal(actor: AccountActor, target: AccountPlacement): CreateRefusal | null {
  if (!creatableRoles(actor).includes(target.role)) return "role_not_allowed";
  if (actor.role === "operator" && target.kecamatanCode !== actor.kecamatanCode) return "kecamatan_not_allowed";
  return null;
}

/**
 * Whether `actor` may read and change `target`: admins everyone, operators the
 * cadres of their own kecamatan, cadres nobody.
 */
export function mayManage(actor: AccountActor, target: AccountPlacement): boolean {
  if (actor.role === "admin") return true;
  if (actor.role !== "operator" || actor.kecamatanCode === null) return false;
  return target.role === "cadre" && target.kecamatanCode === actor.kecamatanCode;
}

/** Only admins move an account to another kecamatan: it would take a cadre out of the operator's reach. */
export function mayMoveKecamatan(actor: AccountActor): boolean {
  return actor.role === "admin";
}

/**
 * Whether `actor` chooses the kecamatan of a new `role` account: only where
 * the role works in one and the actor may place accounts anywhere (admins);
 * an operator's accounts land in the operator's own (defaultKecamatan).
 */
export function choosesKecamatan(actor: AccountActor, role: Role): boolean {
  return needsKecamatan(role) && mayMoveKecamatan(actor);
}

/** Whether a role works in a kecamatan (operators and cadres) or across Jakarta (admins). */
export function needsKecamatan(role: Role): boolean {
  return role !== "admin";
}

/** Whether a role may be tied to a kelurahan: only cadres work in one. */
export function mayHaveKelurahan(role: Role): boolean {
  return role === "cadre";
}

const KNOWN_KECAMATAN = new Set(JAKARTA_DISTRICTS.map(([code]) => code));
const KNOWN_KELURAHAN = new Set(JAKARTA_VILLAGES.map(([code]) => code));

/** A wrong field of an account, by field name and problem code (shared/users/problems.ts). */
export interface PlacementProblem {
  field: "kecamatanCode" | "kelurahanCode";
  problem:
    | "kecamatan_required"
    | "kecamatan_unknown"
    | "kecamatan_not_for_admin"
    | "kelurahan_not_for_role"
    | "kelurahan_unknown"
    | "kelurahan_outside_kecamatan";
}

/** Where the role must (or must not) work, and whether the codes exist in DKI Jakarta. */
export function placementProblems(placement: AccountPlacement): PlacementProblem[] {
  const { role, kecamatanCode } = placement;
  const kelurahanCode = placement.kelurahanCode ?? null;
  const problems: PlacementProblem[] = [];
  if (!needsKecamatan(role)) {
    if (kecamatanCode !== null) problems.push({ field: "kecamatanCode", problem: "kecamatan_not_for_admin" });
  } else if (kecamatanCode === null) {
    problems.push({ field: "kecamatanCode", problem: "kecamatan_required" });
  } else if (!KNOWN_KECAMATAN.has(kecamatanCode)) {
    problems.push({ field: "kecamatanCode", problem: "kecamatan_unknown" });
  }
  if (kelurahanCode === null) return problems;
  if (!mayHaveKelurahan(role)) problems.push({ field: "kelurahanCode", problem: "kelurahan_not_for_role" });
  else if (!KNOWN_KELURAHAN.has(kelurahanCode)) problems.push({ field: "kelurahanCode", problem: "kelurahan_unknown" });
  else if (kecamatanCode !== null && !kelurahanCode.startsWith(`${kecamatanCode}.`)) {
    problems.push({ field: "kelurahanCode", problem: "kelurahan_outside_kecamatan" });
  }
  return problems;
}
