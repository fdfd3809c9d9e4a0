import { requirementApplicability } from "../applicability";
import { type Answers, conditionQuestions } from "../conditions";
import { IMAGE_MIMES, MIN_IMAGE_LONG_EDGE, mimesForFormats } from "../files/formats";
import type { Question, Requirement } from "../guide";
import { daysBetween, parseDate } from "../identity/dates";
import { jakartaDate } from "../jakarta-time";
import type { ApplicantChecks } from "./applicant";
import * as m from "./messages";
import { attempt, own, text } from "./safe";
import type { Finding, Reason, RequirementVerdict } from "./types";

/**
 * Answers the guide can use: a yes-no question counts as answered only with a
 * boolean, a choice question only with one of its options. Anything else is
 * "not answered", so the cadre is asked again rather than misled. The result
 * has no prototype, so a question id like "constructor" reads as unanswered.
 */
export function usableAnswers(questions: readonly Question[], raw: unknown): Answers {
  const answers: Record<string, boolean | string> = Object.create(null);
  for (const question of questions) {
    const value = own<unknown>(raw, question.id);
    if (question.kind === "yes-no" ? typeof value === "boolean" : question.options.some((o) => o.value === value)) {
      answers[question.id] = value as boolean | string;
    }
  }
  return answers;
}

export interface RequirementInput {
  /** The guide's questions, in order, and by id. */
  questionList: readonly Question[];
  questions: ReadonlyMap<string, Question>;
  answers: Answers;
  documents: unknown;
  data: unknown;
  applicant: ApplicantChecks;
  today: string;
}

const finding = (reason: Reason, missing: boolean): Finding => ({ reason, missing });

function verdict(requirementId: string, findings: Finding[]): RequirementVerdict {
  if (findings.length === 0) return { requirementId, status: "ok", reasons: [] };
  return {
    requirementId,
    status: findings.some((f) => !f.missing) ? "invalid" : "missing",
    reasons: findings.map((f) => f.reason),
  };
}

/** The unanswered questions a "maybe" requirement waits for, in the guide's question order. */
export function unansweredFor(requirement: Requirement, input: RequirementInput): string[] {
  if (!requirement.when) return [];
  const asked = conditionQuestions(requirement.when);
  const ids: string[] = [];
  for (const question of input.questionList) {
    if (asked.has(question.id) && input.answers[question.id] === undefined) ids.push(question.id);
  }
  // A condition naming a question the guide lacks (only in guides that skipped validation).
  for (const id of asked) if (!input.questions.has(id) && input.answers[id] === undefined) ids.push(id);
  return ids;
}

export function questionText(id: string, questions: ReadonlyMap<string, Question>) {
  return questions.get(id)?.text ?? { id, en: id };
}

export function checkRequirement(requirement: Requirement, input: RequirementInput): RequirementVerdict {
  const id = requirement.id;
  const applicability = attempt(() => requirementApplicability(requirement, input.answers)) ?? "maybe";
  if (applicability === "not-applicable") return { requirementId: id, status: "not-applicable", reasons: [] };
  if (applicability === "maybe") {
    const waiting = unansweredFor(requirement, input);
    const findings = waiting.map((q) =>
      finding(
        {
          code: "question-unanswered",
          message: m.questionUnansweredFor(questionText(q, input.questions), requirement.label),
          requirementId: id,
          field: `answers.${q}`,
        },
        true,
      ),
    );
    // Cannot happen with a valid guide, but a "maybe" is never "ok".
    if (findings.length === 0) {
      findings.push(
        finding(
          {
            code: "question-unanswered",
            message: m.questionUnansweredFor({ id: "?", en: "?" }, requirement.label),
            requirementId: id,
            field: "answers",
          },
          true,
        ),
      );
    }
    return verdict(id, findings);
  }
  if (requirement.kind === "data") return verdict(id, checkData(requirement, input));
  return verdict(id, checkDocument(requirement, input));
}

function checkData(requirement: Requirement, input: RequirementInput): Finding[] {
  if (requirement.field) {
    const check = input.applicant[requirement.field];
    if (!check) return [];
    return check.findings.map((f) => finding({ ...f.reason, requirementId: requirement.id }, f.missing));
  }
  const value = text(own(input.data, requirement.id)).trim();
  if (value) return [];
  return [
    finding(
      {
        code: "data-missing",
        message: m.dataMissing(requirement.label),
        requirementId: requirement.id,
        field: `data.${requirement.id}`,
      },
      true,
    ),
  ];
}

