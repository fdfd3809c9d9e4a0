import MiniSearch, { type Query, type SearchOptions } from "minisearch";
import type { Category, Guide } from "./guide";
import {
  LOW_VALUE_TERMS,
  QUERY_EXPANSIONS,
  QUERY_FILLER_WORDS,
  SPELLING_VARIANTS,
  STOP_WORDS,
  SYNONYM_GROUPS,
} from "./search-synonyms";

/**
 * On-device guide search: MiniSearch (BM25+, prefix and fuzzy matching) over
 * both languages' titles, keywords, summaries and requirement labels, with
 * Indonesian-aware normalisation and a synonym table for the words people use.
 */

export interface GuideSearchHit {
  id: string;
  score: number;
}

export interface GuideSearchOptions {
  /** Maximum number of hits; defaults to 20. */
  limit?: number;
  /** Only guides of this category. */
  category?: Category;
}

export interface GuideSearch {
  /** Ranked hits, best first. Empty or meaningless queries give []. Never throws. */
  search(query: string, options?: GuideSearchOptions): GuideSearchHit[];
  /** Number of guides in the index. */
  readonly size: number;
  /** The built index as JSON, for loadGuideSearch: a phone stores it instead of rebuilding at every start. */
  toJSON(): string;
}

/** What toJSON writes; loadGuideSearch refuses anything else. */
interface StoredSearch {
  format: typeof STORED_FORMAT;
  index: unknown;
  /** Indexed words as written (not their stems): the compound splitter looks them up. */
  vocabulary: string[];
  /** Guide ids in catalogue order (ties are ranked in this order) and their categories. */
  ids: string[];
  categories: Category[];
}

const STORED_FORMAT = 1;

const DEFAULT_LIMIT = 20;
/** Longer queries are cut: nobody types more, and it bounds the work per keystroke. */
const MAX_QUERY_CHARS = 200;
const MAX_QUERY_WORDS = 8;
const MAX_WORD_CHARS = 30;

const FIELD_BOOST = {
  titleId: 5,
  titleEn: 4,
  keywords: 3.5,
  summary: 1,
  requirements: 0.4,
} as const;
type Field = keyof typeof FIELD_BOOST;
const FIELDS = Object.keys(FIELD_BOOST) as Field[];

/** Weight of an alternative relative to the word the user typed. */
const WEIGHT_EQUIVALENT = 0.8;
const WEIGHT_EXPANSION = 0.6;
const WEIGHT_STEM = 0.7;
const WEIGHT_COMPOUND = 0.9;
/** Synonyms of the word a typo was corrected to. */
const WEIGHT_CORRECTED = 0.8;

const STOP = new Set(STOP_WORDS);
const FILLER = new Set(QUERY_FILLER_WORDS);
const SPELLING = new Map(Object.entries(SPELLING_VARIANTS));
const LOW_VALUE = new Map(Object.entries(LOW_VALUE_TERMS));

