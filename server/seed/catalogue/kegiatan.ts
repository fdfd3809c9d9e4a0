import type { GuideInput } from "../../../shared/guide";
import {
  COMPLAINT,
  FEE_FREE,
  KTP_PEMOHON,
  kuasa,
  LEGAL_PELAYANAN_PUBLIK,
  LEGAL_PERDA_PTSP,
  OFFICE_KELURAHAN,
  PAGES_AKTA_NOTARIS,
  PENGANTAR_RT_RW,
  Q_DIWAKILKAN,
  SOURCE_PTSP,
  SUBMIT_AT_KELURAHAN,
} from "./common";

export const kegiatan: GuideInput[] = [
  {
    id: "pengantar-izin-keramaian",
    version: 1,
    title: {
      id: "Surat Pengantar Izin Keramaian",
      en: "Covering Letter for a Public Event Permit",
    },
    summary: {
      id: "Surat pengantar kelurahan untuk mengurus izin keramaian di Polsek/Polres, misalnya hajatan pernikahan dengan hiburan, acara 17-an, pengajian akbar, atau acara yang menutup jalan lingkungan.",
      en: "A kelurahan covering letter for obtaining a public event permit from the police, e.g. a wedding party with entertainment, an Independence Day event, a large religious gathering, or an event that closes a neighbourhood road.",
    },
    category: "kegiatan",
    keywords: ["izin keramaian", "hajatan", "nikahan", "tutup jalan", "acara 17-an", "pesta", "izin acara", "panggung"],
    office: OFFICE_KELURAHAN,
    legalBasis: [
      "UU 2/2002 tentang Kepolisian Negara Republik Indonesia",
      "PP 60/2017 tentang Tata Cara Perizinan dan Pengawasan Kegiatan Keramaian Umum, Kegiatan Masyarakat Lainnya, dan Pemberitahuan Kegiatan Politik",
      LEGAL_PERDA_PTSP,
    ],
    fee: {
      amount: 0,
      note: {
        id: "Pengantar kelurahan gratis. Tanyakan ketentuan izin di kepolisian; jangan membayar tanpa tanda terima resmi.",
        en: "The kelurahan letter is free. Ask the police about their permit rules; never pay without an official receipt.",
      },
    },
    serviceTime: {
      workingDays: 0,
      note: {
        id: "Ajukan jauh hari: permohonan izin ke kepolisian paling lambat 14 hari kerja sebelum acara (PP 60/2017).",
        en: "Apply well ahead: the police permit must be applied for at least 14 working days before the event (PP 60/2017).",
      },
    },
    product: {
      id: "Surat pengantar kelurahan untuk izin keramaian ke Polsek/Polres",
      en: "Kelurahan covering letter for the event permit, addressed to the police",
    },
    steps: [
      {
        id: "Beri tahu tetangga dan minta surat pengantar RT/RW.",
        en: "Inform the neighbours and get the RT/RW covering letter.",
      },
      {
        id: "Tulis surat permohonan berisi jenis acara, tanggal, jam, tempat, dan perkiraan jumlah tamu.",
        en: "Write an application stating the type of event, date, time, place and expected number of guests.",
      },
      { id: "Serahkan berkas di loket PTSP kelurahan.", en: "Submit the file at the kelurahan PTSP counter." },
      {
        id: "Bawa pengantar kelurahan (dan kecamatan bila diminta) ke Polsek/Polres.",
        en: "Take the kelurahan letter (and the kecamatan's, if asked) to the police station.",
      },
    ],
    submission: SUBMIT_AT_KELURAHAN,
    complaint: COMPLAINT,
    questions: [
      {
        id: "tutup-jalan",
        kind: "yes-no",
        text: {
          id: "Apakah acara memakai atau menutup jalan?",
          en: "Will the event use or close a road?",
        },
      },
    ],
    eligibility: [
      {
        // 14 working days are never fewer than 14 calendar days: this bound refuses only files that are surely too late.
        id: "permohonan-14-hari-kerja",
        date: "data.tanggal-acara",
        maxDaysAgo: -14,
        message: {
          id: "Permohonan izin keramaian harus sampai di kepolisian paling lambat 14 hari kerja sebelum acara; acara ini terlalu dekat untuk diproses. Undur acaranya atau tanyakan langsung ke Polsek.",
          en: "The event permit application must reach the police at least 14 working days before the event; this event is too close to be processed. Move the event or ask the local police directly.",
        },
        source: "PP 60/2017 (permohonan paling lambat 14 hari kerja sebelum kegiatan)",
      },
    ],
    requirements: [
      PENGANTAR_RT_RW,
      {
        ...KTP_PEMOHON,
        label: { id: "KTP-el penanggung jawab acara", en: "KTP-el of the person responsible for the event" },
      },
      {
        id: "tanggal-acara",
        kind: "data",
        label: { id: "Tanggal acara", en: "Date of the event" },
      },
      {
        id: "surat-permohonan",
        kind: "data",
        label: {
          id: "Surat permohonan: jenis acara, tanggal, jam, tempat, perkiraan jumlah tamu, hiburan",
          en: "Application letter: type of event, date, time, place, expected guests, entertainment",
        },
      },
      {
        id: "pernyataan-ketertiban",
        kind: "statement",
        label: {
          id: "Surat pernyataan bermeterai sanggup menjaga ketertiban, kebersihan, dan batas waktu acara",
          en: "Statement on duty stamp undertaking to keep order, cleanliness and the event's time limit",
        },
        acceptance: { form: "original", stamped: true },
        statement: {
          title: { id: "Surat Pernyataan Kesanggupan Menjaga Ketertiban", en: "Undertaking to Keep Order" },
          body: {
            id: "Selaku penanggung jawab acara …………………………… yang akan diselenggarakan pada tanggal …………………… pukul …………… sampai …………… di ……………………………, dengan ini menyatakan sanggup menjaga keamanan, ketertiban, dan kebersihan lingkungan selama dan sesudah acara, mematuhi batas waktu acara, tidak menyajikan hiburan yang melanggar norma agama, kesusilaan, atau peraturan perundang-undangan, serta bertanggung jawab atas segala akibat yang timbul dari penyelenggaraan acara tersebut.",
            en: "As the person responsible for the event …………………………… to be held on …………………… from …………… to …………… at ……………………………, I hereby undertake to keep the neighbourhood safe, orderly and clean during and after the event, to keep to its time limit, not to present entertainment that breaches religious or moral norms or the law, and to bear every consequence arising from the event.",
          },
        },
      },
      // The neighbours' consent and the road sketch are two different papers; the police check both.
      {
        id: "persetujuan-warga",
        kind: "document",
        label: {
          id: "Persetujuan warga sekitar yang ditandatangani",
          en: "Signed consent of the neighbours",
        },
        acceptance: { form: "original" },
        allPagesWithEntries: true,
        pagesNote: {
          id: "Semua lembar daftar tanda tangan warga.",
          en: "Every sheet of the neighbours' signature list.",
        },
        when: { q: "tutup-jalan", is: true },
      },
      {
        id: "denah-penutupan-jalan",
        kind: "document",
        label: {
          id: "Denah penutupan atau pengalihan jalan",
          en: "Sketch of the road closure or detour",
        },
        acceptance: { form: "original" },
        minPages: 1,
        when: { q: "tutup-jalan", is: true },
      },
    ],
    source: {
      note: `${SOURCE_PTSP} Batas waktu permohonan ke kepolisian mengikuti PP 60/2017. Kantornya mengikuti lokasi acara, bukan alamat penanggung jawab.`,
      needsOfficeConfirmation: true,
    },
  },
  {
    id: "surat-keterangan-domisili-lembaga",
    version: 1,
    title: {
      id: "Surat Keterangan Domisili Organisasi/Lembaga",
      en: "Domicile Certificate for an Organisation",
    },
    summary: {
      id: "Surat kelurahan yang menerangkan alamat sekretariat organisasi kemasyarakatan, yayasan, perkumpulan, majelis taklim, atau komunitas, misalnya untuk membuka rekening, mengajukan hibah, atau mendaftar ke instansi.",
      en: "A kelurahan letter confirming the office address of a community organisation, foundation, association, religious study group or community, e.g. to open a bank account, apply for a grant or register with an agency.",
    },
    category: "kegiatan",
    keywords: [
      "domisili yayasan",
      "domisili ormas",
      "sekretariat",
      "perkumpulan",
      "majelis taklim",
      "komunitas",
      "organisasi",
    ],
    office: OFFICE_KELURAHAN,
    legalBasis: [
      "UU 17/2013 tentang Organisasi Kemasyarakatan, sebagaimana diubah dengan UU 16/2017",
      "UU 16/2001 tentang Yayasan, sebagaimana diubah dengan UU 28/2004",
      LEGAL_PELAYANAN_PUBLIK,
      LEGAL_PERDA_PTSP,
    ],
    fee: FEE_FREE,
    serviceTime: {
      workingDays: 3,
      note: { id: "Perkiraan; bisa termasuk peninjauan lokasi.", en: "Estimate; may include a site visit." },
    },
    product: {
      id: "Surat keterangan domisili organisasi/lembaga dari Lurah",
      en: "Organisation domicile certificate signed by the Lurah",
    },
    steps: [
      {
        id: "Minta surat pengantar RT/RW untuk alamat sekretariat.",
        en: "Get the RT/RW covering letter for the office address.",
      },
      {
        id: "Siapkan akta pendirian, susunan pengurus, dan bukti tempat.",
        en: "Prepare the deed of establishment, board list and proof of premises.",
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
        id: "berbadan-hukum",
        kind: "yes-no",
        text: {
          id: "Apakah organisasi berbadan hukum (yayasan/perkumpulan yang disahkan Kemenkumham)?",
          en: "Is the organisation a legal entity (a foundation or association approved by the Ministry of Law)?",
        },
      },
      {
        id: "tempat-milik-sendiri",
        kind: "yes-no",
        text: {
          id: "Apakah sekretariat milik organisasi sendiri?",
          en: "Does the organisation own its office premises?",
        },
      },
      Q_DIWAKILKAN,
    ],
    requirements: [
      PENGANTAR_RT_RW,
      {
        ...KTP_PEMOHON,
        label: { id: "KTP-el ketua atau pimpinan organisasi", en: "KTP-el of the chair or head of the organisation" },
      },
      {
        id: "akta-pendirian",
        kind: "document",
        label: {
          id: "Akta pendirian atau anggaran dasar organisasi",
          en: "Deed of establishment or articles of the organisation",
        },
        acceptance: { form: "copy", copies: 1 },
        ...PAGES_AKTA_NOTARIS,
      },
      {
        id: "sk-kemenkumham",
        kind: "document",
        label: {
          id: "SK pengesahan badan hukum dari Kemenkumham",
          en: "Legal entity approval decree from the Ministry of Law",
        },
        acceptance: { form: "copy", copies: 1 },
        ...PAGES_AKTA_NOTARIS,
        when: { q: "berbadan-hukum", is: true },
      },
      {
        id: "susunan-pengurus",
        kind: "document",
        label: { id: "Susunan pengurus", en: "List of board members" },
        acceptance: { form: "copy", copies: 1 },
        allPagesWithEntries: true,
        pagesNote: {
          id: "Semua halaman, termasuk halaman tanda tangan ketua dan sekretaris.",
          en: "Every page, including the one signed by the chair and the secretary.",
        },
      },
      {
        id: "bukti-tempat",
        kind: "document",
        label: {
          id: "Perjanjian sewa atau pinjam pakai, atau izin tertulis pemilik tempat sekretariat",
          en: "Lease or loan-for-use agreement, or the owner's written permission for the office premises",
        },
        acceptance: { form: "copy", copies: 1 },
        ...PAGES_AKTA_NOTARIS,
        when: { q: "tempat-milik-sendiri", is: false },
      },
      {
        id: "foto-sekretariat",
        kind: "document",
        label: { id: "Foto sekretariat dengan papan nama", en: "Photo of the office with its name board" },
        acceptance: { form: "original", formats: ["jpg", "png"] },
        minPages: 1,
      },
      ...kuasa({ id: "Surat Keterangan Domisili Organisasi", en: "the organisation's Domicile Certificate" }),
    ],
    source: {
      note: `${SOURCE_PTSP} Kantornya mengikuti alamat sekretariat, bukan alamat rumah ketua.`,
      needsOfficeConfirmation: true,
    },
  },
];
