import { computed, effect } from "@preact/signals";
import type { GuideSummary } from "../../shared/api/catalogue";
import { CATEGORIES, type Category } from "../../shared/categories";
import { indexGeneration, searchGuides, searchResult } from "../catalogue/search-index";
import { guidesById, listedGuides } from "../catalogue/store";
import { sessionSignal } from "../session-state";

/** What the home screen's search box and category chips hold (kept across a reload in the same visit). */
export const query = sessionSignal<string>("masdarin.search", "");
export const category = sessionSignal<Category | "">("masdarin.category", "");

// Every change of the words, the category or the index asks the worker again.
effect(() => {
  const text = query.value.trim();
  const only = category.value || undefined;
  if (text && indexGeneration.value > 0) searchGuides({ text, category: only });
});

/** Titles in lower case, for matching on the page while no index is ready (made on first need). */
const titles = computed(() => listedGuides.value.map((guide) => `${guide.title.id} ${guide.title.en}`.toLowerCase()));

function plainMatches(text: string, only: Category | undefined): GuideSummary[] {
  const needle = text.toLowerCase();
  const all = listedGuides.value;
  const haystacks = titles.value;
  return all.filter((guide, i) => (!only || guide.category === only) && (haystacks[i] as string).includes(needle));
}

/**
 * The guides to list: all of them (or one category's) for an empty box, the
 * index's ranking otherwise. While the answer to the newest words is on its
 * way (milliseconds), the previous answer stays: no flash of other results.
 */
export const results = computed((): readonly GuideSummary[] => {
  const text = query.value.trim();
  const only = category.value || undefined;
  if (!text) return only ? listedGuides.value.filter((guide) => guide.category === only) : listedGuides.value;
  const answer = searchResult.value;
  if (indexGeneration.value === 0 || !answer) return plainMatches(text, only);
  const byId = guidesById.value;
  return answer.ids.map((id) => byId.get(id)).filter((guide) => guide !== undefined);
});

export const usedCategories = computed(() =>
  CATEGORIES.filter((c) => listedGuides.value.some((guide) => guide.category === c)),
);
