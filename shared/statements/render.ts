import type { Applicant } from "../draft";
import type { Requirement } from "../guide";
import { formatDmy } from "../identity/dates";
import type { RegionIndex } from "../regions/index";
import type { Locale } from "../text";

/**
 * The statement the applicant signs, produced by the app from the guide's
 * text and filled with the applicant's data, so the cadre never photographs a
 * blank or a wrong form. Pure: the phone prints or shows it; the console can
 * show the same text beside the photo of the signed page.
 */
export interface RenderedStatement {
  title: string;
  intro: string;
  identity: { label: string; value: string }[];
  body: string;
  closing: string;
  /** "Jakarta, 2 Desember 2026": where and when it is signed. */
  placeAndDate: string;
  signer: string;
  /** The name under the signature: the applicant's, or a line for a declarant who is someone else. */
  signerName: string;
  stamped: boolean;
  /** Roles of the others who sign beside the applicant (the attorney, other heirs), one line each. */
  cosigners: string[];
  witnesses: number;
}

const WORDS = {
  id: {
    intro: "Yang bertanda tangan di bawah ini:",
    name: "Nama",
    nik: "NIK",
    kk: "Nomor KK",
    birth: "Tanggal lahir",
    address: "Alamat",
    closing:
      "Demikian surat ini saya buat dengan sebenarnya, dalam keadaan sadar dan tanpa paksaan. Apabila di kemudian hari isinya tidak benar, saya bersedia menanggung akibat hukumnya.",
    signer: "Yang menyatakan",
    fallback: (label: string) => `dengan ini menyatakan dengan sebenarnya: ${label}.`,
    stamp: "Meterai Rp 10.000",
  },
  en: {
    intro: "I, the undersigned:",
    name: "Name",
    nik: "NIK",
    kk: "KK number",
    birth: "Date of birth",
    address: "Address",
    closing:
      "I make this letter truthfully, of my own free will. Should its content later prove untrue, I accept the legal consequences.",
    signer: "The declarant",
    fallback: (label: string) => `hereby truthfully declare: ${label}.`,
    stamp: "Rp 10,000 duty stamp",
  },
} as const;

const BLANK = "……………………";

export const STAMP_WORDS = { id: WORDS.id.stamp, en: WORDS.en.stamp } as const;

export function addressLine(applicant: Applicant, regions: RegionIndex): string {
  const a = applicant.address;
  const village = a.villageCode ? regions.village(a.villageCode) : undefined;
  const parts = [
    a.street.trim(),
    a.rt || a.rw ? `RT ${a.rt || "…"}/RW ${a.rw || "…"}` : "",
    village ? `Kel. ${village.name}, Kec. ${village.districtName}, ${village.regencyName}` : "",
  ];
  return parts.filter(Boolean).join(", ");
}

/** Fills {fullName} {nik} {kk} {birthDate} {address} {phone}; an empty field prints as a dotted line. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? values[key] || "……………" : whole,
  );
}

/**
 * A signed statement prints the applicant's data: once that data changes, the
 * signed paper no longer matches it, so every signing confirmation is voided
 * and the cadre prints, has it signed and confirms again.
 */
export function voidSignatures(draft: { documents: Record<string, { signedOn?: string | undefined }> }): void {
  for (const document of Object.values(draft.documents)) delete document.signedOn;
}

/** "Jakarta Pusat" for an address in Kota Administrasi Jakarta Pusat: where the statement is signed. */
export function placeOf(applicant: Applicant, regions: RegionIndex): string {
  const village = applicant.address.villageCode ? regions.village(applicant.address.villageCode) : undefined;
  return village
    ? village.regencyName.replace(/^(Kota Administrasi|Kabupaten Administrasi|Kota|Kabupaten)\s+/u, "")
    : "Jakarta";
}

export function renderStatement(
  requirement: Requirement,
  applicant: Applicant,
  options: { locale: Locale; regions: RegionIndex; signedOn?: string },
): RenderedStatement {
  const words = WORDS[options.locale];
  const address = addressLine(applicant, options.regions);
  const values: Record<string, string> = {
    fullName: applicant.fullName.trim(),
    nik: applicant.nik.trim(),
    kk: applicant.kk.trim(),
    birthDate: applicant.birthDate ? formatDmy(applicant.birthDate) : "",
    address,
    phone: applicant.phone.trim(),
  };
  const text = requirement.statement;
  const declarant = text?.declarant?.[options.locale];
  // A house owner or a head of family declares about the applicant: their own identity is written by hand.
  const identity = declarant
    ? [
        { label: words.name, value: BLANK },
        { label: words.nik, value: BLANK },
        { label: words.address, value: BLANK },
      ]
    : [
        { label: words.name, value: values.fullName || "……………" },
        { label: words.nik, value: values.nik || "……………" },
        ...(values.birthDate ? [{ label: words.birth, value: values.birthDate }] : []),
        { label: words.address, value: address || "……………" },
      ];
  const date = options.signedOn ? formatDmy(options.signedOn) : "……………";
  return {
    title: (text?.title ?? requirement.label)[options.locale],
    intro: words.intro,
    identity,
    body: text ? fillTemplate(text.body[options.locale], values) : words.fallback(requirement.label[options.locale]),
    closing: words.closing,
    placeAndDate: `${placeOf(applicant, options.regions)}, ${date}`,
    signer: declarant ? `${words.signer}, ${declarant.toLowerCase()}` : words.signer,
    signerName: declarant ? `(${BLANK})` : (identity[0]?.value ?? ""),
    stamped: requirement.acceptance?.stamped === true,
    cosigners: (text?.cosigners ?? []).map((role) => role[options.locale]),
    witnesses: text?.witnesses ?? 0,
  };
}
