import type { GuideInput } from "../../../shared/guide";
import {
  COMPLAINT_OSS,
  HOURS,
  HOURS_ONLINE,
  KK_PEMOHON,
  KTP_PEMOHON,
  LEGAL_PP_5_2021,
  PAGES_PDF,
  SOURCE_OSS_PP28,
  URL_OSS,
} from "./common";

export const kesehatanPendidikan: GuideInput[] = [
  {
    id: "spp-irt",
    version: 1,
    title: {
      id: "Sertifikat Produksi Pangan Industri Rumah Tangga (SPP-IRT)",
      en: "Home-Industry Food Production Certificate (SPP-IRT)",
    },
    summary: {
      id: "Izin edar untuk pangan olahan produksi rumahan yang awet (misalnya keripik, kue kering, sambal kemasan), diajukan lewat OSS setelah punya NIB dan diproses Dinas Kesehatan. Tidak berlaku untuk pangan tertentu seperti susu dan olahannya, makanan bayi, atau pangan beku; produk itu harus izin BPOM.",
      en: "The distribution permit for shelf-stable home-made processed food (e.g. chips, biscuits, bottled sambal), applied for through OSS after getting an NIB and processed by the health office. It does not cover certain foods such as milk products, baby food or frozen food, which need a BPOM licence.",
    },
    category: "kesehatan-pendidikan",
    keywords: [
      "PIRT",
      "P-IRT",
      "izin makanan rumahan",
      "izin edar",
      "UMKM makanan",
      "keamanan pangan",
      "label kemasan",
    ],
    office: {
      name: {
        id: "Sistem OSS, diproses Suku Dinas Kesehatan Kota Administrasi",
        en: "OSS online system, processed by the city health office",
      },
      level: "kota",
    },
    legalBasis: [
      "PP 86/2019 tentang Keamanan Pangan",
      "Peraturan BPOM 22/2018 tentang Pedoman Pemberian Sertifikat Produksi Pangan Industri Rumah Tangga",
      LEGAL_PP_5_2021,
    ],
    fee: {
      amount: 0,
      note: {
        id: "Tidak ada tarif di OSS. Jika diminta biaya penyuluhan atau pemeriksaan, minta dasar hukum dan tanda terima resmi.",
        en: "No fee in OSS. If asked to pay for the training or inspection, ask for the legal basis and an official receipt.",
      },
    },
    serviceTime: {
      workingDays: 14,
      note: {
        id: "Perkiraan; bergantung jadwal penyuluhan keamanan pangan dan pemeriksaan sarana produksi.",
        en: "Estimate; depends on the food-safety training schedule and inspection of the production site.",
      },
    },
    product: {
      id: "SPP-IRT dengan nomor P-IRT untuk dicantumkan di label",
      en: "SPP-IRT with a P-IRT number to print on the label",
    },
    steps: [
      {
        id: "Buat NIB di OSS dengan KBLI industri pangan olahan yang sesuai.",
        en: "Get an NIB in OSS with the matching processed-food industry KBLI code.",
      },
      {
        id: "Ikuti penyuluhan keamanan pangan (PKP) dan dapatkan sertifikatnya.",
        en: "Attend the food-safety training (PKP) and get its certificate.",
      },
      {
        id: "Ajukan SPP-IRT di OSS dan unggah label serta data produk.",
        en: "Apply for the SPP-IRT in OSS and upload the label and product data.",
      },
      {
        id: "Terima pemeriksaan sarana produksi oleh petugas Dinas Kesehatan.",
        en: "Receive the health office's inspection of the production site.",
      },
      {
        id: "Unduh SPP-IRT dan cantumkan nomor P-IRT di label.",
        en: "Download the SPP-IRT and put the P-IRT number on the label.",
      },
    ],
    submission: {
      channels: ["online", "in-person"],
      where: {
        id: "oss.go.id; pendampingan di PTSP atau Suku Dinas Kesehatan",
        en: "oss.go.id; assistance at the PTSP or the city health office",
      },
      url: URL_OSS,
      hours: HOURS_ONLINE,
    },
    complaint: COMPLAINT_OSS,
    questions: [
      {
        id: "pangan-dikecualikan",
        kind: "yes-no",
        text: {
          id: "Apakah produknya susu atau olahan susu, makanan bayi, olahan daging, ikan, atau unggas yang harus disimpan beku, pangan kaleng, air minum dalam kemasan, atau minuman beralkohol?",
          en: "Is the product milk or a dairy product, baby food, meat, fish or poultry products that must be kept frozen, canned food, bottled drinking water, or an alcoholic drink?",
        },
      },
    ],
    eligibility: [
      {
        id: "jenis-pangan-irt",
        when: { q: "pangan-dikecualikan", is: true },
        message: {
          id: "Pangan jenis ini tidak dapat memperoleh SPP-IRT; produknya memerlukan izin edar BPOM (nomor MD).",
          en: "This kind of food cannot get an SPP-IRT; it needs a BPOM distribution licence (MD number).",
        },
        source: "Peraturan BPOM 22/2018 (jenis pangan produksi IRT)",
      },
    ],
    requirements: [
      {
        id: "nib",
        kind: "document",
        label: { id: "NIB dengan KBLI industri pangan olahan", en: "NIB with a processed-food industry KBLI code" },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
      },
      {
        id: "sertifikat-pkp",
        kind: "document",
        label: {
          id: "Sertifikat Penyuluhan Keamanan Pangan (PKP) pemilik atau penanggung jawab",
          en: "Food-safety training (PKP) certificate of the owner or person in charge",
        },
        acceptance: { form: "digital", formats: ["pdf", "jpg"] },
        minPages: 1,
        pagesNote: {
          id: "Halaman sertifikat yang memuat nama peserta dan tanda tangan; PDF dalam satu berkas.",
          en: "The certificate page with the participant's name and signature; a PDF as one file.",
        },
      },
      {
        id: "rancangan-label",
        kind: "document",
        label: {
          id: "Rancangan label kemasan (nama produk, komposisi, berat bersih, nama dan alamat produsen, tanggal kedaluwarsa)",
          en: "Draft packaging label (product name, ingredients, net weight, producer's name and address, expiry date)",
        },
        acceptance: { form: "digital", formats: ["jpg", "png", "pdf"] },
        minPages: 1,
      },
      {
        id: "data-produk",
        kind: "data",
        label: {
          id: "Data produk: komposisi, proses produksi, jenis kemasan, dan masa simpan",
          en: "Product data: ingredients, production process, packaging and shelf life",
        },
      },
      {
        id: "denah-sarana",
        kind: "document",
        label: { id: "Denah tempat produksi", en: "Layout of the production area" },
        acceptance: { form: "digital", formats: ["jpg", "pdf"] },
        minPages: 1,
      },
      {
        id: "foto-sarana",
        kind: "document",
        label: { id: "Foto tempat produksi", en: "Photos of the production area" },
        acceptance: { form: "digital", formats: ["jpg", "png"] },
        minPages: 2,
        pagesNote: {
          id: "Paling sedikit dua foto: ruang produksi dan tempat penyimpanan bahan atau produk.",
          en: "At least two photos: the production room and where ingredients or products are stored.",
        },
      },
      // A commitment made in OSS, not a paper the applicant signs.
      {
        id: "pernyataan-cppb-irt",
        kind: "data",
        label: {
          id: "Pernyataan kesanggupan menerapkan cara produksi pangan yang baik untuk IRT (CPPB-IRT) sudah disetujui di OSS",
          en: "Commitment to good home-industry food production practice (CPPB-IRT) accepted in OSS",
        },
      },
    ],
    source: { note: SOURCE_OSS_PP28, needsOfficeConfirmation: true },
  },
  {
    id: "jkn-ditanggung-pemprov",
    version: 1,
    title: {
      id: "Pendaftaran JKN (BPJS Kesehatan) Ditanggung Pemprov DKI",
      en: "Enrolling in National Health Insurance (BPJS Kesehatan) Paid by the Jakarta Government",
    },
    // Paid by the provincial budget for residents registered in DKI only.
    residency: "provinsi",
    summary: {
      id: "Warga ber-KTP DKI yang belum punya jaminan kesehatan dapat didaftarkan sebagai peserta JKN yang iurannya dibayar Pemprov DKI (PBPU Pemda), dengan hak rawat kelas III/kelas standar. Pemprov dapat memverifikasi kelayakan, misalnya dengan data DTKS/DTSEN.",
      en: "Residents with a Jakarta ID card who have no health cover can be enrolled in national health insurance (JKN) with contributions paid by the Jakarta government (PBPU Pemda), with class III/standard-class inpatient care. The government may check eligibility, e.g. against the DTKS/DTSEN social registry.",
    },
    category: "kesehatan-pendidikan",
    keywords: ["BPJS gratis", "BPJS Pemda", "KIS", "PBPU Pemda", "jaminan kesehatan", "berobat gratis", "UHC"],
    office: {
      name: {
        id: "Puskesmas Kecamatan / Kantor Kelurahan",
        en: "Kecamatan community health centre (Puskesmas) / kelurahan office",
      },
      level: "kecamatan",
    },
    legalBasis: [
      "UU 40/2004 tentang Sistem Jaminan Sosial Nasional",
      "UU 24/2011 tentang Badan Penyelenggara Jaminan Sosial",
      "Perpres 82/2018 tentang Jaminan Kesehatan, beserta perubahannya",
    ],
    fee: {
      amount: 0,
      note: {
        id: "Pendaftaran gratis dan iuran dibayar Pemprov DKI.",
        en: "Enrolment is free and contributions are paid by the Jakarta government.",
      },
    },
    serviceTime: {
      workingDays: 14,
      note: {
        id: "Perkiraan sampai kepesertaan aktif; tanyakan di Puskesmas. Dalam keadaan darurat, rumah sakit wajib menolong lebih dulu.",
        en: "Estimate until coverage is active; ask at the Puskesmas. In an emergency, hospitals must treat the patient first.",
      },
    },
    product: {
      id: "Kepesertaan JKN aktif (kartu KIS/JKN digital di aplikasi Mobile JKN)",
      en: "Active JKN membership (digital card in the Mobile JKN app)",
    },
    steps: [
      {
        id: "Pastikan NIK seluruh anggota keluarga aktif dan beralamat DKI Jakarta.",
        en: "Make sure every family member's NIK is active with a Jakarta address.",
      },
      {
        id: "Datang ke Puskesmas kecamatan atau kelurahan dengan KTP-el dan KK.",
        en: "Go to the kecamatan Puskesmas or the kelurahan with the KTP-el and KK.",
      },
      {
        id: "Isi formulir dan pernyataan bersedia dirawat di kelas III/kelas standar.",
        en: "Fill in the form and the statement accepting class III/standard-class care.",
      },
      {
        id: "Data diusulkan ke Dinas Kesehatan dan BPJS Kesehatan.",
        en: "The data is proposed to the health office and BPJS Kesehatan.",
      },
      {
        id: "Cek status kepesertaan di aplikasi Mobile JKN atau Care Center 165.",
        en: "Check the membership status in the Mobile JKN app or call centre 165.",
      },
    ],
    submission: {
      channels: ["in-person"],
      where: {
        id: "Puskesmas Kecamatan atau Kantor Kelurahan",
        en: "Kecamatan Puskesmas or the kelurahan office",
      },
      hours: HOURS,
    },
    complaint: {
      id: "BPJS Kesehatan Care Center 165, SP4N-LAPOR! (lapor.go.id), aplikasi JAKI, atau pengaduan di Puskesmas",
      en: "BPJS Kesehatan call centre 165, SP4N-LAPOR! (lapor.go.id), the JAKI app, or the Puskesmas complaints desk",
    },
    questions: [
      {
        id: "pernah-peserta-mandiri",
        kind: "yes-no",
        text: {
          id: "Apakah pernah terdaftar sebagai peserta BPJS Kesehatan mandiri atau dari tempat kerja?",
          en: "Has the applicant previously been a BPJS Kesehatan member (self-paid or via an employer)?",
        },
      },
      {
        id: "masih-aktif-di-segmen-lain",
        kind: "yes-no",
        text: {
          id: "Apakah pemohon saat ini masih aktif sebagai peserta JKN dari tempat kerja atau sebagai penerima bantuan iuran (PBI)?",
          en: "Is the applicant still an active JKN member through an employer or as a subsidised (PBI) member?",
        },
      },
    ],
    eligibility: [
      {
        id: "satu-segmen",
        when: { q: "masih-aktif-di-segmen-lain", is: true },
        message: {
          id: "Peserta JKN yang masih aktif di segmen lain tidak dapat didaftarkan lagi sebagai peserta yang iurannya dibayar Pemprov: setiap orang hanya punya satu kepesertaan. Pindah segmen diajukan setelah kepesertaan lama berakhir.",
          en: "A JKN member still active in another segment cannot also be enrolled with contributions paid by the Jakarta government: each person has one membership. Switching is possible once the old membership ends.",
        },
        source: "Perpres 82/2018 (satu peserta satu segmen kepesertaan)",
      },
    ],
    requirements: [
      { ...KTP_PEMOHON, label: { id: "KTP-el DKI Jakarta", en: "Jakarta KTP-el" } },
      { ...KK_PEMOHON, label: { id: "Kartu Keluarga (KK) DKI Jakarta", en: "Jakarta family card (KK)" } },
      {
        id: "pernyataan-kelas-3",
        kind: "statement",
        label: {
          id: "Surat pernyataan bersedia dirawat di kelas III atau kelas standar",
          en: "Statement accepting class III or standard-class inpatient care",
        },
        acceptance: { form: "original" },
        statement: {
          title: { id: "Surat Pernyataan Bersedia Dirawat di Kelas III", en: "Statement Accepting Class III Care" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa saya bersedia didaftarkan sebagai peserta Jaminan Kesehatan Nasional yang iurannya dibayar Pemerintah Provinsi DKI Jakarta, dengan hak rawat inap di kelas III atau kelas rawat inap standar, dan tidak akan meminta naik kelas perawatan atas beban iuran tersebut. Saya juga menyatakan bahwa saat ini saya tidak terdaftar sebagai peserta aktif JKN di segmen lain.",
            en: "I hereby truthfully declare that I agree to be enrolled in national health insurance with contributions paid by the Jakarta provincial government, with inpatient care in class III or the standard inpatient class, and will not ask for a higher class at the expense of those contributions. I also declare that I am not currently an active JKN member in another segment.",
          },
        },
      },
      {
        id: "kartu-jkn-lama",
        kind: "document",
        label: {
          id: "Kartu atau nomor peserta JKN lama (status tunggakan diperiksa petugas)",
          en: "Old JKN card or membership number (officers check for arrears)",
        },
        acceptance: { form: "copy", copies: 1 },
        minPages: 1,
        when: { q: "pernah-peserta-mandiri", is: true },
      },
    ],
    source: {
      note: "Disusun dari peraturan JKN dan informasi layanan Dinas Kesehatan DKI Jakarta serta BPJS Kesehatan; ketentuan kelayakan PBPU Pemda dapat berubah, periksa kembali dengan Puskesmas Anda.",
      needsOfficeConfirmation: true,
    },
  },
];
