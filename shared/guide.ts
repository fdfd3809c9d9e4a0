import { z } from "zod";
import { CATEGORIES } from "./categories";
import { type Condition as ConditionType, conditionQuestions } from "./conditions";
import { GUIDE_FORMATS } from "./files/formats";
import { isReservedKey } from "./reserved-keys";
import { LocalizedText } from "./text";

export { CATEGORIES };

/**
 * The Guide: one permit service's public-service standard (UU 25/2009 art. 21),
 * the single source of truth for server storage, the API and the app.
 */
export const Slug = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug like 'surat-keterangan-domisili'")
  // Ids become keys of drafts and pushes; these would reach an object's prototype there.
  .refine((id) => !isReservedKey(id), { error: (issue) => `'${String(issue.input)}' is a reserved word` });

export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const GovernmentLevel = z.enum(["kelurahan", "kecamatan", "kota", "provinsi"]);
export type GovernmentLevel = z.infer<typeof GovernmentLevel>;

export const SubmissionChannel = z.enum(["in-person", "online"]);
export type SubmissionChannel = z.infer<typeof SubmissionChannel>;

/**
 * Questions a guide asks about the applicant's case. Their answers decide which
 * conditional requirements apply, both in the citizen self-check and, later,
 * in the pre-check of a draft.
 */
export const QuestionId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "question id must be a lowercase slug")
  // Answers are keyed by question id (see Slug).
  .refine((id) => !isReservedKey(id), { error: (issue) => `'${String(issue.input)}' is a reserved word` });

export const YesNoQuestion = z.object({
  id: QuestionId,
  kind: z.literal("yes-no"),
  text: LocalizedText,
  help: LocalizedText.optional(),
});

export const ChoiceQuestion = z.object({
  id: QuestionId,
  kind: z.literal("choice"),
  text: LocalizedText,
  help: LocalizedText.optional(),
  options: z.array(z.object({ value: z.string().regex(/^[a-z0-9-]+$/), label: LocalizedText })).min(2),
});

export const Question = z.discriminatedUnion("kind", [YesNoQuestion, ChoiceQuestion]);
export type Question = z.infer<typeof Question>;

