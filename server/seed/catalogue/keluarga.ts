import type { Condition } from "../../../shared/conditions";
import type { GuideInput } from "../../../shared/guide";
import {
  COMPLAINT,
  COMPLAINT_DUKCAPIL,
  FEE_FREE,
  FEE_FREE_ADMINDUK,
  HOURS,
  KK_PEMOHON,
  KTP_PEMOHON,
  ktpOf,
  ktpSaksi,
  kuasa,
  LEGAL_ADMINDUK,
  LEGAL_PELAYANAN_PUBLIK,
  LEGAL_PERDA_PTSP,
  LEGAL_PERMENDAGRI_108,
  LEGAL_PERPRES_96,
  OFFICE_DUKCAPIL_KECAMATAN,
  OFFICE_DUKCAPIL_KELURAHAN,
  OFFICE_KECAMATAN,
  OFFICE_KELURAHAN,
  PAGES_AKTA,
  PAGES_BUKU_NIKAH,
  PAGES_KK,
  PAGES_KTP,
  PAGES_PUTUSAN,
  PAGES_SURAT,
  PENGANTAR_RT_RW,
  Q_DIWAKILKAN,
  SOURCE_DUKCAPIL,
  SOURCE_DUKCAPIL_DKI,
  SOURCE_PTSP,
  SUBMIT_AT_KELURAHAN,
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

/** KK baru for a marriage or divorce that has no registration papers: the SPTJM and its witnesses apply. */
const UNREGISTERED_EVENT: Condition = {
  all: [
    {
      any: [
        { q: "alasan", is: "menikah" },
        { q: "alasan", is: "cerai" },
      ],
    },
    { not: { q: "tercatat", is: true } },
  ],
};

export const keluarga: GuideInput[] = [
  {
    id: "kk-baru",
    // One file at a time per applicant: a second while the first is being processed would be sent back.
    filedOnce: "while-open",
    version: 1,
    residency: "provinsi",
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
          { value: "hilang", label: { id: "KK hilang", en: "KK lost" } },
          { value: "rusak", label: { id: "KK rusak", en: "KK damaged" } },
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
        ...PAGES_KK,
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
        ...PAGES_BUKU_NIKAH,
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
        ...PAGES_AKTA,
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
          id: "SPTJM perkawinan atau perceraian belum tercatat (bermeterai, dengan dua saksi)",
          en: "Sworn statement (SPTJM) of an unregistered marriage or divorce (on duty stamp, with two witnesses)",
        },
        acceptance: { form: "original", stamped: true },
        when: UNREGISTERED_EVENT,
        statement: {
          title: {
            id: "Surat Pernyataan Tanggung Jawab Mutlak Perkawinan/Perceraian Belum Tercatat",
            en: "Sworn Statement of Full Responsibility for an Unregistered Marriage/Divorce",
          },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa perkawinan/perceraian*) saya dengan …………………………… (NIK ……………………) telah terjadi pada tanggal …………………… di …………………… menurut hukum agama/kepercayaan ……………………, tetapi belum dicatatkan pada instansi yang berwenang dan belum memiliki buku nikah, akta perkawinan, atau akta perceraian. Status tersebut saya mohonkan untuk dicantumkan dalam Kartu Keluarga dengan keterangan belum tercatat. Pernyataan ini disaksikan oleh dua orang saksi yang turut bertanda tangan. *) coret yang tidak perlu",
            en: "I hereby truthfully declare that my marriage/divorce*) with …………………………… (NIK ……………………) took place on …………………… at …………………… under the law of the religion/faith ……………………, but has not been registered with the competent authority, and has no marriage book, marriage certificate or divorce certificate. I ask that this status be entered on the family card as unregistered. Two witnesses sign this statement with me. *) strike out what does not apply",
          },
          witnesses: 2,
        },
      },
      ...ktpSaksi(UNREGISTERED_EVENT),
      {
        id: "surat-kehilangan",
        kind: "document",
        label: { id: "Surat keterangan kehilangan dari kepolisian", en: "Police loss report" },
        acceptance: { form: "original" },
        minPages: 1,
        when: { q: "alasan", is: "hilang" },
      },
      {
        id: "kk-rusak",
        kind: "document",
        label: { id: "KK yang rusak", en: "The damaged KK" },
        acceptance: { form: "original" },
        ...PAGES_KK,
        when: { q: "alasan", is: "rusak" },
      },
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el kepala keluarga", en: "KTP-el of the head of family" },
        acceptance: { form: "original" },
        ...PAGES_KTP,
      },
    ],
    source: { note: SOURCE_DUKCAPIL_DKI, needsOfficeConfirmation: true },
  },
  {
    id: "perubahan-kk",
    // One file at a time per applicant: a second while the first is being processed would be sent back.
    filedOnce: "while-open",
    version: 1,
    residency: "provinsi",
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
            value: "anggota-meninggal",
            label: { id: "Kurangi anggota yang meninggal", en: "Remove a member who died" },
          },
          {
            value: "anggota-pindah",
            label: { id: "Kurangi anggota yang pindah", en: "Remove a member who moved out" },
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
        ...PAGES_KK,
      },
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el kepala keluarga", en: "KTP-el of the head of family" },
        acceptance: { form: "original" },
        ...PAGES_KTP,
      },
      {
        id: "bukti-kelahiran",
        kind: "document",
        label: {
          id: "Akta kelahiran atau surat keterangan lahir anak",
          en: "The child's birth certificate or birth notification letter",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_AKTA,
        when: { q: "perubahan", is: "kelahiran" },
      },
      {
        id: "skpwni-anggota",
        kind: "document",
        label: { id: "SKPWNI anggota yang datang", en: "SKPWNI of the member who joins" },
        acceptance: { form: "original" },
        ...PAGES_SURAT,
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
        statement: {
          title: {
            id: "Surat Pernyataan Bersedia Menerima Anggota Keluarga",
            en: "Statement Agreeing to Take In a Family Member",
          },
          body: {
            id: "Selaku kepala keluarga dalam Kartu Keluarga nomor {kk}, dengan ini menyatakan dengan sebenarnya bahwa saya bersedia menerima …………………………… (NIK ……………………), hubungan keluarga ……………………, sebagai anggota keluarga dalam Kartu Keluarga tersebut, dan bertempat tinggal di {address}.",
            en: "As head of the family on family card number {kk}, I hereby truthfully declare that I agree to take in …………………………… (NIK ……………………), relationship ……………………, as a member of the family on that card, living at {address}.",
          },
        },
      },
      {
        id: "akta-kematian-anggota",
        kind: "document",
        label: { id: "Akta kematian anggota yang meninggal", en: "Death certificate of the member who died" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_AKTA,
        when: { q: "perubahan", is: "anggota-meninggal" },
      },
      {
        id: "skpwni-anggota-keluar",
        kind: "document",
        label: { id: "SKPWNI anggota yang pindah", en: "SKPWNI of the member who moved out" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_SURAT,
        when: { q: "perubahan", is: "anggota-pindah" },
      },
      {
        id: "bukti-perubahan-data",
        kind: "document",
        label: {
          id: "Dokumen pendukung perubahan data (misalnya ijazah, SK pekerjaan, atau buku nikah)",
          en: "Supporting document for the change (e.g. a diploma, employment letter or marriage book)",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        allPagesWithEntries: true,
        pagesNote: {
          id: "Setiap halaman yang memuat data baru dan nama pemiliknya (buku nikah: halaman data suami dan istri).",
          en: "Every page showing the new data and the holder's name (marriage book: the husband's and wife's pages).",
        },
        when: { q: "perubahan", is: "ubah-data" },
      },
    ],
    source: { note: SOURCE_DUKCAPIL_DKI, needsOfficeConfirmation: true },
  },
  {
    id: "akta-kelahiran",
    version: 1,
    // Registered where the family lives; in Jakarta one Dukcapil serves all of DKI.
    residency: "provinsi",
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
        id: "Jika berkas lengkap; pengajuan daring bisa lebih lama saat antrean padat. Lewat 60 hari sejak lahir syaratnya sama, tetapi pencatatan menunggu keputusan Kepala Dinas (UU 24/2013 Pasal 32 ayat 1), jadi bisa lebih lama.",
        en: "If the file is complete; online applications can take longer when the queue is long. After 60 days from the birth the requirements are the same, but registration waits for the head of the office's decision (Law 24/2013 art. 32(1)), so it can take longer.",
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
    eligibility: [
      {
        id: "sudah-lahir",
        date: "data.tanggal-lahir-anak",
        minDaysAgo: 0,
        message: {
          id: "Tanggal lahir anak belum tiba: kelahiran dicatat setelah terjadi. Periksa lagi tanggal lahirnya.",
          en: "The child's date of birth is still ahead: a birth is registered after it happens. Check the date again.",
        },
        source: "UU 24/2013 Pasal 27 ayat (1)",
      },
    ],
    requirements: [
      {
        id: "tanggal-lahir-anak",
        kind: "data",
        label: {
          id: "Tanggal lahir anak",
          en: "The child's date of birth",
        },
      },
      {
        id: "surat-keterangan-lahir",
        kind: "document",
        label: {
          id: "Surat keterangan lahir dari rumah sakit, puskesmas, dokter, atau bidan",
          en: "Birth letter from the hospital, health centre, doctor or midwife",
        },
        acceptance: { form: "original" },
        minPages: 1,
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
        statement: {
          title: {
            id: "Surat Pernyataan Tanggung Jawab Mutlak Kebenaran Data Kelahiran",
            en: "Sworn Statement of Full Responsibility for the Birth Data",
          },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa seorang anak bernama …………………………… jenis kelamin …………… telah lahir pada tanggal …………………… pukul …………… di …………………………… dari seorang ibu bernama …………………………… dan ayah bernama ……………………………, dan kelahiran tersebut tidak memiliki surat keterangan lahir dari dokter, bidan, atau fasilitas kesehatan. Saya bertanggung jawab sepenuhnya atas kebenaran data tersebut. Pernyataan ini disaksikan oleh dua orang saksi yang turut bertanda tangan.",
            en: "I hereby truthfully declare that a child named …………………………… of sex …………… was born on …………………… at …………… hours in …………………………… to a mother named …………………………… and a father named ……………………………, and that the birth has no birth letter from a doctor, midwife or health facility. I take full responsibility for the truth of these data. Two witnesses sign this statement with me.",
          },
          witnesses: 2,
        },
      },
      {
        id: "buku-nikah",
        kind: "document",
        label: {
          id: "Buku nikah atau kutipan akta perkawinan orang tua",
          en: "Parents' marriage book or marriage certificate extract",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_BUKU_NIKAH,
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
        statement: {
          title: {
            id: "Surat Pernyataan Tanggung Jawab Mutlak Kebenaran sebagai Pasangan Suami Istri",
            en: "Sworn Statement of Full Responsibility as Husband and Wife",
          },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa saya dan …………………………… (NIK ……………………) adalah pasangan suami istri yang telah menikah menurut hukum agama/kepercayaan …………………… pada tanggal …………………… di ……………………, dan perkawinan tersebut belum dicatatkan. Kami adalah ayah dan ibu dari anak yang dilaporkan kelahirannya. Saya bertanggung jawab sepenuhnya atas kebenaran pernyataan ini. Pernyataan ini disaksikan oleh dua orang saksi yang turut bertanda tangan.",
            en: "I hereby truthfully declare that …………………………… (NIK ……………………) and I are husband and wife, married under the law of the religion/faith …………………… on …………………… at ……………………, and that the marriage has not been registered. We are the father and mother of the child whose birth is reported. I take full responsibility for the truth of this statement. Two witnesses sign this statement with me.",
          },
          witnesses: 2,
        },
      },
      // Either SPTJM names two witnesses; the same two may sign both.
      ...ktpSaksi({
        any: [
          { q: "lahir-di-faskes", is: false },
          { q: "orang-tua-tercatat-nikah", is: false },
        ],
      }),
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "KK tempat anak akan didaftarkan", en: "The KK the child will be added to" },
        acceptance: { form: "original" },
        ...PAGES_KK,
      },
      ktpOf("ktp-el-ayah", { id: "KTP-el ayah", en: "The father's KTP-el" }, { acceptance: { form: "original" } }),
      ktpOf("ktp-el-ibu", { id: "KTP-el ibu", en: "The mother's KTP-el" }, { acceptance: { form: "original" } }),
      {
        id: "formulir-f201",
        kind: "document",
        label: {
          id: "Formulir pelaporan kelahiran (F-2.01) yang diisi lengkap dan ditandatangani pelapor",
          en: "Birth registration form (F-2.01), completed and signed by the person reporting",
        },
        acceptance: { form: "original" },
        allPagesWithEntries: true,
        pagesNote: {
          id: "Setiap halaman formulir yang diisi, termasuk halaman tanda tangan pelapor dan saksi.",
          en: "Every page of the form that is filled in, including the page signed by the reporter and the witnesses.",
        },
      },
    ],
    source: {
      note: `${SOURCE_DUKCAPIL_DKI} Batas 60 hari dan keputusan Kepala Dinas untuk pelaporan terlambat: UU 24/2013 Pasal 27 dan 32; menurut Ditjen Dukcapil dan Sudin Dukcapil Jakarta Utara, syarat pelaporan terlambat sama dengan yang tepat waktu. SPTJM: Permendagri 9/2016.`,
      needsOfficeConfirmation: true,
    },
  },
  {
    id: "surat-keterangan-kelahiran",
    version: 1,
    residency: "kelurahan",
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
      ktpOf(
        "ktp-el-ayah",
        { id: "KTP-el ayah", en: "The father's KTP-el" },
        { acceptance: { form: "original-and-copy", copies: 1 } },
      ),
      ktpOf(
        "ktp-el-ibu",
        { id: "KTP-el ibu", en: "The mother's KTP-el" },
        { acceptance: { form: "original-and-copy", copies: 1 } },
      ),
      KK_PEMOHON,
      {
        id: "keterangan-penolong",
        kind: "document",
        label: { id: "Surat keterangan dari penolong persalinan", en: "Statement from the birth attendant" },
        acceptance: { form: "original" },
        minPages: 1,
        when: { q: "ada-penolong", is: true },
      },
      // The parent's statement, signed before two witnesses; each witness's KTP-el is its own requirement.
      {
        id: "pernyataan-saksi",
        kind: "statement",
        label: {
          id: "Surat pernyataan kelahiran yang disaksikan dua orang saksi",
          en: "Statement of the birth, witnessed by two people",
        },
        acceptance: { form: "original" },
        when: { q: "ada-penolong", is: false },
        statement: {
          title: { id: "Surat Pernyataan Kelahiran", en: "Statement of Birth" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa telah lahir seorang anak bernama …………………………… jenis kelamin …………… pada tanggal …………………… di ……………………………, anak dari ayah bernama …………………………… dan ibu bernama ……………………………. Persalinan tersebut tidak ditolong oleh tenaga kesehatan atau penolong persalinan. Kelahiran ini disaksikan oleh dua orang saksi yang turut bertanda tangan di bawah ini.",
            en: "I hereby truthfully declare that a child named …………………………… of sex …………… was born on …………………… at ……………………………, the child of a father named …………………………… and a mother named ……………………………. The delivery was not assisted by a health worker or birth attendant. Two witnesses to the birth sign below.",
          },
          witnesses: 2,
        },
      },
      ...ktpSaksi({ q: "ada-penolong", is: false }),
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
      {
        id: "ktp-almarhum-ada",
        kind: "yes-no",
        text: {
          id: "Apakah KTP-el almarhum masih ada?",
          en: "Is the deceased's KTP-el still at hand?",
        },
      },
    ],
    eligibility: [
      {
        id: "kematian-sudah-terjadi",
        date: "data.tanggal-kematian",
        minDaysAgo: 0,
        message: {
          id: "Tanggal kematian belum tiba. Periksa lagi tanggal pada surat keterangan kematian.",
          en: "The date of death is still ahead. Check the date on the death letter again.",
        },
        source: "UU 24/2013 Pasal 44 ayat (1)",
      },
    ],
    requirements: [
      {
        id: "tanggal-kematian",
        kind: "data",
        label: {
          id: "Tanggal kematian (sesuai surat keterangan kematian)",
          en: "Date of death (as on the death letter)",
        },
      },
      {
        id: "surat-kematian-rs",
        kind: "document",
        label: {
          id: "Surat keterangan kematian dari rumah sakit atau dokter",
          en: "Death letter from the hospital or doctor",
        },
        acceptance: { form: "original" },
        minPages: 1,
        when: { q: "meninggal-di-faskes", is: true },
      },
      {
        id: "surat-kematian-kelurahan",
        kind: "document",
        label: { id: "Surat keterangan kematian dari kelurahan", en: "Death letter from the kelurahan" },
        acceptance: {
          form: "original",
          note: {
            id: "Tanpa surat kelurahan, sebagian kantor menerima SPTJM kebenaran data kematian dengan dua saksi; tanyakan dulu.",
            en: "Without the kelurahan letter, some offices accept a sworn statement (SPTJM) on the death with two witnesses; ask first.",
          },
        },
        minPages: 1,
        obtainFrom: {
          id: "Kelurahan tempat almarhum tinggal (lihat panduan Surat Keterangan Kematian dari Kelurahan)",
          en: "The deceased's kelurahan (see the guide to the Death Letter from the Kelurahan)",
        },
        when: { q: "meninggal-di-faskes", is: false },
      },
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "KK almarhum", en: "The deceased's family card" },
        acceptance: { form: "original" },
        ...PAGES_KK,
      },
      ktpOf(
        "ktp-el-almarhum",
        { id: "KTP-el almarhum", en: "The deceased's KTP-el" },
        { acceptance: { form: "original" }, when: { q: "ktp-almarhum-ada", is: true } },
      ),
      ktpOf(
        "ktp-el-pelapor",
        { id: "KTP-el pelapor", en: "KTP-el of the person reporting" },
        { acceptance: { form: "original" } },
      ),
    ],
    source: {
      note: `${SOURCE_DUKCAPIL} Kematian dilaporkan paling lambat 30 hari (UU 24/2013 Pasal 44); kantornya mengikuti domisili almarhum, bukan pelapor.`,
      needsOfficeConfirmation: true,
    },
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
    eligibility: [
      {
        id: "kematian-sudah-terjadi",
        date: "data.tanggal-kematian",
        minDaysAgo: 0,
        message: {
          id: "Tanggal kematian belum tiba. Periksa lagi tanggalnya.",
          en: "The date of death is still ahead. Check the date again.",
        },
        source: "UU 24/2013 Pasal 44 ayat (1): kematian dilaporkan setelah terjadi",
      },
    ],
    requirements: [
      PENGANTAR_RT_RW,
      {
        id: "tanggal-kematian",
        kind: "data",
        label: { id: "Tanggal kematian", en: "Date of death" },
      },
      ktpOf(
        "ktp-el-almarhum",
        { id: "KTP-el almarhum", en: "The deceased's KTP-el" },
        { acceptance: { form: "original-and-copy", copies: 1 } },
      ),
      {
        id: "kk-almarhum",
        kind: "document",
        label: { id: "KK almarhum", en: "The deceased's family card" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_KK,
      },
      ktpOf(
        "ktp-el-pelapor",
        { id: "KTP-el pelapor", en: "KTP-el of the person reporting" },
        { acceptance: { form: "original-and-copy", copies: 1 } },
      ),
      {
        id: "pernyataan-saksi",
        kind: "statement",
        label: {
          id: "Surat pernyataan kematian dari keluarga yang disaksikan dua orang saksi",
          en: "Family statement of the death, witnessed by two people",
        },
        acceptance: { form: "original" },
        when: { q: "meninggal-di-rumah", is: true },
        statement: {
          title: { id: "Surat Pernyataan Kematian", en: "Statement of Death" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa …………………………… (NIK ……………………), hubungan keluarga dengan saya ……………………, telah meninggal dunia pada tanggal …………………… pukul …………… di rumah, beralamat di ……………………………, karena ……………………. Kematian tersebut disaksikan oleh dua orang saksi yang turut bertanda tangan di bawah ini.",
            en: "I hereby truthfully declare that …………………………… (NIK ……………………), my ……………………, died on …………………… at …………… hours at home, at ……………………………, of ……………………. Two witnesses to the death sign below.",
          },
          witnesses: 2,
        },
      },
      ...ktpSaksi({ q: "meninggal-di-rumah", is: true }),
      {
        id: "surat-kematian-rs",
        kind: "document",
        label: {
          id: "Surat keterangan kematian dari rumah sakit atau dokter",
          en: "Death letter from the hospital or doctor",
        },
        acceptance: { form: "copy", copies: 1 },
        minPages: 1,
        when: { q: "meninggal-di-rumah", is: false },
      },
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "surat-pengantar-nikah",
    version: 1,
    residency: "kelurahan",
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
        id: "Bawa ke KUA kecamatan tempat akad (atau Dukcapil bagi non-Muslim) paling lambat 10 hari kerja sebelumnya; kurang dari itu perlu dispensasi Camat (PP 9/1975 Pasal 3).",
        en: "Take it to the KUA of the ceremony's kecamatan (or Dukcapil for non-Muslims) at least 10 working days before; any later needs the Camat's dispensation (PP 9/1975 art. 3).",
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
    // The age answer decides the parents' permission and the court dispensation, so it must agree with the birth date.
    eligibility: [
      {
        id: "usia-21-ke-atas",
        when: { q: "usia", is: "21-ke-atas" },
        date: "applicant.birthDate",
        minYears: 21,
        message: {
          id: "Usia calon pengantin dijawab 21 tahun ke atas, tetapi tanggal lahirnya menunjukkan belum 21 tahun: pilih usia yang sesuai. Di bawah 21 tahun perlu izin orang tua.",
          en: "The partner's age is answered as 21 or older, but the birth date shows under 21: choose the matching age. Under 21 needs the parents' permission.",
        },
        source: "UU 1/1974 Pasal 6 ayat (2)",
      },
      {
        id: "usia-19-20",
        when: { q: "usia", is: "19-20" },
        date: "applicant.birthDate",
        minYears: 19,
        belowYears: 21,
        message: {
          id: "Usia calon pengantin dijawab 19–20 tahun, tetapi tidak cocok dengan tanggal lahirnya: pilih usia yang sesuai.",
          en: "The partner's age is answered as 19–20, which does not match the birth date: choose the matching age.",
        },
        source: "UU 1/1974 Pasal 6 ayat (2); UU 16/2019 Pasal 7 ayat (1)",
      },
      {
        id: "usia-di-bawah-19",
        when: { q: "usia", is: "di-bawah-19" },
        date: "applicant.birthDate",
        belowYears: 19,
        message: {
          id: "Usia calon pengantin dijawab di bawah 19 tahun, tetapi tanggal lahirnya menunjukkan sudah 19 tahun: pilih usia yang sesuai; dispensasi pengadilan tidak diperlukan.",
          en: "The partner's age is answered as under 19, but the birth date shows 19 or older: choose the matching age; no court dispensation is needed.",
        },
        source: "UU 16/2019 Pasal 7",
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
        ...PAGES_AKTA,
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
        statement: {
          title: { id: "Surat Pernyataan Belum Pernah Kawin", en: "Statement of Never Having Been Married" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa sampai saat ini saya belum pernah kawin, baik secara agama maupun tercatat, dan tidak sedang terikat perkawinan dengan siapa pun. Pernyataan ini saya buat untuk memenuhi persyaratan pendaftaran kehendak perkawinan.",
            en: "I hereby truthfully declare that to this day I have never been married, whether religiously or by registration, and am not bound in marriage to anyone. I make this statement to meet the requirements for registering an intended marriage.",
          },
        },
      },
      {
        id: "akta-cerai",
        kind: "document",
        label: { id: "Akta cerai dari pengadilan", en: "Divorce certificate from the court" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_AKTA,
        when: { q: "status", is: "cerai-hidup" },
      },
      {
        id: "akta-kematian-pasangan",
        kind: "document",
        label: {
          id: "Akta kematian atau surat keterangan kematian suami atau istri",
          en: "Death certificate or death letter of the late spouse",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_AKTA,
        when: { q: "status", is: "cerai-mati" },
      },
      // The parents sign form N5 themselves; each parent's KTP-el is checked on its own.
      {
        id: "izin-orang-tua",
        kind: "document",
        label: {
          id: "Surat izin orang tua atau wali (formulir N5) yang ditandatangani orang tua",
          en: "Permission letter from the parents or guardian (form N5), signed by them",
        },
        acceptance: { form: "original" },
        minPages: 1,
        obtainFrom: {
          id: "Formulir dari kelurahan atau KUA, ditandatangani ayah dan ibu (atau wali)",
          en: "Form from the kelurahan or KUA, signed by the father and mother (or guardian)",
        },
        when: { not: { q: "usia", is: "21-ke-atas" } },
      },
      ktpOf(
        "ktp-el-ayah",
        { id: "KTP-el ayah (atau wali)", en: "The father's (or guardian's) KTP-el" },
        {
          when: { not: { q: "usia", is: "21-ke-atas" } },
        },
      ),
      ktpOf(
        "ktp-el-ibu",
        { id: "KTP-el ibu", en: "The mother's KTP-el" },
        {
          when: { not: { q: "usia", is: "21-ke-atas" } },
        },
      ),
      {
        id: "dispensasi-kawin",
        kind: "document",
        label: { id: "Penetapan dispensasi kawin dari pengadilan", en: "Court order granting a marriage dispensation" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_PUTUSAN,
        when: { q: "usia", is: "di-bawah-19" },
      },
    ],
    source: {
      note: `${SOURCE_PTSP} Syarat di KUA mengikuti PMA 20/2019. Batas usia: UU 16/2019 Pasal 7 (19 tahun, di bawahnya dengan dispensasi pengadilan) dan UU 1/1974 Pasal 6 ayat (2) (di bawah 21 tahun dengan izin orang tua).`,
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
      {
        id: "di-bawah-19",
        kind: "yes-no",
        text: { id: "Apakah salah satu mempelai berusia di bawah 19 tahun?", en: "Is either partner under 19?" },
      },
    ],
    // The applicant is one of the partners: the phone knows that partner's age, not the other's.
    eligibility: [
      {
        id: "perkawinan-sudah-terjadi",
        date: "data.tanggal-perkawinan",
        minDaysAgo: 0,
        message: {
          id: "Tanggal perkawinan belum tiba: perkawinan dicatat setelah upacara agama atau kepercayaan dilangsungkan.",
          en: "The wedding date is still ahead: a marriage is registered after the religious or faith ceremony has taken place.",
        },
        source: "UU 23/2006 Pasal 34 ayat (1)",
      },
      {
        id: "pemohon-21-tahun",
        when: { q: "di-bawah-21", is: false },
        date: "applicant.birthDate",
        minYears: 21,
        message: {
          id: 'Menurut tanggal lahir, pemohon belum 21 tahun: jawab "ada mempelai di bawah 21 tahun" ya, karena perlu izin orang tua.',
          en: 'By the birth date the applicant is under 21: answer "a partner is under 21" yes, because the parents\' permission is needed.',
        },
        source: "UU 1/1974 Pasal 6 ayat (2)",
      },
      {
        id: "pemohon-19-tahun",
        when: { q: "di-bawah-19", is: false },
        date: "applicant.birthDate",
        minYears: 19,
        message: {
          id: 'Menurut tanggal lahir, pemohon belum 19 tahun: jawab "ada mempelai di bawah 19 tahun" ya, karena perlu dispensasi kawin dari pengadilan.',
          en: 'By the birth date the applicant is under 19: answer "a partner is under 19" yes, because a court marriage dispensation is needed.',
        },
        source: "UU 16/2019 Pasal 7",
      },
    ],
    requirements: [
      {
        id: "surat-pemuka-agama",
        kind: "document",
        label: {
          id: "Surat keterangan telah terjadinya perkawinan dari pemuka agama atau penghayat kepercayaan",
          en: "Letter from the religious or faith leader confirming the marriage took place",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        minPages: 1,
      },
      {
        id: "tanggal-perkawinan",
        kind: "data",
        label: {
          id: "Tanggal perkawinan menurut surat pemuka agama",
          en: "Date of the marriage on the religious leader's letter",
        },
      },
      // Each partner's papers are checked on their own.
      ktpOf("ktp-el-suami", { id: "KTP-el suami", en: "The husband's KTP-el" }, { acceptance: { form: "original" } }),
      ktpOf("ktp-el-istri", { id: "KTP-el istri", en: "The wife's KTP-el" }, { acceptance: { form: "original" } }),
      {
        id: "kk-suami",
        kind: "document",
        label: { id: "KK suami", en: "The husband's family card" },
        acceptance: { form: "original" },
        ...PAGES_KK,
      },
      {
        id: "kk-istri",
        kind: "document",
        label: { id: "KK istri", en: "The wife's family card" },
        acceptance: { form: "original" },
        ...PAGES_KK,
      },
      {
        id: "akta-kelahiran-suami",
        kind: "document",
        label: { id: "Kutipan akta kelahiran suami", en: "The husband's birth certificate" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_AKTA,
      },
      {
        id: "akta-kelahiran-istri",
        kind: "document",
        label: { id: "Kutipan akta kelahiran istri", en: "The wife's birth certificate" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_AKTA,
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
        minPages: 1,
      },
      ...ktpSaksi(undefined),
      {
        id: "akta-cerai-atau-kematian",
        kind: "document",
        label: {
          id: "Akta perceraian atau akta kematian pasangan terdahulu",
          en: "Divorce certificate or death certificate of the former spouse",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_AKTA,
        when: { q: "pernah-kawin", is: true },
      },
      // Signed by the parents, not by the applicant: a letter to collect.
      {
        id: "izin-orang-tua",
        kind: "document",
        label: {
          id: "Surat izin orang tua atau wali mempelai yang di bawah 21 tahun",
          en: "Permission letter from the parents or guardian of a partner under 21",
        },
        acceptance: { form: "original" },
        minPages: 1,
        when: { q: "di-bawah-21", is: true },
      },
      {
        id: "dispensasi-kawin",
        kind: "document",
        label: { id: "Penetapan dispensasi kawin dari pengadilan", en: "Court order granting a marriage dispensation" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_PUTUSAN,
        when: { q: "di-bawah-19", is: true },
      },
    ],
    source: {
      note: `${SOURCE_DUKCAPIL} Perkawinan dilaporkan ke Dukcapil tempat perkawinan terjadi paling lambat 60 hari (UU 23/2006 Pasal 34 jo. UU 24/2013), di mana pun mempelai tinggal.`,
      needsOfficeConfirmation: true,
    },
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
    eligibility: [
      {
        id: "putusan-sudah-tetap",
        date: "data.tanggal-berkekuatan-tetap",
        minDaysAgo: 0,
        message: {
          id: "Perceraian dicatat setelah putusan berkekuatan hukum tetap; tanggal itu belum tiba. Periksa lagi tanggal pada keterangan berkekuatan hukum tetap.",
          en: "A divorce is registered once the judgment is final; that date is still ahead. Check the date on the statement of finality.",
        },
        source: "UU 23/2006 Pasal 40 ayat (1)",
      },
    ],
    requirements: [
      {
        id: "putusan-pengadilan",
        kind: "document",
        label: {
          id: "Salinan putusan pengadilan yang berkekuatan hukum tetap",
          en: "Copy of the final court judgment",
        },
        acceptance: { form: "original-and-copy", copies: 1, legalised: true },
        ...PAGES_PUTUSAN,
      },
      {
        id: "tanggal-berkekuatan-tetap",
        kind: "data",
        label: {
          id: "Tanggal putusan berkekuatan hukum tetap",
          en: "Date the judgment became final",
        },
      },
      {
        id: "akta-perkawinan",
        kind: "document",
        label: { id: "Kutipan akta perkawinan", en: "Marriage certificate extract" },
        acceptance: { form: "original" },
        ...PAGES_AKTA,
      },
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "Kartu Keluarga (KK)", en: "Family card (KK)" },
        acceptance: { form: "original" },
        ...PAGES_KK,
      },
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el pemohon", en: "Applicant's KTP-el" },
        acceptance: { form: "original" },
        ...PAGES_KTP,
      },
    ],
    source: {
      note: `${SOURCE_DUKCAPIL} Perceraian dilaporkan paling lambat 60 hari setelah putusan berkekuatan hukum tetap (UU 23/2006 Pasal 40); kantornya mengikuti tempat perkawinan dicatat, tidak selalu alamat pemohon.`,
      needsOfficeConfirmation: true,
    },
  },
  {
    id: "surat-keterangan-belum-menikah",
    version: 1,
    residency: "kelurahan",
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
        statement: {
          title: { id: "Surat Pernyataan Belum Pernah Menikah", en: "Statement of Never Having Been Married" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa sampai saat ini saya belum pernah menikah, baik secara agama maupun tercatat, dan status saya dalam Kartu Keluarga adalah belum kawin. Pernyataan ini saya buat sebagai dasar penerbitan surat keterangan belum menikah dari Lurah.",
            en: "I hereby truthfully declare that to this day I have never been married, whether religiously or by registration, and that my status on the family card is never married. I make this statement as the basis for the Lurah's certificate of unmarried status.",
          },
        },
      },
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-janda-duda",
    version: 1,
    residency: "kelurahan",
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
        ...PAGES_AKTA,
        when: { q: "status", is: "cerai-hidup" },
      },
      {
        id: "akta-kematian-pasangan",
        kind: "document",
        label: { id: "Akta kematian suami atau istri", en: "Death certificate of the spouse" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_AKTA,
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
        statement: {
          title: { id: "Surat Pernyataan Belum Menikah Lagi", en: "Statement of Not Having Remarried" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa perkawinan saya dengan …………………………… telah putus karena perceraian/kematian*) pada tanggal ……………………, dan sejak itu sampai saat ini saya belum menikah lagi, baik secara agama maupun tercatat. *) coret yang tidak perlu",
            en: "I hereby truthfully declare that my marriage to …………………………… ended by divorce/death*) on ……………………, and that since then I have not remarried, whether religiously or by registration. *) strike out what does not apply",
          },
        },
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
        ...PAGES_AKTA,
      },
      // Every heir's identity is checked paper by paper: one requirement per kind of paper, one photo per heir.
      {
        id: "ktp-el-ahli-waris",
        kind: "document",
        label: { id: "KTP-el setiap ahli waris", en: "KTP-el of every heir" },
        acceptance: { form: "copy", copies: 1 },
        allPagesWithEntries: true,
        pagesNote: {
          id: "Satu foto sisi depan untuk setiap ahli waris yang sudah wajib KTP-el; isi jumlah fotonya.",
          en: "One photo of the front for each heir old enough for a KTP-el; enter how many photos.",
        },
      },
      {
        id: "kk-ahli-waris",
        kind: "document",
        label: { id: "KK setiap keluarga ahli waris", en: "Family card of every heir's household" },
        acceptance: { form: "copy", copies: 1 },
        allPagesWithEntries: true,
        pagesNote: {
          id: "Seluruh lembar setiap KK yang memuat ahli waris (nomor KK, semua anggota, dan bagian bawah); isi jumlah lembarnya.",
          en: "The whole sheet of every KK listing an heir (number, every member and the foot); enter how many sheets.",
        },
      },
      {
        id: "akta-kelahiran-ahli-waris",
        kind: "document",
        label: { id: "Kutipan akta kelahiran setiap ahli waris", en: "Birth certificate of every heir" },
        acceptance: { form: "copy", copies: 1 },
        allPagesWithEntries: true,
        pagesNote: {
          id: "Halaman depan setiap akta, dan halaman belakang bila berisi catatan pinggir; isi jumlah halamannya.",
          en: "The front of each certificate, and the back if it carries marginal notes; enter how many pages.",
        },
      },
      {
        id: "buku-nikah-pewaris",
        kind: "document",
        label: {
          id: "Buku nikah atau akta perkawinan pewaris",
          en: "Marriage book or marriage certificate of the deceased",
        },
        acceptance: { form: "copy", copies: 1 },
        ...PAGES_BUKU_NIKAH,
      },
      {
        id: "silsilah-keluarga",
        kind: "document",
        label: {
          id: "Bagan silsilah keluarga pewaris yang ditandatangani semua ahli waris",
          en: "Family tree of the deceased, signed by all heirs",
        },
        acceptance: { form: "original" },
        minPages: 1,
      },
      {
        id: "pernyataan-ahli-waris",
        kind: "statement",
        label: {
          id: "Surat pernyataan ahli waris bermeterai, ditandatangani semua ahli waris dan dua saksi",
          en: "Heirs' statement on duty stamp, signed by all heirs and two witnesses",
        },
        acceptance: { form: "original", stamped: true },
        statement: {
          title: { id: "Surat Pernyataan Ahli Waris", en: "Statement of Heirs" },
          body: {
            id: "Bersama seluruh ahli waris lain yang turut bertanda tangan, dengan ini menyatakan dengan sebenarnya bahwa almarhum/almarhumah …………………………… (NIK ……………………) telah meninggal dunia pada tanggal …………………… di ……………………, dan meninggalkan ahli waris yang sah sebagaimana tercantum dalam bagan silsilah keluarga terlampir, yaitu: 1. …………………………… 2. …………………………… 3. ……………………………. Selain yang tersebut di atas, tidak ada ahli waris lain. Pernyataan ini disaksikan oleh dua orang saksi dan diketahui Lurah serta dikuatkan Camat.",
            en: "Together with every other heir who signs below, I hereby truthfully declare that the late …………………………… (NIK ……………………) died on …………………… at ……………………, leaving as lawful heirs those shown in the attached family tree, namely: 1. …………………………… 2. …………………………… 3. ……………………………. There are no heirs other than these. Two witnesses sign this statement; the Lurah acknowledges it and the Camat endorses it.",
          },
          // The applicant signs first; every other heir signs on a line of their own.
          cosigners: [
            { id: "Ahli waris 2", en: "Heir 2" },
            { id: "Ahli waris 3", en: "Heir 3" },
          ],
          witnesses: 2,
        },
      },
      ...ktpSaksi(undefined),
      {
        id: "akta-kematian-ahli-waris",
        kind: "document",
        label: {
          id: "Akta kematian ahli waris yang sudah meninggal",
          en: "Death certificate of any heir who has died",
        },
        acceptance: { form: "copy", copies: 1 },
        ...PAGES_AKTA,
        when: { q: "ahli-waris-meninggal", is: true },
      },
      ...kuasa({ id: "Surat Keterangan Ahli Waris", en: "the Certificate of Heirship" }),
    ],
    source: {
      note: `${SOURCE_PTSP} Bukti ahli waris juga dapat berupa akta keterangan hak mewaris dari notaris atau penetapan pengadilan; tanyakan bentuk yang diminta instansi tujuan. Kantornya mengikuti tempat tinggal terakhir pewaris, bukan alamat pemohon.`,
      needsOfficeConfirmation: true,
    },
  },
];
