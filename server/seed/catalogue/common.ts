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

/** Surat pengantar RT/RW: most Jakarta counters refuse one older than 30 days. */
export const PENGANTAR_RT_RW: RequirementInput = {
  id: "pengantar-rt-rw",
  kind: "document",
  label: { id: "Surat pengantar RT dan RW", en: "Covering letter from the RT and RW heads" },
  acceptance: { form: "original", maxAgeDays: 30 },
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

export const SURAT_KUASA: RequirementInput = {
  id: "surat-kuasa",
  kind: "statement",
  label: {
    id: "Surat kuasa bermeterai dan KTP-el penerima kuasa",
    en: "Power of attorney on duty stamp and the attorney's KTP-el",
  },
  acceptance: { form: "original", stamped: true },
  when: { q: "diwakilkan", is: true },
};

/** Most kelurahan services: at the PTSP counter or online through JakEvo. */
export const SUBMIT_AT_KELURAHAN: SubmissionInput = {
  channels: ["in-person", "online"],
  where: { id: "Loket PTSP Kantor Kelurahan atau JakEvo", en: "PTSP counter at the kelurahan office, or JakEvo" },
  url: URL_JAKEVO,
  hours: HOURS,
};