export const Condition: z.ZodType<ConditionType> = z.lazy(() =>
  z.union([
    z.strictObject({ q: QuestionId, is: z.union([z.boolean(), z.string()]) }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
  ]),
);

export const RequirementKind = z.enum([
  /** A paper to show at the counter or photograph for the file. */
  "document",
  /** A fact the applicant states (e.g. business address, KBLI code). */
  "data",
  /** A statement the applicant signs (surat pernyataan, SPTJM). */
  "statement",
]);
export type RequirementKind = z.infer<typeof RequirementKind>;

export const DocumentForm = z.enum(["original", "copy", "original-and-copy", "digital"]);
export type DocumentForm = z.infer<typeof DocumentForm>;

export const Acceptance = z.strictObject({
  form: DocumentForm.optional(),
  copies: z.int().min(1).max(10).optional(),
  legalised: z.boolean().optional(),
  /** A covering letter older than this is refused at the counter. */
  maxAgeDays: z.int().min(1).max(3650).optional(),
  /** Signed over a Rp 10.000 duty stamp (meterai). */
  stamped: z.boolean().optional(),
  formats: z.array(z.enum(GUIDE_FORMATS)).min(1).optional(),
  note: LocalizedText.optional(),
});
export type Acceptance = z.infer<typeof Acceptance>;

/** Applicant fields a `data` requirement can point at, so the pre-check validates them with their own rules. */
export const ApplicantField = z.enum(["fullName", "nik", "kk", "birthDate", "sex", "phone", "address"]);
export type ApplicantField = z.infer<typeof ApplicantField>;

export const Requirement = z.strictObject({
  id: Slug,
  kind: RequirementKind,
  label: LocalizedText,
  acceptance: Acceptance.default({}),
  /** Absent: always required. Present: required only when it evaluates true. */
  when: Condition.optional(),
  /** Documents and statements: pages to photograph (e.g. 2 for both sides of a card). */
  minPages: z.int().min(1).max(20).optional(),
  /**
   * Books and multi-sheet documents (buku nikah, passport, deed): every page
   * that has entries must be photographed. The cadre counts those pages on
   * the paper, and the pre-check asks for at least that many (and `minPages`).
   */
  allPagesWithEntries: z.boolean().optional(),
  /** Which pages, in words for the checklist ("sampul dan semua halaman berisi data"). */
  pagesNote: LocalizedText.optional(),
  /**
   * Statements: the text the app prints, filled with the applicant's data, for
   * the applicant to sign. Placeholders: {fullName} {nik} {kk} {birthDate} {address} {phone}.
   */
  statement: z
    .strictObject({
      title: LocalizedText,
      body: LocalizedText,
      /** Witnesses who sign beside the applicant (blank lines are printed for them). */
      witnesses: z.int().min(0).max(4).optional(),
      /** Others who sign beside the applicant, by role ("Penerima kuasa", "Ahli waris"): a signature line each. */
      cosigners: z.array(LocalizedText).max(6).optional(),
      /**
       * Someone other than the applicant makes the statement, by role ("Pemilik rumah"): the sheet leaves
       * the declarant's identity for them to write by hand, and the body names the applicant.
       */
      declarant: LocalizedText.optional(),
    })
    .optional(),
  /** Where a citizen who lacks it can get it (the handover summary says so for what is missing). */
  obtainFrom: LocalizedText.optional(),
  /** Data requirements: the applicant field that holds the value; absent: a free answer in the draft. */
  field: ApplicantField.optional(),
});
export type Requirement = z.infer<typeof Requirement>;

/** Where an eligibility rule reads its date: the applicant's birth date, or a data requirement holding a date. */
export const RuleDate = z.union([
  z.literal("applicant.birthDate"),
  z.string().regex(/^data\.[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be 'applicant.birthDate' or 'data.<requirement id>'"),
]);
export type RuleDate = z.infer<typeof RuleDate>;

/**
 * A rule the office checks that a list of papers cannot say: who may apply
 * (age), deadlines, and what the answers must agree with (a "19–20 years"
 * answer against the birth date). Checked by shared/precheck/eligibility.ts.
 * Without `date` the rule refuses every file where `when` holds ("already has
 * a KTP-el: apply for a replacement instead"). With `date` it holds when the
 * date lies within every bound given, counted to the day the check runs.
 */
export const EligibilityRule = z.strictObject({
  id: Slug,
  /** Checked only when this holds; while a question it names is unanswered, the file waits. */
  when: Condition.optional(),
  date: RuleDate.optional(),
  /** Whole years from the date to today: at least this many. */
  minYears: z.int().min(0).max(150).optional(),
  /** Whole years from the date to today: fewer than this many. */
  belowYears: z.int().min(1).max(150).optional(),
  /** Days from the date to today, at least; negative: the date lies that many days ahead. */
  minDaysAgo: z.int().min(-3650).max(54750).optional(),
  /** Days from the date to today, at most; negative: the date lies at least that many days ahead. */
  maxDaysAgo: z.int().min(-3650).max(54750).optional(),
  /** What the office requires and what to do, shown when the rule fails. */
  message: LocalizedText,
  /** Where the rule comes from (article of a regulation, the office's published standard). */
  source: z.string().trim().min(3).max(300).optional(),
});
export type EligibilityRule = z.infer<typeof EligibilityRule>;

const DATE_BOUNDS = ["minYears", "belowYears", "minDaysAgo", "maxDaysAgo"] as const;

export const Guide = z
  .strictObject({
    id: Slug,
    version: z.int().min(1),
    /**
     * The oldest version whose drafts the office still takes at submit: a
     * publish that binds files not yet submitted raises it to its own version
     * (docs/SYNC.md, "New guide versions"). Absent: every version is taken.
     */
    minSubmitVersion: z.int().min(1).optional(),
    /**
     * The office's note on what this version changed, shown on cadres' phones
     * beside the list of changes. Set by the server from the publish form, so
     * a draft copied from the published guide never carries an old note on.
     */
    changeNote: z.string().trim().max(500).optional(),
    title: LocalizedText,
    summary: LocalizedText,
    category: Category,
    /** Words people actually use ("IMB", "surat miskin") that the title lacks. */
    keywords: z.array(z.string().trim().min(2)).default([]),
    office: z.strictObject({ name: LocalizedText, level: GovernmentLevel }),
    legalBasis: z.array(z.string().trim().min(3)).min(1),
    fee: z.strictObject({
      /** Official fee in whole Rupiah; 0 is shown as "Gratis" to stop illegal levies. */
      amount: z.int().min(0),
      note: LocalizedText.optional(),
    }),
    serviceTime: z.strictObject({
      /**
       * The service time (jangka waktu) in days; 0 means finished the same day.
       * Working days unless `unit` says calendar days (the name is kept from when
       * every guide counted working days, so stored guides and older phones still read).
       */
      workingDays: z.int().min(0).max(365),
      /** How the service standard counts: "working" (hari kerja, the default) or "calendar" (hari kalender). */
      unit: z.enum(["working", "calendar"]).optional(),
      note: LocalizedText.optional(),
    }),
    product: LocalizedText,
    steps: z.array(LocalizedText).min(1),
    submission: z.strictObject({
      channels: z.array(SubmissionChannel).min(1),
      where: LocalizedText,
      url: z.url().optional(),
      hours: LocalizedText.optional(),
    }),
    complaint: LocalizedText,
    questions: z.array(Question).default([]),
    /**
     * Where the applicant must live for this office to accept the file, e.g.
     * "kelurahan": only residents of the office's kelurahan (domisili letters).
     */
    residency: GovernmentLevel.optional(),
    requirements: z.array(Requirement).min(1),
    /**
     * What may not be filed twice for the same applicant (by NIK): "while-open" refuses a
     * second file while one is with the office; "ever" also once one was approved (a first
     * KTP-el is issued once in a lifetime). Checked by the server at submit, against every file.
     */
    filedOnce: z.enum(["while-open", "ever"]).optional(),
    /** Rules the pre-check applies beyond the papers: eligibility, deadlines, answers that must agree with dates. */
    eligibility: z.array(EligibilityRule).max(20).optional(),
    source: z.strictObject({
      /** Where the content comes from (regulation, office standard, portal). */
      note: z.string().trim().min(10),
      /**
       * Seeded content is researched, not issued by any office: it stays true
       * until an operator confirms it against the office's current standard.
       */
      needsOfficeConfirmation: z.boolean(),
    }),
  })
  .superRefine((guide, ctx) => {
    if (guide.minSubmitVersion !== undefined && guide.minSubmitVersion > guide.version) {
      ctx.addIssue({
        code: "custom",
        path: ["minSubmitVersion"],
        message: "the oldest accepted version cannot be newer than the guide itself",
      });
    }
    const questionIds = new Set<string>();
    guide.questions.forEach((question, index) => {
      if (questionIds.has(question.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "id"],
          message: `duplicate question id '${question.id}'`,
        });
      }
      questionIds.add(question.id);
    });
    const requirementIds = new Set<string>();
    guide.requirements.forEach((requirement, index) => {
      if (requirementIds.has(requirement.id)) {
        ctx.addIssue({
          code: "custom",
          path: ["requirements", index, "id"],
          message: `duplicate requirement id '${requirement.id}'`,
        });
      }
      requirementIds.add(requirement.id);
      if (requirement.statement && requirement.kind !== "statement") {
        ctx.addIssue({
          code: "custom",
          path: ["requirements", index, "statement"],
          message: "only a requirement of kind 'statement' has a statement text",
        });
      }
      if (requirement.kind === "data" && (requirement.minPages || requirement.allPagesWithEntries)) {
        ctx.addIssue({
          code: "custom",
          path: ["requirements", index, "minPages"],
          message: "a data requirement has no pages",
        });
      }
      if (!requirement.when) return;
      for (const questionId of conditionQuestions(requirement.when)) {
        if (!questionIds.has(questionId)) {
          ctx.addIssue({
            code: "custom",
            path: ["requirements", index, "when"],
            message: `condition refers to unknown question '${questionId}'`,
          });
        }
      }
    });
    const ruleIds = new Set<string>();
    (guide.eligibility ?? []).forEach((rule, index) => {
      const path = ["eligibility", index];
      if (ruleIds.has(rule.id))
        ctx.addIssue({ code: "custom", path: [...path, "id"], message: `duplicate rule id '${rule.id}'` });
      ruleIds.add(rule.id);
      if (rule.when) {
        for (const questionId of conditionQuestions(rule.when)) {
          if (!questionIds.has(questionId)) {
            ctx.addIssue({
              code: "custom",
              path: [...path, "when"],
              message: `condition refers to unknown question '${questionId}'`,
            });
          }
        }
      }
      const bounds = DATE_BOUNDS.filter((b) => rule[b] !== undefined);
      if (!rule.date) {
        if (!rule.when)
          ctx.addIssue({ code: "custom", path, message: "a rule without a date needs a 'when' condition" });
        if (bounds.length > 0)
          ctx.addIssue({ code: "custom", path: [...path, bounds[0] ?? "date"], message: "date bounds need a 'date'" });
        return;
      }
      if (bounds.length === 0)
        ctx.addIssue({ code: "custom", path: [...path, "date"], message: "a dated rule needs at least one bound" });
      if (rule.date.startsWith("data.")) {
        const target = guide.requirements.find((r) => r.id === rule.date?.slice("data.".length));
        if (target?.kind !== "data" || target.field) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "date"],
            message: `'${rule.date}' is not a free data requirement of this guide`,
          });
        }
      }
      if (rule.minYears !== undefined && rule.belowYears !== undefined && rule.minYears >= rule.belowYears) {
        ctx.addIssue({ code: "custom", path: [...path, "belowYears"], message: "belowYears must be above minYears" });
      }
      if (rule.minDaysAgo !== undefined && rule.maxDaysAgo !== undefined && rule.minDaysAgo > rule.maxDaysAgo) {
        ctx.addIssue({
          code: "custom",
          path: [...path, "maxDaysAgo"],
          message: "maxDaysAgo must not be below minDaysAgo",
        });
      }
    });
  });
export type Guide = z.infer<typeof Guide>;
/** What authors write: defaults (keywords, questions, acceptance) may be left out. */
export type GuideInput = z.input<typeof Guide>;
