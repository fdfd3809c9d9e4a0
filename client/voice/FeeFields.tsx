import { guidesById } from "../catalogue/store";
import { formatRupiah } from "../format";
import { tv } from "./messages";
import { amountOf } from "./validate";

interface Props {
  amount: string;
  guideId: string;
  error: string | undefined;
  onChange: (amount: string) => void;
}

/** For an unofficial fee: the amount asked, shown against the official fee the guide publishes. */
export function FeeFields({ amount, guideId, error, onChange }: Props) {
  const guide = guideId ? guidesById.value.get(guideId) : undefined;
  const fee = guide?.fee.amount;
  const asked = amountOf(amount);
  return (
    <div class={`field${error ? " has-error" : ""}`}>
      <label for="complaint-amount">{tv("amountLabel")}</label>
      <input
        id="complaint-amount"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={amount}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "complaint-amount-error complaint-fee" : "complaint-amount-hint complaint-fee"}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      {error ? (
        <p class="field-error" id="complaint-amount-error">
          {error}
        </p>
      ) : (
        <p class="field-hint" id="complaint-amount-hint">
          {tv("amountHint")}
        </p>
      )}
      <p class="voice-fee" id="complaint-fee" data-testid="official-fee">
        {asked !== null && <strong>{tv("amountShown", { amount: formatRupiah(asked) })}</strong>}
        {asked !== null && " · "}
        {fee === undefined
          ? tv("officialFeeUnknown")
          : fee === 0
            ? tv("officialFeeFree", { fee: formatRupiah(0) })
            : tv("officialFee", { fee: formatRupiah(fee) })}
      </p>
    </div>
  );
}
