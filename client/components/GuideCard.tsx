import type { GuideSummary } from "../../shared/api/catalogue";
import { locale, t } from "../i18n";
import { guidePath, onLinkClick } from "../router";
import { FeeText, ServiceTimeText } from "./GuideFacts";

export function GuideCard({ guide }: { guide: GuideSummary }) {
  const lang = locale.value;
  return (
    <a class="guide-card" href={guidePath(guide.id)} onClick={onLinkClick}>
      <strong class="guide-card-title">{guide.title[lang]}</strong>
      <span class="guide-card-summary">{guide.summary[lang]}</span>
      <span class="guide-card-facts">
        <span class={guide.fee.amount === 0 ? "tag free" : "tag"}>
          <FeeText amount={guide.fee.amount} />
        </span>
        <span class="tag">
          <ServiceTimeText days={guide.serviceTime.workingDays} unit={guide.serviceTime.unit} />
        </span>
        <span class="tag subtle">{t(`level${capitalise(guide.office.level)}` as "levelKelurahan")}</span>
      </span>
    </a>
  );
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
