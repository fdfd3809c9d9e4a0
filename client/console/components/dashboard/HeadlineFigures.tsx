import type { Dashboard } from "../../../../shared/api/console";
import { formatNumber } from "../../../format";
import { formatHours, formatRate, rateBasis } from "../../format";
import { tc } from "../../messages";

function Figure({ id, label, value, basis }: { id: string; label: string; value: string; basis?: string }) {
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>
        <span data-testid={`dash-${id}`}>{value}</span>
        {basis && (
          <span class="figure-basis" data-testid={`dash-${id}-basis`}>
            {" "}
            ({basis})
          </span>
        )}
      </dd>
    </div>
  );
}

/** The totals at the top; each rate says what it is a share of, with both counts. */
export function HeadlineFigures({ data }: { data: Dashboard }) {
  const hasFiles = data.submitted > 0;
  return (
    <dl class="figures">
      <Figure id="submitted" label={tc("submittedCount")} value={formatNumber(data.submitted)} />
      <Figure
        id="first-pass"
        label={tc("firstPassRate")}
        value={formatRate(data.firstPassRate)}
        {...(hasFiles ? { basis: rateBasis(data.firstPass, data.submitted) } : {})}
      />
      <Figure
        id="sent-back"
        label={tc("sentBackRate")}
        value={formatRate(data.sentBackOrRejectedRate)}
        {...(hasFiles ? { basis: rateBasis(data.sentBackOrRejected, data.submitted) } : {})}
      />
      <Figure
        id="on-time"
        label={tc("onTimeRate")}
        value={formatRate(data.onTime.onTimeRate)}
        {...(data.onTime.decided > 0
          ? {
              basis: tc("onTimeBasis", {
                part: formatNumber(data.onTime.onTime),
                whole: formatNumber(data.onTime.decided),
                count: data.onTime.decided,
              }),
            }
          : {})}
      />
      <Figure id="median-submit" label={tc("medianDraftToSubmit")} value={formatHours(data.medianDraftToSubmitHours)} />
      <Figure
        id="median-verdict"
        label={tc("medianSubmitToVerdict")}
        value={formatHours(data.medianSubmitToVerdictHours)}
      />
    </dl>
  );
}
