import type { ApplicantField, GovernmentLevel } from "../guide";
import { parseDate } from "../identity/dates";
import { parseKk } from "../identity/kk";
import { checkNikAgainst, parseNik } from "../identity/nik";
import { parsePhone } from "../identity/phone";
import type { FieldProblem } from "../identity/problem";
import { formatRegionCode, type RegionIndex, type Village } from "../regions/index";
import type { LocalizedText } from "../text";
import { applicantMessages as m, officeTooBroad, residencyOutside } from "./messages";
import { attempt, own, text } from "./safe";
import type { Finding } from "./types";

/** The state of one applicant field: empty, entered but wrong, or fine. */
export interface FieldCheck {
  state: "ok" | "missing" | "invalid";
  findings: Finding[];
}

export type ApplicantChecks = Record<ApplicantField, FieldCheck>;

/** Needed by every application, whatever the guide says. */
export const ALWAYS_REQUIRED: readonly ApplicantField[] = ["fullName", "nik", "phone", "address"];
/** Checked in this order, so the list to fix follows the form. */
export const FIELD_ORDER: readonly ApplicantField[] = ["fullName", "nik", "kk", "birthDate", "sex", "phone", "address"];

const OK: FieldCheck = { state: "ok", findings: [] };

const missing = (code: string, field: string, message: LocalizedText): Finding => ({
  reason: { code, message, field },
  missing: true,
});
const invalid = (code: string, field: string, message: LocalizedText): Finding => ({
  reason: { code, message, field },
  missing: false,
});
const fromProblem = (problem: FieldProblem | undefined, field: string): Finding =>
  problem && typeof problem.code === "string" && problem.message
    ? invalid(problem.code, field, problem.message)
    : invalid("check-failed", field, m.checkFailed);

function settle(findings: Finding[]): FieldCheck {
  if (findings.length === 0) return OK;
  return { state: findings.some((f) => !f.missing) ? "invalid" : "missing", findings };
}

/** Letters and marks of any script, spaces and . , ' - ; at least two characters and one letter. */
// Zero-width (non-)joiners shape letters in some scripts: allowed between them, as their own alternatives.
const NAME = /^(?:[\p{L}\p{M} .,'-]|\u200C|\u200D)+$/u;
const LETTER = /\p{L}/u;

/**
 * A name as a phone keyboard types it (or a paste brings it), in the one form
 * the rule reads: NFKC (composed accents; full-width letters and apostrophes
 * as their plain forms), typographic apostrophes and quotes as ', typographic
 * hyphens as -, every kind of space as one space, and invisible format
 * characters (soft hyphen, word joiner, zero-width space, BOM) gone. Nothing a
 * person's real name holds is refused for how it was typed.
 */
export function normaliseName(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\u00AD\u2060\u200B\uFEFF\u180E]/gu, "")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC\u02BB\u0060\u00B4]/gu, "'")
    .replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/gu, "-")
    .replace(/[\p{Zs}\t]+/gu, " ")
    .trim();
}

function checkName(value: string): FieldCheck {
  const name = normaliseName(value);
  if (!name) return settle([missing("applicant-name-missing", "applicant.fullName", m.nameMissing)]);
  if (name.length < 2 || !NAME.test(name) || !LETTER.test(name)) {
    return settle([invalid("applicant-name-invalid", "applicant.fullName", m.nameInvalid)]);
  }
  return OK;
}

function checkSex(value: unknown): FieldCheck {
  if (value === undefined || value === null || value === "") {
    return settle([missing("applicant-sex-missing", "applicant.sex", m.sexMissing)]);
  }
  if (value !== "male" && value !== "female") {
    return settle([invalid("applicant-sex-invalid", "applicant.sex", m.sexInvalid)]);
  }
  return OK;
}

const RT_RW = /^\d{1,3}$/;

function checkAddress(address: unknown, regions: RegionIndex): { check: FieldCheck; village: Village | undefined } {
  const findings: Finding[] = [];
  const rt = text(own(address, "rt")).trim();
  if (!rt) findings.push(missing("applicant-rt-missing", "applicant.address.rt", m.rtMissing));
  else if (!RT_RW.test(rt) || Number(rt) === 0) {
    findings.push(invalid("applicant-rt-invalid", "applicant.address.rt", m.rtInvalid));
  }
  const rw = text(own(address, "rw")).trim();
  if (!rw) findings.push(missing("applicant-rw-missing", "applicant.address.rw", m.rwMissing));
  else if (!RT_RW.test(rw) || Number(rw) === 0) {
    findings.push(invalid("applicant-rw-invalid", "applicant.address.rw", m.rwInvalid));
  }
  const code = text(own(address, "villageCode")).trim();
  let village: Village | undefined;
  if (!code) findings.push(missing("applicant-village-missing", "applicant.address.villageCode", m.villageMissing));
  else {
    village = attempt(() => regions.village(code));
    if (!village)
      findings.push(invalid("applicant-village-unknown", "applicant.address.villageCode", m.villageUnknown));
  }
  return { check: settle(findings), village };
}

