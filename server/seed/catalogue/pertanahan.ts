import type { GuideInput } from "../../../shared/guide";
import {
  COMPLAINT,
  COMPLAINT_OSS,
  FEE_FREE,
  HOURS_ONLINE,
  KTP_PEMOHON,
  ktpSaksi,
  kuasa,
  LEGAL_PELAYANAN_PUBLIK,
  LEGAL_PP_5_2021,
  OFFICE_KELURAHAN,
  PAGES_AKTA,
  PAGES_PDF,
  PENGANTAR_RT_RW,
  Q_DIWAKILKAN,
  SOURCE_OSS_PP28,
  SOURCE_PTSP,
  SUBMIT_AT_KELURAHAN,
  URL_OSS,
} from "./common";

export const pertanahan: GuideInput[] = [
  {
    id: "surat-keterangan-riwayat-tanah",
    version: 1,
    title: {
      id: "Surat Keterangan Riwayat Tanah dan Penguasaan Fisik (Sporadik)",
      en: "Land History Letter and Statement of Physical Possession (Sporadik)",
    },
    summary: {
      id: "Surat kelurahan tentang riwayat tanah yang belum bersertifikat (girik, verponding, AJB lama), beserta surat pernyataan penguasaan fisik (sporadik) dan tidak sengketa, untuk pendaftaran tanah pertama kali di Kantor Pertanahan (BPN).",
      en: "A kelurahan letter on the history of uncertified land (girik, verponding, old deeds of sale), with the statement of physical possession (sporadik) and of no dispute, used for first registration at the Land Office (BPN).",
    },
    category: "pertanahan",
    keywords: ["riwayat tanah", "girik", "sporadik", "sertifikat tanah", "tidak sengketa", "surat tanah", "PTSL"],
    office: OFFICE_KELURAHAN,
    legalBasis: [
      "PP 24/1997 tentang Pendaftaran Tanah",
      "PP 18/2021 tentang Hak Pengelolaan, Hak atas Tanah, Satuan Rumah Susun, dan Pendaftaran Tanah",
      "Peraturan Menteri Negara Agraria/Kepala BPN 3/1997 tentang Ketentuan Pelaksanaan PP 24/1997",
      LEGAL_PELAYANAN_PUBLIK,
    ],
    fee: FEE_FREE,
    serviceTime: {
      workingDays: 5,
      note: {
        id: "Perkiraan; termasuk pengecekan buku tanah/letter C dan lapangan di kelurahan.",
        en: "Estimate; includes checking the kelurahan's land ledger and the site.",
      },
    },
    product: {
      id: "Surat keterangan riwayat tanah dari Lurah, serta sporadik dan pernyataan tidak sengketa yang diketahui Lurah",
      en: "Land history letter signed by the Lurah, with the sporadik and no-dispute statements acknowledged by the Lurah",
    },
    steps: [
      { id: "Minta surat pengantar RT/RW.", en: "Get the RT/RW covering letter." },
      {
        id: "Siapkan dokumen tanah lama dan minta tetangga batas menandatangani denah/batas tanah.",
        en: "Prepare the old land documents and have the neighbours on each boundary sign the boundary sketch.",
      },
      {
        id: "Tanda tangani sporadik dan pernyataan tidak sengketa di atas meterai dengan dua saksi.",
        en: "Sign the sporadik and no-dispute statements on duty stamps with two witnesses.",
      },
      {
        id: "Serahkan berkas di PTSP kelurahan; petugas mencocokkan dengan arsip tanah kelurahan.",
        en: "Submit the file at the kelurahan PTSP; the officer checks it against the kelurahan land records.",
      },
      {
        id: "Bawa hasilnya ke Kantor Pertanahan untuk pendaftaran sertifikat.",
        en: "Take the result to the Land Office to register for a title certificate.",
      },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    questions: [
      {
        id: "tanah-warisan",
        kind: "yes-no",
        text: {
          id: "Apakah tanah berasal dari warisan dan masih atas nama almarhum?",
          en: "Is the land inherited and still in the deceased's name?",
        },
      },
      Q_DIWAKILKAN,
    ],
    requirements: [
      PENGANTAR_RT_RW,
      KTP_PEMOHON,
      {
        id: "bukti-tanah-lama",
        kind: "document",
        label: {
          id: "Bukti tanah lama (girik, letter C, verponding, akta jual beli, atau akta hibah)",
          en: "Old land evidence (girik, letter C, verponding, deed of sale or gift deed)",
        },
        acceptance: { form: "original-and-copy", copies: 1 },
        // The back of a girik records every transfer; a deed runs to several pages.
        allPagesWithEntries: true,
        pagesNote: {
          id: "Kedua sisi girik atau letter C (sisi belakang memuat catatan peralihan), atau semua halaman akta termasuk halaman tanda tangan.",
          en: "Both sides of the girik or letter C (the back records transfers), or every page of the deed including the signature page.",
        },
      },
      {
        id: "sppt-pbb",
        kind: "document",
        label: { id: "SPPT PBB tahun berjalan", en: "This year's land and building tax (PBB) bill" },
        acceptance: { form: "copy", copies: 1 },
        minPages: 1,
      },
      {
        id: "bukti-bayar-pbb",
        kind: "document",
        label: { id: "Bukti lunas PBB tahun berjalan", en: "Receipt for this year's PBB payment" },
        acceptance: { form: "copy", copies: 1 },
        minPages: 1,
      },
      {
        id: "sporadik",
        kind: "statement",
        label: {
          id: "Surat pernyataan penguasaan fisik bidang tanah (sporadik) bermeterai dengan dua saksi",
          en: "Statement of physical possession of the land (sporadik) on duty stamp with two witnesses",
        },
        acceptance: { form: "original", stamped: true },
        statement: {
          title: {
            id: "Surat Pernyataan Penguasaan Fisik Bidang Tanah (Sporadik)",
            en: "Statement of Physical Possession of a Land Parcel (Sporadik)",
          },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa saya menguasai secara fisik sebidang tanah seluas …………… m² yang terletak di ……………………………, RT ……/RW ……, dengan batas-batas: utara ……………………, timur ……………………, selatan ……………………, barat ……………………. Tanah tersebut saya peroleh dari …………………………… dengan cara …………………… sejak tahun ……………, dikuasai secara terus-menerus dan dengan itikad baik, tidak dijadikan jaminan utang, dan bukan tanah milik negara atau aset instansi. Pernyataan ini disaksikan oleh dua orang saksi yang turut bertanda tangan.",
            en: "I hereby truthfully declare that I physically possess a parcel of land of …………… m² located at ……………………………, RT ……/RW ……, bounded to the north by ……………………, east by ……………………, south by …………………… and west by ……………………. I acquired it from …………………………… by …………………… in ……………, have held it continuously and in good faith, it is not pledged as security for a debt, and it is not state land or an agency's asset. Two witnesses sign this statement with me.",
          },
          witnesses: 2,
        },
      },
      {
        id: "pernyataan-tidak-sengketa",
        kind: "statement",
        label: {
          id: "Surat pernyataan tanah tidak dalam sengketa bermeterai, dengan dua saksi",
          en: "Statement on duty stamp that the land is not in dispute, with two witnesses",
        },
        acceptance: { form: "original", stamped: true },
        statement: {
          title: { id: "Surat Pernyataan Tidak Sengketa", en: "Statement of No Dispute" },
          body: {
            id: "Dengan ini menyatakan dengan sebenarnya bahwa bidang tanah seluas …………… m² yang terletak di ……………………………, yang saya kuasai, tidak dalam sengketa atau perkara dengan pihak mana pun, tidak sedang dijaminkan, dan batas-batasnya telah disetujui para pemilik tanah yang berbatasan. Apabila di kemudian hari timbul sengketa, saya bertanggung jawab sepenuhnya dan tidak akan melibatkan Lurah maupun pejabat yang menerbitkan surat keterangan. Pernyataan ini disaksikan oleh dua orang saksi yang turut bertanda tangan.",
            en: "I hereby truthfully declare that the parcel of land of …………… m² at ……………………………, which I hold, is not in dispute or litigation with anyone, is not pledged, and its boundaries have been agreed by the neighbouring owners. Should a dispute arise later, I take full responsibility and will not involve the Lurah or the officials who issue the letter. Two witnesses sign this statement with me.",
          },
          witnesses: 2,
        },
      },
      // The same two witnesses may sign both statements.
      ...ktpSaksi(undefined),
      {
        id: "denah-batas",
        kind: "document",
        label: {
          id: "Denah lokasi dan batas tanah yang ditandatangani tetangga batas",
          en: "Site and boundary sketch signed by the neighbouring owners",
        },
        acceptance: { form: "original" },
        minPages: 1,
      },
      {
        id: "surat-ahli-waris",
        kind: "document",
        label: { id: "Surat keterangan ahli waris", en: "Heirship certificate" },
        acceptance: { form: "copy", copies: 1 },
        allPagesWithEntries: true,
        pagesNote: {
          id: "Semua halaman, termasuk halaman tanda tangan para ahli waris, saksi, Lurah, dan Camat.",
          en: "Every page, including the one signed by the heirs, the witnesses, the Lurah and the Camat.",
        },
        when: { q: "tanah-warisan", is: true },
      },
      {
        id: "akta-kematian-pewaris",
        kind: "document",
        label: { id: "Akta kematian pewaris", en: "The deceased's death certificate" },
        acceptance: { form: "copy", copies: 1 },
        ...PAGES_AKTA,
        when: { q: "tanah-warisan", is: true },
      },
      ...kuasa({ id: "Surat Keterangan Riwayat Tanah", en: "the Land History Letter" }),
    ],
    source: {
      note: `${SOURCE_PTSP} PP 18/2021 Pasal 96 meminta bukti tanah bekas milik adat (girik) segera didaftarkan ke Kantor Pertanahan. Isi sporadik mengikuti PMNA/Ka BPN 3/1997. Kantornya mengikuti letak tanah, bukan alamat pemohon.`,
      needsOfficeConfirmation: true,
    },
  },
  {
    id: "kkpr-kegiatan-usaha",
    version: 1,
    title: {
      id: "Kesesuaian Kegiatan Pemanfaatan Ruang (KKPR) untuk Usaha",
      en: "Spatial Use Compliance (KKPR) for a Business",
    },
    summary: {
      id: "KKPR memastikan lokasi usaha sesuai rencana tata ruang (RDTR). Usaha mikro dan kecil cukup dengan pernyataan mandiri saat membuat NIB di OSS; usaha lain mendapat Konfirmasi KKPR otomatis bila RDTR sudah terintegrasi di OSS, atau Persetujuan KKPR jika belum.",
      en: "KKPR confirms that a business location complies with the detailed spatial plan (RDTR). Micro and small businesses only self-declare when getting their NIB in OSS; others get an automatic KKPR confirmation where the RDTR is integrated in OSS, or a KKPR approval where it is not.",
    },
    category: "pertanahan",
    keywords: ["KKPR", "PKKPR", "KKKPR", "tata ruang", "zonasi", "RDTR", "izin lokasi", "peruntukan lahan"],
    office: {
      name: {
        id: "Sistem OSS / DPMPTSP Provinsi DKI Jakarta",
        en: "OSS online system / DKI Jakarta Investment and One-Stop Service Office (DPMPTSP)",
      },
      level: "provinsi",
    },
    legalBasis: [
      "PP 21/2021 tentang Penyelenggaraan Penataan Ruang",
      LEGAL_PP_5_2021,
      "Pergub DKI Jakarta 31/2022 tentang Rencana Detail Tata Ruang Wilayah Perencanaan Provinsi DKI Jakarta",
    ],
    fee: {
      amount: 0,
      note: {
        id: "Pernyataan mandiri dan Konfirmasi KKPR di OSS gratis. Persetujuan KKPR dapat dikenai PNBP sesuai ketentuan Kementerian ATR/BPN.",
        en: "Self-declaration and KKPR confirmation in OSS are free. A KKPR approval may carry a state fee set by the Ministry of Agrarian Affairs (ATR/BPN).",
      },
    },
    serviceTime: {
      workingDays: 0,
      note: {
        id: "Pernyataan mandiri dan Konfirmasi KKPR terbit langsung; Persetujuan KKPR melalui penilaian yang lebih lama (umumnya paling lama 20 hari kerja).",
        en: "Self-declarations and KKPR confirmations are issued immediately; a KKPR approval needs a longer assessment (generally up to 20 working days).",
      },
    },
    product: {
      id: "Pernyataan mandiri KKPR, Konfirmasi KKPR, atau Persetujuan KKPR di OSS",
      en: "KKPR self-declaration, KKPR confirmation or KKPR approval in OSS",
    },
    steps: [
      {
        id: "Cek zona lokasi di peta RDTR (portal Jakarta Satu atau OSS).",
        en: "Check the site's zone on the RDTR map (Jakarta Satu portal or OSS).",
      },
      {
        id: "Masuk ke OSS dan isi data lokasi serta rencana kegiatan usaha.",
        en: "Log in to OSS and enter the location and planned business activity.",
      },
      {
        id: "UMK: centang pernyataan mandiri; non-UMK: unggah koordinat dan dokumen teknis.",
        en: "Micro/small businesses: tick the self-declaration; others: upload coordinates and technical documents.",
      },
      {
        id: "Tunggu hasil penilaian jika diproses sebagai Persetujuan KKPR.",
        en: "Wait for the assessment if processed as a KKPR approval.",
      },
      { id: "Unduh dokumen KKPR dari OSS.", en: "Download the KKPR document from OSS." },
    ],
    submission: {
      channels: ["online", "in-person"],
      where: {
        id: "oss.go.id; pendampingan di loket PTSP kecamatan/kota",
        en: "oss.go.id; assistance at the kecamatan or city PTSP counter",
      },
      url: URL_OSS,
      hours: HOURS_ONLINE,
    },
    complaint: COMPLAINT_OSS,
    questions: [
      {
        id: "usaha-mikro-kecil",
        kind: "yes-no",
        text: {
          id: "Apakah usaha termasuk usaha mikro atau kecil?",
          en: "Is it a micro or small business?",
        },
        help: {
          id: "Skala usaha ditentukan dari modal usaha sesuai PP 7/2021.",
          en: "Business scale is based on capital as set by PP 7/2021.",
        },
      },
    ],
    requirements: [
      {
        id: "akun-oss",
        kind: "data",
        label: { id: "Akun OSS dan data pelaku usaha", en: "OSS account and business owner data" },
      },
      {
        id: "lokasi-kegiatan",
        kind: "data",
        label: {
          id: "Alamat lokasi, luas lahan, dan rencana kegiatan (KBLI)",
          en: "Site address, land area and planned activity (KBLI)",
        },
      },
      // Ticked in OSS, never signed on paper.
      {
        id: "pernyataan-mandiri",
        kind: "data",
        label: {
          id: "Pernyataan mandiri kesesuaian kegiatan pemanfaatan ruang sudah dicentang di OSS",
          en: "Self-declaration of spatial-use compliance ticked in OSS",
        },
        when: { q: "usaha-mikro-kecil", is: true },
      },
      {
        id: "koordinat-lokasi",
        kind: "data",
        label: {
          id: "Koordinat titik atau poligon lokasi (diisi di peta OSS)",
          en: "Site coordinates or polygon (entered on the OSS map)",
        },
        when: { q: "usaha-mikro-kecil", is: false },
      },
      {
        id: "rencana-teknis-bangunan",
        kind: "document",
        label: { id: "Rencana teknis bangunan", en: "Building technical plan" },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
        when: { q: "usaha-mikro-kecil", is: false },
      },
      {
        id: "bukti-penguasaan-tanah",
        kind: "document",
        label: {
          id: "Bukti penguasaan tanah (sertifikat, akta jual beli, atau perjanjian sewa)",
          en: "Proof of control of the land (title, deed of sale or lease)",
        },
        acceptance: { form: "digital", formats: ["pdf"] },
        ...PAGES_PDF,
        when: { q: "usaha-mikro-kecil", is: false },
      },
    ],
    source: { note: SOURCE_OSS_PP28, needsOfficeConfirmation: true },
  },
];
