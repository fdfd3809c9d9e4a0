import { Component } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { GuideSummary } from "../../shared/api/catalogue";
import { formatNumber } from "../format";
import { t } from "../i18n";
import { GuideCard } from "./GuideCard";
import { LIST_PAGE, useGrowingList } from "./use-growing-list";

interface PageProps {
  guides: readonly GuideSummary[];
  from: number;
  to: number;
}

/**
 * One page of cards, a list of its own. Adding cards leaves the pages above
 * untouched, for Preact (no re-render) and for the browser: a page off
 * screen skips style, layout and paint (content-visibility in styles.css).
 * With 1,000 cards in one list, every frame that added ten more re-laid out
 * and re-walked all of them: ~80 ms at 4x CPU. A card still follows the
 * language by itself (a signal).
 */
class GuidePage extends Component<PageProps> {
  override shouldComponentUpdate(next: PageProps): boolean {
    return next.guides !== this.props.guides || next.from !== this.props.from || next.to !== this.props.to;
  }

  override render({ guides, from, to }: PageProps) {
    return (
      <ul class="guide-list">
        {guides.slice(from, to).map((guide) => (
          <li key={guide.id}>
            <GuideCard guide={guide} />
          </li>
        ))}
      </ul>
    );
  }
}

function pageStarts(rendered: number): number[] {
  const starts: number[] = [];
  for (let from = 0; from < rendered; from += LIST_PAGE) starts.push(from);
  return starts;
}

/**
 * A long list of guides, rendered a page at a time (use-growing-list.ts):
 * the next page comes as the reader scrolls near the end, or with the
 * "Tampilkan lebih banyak" button, there for keyboards and screen readers,
 * which moves the focus to the first new card. Rendering 1,000 cards at once
 * froze a cheap phone for seconds. A new `resetKey` (other search words,
 * another category) starts again from the first page, reusing the cards on
 * screen rather than mounting the list afresh.
 */
export function GuideList({ guides, resetKey }: { guides: readonly GuideSummary[]; resetKey: string }) {
  const pages = useRef<HTMLDivElement>(null);
  const footer = useRef<HTMLDivElement>(null);
  const { rendered, more } = useGrowingList(guides.length, resetKey, footer);
  /** The first card the button added: it takes the focus once rendered. */
  const focusAt = useRef<number | null>(null);

  useEffect(() => {
    const index = focusAt.current;
    if (index === null || index >= rendered) return;
    focusAt.current = null;
    pages.current?.querySelectorAll<HTMLElement>(".guide-card")[index]?.focus();
  }, [rendered]);

  return (
    <>
      <div class="guide-pages" ref={pages}>
        {pageStarts(rendered).map((from, i, starts) => (
          <GuidePage key={from} guides={guides} from={from} to={starts[i + 1] ?? rendered} />
        ))}
      </div>
      {rendered < guides.length && (
        <div class="guide-list-more" ref={footer}>
          <p>{t("guidesShown", { shown: formatNumber(rendered), total: formatNumber(guides.length) })}</p>
          <button
            type="button"
            class="button"
            onClick={() => {
              focusAt.current = rendered;
              more();
            }}
          >
            {t("showMoreGuides")}
          </button>
        </div>
      )}
    </>
  );
}
