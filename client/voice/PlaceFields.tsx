import { tv } from "./messages";
import { DistrictSelect, VillageSelect } from "./Pickers";
import type { ComplaintDraft } from "./validate";

interface Props {
  draft: ComplaintDraft;
  error: string | undefined;
  change: (next: Partial<ComplaintDraft>) => void;
}

/** Where it happened: the kecamatan office (PTSP), or a kelurahan in it. */
export function PlaceFields({ draft, error, change }: Props) {
  const id = draft.placeKind === "office" ? "complaint-district" : "complaint-village";
  return (
    <fieldset class={`card voice-fieldset${error ? " has-error" : ""}`} id="complaint-place">
      <legend>{tv("whereTitle")}</legend>
      <div class="voice-choices">
        {(["office", "kelurahan"] as const).map((kind) => (
          <label key={kind} class={`voice-choice${draft.placeKind === kind ? " chosen" : ""}`}>
            <input
              type="radio"
              name="place-kind"
              value={kind}
              checked={draft.placeKind === kind}
              onChange={() => change({ placeKind: kind })}
            />
            <span>{tv(kind === "office" ? "placeOffice" : "placeKelurahan")}</span>
          </label>
        ))}
      </div>
      <div class={`field${error && draft.placeKind === "office" ? " has-error" : ""}`}>
        <label for="complaint-district">{tv("districtLabel")}</label>
        <DistrictSelect
          id="complaint-district"
          value={draft.kecamatanCode}
          error={draft.placeKind === "office" ? error : undefined}
          onChange={(kecamatanCode) => change({ kecamatanCode, kelurahanCode: "" })}
        />
      </div>
      {draft.placeKind === "kelurahan" && (
        <div class={`field${error ? " has-error" : ""}`}>
          <label for="complaint-village">{tv("villageLabel")}</label>
          <VillageSelect
            id="complaint-village"
            district={draft.kecamatanCode}
            value={draft.kelurahanCode}
            error={error}
            onChange={(kelurahanCode) => change({ kelurahanCode })}
          />
        </div>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
