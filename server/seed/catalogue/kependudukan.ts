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
  kuasa,
  LEGAL_ADMINDUK,
  LEGAL_PELAYANAN_PUBLIK,
  LEGAL_PERDA_PTSP,
  LEGAL_PERMENDAGRI_108,
  LEGAL_PERPRES_96,
  OFFICE_DUKCAPIL_KECAMATAN,
  OFFICE_DUKCAPIL_KELURAHAN,
  OFFICE_KELURAHAN,
  PAGES_AKTA,
  PAGES_AKTA_NOTARIS,
  PAGES_BUKU_NIKAH,
  PAGES_KK,
  PAGES_KTP,
  PAGES_SURAT,
  PENGANTAR_RT_RW,
  Q_DIWAKILKAN,
  SOURCE_DUKCAPIL,
  SOURCE_DUKCAPIL_DKI,
  SOURCE_PTSP,
  SUBMIT_AT_KELURAHAN,
  URL_ALPUKAT,
} from "./common";

/** Moving out and moving in ask the same question: whether other family members move too. */
const Q_ANGGOTA_IKUT: NonNullable<GuideInput["questions"]>[number] = {
  id: "anggota-ikut",
  kind: "yes-no",
  text: {
    id: "Apakah ada anggota keluarga lain yang ikut pindah?",
    en: "Are other family members moving too?",
  },
};

