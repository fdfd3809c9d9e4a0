import type { GuideInput } from "../../../shared/guide";

/**
 * Pieces shared by many seeded guides. Each guide still lists every requirement
 * itself; these only keep recurring wording (RT/RW letter, power of attorney,
 * complaint channel) identical everywhere.
 */
type Text = { id: string; en: string };
type RequirementInput = GuideInput["requirements"][number];
type QuestionInput = NonNullable<GuideInput["questions"]>[number];
type OfficeInput = GuideInput["office"];
type SubmissionInput = GuideInput["submission"];

export const SOURCE_PTSP =
  "Disusun dari standar pelayanan PTSP DKI Jakarta yang dipublikasikan dan peraturan yang dikutip pada dasar hukum; persyaratan dapat berbeda per kantor, periksa kembali dengan standar pelayanan kantor Anda.";
export const SOURCE_DUKCAPIL =
  "Disusun dari Perpres 96/2018, Permendagri 108/2019 dan informasi layanan Dinas Dukcapil DKI Jakarta (Alpukat Betawi); periksa kembali dengan standar pelayanan kantor Anda.";
/**
 * Jakarta has no autonomous cities: the provincial Dukcapil office is the one
 * civil-registry authority for all of DKI, so its units serve any DKI resident
 * (residency "provinsi"), not only the kelurahan's own.
 */
export const SOURCE_DUKCAPIL_DKI = `${SOURCE_DUKCAPIL} Wilayah layanan: Dinas Dukcapil Provinsi DKI Jakarta adalah instansi pelaksana untuk seluruh DKI (UU 29/2007; Perpres 96/2018), sehingga penduduk yang terdaftar di DKI dilayani di Satpel Dukcapil mana pun di Jakarta; standar pelayanan Dinas ditetapkan dengan Keputusan Kepala Dinas Dukcapil DKI 281/2019.`;
export const SOURCE_OSS =
  "Disusun dari peraturan perizinan berusaha berbasis risiko dan panduan di portal OSS (oss.go.id); periksa kembali dengan DPMPTSP DKI Jakarta sebelum dipakai.";

/** PP 28/2025 replaced PP 5/2021; cited as PP 5/2021 until an operator confirms the new text. */
export const SOURCE_OSS_PP28 = `${SOURCE_OSS} PP 5/2021 telah dicabut dan diganti PP 28/2025; sesuaikan dasar hukum setelah dikonfirmasi.`;

export const COMPLAINT: Text = {
  id: "SP4N-LAPOR! (lapor.go.id), aplikasi JAKI, atau pengaduan langsung di kantor PTSP",
  en: "SP4N-LAPOR! (lapor.go.id), the JAKI app, or the complaints desk at the PTSP office",
};
export const COMPLAINT_DUKCAPIL: Text = {
  id: "SP4N-LAPOR! (lapor.go.id), aplikasi JAKI, atau pengaduan di kantor Dukcapil/Satpel Dukcapil",
  en: "SP4N-LAPOR! (lapor.go.id), the JAKI app, or the complaints desk at the civil registry (Dukcapil) office",
};
export const COMPLAINT_OSS: Text = {
  id: "Layanan bantuan OSS (oss.go.id), SP4N-LAPOR! (lapor.go.id), aplikasi JAKI, atau pengaduan di kantor PTSP",
  en: "OSS help desk (oss.go.id), SP4N-LAPOR! (lapor.go.id), the JAKI app, or the complaints desk at the PTSP office",
};

export const HOURS: Text = { id: "Senin–Jumat 08.00–15.00", en: "Monday–Friday 08:00–15:00" };
export const HOURS_ONLINE: Text = {
  id: "Daring 24 jam; verifikasi pada hari kerja",
  en: "Online 24 hours; checked on working days",
};

export const URL_JAKEVO = "https://jakevo.jakarta.go.id";
export const URL_ALPUKAT = "https://alpukat-dukcapil.jakarta.go.id";
export const URL_OSS = "https://oss.go.id";
export const URL_SIMBG = "https://simbg.pu.go.id";

