import type { Guide } from "../../shared/guide";
import { locale, type MessageKey, t } from "../i18n";
import { FeeText, ServiceTimeText } from "./GuideFacts";

/** Fee (first: "Gratis" stops illegal levies), time, office and product: the guide page and the console's preview. */
export function GuideFactsList({ guide }: { guide: Guide }) {
  const lang = locale.value;
  const level = `level${guide.office.level.charAt(0).toUpperCase()}${guide.office.level.slice(1)}` as MessageKey;
  return (
    <dl class="facts">
      <div class={guide.fee.amount === 0 ? "fact fee free" : "fact fee"}>
        <dt>{t("feeLabel")}</dt>
        <dd>
          <strong>
            <FeeText amount={guide.fee.amount} />
          </strong>
          <span class="small">
            {guide.fee.note ? guide.fee.note[lang] : t(guide.fee.amount === 0 ? "feeWarningFree" : "feeWarning")}
          </span>
        </dd>
      </div>
      <div class="fact">
        <dt>{t("timeLabel")}</dt>
        <dd>
          <strong>
            <ServiceTimeText days={guide.serviceTime.workingDays} unit={guide.serviceTime.unit} />
          </strong>
          {guide.serviceTime.note && <span class="small">{guide.serviceTime.note[lang]}</span>}
        </dd>
      </div>
      <div class="fact">
        <dt>{t("officeLabel")}</dt>
        <dd>
          <strong>{guide.office.name[lang]}</strong>
          <span class="small">{t(level)}</span>
        </dd>
      </div>
      <div class="fact wide">
        <dt>{t("productLabel")}</dt>
        <dd>{guide.product[lang]}</dd>
      </div>
    </dl>
  );
}
