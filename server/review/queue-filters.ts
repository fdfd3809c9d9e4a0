import { type SQL, sql } from "drizzle-orm";
import type { QueueSearch } from "../../shared/api/console";
import { type SearchTerms, searchTerms, trackingCandidates } from "../../shared/review/search";
import { allTrackingPrefixes, FALLBACK_PREFIX } from "../../shared/tracking/prefix";
import { jsonText, likeIgnoringCase } from "../db/sql-fns";

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
const PREFIXES = [...new Set([...Array.from(allTrackingPrefixes(), ([, prefix]) => prefix), FALLBACK_PREFIX])];

/**
 * The search box's condition: any of the applicant's name, the NIK's digits
 * (submitted content stores them canonical, server/sync/applications.ts), the
 * file id's start or the tracking number (typed whole or without its prefix:
 * the few whole numbers it can be, compared exactly). Filters rows of a slice
 * already narrowed by scope.
 */
function searchSql(terms: SearchTerms): SQL {
  const any: SQL[] = [];
  if (terms.name) {
    any.push(likeIgnoringCase(jsonText(sql`content`, ["applicant", "fullName"]), `%${literal(terms.name)}%`));
  }
  if (terms.nikDigits?.length === 16) {
    any.push(sql`${jsonText(sql`content`, ["applicant", "nik"])} = ${terms.nikDigits}`);
  } else if (terms.nikDigits) {
    any.push(likeIgnoringCase(jsonText(sql`content`, ["applicant", "nik"]), `${terms.nikDigits}%`));
  }
  if (terms.idPrefix) {
    any.push(likeIgnoringCase(sql`id`, `${literal(terms.idPrefix)}%`));
  }
  const numbers = trackingCandidates(terms, PREFIXES);
  if (numbers.length > 0) {
    any.push(
      sql`tracking_number IN (${sql.join(
        numbers.map((number) => sql`${number}`),
        sql`, `,
      )})`,
    );
  }
  return any.length > 0 ? sql`(${sql.join(any, sql` OR `)})` : sql`FALSE`;
}

/** The filters every slice applies on top of its index range: service, kelurahan, cadre and the search term. */
export function commonFilters(query: QueueSearch): SQL[] {
  const where: SQL[] = [];
  if (query.guideId) where.push(sql`guide_id = ${query.guideId}`);
  if (query.villageCode) where.push(sql`village_code = ${query.villageCode}`);
  if (query.cadreId) where.push(sql`cadre_id = ${query.cadreId}`);
  if (query.q) where.push(searchSql(searchTerms(query.q)));
  return where;
}

/**
 * The slice's kecamatan first in its ORDER BY when it is the NULL one: to
 * PostgreSQL's planner `kecamatan_code IS NULL` is no equality, so the column
 * must be named for the index (kecamatan first) to give the order without a
 * sort. Constant within the slice, it changes no order (nor SQLite's plan).
 */
export function nullSliceOrder(code: string | null): SQL {
  return code === null ? sql`kecamatan_code, ` : sql``;
}

export function kecamatanWhere(code: string | null): SQL {
  return code === null ? sql`kecamatan_code IS NULL` : sql`kecamatan_code = ${code}`;
}

/** Conditions joined with AND (at least one). */
export function allOf(conditions: SQL[]): SQL {
  return sql.join(conditions, sql` AND `);
}
