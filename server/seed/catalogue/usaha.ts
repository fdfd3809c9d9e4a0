import type { GuideInput } from "../../../shared/guide";
import {
  COMPLAINT,
  COMPLAINT_OSS,
  FEE_FREE,
  HOURS_ONLINE,
  KK_PEMOHON,
  KTP_PEMOHON,
  kuasa,
  LEGAL_PELAYANAN_PUBLIK,
  LEGAL_PERDA_PTSP,
  LEGAL_PP_5_2021,
  LEGAL_PP_7_2021,
  OFFICE_KELURAHAN,
  PAGES_AKTA_NOTARIS,
  PAGES_KTP,
  PAGES_PDF,
  PENGANTAR_RT_RW,
  Q_DIWAKILKAN,
  SOURCE_OSS_PP28,
  SOURCE_PTSP,
  SUBMIT_AT_KELURAHAN,
  URL_OSS,
} from "./common";

export const usaha: GuideInput[] = [
  {
    id: "nib-usaha-mikro",
    version: 1,
    title: {
      id: "Nomor Induk Berusaha (NIB) untuk Usaha Mikro dan Kecil",
      en: "Business Identification Number (NIB) for Micro and Small Businesses",
    },
    summary: {
      id: "NIB adalah identitas pelaku usaha yang didaftarkan sendiri lewat OSS. Untuk usaha risiko rendah, NIB sekaligus menjadi izin usaha. NIB menggantikan IUMK (Izin Usaha Mikro Kecil) yang dulu diterbitkan kecamatan.",
      en: "The NIB is a business identity number registered online through OSS. For low-risk businesses the NIB is also the business licence. It replaces the former micro and small business licence (IUMK) that kecamatan offices used to issue.",
    },
    category: "usaha",
    keywords: [
      "izin usaha",
      "UMKM",
      "OSS",
      "IUMK",
      "izin usaha mikro",
      "nomor induk berusaha",
      "izin warung",
      "izin jualan",
    ],
    office: {
      name: {
        id: "Sistem OSS, dibantu Satpel PTSP Kelurahan/Kecamatan",
        en: "OSS online system, with help from the kelurahan or kecamatan PTSP unit",
      },
      level: "kecamatan",
    },
    legalBasis: [
      "UU 6/2023 tentang Penetapan Perppu 2/2022 tentang Cipta Kerja menjadi Undang-Undang",
      LEGAL_PP_5_2021,
      LEGAL_PP_7_2021,
      "Peraturan BKPM 4/2021 tentang Pedoman dan Tata Cara Pelayanan Perizinan Berusaha Berbasis Risiko dan Fasilitas Penanaman Modal",
    ],
    fee: {
      amount: 0,
      note: {
        id: "Gratis. Pendaftaran NIB di OSS tidak dipungut biaya; waspadai calo.",
        en: "Free. Registering an NIB in OSS has no fee; beware of brokers.",
      },
    },
    serviceTime: {
      workingDays: 0,
      note: {
        id: "Usaha risiko rendah mendapat NIB langsung setelah data lengkap.",
        en: "Low-risk businesses receive the NIB immediately once the data is complete.",
      },
    },
    product: {
      id: "NIB (dapat diunduh dari OSS); untuk risiko rendah berlaku sebagai izin usaha",
      en: "NIB (downloadable from OSS); for low-risk businesses it is also the business licence",
    },
    steps: [
      {
        id: "Buat akun OSS di oss.go.id dengan NIK, email, dan nomor HP aktif.",
        en: "Create an OSS account at oss.go.id with your NIK, email and an active phone number.",
      },
      {
        id: "Isi data usaha: alamat, kode KBLI 2020, modal usaha, dan jumlah tenaga kerja.",
        en: "Enter the business data: address, KBLI 2020 code, capital and number of workers.",
      },
      {
        id: "Centang pernyataan mandiri (kesesuaian tata ruang dan kesanggupan memenuhi standar).",
        en: "Tick the self-declarations (spatial compliance and commitment to meet standards).",
      },
      { id: "Terbitkan dan unduh NIB.", en: "Issue and download the NIB." },
      {
        id: "Bila bingung memilih KBLI, minta pendampingan di Satpel PTSP kelurahan/kecamatan.",
        en: "If unsure which KBLI code to choose, ask for help at the kelurahan or kecamatan PTSP unit.",
      },
    ],
    submission: {
      channels: ["online", "in-person"],
      where: {
        id: "oss.go.id; pendampingan di loket PTSP kelurahan/kecamatan",
        en: "oss.go.id; assistance at the kelurahan or kecamatan PTSP counter",
      },
      url: URL_OSS,
      hours: HOURS_ONLINE,
    },
    complaint: COMPLAINT_OSS,
    questions: [
      {
        id: "risiko-menengah",
        kind: "yes-no",
        text: {
          id: "Apakah OSS menilai KBLI usaha berisiko menengah atau tinggi?",
          en: "Does OSS rate the business's KBLI as medium or high risk?",
        },
        help: {
          id: "OSS menampilkan tingkat risiko setelah KBLI dan skala usaha diisi.",
          en: "OSS shows the risk level after the KBLI code and business scale are entered.",
        },
      },
    ],
    requirements: [
      {
        id: "nik",
        kind: "data",
        field: "nik",
        label: { id: "NIK pemilik usaha (sesuai KTP-el)", en: "Owner's NIK (as on the KTP-el)" },
      },
      {
        id: "email-oss",
        kind: "data",
        label: { id: "Alamat email aktif untuk akun OSS", en: "Active email address for the OSS account" },
      },
      {
        id: "nomor-hp",
        kind: "data",
        field: "phone",
        label: { id: "Nomor HP aktif untuk akun OSS", en: "Active phone number for the OSS account" },
      },
      {
        id: "kbli",
        kind: "data",
        label: { id: "Kode KBLI 2020 sesuai jenis usaha", en: "KBLI 2020 code matching the type of business" },
      },
      {
        id: "lokasi-usaha",
        kind: "data",
        label: { id: "Alamat lokasi usaha", en: "Business location address" },
      },
      {
        id: "modal-usaha",
        kind: "data",
        label: {
          id: "Modal usaha, di luar tanah dan bangunan (Rp)",
          en: "Business capital, excluding land and buildings (Rp)",
        },
      },
      {
        id: "jumlah-tenaga-kerja",
        kind: "data",
        label: { id: "Jumlah tenaga kerja", en: "Number of workers" },
      },
      // Ticked in OSS, never signed on paper: the cadre records that it was done, there is nothing to photograph.
      {
        id: "pernyataan-mandiri",
        kind: "data",
        label: {
          id: "Pernyataan mandiri kesesuaian tata ruang (KKPR) dan kesanggupan memenuhi standar sudah dicentang di OSS",
          en: "Self-declaration of spatial compliance (KKPR) and commitment to meet standards ticked in OSS",
        },
      },
      {
        id: "sertifikat-standar",
        kind: "document",
        label: {
          id: "Dokumen pemenuhan sertifikat standar atau izin sesuai KBLI",
          en: "Documents for the standard certificate or licence required for the KBLI",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
        when: { q: "risiko-menengah", is: true },
      },
    ],
    source: { note: SOURCE_OSS_PP28, needsOfficeConfirmation: true },
  },
  {
    id: "surat-keterangan-usaha",
    version: 1,
    title: {
      id: "Surat Keterangan Usaha (SKU) / Domisili Usaha",
      en: "Business Certificate (SKU) / Business Domicile Letter",
    },
    summary: {
      id: "Surat kelurahan yang menerangkan warga benar menjalankan usaha di alamat tertentu, sering diminta bank untuk kredit usaha (KUR) atau untuk bantuan UMKM. SKU bukan izin usaha: untuk legalitas usaha buat NIB di OSS.",
      en: "A kelurahan letter stating that a resident actually runs a business at a given address, often asked for by banks for small business loans (KUR) or SME support. It is not a business licence: for legal status register an NIB in OSS.",
    },
    category: "usaha",
    keywords: ["SKU", "usaha", "izin warung", "domisili usaha", "SKDU", "KUR", "keterangan usaha"],
    office: OFFICE_KELURAHAN,
    legalBasis: [LEGAL_PELAYANAN_PUBLIK, LEGAL_PERDA_PTSP],
    fee: FEE_FREE,
    serviceTime: {
      workingDays: 1,
      note: { id: "Sering selesai di hari yang sama.", en: "Often finished the same day." },
    },
    product: { id: "Surat keterangan usaha dari Lurah", en: "Business certificate signed by the Lurah" },
    steps: [
      {
        id: "Minta surat pengantar RT/RW yang menyebut jenis dan alamat usaha.",
        en: "Get an RT/RW covering letter naming the type and address of the business.",
      },
      {
        id: "Foto tempat usaha dan siapkan surat pernyataan bermeterai.",
        en: "Photograph the business premises and prepare the statement on duty stamp.",
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
        id: "tempat-sewa",
        kind: "yes-no",
        text: {
          id: "Apakah tempat usaha disewa atau milik orang lain?",
          en: "Is the business premises rented or owned by someone else?",
        },
      },
      Q_DIWAKILKAN,
    ],
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      KK_PEMOHON,
      {
        id: "data-usaha",
        kind: "data",
        label: {
          id: "Nama, jenis, alamat usaha, dan sejak kapan berjalan",
          en: "Business name, type, address and how long it has been running",
        },
      },
      {
        id: "foto-usaha",
        kind: "document",
        label: { id: "Foto tempat usaha", en: "Photo of the business premises" },
        acceptance: { form: "original", formats: ["jpg", "png"] },
        minPages: 1,
        pagesNote: {
          id: "Tampak depan tempat usaha dengan papan nama atau barang dagangan terlihat.",
          en: "The front of the premises with the sign or the goods visible.",
        },
      },
      {
        id: "pernyataan-usaha",
        kind: "statement",
        label: {
          id: "Surat pernyataan bermeterai bahwa usaha benar ada dan tidak mengganggu lingkungan",
          en: "Statement on duty stamp that the business exists and does not disturb the neighbourhood",
        },
        acceptance: { form: "original", stamped: true },
        statement: {
          title: { id: "Surat Pernyataan Usaha", en: "Business Statement" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa saya menjalankan usaha …………………………… dengan nama …………………………… yang beralamat di …………………………… sejak ……………………. Usaha tersebut benar ada, dijalankan sendiri, dan tidak mengganggu ketertiban, kebersihan, serta ketenteraman lingkungan. Apabila di kemudian hari usaha tersebut mengganggu lingkungan, saya bersedia menghentikannya sesuai ketentuan.",
            en: "I hereby truthfully declare that I run a …………………………… business named …………………………… at …………………………… since ……………………. The business really exists, is run by me, and does not disturb the neighbourhood's order, cleanliness or peace. Should it disturb the neighbourhood in future, I agree to stop it as the rules require.",
          },
        },
      },
      {
        id: "bukti-sewa",
        kind: "document",
        label: {
          id: "Perjanjian sewa atau izin tertulis pemilik tempat",
          en: "Rental agreement or the owner's written permission",
        },
        acceptance: { form: "copy", copies: 1 },
        ...PAGES_AKTA_NOTARIS,
        when: { q: "tempat-sewa", is: true },
      },
      ...kuasa({ id: "Surat Keterangan Usaha", en: "the Business Certificate" }),
    ],
    source: {
      note: `${SOURCE_PTSP} Sebagian kantor tidak lagi menerbitkan SKU dan mengarahkan ke NIB. Kantornya mengikuti lokasi usaha, bukan alamat rumah pemohon.`,
      needsOfficeConfirmation: true,
    },
  },
  {
    id: "sertifikat-halal-self-declare",
    version: 1,
    title: {
      id: "Sertifikat Halal Jalur Pernyataan Pelaku Usaha (Self Declare)",
      en: "Halal Certificate via Self-Declaration",
    },
    summary: {
      id: "Sertifikasi halal untuk usaha mikro dan kecil dengan produk sederhana yang bahannya sudah jelas halal, melalui pernyataan pelaku usaha yang diverifikasi pendamping Proses Produk Halal (PPH), diajukan di SIHALAL BPJPH.",
      en: "Halal certification for micro and small businesses with simple products whose ingredients are known to be halal, through the owner's self-declaration verified by a halal process assistant (pendamping PPH), submitted in BPJPH's SIHALAL system.",
    },
    category: "usaha",
    keywords: ["halal", "sertifikat halal", "SEHATI", "halal gratis", "BPJPH", "SIHALAL", "UMKM"],
    office: {
      name: {
        id: "BPJPH Kementerian Agama (SIHALAL), dibantu pendamping PPH",
        en: "Halal Product Assurance Agency (BPJPH) via SIHALAL, with a halal process assistant",
      },
      level: "provinsi",
    },
    legalBasis: [
      "UU 33/2014 tentang Jaminan Produk Halal, sebagaimana diubah dengan UU 6/2023",
      "PP 39/2021 tentang Penyelenggaraan Bidang Jaminan Produk Halal",
    ],
    fee: {
      amount: 0,
      note: {
        id: "Gratis bagi UMK lewat program Sertifikasi Halal Gratis (SEHATI) selama kuota tersedia; di luar program, tarif mengikuti ketentuan BPJPH.",
        en: "Free for micro and small businesses through the free halal certification programme (SEHATI) while quota lasts; otherwise BPJPH's official tariff applies.",
      },
    },
    serviceTime: {
      workingDays: 12,
      note: {
        id: "Perkiraan setelah verifikasi pendamping selesai; dapat berbeda.",
        en: "Estimate after the assistant's verification is done; may vary.",
      },
    },
    product: { id: "Sertifikat halal elektronik", en: "Electronic halal certificate" },
    steps: [
      {
        id: "Pastikan sudah punya NIB dan produk memenuhi kriteria self declare.",
        en: "Make sure you have an NIB and the product meets the self-declaration criteria.",
      },
      {
        id: "Buat akun di ptsp.halal.go.id dan pilih pendamping PPH.",
        en: "Create an account at ptsp.halal.go.id and choose a halal process assistant.",
      },
      {
        id: "Isi data produk, bahan, dan proses produksi bersama pendamping.",
        en: "Enter the product, ingredient and production data with the assistant.",
      },
      {
        id: "Pendamping memverifikasi; berkas disidangkan Komite Fatwa.",
        en: "The assistant verifies; the file goes to the Halal Fatwa Committee.",
      },
      { id: "Unduh sertifikat halal dari SIHALAL.", en: "Download the halal certificate from SIHALAL." },
    ],
    submission: {
      channels: ["online"],
      where: { id: "SIHALAL (ptsp.halal.go.id)", en: "SIHALAL (ptsp.halal.go.id)" },
      url: "https://ptsp.halal.go.id",
      hours: HOURS_ONLINE,
    },
    complaint: {
      id: "Layanan pengaduan BPJPH, SP4N-LAPOR! (lapor.go.id), atau aplikasi JAKI",
      en: "BPJPH complaint service, SP4N-LAPOR! (lapor.go.id), or the JAKI app",
    },
    questions: [
      {
        id: "bahan-hewani-belum-halal",
        kind: "yes-no",
        text: {
          id: "Apakah produk memakai daging atau bahan hewani yang belum bersertifikat halal (misalnya dari pemotongan sendiri)?",
          en: "Does the product use meat or animal ingredients without a halal certificate (e.g. slaughtered by the owner)?",
        },
      },
    ],
    eligibility: [
      {
        id: "bahan-sudah-pasti-halal",
        when: { q: "bahan-hewani-belum-halal", is: true },
        message: {
          id: "Jalur pernyataan pelaku usaha hanya untuk produk yang bahannya sudah dipastikan halal. Daging atau bahan hewani harus dari rumah potong atau pemasok bersertifikat halal; bila tidak, ajukan sertifikasi halal jalur reguler.",
          en: "The self-declaration route is only for products whose ingredients are already known to be halal. Meat and animal ingredients must come from a halal-certified slaughterhouse or supplier; otherwise apply through the regular halal certification route.",
        },
        source: "PP 39/2021 Pasal 79; kriteria self declare BPJPH",
      },
    ],
    requirements: [
      {
        id: "nib",
        kind: "document",
        label: { id: "NIB dari OSS", en: "NIB from OSS" },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
      },
      {
        id: "ktp-el",
        kind: "document",
        label: { id: "KTP-el pemilik usaha", en: "Business owner's KTP-el" },
        acceptance: { form: "digital", formats: ["jpg", "pdf"] },
        ...PAGES_KTP,
      },
      {
        id: "data-produk-bahan",
        kind: "data",
        label: {
          id: "Daftar produk dan semua bahan yang dipakai (merek dan pemasok)",
          en: "List of products and all ingredients used (brands and suppliers)",
        },
      },
      {
        id: "alur-produksi",
        kind: "data",
        label: { id: "Alur proses produksi", en: "Description of the production process" },
      },
      {
        id: "foto-produk-tempat",
        kind: "document",
        label: { id: "Foto produk dan tempat produksi", en: "Photos of the products and production area" },
        acceptance: { form: "digital", formats: ["jpg", "png"] },
        minPages: 2,
        pagesNote: {
          id: "Paling sedikit dua foto: produk dalam kemasannya, dan tempat produksi.",
          en: "At least two photos: the product in its packaging, and the production area.",
        },
      },
      // Made in SIHALAL, not on paper: the cadre records that it was done.
      {
        id: "ikrar-halal",
        kind: "data",
        label: {
          id: "Pernyataan pelaku usaha (ikrar) tentang kehalalan produk dan bahan sudah diisi di SIHALAL",
          en: "Owner's declaration (pledge) on the halal status of the products and ingredients completed in SIHALAL",
        },
      },
    ],
    source: {
      note: "Disusun dari UU 33/2014, PP 39/2021 dan informasi layanan BPJPH (ptsp.halal.go.id); periksa kriteria dan kuota SEHATI terbaru.",
      needsOfficeConfirmation: true,
    },
  },
];