export const kependudukan: GuideInput[] = [
  {
    id: "surat-keterangan-domisili",
    version: 1,
    // The kelurahan certifies only its own residents.
    residency: "kelurahan",
    title: { id: "Surat Keterangan Domisili (Tempat Tinggal)", en: "Certificate of Residence (Domicile)" },
    summary: {
      id: "Surat dari kelurahan yang menerangkan bahwa seseorang benar tinggal di alamat tertentu, misalnya untuk melamar kerja, membuka rekening, atau warga yang KTP-nya dari daerah lain.",
      en: "A letter from the kelurahan confirming that a person actually lives at a given address, e.g. for a job application, a bank account, or residents whose ID card is from another region.",
    },
    category: "kependudukan",
    keywords: ["domisili", "SKD", "surat keterangan tinggal", "keterangan alamat", "numpang tinggal", "ngontrak"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_PELAYANAN_PUBLIK, LEGAL_PERDA_PTSP],
    fee: FEE_FREE,
    serviceTime: {
      workingDays: 0,
      note: {
        id: "Selesai di hari yang sama jika berkas lengkap.",
        en: "Finished the same day if the file is complete.",
      },
    },
    product: {
      id: "Surat Keterangan Domisili yang ditandatangani Lurah",
      en: "Certificate of residence signed by the Lurah",
    },
    steps: [
      {
        id: "Minta surat pengantar dari Ketua RT, lalu Ketua RW.",
        en: "Get a covering letter from the RT head, then the RW head.",
      },
      {
        id: "Serahkan berkas di loket PTSP kelurahan atau ajukan lewat JakEvo.",
        en: "Hand in the file at the kelurahan PTSP counter or apply through JakEvo.",
      },
      {
        id: "Petugas memeriksa berkas dan mencocokkan data dengan KTP-el/KK.",
        en: "The officer checks the file and matches the data with the KTP-el/KK.",
      },
      {
        id: "Ambil surat yang sudah ditandatangani di loket atau unduh dari JakEvo.",
        en: "Collect the signed letter at the counter or download it from JakEvo.",
      },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    questions: [
      {
        id: "pendatang",
        kind: "yes-no",
        text: {
          id: "Apakah KTP-el pemohon dari luar alamat ini (pendatang)?",
          en: "Is the applicant's ID card from another address (a newcomer)?",
        },
      },
      {
        id: "menumpang",
        kind: "yes-no",
        text: {
          id: "Apakah pemohon mengontrak atau menumpang di rumah orang lain?",
          en: "Does the applicant rent or stay in someone else's house?",
        },
      },
      {
        id: "cara-tinggal",
        kind: "choice",
        text: { id: "Bagaimana pemohon tinggal di rumah itu?", en: "How does the applicant live in that house?" },
        options: [
          { value: "sewa", label: { id: "Menyewa, mengontrak, atau kos", en: "Renting or lodging" } },
          {
            value: "menumpang",
            label: { id: "Menumpang tanpa sewa (keluarga/kenalan)", en: "Staying without rent (family or friends)" },
          },
        ],
      },
      Q_DIWAKILKAN,
    ],
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      KK_PEMOHON,
      {
        id: "keterangan-daerah-asal",
        kind: "document",
        label: {
          id: "Surat pengantar dari kelurahan atau desa asal",
          en: "Letter from the kelurahan or village of origin",
        },
        acceptance: { form: "original" },
        minPages: 1,
        when: { q: "pendatang", is: true },
      },
      // A rental agreement and a house owner's statement are different papers, checked differently: one each.
      {
        id: "perjanjian-sewa",
        kind: "document",
        label: { id: "Perjanjian sewa atau kontrak rumah", en: "Rental or lease agreement" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_AKTA_NOTARIS,
        when: {
          all: [
            { q: "menumpang", is: true },
            { q: "cara-tinggal", is: "sewa" },
          ],
        },
      },
      // Made by the house owner about the applicant: the app prints it, the owner writes their identity and signs.
      {
        id: "pernyataan-pemilik-rumah",
        kind: "statement",
        label: {
          id: "Surat pernyataan pemilik rumah bahwa pemohon tinggal di rumahnya",
          en: "Statement by the house owner that the applicant lives in the house",
        },
        acceptance: { form: "original" },
        minPages: 1,
        obtainFrom: {
          id: "Dicetak dari aplikasi, diisi identitasnya dan ditandatangani pemilik rumah yang ditumpangi",
          en: "Printed from the app, completed with their identity and signed by the owner of the house",
        },
        statement: {
          title: { id: "Surat Pernyataan Pemilik Rumah", en: "Statement by the House Owner" },
          body: {
            id: "selaku pemilik rumah di {address}, dengan ini menyatakan dengan sebenarnya bahwa {fullName} (NIK {nik}) benar tinggal menumpang di rumah saya tersebut.",
            en: "as the owner of the house at {address}, hereby truthfully declare that {fullName} (NIK {nik}) does live in my house as a lodger.",
          },
          declarant: { id: "Pemilik rumah", en: "House owner" },
        },
        when: {
          all: [
            { q: "menumpang", is: true },
            { q: "cara-tinggal", is: "menumpang" },
          ],
        },
      },
      ktpOf(
        "ktp-el-pemilik-rumah",
        { id: "KTP-el pemilik rumah", en: "KTP-el of the house owner" },
        {
          when: {
            all: [
              { q: "menumpang", is: true },
              { q: "cara-tinggal", is: "menumpang" },
            ],
          },
        },
      ),
      ...kuasa({ id: "Surat Keterangan Domisili", en: "the Certificate of Residence" }),
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "ktp-el-baru",
    // A first KTP-el is issued once in a lifetime (UU 24/2013 Pasal 64 ayat (7), as the guide's eligibility rule cites): a second "baru" is a replacement.
    filedOnce: "ever",
    version: 1,
    residency: "provinsi",
    title: { id: "KTP-el Baru (Pemula Usia 17 Tahun)", en: "New Electronic ID Card (First-time, Age 17)" },
    summary: {
      id: "Perekaman dan pencetakan KTP-el pertama kali untuk warga yang sudah berusia 17 tahun atau sudah/pernah kawin. Perekaman biometrik boleh dilakukan sejak usia 16 tahun, tetapi kartu dicetak setelah 17 tahun.",
      en: "Recording and printing of a first electronic ID card for residents aged 17 or who are or have been married. Biometric recording may be done from age 16, but the card is printed at 17.",
    },
    category: "kependudukan",
    keywords: ["KTP", "e-KTP", "KTP pemula", "rekam KTP", "perekaman", "bikin KTP", "17 tahun"],
    office: OFFICE_DUKCAPIL_KELURAHAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: {
      workingDays: 1,
      note: {
        id: "Perekaman selesai di tempat; pencetakan bergantung pada ketersediaan blangko.",
        en: "Recording is done on the spot; printing depends on blank card stock.",
      },
    },
    product: { id: "KTP-el", en: "Electronic ID card (KTP-el)" },
    steps: [
      {
        id: "Pastikan nama pemohon sudah tercantum di KK dengan data yang benar.",
        en: "Make sure the applicant is listed on the family card (KK) with correct data.",
      },
      {
        id: "Datang sendiri ke Satpel Dukcapil kelurahan dengan membawa KK.",
        en: "Come in person to the Dukcapil unit at the kelurahan with the family card.",
      },
      {
        id: "Lakukan perekaman foto, sidik jari, iris mata, dan tanda tangan.",
        en: "Have your photo, fingerprints, iris and signature recorded.",
      },
      {
        id: "Ambil KTP-el sesuai jadwal yang diberikan petugas.",
        en: "Collect the KTP-el on the date given by the officer.",
      },
    ],
    submission: {
      channels: ["in-person"],
      where: { id: "Satpel Dukcapil di Kantor Kelurahan", en: "Dukcapil service unit at the kelurahan office" },
      hours: HOURS,
    },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [
      {
        id: "pernah-punya-ktp-el",
        kind: "yes-no",
        text: {
          id: "Apakah pemohon pernah menerima KTP-el?",
          en: "Has the applicant ever received a KTP-el?",
        },
        help: {
          id: "Sudah rekam tetapi kartunya belum dicetak: jawab tidak.",
          en: "Recorded but the card was never printed: answer no.",
        },
      },
      {
        id: "sudah-kawin",
        kind: "yes-no",
        text: {
          id: "Apakah pemohon belum 17 tahun tetapi sudah atau pernah kawin?",
          en: "Is the applicant under 17 but married or previously married?",
        },
      },
    ],
    eligibility: [
      {
        id: "sekali-seumur-hidup",
        when: { q: "pernah-punya-ktp-el", is: true },
        message: {
          id: "KTP-el diterbitkan sekali dan berlaku seumur hidup. Pemohon yang pernah menerima KTP-el mengajukan Penggantian KTP-el (rusak, hilang, atau perubahan data), bukan KTP-el baru.",
          en: "A KTP-el is issued once and is valid for life. An applicant who has had one applies for a Replacement KTP-el (damaged, lost or changed data), not a new one.",
        },
        source: "UU 24/2013 Pasal 64 ayat (7)",
      },
      {
        id: "usia-rekam",
        when: { q: "sudah-kawin", is: false },
        date: "applicant.birthDate",
        minYears: 16,
        message: {
          id: "Perekaman KTP-el dimulai pada usia 16 tahun, dan kartu dicetak setelah pemohon berumur 17 tahun atau sudah/pernah kawin. Datang lagi setelah pemohon berumur 16 tahun.",
          en: "KTP-el recording starts at 16, and the card is printed once the applicant is 17 or is or has been married. Come back once the applicant is 16.",
        },
        source:
          "UU 24/2013 Pasal 63 ayat (1); perekaman sejak 16 tahun mengikuti kebijakan Ditjen Dukcapil (konfirmasi dengan kantor)",
      },
      {
        id: "kawin-di-bawah-17",
        when: { q: "sudah-kawin", is: true },
        date: "applicant.birthDate",
        belowYears: 17,
        message: {
          id: 'Pertanyaan "belum 17 tahun tetapi sudah kawin" dijawab ya, padahal menurut tanggal lahir pemohon sudah 17 tahun. Ubah jawabannya menjadi tidak; buku nikah tidak diperlukan.',
          en: '"Under 17 but married" is answered yes, but the birth date shows the applicant is 17 or older. Change the answer to no; no marriage book is needed.',
        },
        source: "UU 24/2013 Pasal 63 ayat (1): wajib KTP-el pada umur 17 tahun atau sudah kawin",
      },
    ],
    requirements: [
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "Kartu Keluarga (KK) yang memuat nama pemohon", en: "Family card (KK) listing the applicant" },
        acceptance: { form: "original" },
        ...PAGES_KK,
      },
      {
        id: "tanggal-lahir",
        kind: "data",
        field: "birthDate",
        label: {
          id: "Tanggal lahir pemohon (sesuai KK)",
          en: "The applicant's date of birth (as on the KK)",
        },
      },
      {
        id: "hadir-perekaman",
        kind: "data",
        label: {
          id: "Pemohon hadir sendiri untuk perekaman biometrik (tidak bisa diwakilkan)",
          en: "The applicant attends in person for biometric recording (cannot be delegated)",
        },
      },
      {
        id: "buku-nikah",
        kind: "document",
        label: {
          id: "Buku nikah atau kutipan akta perkawinan",
          en: "Marriage book or marriage certificate extract",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_BUKU_NIKAH,
        when: { q: "sudah-kawin", is: true },
      },
    ],
    source: { note: SOURCE_DUKCAPIL_DKI, needsOfficeConfirmation: true },
  },
  {
    id: "penggantian-ktp-el",
    // One file at a time per applicant: a second while the first is being processed would be sent back.
    filedOnce: "while-open",
    version: 1,
    residency: "provinsi",
    title: {
      id: "Penggantian KTP-el (Rusak, Hilang, atau Perubahan Data)",
      en: "Replacement Electronic ID Card (Damaged, Lost, or Changed Data)",
    },
    summary: {
      id: "Cetak ulang KTP-el karena kartu rusak, hilang, atau ada perubahan data (misalnya status perkawinan atau pekerjaan) yang sudah tercatat di KK.",
      en: "Reprinting the KTP-el because the card is damaged, lost, or its data changed (e.g. marital status or occupation) after the change was recorded on the KK.",
    },
    category: "kependudukan",
    keywords: ["KTP hilang", "KTP rusak", "ganti KTP", "cetak ulang KTP", "ubah status KTP", "e-KTP"],
    office: OFFICE_DUKCAPIL_KELURAHAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: {
      workingDays: 1,
      note: {
        id: "Bergantung pada ketersediaan blangko; sering selesai di hari yang sama.",
        en: "Depends on blank card stock; often finished the same day.",
      },
    },
    product: { id: "KTP-el pengganti", en: "Replacement KTP-el" },
    steps: [
      {
        id: "Jika ada perubahan data, perbarui dulu KK (lihat panduan Perubahan KK).",
        en: "If data changed, update the family card first (see the KK change guide).",
      },
      {
        id: "Jika hilang, minta surat keterangan kehilangan di kantor polisi.",
        en: "If lost, get a loss report letter from the police.",
      },
      {
        id: "Datang ke Satpel Dukcapil kelurahan dengan persyaratan.",
        en: "Go to the Dukcapil unit at the kelurahan with the requirements.",
      },
      {
        id: "Petugas memverifikasi data dan mencetak KTP-el pengganti.",
        en: "The officer verifies the data and prints the replacement KTP-el.",
      },
    ],
    submission: {
      channels: ["in-person"],
      where: { id: "Satpel Dukcapil di Kantor Kelurahan", en: "Dukcapil service unit at the kelurahan office" },
      hours: HOURS,
    },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [
      {
        id: "alasan",
        kind: "choice",
        text: { id: "Mengapa KTP-el diganti?", en: "Why is the KTP-el being replaced?" },
        options: [
          { value: "rusak", label: { id: "Rusak", en: "Damaged" } },
          { value: "hilang", label: { id: "Hilang", en: "Lost" } },
          { value: "perubahan-data", label: { id: "Perubahan data", en: "Data changed" } },
        ],
      },
    ],
    requirements: [
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "Kartu Keluarga (KK) terbaru", en: "Latest family card (KK)" },
        acceptance: {
          form: "original",
          note: {
            id: "Untuk perubahan data, KK harus sudah memuat data baru; perbarui KK dulu.",
            en: "For a change of data, the KK must already show the new data; update the KK first.",
          },
        },
        ...PAGES_KK,
      },
      {
        id: "ktp-el-rusak",
        kind: "document",
        label: { id: "KTP-el yang rusak", en: "The damaged KTP-el" },
        acceptance: { form: "original" },
        ...PAGES_KTP,
        when: { q: "alasan", is: "rusak" },
      },
      {
        id: "surat-kehilangan",
        kind: "document",
        label: { id: "Surat keterangan kehilangan dari kepolisian", en: "Loss report letter from the police" },
        acceptance: { form: "original" },
        minPages: 1,
        when: { q: "alasan", is: "hilang" },
      },
      {
        id: "ktp-el-lama",
        kind: "document",
        label: { id: "KTP-el lama", en: "The old KTP-el" },
        acceptance: { form: "original" },
        ...PAGES_KTP,
        when: { q: "alasan", is: "perubahan-data" },
      },
    ],
    source: { note: SOURCE_DUKCAPIL_DKI, needsOfficeConfirmation: true },
  },
  {
    id: "kartu-identitas-anak",
    version: 1,
    residency: "provinsi",
    title: { id: "Kartu Identitas Anak (KIA)", en: "Child Identity Card (KIA)" },
    summary: {
      id: "Kartu identitas untuk anak di bawah 17 tahun yang belum kawin. Untuk bayi baru lahir biasanya diterbitkan bersama akta kelahiran.",
      en: "An identity card for unmarried children under 17. For newborns it is usually issued together with the birth certificate.",
    },
    category: "kependudukan",
    keywords: ["KIA", "KTP anak", "kartu anak", "identitas anak"],
    office: OFFICE_DUKCAPIL_KELURAHAN,
    legalBasis: [LEGAL_ADMINDUK, "Permendagri 2/2016 tentang Kartu Identitas Anak", LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: {
      workingDays: 1,
      note: {
        id: "Jika berkas lengkap dan blangko tersedia.",
        en: "If the file is complete and card stock is available.",
      },
    },
    product: { id: "Kartu Identitas Anak (KIA)", en: "Child Identity Card (KIA)" },
    steps: [
      {
        id: "Siapkan akta kelahiran anak, KK, dan KTP-el kedua orang tua.",
        en: "Prepare the child's birth certificate, the KK and both parents' KTP-el.",
      },
      {
        id: "Ajukan di Satpel Dukcapil kelurahan atau lewat Alpukat Betawi.",
        en: "Apply at the kelurahan Dukcapil unit or through Alpukat Betawi.",
      },
      { id: "Petugas memverifikasi data anak.", en: "The officer verifies the child's data." },
      { id: "Ambil KIA di loket sesuai jadwal.", en: "Collect the KIA at the counter on the scheduled date." },
    ],
    submission: {
      channels: ["in-person", "online"],
      where: {
        id: "Satpel Dukcapil Kelurahan atau Alpukat Betawi",
        en: "Kelurahan Dukcapil unit or Alpukat Betawi",
      },
      url: URL_ALPUKAT,
      hours: HOURS,
    },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [
      {
        id: "usia-5-tahun",
        kind: "yes-no",
        text: { id: "Apakah anak sudah berusia 5 tahun atau lebih?", en: "Is the child 5 years old or older?" },
      },
      {
        id: "diasuh-wali",
        kind: "yes-no",
        text: {
          id: "Apakah anak diasuh wali, bukan oleh orang tuanya?",
          en: "Is the child in a guardian's care rather than the parents'?",
        },
      },
    ],
    // Permendagri 2/2016: KIA is for children under 17; from age 5 the card carries a photo.
    eligibility: [
      {
        id: "anak-di-bawah-17",
        date: "data.tanggal-lahir-anak",
        minDaysAgo: 0,
        belowYears: 17,
        message: {
          id: "KIA hanya untuk anak yang sudah lahir dan berusia di bawah 17 tahun. Anak yang sudah 17 tahun membuat KTP-el.",
          en: "A KIA is only for a child who is born and under 17. A child aged 17 applies for a KTP-el.",
        },
        source: "Permendagri 2/2016 Pasal 2",
      },
      {
        id: "foto-sejak-5-tahun",
        when: { q: "usia-5-tahun", is: false },
        date: "data.tanggal-lahir-anak",
        belowYears: 5,
        message: {
          id: 'Menurut tanggal lahir, anak sudah 5 tahun: jawab "sudah 5 tahun" ya, karena KIA anak usia 5 tahun ke atas memakai pas foto.',
          en: 'By the birth date the child is 5 or older: answer "5 or older" yes, because the KIA of a child aged 5 or over carries a photo.',
        },
        source: "Permendagri 2/2016 Pasal 13 dan 14",
      },
      {
        id: "tanpa-foto-di-bawah-5",
        when: { q: "usia-5-tahun", is: true },
        date: "data.tanggal-lahir-anak",
        minYears: 5,
        message: {
          id: 'Menurut tanggal lahir, anak belum 5 tahun: jawab "sudah 5 tahun" tidak; KIA anak di bawah 5 tahun tanpa pas foto.',
          en: 'By the birth date the child is under 5: answer "5 or older" no; a KIA for a child under 5 has no photo.',
        },
        source: "Permendagri 2/2016 Pasal 13",
      },
    ],
    requirements: [
      {
        id: "tanggal-lahir-anak",
        kind: "data",
        label: {
          id: "Tanggal lahir anak (sesuai akta kelahiran)",
          en: "The child's date of birth (as on the birth certificate)",
        },
      },
      {
        id: "akta-kelahiran",
        kind: "document",
        label: { id: "Kutipan akta kelahiran anak", en: "Child's birth certificate extract" },
        acceptance: { form: "original-and-copy", copies: 1 },
        ...PAGES_AKTA,
      },
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "Kartu Keluarga (KK) orang tua atau wali", en: "Parents' or guardian's family card (KK)" },
        acceptance: { form: "original" },
        ...PAGES_KK,
      },
      // Each parent's card is checked on its own; a guardian replaces both.
      ktpOf(
        "ktp-el-ayah",
        { id: "KTP-el ayah", en: "The father's KTP-el" },
        { acceptance: { form: "original" }, when: { q: "diasuh-wali", is: false } },
      ),
      ktpOf(
        "ktp-el-ibu",
        { id: "KTP-el ibu", en: "The mother's KTP-el" },
        { acceptance: { form: "original" }, when: { q: "diasuh-wali", is: false } },
      ),
      ktpOf(
        "ktp-el-wali",
        { id: "KTP-el wali", en: "The guardian's KTP-el" },
        { acceptance: { form: "original" }, when: { q: "diasuh-wali", is: true } },
      ),
      {
        id: "pas-foto",
        kind: "document",
        label: { id: "Pas foto berwarna anak ukuran 2x3", en: "Colour passport photo of the child, 2x3 cm" },
        acceptance: { form: "original", copies: 2 },
        minPages: 1,
        when: { q: "usia-5-tahun", is: true },
      },
    ],
    source: {
      note: `${SOURCE_DUKCAPIL_DKI} Syarat KIA menurut usia anak mengikuti Permendagri 2/2016 Pasal 13–14.`,
      needsOfficeConfirmation: true,
    },
  },
  {
    id: "surat-keterangan-pindah",
    // One file at a time per applicant: a second while the first is being processed would be sent back.
    filedOnce: "while-open",
    version: 1,
    residency: "provinsi",
    title: {
      id: "Surat Keterangan Pindah WNI (SKPWNI) - Pindah Keluar",
      en: "Certificate of Moving Out (SKPWNI)",
    },
    summary: {
      id: "Surat dari Dukcapil untuk warga yang pindah alamat ke kelurahan, kota, atau provinsi lain. Surat ini dibawa ke daerah tujuan untuk membuat KK dan KTP-el baru.",
      en: "A Dukcapil letter for residents moving to another kelurahan, city or province. It is taken to the destination to get a new family card and KTP-el.",
    },
    category: "kependudukan",
    keywords: ["pindah", "surat pindah", "SKPWNI", "pindah domisili", "pindah alamat", "mutasi penduduk"],
    office: OFFICE_DUKCAPIL_KELURAHAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: {
      workingDays: 1,
      note: { id: "Jika berkas lengkap.", en: "If the file is complete." },
    },
    product: {
      id: "SKPWNI, dan KK baru untuk anggota keluarga yang tidak ikut pindah",
      en: "SKPWNI, plus a new family card for family members who stay",
    },
    steps: [
      {
        id: "Tentukan siapa saja yang pindah dan alamat tujuan lengkap (RT/RW, kelurahan, kecamatan, kota).",
        en: "Decide who is moving and the full destination address (RT/RW, kelurahan, kecamatan, city).",
      },
      {
        id: "Isi formulir perpindahan dan serahkan berkas di Satpel Dukcapil atau lewat Alpukat Betawi.",
        en: "Fill in the moving form and submit the file at the Dukcapil unit or through Alpukat Betawi.",
      },
      { id: "Petugas memverifikasi dan menerbitkan SKPWNI.", en: "The officer verifies and issues the SKPWNI." },
      {
        id: "Bawa SKPWNI ke Dukcapil daerah tujuan untuk membuat KK dan KTP-el baru.",
        en: "Take the SKPWNI to the destination's Dukcapil to get a new KK and KTP-el.",
      },
    ],
    submission: {
      channels: ["in-person", "online"],
      where: {
        id: "Satpel Dukcapil Kelurahan asal atau Alpukat Betawi",
        en: "Dukcapil unit at the current kelurahan, or Alpukat Betawi",
      },
      url: URL_ALPUKAT,
      hours: HOURS,
    },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [Q_ANGGOTA_IKUT, Q_DIWAKILKAN],
    requirements: [
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
      {
        id: "ktp-el-anggota-pindah",
        kind: "document",
        label: {
          id: "KTP-el setiap anggota keluarga lain yang ikut pindah",
          en: "KTP-el of every other family member who moves",
        },
        acceptance: { form: "original" },
        minPages: 1,
        pagesNote: {
          id: "Satu foto untuk setiap kartu, sisi depan. Anak yang belum wajib KTP-el cukup tercantum di KK.",
          en: "One photo per card, front side. Children too young for a KTP-el need only be on the KK.",
        },
        when: { q: "anggota-ikut", is: true },
      },
      {
        id: "alamat-tujuan",
        kind: "data",
        label: {
          id: "Alamat tujuan lengkap dan alasan pindah (diisi di formulir perpindahan)",
          en: "Full destination address and reason for moving (on the moving form)",
        },
      },
      ...kuasa({ id: "Surat Keterangan Pindah WNI", en: "the Certificate of Moving Out" }),
    ],
    source: { note: SOURCE_DUKCAPIL_DKI, needsOfficeConfirmation: true },
  },
  {
    id: "pindah-datang",
    version: 1,
    // The applicant's address is the new Jakarta one; Jakarta's Dukcapil serves it at any unit in DKI.
    residency: "provinsi",
    title: { id: "Pindah Datang ke Jakarta", en: "Registering a Move into Jakarta" },
    summary: {
      id: "Pendaftaran warga yang pindah masuk ke alamat di Jakarta dengan membawa SKPWNI dari daerah asal, untuk mendapat KK dan KTP-el beralamat Jakarta.",
      en: "Registering residents moving into a Jakarta address with the SKPWNI from their place of origin, to receive a family card and KTP-el with a Jakarta address.",
    },
    category: "kependudukan",
    keywords: ["pindah datang", "pendatang", "pindah masuk", "KTP Jakarta", "surat pindah", "SKPWNI"],
    office: OFFICE_DUKCAPIL_KELURAHAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: {
      workingDays: 1,
      note: { id: "Jika berkas lengkap.", en: "If the file is complete." },
    },
    product: {
      id: "KK dan KTP-el dengan alamat Jakarta",
      en: "Family card and KTP-el with a Jakarta address",
    },
    steps: [
      {
        id: "Urus SKPWNI di Dukcapil daerah asal.",
        en: "Get the SKPWNI from the civil registry at the place of origin.",
      },
      {
        id: "Lapor ke Ketua RT/RW di alamat baru dan minta surat pengantar.",
        en: "Report to the RT/RW heads at the new address and get a covering letter.",
      },
      {
        id: "Serahkan berkas di Satpel Dukcapil kelurahan tujuan atau lewat Alpukat Betawi.",
        en: "Submit the file at the destination kelurahan's Dukcapil unit or through Alpukat Betawi.",
      },
      {
        id: "Petugas menerbitkan KK baru; lakukan pencetakan KTP-el dengan alamat baru.",
        en: "The officer issues the new KK; then get the KTP-el printed with the new address.",
      },
    ],
    submission: {
      channels: ["in-person", "online"],
      where: {
        id: "Satpel Dukcapil Kelurahan tujuan atau Alpukat Betawi",
        en: "Dukcapil unit at the destination kelurahan, or Alpukat Betawi",
      },
      url: URL_ALPUKAT,
      hours: HOURS,
    },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [
      {
        id: "numpang-kk",
        kind: "yes-no",
        text: {
          id: "Apakah pemohon akan masuk (numpang) ke KK keluarga lain di Jakarta?",
          en: "Will the applicant be added to another family's KK in Jakarta?",
        },
      },
      {
        id: "rumah-orang-lain",
        kind: "yes-no",
        text: {
          id: "Apakah rumah tujuan milik orang lain (sewa/kontrak/menumpang)?",
          en: "Does the destination house belong to someone else (rented or shared)?",
        },
      },
      Q_ANGGOTA_IKUT,
      Q_DIWAKILKAN,
    ],
    requirements: [
      {
        id: "skpwni",
        kind: "document",
        label: { id: "SKPWNI dari daerah asal", en: "SKPWNI from the place of origin" },
        acceptance: { form: "original" },
        ...PAGES_SURAT,
      },
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el lama pemohon", en: "The applicant's old KTP-el" },
        acceptance: { form: "original" },
        ...PAGES_KTP,
      },
      {
        id: "ktp-el-anggota-pindah",
        kind: "document",
        label: {
          id: "KTP-el lama setiap anggota keluarga lain yang ikut pindah",
          en: "Old KTP-el of every other family member who moves",
        },
        acceptance: { form: "original" },
        minPages: 1,
        pagesNote: {
          id: "Satu foto untuk setiap kartu, sisi depan; nama mereka harus tercantum di SKPWNI.",
          en: "One photo per card, front side; their names must be on the SKPWNI.",
        },
        when: { q: "anggota-ikut", is: true },
      },
      PENGANTAR_RT_RW,
      // Made by the head of the family being joined, about the applicant: printed by the app, signed by them.
      {
        id: "persetujuan-kepala-keluarga",
        kind: "statement",
        label: {
          id: "Surat pernyataan kesediaan kepala keluarga yang ditumpangi",
          en: "Consent statement from the head of the family being joined",
        },
        acceptance: { form: "original" },
        minPages: 1,
        obtainFrom: {
          id: "Dicetak dari aplikasi, diisi identitasnya dan ditandatangani kepala keluarga yang KK-nya akan ditumpangi",
          en: "Printed from the app, completed with their identity and signed by the head of the family whose KK the applicant joins",
        },
        statement: {
          title: {
            id: "Surat Pernyataan Bersedia Menerima Anggota Keluarga",
            en: "Statement Agreeing to Take In a Family Member",
          },
          body: {
            id: "selaku kepala keluarga dalam Kartu Keluarga nomor ……………………, dengan ini menyatakan dengan sebenarnya bahwa saya bersedia menerima {fullName} (NIK {nik}) sebagai anggota keluarga dalam Kartu Keluarga tersebut.",
            en: "as head of the family on family card number ……………………, hereby truthfully declare that I agree to take in {fullName} (NIK {nik}) as a member of the family on that card.",
          },
          declarant: { id: "Kepala keluarga", en: "Head of the family" },
        },
        when: { q: "numpang-kk", is: true },
      },
      {
        id: "kk-yang-ditumpangi",
        kind: "document",
        label: { id: "KK keluarga yang ditumpangi", en: "KK of the family being joined" },
        acceptance: { form: "original" },
        ...PAGES_KK,
        when: { q: "numpang-kk", is: true },
      },
      // One letter for renting, lodging and staying alike (Perpres 96/2018 biodata requirements).
      {
        id: "pernyataan-pemilik-rumah",
        kind: "statement",
        label: {
          id: "Surat pernyataan tidak keberatan dari pemilik rumah",
          en: "No-objection statement from the house owner",
        },
        acceptance: { form: "original" },
        minPages: 1,
        obtainFrom: {
          id: "Dicetak dari aplikasi, diisi identitasnya dan ditandatangani pemilik rumah yang disewa atau ditumpangi",
          en: "Printed from the app, completed with their identity and signed by the owner of the rented or shared house",
        },
        statement: {
          title: { id: "Surat Pernyataan Tidak Keberatan", en: "Statement of No Objection" },
          body: {
            id: "selaku pemilik rumah yang disewa atau ditumpangi, dengan ini menyatakan dengan sebenarnya bahwa saya tidak keberatan {fullName} (NIK {nik}) bertempat tinggal dan didaftarkan sebagai penduduk di rumah saya di {address}.",
            en: "as the owner of the rented or shared house, hereby truthfully declare that I have no objection to {fullName} (NIK {nik}) living in and being registered as a resident at my house at {address}.",
          },
          declarant: { id: "Pemilik rumah", en: "House owner" },
        },
        when: { q: "rumah-orang-lain", is: true },
      },
      ...kuasa({ id: "pendaftaran pindah datang", en: "registration of a move into Jakarta" }),
    ],
    source: { note: SOURCE_DUKCAPIL_DKI, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-beda-nama",
    version: 1,
    residency: "kelurahan",
    title: {
      id: "Surat Keterangan Beda Nama (Orang yang Sama)",
      en: "Certificate of Name Discrepancy (Same Person)",
    },
    summary: {
      id: "Surat kelurahan yang menerangkan bahwa dua nama atau ejaan berbeda di beberapa dokumen (misalnya ijazah dan KTP-el) adalah orang yang sama. Surat ini tidak mengubah data; untuk membetulkan akta gunakan layanan Pembetulan Akta di Dukcapil.",
      en: "A kelurahan letter stating that two different names or spellings on documents (e.g. a diploma and the KTP-el) belong to the same person. It does not change any record; to correct a certificate use the Dukcapil correction service.",
    },
    category: "kependudukan",
    keywords: ["beda nama", "orang yang sama", "satu orang", "nama berbeda", "salah nama", "selisih nama"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_PELAYANAN_PUBLIK, LEGAL_PERDA_PTSP],
    fee: FEE_FREE,
    serviceTime: {
      workingDays: 1,
      note: { id: "Sering selesai di hari yang sama.", en: "Often finished the same day." },
    },
    product: {
      id: "Surat Keterangan Beda Nama yang ditandatangani Lurah",
      en: "Name discrepancy certificate signed by the Lurah",
    },
    steps: [
      { id: "Minta surat pengantar RT/RW.", en: "Get the RT/RW covering letter." },
      {
        id: "Siapkan semua dokumen yang namanya berbeda dan surat pernyataan bermeterai.",
        en: "Gather every document with the differing name and a statement on duty stamp.",
      },
      {
        id: "Serahkan berkas di loket PTSP kelurahan atau lewat JakEvo.",
        en: "Submit the file at the kelurahan PTSP counter or through JakEvo.",
      },
      {
        id: "Ambil surat yang sudah ditandatangani Lurah.",
        en: "Collect the letter signed by the Lurah.",
      },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    questions: [Q_DIWAKILKAN],
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      KK_PEMOHON,
      {
        id: "dokumen-beda-nama",
        kind: "document",
        label: {
          id: "Dokumen yang memuat nama berbeda (misalnya ijazah, akta kelahiran, buku nikah, atau paspor)",
          en: "The document with the differing name (e.g. a diploma, birth certificate, marriage book or passport)",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        allPagesWithEntries: true,
        pagesNote: {
          id: "Setiap halaman yang memuat nama dan data pemilik (paspor: halaman biodata dan halaman catatan/pengesahan yang berisi; buku nikah: halaman data suami dan istri). Bila lebih dari satu dokumen, hitung dan foto semuanya.",
          en: "Every page with the holder's name and data (passport: the data page and any endorsement pages with entries; marriage book: the husband's and wife's pages). If there is more than one document, count and photograph them all.",
        },
      },
      {
        id: "surat-pernyataan",
        kind: "statement",
        label: {
          id: "Surat pernyataan bermeterai bahwa nama-nama tersebut adalah orang yang sama",
          en: "Statement on duty stamp that the names refer to the same person",
        },
        acceptance: { form: "original", stamped: true },
        statement: {
          title: { id: "Surat Pernyataan Beda Nama", en: "Statement of Name Discrepancy" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa nama {fullName} sebagaimana tercantum dalam KTP-el dan Kartu Keluarga saya, dan nama …………………………… sebagaimana tercantum dalam …………………………… nomor ……………………, adalah nama diri saya sendiri dan menunjuk satu orang yang sama. Perbedaan penulisan nama tersebut bukan karena penggantian nama.",
            en: "I hereby truthfully declare that the name {fullName} on my KTP-el and family card, and the name …………………………… on …………………………… number ……………………, are both my own name and refer to one and the same person. The difference in spelling is not due to a change of name.",
          },
        },
      },
      ...kuasa({ id: "Surat Keterangan Beda Nama", en: "the Certificate of Name Discrepancy" }),
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "pengantar-skck",
    // One file at a time per applicant: a second while the first is being processed would be sent back.
    filedOnce: "while-open",
    version: 1,
    residency: "kelurahan",
    title: {
      id: "Surat Pengantar SKCK (Keterangan Kelakuan Baik)",
      en: "Covering Letter for a Police Clearance Certificate (SKCK)",
    },
    summary: {
      id: "Surat pengantar dari kelurahan untuk membuat SKCK di Polsek atau Polres, biasanya untuk melamar kerja. Beberapa Polres sudah menerima pengantar RT/RW saja; tanyakan dulu.",
      en: "A kelurahan covering letter for applying for a police clearance certificate (SKCK) at the local police, usually for a job application. Some police offices accept the RT/RW letter alone; ask first.",
    },
    category: "kependudukan",
    keywords: ["SKCK", "kelakuan baik", "catatan kepolisian", "melamar kerja", "pengantar polisi"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_PELAYANAN_PUBLIK, LEGAL_PERDA_PTSP, "UU 2/2002 tentang Kepolisian Negara Republik Indonesia"],
    fee: {
      amount: 0,
      note: {
        id: "Pengantar kelurahan gratis. SKCK di kepolisian dikenai PNBP Rp 30.000 (PP 76/2020).",
        en: "The kelurahan letter is free. The SKCK itself costs a Rp 30,000 state fee at the police (PP 76/2020).",
      },
    },
    serviceTime: { workingDays: 0 },
    product: { id: "Surat pengantar kelurahan untuk SKCK", en: "Kelurahan covering letter for the SKCK" },
    steps: [
      { id: "Minta surat pengantar RT/RW.", en: "Get the RT/RW covering letter." },
      { id: "Serahkan berkas di loket PTSP kelurahan.", en: "Submit the file at the kelurahan PTSP counter." },
      { id: "Terima surat pengantar kelurahan.", en: "Receive the kelurahan covering letter." },
      {
        id: "Bawa ke Polsek/Polres (atau daftar dulu lewat SKCK online) bersama syarat dari kepolisian.",
        en: "Take it to the police station (or pre-register via SKCK online) with the police's own requirements.",
      },
    ],
    submission: {
      channels: ["in-person"],
      where: { id: "Loket PTSP Kantor Kelurahan", en: "PTSP counter at the kelurahan office" },
      hours: HOURS,
    },
    complaint: COMPLAINT,
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      KK_PEMOHON,
      {
        id: "keperluan",
        kind: "data",
        label: {
          id: "Keperluan SKCK (misalnya melamar kerja, mendaftar sekolah/kuliah)",
          en: "Purpose of the SKCK (e.g. job application, school or university enrolment)",
        },
      },
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "pembetulan-akta",
    version: 1,
    title: {
      id: "Pembetulan Akta Pencatatan Sipil",
      en: "Correction of a Civil Registration Certificate",
    },
    summary: {
      id: "Pembetulan akta kelahiran, perkawinan, perceraian, atau kematian yang salah tulis (redaksional), misalnya salah ketik nama atau tanggal. Perubahan nama (bukan salah ketik) memerlukan penetapan pengadilan negeri.",
      en: "Correcting a clerical error on a birth, marriage, divorce or death certificate, such as a misspelt name or wrong date. A change of name (not a typo) needs a district court order.",
    },
    category: "kependudukan",
    keywords: ["salah ketik akta", "ralat akta", "perbaikan akta", "salah nama", "akte salah"],
    office: OFFICE_DUKCAPIL_KECAMATAN,
    legalBasis: [LEGAL_ADMINDUK, LEGAL_PERPRES_96, LEGAL_PERMENDAGRI_108],
    fee: FEE_FREE_ADMINDUK,
    serviceTime: {
      workingDays: 3,
      note: { id: "Perkiraan jika bukti pendukung jelas.", en: "Estimate when the supporting evidence is clear." },
    },
    product: { id: "Akta yang sudah dibetulkan", en: "The corrected certificate" },
    steps: [
      {
        id: "Siapkan akta yang salah dan dokumen autentik yang memuat data yang benar.",
        en: "Prepare the incorrect certificate and an authentic document showing the correct data.",
      },
      {
        id: "Ajukan lewat Alpukat Betawi atau di Satpel Dukcapil.",
        en: "Apply through Alpukat Betawi or at the Dukcapil unit.",
      },
      {
        id: "Petugas memverifikasi dan Pejabat Pencatatan Sipil membetulkan akta.",
        en: "The officer verifies and the civil registrar corrects the certificate.",
      },
      { id: "Terima akta yang sudah dibetulkan.", en: "Receive the corrected certificate." },
    ],
    submission: {
      channels: ["in-person", "online"],
      where: { id: "Satpel Dukcapil atau Alpukat Betawi", en: "Dukcapil unit or Alpukat Betawi" },
      url: URL_ALPUKAT,
      hours: HOURS,
    },
    complaint: COMPLAINT_DUKCAPIL,
    questions: [
      {
        id: "ganti-nama",
        kind: "yes-no",
        text: {
          id: "Apakah yang diminta adalah penggantian nama atau data yang memang berbeda, bukan salah ketik?",
          en: "Is the request a change of name or of data that is really different, rather than a typing error?",
        },
      },
    ],
    eligibility: [
      {
        id: "hanya-salah-tulis",
        when: { q: "ganti-nama", is: true },
        message: {
          id: "Pembetulan hanya untuk salah tulis redaksional. Penggantian nama harus dengan penetapan pengadilan negeri, lalu dicatatkan di Dukcapil paling lambat 30 hari setelah penetapan diterima.",
          en: "A correction covers clerical errors only. A change of name needs a district court order, then registration at Dukcapil within 30 days of receiving it.",
        },
        source: "UU 23/2006 Pasal 52 dan Pasal 71; Permendagri 108/2019",
      },
    ],
    requirements: [
      {
        id: "akta-salah",
        kind: "document",
        label: { id: "Kutipan akta yang salah", en: "The certificate extract with the error" },
        acceptance: { form: "original" },
        ...PAGES_AKTA,
      },
      {
        id: "bukti-data-benar",
        kind: "document",
        label: {
          id: "Dokumen autentik yang memuat data yang benar (misalnya ijazah, buku nikah, atau KK)",
          en: "Authentic document with the correct data (e.g. a diploma, marriage book or KK)",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        allPagesWithEntries: true,
        pagesNote: {
          id: "Setiap halaman yang memuat data yang dibetulkan dan identitas pemiliknya (buku nikah: halaman data suami dan istri; KK: seluruh lembar).",
          en: "Every page with the corrected data and the holder's identity (marriage book: the husband's and wife's pages; KK: the whole sheet).",
        },
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
      note: `${SOURCE_DUKCAPIL} Pembetulan dilakukan oleh Dukcapil yang menerbitkan akta, di mana pun pemohon kini tinggal.`,
      needsOfficeConfirmation: true,
    },
  },
];