export const OFFICE_KELURAHAN: OfficeInput = {
  name: { id: "Kantor Kelurahan (Satpel PTSP Kelurahan)", en: "Kelurahan office (PTSP service unit)" },
  level: "kelurahan",
};
export const OFFICE_KECAMATAN: OfficeInput = {
  name: { id: "Kantor Kecamatan (Satpel PTSP Kecamatan)", en: "Kecamatan office (PTSP service unit)" },
  level: "kecamatan",
};
export const OFFICE_DUKCAPIL_KELURAHAN: OfficeInput = {
  name: {
    id: "Satpel Dukcapil Kelurahan",
    en: "Civil registry (Dukcapil) service unit at the kelurahan office",
  },
  level: "kelurahan",
};
export const OFFICE_DUKCAPIL_KECAMATAN: OfficeInput = {
  name: {
    id: "Satpel Dukcapil Kecamatan / Suku Dinas Dukcapil Kota",
    en: "Civil registry (Dukcapil) unit at the kecamatan office or city civil registry office",
  },
  level: "kecamatan",
};

export const LEGAL_ADMINDUK = "UU 23/2006 tentang Administrasi Kependudukan jo. UU 24/2013";
export const LEGAL_PERPRES_96 =
  "Perpres 96/2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil";
export const LEGAL_PERMENDAGRI_108 = "Permendagri 108/2019 tentang Peraturan Pelaksanaan Perpres 96/2018";
export const LEGAL_PELAYANAN_PUBLIK = "UU 25/2009 tentang Pelayanan Publik";
export const LEGAL_PP_5_2021 = "PP 5/2021 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko";
export const LEGAL_PP_7_2021 =
  "PP 7/2021 tentang Kemudahan, Pelindungan, dan Pemberdayaan Koperasi dan Usaha Mikro, Kecil, dan Menengah";
export const LEGAL_PERDA_PTSP = "Perda DKI Jakarta 12/2013 tentang Penyelenggaraan Pelayanan Terpadu Satu Pintu";

export const FEE_FREE: GuideInput["fee"] = {
  amount: 0,
  note: {
    id: "Tidak dipungut biaya. Tolak dan laporkan jika diminta bayaran.",
    en: "Free of charge. Refuse and report any request for payment.",
  },
};
export const FEE_FREE_ADMINDUK: GuideInput["fee"] = {
  amount: 0,
  note: {
    id: "Gratis: pengurusan dan penerbitan dokumen kependudukan tidak dipungut biaya (UU 24/2013 Pasal 79A).",
    en: "Free: issuing population documents may not be charged for (Law 24/2013 art. 79A).",
  },
};

type PageRule = Pick<RequirementInput, "minPages" | "allPagesWithEntries" | "pagesNote">;

/** The KTP-el carries every field on its front; the back is blank, so the front alone is the whole card. */
export const PAGES_KTP: PageRule = {
  minPages: 1,
  pagesNote: {
    id: "Sisi depan KTP-el (sisi belakang kosong), seluruh kartu terlihat dan tidak terpotong.",
    en: "The front of the KTP-el (the back is blank), the whole card visible and not cropped.",
  },
};

/**
 * The KK (blank of Permendagri 118/2017, e-signed since 2021) is printed on one
 * side of one A4 sheet; what offices send back is a photo that cuts off the
 * number, a member or the signature/QR code at the foot, so the note names them.
 */
export const PAGES_KK: PageRule = {
  minPages: 1,
  pagesNote: {
    id: "Seluruh lembar KK dalam satu foto: nomor KK, semua anggota keluarga, dan bagian bawah dengan tanda tangan atau kode QR. Bila KK lebih dari satu lembar, foto setiap lembar.",
    en: "The whole KK sheet in one photo: the KK number, every family member, and the foot with the signature or QR code. If the KK has more than one sheet, photograph each sheet.",
  },
};

