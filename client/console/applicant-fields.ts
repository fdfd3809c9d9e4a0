import type { ApplicantField } from "../../shared/guide";
import type { ConsoleMessageKey } from "./messages";

/** Applicant fields by the message the console shows them under. */
export const APPLICANT_FIELD_KEYS: Record<ApplicantField, ConsoleMessageKey> = {
  fullName: "fullName",
  nik: "nik",
  kk: "kk",
  birthDate: "birthDate",
  sex: "sex",
  phone: "phone",
  address: "address",
};
