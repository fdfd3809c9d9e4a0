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
  OFFICE_KELURAHAN,
  PENGANTAR_RT_RW,
  Q_DIWAKILKAN,
  SOURCE_DUKCAPIL,
  SOURCE_PTSP,
  SUBMIT_AT_KELURAHAN,
  SURAT_KUASA,
  URL_ALPUKAT,
} from "./common";

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
          id: "Surat keterangan/pengantar dari kelurahan atau desa asal",
          en: "Letter from the kelurahan or village of origin",
        },
        acceptance: { form: "original" },
        when: { q: "pendatang", is: true },
      },
      {
        id: "bukti-tempat-tinggal",
        kind: "document",
        label: {
          id: "Perjanjian sewa/kontrak atau surat pernyataan pemilik rumah yang ditumpangi",
          en: "Rental agreement or a statement from the owner of the house where the applicant stays",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "menumpang", is: true },
      },
      SURAT_KUASA,
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "ktp-el-baru",
    version: 1,
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
        id: "sudah-kawin",
        kind: "yes-no",
        text: {
          id: "Apakah pemohon belum 17 tahun tetapi sudah atau pernah kawin?",
          en: "Is the applicant under 17 but married or previously married?",
        },
      },
    ],
    requirements: [
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "Kartu Keluarga (KK) yang memuat nama pemohon", en: "Family card (KK) listing the applicant" },
        acceptance: { form: "original" },
      },
      {
        id: "usia-17",
        kind: "data",
        label: {
          id: "Pemohon sudah berusia 17 tahun (sesuai tanggal lahir di KK)",
          en: "The applicant is 17 or older (birth date on the KK)",
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
        when: { q: "sudah-kawin", is: true },
      },
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "penggantian-ktp-el",
    version: 1,
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
        acceptance: { form: "original" },
      },
      {
        id: "ktp-el-rusak",
        kind: "document",
        label: { id: "KTP-el yang rusak", en: "The damaged KTP-el" },
        acceptance: { form: "original" },
        when: { q: "alasan", is: "rusak" },
      },
      {
        id: "surat-kehilangan",
        kind: "document",
        label: { id: "Surat keterangan kehilangan dari kepolisian", en: "Loss report letter from the police" },
        acceptance: { form: "original" },
        when: { q: "alasan", is: "hilang" },
      },
      {
        id: "ktp-el-lama",
        kind: "document",
        label: { id: "KTP-el lama", en: "The old KTP-el" },
        acceptance: { form: "original" },
        when: { q: "alasan", is: "perubahan-data" },
      },
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "kartu-identitas-anak",
    version: 1,
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
    ],
    requirements: [
      {
        id: "akta-kelahiran",
        kind: "document",
        label: { id: "Kutipan akta kelahiran anak", en: "Child's birth certificate extract" },
        acceptance: { form: "original-and-copy", copies: 1 },
      },
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "Kartu Keluarga (KK) orang tua/wali", en: "Parents' or guardian's family card (KK)" },
        acceptance: { form: "original" },
      },
      {
        id: "ktp-el-orang-tua",
        kind: "document",
        label: { id: "KTP-el kedua orang tua/wali", en: "KTP-el of both parents or the guardian" },
        acceptance: { form: "original" },
      },
      {
        id: "pas-foto",
        kind: "document",
        label: { id: "Pas foto berwarna anak ukuran 2x3", en: "Colour passport photo of the child, 2x3 cm" },
        acceptance: { form: "original", copies: 2 },
        when: { q: "usia-5-tahun", is: true },
      },
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-pindah",
    version: 1,
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
    questions: [Q_DIWAKILKAN],
    requirements: [
      {
        id: "kartu-keluarga",
        kind: "document",
        label: { id: "Kartu Keluarga (KK)", en: "Family card (KK)" },
        acceptance: { form: "original" },
      },
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el anggota keluarga yang pindah", en: "KTP-el of the family members who move" },
        acceptance: { form: "original" },
      },
      {
        id: "alamat-tujuan",
        kind: "data",
        label: {
          id: "Alamat tujuan lengkap dan alasan pindah (diisi di formulir perpindahan)",
          en: "Full destination address and reason for moving (on the moving form)",
        },
      },
      SURAT_KUASA,
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "pindah-datang",
    version: 1,
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
      Q_DIWAKILKAN,
    ],
    requirements: [
      {
        id: "skpwni",
        kind: "document",
        label: { id: "SKPWNI dari daerah asal", en: "SKPWNI from the place of origin" },
        acceptance: { form: "original" },
      },
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el lama anggota keluarga yang pindah", en: "Old KTP-el of the family members who move" },
        acceptance: { form: "original" },
      },
      PENGANTAR_RT_RW,
      {
        id: "persetujuan-kepala-keluarga",
        kind: "statement",
        label: {
          id: "Surat pernyataan kesediaan kepala keluarga yang ditumpangi, beserta KK-nya",
          en: "Consent statement from the head of the family being joined, with that family's KK",
        },
        acceptance: { form: "original" },
        when: { q: "numpang-kk", is: true },
      },
      {
        id: "bukti-tempat-tinggal",
        kind: "document",
        label: {
          id: "Perjanjian sewa atau surat pernyataan pemilik rumah",
          en: "Rental agreement or a statement from the house owner",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        when: { q: "rumah-orang-lain", is: true },
      },
      SURAT_KUASA,
    ],
    source: { note: SOURCE_DUKCAPIL, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-beda-nama",
    version: 1,
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
          id: "Dokumen yang namanya berbeda (ijazah, akta kelahiran, buku nikah, paspor, dsb.)",
          en: "The documents with the differing name (diploma, birth certificate, marriage book, passport, etc.)",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
      },
      {
        id: "surat-pernyataan",
        kind: "statement",
        label: {
          id: "Surat pernyataan bermeterai bahwa nama-nama tersebut adalah orang yang sama",
          en: "Statement on duty stamp that the names refer to the same person",
        },
        acceptance: { form: "original", stamped: true },
      },
      SURAT_KUASA,
    ],
    source: { note: SOURCE_PTSP, needsOfficeConfirmation: true },
  },
  {
    id: "pengantar-skck",
    version: 1,
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
    requirements: [
      {
        id: "akta-salah",
        kind: "document",
        label: { id: "Kutipan akta yang salah", en: "The certificate extract with the error" },
        acceptance: { form: "original" },
      },
      {
        id: "bukti-data-benar",
        kind: "document",
        label: {
          id: "Dokumen autentik yang memuat data yang benar (misalnya ijazah, buku nikah, KK)",
          en: "Authentic document with the correct data (e.g. diploma, marriage book, KK)",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
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
];