export interface ApplicantResult {
  checks: ApplicantChecks;
  /** The address's kelurahan when it is known, for the residency rule. */
  village: Village | undefined;
}

/** Checks every applicant field once; the caller decides which ones are required. */
export function checkApplicant(applicant: unknown, regions: RegionIndex, today: string): ApplicantResult {
  const fullName = checkName(text(own(applicant, "fullName")));

  // Birth date and sex first: the NIK is compared with them when they are valid.
  const birthDateInput = text(own(applicant, "birthDate"));
  let birthDate: FieldCheck;
  let validBirthDate: string | undefined;
  if (!birthDateInput.trim()) {
    birthDate = settle([missing("applicant-birthdate-missing", "applicant.birthDate", m.birthDateMissing)]);
  } else {
    const parsed = attempt(() => parseDate(birthDateInput, today, { notInFuture: true }));
    if (parsed?.ok) {
      birthDate = OK;
      validBirthDate = parsed.value;
    } else birthDate = settle([fromProblem(parsed?.problem, "applicant.birthDate")]);
  }
  const sexValue = own<unknown>(applicant, "sex");
  const sex = checkSex(sexValue);
  const validSex = sex.state === "ok" ? (sexValue as "male" | "female") : undefined;

  const nikInput = text(own(applicant, "nik"));
  let nik: FieldCheck;
  if (!nikInput.trim()) nik = settle([missing("applicant-nik-missing", "applicant.nik", m.nikMissing)]);
  else {
    const parsed = attempt(() => parseNik(nikInput, regions, today));
    if (parsed?.ok) {
      const entered: { birthDate?: string; sex?: "male" | "female" } = {};
      if (validBirthDate) entered.birthDate = validBirthDate;
      if (validSex) entered.sex = validSex;
      const problems = attempt(() => checkNikAgainst(parsed.facts, entered));
      nik = problems
        ? settle(problems.map((p) => fromProblem(p, "applicant.nik")))
        : settle([fromProblem(undefined, "applicant.nik")]);
    } else nik = settle([fromProblem(parsed?.problem, "applicant.nik")]);
  }

  const kkInput = text(own(applicant, "kk"));
  let kk: FieldCheck;
  if (!kkInput.trim()) kk = settle([missing("applicant-kk-missing", "applicant.kk", m.kkMissing)]);
  else {
    const parsed = attempt(() => parseKk(kkInput, regions, today));
    kk = parsed?.ok ? OK : settle([fromProblem(parsed?.problem, "applicant.kk")]);
  }

  const phoneInput = text(own(applicant, "phone"));
  let phone: FieldCheck;
  if (!phoneInput.trim()) phone = settle([missing("applicant-phone-missing", "applicant.phone", m.phoneMissing)]);
  else {
    const parsed = attempt(() => parsePhone(phoneInput));
    phone = parsed?.ok ? OK : settle([fromProblem(parsed?.problem, "applicant.phone")]);
  }

  const address = checkAddress(own(applicant, "address"), regions);

  return {
    checks: { fullName, nik, kk, birthDate, sex, phone, address: address.check },
    village: address.village,
  };
}

const SEGMENTS: Record<GovernmentLevel, number> = { kelurahan: 4, kecamatan: 3, kota: 2, provinsi: 1 };

/**
 * The residency rule: the address's kelurahan must lie in the office's area at
 * the guide's level. The office is a kelurahan ("31.71.01.1001") or a kecamatan
 * ("31.71.01") code, and must be at least as precise as the rule: a kelurahan
 * rule cannot be met by naming a kecamatan or a province, and a rule is never
 * skipped for want of an office. The NIK's region is never used: it records
 * where a person was first registered.
 */
export function checkResidency(
  home: Village | undefined,
  officeAreaCode: string,
  level: GovernmentLevel,
  regions: RegionIndex,
): Finding | undefined {
  const raw = officeAreaCode.trim();
  const field = "officeAreaCode";
  if (!raw) return invalid("office-missing", field, m.officeMissing);
  const officeCode = formatRegionCode(raw);
  const known =
    officeCode !== undefined &&
    (officeCode.length > 8
      ? attempt(() => regions.village(officeCode)) !== undefined
      : officeCode.length === 8
        ? attempt(() => regions.hasDistrict(officeCode.replaceAll(".", ""))) === true
        : true);
  if (!officeCode || !known) return invalid("office-unknown", field, m.officeUnknown);
  const officeParts = officeCode.split(".");
  if (officeParts.length < SEGMENTS[level]) return invalid("office-too-broad", field, officeTooBroad(level));
  // No address yet: the applicant checks already ask for the kelurahan.
  if (!home) return undefined;
  const homeParts = text(home.code).split(".");
  for (let i = 0; i < SEGMENTS[level]; i++) {
    if (homeParts[i] !== officeParts[i]) return outside(home, officeCode, level, regions);
  }
  return undefined;
}

function outside(home: Village, officeCode: string, level: GovernmentLevel, regions: RegionIndex): Finding {
  const office = attempt(() => regions.village(officeCode));
  return invalid("residency-outside", "applicant.address.villageCode", residencyOutside(home, office, level));
}
