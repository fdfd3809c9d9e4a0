import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Draft } from "../draft";
import type { Guide } from "../guide";

/**
 * What each part of a file is made of, as one short digest per part, so the
 * phone can tell whether a requirement the office flagged has been touched
 * since, and the office can see what a resubmission changed. Digests, never
 * values: the record of "what changed" must not copy NIKs or names around.
 *
 * Parts are `requirement:<id>` (its pages by content hash, the dates and
 * counts entered for it, and for data requirements the value it reads),
 * `applicant:<field>` (each field of the applicant form) and `answer:<id>`
 * (each question of the guide: an answer decides which papers are needed
 * and who may apply, so the office must see when one changed).
 */
export type Fingerprints = Record<string, string>;

const APPLICANT_FIELDS = ["fullName", "nik", "kk", "birthDate", "sex", "phone", "address"] as const;

/**
 * The salt makes a digest useless outside the one comparison it was kept for:
 * a NIK has few enough possible values to be found from a plain hash, so the
 * server salts what it keeps per send-back (and drops it once the
 * resubmission has been compared).
 */
function digest(value: unknown, salt: string): string {
  return bytesToHex(sha256(utf8ToBytes(salt + JSON.stringify(value ?? null)))).slice(0, 16);
}

function applicantValue(draft: Draft, field: (typeof APPLICANT_FIELDS)[number]): unknown {
  return draft.applicant[field] ?? null;
}

export function fingerprints(guide: Guide, draft: Draft, salt = ""): Fingerprints {
  const parts: Fingerprints = {};
  for (const field of APPLICANT_FIELDS) parts[`applicant:${field}`] = digest(applicantValue(draft, field), salt);
  for (const requirement of guide.requirements) {
    const document = draft.documents[requirement.id];
    const content = {
      pages: document?.pages.map((page) => page.sha256) ?? [],
      issuedOn: document?.issuedOn ?? "",
      signedOn: document?.signedOn ?? "",
      pagesWithEntries: document?.pagesWithEntries ?? null,
      value: requirement.field ? applicantValue(draft, requirement.field) : (draft.data[requirement.id] ?? null),
    };
    parts[`requirement:${requirement.id}`] = digest(content, salt);
  }
  for (const question of guide.questions) parts[`answer:${question.id}`] = digest(draft.answers[question.id], salt);
  return parts;
}

/** The parts whose digest differs (or that exist on one side only), in the order `after` lists them. */
export function changedParts(before: Fingerprints, after: Fingerprints): string[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((key) => !(key in after))];
  return keys.filter((key) => before[key] !== after[key]);
}

/** Whether the office's flag on a requirement still stands: nothing on it changed since the file was sent back. */
export function flagStands(requirementId: string, atSendBack: Fingerprints, now: Fingerprints): boolean {
  const key = `requirement:${requirementId}`;
  return atSendBack[key] === now[key];
}

/**
 * Per requirement, a digest of its pages alone (`pages:<id>`), kept beside the
 * fingerprints when a file is sent back, so "the photo was replaced" can be
 * told from "the letter's date was corrected".
 */
export function pageFingerprints(guide: Guide, draft: Draft, salt = ""): Fingerprints {
  const parts: Fingerprints = {};
  for (const requirement of guide.requirements) {
    parts[`pages:${requirement.id}`] = digest(
      draft.documents[requirement.id]?.pages.map((page) => page.sha256) ?? [],
      salt,
    );
  }
  return parts;
}

/** What the office records when it sends a file back: both kinds of digest, never a value. */
export function sendBackFingerprints(guide: Guide, draft: Draft, salt = ""): Fingerprints {
  return { ...fingerprints(guide, draft, salt), ...pageFingerprints(guide, draft, salt) };
}

/** One thing the cadre changed since the file was sent back, by name only. */
export type ChangeSummary =
  | { kind: "pages-replaced"; requirementId: string }
  | { kind: "requirement-edited"; requirementId: string }
  | { kind: "field-edited"; field: string }
  | { kind: "answer-changed"; questionId: string };

/** The changed parts (from `changedParts` over send-back fingerprints) as the office reads them. */
export function describeChanges(changed: readonly string[]): ChangeSummary[] {
  const summaries: ChangeSummary[] = [];
  for (const part of changed) {
    const [kind, name = ""] = splitPart(part);
    if (kind === "requirement") {
      summaries.push({
        kind: changed.includes(`pages:${name}`) ? "pages-replaced" : "requirement-edited",
        requirementId: name,
      });
    } else if (kind === "applicant") summaries.push({ kind: "field-edited", field: name });
    else if (kind === "answer") summaries.push({ kind: "answer-changed", questionId: name });
  }
  return summaries;
}

function splitPart(part: string): [string, string] {
  const colon = part.indexOf(":");
  return colon < 0 ? [part, ""] : [part.slice(0, colon), part.slice(colon + 1)];
}

/** Whether a requirement is among the changed parts. */
export function requirementChanged(requirementId: string, changed: readonly string[]): boolean {
  return changed.includes(`requirement:${requirementId}`);
}
