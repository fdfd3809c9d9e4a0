import type { GuideInput } from "../../../shared/guide";
import {
  COMPLAINT,
  COMPLAINT_DUKCAPIL,
  FEE_FREE,
  FEE_FREE_ADMINDUK,
  HOURS,
  KK_PEMOHON,
  KTP_PEMOHON,
  LEGAL_ADMINDUK,
  LEGAL_PELAYANAN_PUBLIK,
  LEGAL_PERDA_PTSP,
  LEGAL_PERMENDAGRI_108,
  LEGAL_PERPRES_96,
  OFFICE_DUKCAPIL_KECAMATAN,
  OFFICE_DUKCAPIL_KELURAHAN,
  OFFICE_KECAMATAN,
  OFFICE_KELURAHAN,
  PENGANTAR_RT_RW,
  Q_DIWAKILKAN,
  SOURCE_DUKCAPIL,
  SOURCE_PTSP,
  SUBMIT_AT_KELURAHAN,
  SURAT_KUASA,
  URL_ALPUKAT,
  URL_JAKEVO,
} from "./common";

const LEGAL_PERKAWINAN = "UU 1/1974 tentang Perkawinan jo. UU 16/2019";
const LEGAL_PP_9_1975 = "PP 9/1975 tentang Pelaksanaan UU 1/1974 tentang Perkawinan";
const LEGAL_SPTJM = "Permendagri 9/2016 tentang Percepatan Peningkatan Cakupan Kepemilikan Akta Kelahiran";

const DUKCAPIL_WHERE = {
  id: "Satpel Dukcapil Kelurahan/Kecamatan atau Alpukat Betawi",
  en: "Dukcapil unit at the kelurahan or kecamatan office, or Alpukat Betawi",
};