/** A marriage book: the cover alone says nothing; the identity, ceremony and note pages are what the office reads. */
export const PAGES_BUKU_NIKAH: PageRule = {
  allPagesWithEntries: true,
  pagesNote: {
    id: "Buku nikah: sampul depan, halaman data suami, istri dan wali, halaman pengesahan, dan setiap halaman catatan yang berisi. Kutipan akta perkawinan: halaman depan dan halaman belakang bila berisi catatan.",
    en: "Marriage book: the front cover, the husband's, wife's and guardian's data pages, the registration page, and every note page with entries. Marriage certificate extract: the front, and the back if it has notes.",
  },
};

/** A kutipan akta is one sheet, but later changes (recognition, corrections) are written as marginal notes on its back. */
export const PAGES_AKTA: PageRule = {
  allPagesWithEntries: true,
  pagesNote: {
    id: "Halaman depan kutipan akta, dan halaman belakang bila berisi catatan pinggir.",
    en: "The front of the certificate extract, and the back if it carries marginal notes.",
  },
};

export const PAGES_PUTUSAN: PageRule = {
  allPagesWithEntries: true,
  pagesNote: {
    id: "Semua halaman salinan putusan atau penetapan, termasuk halaman terakhir dengan tanda tangan dan keterangan berkekuatan hukum tetap.",
    en: "Every page of the copy of the judgment or order, including the last page with the signatures and the statement that it is final.",
  },
};

/** Deeds, agreements and decrees run to several pages; the signature page and annexes are the ones most often missing. */
export const PAGES_AKTA_NOTARIS: PageRule = {
  allPagesWithEntries: true,
  pagesNote: {
    id: "Semua halaman yang berisi, termasuk halaman tanda tangan dan lampiran.",
    en: "Every page with entries, including the signature page and the annexes.",
  },
};

/** Letters that run over several sheets (SKPWNI lists every member who moves). */
export const PAGES_SURAT: PageRule = {
  allPagesWithEntries: true,
  pagesNote: {
    id: "Semua lembar surat, termasuk lembar daftar anggota keluarga dan lembar tanda tangan.",
    en: "Every sheet of the letter, including the list of family members and the signature sheet.",
  },
};

/** Uploaded PDFs: one file holds every page, so the page rule is one file with all of them. */
export const PAGES_PDF: PageRule = {
  minPages: 1,
  pagesNote: {
    id: "Satu berkas PDF berisi semua halaman dokumen.",
    en: "One PDF file holding every page of the document.",
  },
};

/** A KTP-el of someone other than the applicant (a parent, a witness, the attorney): one requirement per person. */
export function ktpOf(id: string, label: Text, extra: Partial<RequirementInput> = {}): RequirementInput {
  return {
    id,
    kind: "document",
    label,
    acceptance: { form: "copy", copies: 1 },
    ...PAGES_KTP,
    ...extra,
  };
}

/** The two witnesses a statement or a ceremony names: each one's KTP-el is checked on its own. */
export function ktpSaksi(when: RequirementInput["when"]): RequirementInput[] {
  return [1, 2].map((n) =>
    ktpOf(
      `ktp-el-saksi-${n}`,
      { id: `KTP-el saksi ${n}`, en: `KTP-el of witness ${n}` },
      {
        obtainFrom: {
          id: "Saksi dewasa (umumnya berumur 21 tahun ke atas) yang bukan anggota KK pemohon",
          en: "An adult witness (usually aged 21 or over) who is not on the applicant's KK",
        },
        ...(when ? { when } : {}),
      },
    ),
  );
}

