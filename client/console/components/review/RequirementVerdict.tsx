import { FIX_REASONS } from "../../../../shared/review/reasons";
import { locale } from "../../../i18n";
import { tc } from "../../messages";
import type { ReqReview } from "./review-state";

interface Props {
  reqId: string;
  review: ReqReview;
  onChange: (change: Partial<ReqReview>) => void;
}

/** The operator's mark on one requirement: accepted, or needs fixing with a reason from the list and a note. */
export function RequirementVerdict({ reqId, review, onChange }: Props) {
  const lang = locale.value;
  return (
    <fieldset class="review-verdict" data-testid={`req-verdict-${reqId}`}>
      <legend>{tc("reqVerdictLabel")}</legend>
      <label class="choice">
        <input
          type="radio"
          name={`req-${reqId}`}
          value="accepted"
          checked={review.status === "accepted"}
          onChange={() => onChange({ status: "accepted" })}
          data-testid={`req-accept-${reqId}`}
        />
        {tc("accepted")}
      </label>
      <label class="choice">
        <input
          type="radio"
          name={`req-${reqId}`}
          value="needs-fix"
          checked={review.status === "needs-fix"}
          onChange={() => onChange({ status: "needs-fix" })}
          data-testid={`req-fix-${reqId}`}
        />
        {tc("needsFix")}
      </label>
      {review.status === "needs-fix" && (
        <div class="review-fix-fields">
          <div class="field">
            <label for={`req-reason-${reqId}`}>{tc("fixReason")}</label>
            <select
              id={`req-reason-${reqId}`}
              value={review.reasonCode}
              required
              onChange={(event) => onChange({ reasonCode: event.currentTarget.value })}
              data-testid={`req-reason-${reqId}`}
            >
              <option value="">{tc("chooseReason")}</option>
              {Object.entries(FIX_REASONS).map(([code, text]) => (
                <option key={code} value={code}>
                  {text[lang]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`req-note-${reqId}`}>{tc("note")}</label>
            <input
              id={`req-note-${reqId}`}
              maxLength={1000}
              value={review.note}
              onInput={(event) => onChange({ note: event.currentTarget.value })}
              data-testid={`req-note-${reqId}`}
            />
          </div>
        </div>
      )}
    </fieldset>
  );
}
