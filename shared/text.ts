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

/**
 * Free text that may span lines (a complaint, an answer, a suggestion), as
 * people paste it: Windows line ends and tabs are normalised rather than
 * refused, so a queued report typed on the phone is never turned away for
 * them later; any other control character is refused.
 */
export function multilineText(max: number, min = 1) {
  return z
    .string()
    .transform((text) => text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").trim())
    .pipe(
      z
        .string()
        .min(min)
        .max(max)
        .regex(/^(?:[^\p{Cc}]|\n)*$/u, "Control characters other than line breaks are not allowed"),
    );
}
