import { locale } from "../i18n";

/**
 * The header's way into /lacak. On the first screen, so kept to its own two
 * words instead of the page's message table (which loads with the page).
 */
const WORDS = { id: "Lacak berkas", en: "Track a file" } as const;

export function trackNavText(): string {
  return WORDS[locale.value];
}
