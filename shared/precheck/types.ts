import type { RegionIndex } from "../regions/index";
import type { LocalizedText } from "../text";

export type RequirementStatus = "ok" | "missing" | "invalid" | "not-applicable";

/** One thing to fix, in words a neighbour understands, pointing at the draft field it concerns. */
export interface Reason {
  code: string;
  message: LocalizedText;
  requirementId?: string;
  /** Path in the draft, e.g. "applicant.nik", "answers.diwakilkan", "documents.ktp-el.issuedOn". */
  field?: string;
}

export interface RequirementVerdict {
  requirementId: string;
  status: RequirementStatus;
  reasons: Reason[];
}

export interface PrecheckResult {
  verdict: "ready" | "not-ready";
  /** One per guide requirement, in guide order. */
  requirements: RequirementVerdict[];
  /** Problems with the base applicant data (name, NIK, phone, address, residency, and optional fields when entered). */
  applicant: Reason[];
  /** Everything to fix, applicant first, then unanswered questions, then requirements; no duplicates. */
  toFix: Reason[];
  /** For "5 dari 7 syarat lengkap": requirements not ruled out, and those complete. */
  counts: { applicable: number; ok: number };
}

export interface PrecheckContext {
  /** YYYY-MM-DD, the day the check runs (phone's date offline, server's date at submit). */
  today: string;
  regions: RegionIndex;
  /**
   * The office a file goes to when the cadre picked none: the cadre's own
   * kelurahan (or kecamatan) code, which the server keeps on the account and
   * the phone learns at sign-in. Residency is checked against it.
   */
  homeOffice?: string;
}

/** A reason plus whether it means "not there yet" (missing) or "there but wrong" (invalid). */
export interface Finding {
  reason: Reason;
  missing: boolean;
}