export const keluarga: GuideInput[] = [
  {
    id: "kk-baru",
    version: 1,
    title: { id: "Kartu Keluarga (KK) Baru", en: "New Family Card (KK)" },
    summary: {
      id: "KK baru untuk pasangan yang baru menikah dan pisah dari KK orang tua, untuk warga yang baru bercerai, atau pengganti KK yang hilang/rusak. KK dicetak dengan tanda tangan elektronik di kertas HVS.",
      en: "A new family card for a newly married couple leaving their parents' KK, for someone newly divorced, or to replace a lost or damaged KK. It is printed with an electronic signature on plain paper.",
    },
    category: "keluarga",
    keywords: ["KK", "kartu keluarga", "pisah KK", "bikin KK", "KK hilang", "KK rusak", "pecah KK"],
    office: OFFICE_DUKCAPIL_KELURAHAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: { workingDays: 1, note: { id: "Jika berkas lengkap.", en: "If the file is complete." } },
    product: {
      id: "Kartu Keluarga baru (tanda tangan elektronik, dapat dicetak di HVS A4)",
      en: "New family card (electronically signed, can be printed on A4 paper)",
    },
    steps: [
      {
        id: "Siapkan KK lama dan dokumen peristiwa (buku nikah/akta cerai) atau surat kehilangan.",
        en: "Prepare the old KK and the event document (marriage book or divorce certificate) or the loss report.",
      },
      {
        id: "Ajukan di Satpel Dukcapil kelurahan atau lewat Alpukat Betawi.",
        en: "Apply at the kelurahan Dukcapil unit or through Alpukat Betawi.",
      },
      { id: "Petugas memverifikasi data keluarga.", en: "The officer verifies the family data." },
      {
        id: "Terima KK baru; periksa ejaan nama, tanggal lahir, dan status.",
        en: "Receive the new KK; check the spelling of names, birth dates and status.",
      },
    ],
    submission: { channels: ["in-person", "online"], where: DUKCAPIL_WHERE, url: URL_ALPUKAT, hours: HOURS },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [
      {
        id: "alasan",
        kind: "choice",
        text: { id: "Mengapa membuat KK baru?", en: "Why is a new KK needed?" },
        options: [
          {
            value: "menikah",
            label: { id: "Baru menikah, pisah dari KK lama", en: "Newly married, leaving the old KK" },
          },
          { value: "cerai", label: { id: "Bercerai", en: "Divorced" } },
          { value: "hilang-rusak", label: { id: "KK hilang atau rusak", en: "KK lost or damaged" } },
        ],
      },
      {
        id: "tercatat",
        kind: "yes-no",
        text: {
          id: "Apakah perkawinan/perceraian sudah tercatat resmi (ada buku nikah, akta perkawinan, atau akta cerai)?",
          en: "Is the marriage or divorce officially registered (marriage book, marriage or divorce certificate)?",
        },
      },
    ],
    requirements: [
      {
        id: "kk-lama",
        kind: "document",
        label: { id: "KK lama tempat pemohon tercatat", en: "The old KK on which the applicant is listed" },
        acceptance: { form: "original" },
        when: {
          any: [
            { q: "alasan", is: "menikah" },
            { q: "alasan", is: "cerai" },
          ],
        },
      },
      {
        id: "buku-nikah",
        kind: "document",
        label: { id: "Buku nikah atau kutipan akta perkawinan", en: "Marriage book or marriage certificate extract" },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: {
          all: [
            { q: "alasan", is: "menikah" },
            { q: "tercatat", is: true },
          ],
        },
      },
      {
        id: "akta-cerai",
        kind: "document",
        label: { id: "Akta cerai atau kutipan akta perceraian", en: "Divorce certificate" },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: {
          all: [
            { q: "alasan", is: "cerai" },
            { q: "tercatat", is: true },
          ],
        },
      },
      {
        id: "sptjm-belum-tercatat",
        kind: "statement",
        label: {
          id: "SPTJM perkawinan/perceraian belum tercatat (bermeterai, dengan dua saksi)",
          en: "Sworn statement (SPTJM) of an unregistered marriage or divorce (on duty stamp, with two witnesses)",
        },
        acceptance: { form: "original", stamped: true },
        when: {
          all: [
            {
              any: [
                { q: "alasan", is: "menikah" },
                { q: "alasan", is: "cerai" },
              ],
            },
            { not: { q: "tercatat", is: true } },
          ],
        },
      },
      {
        id: "surat-kehilangan",
        kind: "document",
        label: {
          id: "Surat keterangan kehilangan dari kepolisian, atau KK yang rusak",
          en: "Police loss report, or the damaged KK",
        },
        acceptance: { form: "original" },
        when: { q: "alasan", is: "hilang-rusak" },
      },
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el kepala keluarga", en: "KTP-el of the head of family" },
        acceptance: { form: "original" },
      },
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "perubahan-kk",
    version: 1,
    title: {
      id: "Perubahan KK (Tambah/Kurang Anggota, Ubah Data)",
      en: "Updating the Family Card (Add/Remove Members, Change Data)",
    },
    summary: {
      id: "Memperbarui KK karena kelahiran anak, anggota keluarga yang datang atau numpang, anggota yang meninggal atau pindah, atau perubahan data seperti pendidikan dan pekerjaan.",
      en: "Updating the family card after a birth, a member joining, a member dying or moving out, or a change of data such as education or occupation.",
    },
    category: "keluarga",
    keywords: ["KK", "tambah anak di KK", "masukin KK", "numpang KK", "ubah KK", "update KK", "ganti status"],
    office: OFFICE_DUKCAPIL_KELURAHAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: { workingDays: 1, note: { id: "Jika berkas lengkap.", en: "If the file is complete." } },
    product: { id: "KK yang sudah diperbarui", en: "Updated family card" },
    steps: [
      {
        id: "Siapkan KK lama dan dokumen bukti perubahan.",
        en: "Prepare the old KK and the documents proving the change.",
      },
      {
        id: "Ajukan di Satpel Dukcapil kelurahan atau lewat Alpukat Betawi.",
        en: "Apply at the kelurahan Dukcapil unit or through Alpukat Betawi.",
      },
      { id: "Petugas memverifikasi data.", en: "The officer verifies the data." },
      {
        id: "Terima KK baru dan periksa kembali semua data.",
        en: "Receive the new KK and check all the data again.",
      },
    ],
    submission: { channels: ["in-person", "online"], where: DUKCAPIL_WHERE, url: URL_ALPUKAT, hours: HOURS },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [
      {
        id: "perubahan",
        kind: "choice",
        text: { id: "Apa yang berubah di KK?", en: "What changes on the KK?" },
        options: [
          { value: "kelahiran", label: { id: "Tambah anak yang baru lahir", en: "Add a newborn child" } },
          {
            value: "anggota-datang",
            label: { id: "Tambah anggota yang datang/numpang", en: "Add a member who joins" },
          },
          {
            value: "anggota-keluar",
            label: { id: "Kurangi anggota (meninggal/pindah)", en: "Remove a member (died or moved)" },
          },
          {
            value: "ubah-data",
            label: { id: "Ubah data (pendidikan, pekerjaan, dll.)", en: "Change data (education, occupation, etc.)" },
          },
        ],
      },
    ],
    requirements: [
      {
        id: "kk-lama",
        kind: "document",
        label: { id: "KK lama", en: "The old KK" },
        acceptance: { form: "original" },
      },
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el kepala keluarga", en: "KTP-el of the head of family" },
        acceptance: { form: "original" },
      },
      {
        id: "bukti-kelahiran",
        kind: "document",
        label: {
          id: "Akta kelahiran atau surat keterangan lahir anak",
          en: "The child's birth certificate or birth notification letter",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "perubahan", is: "kelahiran" },
      },
      {
        id: "skpwni-anggota",
        kind: "document",
        label: { id: "SKPWNI anggota yang datang", en: "SKPWNI of the member who joins" },
        acceptance: { form: "original" },
        when: { q: "perubahan", is: "anggota-datang" },
      },
      {
        id: "persetujuan-kepala-keluarga",
        kind: "statement",
        label: {
          id: "Surat pernyataan kepala keluarga bersedia menerima anggota baru",
          en: "Statement by the head of family agreeing to take in the new member",
        },
        acceptance: { form: "original" },
        when: { q: "perubahan", is: "anggota-datang" },
      },
      {
        id: "bukti-anggota-keluar",
        kind: "document",
        label: {
          id: "Akta kematian atau SKPWNI anggota yang keluar",
          en: "Death certificate or SKPWNI of the member leaving",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "perubahan", is: "anggota-keluar" },
      },
      {
        id: "bukti-perubahan-data",
        kind: "document",
        label: {
          id: "Dokumen pendukung perubahan data (ijazah, SK pekerjaan, buku nikah, dll.)",
          en: "Supporting document for the change (diploma, employment letter, marriage book, etc.)",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "perubahan", is: "ubah-data" },
      },
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "akta-kelahiran",
    version: 1,
    title: { id: "Akta Kelahiran", en: "Birth Certificate" },
    summary: {
      id: "Pencatatan kelahiran anak di Dukcapil. Laporkan paling lambat 60 hari sejak lahir. Jika tidak ada surat lahir dari bidan/rumah sakit atau buku nikah orang tua, dapat diganti SPTJM.",
      en: "Registering a child's birth with the civil registry. Report within 60 days of the birth. If there is no birth letter from a midwife or hospital, or no parents' marriage book, a sworn statement (SPTJM) can replace it.",
    },
    category: "keluarga",
    keywords: ["akte lahir", "akta lahir", "akte kelahiran", "bayi", "anak lahir", "SPTJM"],
    office: OFFICE_DUKCAPIL_KECAMATAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108, LEGAL_SPTJM],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: {
      workingDays: 1,
      note: {
        id: "Jika berkas lengkap; pengajuan daring bisa lebih lama saat antrean padat.",
        en: "If the file is complete; online applications can take longer when the queue is long.",
      },
    },
    product: {
      id: "Kutipan akta kelahiran, KK yang sudah memuat anak, dan KIA",
      en: "Birth certificate extract, updated KK including the child, and a child identity card (KIA)",
    },
    steps: [
      {
        id: "Kumpulkan surat keterangan lahir, buku nikah orang tua, KK, dan KTP-el orang tua (atau siapkan SPTJM).",
        en: "Collect the birth letter, the parents' marriage book, KK and parents' KTP-el (or prepare the SPTJM).",
      },
      {
        id: "Isi formulir pelaporan kelahiran (F-2.01) dan ajukan lewat Alpukat Betawi atau Satpel Dukcapil.",
        en: "Fill in the birth registration form (F-2.01) and apply through Alpukat Betawi or the Dukcapil unit.",
      },
      { id: "Petugas memverifikasi berkas.", en: "The officer verifies the file." },
      {
        id: "Terima akta kelahiran (dapat dicetak sendiri) dan KK baru.",
        en: "Receive the birth certificate (can be printed at home) and the new KK.",
      },
    ],
    submission: { channels: ["in-person", "online"], where: DUKCAPIL_WHERE, url: URL_ALPUKAT, hours: HOURS },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [
      {
        id: "lahir-di-faskes",
        kind: "yes-no",
        text: {
          id: "Apakah anak lahir di rumah sakit/puskesmas/klinik atau ditolong dokter/bidan?",
          en: "Was the child born in a hospital, clinic or health centre, or delivered by a doctor or midwife?",
        },
      },
      {
        id: "orang-tua-tercatat-nikah",
        kind: "yes-no",
        text: {
          id: "Apakah orang tua tercatat nikah (punya buku nikah/akta perkawinan)?",
          en: "Are the parents' marriage officially registered (marriage book or certificate)?",
        },
      },
    ],
    requirements: [
      {
        id: "surat-keterangan-lahir",
        kind: "document",
        label: {
          id: "Surat keterangan lahir dari rumah sakit, puskesmas, dokter, atau bidan",
          en: "Birth letter from the hospital, health centre, doctor or midwife",
        },
        acceptance: { form: "original" },
        when: { q: "lahir-di-faskes", is: true },
      },
      {
        id: "sptjm-kelahiran",
        kind: "statement",
        label: {
          id: "SPTJM kebenaran data kelahiran (bermeterai, dengan dua saksi)",
          en: "Sworn statement (SPTJM) on the birth data (on duty stamp, with two witnesses)",
        },
        acceptance: { form: "original", stamped: true },
        when: { q: "lahir-di-faskes", is: false },
      },
      {
        id: "buku-nikah",
        kind: "document",
        label: {
          id: "Buku nikah atau kutipan akta perkawinan orang tua",
          en: "Parents' marriage book or marriage certificate extract",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "orang-tua-tercatat-nikah", is: true },
      },
      {
        id: "sptjm-pasangan",
        kind: "statement",
        label: {
          id: "SPTJM kebenaran sebagai pasangan suami istri (bermeterai, dengan dua saksi)",
          en: "Sworn statement (SPTJM) that the parents are husband and wife (on duty stamp, with two witnesses)",
        },
        acceptance: {
          form: "original",
          stamped: true,
          note: {
            id: "Akta akan mencantumkan bahwa perkawinan orang tua belum tercatat.",
            en: "The certificate will state that the parents' marriage is not yet registered.",
          },
        },
        when: { q: "orang-tua-tercatat-nikah", is: false },
      },
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "KK tempat anak akan didaftarkan", en: "The KK the child will be added to" },
        acceptance: { form: "original" },
      },
      {
        id: "ktp-el-orang-tua",
        kind: "document",
        label: { id: "KTP-el ayah dan ibu", en: "KTP-el of the father and mother" },
        acceptance: { form: "original" },
      },
      {
        id: "formulir-f201",
        kind: "data",
        label: {
          id: "Formulir pelaporan kelahiran (F-2.01) yang diisi lengkap",
          en: "Completed birth registration form (F-2.01)",
        },
      },
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-kelahiran",
    version: 1,
    title: { id: "Surat Keterangan Kelahiran dari Kelurahan", en: "Birth Notification Letter from the Kelurahan" },
    summary: {
      id: "Surat kelurahan yang menerangkan kelahiran anak yang lahir di rumah atau tanpa surat dari fasilitas kesehatan, sebagai dasar pengurusan akta kelahiran.",
      en: "A kelurahan letter recording the birth of a child born at home or without a letter from a health facility, used to apply for the birth certificate.",
    },
    category: "keluarga",
    keywords: ["surat lahir", "keterangan lahir", "lahir di rumah", "dukun beranak", "akte lahir"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE,
    serviceTime: { workingDays: 0 },
    product: { id: "Surat keterangan kelahiran dari Lurah", en: "Birth notification letter signed by the Lurah" },
    steps: [
      { id: "Minta surat pengantar RT/RW.", en: "Get the RT/RW covering letter." },
      {
        id: "Siapkan keterangan penolong persalinan atau pernyataan dua saksi.",
        en: "Prepare the birth attendant's statement or a statement from two witnesses.",
      },
      { id: "Serahkan berkas di loket PTSP kelurahan.", en: "Submit the file at the kelurahan PTSP counter." },
      {
        id: "Gunakan surat ini untuk mengurus akta kelahiran di Dukcapil.",
        en: "Use this letter to apply for the birth certificate at Dukcapil.",
      },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    questions: [
      {
        id: "ada-penolong",
        kind: "yes-no",
        text: {
          id: "Apakah persalinan ditolong bidan, perawat, atau dukun bersalin?",
          en: "Was the delivery assisted by a midwife, nurse or traditional birth attendant?",
        },
      },
    ],
    requirements: [
      PENGANTAR_RT_RW,
      {
        id: "ktp-el-orang-tua",
        kind: "document",
        label: { id: "KTP-el ayah dan ibu", en: "KTP-el of the father and mother" },
        acceptance: { form: "original-and-copy", copies: 1 },
      },
      KK_PEMOHON,
      {
        id: "keterangan-penolong",
        kind: "document",
        label: { id: "Surat keterangan dari penolong persalinan", en: "Statement from the birth attendant" },
        acceptance: { form: "original" },
        when: { q: "ada-penolong", is: true },
      },
      {
        id: "pernyataan-saksi",
        kind: "statement",
        label: {
          id: "Surat pernyataan dua saksi kelahiran dan KTP-el saksi",
          en: "Statement from two witnesses to the birth, with their KTP-el",
        },
        acceptance: { form: "original" },
        when: { q: "ada-penolong", is: false },
      },
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "akta-kematian",
    version: 1,
    title: { id: "Akta Kematian", en: "Death Certificate" },
    summary: {
      id: "Pencatatan kematian di Dukcapil. Laporkan paling lambat 30 hari sejak kematian. Akta kematian dibutuhkan untuk waris, pensiun, asuransi, dan memperbarui KK.",
      en: "Registering a death with the civil registry. Report within 30 days of the death. The certificate is needed for inheritance, pensions, insurance and updating the KK.",
    },
    category: "keluarga",
    keywords: ["akte kematian", "akta meninggal", "meninggal dunia", "wafat", "lapor kematian"],
    office: OFFICE_DUKCAPIL_KECAMATAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: { workingDays: 1, note: { id: "Jika berkas lengkap.", en: "If the file is complete." } },
    product: {
      id: "Kutipan akta kematian dan KK yang sudah diperbarui",
      en: "Death certificate extract and updated family card",
    },
    steps: [
      {
        id: "Minta surat kematian dari rumah sakit/dokter, atau surat keterangan kematian dari kelurahan jika meninggal di rumah.",
        en: "Get a death letter from the hospital or doctor, or the kelurahan's death letter if the person died at home.",
      },
      {
        id: "Ajukan lewat Alpukat Betawi atau di Satpel Dukcapil.",
        en: "Apply through Alpukat Betawi or at the Dukcapil unit.",
      },
      { id: "Petugas memverifikasi berkas.", en: "The officer verifies the file." },
      {
        id: "Terima akta kematian dan KK baru tanpa nama almarhum.",
        en: "Receive the death certificate and the new KK without the deceased's name.",
      },
    ],
    submission: { channels: ["in-person", "online"], where: DUKCAPIL_WHERE, url: URL_ALPUKAT, hours: HOURS },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [
      {
        id: "meninggal-di-faskes",
        kind: "yes-no",
        text: {
          id: "Apakah almarhum meninggal di rumah sakit atau fasilitas kesehatan?",
          en: "Did the deceased die in a hospital or health facility?",
        },
      },
    ],
    requirements: [
      {
        id: "surat-kematian-rs",
        kind: "document",
        label: {
          id: "Surat keterangan kematian dari rumah sakit/dokter",
          en: "Death letter from the hospital or doctor",
        },
        acceptance: { form: "original" },
        when: { q: "meninggal-di-faskes", is: true },
      },
      {
        id: "surat-kematian-kelurahan",
        kind: "document",
        label: {
          id: "Surat keterangan kematian dari kelurahan, atau SPTJM kebenaran data kematian",
          en: "Death letter from the kelurahan, or a sworn statement (SPTJM) on the death",
        },
        acceptance: { form: "original" },
        when: { q: "meninggal-di-faskes", is: false },
      },
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "KK almarhum", en: "The deceased's family card" },
        acceptance: { form: "original" },
      },
      {
        id: "ktp-el-almarhum",
        kind: "document",
        label: { id: "KTP-el almarhum (jika ada)", en: "The deceased's KTP-el (if available)" },
        acceptance: { form: "original" },
      },
      {
        id: "ktp-el-pelapor",
        kind: "document",
        label: { id: "KTP-el pelapor", en: "KTP-el of the person reporting" },
        acceptance: { form: "original" },
      },
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-kematian",
    version: 1,
    title: { id: "Surat Keterangan Kematian dari Kelurahan", en: "Death Letter from the Kelurahan" },
    summary: {
      id: "Surat kelurahan yang menerangkan kematian warga, terutama yang meninggal di rumah. Dipakai untuk akta kematian, pemakaman, ahli waris, dan klaim pensiun atau asuransi.",
      en: "A kelurahan letter recording a resident's death, especially one at home. Used for the death certificate, burial, heirship, and pension or insurance claims.",
    },
    category: "keluarga",
    keywords: ["surat kematian", "meninggal di rumah", "wafat", "pemakaman", "keterangan meninggal"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERDA_PTSP],
    fee: FEE_FREE,
    serviceTime: { workingDays: 0 },
    product: { id: "Surat keterangan kematian dari Lurah", en: "Death letter signed by the Lurah" },
    steps: [
      {
        id: "Laporkan kematian ke Ketua RT/RW dan minta surat pengantar.",
        en: "Report the death to the RT/RW heads and get a covering letter.",
      },
      { id: "Serahkan berkas di loket PTSP kelurahan.", en: "Submit the file at the kelurahan PTSP counter." },
      { id: "Terima surat keterangan kematian.", en: "Receive the death letter." },
      {
        id: "Lanjutkan ke Dukcapil untuk akta kematian paling lambat 30 hari.",
        en: "Continue to Dukcapil for the death certificate within 30 days.",
      },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    questions: [
      {
        id: "meninggal-di-rumah",
        kind: "yes-no",
        text: { id: "Apakah almarhum meninggal di rumah?", en: "Did the deceased die at home?" },
      },
    ],
    requirements: [
      PENGANTAR_RT_RW,
      {
        id: "identitas-almarhum",
        kind: "document",
        label: { id: "KTP-el dan KK almarhum", en: "The deceased's KTP-el and family card" },
        acceptance: { form: "original-and-copy", copies: 1 },
      },
      {
        id: "ktp-el-pelapor",
        kind: "document",
        label: { id: "KTP-el pelapor", en: "KTP-el of the person reporting" },
        acceptance: { form: "original-and-copy", copies: 1 },
      },
      {
        id: "pernyataan-saksi",
        kind: "statement",
        label: {
          id: "Surat pernyataan kematian dari keluarga dengan dua saksi",
          en: "Family statement of the death with two witnesses",
        },
        acceptance: { form: "original" },
        when: { q: "meninggal-di-rumah", is: true },
      },
      {
        id: "surat-kematian-rs",
        kind: "document",
        label: {
          id: "Surat keterangan kematian dari rumah sakit/dokter",
          en: "Death letter from the hospital or doctor",
        },
        acceptance: { form: "copy", copies: 1 },
        when: { q: "meninggal-di-rumah", is: false },
      },
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "surat-pengantar-nikah",
    version: 1,
    title: { id: "Surat Pengantar Nikah (Formulir Model N)", en: "Marriage Covering Letter (Form N)" },
    summary: {
      id: "Surat pengantar perkawinan dari kelurahan (formulir model N) untuk mendaftar nikah di KUA, atau ke Dukcapil bagi non-Muslim. Daftarkan kehendak nikah paling lambat 10 hari kerja sebelum akad.",
      en: "The marriage covering letter from the kelurahan (form N) to register a marriage at the KUA (religious affairs office), or at Dukcapil for non-Muslims. Register at least 10 working days before the ceremony.",
    },
    category: "keluarga",
    keywords: ["nikah", "kawin", "N1", "N2", "N4", "pengantar KUA", "mau menikah", "daftar nikah"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_PERKAWINAN, LEGAL_PP_9_1975, "PMA 20/2019 tentang Pencatatan Pernikahan"],
    fee: {
      amount: 0,
      note: {
        id: "Pengantar kelurahan gratis. Nikah di kantor KUA pada jam kerja Rp 0; di luar kantor atau jam kerja Rp 600.000 disetor ke bank sebagai PNBP.",
        en: "The kelurahan letter is free. Marrying at the KUA office in working hours costs Rp 0; elsewhere or outside hours Rp 600,000, paid into the bank as a state fee.",
      },
    },
    serviceTime: { workingDays: 0 },
    product: {
      id: "Surat pengantar perkawinan (formulir model N) dari Lurah",
      en: "Marriage covering letter (form N) signed by the Lurah",
    },
    steps: [
      {
        id: "Minta surat pengantar RT/RW untuk masing-masing calon yang tinggal di wilayah ini.",
        en: "Each partner living in this area gets an RT/RW covering letter.",
      },
      {
        id: "Serahkan berkas di loket PTSP kelurahan; petugas mengisi formulir model N.",
        en: "Submit the file at the kelurahan PTSP counter; the officer fills in the N forms.",
      },
      {
        id: "Periksa ejaan nama dan data orang tua sebelum ditandatangani Lurah.",
        en: "Check the spelling of names and parents' data before the Lurah signs.",
      },
      {
        id: "Bawa ke KUA kecamatan tempat akad (atau Dukcapil bagi non-Muslim) paling lambat 10 hari kerja sebelumnya.",
        en: "Take it to the KUA of the ceremony's kecamatan (or Dukcapil for non-Muslims) at least 10 working days before.",
      },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    questions: [
      {
        id: "status",
        kind: "choice",
        text: { id: "Status perkawinan calon pengantin", en: "The partner's marital status" },
        options: [
          { value: "belum-kawin", label: { id: "Belum kawin", en: "Never married" } },
          { value: "cerai-hidup", label: { id: "Cerai hidup", en: "Divorced" } },
          { value: "cerai-mati", label: { id: "Cerai mati (janda/duda)", en: "Widowed" } },
        ],
      },
      {
        id: "usia",
        kind: "choice",
        text: { id: "Usia calon pengantin", en: "The partner's age" },
        options: [
          { value: "21-ke-atas", label: { id: "21 tahun ke atas", en: "21 or older" } },
          { value: "19-20", label: { id: "19–20 tahun", en: "19–20" } },
          { value: "di-bawah-19", label: { id: "Di bawah 19 tahun", en: "Under 19" } },
        ],
      },
    ],
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      KK_PEMOHON,
      {
        id: "akta-kelahiran",
        kind: "document",
        label: { id: "Akta kelahiran atau ijazah terakhir", en: "Birth certificate or latest diploma" },
        acceptance: { form: "copy", copies: 1 },
      },
      {
        id: "pernyataan-belum-kawin",
        kind: "statement",
        label: {
          id: "Surat pernyataan belum pernah kawin bermeterai",
          en: "Statement on duty stamp of never having been married",
        },
        acceptance: { form: "original", stamped: true },
        when: { q: "status", is: "belum-kawin" },
      },
      {
        id: "akta-cerai",
        kind: "document",
        label: { id: "Akta cerai dari pengadilan", en: "Divorce certificate from the court" },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "status", is: "cerai-hidup" },
      },
      {
        id: "akta-kematian-pasangan",
        kind: "document",
        label: {
          id: "Akta kematian atau surat keterangan kematian suami/istri",
          en: "Death certificate or death letter of the late spouse",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "status", is: "cerai-mati" },
      },
      {
        id: "izin-orang-tua",
        kind: "statement",
        label: {
          id: "Surat izin orang tua/wali dan fotokopi KTP-el orang tua",
          en: "Written permission from parents or guardian, with a copy of their KTP-el",
        },
        acceptance: { form: "original" },
        when: { not: { q: "usia", is: "21-ke-atas" } },
      },
      {
        id: "dispensasi-kawin",
        kind: "document",
        label: { id: "Penetapan dispensasi kawin dari pengadilan", en: "Court order granting a marriage dispensation" },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "usia", is: "di-bawah-19" },
      },
    ],
    source: {
      note: `${SOURCE_PTSP} Syarat di KUA mengikuti PMA 20/2019.`,
      needsOfficeConfirmation: true,
    },
  },
  {
    id: "akta-perkawinan-non-muslim",
    version: 1,
    title: { id: "Akta Perkawinan (Non-Muslim)", en: "Marriage Certificate (Non-Muslims)" },
    summary: {
      id: "Pencatatan perkawinan bagi pasangan non-Muslim dan penghayat kepercayaan di Dukcapil setelah pemberkatan/upacara agama. Laporkan paling lambat 60 hari sejak perkawinan.",
      en: "Registering the marriage of non-Muslim couples and adherents of indigenous faiths at the civil registry after the religious ceremony. Report within 60 days of the marriage.",
    },
    category: "keluarga",
    keywords: ["akta nikah", "catatan sipil", "pemberkatan", "nikah gereja", "akte perkawinan", "capil"],
    office: OFFICE_DUKCAPIL_KECAMATAN,
    legalBasis: [LEGAL_PERKAWINAN, LEGAL_PP_9_1975, LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: { workingDays: 1, note: { id: "Jika berkas lengkap.", en: "If the file is complete." } },
    product: {
      id: "Kutipan akta perkawinan dan KK baru",
      en: "Marriage certificate extract and a new family card",
    },
    steps: [
      {
        id: "Lakukan perkawinan menurut agama/kepercayaan dan minta surat keterangan dari pemuka agama.",
        en: "Hold the religious ceremony and get a letter from the religious leader.",
      },
      {
        id: "Ajukan lewat Alpukat Betawi atau di Dukcapil dengan formulir pelaporan dan persyaratan.",
        en: "Apply through Alpukat Betawi or at Dukcapil with the registration form and requirements.",
      },
      {
        id: "Petugas memverifikasi berkas dan data saksi.",
        en: "The officer verifies the file and the witnesses' data.",
      },
      {
        id: "Terima kutipan akta perkawinan; urus KK baru jika membentuk keluarga baru.",
        en: "Receive the marriage certificate; get a new KK if forming a new family.",
      },
    ],
    submission: { channels: ["in-person", "online"], where: DUKCAPIL_WHERE, url: URL_ALPUKAT, hours: HOURS },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [
      {
        id: "pernah-kawin",
        kind: "yes-no",
        text: {
          id: "Apakah salah satu mempelai pernah kawin sebelumnya?",
          en: "Has either partner been married before?",
        },
      },
      {
        id: "di-bawah-21",
        kind: "yes-no",
        text: { id: "Apakah salah satu mempelai berusia di bawah 21 tahun?", en: "Is either partner under 21?" },
      },
    ],
    requirements: [
      {
        id: "surat-pemuka-agama",
        kind: "document",
        label: {
          id: "Surat keterangan telah terjadinya perkawinan dari pemuka agama/penghayat kepercayaan",
          en: "Letter from the religious or faith leader confirming the marriage took place",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
      },
      {
        id: "ktp-el-kk-mempelai",
        kind: "document",
        label: { id: "KTP-el dan KK kedua mempelai", en: "KTP-el and family cards of both partners" },
        acceptance: { form: "original" },
      },
      {
        id: "akta-kelahiran-mempelai",
        kind: "document",
        label: { id: "Akta kelahiran kedua mempelai", en: "Birth certificates of both partners" },
        acceptance: { form: "original-and-copy", copies: 1 },
      },
      {
        id: "pas-foto-berdampingan",
        kind: "document",
        label: { id: "Pas foto berwarna berdampingan suami-istri", en: "Colour photo of the couple side by side" },
        acceptance: {
          form: "original",
          note: {
            id: "Ukuran mengikuti ketentuan kantor (umumnya 4x6).",
            en: "Size as the office requires (usually 4x6 cm).",
          },
        },
      },
      {
        id: "ktp-el-saksi",
        kind: "document",
        label: { id: "KTP-el dua orang saksi", en: "KTP-el of two witnesses" },
        acceptance: { form: "copy", copies: 1 },
      },
      {
        id: "akta-cerai-atau-kematian",
        kind: "document",
        label: {
          id: "Akta perceraian atau akta kematian pasangan terdahulu",
          en: "Divorce certificate or death certificate of the former spouse",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "pernah-kawin", is: true },
      },
      {
        id: "izin-orang-tua",
        kind: "statement",
        label: { id: "Surat izin orang tua/wali", en: "Written permission from parents or guardian" },
        acceptance: { form: "original" },
        when: { q: "di-bawah-21", is: true },
      },
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "akta-perceraian",
    version: 1,
    title: { id: "Akta Perceraian (Non-Muslim)", en: "Divorce Certificate (Non-Muslims)" },
    summary: {
      id: "Pencatatan perceraian di Dukcapil berdasarkan putusan pengadilan negeri yang sudah berkekuatan hukum tetap. Laporkan paling lambat 60 hari. Perceraian Muslim diterbitkan akta cerainya oleh Pengadilan Agama.",
      en: "Registering a divorce with the civil registry based on a final district court judgment. Report within 60 days. For Muslims the divorce certificate is issued by the Religious Court.",
    },
    category: "keluarga",
    keywords: ["cerai", "akta cerai", "perceraian", "putusan cerai", "capil"],
    office: OFFICE_DUKCAPIL_KECAMATAN,
    legalBasis: [LEGAL_PERKAWINAN, LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: { workingDays: 1, note: { id: "Jika berkas lengkap.", en: "If the file is complete." } },
    product: { id: "Kutipan akta perceraian dan KK baru", en: "Divorce certificate extract and a new family card" },
    steps: [
      {
        id: "Minta salinan putusan yang sudah berkekuatan hukum tetap dari pengadilan negeri.",
        en: "Get a copy of the final judgment from the district court.",
      },
      { id: "Ajukan lewat Alpukat Betawi atau di Dukcapil.", en: "Apply through Alpukat Betawi or at Dukcapil." },
      { id: "Petugas memverifikasi berkas.", en: "The officer verifies the file." },
      {
        id: "Terima akta perceraian; KK dan KTP-el diperbarui statusnya.",
        en: "Receive the divorce certificate; the KK and KTP-el are updated with the new status.",
      },
    ],
    submission: { channels: ["in-person", "online"], where: DUKCAPIL_WHERE, url: URL_ALPUKAT, hours: HOURS },
    complaint: COMPLAINT_DUKCAPIL,
    requirements: [
      {
        id: "putusan-pengadilan",
        kind: "document",
        label: {
          id: "Salinan putusan pengadilan yang berkekuatan hukum tetap",
          en: "Copy of the final court judgment",
        },
        acceptance: { form: "original-and-copy", copies: 1, legalised: true },
      },
      {
        id: "akta-perkawinan",
        kind: "document",
        label: { id: "Kutipan akta perkawinan", en: "Marriage certificate extract" },
        acceptance: { form: "original" },
      },
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "Kartu Keluarga (KK)", en: "Family card (KK)" },
        acceptance: { form: "original" },
      },
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el pemohon", en: "Applicant's KTP-el" },
        acceptance: { form: "original" },
      },
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-belum-menikah",
    version: 1,
    title: { id: "Surat Keterangan Belum Menikah", en: "Certificate of Unmarried Status" },
    summary: {
      id: "Surat kelurahan yang menerangkan seseorang belum pernah menikah, misalnya untuk melamar kerja, pendaftaran TNI/Polri, atau beasiswa. Untuk mendaftar nikah gunakan Surat Pengantar Nikah.",
      en: "A kelurahan letter stating that a person has never married, e.g. for a job application, military or police recruitment, or a scholarship. To register a marriage use the Marriage Covering Letter instead.",
    },
    category: "keluarga",
    keywords: ["belum nikah", "belum kawin", "lajang", "single", "status lajang"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_PELAYANAN_PUBLIK, LEGAL_PERDA_PTSP],
    fee: FEE_FREE,
    serviceTime: { workingDays: 0 },
    product: {
      id: "Surat keterangan belum menikah dari Lurah",
      en: "Unmarried status certificate signed by the Lurah",
    },
    steps: [
      { id: "Minta surat pengantar RT/RW.", en: "Get the RT/RW covering letter." },
      {
        id: "Tanda tangani surat pernyataan belum pernah menikah di atas meterai.",
        en: "Sign the never-married statement on a duty stamp.",
      },
      {
        id: "Serahkan berkas di loket PTSP kelurahan atau lewat JakEvo.",
        en: "Submit the file at the kelurahan PTSP counter or through JakEvo.",
      },
      { id: "Ambil surat yang sudah ditandatangani.", en: "Collect the signed letter." },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      {
        ...KK_PEMOHON,
        label: { id: "KK dengan status belum kawin", en: "Family card showing 'never married' status" },
      },
      {
        id: "pernyataan-belum-menikah",
        kind: "statement",
        label: {
          id: "Surat pernyataan belum pernah menikah bermeterai",
          en: "Statement on duty stamp of never having been married",
        },
        acceptance: { form: "original", stamped: true },
      },
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-janda-duda",
    version: 1,
    title: { id: "Surat Keterangan Janda/Duda", en: "Certificate of Widowed or Divorced Status" },
    summary: {
      id: "Surat kelurahan yang menerangkan seseorang berstatus janda atau duda (cerai hidup atau cerai mati) dan belum menikah lagi, misalnya untuk pensiun, tunjangan, atau bantuan sosial.",
      en: "A kelurahan letter stating that a person is widowed or divorced and has not remarried, e.g. for a pension, allowance or social assistance.",
    },
    category: "keluarga",
    keywords: ["janda", "duda", "cerai mati", "cerai hidup", "pensiun janda", "status janda"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_PELAYANAN_PUBLIK, LEGAL_PERDA_PTSP],
    fee: FEE_FREE,
    serviceTime: { workingDays: 0 },
    product: {
      id: "Surat keterangan janda/duda dari Lurah",
      en: "Widowed/divorced status certificate signed by the Lurah",
    },
    steps: [
      { id: "Minta surat pengantar RT/RW.", en: "Get the RT/RW covering letter." },
      {
        id: "Siapkan akta cerai atau akta kematian pasangan.",
        en: "Prepare the divorce certificate or the spouse's death certificate.",
      },
      {
        id: "Serahkan berkas di loket PTSP kelurahan atau lewat JakEvo.",
        en: "Submit the file at the kelurahan PTSP counter or through JakEvo.",
      },
      { id: "Ambil surat yang sudah ditandatangani.", en: "Collect the signed letter." },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    questions: [
      {
        id: "status",
        kind: "choice",
        text: { id: "Status pemohon", en: "Applicant's status" },
        options: [
          { value: "cerai-hidup", label: { id: "Cerai hidup", en: "Divorced" } },
          { value: "cerai-mati", label: { id: "Cerai mati", en: "Widowed" } },
        ],
      },
    ],
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      KK_PEMOHON,
      {
        id: "akta-cerai",
        kind: "document",
        label: { id: "Akta cerai atau akta perceraian", en: "Divorce certificate" },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "status", is: "cerai-hidup" },
      },
      {
        id: "akta-kematian-pasangan",
        kind: "document",
        label: { id: "Akta kematian suami/istri", en: "Death certificate of the spouse" },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "status", is: "cerai-mati" },
      },
      {
        id: "pernyataan-tidak-menikah-lagi",
        kind: "statement",
        label: {
          id: "Surat pernyataan belum menikah lagi bermeterai",
          en: "Statement on duty stamp of not having remarried",
        },
        acceptance: { form: "original", stamped: true },
      },
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-ahli-waris",
    version: 1,
    title: { id: "Surat Keterangan Ahli Waris", en: "Certificate of Heirship" },
    summary: {
      id: "Surat keterangan ahli waris bagi WNI yang dibuat para ahli waris, disaksikan dua saksi, lalu dikuatkan Lurah dan Camat. Dipakai untuk balik nama tanah, mencairkan tabungan, atau pensiun.",
      en: "An heirship certificate for Indonesian citizens, made by the heirs, witnessed by two people and then endorsed by the Lurah and the Camat. Used to transfer land titles, release bank savings or claim a pension.",
    },
    category: "keluarga",
    keywords: ["waris", "ahli waris", "warisan", "SKAW", "balik nama warisan", "pencairan tabungan almarhum"],
    office: OFFICE_KECAMATAN,
    legalBasis: [
      "Peraturan Menteri Negara Agraria/Kepala BPN 3/1997 Pasal 111, sebagaimana telah diubah antara lain dengan Permen ATR/BPN 16/2021",
      LEGAL_PELAYANAN_PUBLIK,
      LEGAL_PERDA_PTSP,
    ],
    fee: FEE_FREE,
    serviceTime: {
      workingDays: 5,
      note: {
        id: "Melalui kelurahan lalu kecamatan; perkiraan jika semua ahli waris dan saksi hadir.",
        en: "Goes through the kelurahan and then the kecamatan; estimate if all heirs and witnesses attend.",
      },
    },
    product: {
      id: "Surat keterangan ahli waris yang disaksikan Lurah dan dikuatkan Camat",
      en: "Heirship certificate witnessed by the Lurah and endorsed by the Camat",
    },
    steps: [
      {
        id: "Susun silsilah keluarga dan surat pernyataan ahli waris; semua ahli waris dan dua saksi menandatangani.",
        en: "Draw up the family tree and the heirs' statement; all heirs and two witnesses sign.",
      },
      { id: "Minta surat pengantar RT/RW.", en: "Get the RT/RW covering letter." },
      {
        id: "Serahkan berkas di PTSP kelurahan untuk disaksikan Lurah.",
        en: "Submit the file at the kelurahan PTSP to be witnessed by the Lurah.",
      },
      {
        id: "Berkas diteruskan ke kecamatan untuk dikuatkan Camat.",
        en: "The file goes on to the kecamatan for the Camat's endorsement.",
      },
      { id: "Ambil surat keterangan ahli waris.", en: "Collect the heirship certificate." },
    ],
    submission: {
      channels: ["in-person", "online"],
      where: {
        id: "Loket PTSP Kelurahan, dilanjutkan ke Kantor Kecamatan, atau JakEvo",
        en: "PTSP counter at the kelurahan, then the kecamatan office, or JakEvo",
      },
      url: URL_JAKEVO,
      hours: HOURS,
    },
    complaint: COMPLAINT,
    questions: [
      {
        id: "ahli-waris-meninggal",
        kind: "yes-no",
        text: {
          id: "Apakah ada ahli waris yang sudah meninggal?",
          en: "Has any of the heirs died?",
        },
      },
      Q_DIWAKILKAN,
    ],
    requirements: [
      PENGANTAR_RT_RW,
      {
        id: "akta-kematian-pewaris",
        kind: "document",
        label: { id: "Akta kematian pewaris", en: "Death certificate of the deceased" },
        acceptance: { form: "original-and-copy", copies: 1 },
      },
      {
        id: "identitas-ahli-waris",
        kind: "document",
        label: {
          id: "KTP-el, KK, dan akta kelahiran semua ahli waris",
          en: "KTP-el, family card and birth certificate of every heir",
        },
        acceptance: { form: "copy", copies: 1 },
      },
      {
        id: "buku-nikah-pewaris",
        kind: "document",
        label: {
          id: "Buku nikah atau akta perkawinan pewaris",
          en: "Marriage book or marriage certificate of the deceased",
        },
        acceptance: { form: "copy", copies: 1 },
      },
      {
        id: "pernyataan-ahli-waris",
        kind: "statement",
        label: {
          id: "Surat pernyataan ahli waris dan silsilah keluarga, ditandatangani semua ahli waris di atas meterai",
          en: "Heirs' statement and family tree, signed by all heirs over a duty stamp",
        },
        acceptance: { form: "original", stamped: true },
      },
      {
        id: "saksi",
        kind: "document",
        label: { id: "KTP-el dua orang saksi", en: "KTP-el of two witnesses" },
        acceptance: { form: "copy", copies: 1 },
      },
      {
        id: "akta-kematian-ahli-waris",
        kind: "document",
        label: {
          id: "Akta kematian ahli waris yang sudah meninggal",
          en: "Death certificate of any heir who has died",
        },
        acceptance: { form: "copy", copies: 1 },
        when: { q: "ahli-waris-meninggal", is: true },
      },
      SURAT_KUASA,
    ],
    source: {
      note: `${SOURCE_PTSP} Bukti ahli waris juga dapat berupa akta keterangan hak mewaris dari notaris atau penetapan pengadilan; tanyakan bentuk yang diminta instansi tujuan.`,
      needsOfficeConfirmation: true,
    },
  },
];
