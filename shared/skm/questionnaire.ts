import type { LocalizedText } from "../text";

/**
 * The satisfaction survey (Survei Kepuasan Masyarakat) as data: the nine
 * elements (unsur) of PermenPANRB 14/2017 with the regulation's model
 * questions and four-point answers, and the respondent profile it lists.
 * The index (shared/skm/ikm.ts), the forms and the reports all read this
 * table, so an office following a later regulation edits data, not code.
 * Answer i (0-based) scores i + 1: the first label is always the worst.
 */

export interface SkmElement {
  /** Stable code, kept in stored responses: "U1" … "U9". */
  id: string;
  /** The element's name as the regulation lists it. */
  name: LocalizedText;
  question: LocalizedText;
  /** Exactly four labels, worst (score 1) to best (score 4). */
  answers: readonly [LocalizedText, LocalizedText, LocalizedText, LocalizedText];
}

export interface SkmQuestionnaire {
  /** Stored with each response, so a later questionnaire's answers are never mixed with this one's. */
  id: string;
  source: string;
  elements: readonly SkmElement[];
  profile: readonly SkmProfileQuestion[];
}

export interface SkmProfileQuestion {
  id: "ageBand" | "sex" | "education" | "occupation";
  label: LocalizedText;
  options: readonly { value: string; label: LocalizedText }[];
}

const SUITABLE = [
  { id: "Tidak sesuai", en: "Not suitable" },
  { id: "Kurang sesuai", en: "Somewhat unsuitable" },
  { id: "Sesuai", en: "Suitable" },
  { id: "Sangat sesuai", en: "Very suitable" },
] as const;