function checkDocument(requirement: Requirement, input: RequirementInput): Finding[] {
  const id = requirement.id;
  const label = requirement.label;
  const findings: Finding[] = [];
  const document = own<unknown>(input.documents, id);
  const rawPages = own<unknown>(document, "pages");
  const pages: unknown[] = Array.isArray(rawPages) ? rawPages : [];
  const pagesField = `documents.${id}.pages`;
  const counted = own<unknown>(document, "pagesWithEntries");
  const declared = Number.isInteger(counted) && (counted as number) >= 1 ? (counted as number) : undefined;
  const needed = Math.max(requirement.minPages ?? 1, declared ?? 0);

  if (pages.length === 0) {
    findings.push(
      finding(
        { code: "document-missing", message: m.documentMissing(label), requirementId: id, field: pagesField },
        true,
      ),
    );
  } else if (requirement.allPagesWithEntries && declared === undefined) {
    findings.push(
      finding(
        {
          code: "document-pages-uncounted",
          message: m.documentPagesUncounted(label),
          requirementId: id,
          field: `documents.${id}.pagesWithEntries`,
        },
        true,
      ),
    );
  } else if (pages.length < needed) {
    findings.push(
      finding(
        {
          code: "document-pages",
          message: m.documentPages(label, needed, pages.length),
          requirementId: id,
          field: pagesField,
        },
        true,
      ),
    );
  }

  const formats = requirement.acceptance?.formats;
  if (formats && formats.length > 0) {
    const allowed = mimesForFormats(formats);
    // One reason per page in another format, naming that page, so the card can point at it.
    pages.forEach((page, index) => {
      if (allowed.has(text(own(page, "mime")))) return;
      findings.push(
        finding(
          {
            code: "document-format",
            message: m.documentFormat(label, formats, index + 1),
            requirementId: id,
            field: `${pagesField}.${index}`,
          },
          false,
        ),
      );
    });
  }

  // A photo too small to read is sent back ("Foto buram"): the same rule the phone and the upload apply.
  pages.forEach((page, index) => {
    if (!isUnreadableImage(page)) return;
    findings.push(
      finding(
        {
          code: "document-page-too-small",
          message: m.documentPageTooSmall(label, index + 1),
          requirementId: id,
          field: `${pagesField}.${index}`,
        },
        false,
      ),
    );
  });

  if (requirement.kind === "statement") {
    const signedOn = text(own(document, "signedOn"));
    const signed = checkSignedOn(requirement, signedOn, input.today);
    if (signed) findings.push(signed);
    // A page photographed before the day it was signed shows the blank form, not the signed one.
    else {
      pages.forEach((page, index) => {
        const addedAt = Date.parse(text(own(page, "addedAt")));
        if (!Number.isFinite(addedAt) || jakartaDate(new Date(addedAt)) >= signedOn) return;
        findings.push(
          finding(
            {
              code: "statement-photo-before-signing",
              message: m.statementPhotoBeforeSigning(label, index + 1),
              requirementId: id,
              field: `${pagesField}.${index}`,
            },
            false,
          ),
        );
      });
    }
  }

  const maxAgeDays = requirement.acceptance?.maxAgeDays;
  if (maxAgeDays !== undefined) {
    const dateFinding = checkIssuedOn(requirement, text(own(document, "issuedOn")), maxAgeDays, input.today);
    if (dateFinding) findings.push(dateFinding);
  }
  return findings;
}

function isUnreadableImage(page: unknown): boolean {
  if (!(IMAGE_MIMES as readonly string[]).includes(text(own(page, "mime")))) return false;
  const width = own<unknown>(page, "width");
  const height = own<unknown>(page, "height");
  if (typeof width !== "number" || typeof height !== "number") return false;
  return Math.max(width, height) < MIN_IMAGE_LONG_EDGE;
}

/**
 * A statement counts once the cadre confirms the applicant signed the printed
 * text, and on which day: a photo alone may be of a blank form.
 */
function checkSignedOn(requirement: Requirement, input: string, today: string): Finding | undefined {
  const id = requirement.id;
  const label = requirement.label;
  const field = `documents.${id}.signedOn`;
  if (!input.trim()) {
    return finding(
      {
        code: "statement-unsigned",
        message: m.statementUnsigned(label, requirement.statement?.declarant),
        requirementId: id,
        field,
      },
      true,
    );
  }
  const parsed = attempt(() => parseDate(input, today));
  const signedOn = parsed?.ok ? parsed.value : undefined;
  const age = signedOn === undefined ? undefined : attempt(() => daysBetween(signedOn, today));
  if (signedOn === undefined || age === undefined || !Number.isFinite(age)) {
    return finding(
      { code: "statement-date-invalid", message: m.statementDateInvalid(label), requirementId: id, field },
      false,
    );
  }
  if (age < 0) {
    return finding(
      { code: "statement-date-future", message: m.statementDateFuture(label, signedOn), requirementId: id, field },
      false,
    );
  }
  return undefined;
}

function checkIssuedOn(
  requirement: Requirement,
  input: string,
  maxAgeDays: number,
  today: string,
): Finding | undefined {
  const id = requirement.id;
  const label = requirement.label;
  const field = `documents.${id}.issuedOn`;
  if (!input.trim()) {
    return finding(
      { code: "document-date-missing", message: m.documentDateMissing(label, maxAgeDays), requirementId: id, field },
      true,
    );
  }
  const parsed = attempt(() => parseDate(input, today));
  const issuedOn = parsed?.ok ? parsed.value : undefined;
  const age = issuedOn === undefined ? undefined : attempt(() => daysBetween(issuedOn, today));
  if (issuedOn === undefined || age === undefined || !Number.isFinite(age)) {
    return finding(
      { code: "document-date-invalid", message: m.documentDateInvalid(label), requirementId: id, field },
      false,
    );
  }
  if (age < 0) {
    return finding(
      { code: "document-date-future", message: m.documentDateFuture(label, issuedOn), requirementId: id, field },
      false,
    );
  }
  if (age > maxAgeDays) {
    return finding(
      {
        code: "document-expired",
        message: m.documentExpired(label, issuedOn, maxAgeDays),
        requirementId: id,
        field,
      },
      false,
    );
  }
  return undefined;
}
