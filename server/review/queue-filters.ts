import type { QueueSearch } from "../../shared/api/console";
import { type SearchTerms, searchTerms, trackingCandidates } from "../../shared/review/search";
import { allTrackingPrefixes, FALLBACK_PREFIX } from "../../shared/tracking/prefix";

/** The conditions every queue slice adds to its index range: scope, service, kelurahan, cadre, search term. */

/** A LIKE pattern matching `text` literally (its %, _ and backslash escaped with a backslash). */
function literal(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Every office prefix a number can carry. All of them, not only the
 * caller's: a file keeps the number it got at its first submit when a
 * resubmission moves it to another kecamatan's office. The slice's
 * kecamatan condition keeps the caller in scope whatever number matches.
 */
const PREFIXES = [...new Set([...allTrackingPrefixes().values(), FALLBACK_PREFIX])];

/**
 * The search box's condition: any of the applicant's name, the NIK's digits
 * (submitted content stores them canonical, server/sync/applications.ts), the
 * file id's start or the tracking number (typed whole or without its prefix:
 * the few whole numbers it can be, compared exactly). Filters rows of a slice
 * already narrowed by scope.
 */
function searchSql(terms: SearchTerms): { text: string; params: string[] } {
  const any: string[] = [];
  const params: string[] = [];
  if (terms.name) {
    any.push("json_extract(content, '$.applicant.fullName') LIKE ? ESCAPE '\\'");
    params.push(`%${literal(terms.name)}%`);
  }
  if (terms.nikDigits?.length === 16) {
    any.push("json_extract(content, '$.applicant.nik') = ?");
    params.push(terms.nikDigits);
  } else if (terms.nikDigits) {
    any.push("json_extract(content, '$.applicant.nik') LIKE ? ESCAPE '\\'");
    params.push(`${terms.nikDigits}%`);
  }
  if (terms.idPrefix) {
    any.push("id LIKE ? ESCAPE '\\'");
    params.push(`${literal(terms.idPrefix)}%`);
  }
  const numbers = trackingCandidates(terms, PREFIXES);
  if (numbers.length > 0) {
    any.push(`tracking_number IN (${numbers.map(() => "?").join(", ")})`);
    params.push(...numbers);
  }
  return { text: any.length > 0 ? `(${any.join(" OR ")})` : "0", params };
}

/** The filters every slice applies on top of its index range: service, kelurahan, cadre and the search term. */
export function commonFilters(query: QueueSearch): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  if (query.guideId) {
    where.push("guide_id = ?");
    params.push(query.guideId);
  }
  if (query.villageCode) {
    where.push("village_code = ?");
    params.push(query.villageCode);
  }
  if (query.cadreId) {
    where.push("cadre_id = ?");
    params.push(query.cadreId);
  }
  if (query.q) {
    const search = searchSql(searchTerms(query.q));
    where.push(search.text);
    params.push(...search.params);
  }
  return { where, params };
}

export function kecamatanWhere(code: string | null): { text: string; params: string[] } {
  return code === null
    ? { text: "kecamatan_code IS NULL", params: [] }
    : { text: "kecamatan_code = ?", params: [code] };
}
