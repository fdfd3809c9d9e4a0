import { z } from "zod";

/** Every user-facing string in shared data exists in Bahasa Indonesia and English. */
export const LocalizedText = z.object({
  id: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const Locale = z.enum(["id", "en"]);
export type Locale = z.infer<typeof Locale>;

export function pick(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
