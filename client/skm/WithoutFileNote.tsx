import type { SkmResults } from "../../shared/api/skm";
import { interpolate, locale } from "../i18n";
import { formatCount } from "./skm-words";

const WORDS = {
  id: "{count} di antaranya diisi di kantor tanpa nomor berkas",
  en: "{count} of them answered at the office without a tracking number",
} as const;

/**
 * How many respondents answered at the office without a file: nothing but
 * the office's daily budget stands behind those, so the reader sees how much
 * of the index rests on them (the console's report, the notice, /skm).
 */
export function WithoutFileNote({ results }: { results: SkmResults }) {
  if (results.withoutFile === undefined || results.respondents === 0) return null;
  return (
    <p class="skm-population skm-without-file" data-testid="skm-without-file">
      {interpolate(WORDS[locale.value], { count: formatCount(results.withoutFile) })}
    </p>
  );
}
