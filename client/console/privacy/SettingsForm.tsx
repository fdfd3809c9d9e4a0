import { useState } from "preact/hooks";
import { PrivacySettings, SERVER_RETENTION_DAYS } from "../../../shared/api/retention";
import { LOCK_MINUTES, PHONE_RETENTION_DAYS, PIN_ATTEMPTS } from "../../../shared/device/rules";
import { formatNumber } from "../../format";
import { ApiFailure } from "../api";
import { ErrorNote } from "../components/Notice";
import { tp } from "../privacy-messages";
import { NumberField } from "./NumberField";
import { savePrivacySettings } from "./privacy-api";
import { GRID, HELP } from "./styles";

type Field = keyof PrivacySettings;
const BOUNDS: Record<Field, { min: number; max: number }> = {
  lockMinutes: LOCK_MINUTES,
  pinAttempts: PIN_ATTEMPTS,
  phoneRetentionDays: PHONE_RETENTION_DAYS,
  closedFileRetentionDays: SERVER_RETENTION_DAYS,
};
const PHONE_FIELDS = ["lockMinutes", "pinAttempts", "phoneRetentionDays"] as const;

const bounded = (field: Field) => ({ min: formatNumber(BOUNDS[field].min), max: formatNumber(BOUNDS[field].max) });
const asNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/**
 * The admin's privacy settings: the phones' rules and the server's retention
 * ("Simpan" or a number of days). Checked here with the schema the server
 * checks with (shared/api/retention.ts), so a wrong number is named at its field.
 */
export function SettingsForm({
  value,
  onSaved,
}: {
  value: PrivacySettings;
  onSaved: (saved: PrivacySettings) => void;
}) {
  const [texts, setTexts] = useState<Record<Field, string>>({
    lockMinutes: String(value.lockMinutes),
    pinAttempts: String(value.pinAttempts),
    phoneRetentionDays: String(value.phoneRetentionDays),
    closedFileRetentionDays: String(value.closedFileRetentionDays ?? SERVER_RETENTION_DAYS.min * 5),
  });
  const [keep, setKeep] = useState(value.closedFileRetentionDays === null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: Field) => (text: string) => setTexts((previous) => ({ ...previous, [field]: text }));

  function fieldErrors(fields: readonly (string | number | undefined)[]): Partial<Record<Field, string>> {
    const named: Partial<Record<Field, string>> = {};
    for (const field of fields) {
      if (typeof field === "string" && field in BOUNDS)
        named[field as Field] = tp("wholeNumber", bounded(field as Field));
    }
    return named;
  }

  async function save(event: Event) {
    event.preventDefault();
    setFailure(null);
    const parsed = PrivacySettings.safeParse({
      lockMinutes: asNumber(texts.lockMinutes),
      pinAttempts: asNumber(texts.pinAttempts),
      phoneRetentionDays: asNumber(texts.phoneRetentionDays),
      closedFileRetentionDays: keep ? null : asNumber(texts.closedFileRetentionDays),
    });
    if (!parsed.success) {
      const named = fieldErrors(parsed.error.issues.map((issue) => issue.path[0] as string));
      setErrors(named);
      document.getElementById(`privacy-${Object.keys(named)[0]}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      onSaved(await savePrivacySettings(parsed.data));
    } catch (error) {
      const named = error instanceof ApiFailure ? fieldErrors(error.issues.map((issue) => issue.path[0])) : {};
      if (Object.keys(named).length > 0) setErrors(named);
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="privacy-form" onSubmit={(event) => void save(event)} noValidate style={{ marginBottom: "1.5rem" }}>
      <div style={GRID}>
        <section class="card" aria-labelledby="privacy-phone-title">
          <h2 id="privacy-phone-title">{tp("phoneTitle")}</h2>
          <p class="field-hint" style={HELP}>
            {tp("phoneHelp")}
          </p>
          {PHONE_FIELDS.map((field) => (
            <NumberField
              key={field}
              id={`privacy-${field}`}
              label={tp(field)}
              hint={tp(`${field}Hint`, bounded(field))}
              value={texts[field]}
              bounds={BOUNDS[field]}
              error={errors[field]}
              onInput={set(field)}
            />
          ))}
        </section>
        <section class="card" aria-labelledby="privacy-server-title">
          <h2 id="privacy-server-title">{tp("serverTitle")}</h2>
          <p class="field-hint" style={HELP}>
            {tp("serverHelp")}
          </p>
          <fieldset class="field plain-fieldset">
            <legend>{tp("serverChoice")}</legend>
            <label class="privacy-choice">
              <input type="radio" name="privacy-keep" checked={keep} onChange={() => setKeep(true)} />{" "}
              {tp("keepChoice")}
            </label>
            <label class="privacy-choice">
              <input type="radio" name="privacy-keep" checked={!keep} onChange={() => setKeep(false)} />{" "}
              {tp("limitChoice")}
            </label>
          </fieldset>
          {!keep && (
            <NumberField
              id="privacy-closedFileRetentionDays"
              label={tp("serverDays")}
              hint={tp("serverDaysHint", bounded("closedFileRetentionDays"))}
              value={texts.closedFileRetentionDays}
              bounds={BOUNDS.closedFileRetentionDays}
              error={errors.closedFileRetentionDays}
              onInput={set("closedFileRetentionDays")}
            />
          )}
        </section>
      </div>
      {failure !== null && <ErrorNote error={failure} />}
      <button type="submit" class="button primary" disabled={busy} data-testid="privacy-save">
        {busy ? tp("saving") : tp("save")}
      </button>
    </form>
  );
}
