/** Kept apart from the zod schemas so the phone's first screen can list categories without loading zod. */
export const CATEGORIES = [
  "kependudukan",
  "keluarga",
  "sosial",
  "usaha",
  "bangunan",
  "pertanahan",
  "kegiatan",
  "kesehatan-pendidikan",
] as const;
export type Category = (typeof CATEGORIES)[number];