/** Surat pengantar RT/RW: most Jakarta counters refuse one older than 30 days. */
export const PENGANTAR_RT_RW: RequirementInput = {
  id: "pengantar-rt-rw",
  kind: "document",
  // One Jakarta form signed and stamped by both the RT and the RW head: a single document despite "dan".
  label: { id: "Surat pengantar RT dan RW", en: "Covering letter from the RT and RW heads" },
  acceptance: { form: "original", maxAgeDays: 30 },
  minPages: 1,
  pagesNote: {
    id: "Satu lembar bertanda tangan dan cap Ketua RT dan Ketua RW, tanggal surat terbaca.",
    en: "One sheet signed and stamped by the RT and RW heads, with the date readable.",
  },
  obtainFrom: {
    id: "Ketua RT, lalu Ketua RW tempat tinggal pemohon (bawa KTP-el dan KK)",
    en: "The RT head, then the RW head where the applicant lives (bring the KTP-el and KK)",
  },
};

export const KTP_PEMOHON: RequirementInput = {
  id: "ktp-el",
  kind: "document",
  label: { id: "KTP-el pemohon", en: "Applicant's electronic ID card (KTP-el)" },
  acceptance: { form: "original-and-copy", copies: 1 },
  ...PAGES_KTP,
  obtainFrom: {
    id: "Jika hilang atau rusak: layanan Dukcapil di kelurahan/kecamatan (gratis)",
    en: "If lost or damaged: the Dukcapil service at the kelurahan/kecamatan (free)",
  },
};

export const KK_PEMOHON: RequirementInput = {
  id: "kartu-keluarga",
  kind: "document",
  label: { id: "Kartu Keluarga (KK) pemohon", en: "Applicant's family card (KK)" },
  acceptance: { form: "original-and-copy", copies: 1 },
  ...PAGES_KK,
  obtainFrom: {
    id: "Jika hilang atau berubah: layanan Dukcapil di kelurahan (gratis)",
    en: "If lost or changed: the Dukcapil service at the kelurahan (free)",
  },
};

export const Q_DIWAKILKAN: QuestionInput = {
  id: "diwakilkan",
  kind: "yes-no",
  text: {
    id: "Apakah pengurusan diwakilkan orang lain?",
    en: "Is someone else applying on the applicant's behalf?",
  },
};

/**
 * Someone applying on the applicant's behalf: the office checks two papers,
 * the power of attorney (printed by the app, signed over a duty stamp) and the
 * attorney's own KTP-el, so each is its own requirement.
 */
export function kuasa(service: Text): RequirementInput[] {
  return [
    {
      id: "surat-kuasa",
      kind: "statement",
      label: { id: "Surat kuasa bermeterai", en: "Power of attorney on duty stamp" },
      acceptance: { form: "original", stamped: true },
      when: { q: "diwakilkan", is: true },
      statement: {
        title: { id: "Surat Kuasa", en: "Power of Attorney" },
        body: {
          id: `Selaku pemberi kuasa, dengan ini memberikan kuasa kepada: nama ……………………, NIK ……………………, alamat ……………………, selaku penerima kuasa, untuk mengurus ${service.id} atas nama saya, termasuk menyerahkan dan melengkapi berkas serta menerima hasilnya. Penerima kuasa menandatangani surat ini di bawah tanda tangan pemberi kuasa sebagai tanda menerima kuasa.`,
          en: `As the grantor, I hereby authorise: name ……………………, NIK ……………………, address ……………………, as my attorney, to apply for ${service.en} on my behalf, including handing in and completing the file and receiving the result. The attorney signs this letter below the grantor's signature to accept.`,
        },
        cosigners: [{ id: "Penerima kuasa", en: "Attorney" }],
      },
    },
    ktpOf(
      "ktp-el-penerima-kuasa",
      { id: "KTP-el penerima kuasa", en: "KTP-el of the attorney" },
      { acceptance: { form: "original-and-copy", copies: 1 }, when: { q: "diwakilkan", is: true } },
    ),
  ];
}

/** Most kelurahan services: at the PTSP counter or online through JakEvo. */
export const SUBMIT_AT_KELURAHAN: SubmissionInput = {
  channels: ["in-person", "online"],
  where: { id: "Loket PTSP Kantor Kelurahan atau JakEvo", en: "PTSP counter at the kelurahan office, or JakEvo" },
  url: URL_JAKEVO,
  hours: HOURS,
};