const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’`]/g;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const DIGIT = /\d/;
const NON_ASCII = /[^\p{ASCII}]/u;

/** Lowercase, strip diacritics, split on anything that is not a letter or digit. */
function rawWords(text: string): string[] {
  let folded = text.toLowerCase();
  // Most catalogue text is plain ASCII: skip Unicode decomposition for it.
  if (NON_ASCII.test(folded)) folded = folded.normalize("NFKD").replace(MARKS, "");
  folded = folded.replace(APOSTROPHES, "");
  // A hand loop: several times faster than a Unicode-aware regex split.
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= folded.length; i++) {
    const code = i < folded.length ? folded.charCodeAt(i) : 32;
    const isWordChar =
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 57) ||
      (code >= 128 && LETTER_OR_DIGIT.test(folded[i] ?? ""));
    if (isWordChar) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(folded.slice(start, i));
      start = -1;
    }
  }
  return words;
}

/**
 * The words of a text as the index sees them: normalised, spelling variants
 * folded ("akte" → "akta", "e-KTP"/"KTP-el" → "ktp") and stop words dropped.
 */
export function searchWords(text: string, keepStopWords = false): string[] {
  const words = rawWords(text);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const next = words[i + 1];
    if ((word === "e" && next === "ktp") || (word === "ktp" && next === "el")) {
      out.push("ktp");
      i++;
      continue;
    }
    if (!keepStopWords && STOP.has(word)) continue;
    out.push(SPELLING.get(word) ?? word);
  }
  return out;
}

/** The text as one normalised string, words separated by single spaces. */
export function normalizeSearchText(text: string): string {
  return searchWords(text).join(" ");
}

/** Stemming rules, tried in order; the first that matches wins. */
const STEM_RULES = [
  /^ke(.{3,})an$/,
  /^per(.{3,})an$/,
  /^pe(?:ng|m|n)(.{3,})an$/,
  /^ber(.{4,})$/,
  /^(.{4,})(?:an|nya)$/,
];

/**
 * A deliberately timid Indonesian stemmer for the derivations that matter in
 * permit names: ke-an (kelahiran → lahir), per-an (perkawinan → kawin),
 * pe(m|n|ng)-an (pembangunan → bangun), ber- (berusaha → usaha) and -an
 * (warisan → waris). Applied the same way to the index and the query, so an
 * imperfect root still matches itself. Returns undefined when nothing changes.
 */
export function stemWord(word: string): string | undefined {
  if (word.length < 6 || DIGIT.test(word)) return undefined;
  for (const rule of STEM_RULES) {
    const root = rule.exec(word)?.[1];
    if (root) return root;
  }
  return undefined;
}

interface Alternative {
  /** Normalised words; all must match the same guide. */
  words: string;
  weight: number;
}

/** Normalised word or phrase → what it also means. */
const EXPANSIONS = buildExpansions();
const LONGEST_PHRASE = Math.max(1, ...[...EXPANSIONS.keys()].map((key) => key.split(" ").length));

function buildExpansions(): Map<string, Alternative[]> {
  const map = new Map<string, Alternative[]>();
  const add = (from: string, to: string, weight: number) => {
    const key = normalizeSearchText(from);
    const words = normalizeSearchText(to);
    if (!key || !words || key === words) return;
    const list = map.get(key) ?? [];
    const existing = list.find((alternative) => alternative.words === words);
    if (existing) existing.weight = Math.max(existing.weight, weight);
    else list.push({ words, weight });
    map.set(key, list);
  };
  for (const group of SYNONYM_GROUPS) {
    for (const from of group) for (const to of group) add(from, to, WEIGHT_EQUIVALENT);
  }
  for (const [from, targets] of Object.entries(QUERY_EXPANSIONS)) {
    for (const to of targets) add(from, to, WEIGHT_EXPANSION);
  }
  return map;
}

function lowValue(word: string): number {
  return LOW_VALUE.get(word) ?? 1;
}

function fuzziness(word: string): number {
  if (word.length < 4 || DIGIT.test(word)) return 0;
  return word.length < 7 ? 1 : 2;
}

interface SearchDocument {
  id: string;
  titleId: string;
  titleEn: string;
  keywords: string;
  summary: string;
  requirements: string;
}

function toDocument(guide: Guide): SearchDocument {
  return {
    id: guide.id,
    titleId: normalizeSearchText(guide.title.id),
    titleEn: normalizeSearchText(guide.title.en),
    keywords: normalizeSearchText(guide.keywords.join(" ")),
    summary: normalizeSearchText(`${guide.summary.id} ${guide.summary.en}`),
    requirements: normalizeSearchText(
      guide.requirements.map((requirement) => `${requirement.label.id} ${requirement.label.en}`).join(" "),
    ),
  };
}

const splitSpaces = (text: string): string[] => text.split(" ").filter((word) => word.length > 0);

/**
 * One unit of the query: a word the user typed (with its synonyms, root and
 * compound split) or a recognised phrase (with its synonyms). A unit scores a
 * guide by its best alternative, not their sum, so a guide that merely
 * mentions many synonyms does not beat one whose title has the typed word.
 */
interface Unit {
  /** The typed word, searched with prefix and typo tolerance; absent for phrases. */
  word?: string;
  alternatives: Alternative[];
}

function queryUnits(query: string, vocabulary: ReadonlySet<string>): Unit[] {
  const text = query.slice(0, MAX_QUERY_CHARS);
  // Only stop words ("di" while typing "disabilitas")? Then search them after all.
  let typed = searchWords(text);
  if (typed.length === 0) typed = searchWords(text, true);
  typed = typed.map((word) => word.slice(0, MAX_WORD_CHARS));
  const meaningful = typed.filter((word) => !FILLER.has(word));
  const words = [...new Set(meaningful.length > 0 ? meaningful : typed)].slice(0, MAX_QUERY_WORDS);
  const units: Unit[] = [];

  for (const word of words) {
    const alternatives: Alternative[] = [...(EXPANSIONS.get(word) ?? [])];
    const stem = stemWord(word);
    if (stem) alternatives.push({ words: stem, weight: WEIGHT_STEM });
    if (!vocabulary.has(word) && word.length >= 6) {
      for (let cut = 2; cut <= word.length - 2; cut++) {
        const head = word.slice(0, cut);
        const tail = word.slice(cut);
        if (vocabulary.has(head) && vocabulary.has(tail)) {
          alternatives.push({ words: `${head} ${tail}`, weight: WEIGHT_COMPOUND });
        }
      }
    }
    units.push({ word, alternatives });
  }

  for (let length = Math.min(LONGEST_PHRASE, words.length); length >= 2; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const alternatives = EXPANSIONS.get(words.slice(start, start + length).join(" "));
      if (alternatives) units.push({ alternatives: [...alternatives] });
    }
  }
  return units;
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

function miniSearchOptions(vocabulary: Set<string>) {
  const indexTerms = new Map<string, string | string[]>();
  return {
    fields: FIELDS,
    tokenize: splitSpaces,
    processTerm: (term: string) => {
      let terms = indexTerms.get(term);
      if (!terms) {
        const stem = stemWord(term);
        terms = stem ? [term, stem] : term;
        indexTerms.set(term, terms);
        vocabulary.add(term);
      }
      return terms;
    },
  };
}

export function createGuideSearch(guides: readonly Guide[]): GuideSearch {
  const vocabulary = new Set<string>();
  const categoryOf = new Map<string, Category>();
  const order = new Map<string, number>();
  const index = new MiniSearch<SearchDocument>(miniSearchOptions(vocabulary));
  const documents: SearchDocument[] = [];
  for (const guide of guides) {
    if (categoryOf.has(guide.id)) continue; // a duplicate id would make MiniSearch throw
    categoryOf.set(guide.id, guide.category);
    order.set(guide.id, order.size);
    documents.push(toDocument(guide));
  }
  index.addAll(documents);
  return searchOver(index, vocabulary, categoryOf, order);
}

/**
 * An index written by toJSON, back in memory: several times faster than
 * building it again (no normalising, stemming or tree building per guide).
 * Throws on anything toJSON did not write; the caller rebuilds then.
 */
export function loadGuideSearch(json: string): GuideSearch {
  const stored = JSON.parse(json) as Partial<StoredSearch> | null;
  if (
    stored?.format !== STORED_FORMAT ||
    !Array.isArray(stored.vocabulary) ||
    !Array.isArray(stored.ids) ||
    !Array.isArray(stored.categories) ||
    stored.ids.length !== stored.categories.length
  ) {
    throw new Error("not a stored guide search index");
  }
  const vocabulary = new Set(stored.vocabulary);
  const index = MiniSearch.loadJS<SearchDocument>(
    stored.index as Parameters<typeof MiniSearch.loadJS>[0],
    miniSearchOptions(vocabulary),
  );
  const categoryOf = new Map<string, Category>();
  const order = new Map<string, number>();
  stored.ids.forEach((id, position) => {
    categoryOf.set(id, stored.categories?.[position] as Category);
    order.set(id, position);
  });
  return searchOver(index, vocabulary, categoryOf, order);
}

function searchOver(
  index: MiniSearch<SearchDocument>,
  vocabulary: Set<string>,
  categoryOf: Map<string, Category>,
  order: Map<string, number>,
): GuideSearch {
  const searchOptions: SearchOptions = {
    boost: FIELD_BOOST,
    prefix: false,
    fuzzy: false,
    combineWith: "OR",
    tokenize: splitSpaces,
    processTerm: (term) => term,
  };

  /** Raises `best` to each hit's score; returns the document terms that matched. */
  const collectTyped = (word: string, best: Map<string, number>): Set<string> => {
    const matched = new Set<string>();
    const query: Query = {
      queries: [word],
      prefix: word.length >= 3 && !DIGIT.test(word),
      fuzzy: fuzziness(word),
    };
    const boost = lowValue(word);
    for (const result of index.search(query, searchOptions)) {
      const id = result.id as string;
      const score = result.score * boost;
      if (score > (best.get(id) ?? 0)) best.set(id, score);
      for (const term of result.terms) matched.add(term);
    }
    return matched;
  };

  /**
   * Exact-word scores, memoised for one query: synonym phrases share words
   * ("surat keterangan tidak mampu", "surat miskin"), and a common word is
   * the expensive part of a search.
   */
  const exactScores = (word: string, memo: Map<string, Map<string, number>>): Map<string, number> => {
    let scores = memo.get(word);
    if (!scores) {
      scores = new Map();
      for (const result of index.search(word, searchOptions)) scores.set(result.id as string, result.score);
      memo.set(word, scores);
    }
    return scores;
  };

  /** An alternative's words must all match; it scores their weighted mean. */
  const collectAlternative = (
    alternative: Alternative,
    best: Map<string, number>,
    memo: Map<string, Map<string, number>>,
  ) => {
    const words = splitSpaces(alternative.words);
    const lists = words.map((word) => exactScores(word, memo)).sort((a, b) => a.size - b.size);
    const [rarest, ...others] = lists;
    if (!rarest) return;
    for (const id of rarest.keys()) {
      if (!others.every((list) => list.has(id))) continue;
      let sum = 0;
      words.forEach((word) => {
        sum += lowValue(word) * (memo.get(word)?.get(id) ?? 0);
      });
      const score = (alternative.weight * sum) / words.length;
      if (score > (best.get(id) ?? 0)) best.set(id, score);
    }
  };

  /** For a misspelt word, the closest indexed words, so their synonyms apply too. */
  const corrections = (word: string, matched: Set<string>): string[] => {
    const max = fuzziness(word);
    if (max === 0 || vocabulary.has(word)) return [];
    let closest: string[] = [];
    let closestDistance = max + 1;
    for (const term of matched) {
      const distance = editDistance(word, term, max);
      if (distance < closestDistance) {
        closest = [term];
        closestDistance = distance;
      } else if (distance === closestDistance && distance <= max) closest.push(term);
    }
    return closest.slice(0, 3);
  };

  return {
    size: order.size,
    toJSON() {
      const stored: StoredSearch = {
        format: STORED_FORMAT,
        index: index.toJSON(),
        vocabulary: [...vocabulary],
        ids: [...order.keys()],
        categories: [...categoryOf.values()],
      };
      return JSON.stringify(stored);
    },
    search(query, options = {}) {
      if (typeof query !== "string") return [];
      const limit = options.limit === undefined ? DEFAULT_LIMIT : Math.floor(options.limit);
      if (!(limit > 0)) return [];
      const units = queryUnits(query, vocabulary);
      if (units.length === 0) return [];

      const totals = new Map<string, { score: number; units: number }>();
      const memo = new Map<string, Map<string, number>>();
      for (const unit of units) {
        const best = new Map<string, number>();
        const alternatives = [...unit.alternatives];
        if (unit.word !== undefined) {
          const matched = collectTyped(unit.word, best);
          for (const corrected of corrections(unit.word, matched)) {
            for (const alternative of EXPANSIONS.get(corrected) ?? []) {
              alternatives.push({ words: alternative.words, weight: alternative.weight * WEIGHT_CORRECTED });
            }
          }
        }
        const seen = new Set<string>();
        for (const alternative of alternatives) {
          if (seen.has(alternative.words)) continue;
          seen.add(alternative.words);
          collectAlternative(alternative, best, memo);
        }
        for (const [id, score] of best) {
          const total = totals.get(id);
          if (total) {
            total.score += score;
            total.units += 1;
          } else totals.set(id, { score, units: 1 });
        }
      }

      const hits: GuideSearchHit[] = [];
      for (const [id, total] of totals) {
        if (options.category && categoryOf.get(id) !== options.category) continue;
        if (!(total.score > 0)) continue;
        hits.push({ id, score: total.score * total.units });
      }
      hits.sort((a, b) => b.score - a.score || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
      return hits.slice(0, limit);
    },
  };
}
