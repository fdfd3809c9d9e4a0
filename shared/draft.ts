import { z } from "zod";
import { PAGE_MIMES } from "./files/formats";
import { Slug } from "./guide";

/**
 * An application draft as the cadre's phone stores it and, later, pushes it.
 * The schema checks structure and size only: the content may be incomplete or
 * wrong while the cadre works — judging it is the pre-check's job
 * (shared/precheck), so a half-filled form can always be saved.
 */

/** UUIDv7: sorts by creation time and never collides across devices. */
export const DraftId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, "must be a UUIDv7");

/** YYYY-MM-DD, or empty while not entered. */
export const DateInput = z.union([z.literal(""), z.iso.date()]);

export const Sex = z.enum(["male", "female"]);
export type Sex = z.infer<typeof Sex>;

const text = (max: number) => z.string().max(max).default("");

export const Address = z.strictObject({
  street: text(200),
  rt: text(3),
  rw: text(3),
  /** Official kelurahan/desa code (Kepmendagri), e.g. "31.71.01.1001"; kecamatan and kota follow from it. */
  villageCode: text(13),
});
export type Address = z.infer<typeof Address>;

export const Applicant = z.strictObject({
  fullName: text(100),
  nik: text(32),
  kk: text(32),
  birthDate: DateInput.default(""),
  sex: Sex.optional(),
  phone: text(32),
  address: Address.default({ street: "", rt: "", rw: "", villageCode: "" }),
});
export type Applicant = z.infer<typeof Applicant>;

export const PageMime = z.enum(PAGE_MIMES);
export type PageMime = z.infer<typeof PageMime>;

/** One photographed or picked page. The bytes live in their own table, keyed by `blobId`. */
export const DocumentPage = z.strictObject({
  blobId: z.string().min(1).max(80),
  /** SHA-256 of the bytes (hex), computed on the device: the upload's identity and integrity check. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  mime: PageMime,
  bytes: z.int().min(1),
  width: z.int().min(1).optional(),
  height: z.int().min(1).optional(),
  addedAt: z.iso.datetime(),
});
export type DocumentPage = z.infer<typeof DocumentPage>;

export const DraftDocument = z.strictObject({
  pages: z.array(DocumentPage).max(20).default([]),
  /** Date printed on the letter (e.g. the RT/RW covering letter), for the maximum-age rule. */
  issuedOn: DateInput.default(""),
  /**
   * Statements: the day the applicant signed the printed statement, as the
   * cadre confirms it. Until then a photo of the page does not count.
   */
  signedOn: DateInput.optional(),
  /** Documents whose every page with entries counts: how many such pages the cadre counted on the paper. */
  pagesWithEntries: z.int().min(1).max(20).optional(),
});
export type DraftDocument = z.infer<typeof DraftDocument>;

export const DraftStatus = z.enum(["draft", "ready"]);
export type DraftStatus = z.infer<typeof DraftStatus>;

/** Which part changed, never the value: the history must not copy personal data around. */
export const HistoryEntry = z.strictObject({
  at: z.iso.datetime(),
  action: z.string().max(60),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Draft = z.strictObject({
  id: DraftId,
  guideId: Slug,
  /** The guide version the draft is pinned to until the cadre moves it. */
  guideVersion: z.int().min(1),
  applicant: Applicant,
  answers: z.record(z.string().max(60), z.union([z.boolean(), z.string().max(60)])).default({}),
  /** Values of the guide's `data` requirements that are not applicant fields, by requirement id. */
  data: z.record(z.string().max(80), z.string().max(500)).default({}),
  documents: z.record(z.string().max(80), DraftDocument).default({}),
  /** Region code of the office the file goes to (kelurahan or kecamatan), for residency rules. */
  officeAreaCode: z.string().max(13).default(""),
  status: DraftStatus.default("draft"),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  history: z.array(HistoryEntry).max(200).default([]),
});
export type Draft = z.infer<typeof Draft>;
export type DraftInput = z.input<typeof Draft>;