export const SKM_QUESTIONNAIRE: SkmQuestionnaire = {
  id: "permenpanrb-14-2017",
  source: "Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat",
  elements: [
    {
      id: "U1",
      name: { id: "Persyaratan", en: "Requirements" },
      question: {
        id: "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        en: "How well do the service's requirements suit the kind of service?",
      },
      answers: SUITABLE,
    },
    {
      id: "U2",
      name: { id: "Sistem, mekanisme, dan prosedur", en: "System, mechanism and procedure" },
      question: {
        id: "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        en: "How easy did you find the service procedure at this office?",
      },
      answers: [
        { id: "Tidak mudah", en: "Not easy" },
        { id: "Kurang mudah", en: "Somewhat difficult" },
        { id: "Mudah", en: "Easy" },
        { id: "Sangat mudah", en: "Very easy" },
      ],
    },
    {
      id: "U3",
      name: { id: "Waktu penyelesaian", en: "Completion time" },
      question: {
        id: "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        en: "How fast was the service delivered?",
      },
      answers: [
        { id: "Tidak cepat", en: "Not fast" },
        { id: "Kurang cepat", en: "Somewhat slow" },
        { id: "Cepat", en: "Fast" },
        { id: "Sangat cepat", en: "Very fast" },
      ],
    },
    {
      id: "U4",
      name: { id: "Biaya/tarif", en: "Cost/fee" },
      question: {
        id: "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        en: "How fair was the cost or fee of the service?",
      },
      answers: [
        { id: "Sangat mahal", en: "Very expensive" },
        { id: "Cukup mahal", en: "Rather expensive" },
        { id: "Murah", en: "Cheap" },
        { id: "Gratis", en: "Free" },
      ],
    },
    {
      id: "U5",
      name: { id: "Produk spesifikasi jenis pelayanan", en: "Service product as specified" },
      question: {
        id: "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        en: "How well did what you received match the product stated in the service standard?",
      },
      answers: SUITABLE,
    },
    {
      id: "U6",
      name: { id: "Kompetensi pelaksana", en: "Staff competence" },
      question: {
        id: "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        en: "How competent were the staff who served you?",
      },
      answers: [
        { id: "Tidak kompeten", en: "Not competent" },
        { id: "Kurang kompeten", en: "Somewhat incompetent" },
        { id: "Kompeten", en: "Competent" },
        { id: "Sangat kompeten", en: "Very competent" },
      ],
    },
    {
      id: "U7",
      name: { id: "Perilaku pelaksana", en: "Staff conduct" },
      question: {
        id: "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        en: "How polite and friendly were the staff?",
      },
      answers: [
        { id: "Tidak sopan dan ramah", en: "Not polite or friendly" },
        { id: "Kurang sopan dan ramah", en: "Somewhat impolite" },
        { id: "Sopan dan ramah", en: "Polite and friendly" },
        { id: "Sangat sopan dan ramah", en: "Very polite and friendly" },
      ],
    },
    {
      id: "U8",
      name: { id: "Penanganan pengaduan, saran dan masukan", en: "Handling of complaints and suggestions" },
      question: {
        id: "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        en: "How does this office handle complaints from the people it serves?",
      },
      answers: [
        { id: "Tidak ada", en: "There is none" },
        { id: "Ada tetapi tidak berfungsi", en: "It exists but does not work" },
        { id: "Berfungsi kurang maksimal", en: "It works, but not well" },
        { id: "Dikelola dengan baik", en: "It is well managed" },
      ],
    },
    {
      id: "U9",
      name: { id: "Sarana dan prasarana", en: "Facilities" },
      question: {
        id: "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        en: "How good are the office's facilities?",
      },
      answers: [
        { id: "Buruk", en: "Poor" },
        { id: "Cukup", en: "Fair" },
        { id: "Baik", en: "Good" },
        { id: "Sangat baik", en: "Very good" },
      ],
    },
  ],
  profile: [
    {
      id: "ageBand",
      label: { id: "Umur", en: "Age" },
      options: [
        { value: "lt20", label: { id: "Di bawah 20 tahun", en: "Under 20" } },
        { value: "20-29", label: { id: "20–29 tahun", en: "20–29" } },
        { value: "30-39", label: { id: "30–39 tahun", en: "30–39" } },
        { value: "40-49", label: { id: "40–49 tahun", en: "40–49" } },
        { value: "50-59", label: { id: "50–59 tahun", en: "50–59" } },
        { value: "60plus", label: { id: "60 tahun ke atas", en: "60 and over" } },
      ],
    },
    {
      id: "sex",
      label: { id: "Jenis kelamin", en: "Sex" },
      options: [
        { value: "L", label: { id: "Laki-laki", en: "Male" } },
        { value: "P", label: { id: "Perempuan", en: "Female" } },
      ],
    },
    {
      id: "education",
      label: { id: "Pendidikan", en: "Education" },
      options: [
        { value: "sd", label: { id: "SD ke bawah", en: "Primary or less" } },
        { value: "smp", label: { id: "SMP", en: "Junior secondary" } },
        { value: "sma", label: { id: "SMA/SMK", en: "Senior secondary" } },
        { value: "diploma", label: { id: "D1–D4", en: "Diploma" } },
        { value: "s1", label: { id: "S1", en: "Bachelor's" } },
        { value: "s2plus", label: { id: "S2 ke atas", en: "Master's or higher" } },
      ],
    },
    {
      id: "occupation",
      label: { id: "Pekerjaan", en: "Occupation" },
      options: [
        { value: "pns", label: { id: "PNS", en: "Civil servant" } },
        { value: "tni-polri", label: { id: "TNI/Polri", en: "Military/police" } },
        { value: "swasta", label: { id: "Pegawai swasta", en: "Private employee" } },
        { value: "wirausaha", label: { id: "Wirausaha", en: "Self-employed" } },
        { value: "pelajar", label: { id: "Pelajar/mahasiswa", en: "Student" } },
        { value: "lainnya", label: { id: "Lainnya", en: "Other" } },
      ],
    },
  ],
};

/** The element ids in the questionnaire's order. */
export const SKM_ELEMENT_IDS: readonly string[] = SKM_QUESTIONNAIRE.elements.map((element) => element.id);
