import { CATEGORIES, GovernmentLevel } from "../../../../shared/guide";
import { t } from "../../../i18n";
import { tc } from "../../messages";
import type { Editor } from "../GuideFields";
import { SelectInput } from "./ChoiceFields";
import { LocalizedInput } from "./LocalizedInput";
import { Section } from "./Section";
import { ListText } from "./TextFields";

const LEVEL_KEYS = {
  kelurahan: "levelKelurahan",
  kecamatan: "levelKecamatan",
  kota: "levelKota",
  provinsi: "levelProvinsi",
} as const;

export const levelChoices = () => GovernmentLevel.options.map((value) => ({ value, label: t(LEVEL_KEYS[value]) }));

/** What the service is, who issues it and for whom. */
export function InfoSection({ ed }: { ed: Editor }) {
  return (
    <Section id="sec-info">
      <LocalizedInput ed={ed} path={["title"]} label={tc("fTitle")} />
      <LocalizedInput ed={ed} path={["summary"]} label={tc("fSummary")} multiline />
      <SelectInput
        ed={ed}
        path={["category"]}
        label={tc("fCategory")}
        options={CATEGORIES.map((value) => ({ value, label: t(`category.${value}`) }))}
      />
      <ListText ed={ed} path={["keywords"]} label={tc("fKeywords")} separator="," />
      <LocalizedInput ed={ed} path={["product"]} label={tc("fProduct")} />
      <LocalizedInput ed={ed} path={["office", "name"]} label={tc("fOfficeName")} />
      <SelectInput ed={ed} path={["office", "level"]} label={tc("fOfficeLevel")} options={levelChoices()} />
      <SelectInput ed={ed} path={["residency"]} label={tc("fResidency")} options={levelChoices()} optional />
    </Section>
  );
}
